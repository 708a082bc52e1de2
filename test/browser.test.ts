import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.js';

/**
 * The core in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core; never a downloaded browser) loads `examples/browser.html` from a server on
 * loopback. The page imports the core bundled for browsers (esbuild, platform `browser`: a Node
 * built-in anywhere in it fails the build), fetches the embedded dictionary as bytes, validates a
 * move, finds the best play, solves a Boggle grid and runs a game through `apply`.
 */
const root = join(import.meta.dirname, '..');
if (chromiumPath === undefined)
  console.warn('browser test skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');

describe.skipIf(chromiumPath === undefined)('the core in headless Chromium', () => {
  let server: Server;
  let url = '';
  let bundle = '';

  beforeAll(async () => {
    const out = await build({
      entryPoints: [join(root, 'src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]?.text ?? '';
    const worker = await build({
      entryPoints: [join(root, 'src/sim/web-worker.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, [string, string | Buffer]> = {
      '/': ['text/html', readFileSync(join(root, 'examples/browser.html'))],
      '/sim.html': ['text/html', readFileSync(join(root, 'examples/browser-sim.html'))],
      '/wordgame-engine.js': ['text/javascript', bundle],
      '/sim-worker.js': ['text/javascript', worker.outputFiles[0]?.text ?? ''],
      '/en.dawg': ['application/octet-stream', readFileSync(join(root, 'dictionaries/en.dawg'))],
      '/en.klv2': ['application/octet-stream', readFileSync(join(root, 'dictionaries/en.klv2'))],
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
    const browser = await chromium.launch({
      executablePath: chromiumPath as string,
      args: ['--no-sandbox', '--headless=new'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      await page.waitForFunction('window.results !== undefined', undefined, { timeout: 30_000 });
      expect(errors).toEqual([]);
      const results: unknown = await page.evaluate('window.results');
      expect(results).toEqual({ move: 38, best: '8B WIZARDS 110', boggle: '1126 3601', game: 'running turn 2' });
    } finally {
      await browser.close();
    }
  });

  it('simulates in Web Workers while the page stays responsive', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath as string,
      args: ['--no-sandbox', '--headless=new'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${url}sim.html`);
      await page.waitForFunction('window.simResults !== undefined', undefined, { timeout: 120_000 });
      expect(errors).toEqual([]);
      const r = (await page.evaluate('window.simResults')) as {
        ok: boolean;
        best: string;
        iterations: number;
        checks: number;
        longTasks: { ms: number; at: number }[];
        probeSeen: boolean;
        maxGap: number;
      };
      expect(r.ok).toBe(true);
      expect(r.iterations).toBeGreaterThanOrEqual(64);
      expect(r.checks).toBeGreaterThan(0);
      // The same job in Node, in this thread: the same choice and iterations (the result does not depend on where it runs).
      const { prepareSimJob } = await import('wordgame-engine');
      const { loadDefaultDictionary, loadDefaultLeaves } = await import('wordgame-engine/node');
      const { parseBoard, presetConfig, handFromLetters } = await import('wordgame-engine');
      const config = presetConfig('en');
      if (!config.ok) throw new Error('no en');
      const text =
        /<script type="text\/plain" id="board">([^<]*)<\/script>/
          .exec(readFileSync(join(root, 'examples/browser-sim.html'), 'utf8'))?.[1]
          ?.trim() ?? '';
      const board = parseBoard(text, config.value.alphabet);
      const rack = handFromLetters('EHMOSTY', config.value);
      if (!board.ok || !rack.ok) throw new Error('bad page position');
      const run = prepareSimJob(
        {
          cells: board.value.cells(),
          rack: [...rack.value],
          lead: 84,
          options: { iterations: 128, candidates: 8, seed: 5 },
        },
        { dictionary: loadDefaultDictionary, leaves: loadDefaultLeaves },
      );
      if (!run.ok) throw new Error(run.error.message);
      const here = run.value.runToEnd();
      expect([r.best, r.iterations]).toEqual([here.candidates[0]?.notation, here.iterations]);
      // Responsive: no main-thread task over 50 ms while the workers simulate.
      expect(r.longTasks).toEqual([]);
      expect(r.probeSeen).toBe(true);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
