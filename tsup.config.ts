import { defineConfig } from 'tsup';

// The library: ESM and CommonJS, each split into shared chunks so that every class exists once
// whichever entries a program imports (`wordgame-engine` and `wordgame-engine/node` hand out the
// same `Dictionary`). The CLI is ESM only. No source maps in the package: the code is not
// minified, and the sources are in the repository.
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
    dts: { entry: library },
    splitting: true,
    clean: true,
    // Optional dependencies: loaded when installed, never bundled.
    external: ['cli-progress', 'bullmq', 'ioredis'],
    target: 'es2022',
    sourcemap: false,
  },
  {
    entry: library,
    format: ['cjs'],
    external: ['cli-progress', 'bullmq', 'ioredis'],
    dts: { entry: library },
    splitting: true,
    shims: true,
    target: 'es2022',
    sourcemap: false,
  },
]);
