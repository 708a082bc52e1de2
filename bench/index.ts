/**
 * `npm run bench [-- SUITE...]`: every benchmark suite, or the named ones. Results are printed
 * with their ratios and saved under bench/results/.
 */
import { dictionaryBench } from './dictionary.bench.js';
import { validationBench } from './validation.bench.js';
import { boggleBench } from './boggle.bench.js';
import { movegenBench } from './movegen.bench.js';
import { engineBench } from './engine.bench.js';
import { adversarialBench } from './adversarial.bench.js';
import { historyBench } from './history.bench.js';
import { leavesBench } from './leaves.bench.js';
import { endgameBench } from './endgame.bench.js';
import { simBench } from './sim.bench.js';
import { inferenceBench } from './inference.bench.js';
import { analysisBench } from './analysis.bench.js';

const suites: Record<string, () => Promise<void>> = {
  dictionary: dictionaryBench,
  validation: validationBench,
  boggle: boggleBench,
  movegen: movegenBench,
  engine: engineBench,
  adversarial: adversarialBench,
  history: historyBench,
  leaves: leavesBench,
  endgame: endgameBench,
  sim: simBench,
  inference: inferenceBench,
  analysis: analysisBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  const run = suites[name];
  if (run === undefined) {
    console.error(`unknown suite ${name}; suites: ${Object.keys(suites).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  await run();
}
