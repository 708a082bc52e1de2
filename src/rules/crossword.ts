import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { WordLookup } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import type { Direction } from '../notation/square.js';
import { err, ok, type Result } from '../result.js';
import type { Hand } from '../state/hand.js';

/** What a crossword move is checked against. */
export interface MoveContext {
  readonly board: Board;
  readonly hand: Hand;
  readonly config: GameConfig;
  readonly dictionary: WordLookup;
}

/**
 * A move as a client sends it (untrusted JSON): the new tiles only. `row` and `col` are 0-based;
 * `glyph` is a glyph of the letterset (any case); `blank: true` plays a blank standing for that
 * glyph. A glyph of `?` is a blank that names no letter (rejected with 60102).
 */
export interface MoveInput {
  readonly tiles: readonly { readonly row: number; readonly col: number; readonly glyph: string; readonly blank?: boolean }[];
}

/** One word a move forms, with its score. */
export interface ScoredWord {
  readonly word: string;
  readonly row: number;
  readonly col: number;
  readonly direction: Direction;
  readonly score: number;
}

/** A valid move, scored. */
export interface ScoredMove {
  /** The new tiles, sorted by square. */
  readonly placements: readonly Placement[];
  readonly direction: Direction;
  /** The main word, then cross-words in board order. */
  readonly words: readonly ScoredWord[];
  /** The full-hand bonus (0 when not earned). */
  readonly bonus: number;
  /** Sum of the words' scores plus the bonus. */
  readonly score: number;
  /** The hand tiles used (glyph codes, BLANK for blanks). */
  readonly tilesUsed: readonly number[];
}

/** Detail of a 60108 error: every invalid word, main word first. */
export interface IncorrectWordsDetail {
  readonly words: readonly string[];
}

/**
 * Checks a crossword move and scores it. Returns the scored move, or the first broken rule in the
 * rule book's order: 60000 (cause), 60003, 60102, 60103, 60101, 60104, 60105, 60106, 60107, 60108
 * (param: the first invalid word; detail: all of them). Never throws; changes nothing.
 */
export function validateMove(move: unknown, ctx: MoveContext): Result<ScoredMove, EngineError> {
  const errors: EngineError[] = [];
  const scored = check(move, ctx, false, errors);
  return scored === undefined ? err(errors[0] ?? engineError(Code.UNKNOWN_ERROR)) : ok(scored);
}

/** Every rule a move breaks, in the rule book's order (empty when it is valid): for user interfaces. */
export function listViolations(move: unknown, ctx: MoveContext): EngineError[] {
  const errors: EngineError[] = [];
  check(move, ctx, true, errors);
  return errors;
}

/**
 * Reads untrusted move data into placements (sorted by square), or the 60000 error naming the
 * fault: wrong shape or types, off the board or dead squares, the same square twice, more tiles
 * than a hand holds, a string that is no glyph of the letterset. A blank naming no letter is
 * kept as BLANK (rule 60102 rejects it).
 */
export function readMove(move: unknown, ctx: MoveContext): Result<Placement[], EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_MOVES_FORMAT, { cause }));
  if (typeof move !== 'object' || move === null || Array.isArray(move)) return bad('a move must be an object with a tiles array');
  const tiles = Object.prototype.hasOwnProperty.call(move, 'tiles') ? (move as { tiles: unknown }).tiles : undefined;
  if (!Array.isArray(tiles)) return bad('tiles must be an array');
  const { layout, handSize, alphabet, letters } = ctx.config;
  if (tiles.length > handSize) return bad(`${tiles.length} tiles: a hand holds at most ${handSize}`);
  const placements: Placement[] = [];
  for (let k = 0; k < tiles.length; k++) {
    const t: unknown = tiles[k];
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return bad(`tile ${k} must be an object { row, col, glyph }`);
    const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(t, key) ? (t as Record<string, unknown>)[key] : undefined);
    const row = own('row');
    const col = own('col');
    const glyph = own('glyph');
    const blank = own('blank');
    if (!Number.isInteger(row) || !Number.isInteger(col)) return bad(`tile ${k}: row and col must be whole numbers`);
    const r = row as number;
    const c = col as number;
    if (r < 0 || c < 0 || r >= layout.rows || c >= layout.cols) return bad(`tile ${k}: row ${r}, col ${c} is off the ${layout.rows}×${layout.cols} board`);
    const square = r * layout.cols + c;
    if (layout.dead[square] === 1) return bad(`tile ${k}: row ${r}, col ${c} is a dead square`);
    if (blank !== undefined && typeof blank !== 'boolean') return bad(`tile ${k}: blank must be true or false`);
    if (typeof glyph !== 'string' || glyph.length === 0 || glyph.length > 8) return bad(`tile ${k}: glyph must be a short string`);
    let tile: number;
    if (glyph === '?') tile = BLANK;
    else {
      const code = alphabet.code(alphabet.normalize(glyph));
      if (code === 0 || (letters.counts[code] === 0 && letters.blanks === 0)) return bad(`tile ${k}: ${JSON.stringify(glyph)} is not a glyph of this game`);
      if (letters.counts[code] === 0 && blank !== true) return bad(`tile ${k}: ${JSON.stringify(glyph)} is not a tile of this game (only a blank can stand for it)`);
      tile = blank === true ? BLANK | code : code;
    }
    for (const p of placements) if (p.square === square) return bad(`tile ${k}: row ${r}, col ${c} is used twice`);
    placements.push({ square, tile });
  }
  placements.sort((a, b) => a.square - b.square);
  return ok(placements);
}

