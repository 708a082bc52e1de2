// Solve an endgame exactly: the bag is empty, so the opponent holds the unseen tiles.
import { presetConfig, parseBoard, handFromLetters, EndgameSolver } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
const preset = presetConfig('en');
if (!dictionary.ok || !preset.ok) throw new Error('cannot load the defaults');
const config = preset.value;

const rows = Array.from({ length: 15 }, () => '.'.repeat(15));
rows[7] = '.....QUOTE.....';
const board = parseBoard(rows.join('\n'), config.alphabet);
const mine = handFromLetters('AXE', config);
const theirs = handFromLetters('JIN', config);
if (!board.ok || !mine.ok || !theirs.ok) throw new Error('bad example');

const solver = EndgameSolver.create(config, dictionary.value);
if (!solver.ok) throw new Error(solver.error.message);
const result = solver.value.solve(board.value, [mine.value, theirs.value], { timeMs: 5000 });
if (result.ok) {
  // The spread change to the end of the game for the side to move, rack adjustments included:
  // AXE goes out for 27 and takes twice the 10 points left on the opponent's rack.
  console.log(result.value.value, result.value.exact); // → 43 true
  console.log(result.value.line.map((m) => `${m.notation} ${m.score}`).join(', ')); // → 9I AXE 23
}
