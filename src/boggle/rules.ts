import type { Alphabet } from '../alphabet/alphabet.js';
import type { WordLookup } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { BOGGLE_SCORES, boggleScore } from './dice.js';
import type { BoggleGrid } from './grid.js';

/**
 * A Boggle move as a client sends it (untrusted JSON): the ordered path of cells, each
 * `[row, col]` (0-based), or a word, for which the engine finds a path on the grid.
 */
export type BoggleMoveInput = { readonly path: readonly (readonly [number, number])[] } | { readonly word: string };

/** A valid Boggle word. */
export interface BoggleWord {
  readonly word: string;
  /** Cell indices (`row * cols + col`). */
  readonly path: readonly number[];
  /** Length in letters (Qu counts 2). */
  readonly letters: number;
  readonly score: number;
}

/** What a Boggle move is checked against. */
export interface BoggleContext {
  readonly grid: BoggleGrid;
  readonly dictionary: WordLookup;
  /** The alphabet of the grid's glyph codes (to spell words). */
  readonly alphabet: Pick<Alphabet, 'decode' | 'encode'>;
  /** Score by length (default {@link BOGGLE_SCORES}). */
  readonly scores?: readonly number[];
}

const MAX_PATH = 64;

/**
 * Checks a Boggle move. Returns the word, or the first error in the rule book's order: 60000
 * (malformed; cause), 60003 (empty), 60109 (a cell used twice), 60110 (two consecutive cells not
 * neighbours), 60111 (too short; param: the grid's minimum), 60108 (not a word; param: the word).
 * A move given as a word (the engine finds its path) is checked for 60111 and 60108 first, then
 * 60110 when no path spells it: the path search runs only for words of the dictionary whose
 * letters the grid holds, and is bounded. Never throws; changes nothing.
 */
export function validateBoggleMove(move: unknown, ctx: BoggleContext): Result<BoggleWord, EngineError> {
  const { grid } = ctx;
  const bad = (cause: string) => err(engineError(Code.BAD_MOVES_FORMAT, { cause }));
  if (typeof move !== 'object' || move === null || Array.isArray(move))
    return bad('a move must be an object with a path or a word');
  const has = (k: string) => Object.prototype.hasOwnProperty.call(move, k);
  let path: number[];
  if (has('path')) {
    const raw = (move as { path: unknown }).path;
    if (!Array.isArray(raw)) return bad('path must be an array of [row, col] cells');
    if (raw.length > MAX_PATH) return bad(`a path has at most ${MAX_PATH} cells`);
    path = [];
    for (let k = 0; k < raw.length; k++) {
      const cell: unknown = raw[k];
      if (!Array.isArray(cell) || cell.length !== 2 || !Number.isInteger(cell[0]) || !Number.isInteger(cell[1]))
        return bad(`cell ${k} must be [row, col]`);
      const [r, c] = cell as [number, number];
      if (r < 0 || c < 0 || r >= grid.rows || c >= grid.cols)
        return bad(`cell ${k} [${r}, ${c}] is off the ${grid.rows}×${grid.cols} grid`);
      path.push(r * grid.cols + c);
    }
    if (path.length === 0) return err(engineError(Code.NO_MOVES_SENT));
    const seen = new Set<number>();
    for (const c of path) {
      if (seen.has(c))
        return err(
          engineError(Code.SAME_TILE_TWICE, {
            cause: `cell [${Math.floor(c / grid.cols)}, ${c % grid.cols}] is used twice`,
          }),
        );
      seen.add(c);
    }
    for (let k = 1; k < path.length; k++) {
      if (!adjacent(path[k - 1] as number, path[k] as number, grid.cols))
        return err(engineError(Code.MOVES_NOT_CONTIGUOUS, { cause: `cells ${k - 1} and ${k} are not neighbours` }));
    }
  } else if (has('word')) {
    const word = (move as { word: unknown }).word;
    if (typeof word !== 'string' || word.length > MAX_PATH * 2) return bad('word must be a short string');
    if (word.trim().length === 0) return err(engineError(Code.NO_MOVES_SENT));
    const codes = ctx.alphabet.encode(word.trim());
    if (!codes.ok) return bad(`${JSON.stringify(word)} has characters outside the alphabet`);
    // Cheap checks first (length, dictionary, the grid's letters), so that the path search only
    // runs for real words that the grid's faces can spell.
    const text = ctx.alphabet.decode(codes.value);
    if (codes.value.length < grid.minLength)
      return err(
        engineError(Code.MOVES_TOO_SHORT, {
          param: grid.minLength,
          cause: `${codes.value.length} letters; the minimum is ${grid.minLength}`,
        }),
      );
    if (codes.value.length > 2 * grid.rows * grid.cols)
      return err(engineError(Code.MOVES_NOT_CONTIGUOUS, { param: text, cause: 'longer than any path on the grid' }));
    if (!ctx.dictionary.hasCodes(codes.value, 0, codes.value.length))
      return err(engineError(Code.INCORRECT_WORDS, { param: text, detail: { words: [text] } }));
    const found = findPath(grid, codes.value);
    if (found === undefined)
      return err(
        engineError(Code.MOVES_NOT_CONTIGUOUS, { param: text, cause: 'no path on the grid spells this word' }),
      );
    path = found;
  } else return bad('a move needs a path or a word');
  const codes: number[] = [];
  for (const c of path) {
    codes.push(grid.first[c] as number);
    if (grid.second[c] !== 0) codes.push(grid.second[c] as number);
  }
  const letters = codes.length;
  if (letters < grid.minLength)
    return err(
      engineError(Code.MOVES_TOO_SHORT, {
        param: grid.minLength,
        cause: `${letters} letters; the minimum is ${grid.minLength}`,
      }),
    );
  const word = ctx.alphabet.decode(codes);
  if (!ctx.dictionary.hasCodes(codes, 0, codes.length))
    return err(engineError(Code.INCORRECT_WORDS, { param: word, detail: { words: [word] } }));
  return ok({ word, path, letters, score: boggleScore(letters, ctx.scores ?? BOGGLE_SCORES) });
}