// Scratch buffers reused across calls (validation allocates only its result).
let scratchCells: Uint8Array = new Uint8Array(0);
let scratchNew: Uint8Array = new Uint8Array(0);
let scratchWord: Uint8Array = new Uint8Array(64);
const handCounts = new Int16Array(65);

function check(move: unknown, ctx: MoveContext, all: boolean, errors: EngineError[]): ScoredMove | undefined {
  const read = readMove(move, ctx);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  const placements = read.value;
  const { board, hand, config } = ctx;
  const { alphabet, layout } = config;
  const cols = layout.cols;
  const glyphText = (v: number) => ((v & 0x3f) === 0 ? '?' : alphabet.glyph(v & 0x3f));

  // 60003: nothing sent.
  if (placements.length === 0) {
    errors.push(engineError(Code.NO_MOVES_SENT));
    return undefined;
  }

  // 60102: glyphs the hand does not hold (with multiplicity), or a blank naming no letter.
  handCounts.fill(0);
  for (const t of hand) handCounts[t === BLANK ? 64 : t & 0x3f] = (handCounts[t === BLANK ? 64 : t & 0x3f] as number) + 1;
  const tilesUsed: number[] = [];
  let handError: EngineError | undefined;
  for (const p of placements) {
    const isBlank = (p.tile & BLANK) !== 0;
    const need = isBlank ? 64 : p.tile;
    if (isBlank && (p.tile & 0x3f) === 0) {
      handError ??= engineError(Code.ILLEGAL_GLYPH, { param: '?', cause: 'a blank must name the letter it stands for' });
      continue;
    }
    if ((handCounts[need] as number) <= 0) {
      handError ??= engineError(Code.ILLEGAL_GLYPH, { param: isBlank ? '?' : glyphText(p.tile), cause: isBlank ? 'no blank left in the hand' : `no ${glyphText(p.tile)} left in the hand` });
      continue;
    }
    handCounts[need] = (handCounts[need] as number) - 1;
    tilesUsed.push(isBlank ? BLANK : p.tile);
  }
  if (handError !== undefined) {
    errors.push(handError);
    if (!all) return undefined;
  }

  // Geometry.
  let geometryOk = true;
  const fail = (e: EngineError): boolean => {
    errors.push(e);
    geometryOk = false;
    return all;
  };
  for (const p of placements) {
    const onBoard = board.cell(p.square);
    if (onBoard !== 0) {
      if (!fail(engineError(Code.OVERLAPPING_GLYPH, { param: glyphText(onBoard), cause: `row ${Math.floor(p.square / cols)}, col ${p.square % cols} already holds ${glyphText(onBoard)}` }))) return undefined;
      break;
    }
  }
  const first = placements[0] as Placement;
  const last = placements[placements.length - 1] as Placement;
  const row0 = Math.floor(first.square / cols);
  const sameRow = placements.every((p) => Math.floor(p.square / cols) === row0);
  const sameCol = placements.every((p) => p.square % cols === first.square % cols);
  const aligned = sameRow || sameCol;
  if (!aligned && !fail(engineError(Code.UNALIGNED_MOVES))) return undefined;
  // Direction: the tiles' line; a single tile goes across when it touches tiles across.
  let direction: Direction = sameRow ? 'across' : 'down';
  if (placements.length === 1) {
    const c = first.square % cols;
    const touchesAcross = (c > 0 && board.cell(first.square - 1) !== 0) || (c < cols - 1 && board.cell(first.square + 1) !== 0);
    direction = touchesAcross ? 'across' : board.cell(first.square - cols) !== 0 || board.cell(first.square + cols) !== 0 ? 'down' : 'across';
  }
  const step = direction === 'across' ? 1 : cols;
  if (aligned) {
    let k = 0;
    for (let s = first.square; s <= last.square; s += step) {
      if (placements[k]?.square === s) k++;
      else if (board.cell(s) === 0) {
        if (!fail(engineError(Code.MOVES_NOT_CONTINUOUS, { cause: `row ${Math.floor(s / cols)}, col ${s % cols} is empty` }))) return undefined;
        break;
      }
    }
  }
  if (board.tileCount === 0) {
    if (placements.length < 2 && !fail(engineError(Code.FIRST_MOVE_TOO_SHORT, { cause: "a first move places at least 2 tiles" }))) return undefined;
    if (!placements.some((p) => p.square === layout.start) && !fail(engineError(Code.FIRST_MOVE_NOT_THROUGH_CENTER))) return undefined;
  } else {
    const touches = placements.some((p) => {
      const r = Math.floor(p.square / cols);
      const c = p.square % cols;
      return (
        (c > 0 && board.cell(p.square - 1) !== 0) ||
        (c < cols - 1 && board.cell(p.square + 1) !== 0) ||
        (r > 0 && board.cell(p.square - cols) !== 0) ||
        (r < layout.rows - 1 && board.cell(p.square + cols) !== 0)
      );
    });
    if (!touches && !fail(engineError(Code.ISOLATED_MOVES))) return undefined;
  }
  if (!geometryOk || handError !== undefined) return undefined;

  // Words: the main word, then each new tile's cross-word, checked and scored.
  const size = layout.rows * cols;
  if (scratchCells.length < size) {
    scratchCells = new Uint8Array(size);
    scratchNew = new Uint8Array(size);
  }
  board.copyCellsInto(scratchCells);
  for (const p of placements) {
    scratchCells[p.square] = p.tile;
    scratchNew[p.square] = 1;
  }
  const words: ScoredWord[] = [];
  const invalid: string[] = [];
  const mainAcross = direction === 'across';
  try {
    const main = scoreWord(first.square, mainAcross, ctx);
    if (main !== undefined) pushWord(main, words, invalid, ctx);
    for (const p of placements) {
      const cross = scoreWord(p.square, !mainAcross, ctx);
      if (cross !== undefined) pushWord(cross, words, invalid, ctx);
    }
  } finally {
    for (const p of placements) scratchNew[p.square] = 0;
  }
  if (invalid.length > 0) {
    errors.push(engineError<IncorrectWordsDetail>(Code.INCORRECT_WORDS, { param: invalid[0] as string, detail: { words: invalid }, cause: `not in the dictionary: ${invalid.join(', ')}` }));
    return undefined;
  }
  const bonus = placements.length === config.handSize ? config.fullHandBonus : 0;
  let score = bonus;
  for (const w of words) score += w.score;
  return { placements, direction, words, bonus, score, tilesUsed };
}

