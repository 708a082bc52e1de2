// Choose a play by simulation: each candidate is played out against the same random opponent racks.
import { presetConfig, parseBoard, handFromLetters, Simulator } from 'wordgame-engine';
import { loadDefaultDictionary, loadDefaultLeaves } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
const leaves = loadDefaultLeaves();
const preset = presetConfig('en');
if (!dictionary.ok || !leaves.ok || !preset.ok) throw new Error('cannot load the defaults');
const config = preset.value;

const rows = Array.from({ length: 15 }, () => '.'.repeat(15));
rows[7] = '...QUIRKY......';
const board = parseBoard(rows.join('\n'), config.alphabet);
const rack = handFromLetters('AEINRST', config);
if (!board.ok || !rack.ok) throw new Error('bad example');

const sim = Simulator.create(config, dictionary.value, leaves.value);
if (!sim.ok) throw new Error(sim.error.message);
// 8 candidates by equity, 2 plies, at most 300 iterations; stop once one play is best at 99 %.
const result = sim.value.simulate(
  { board: board.value, rack: rack.value, lead: 0 },
  { candidates: 8, iterations: 300, seed: 1 },
);
if (result.ok) {
  const best = result.value.candidates[0];
  console.log(best?.notation, best?.score); // → H8 .ERATINS 89
  console.log(result.value.stop, result.value.iterations); // → confident 64
}