function adjacent(a: number, b: number, cols: number): boolean {
  const dr = Math.abs(Math.floor(a / cols) - Math.floor(b / cols));
  const dc = Math.abs((a % cols) - (b % cols));
  return dr <= 1 && dc <= 1 && dr + dc > 0;
}

/** The most cells a path search visits before it gives up (a few milliseconds). */
export const MAX_PATH_SEARCH_STEPS = 200_000;

/**
 * A path of distinct neighbouring cells whose faces spell `codes`, or undefined. Bounded: the
 * faces must hold the word's letters (counted) before any search, and the search gives up
 * (undefined) after {@link MAX_PATH_SEARCH_STEPS} cells, which no real word on a real grid
 * comes near.
 */
export function findPath(grid: BoggleGrid, codes: ArrayLike<number>): number[] | undefined {
  const cells = grid.rows * grid.cols;
  // Every letter of the word must be on the grid often enough (faces count their glyphs).
  const need = new Int16Array(65);
  for (let i = 0; i < codes.length; i++)
    need[(codes[i] as number) & 63] = (need[(codes[i] as number) & 63] as number) + 1;
  for (let c = 0; c < cells; c++) {
    need[grid.first[c] as number] = (need[grid.first[c] as number] as number) - 1;
    if (grid.second[c] !== 0) need[grid.second[c] as number] = (need[grid.second[c] as number] as number) - 1;
  }
  for (let g = 0; g < 65; g++) if ((need[g] as number) > 0) return undefined;
  const used = new Uint8Array(cells);
  const path: number[] = [];
  let steps = 0;
  const step = (cell: number, at: number): boolean => {
    if (++steps > MAX_PATH_SEARCH_STEPS) return false;
    const g1 = grid.first[cell] as number;
    const g2 = grid.second[cell] as number;
    if (codes[at] !== g1) return false;
    let next = at + 1;
    if (g2 !== 0) {
      if (codes[next] !== g2) return false;
      next++;
    }
    used[cell] = 1;
    path.push(cell);
    if (next === codes.length) return true;
    for (let nb = 0; nb < cells; nb++)
      if (used[nb] === 0 && adjacent(cell, nb, grid.cols) && step(nb, next)) return true;
    used[cell] = 0;
    path.pop();
    return false;
  };
  for (let c = 0; c < cells && steps <= MAX_PATH_SEARCH_STEPS; c++) if (step(c, 0)) return path;
  return undefined;
}

/** One player's words in a round. */
export interface BoggleSubmission {
  readonly player: string;
  readonly moves: readonly unknown[];
}

/** A player's round result. */
export interface BogglePlayerResult {
  readonly player: string;
  readonly score: number;
  /** Words that scored. */
  readonly counted: readonly BoggleWord[];
  /** Valid words that scored nothing because another player found them too (with `cancelShared`). */
  readonly cancelled: readonly BoggleWord[];
  /** Rejected moves with their error (60112 for a word submitted twice). */
  readonly rejected: readonly { readonly index: number; readonly error: EngineError }[];
}

/**
 * Scores a round: each player's moves are checked; the same word twice from one player is
 * rejected with 60112 (extension); with `cancelShared`, words found by more than one player
 * score nothing (classic multiplayer rule). At most `maxMoves` moves of each player are read
 * (default 10,000).
 */
export function scoreBoggleRound(
  submissions: readonly BoggleSubmission[],
  ctx: BoggleContext,
  options: { cancelShared?: boolean; maxMoves?: number } = {},
): BogglePlayerResult[] {
  const maxMoves = options.maxMoves ?? 10_000;
  const perPlayer = submissions.map((s) => {
    const valid: BoggleWord[] = [];
    const rejected: { index: number; error: EngineError }[] = [];
    const words = new Set<string>();
    const moves = Array.isArray(s.moves) ? s.moves.slice(0, maxMoves) : [];
    moves.forEach((m, index) => {
      const r = validateBoggleMove(m, ctx);
      if (!r.ok) rejected.push({ index, error: r.error });
      else if (words.has(r.value.word))
        rejected.push({ index, error: engineError(Code.WORD_ALREADY_SUBMITTED, { param: r.value.word }) });
      else {
        words.add(r.value.word);
        valid.push(r.value);
      }
    });
    return { player: s.player, valid, rejected, words };
  });
  const finders = new Map<string, number>();
  for (const p of perPlayer) for (const w of p.words) finders.set(w, (finders.get(w) ?? 0) + 1);
  return perPlayer.map((p) => {
    const counted = options.cancelShared === true ? p.valid.filter((w) => finders.get(w.word) === 1) : p.valid;
    const cancelled = options.cancelShared === true ? p.valid.filter((w) => (finders.get(w.word) ?? 0) > 1) : [];
    return {
      player: p.player,
      score: counted.reduce((s, w) => s + w.score, 0),
      counted,
      cancelled,
      rejected: p.rejected,
    };
  });
}
