import { defineConfig } from 'tsup';

// The library: ESM and CommonJS, each split into shared chunks so that every class exists once
// whichever entries a program imports (`wordgame-engine` and `wordgame-engine/node` hand out the
// same `Dictionary`). The CLI is ESM only. No source maps in the package: the code is not
// minified, and the sources are in the repository. Declarations are not bundled here: `tsc -p
// tsconfig.types.json` writes one a module under `dist/types/` (stable names, the layout of
// `src/`) and `scripts/cjs-types.mjs` their `.d.cts` twins.
const library = { index: 'src/index.ts', node: 'src/node.ts', internals: 'src/internals.ts' };

export default defineConfig([
  {
    entry: {
      ...library,
      cli: 'src/cli/main.ts',
      'autoplay-worker': 'src/node/autoplay-worker.ts',
      'leaves-worker': 'src/node/leaves-worker.ts',
      'endgame-worker': 'src/node/endgame-worker.ts',
      'sim-worker': 'src/node/sim-worker.ts',
      'analyze-worker': 'src/node/analyze-worker.ts',
      'sim-web-worker': 'src/sim/web-worker.ts',
    },
    format: ['esm'],
    splitting: true,
    clean: true,
    // Optional peer dependencies (the queue): loaded when installed, never bundled.
    external: ['bullmq', 'ioredis'],
    target: 'es2022',
    sourcemap: false,
  },
  {
    entry: library,
    format: ['cjs'],
    external: ['bullmq', 'ioredis'],
    splitting: true,
    shims: true,
    target: 'es2022',
    sourcemap: false,
  },
]);
