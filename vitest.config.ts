import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // The examples import the package by name, as users do; tests run them on the sources.
  resolve: {
    alias: [
      { find: /^wordgame-engine$/, replacement: src('index.ts') },
      { find: /^wordgame-engine\/node$/, replacement: src('node.ts') },
      { find: /^wordgame-engine\/internals$/, replacement: src('internals.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets CI print a one-line summary (see .ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
