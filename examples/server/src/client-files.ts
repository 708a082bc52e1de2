import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The browser client (client/index.html and client/client.ts, bundled by esbuild into
 * `.client/client.js` at start), as the files the server serves.
 */
export async function clientFiles(): Promise<Record<string, readonly [string, string]>> {
  const root = join(import.meta.dirname, '..');
  const out = join(root, '.client');
  mkdirSync(out, { recursive: true });
  await build({ entryPoints: [join(root, 'client/client.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(out, 'client.js'), logLevel: 'warning' });
  return { '/': ['text/html', join(root, 'client/index.html')], '/client.js': ['text/javascript', join(out, 'client.js')] };
}
