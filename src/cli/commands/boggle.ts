import { parseArgs } from 'node:util';
import { defaultDiceSet, DICE_SETS } from '../../boggle/dice.js';
import { parseGrid, renderGrid, rollGrid, formatGrid } from '../../boggle/grid.js';
import { validateBoggleMove } from '../../boggle/rules.js';
import { BoggleSolver } from '../../boggle/solver.js';
import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const BOGGLE_USAGE = `wordgame boggle new [--size 4|5|6] [--seed N] [--dice SET]
wordgame boggle solve GRID [--json] [--dict FILE]      (GRID: rows joined by /, e.g. SERS/PATG/LINE/SERS; Qu as Q or Qu)
wordgame boggle check GRID WORD... [--dict FILE]`;

/** `wordgame boggle new|solve|check`. */
export async function boggleCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '4' },
      seed: { type: 'string' },
      dice: { type: 'string' },
      json: { type: 'boolean', default: false },
      dict: { type: 'string' },
    },
  });
  const d = dictionaryFromOption(values.dict);
  if (!d.ok) {
    io.err(describeError(d.error) + '\n');
    return 2;
  }
  const alphabet = d.value.alphabet;
  if (sub === 'new') {
    const set = values.dice !== undefined ? DICE_SETS[values.dice] : defaultDiceSet(Number(values.size));
    if (set === undefined || (values.dice !== undefined && !Object.prototype.hasOwnProperty.call(DICE_SETS, values.dice))) {
      io.err(`--size takes 4, 5 or 6; --dice takes ${Object.keys(DICE_SETS).join(', ')}\n`);
      return 2;
    }
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
    if (!Number.isInteger(seed)) {
      io.err('--seed takes a whole number\n');
      return 2;
    }
    const grid = rollGrid(set, seed, alphabet);
    if (!grid.ok) {
      io.err(describeError(grid.error) + '\n');
      return 1;
    }
    io.out(values.json ? JSON.stringify({ grid: formatGrid(grid.value), seed, dice: set.name }) + '\n' : `${renderGrid(grid.value)}${formatGrid(grid.value)}  (seed ${seed}, dice ${set.name})\n`);
    return 0;
  }
  if (sub !== 'solve' && sub !== 'check') {
    io.err(`usage:\n${BOGGLE_USAGE}\n`);
    return 2;
  }
  const text = positionals[0];
  if (text === undefined) {
    io.err(`usage:\n${BOGGLE_USAGE}\n`);
    return 2;
  }
  const grid = parseGrid(text, alphabet);
  if (!grid.ok) {
    io.err(describeError(grid.error) + '\n');
    return 2;
  }
  const cols = grid.value.cols;
  const cell = (i: number) => [Math.floor(i / cols), i % cols] as [number, number];
  if (sub === 'solve') {
    const solution = new BoggleSolver(d.value).solveWords(grid.value);
    if (values.json) io.out(JSON.stringify({ words: solution.words.map((w) => ({ word: w.word, path: w.path.map(cell), score: w.score })), total: solution.total }) + '\n');
    else {
      io.out(renderGrid(grid.value));
      for (const w of solution.words) io.out(`${w.word.padEnd(16)} ${String(w.score).padStart(2)}  ${w.path.map((i) => cell(i).join(',')).join(' ')}\n`);
      io.out(`${solution.words.length} words, ${solution.total} points; longest: ${solution.longest.join(' ')}\n`);
    }
    return 0;
  }
  let invalid = 0;
  for (const word of positionals.slice(1)) {
    const r = validateBoggleMove({ word }, { grid: grid.value, dictionary: d.value, alphabet });
    if (r.ok) io.out(`${word}: valid, ${r.value.score} point${r.value.score === 1 ? '' : 's'} (${r.value.path.map((i) => cell(i).join(',')).join(' ')})\n`);
    else {
      invalid++;
      io.out(`${word}: ${describeError(r.error)}\n`);
    }
  }
  return invalid > 0 ? 1 : 0;
}
