#!/usr/bin/env node
/**
 * `npm run bench [-- SUITE...]`: bundles the benchmarks with esbuild (the same transform and
 * target as the published build, so imported constants are plain locals, not the getters a
 * development loader makes) and runs the bundle with node. Results go to bench/results/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = join('node_modules', '.cache', 'wordgame-bench', 'bench.mjs');
mkdirSync(join('node_modules', '.cache', 'wordgame-bench'), { recursive: true });
await build({
  entryPoints: ['bench/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_RESULTS: join(process.cwd(), 'bench', 'results') },
});
process.exitCode = run.status ?? 1;