interface RawWord {
  start: number;
  length: number;
  across: boolean;
  score: number;
  valid: boolean;
}

/** The word through `square` along a line in the scratch board (undefined when shorter than 2), checked and scored. */
function scoreWord(square: number, across: boolean, ctx: MoveContext): RawWord | undefined {
  const { layout, letters } = ctx.config;
  const cols = layout.cols;
  const step = across ? 1 : cols;
  const row = Math.floor(square / cols);
  let start = square;
  while (true) {
    const prev = start - step;
    if (prev < 0 || (across && Math.floor(prev / cols) !== row) || scratchCells[prev] === 0) break;
    start = prev;
  }
  let length = 0;
  let sum = 0;
  let wordMultiplier = 1;
  const size = layout.rows * cols;
  for (let s = start; s < size && (!across || Math.floor(s / cols) === row) && scratchCells[s] !== 0; s += step) {
    const v = scratchCells[s] as number;
    if (length >= scratchWord.length) scratchWord = grow(scratchWord);
    scratchWord[length++] = v & 0x3f;
    const value = (v & BLANK) !== 0 ? 0 : (letters.values[v & 0x3f] as number);
    if (scratchNew[s] === 1) {
      sum += value * (layout.letterMultiplier[s] as number);
      wordMultiplier *= layout.wordMultiplier[s] as number;
    } else sum += value;
  }
  if (length < 2) return undefined;
  return { start, length, across, score: sum * wordMultiplier, valid: ctx.dictionary.hasCodes(scratchWord, 0, length) };
}

function pushWord(w: RawWord, words: ScoredWord[], invalid: string[], ctx: MoveContext): void {
  const text = ctx.config.alphabet.decode(scratchWord, 0, w.length);
  const cols = ctx.config.layout.cols;
  words.push({ word: text, row: Math.floor(w.start / cols), col: w.start % cols, direction: w.across ? 'across' : 'down', score: w.score });
  if (!w.valid) invalid.push(text);
}

function grow(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
