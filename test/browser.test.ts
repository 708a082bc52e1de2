import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The core in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core; never a downloaded browser) loads `examples/browser.html` from a server on
 * loopback. The page imports the core bundled for browsers (esbuild, platform `browser`: a Node
 * built-in anywhere in it fails the build), fetches the embedded dictionary as bytes, validates a
 * move, finds the best play, solves a Boggle grid and runs a game through `apply`.
 */
const root = join(import.meta.dirname, '..');
const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromiumPath = candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
if (chromiumPath === undefined) console.warn('browser test skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');

describe.skipIf(chromiumPath === undefined)('the core in headless Chromium', () => {
  let server: Server;
  let url = '';
  let bundle = '';

  beforeAll(async () => {
    const out = await build({ entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'silent' });
    bundle = out.outputFiles[0]?.text ?? '';
    const files: Record<string, [string, string | Buffer]> = {
      '/': ['text/html', readFileSync(join(root, 'examples/browser.html'))],
      '/wordgame-engine.js': ['text/javascript', bundle],
      '/en.dawg': ['application/octet-stream', readFileSync(join(root, 'dictionaries/en.dawg'))],
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      if (file === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads the dictionary, validates, searches, solves and plays', async () => {
    expect(bundle).not.toMatch(/from\s*["']node:/);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath as string, args: ['--no-sandbox', '--headless=new'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      await page.waitForFunction('window.results !== undefined', undefined, { timeout: 30_000 });
      expect(errors).toEqual([]);
      const results: unknown = await page.evaluate('window.results');
      expect(results).toEqual({ move: 38, best: '8B WIZARDS 110', boggle: '1447 4669', game: 'running turn 1' });
    } finally {
      await browser.close();
    }
  });
});
