import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets CI print a one-line summary (see .ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
