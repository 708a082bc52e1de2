import { describe, expect, it } from 'vitest';
import { ENTRIES, apiReport, committedReport } from '../scripts/api-report.js';

// The public surface of each entry against the committed report (`api/*.txt`): a change of an
// export's name or kind shows as a diff of those files, made on purpose with `npm run api:report`.
describe('the API report', () => {
  const report = apiReport();
  for (const entry of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
    it(`${entry}: the exports and their kinds are the committed ones`, () => {
      expect(report[entry]).toBe(committedReport(entry));
    });
  }
});
