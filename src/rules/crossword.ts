import { sameGlyphs } from '../alphabet/alphabet.js';
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
  readonly tiles: readonly {
    readonly row: number;
    readonly col: number;
    readonly glyph: string;
    readonly blank?: boolean;
  }[];
}

/**
 * The request form of placements (the inverse of {@link readMove}): what a client sends for
 * these tiles. A blank naming no glyph becomes glyph `?`.
 */
export function moveInput(placements: readonly Placement[], config: GameConfig): MoveInput {
  const cols = config.layout.cols;
  return {
    tiles: placements.map((p) => {
      const code = p.tile & 0x3f;
      const blank = (p.tile & BLANK) !== 0 && code !== 0;
      return {
        row: Math.floor(p.square / cols),
        col: p.square % cols,
        glyph: code === 0 ? '?' : config.alphabet.glyph(code),
        ...(blank ? { blank: true } : {}),
      };
    }),
  };
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
 * rule book's order: 90202 when the dictionary's alphabet is not the configuration's, 60000 (cause), 60003, 60102, 60103, 60101, 60104, 60105, 60106, 60107, 60108
 * (param: the first invalid word; detail: all of them). Never throws; changes nothing.
 */
export function validateMove(move: unknown, ctx: MoveContext): Result<ScoredMove, EngineError> {
  const errors: EngineError[] = [];
  const scored = check(move, ctx, false, errors);
  return scored === undefined ? err(errors[0] ?? engineError(Code.UNKNOWN_ERROR)) : ok(scored);
}

/**
 * {@link validateMove} for a move already in placements (a parsed move string: `parsePlay`'s
 * placements), skipping the JSON reading: the same rules and codes. The placements are still
 * untrusted: each square on the board and not dead, used once, each tile a glyph of the game (a
 * blank with the 0x40 bit), at most a hand of them (60000 otherwise); in any order.
 */
export function validatePlacements(
  placements: readonly Placement[],
  ctx: MoveContext,
): Result<ScoredMove, EngineError> {
  const { layout, handSize, alphabet, letters } = ctx.config;
  const lookupAlphabet = ctx.dictionary.alphabet;
  if (lookupAlphabet !== undefined && lookupAlphabet !== alphabet && !sameGlyphs(lookupAlphabet, alphabet))
    return err(
      engineError(Code.ALPHABET_MISMATCH, {
        cause: `the configuration's alphabet ${alphabet.spec.name} is not the dictionary's (${lookupAlphabet.spec.name})`,
      }),
    );
  if (!Array.isArray(placements)) return badMove('placements must be an array');
  if (placements.length > handSize) return badMove(`${placements.length} tiles: a hand holds at most ${handSize}`);
  let sorted = true;
  for (let k = 0; k < placements.length; k++) {
    const p = placements[k] as Placement;
    const { square, tile } = p ?? ({} as Placement);
    if (!Number.isInteger(square) || square < 0 || square >= layout.rows * layout.cols)
      return badMove(`placement ${k}: square ${String(square)} is off the board`);
    if (layout.dead[square] === 1) return badMove(`placement ${k}: square ${square} is a dead square`);
    const code = tile & 0x3f;
    if (!Number.isInteger(tile) || (tile & ~0x7f) !== 0 || (code === 0 ? tile !== BLANK : code > alphabet.size))
      return badMove(`placement ${k}: ${String(tile)} is not a tile of this game`);
    if (code !== 0 && letters.counts[code] === 0 && (tile & BLANK) === 0)
      return badMove(
        `placement ${k}: ${alphabet.glyph(code)} is not a tile of this game (only a blank can stand for it)`,
      );
    for (let i = 0; i < k; i++)
      if ((placements[i] as Placement).square === square)
        return badMove(`placement ${k}: square ${square} is used twice`);
    if (k > 0 && (placements[k - 1] as Placement).square > square) sorted = false;
  }
  const errors: EngineError[] = [];
  const ordered = sorted ? placements : [...placements].sort((a, b) => a.square - b.square);
  const r = checkPlacements(ordered, ctx, false, errors, false);
  return r === undefined || r === LIGHT_OK ? err(errors[0] ?? engineError(Code.UNKNOWN_ERROR)) : ok(r);
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
  if (typeof move !== 'object' || move === null || Array.isArray(move))
    return badMove('a move must be an object with a tiles array');
  const tiles = hasOwn.call(move, 'tiles') ? (move as { tiles: unknown }).tiles : undefined;
  if (!Array.isArray(tiles)) return badMove('tiles must be an array');
  const { layout, handSize, alphabet, letters } = ctx.config;
  if (tiles.length > handSize) return badMove(`${tiles.length} tiles: a hand holds at most ${handSize}`);
  const placements: Placement[] = [];
  for (let k = 0; k < tiles.length; k++) {
    const t: unknown = tiles[k];
    if (typeof t !== 'object' || t === null || Array.isArray(t))
      return badMove(`tile ${k} must be an object { row, col, glyph }`);
    // Own properties only (never inherited ones), read with constant keys (fast in V8).
    const o = t as Record<string, unknown>;
    const row = hasOwn.call(o, 'row') ? o.row : undefined;
    const col = hasOwn.call(o, 'col') ? o.col : undefined;
    const glyph = hasOwn.call(o, 'glyph') ? o.glyph : undefined;
    const blank = hasOwn.call(o, 'blank') ? o.blank : undefined;
    if (!Number.isInteger(row) || !Number.isInteger(col))
      return badMove(`tile ${k}: row and col must be whole numbers`);
    const r = row as number;
    const c = col as number;
    if (r < 0 || c < 0 || r >= layout.rows || c >= layout.cols)
      return badMove(`tile ${k}: row ${r}, col ${c} is off the ${layout.rows}×${layout.cols} board`);
    const square = r * layout.cols + c;
    if (layout.dead[square] === 1) return badMove(`tile ${k}: row ${r}, col ${c} is a dead square`);
    if (blank !== undefined && typeof blank !== 'boolean') return badMove(`tile ${k}: blank must be true or false`);
    if (typeof glyph !== 'string' || glyph.length === 0 || glyph.length > 8)
      return badMove(`tile ${k}: glyph must be a short string`);
    let tile: number;
    if (glyph === '?') tile = BLANK;
    else {
      // One character: the alphabet's direct table (case and accents folded); else the full path.
      let code = glyph.length === 1 ? alphabet.directCode(glyph.charCodeAt(0)) : 0;
      if (code === 0) code = alphabet.code(alphabet.normalize(glyph));
      if (code === 0 || (letters.counts[code] === 0 && letters.blanks === 0))
        return badMove(`tile ${k}: ${JSON.stringify(glyph)} is not a glyph of this game`);
      if (letters.counts[code] === 0 && blank !== true)
        return badMove(
          `tile ${k}: ${JSON.stringify(glyph)} is not a tile of this game (only a blank can stand for it)`,
        );
      tile = blank === true ? BLANK | code : code;
    }
    // Insert in square order (at most a hand of tiles), rejecting a square used twice.
    let j = placements.length;
    for (let i = 0; i < placements.length; i++)
      if ((placements[i] as Placement).square === square) return badMove(`tile ${k}: row ${r}, col ${c} is used twice`);
    const placement = { square, tile };
    placements.push(placement);
    while (j > 0 && (placements[j - 1] as Placement).square > square) {
      placements[j] = placements[j - 1] as Placement;
      j--;
    }
    placements[j] = placement;
  }
  return ok(placements);
}

const hasOwn = Object.prototype.hasOwnProperty;

function badMove(cause: string): { ok: false; error: EngineError } {
  return err(engineError(Code.BAD_MOVES_FORMAT, { cause }));
}

function glyphText(ctx: MoveContext, v: number): string {
  return (v & 0x3f) === 0 ? '?' : ctx.config.alphabet.glyph(v & 0x3f);
}

/** True when a square has a board tile orthogonally next to it. */
function touchesBoard(board: Board, square: number, rows: number, cols: number): boolean {
  const r = Math.floor(square / cols);
  const c = square % cols;
  return (
    (c > 0 && board.cell(square - 1) !== 0) ||
    (c < cols - 1 && board.cell(square + 1) !== 0) ||
    (r > 0 && board.cell(square - cols) !== 0) ||
    (r < rows - 1 && board.cell(square + cols) !== 0)
  );
}

// Scratch buffers reused across calls (validation allocates only its result).
let scratchCells: Uint8Array = new Uint8Array(0);
let scratchNew: Uint8Array = new Uint8Array(0);
let scratchBoard: Board | undefined;
let scratchWord: Uint8Array = new Uint8Array(64);
const handCounts = new Int16Array(65);

function check(move: unknown, ctx: MoveContext, all: boolean, errors: EngineError[]): ScoredMove | undefined {
  const lookupAlphabet = ctx.dictionary.alphabet;
  if (
    lookupAlphabet !== undefined &&
    lookupAlphabet !== ctx.config.alphabet &&
    !sameGlyphs(lookupAlphabet, ctx.config.alphabet)
  ) {
    errors.push(
      engineError(Code.ALPHABET_MISMATCH, {
        cause: `the configuration's alphabet ${ctx.config.alphabet.spec.name} is not the dictionary's (${lookupAlphabet.spec.name})`,
      }),
    );
    return undefined;
  }
  const read = readMove(move, ctx);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  const r = checkPlacements(read.value, ctx, all, errors, false);
  return r === LIGHT_OK ? undefined : r;
}

/** What a light check returns for a valid move (its score is in `lastScore`). */
const LIGHT_OK = Object.freeze({}) as ScoredMove;
let lastScore = 0;
const lightErrors: EngineError[] = [];
const NO_NUMBERS: number[] = [];
const NO_WORDS: ScoredWord[] = [];

/**
 * The hot path for trusted callers (AI players, move generators, benchmarks): the score of new
 * tiles given as placements sorted by square, on the board, or -1 when the move breaks a rule.
 * Same rules and scores as {@link validateMove}; builds no words, strings or error details.
 */
export function scorePlacements(placements: readonly Placement[], ctx: MoveContext): number {
  lightErrors.length = 0;
  return checkPlacements(placements, ctx, false, lightErrors, true) === LIGHT_OK ? lastScore : -1;
}

function checkPlacements(
  placements: readonly Placement[],
  ctx: MoveContext,
  all: boolean,
  errors: EngineError[],
  light: boolean,
): ScoredMove | undefined {
  const n = placements.length;
  const { board, hand, config } = ctx;
  const { layout } = config;
  const cols = layout.cols;

  // 60003: nothing sent.
  if (n === 0) {
    errors.push(engineError(Code.NO_MOVES_SENT));
    return undefined;
  }

  // 60102: glyphs the hand does not hold (with multiplicity), or a blank naming no letter.
  handCounts.fill(0);
  for (let i = 0; i < hand.length; i++) {
    const t = hand[i] as number;
    const slot = t === BLANK ? 64 : t & 0x3f;
    handCounts[slot] = (handCounts[slot] as number) + 1;
  }
  // The light path builds no result: these stay empty (shared, never written) there.
  const tilesUsed: number[] = light ? NO_NUMBERS : [];
  let handError: EngineError | undefined;
  for (let i = 0; i < n; i++) {
    const p = placements[i] as Placement;
    const isBlank = (p.tile & BLANK) !== 0;
    const need = isBlank ? 64 : p.tile;
    if (isBlank && (p.tile & 0x3f) === 0) {
      if (light) return undefined;
      handError ??= engineError(Code.ILLEGAL_GLYPH, {
        param: '?',
        cause: 'a blank must name the letter it stands for',
      });
      continue;
    }
    if ((handCounts[need] as number) <= 0) {
      if (light) return undefined;
      handError ??= engineError(Code.ILLEGAL_GLYPH, {
        param: isBlank ? '?' : glyphText(ctx, p.tile),
        cause: isBlank ? 'no blank left in the hand' : `no ${glyphText(ctx, p.tile)} left in the hand`,
      });
      continue;
    }
    handCounts[need] = (handCounts[need] as number) - 1;
    if (!light) tilesUsed.push(isBlank ? BLANK : p.tile);
  }
  if (handError !== undefined) {
    errors.push(handError);
    if (!all) return undefined;
  }

  // Geometry, in the rule book's order; with `all`, every failure is collected.
  const before = errors.length;
  for (let i = 0; i < n; i++) {
    const square = (placements[i] as Placement).square;
    const onBoard = board.cell(square);
    if (onBoard !== 0) {
      if (light) return undefined;
      const g = glyphText(ctx, onBoard);
      errors.push(
        engineError(Code.OVERLAPPING_GLYPH, {
          param: g,
          cause: `row ${Math.floor(square / cols)}, col ${square % cols} already holds ${g}`,
        }),
      );
      break;
    }
  }
  if (!all && errors.length > before) return undefined;
  const first = (placements[0] as Placement).square;
  const last = (placements[n - 1] as Placement).square;
  const row0 = Math.floor(first / cols);
  let sameRow = true;
  let sameCol = true;
  for (let i = 1; i < n; i++) {
    const s = (placements[i] as Placement).square;
    if (Math.floor(s / cols) !== row0) sameRow = false;
    if (s % cols !== first % cols) sameCol = false;
  }
  const aligned = sameRow || sameCol;
  if (!aligned) {
    if (light) return undefined;
    errors.push(engineError(Code.UNALIGNED_MOVES));
    if (!all) return undefined;
  }
  // Direction: the tiles' line; a single tile goes across when it touches tiles across.
  let across = sameRow;
  if (n === 1) {
    const c = first % cols;
    const touchesAcross = (c > 0 && board.cell(first - 1) !== 0) || (c < cols - 1 && board.cell(first + 1) !== 0);
    across = touchesAcross || !(board.cell(first - cols) !== 0 || board.cell(first + cols) !== 0);
  }
  const step = across ? 1 : cols;
  if (aligned) {
    let k = 0;
    for (let s = first; s <= last; s += step) {
      if ((placements[k] as Placement | undefined)?.square === s) k++;
      else if (board.cell(s) === 0) {
        if (light) return undefined;
        errors.push(
          engineError(Code.MOVES_NOT_CONTINUOUS, { cause: `row ${Math.floor(s / cols)}, col ${s % cols} is empty` }),
        );
        if (!all) return undefined;
        break;
      }
    }
  }
  if (board.tileCount === 0) {
    if (n < 2) {
      if (light) return undefined;
      errors.push(engineError(Code.FIRST_MOVE_TOO_SHORT, { cause: 'a first move places at least 2 tiles' }));
      if (!all) return undefined;
    }
    let onStart = false;
    for (let i = 0; i < n; i++) if ((placements[i] as Placement).square === layout.start) onStart = true;
    if (!onStart) {
      if (light) return undefined;
      errors.push(engineError(Code.FIRST_MOVE_NOT_THROUGH_CENTER));
      if (!all) return undefined;
    }
  } else {
    let touches = false;
    for (let i = 0; i < n && !touches; i++)
      touches = touchesBoard(board, (placements[i] as Placement).square, layout.rows, cols);
    if (!touches) {
      if (light) return undefined;
      errors.push(engineError(Code.ISOLATED_MOVES));
      if (!all) return undefined;
    }
  }
  if (errors.length > before || handError !== undefined) return undefined;

  // Words: the main word, then each new tile's cross-word, checked and scored.
  const size = layout.rows * cols;
  if (scratchCells.length !== size) {
    scratchCells = new Uint8Array(size);
    scratchNew = new Uint8Array(size);
    scratchBoard = undefined;
  }
  // Boards are immutable: the scratch copy of the last board checked is still good.
  if (board !== scratchBoard) {
    board.copyCellsInto(scratchCells);
    scratchBoard = board;
  }
  for (let i = 0; i < n; i++) {
    const p = placements[i] as Placement;
    scratchCells[p.square] = p.tile;
    scratchNew[p.square] = 1;
  }
  const words: ScoredWord[] = light ? NO_WORDS : [];
  let invalid: string[] | undefined;
  let total = 0;
  for (let i = -1; i < n; i++) {
    // i = -1: the main word; then the cross-word of each new tile.
    const square = i < 0 ? first : (placements[i] as Placement).square;
    const wordAcross = i < 0 ? across : !across;
    const length = scoreWord(square, wordAcross, ctx);
    if (length < 2) continue;
    total += wordScore;
    const valid = ctx.dictionary.hasCodes(scratchWord, 0, length);
    if (light) {
      if (valid) continue;
      (invalid ??= []).push('');
      break;
    }
    const text = config.alphabet.decode(scratchWord, 0, length);
    words.push({
      word: text,
      row: Math.floor(wordStart / cols),
      col: wordStart % cols,
      direction: wordAcross ? 'across' : 'down',
      score: wordScore,
    });
    if (!valid) (invalid ??= []).push(text);
  }
  // The scratch goes back to the board's cells (the new tiles were on empty squares).
  for (let i = 0; i < n; i++) {
    const square = (placements[i] as Placement).square;
    scratchNew[square] = 0;
    scratchCells[square] = 0;
  }
  if (invalid !== undefined) {
    if (light) return undefined;
    errors.push(
      engineError<IncorrectWordsDetail>(Code.INCORRECT_WORDS, {
        param: invalid[0] as string,
        detail: { words: invalid },
        cause: `not in the dictionary: ${invalid.join(', ')}`,
      }),
    );
    return undefined;
  }
  const bonus = n === config.handSize ? config.fullHandBonus : 0;
  if (light) {
    lastScore = total + bonus;
    return LIGHT_OK;
  }
  return { placements, direction: across ? 'across' : 'down', words, bonus, score: total + bonus, tilesUsed };
}

// Results of the last scoreWord call.
let wordStart = 0;
let wordScore = 0;

/**
 * Reads the word through `square` along a line of the scratch board into `scratchWord` and
 * scores it (premiums under new tiles only); returns its length, and leaves its first square and
 * score in `wordStart` and `wordScore`.
 */
function scoreWord(square: number, across: boolean, ctx: MoveContext): number {
  const { layout, letters } = ctx.config;
  const cols = layout.cols;
  const step = across ? 1 : cols;
  const row = Math.floor(square / cols);
  // The line's first and last squares.
  const low = across ? row * cols : square % cols;
  const high = across ? low + cols - 1 : low + (layout.rows - 1) * cols;
  let start = square;
  while (start - step >= low && scratchCells[start - step] !== 0) start -= step;
  let length = 0;
  let sum = 0;
  let wordMultiplier = 1;
  for (let s = start; s <= high && scratchCells[s] !== 0; s += step) {
    const v = scratchCells[s] as number;
    if (length >= scratchWord.length) scratchWord = grow(scratchWord);
    scratchWord[length++] = v & 0x3f;
    const value = (v & BLANK) !== 0 ? 0 : (letters.values[v & 0x3f] as number);
    if (scratchNew[s] === 1) {
      sum += value * (layout.letterMultiplier[s] as number);
      wordMultiplier *= layout.wordMultiplier[s] as number;
    } else sum += value;
  }
  wordStart = start;
  wordScore = sum * wordMultiplier;
  return length;
}

function grow(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
