/**
 * `npm run fuzz`: the long fuzz run (defaults: 1,000,000 requests, 100,000 persisted states,
 * 100,000 dictionary files, 100,000 records, 100,000 leave files; seeded). Prints each suite's
 * counts and exits 1 when any suite has a throw, a hang or an accepted inconsistent input.
 *
 *   npm run fuzz -- --requests 20000 --states 2000 --files 2000 --records 2000 --leaves 2000 --seed 7
 */
import { parseArgs } from 'node:util';
import { fuzzDictionaries } from './dictionaries.js';
import { HANG_MS, type FuzzReport } from './harness.js';
import { fuzzLeaves } from './leaves.js';
import { fuzzRecords } from './records.js';
import { fuzzRequests } from './requests.js';
import { fuzzStates } from './states.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000000' },
    states: { type: 'string', default: '100000' },
    files: { type: 'string', default: '100000' },
    records: { type: 'string', default: '100000' },
    leaves: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261123' },
  },
});
const count = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} takes a whole number`);
  return n;
};
const seed = count('seed');
const progress = (label: string, total: number) => (done: number) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${total}   `);
};

const reports: FuzzReport[] = [];
const run = (f: () => FuzzReport) => {
  const r = f();
  reports.push(r);
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  console.log(
    `${r.suite}: ${r.cases} cases, ${r.accepted} accepted, ${r.throws} throws, ${r.hangs} hangs (over ${HANG_MS} ms), ${r.inconsistent} inconsistent; slowest call ${r.worstMs.toFixed(1)} ms; ${r.seconds.toFixed(0)} s`,
  );
  for (const e of r.examples) console.log(`  ${e}`);
};
run(() =>
  fuzzRequests({
    requests: count('requests'),
    seed,
    deepEvery: 100,
    onProgress: progress('requests', count('requests')),
  }),
);
run(() => fuzzStates({ states: count('states'), seed, onProgress: progress('states', count('states')) }));
run(() => fuzzDictionaries({ files: count('files'), seed, onProgress: progress('dictionary files', count('files')) }));
run(() => fuzzRecords({ records: count('records'), seed, onProgress: progress('records', count('records')) }));
run(() => fuzzLeaves({ files: count('leaves'), seed, onProgress: progress('leave files', count('leaves')) }));
const bad = reports.reduce((n, r) => n + r.throws + r.hangs + r.inconsistent, 0);
console.log(
  `\n| suite | cases | accepted | throws | hangs | inconsistent | slowest call |\n|---|---|---|---|---|---|---|`,
);
for (const r of reports)
  console.log(
    `| ${r.suite} | ${r.cases.toLocaleString('en')} | ${r.accepted.toLocaleString('en')} | ${r.throws} | ${r.hangs} | ${r.inconsistent} | ${r.worstMs.toFixed(1)} ms |`,
  );
console.log(bad === 0 ? '\nclean: no throw, no hang, no accepted inconsistent input' : `\n${bad} failures`);
process.exitCode = bad === 0 ? 0 : 1;
