import { DICE_SETS, defaultDiceSet, type DiceSet } from '../../boggle/dice.js';
import { formatGrid, parseGrid, renderGrid, rollGrid, type BoggleGrid } from '../../boggle/grid.js';
import { validateBoggleMove } from '../../boggle/rules.js';
import { BoggleSolver } from '../../boggle/solver.js';
import { randomSeed } from '../../game/settings.js';
import {
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  describeError,
  emit,
  intOption,
  limitOption,
  noteTruncated,
  type Command,
  type Context,
} from '../framework.js';

const SET_NAMES = Object.keys(DICE_SETS).join(', ');

/** `wordgame boggle new`. */
export const boggleNew: Command = {
  name: 'boggle new',
  summary: 'Rolls a Boggle grid from a dice set (the same seed gives the same grid).',
  args: '',
  options: {
    size: {
      type: 'string',
      describe: 'grid side: 4, 5 or 6, with its default dice set (default: 4, or the side of --dice)',
    },
    dice: { type: 'string', describe: `dice set: ${SET_NAMES}` },
    seed: { type: 'string', describe: 'seed of the roll (default: a random one, printed)' },
  },
  examples: [
    'wordgame boggle new --seed 7',
    'wordgame boggle new --size 5 --json',
    'wordgame boggle new --dice classic16 --seed 1',
  ],
  run(ctx) {
    const { values } = ctx;
    const size = intOption(values, 'size', 4, 6);
    let set: DiceSet | undefined;
    if (typeof values.dice === 'string') {
      set = Object.prototype.hasOwnProperty.call(DICE_SETS, values.dice) ? DICE_SETS[values.dice] : undefined;
      if (set === undefined) throw new UsageError(`--dice takes ${SET_NAMES}, not ${JSON.stringify(values.dice)}`);
      if (size !== undefined && size !== set.side)
        throw new UsageError(`--size ${size} and --dice ${set.name} (a ${set.side}×${set.side} set) disagree`);
    } else set = defaultDiceSet(size ?? 4);
    if (set === undefined) throw new UsageError('--size takes 4, 5 or 6');
    const seed = intOption(values, 'seed', 0, 2 ** 32 - 1) ?? randomSeed();
    const grid = rollGrid(set, seed, ctx.dictionary().alphabet);
    if (!grid.ok) throw new CommandError(grid.error, EXIT.FAILED);
    if (ctx.json)
      emit(ctx.io, { ok: true, grid: formatGrid(grid.value), seed, dice: set.name, minLength: grid.value.minLength });
    else ctx.io.out(`${renderGrid(grid.value)}${formatGrid(grid.value)}  (seed ${seed}, dice ${set.name})\n`);
    return EXIT.OK;
  },
};

/** A grid argument: square, of side 4, 5 or 6 (the game's sizes, each with its minimum word length). */
function gridArgument(ctx: Context, text: string | undefined): BoggleGrid {
  if (text === undefined)
    throw new UsageError(
      'give the grid: rows joined by /, e.g. SERS/PATG/LINE/SERS (Qu as Q or Qu, other two-letter faces in brackets)',
    );
  const grid = parseGrid(text, ctx.dictionary().alphabet);
  if (!grid.ok) throw new UsageError(`bad grid: ${grid.error.cause ?? grid.error.message}`);
  const { rows, cols } = grid.value;
  if (rows !== cols || rows < 4 || rows > 6)
    throw new UsageError(`a grid is square, 4×4, 5×5 or 6×6; this one is ${rows}×${cols}`);
  return grid.value;
}

const cell = (grid: BoggleGrid, i: number): [number, number] => [Math.floor(i / grid.cols), i % grid.cols];

/** `wordgame boggle solve`. */
export const boggleSolve: Command = {
  name: 'boggle solve',
  summary: 'Lists every word of a Boggle grid with its path and score, and the total.',
  args: 'GRID',
  options: { limit: limitOption(100_000), dict: DICT_OPTION },
  examples: [
    'wordgame boggle solve SERS/PATG/LINE/SERS',
    'wordgame boggle solve QITE/ABSO/RSTE/LNOP --json --limit 10',
  ],
  run(ctx) {
    if (ctx.positionals.length > 1) throw new UsageError('give one grid');
    const grid = gridArgument(ctx, ctx.positionals[0]);
    const limit = intOption(ctx.values, 'limit', 1, 10_000_000) as number;
    const solution = new BoggleSolver(ctx.dictionary()).solveWords(grid);
    const words = solution.words.slice(0, limit);
    const truncated = words.length < solution.words.length;
    if (ctx.json)
      emit(ctx.io, {
        ok: true,
        words: words.map((w) => ({ word: w.word, path: w.path.map((i) => cell(grid, i)), score: w.score })),
        count: solution.words.length,
        total: solution.total,
        longest: solution.longest,
        truncated,
      });
    else {
      let out = renderGrid(grid);
      for (const w of words)
        out += `${w.word.padEnd(16)} ${String(w.score).padStart(2)}  ${w.path.map((i) => cell(grid, i).join(',')).join(' ')}\n`;
      out += `${solution.words.length} words, ${solution.total} points; longest: ${solution.longest.join(' ')}\n`;
      ctx.io.out(out);
    }
    if (truncated) noteTruncated(ctx, words.length);
    return EXIT.OK;
  },
};

/** `wordgame boggle check`. */
export const boggleCheck: Command = {
  name: 'boggle check',
  summary:
    'Checks words on a Boggle grid (length, dictionary, letters, path) and scores them; exit 1 when any is invalid.',
  args: 'GRID WORD...',
  options: { dict: DICT_OPTION },
  examples: [
    'wordgame boggle check QITE/ABSO/RSTE/LNOP quite tribes',
    'wordgame boggle check QITE/ABSO/RSTE/LNOP quite --json',
  ],
  run(ctx) {
    const grid = gridArgument(ctx, ctx.positionals[0]);
    const words = ctx.positionals.slice(1);
    if (words.length === 0) throw new UsageError('give the words to check after the grid');
    const d = ctx.dictionary();
    const results = words.map((word) => {
      const r = validateBoggleMove({ word }, { grid, dictionary: d, alphabet: d.alphabet });
      return r.ok
        ? { word, ok: true as const, score: r.value.score, path: r.value.path.map((i) => cell(grid, i)) }
        : { word, ok: false as const, error: r.error };
    });
    const allValid = results.every((r) => r.ok);
    if (ctx.json) emit(ctx.io, { ok: allValid, results });
    else
      ctx.io.out(
        results
          .map((r) =>
            r.ok
              ? `${r.word}: valid, ${r.score} point${r.score === 1 ? '' : 's'} (${r.path.map((p) => p.join(',')).join(' ')})`
              : `${r.word}: ${describeError(r.error)}`,
          )
          .join('\n') + '\n',
      );
    return allValid ? EXIT.OK : EXIT.FAILED;
  },
};
