import { describe, expect, it } from 'vitest';
import { fuzzDictionaries } from '../fuzz/dictionaries.js';
import { fuzzLeaves } from '../fuzz/leaves.js';
import { type FuzzReport, setHangBound } from '../fuzz/harness.js';
import { fuzzRecords } from '../fuzz/records.js';
import { fuzzRequests } from '../fuzz/requests.js';
import { ODD_VALUES, fuzzStates } from '../fuzz/states.js';
import { SEED } from './helpers.js';

/** The short, seeded versions of the fuzz suites (`npm run fuzz` runs the long ones). */
function clean(r: FuzzReport, minAccepted: number): void {
  expect({
    suite: r.suite,
    throws: r.throws,
    hangs: r.hangs,
    inconsistent: r.inconsistent,
    examples: r.examples,
  }).toEqual({ suite: r.suite, throws: 0, hangs: 0, inconsistent: 0, examples: [] });
  // The inputs reach the code past its first checks: a share of them is accepted.
  expect(r.accepted).toBeGreaterThanOrEqual(minAccepted);
}

// A hang here is a call over 500 ms on three runs (CPU time for the re-runs): a timed unit test
// must not fail on a slow or busy machine. The 50 ms bound is `npm run fuzz`'s, whose slowest call
// docs/fuzzing.md reports.
setHangBound(500);

describe('fuzz suites (short runs)', () => {
  it(
    'requests through apply: no throw, no hang, inputs unchanged, invariants kept',
    () => clean(fuzzRequests({ requests: 6000, seed: SEED }), 600),
    120_000,
  );
  it(
    'mutated persisted states: accepted ones keep every invariant and can be driven',
    () => clean(fuzzStates({ states: 1500, seed: SEED, games: 12 }), 100),
    120_000,
  );
  it('mutated persisted states: the odd values the mutations draw from stay as written', () => {
    // A shared array or object among them was once mutated in place by later mutations of the
    // state that took it, and grew from case to case until a long run ran out of memory: this
    // seed changed one within its first 1,000 cases.
    const before = JSON.stringify(ODD_VALUES);
    clean(fuzzStates({ states: 1000, seed: 20261207, games: 12 }), 50);
    expect(JSON.stringify(ODD_VALUES)).toBe(before);
  }, 120_000);
  it(
    'corrupted and crafted dictionary files: loaded ones hold exactly their words',
    () => clean(fuzzDictionaries({ files: 1500, seed: SEED }), 40),
    120_000,
  );
  it(
    'mutated game records: parse and replay answer within the bound',
    () => clean(fuzzRecords({ records: 1500, seed: SEED }), 500),
    120_000,
  );
  it(
    'corrupted and crafted leave files: loaded ones read every listed leave back, and rank searches',
    () => clean(fuzzLeaves({ files: 1500, seed: SEED }), 150),
    120_000,
  );
});
