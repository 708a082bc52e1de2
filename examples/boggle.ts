// Boggle: grids from text or from a seed, words checked against the grid and the dictionary, every word found.
import {
  ALPHABETS,
  parseGrid,
  rollGrid,
  DICE_SETS,
  formatGrid,
  validateBoggleMove,
  BoggleSolver,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);
const alphabet = ALPHABETS.en;

const grid = parseGrid('SERS/PATG/LINE/SERS', alphabet); // rows joined by '/'; Q or Qu is the Qu cell
if (!grid.ok) throw new Error(grid.error.message);
const ctx = { grid: grid.value, dictionary: dictionary.value, alphabet };

const word = validateBoggleMove({ word: 'PAINTERS' }, ctx); // or { path: [[row, col], ...] }
if (word.ok) console.log(word.value.word, word.value.score, word.value.path.join(' ')); // → PAINTERS 11 4 5 9 10 6 1 2 3
const missing = validateBoggleMove({ word: 'ZEBRA' }, ctx);
if (!missing.ok) console.log(missing.error.code, missing.error.name); // → 60110 MOVES_NOT_CONTIGUOUS

// The solver walks the dictionary over the grid; reuse one per dictionary.
const solver = new BoggleSolver(dictionary.value);
const all = solver.solveWords(grid.value);
console.log(all.words.length, all.total, all.longest.slice(0, 3).join(' ')); // → 1126 3601 ELATERINS ENTAILERS ESPALIERS
solver.solve(grid.value); // counts only, allocating nothing
console.log(solver.count, solver.total); // → 1126 3601

// A seeded roll of a dice set is reproducible.
const rolled = rollGrid(DICE_SETS['new16']!, 7, alphabet);
if (rolled.ok) console.log(formatGrid(rolled.value)); // → EHDE/LQuTE/TDAF/JEML
