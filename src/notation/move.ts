import type { Alphabet } from '../alphabet/alphabet.js';
import type { Board, Placement } from '../board/board.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { BLANK } from '../config/letterset.js';
import { err, ok, type Result } from '../result.js';
import { type Position, formatPosition, parsePosition } from './square.js';
import { formatRun, readToken, tileText, type Token } from './tokens.js';

/** A play in record notation, resolved against a board. */
export interface NotatedPlay {
  readonly position: Position;
  /** The new tiles, in word order. */
  readonly placements: readonly Placement[];
  /** Every glyph code of the main word, board tiles included. */
  readonly word: readonly number[];
}

/**
 * Parses a play in record notation against the board it is played on: `8H WORD` (across from
 * H8), `H8 WORD` (down). In WORD an upper-case glyph is a new tile, lower case a new blank
 * standing for that glyph; a square already occupied is written `.`, or inside parentheses
 * (`WA(I)T`), or as its letter (older records), which must then match the board.
 */
export function parsePlay(
  text: string,
  board: Board,
  alphabet: Alphabet,
): Result<NotatedPlay, EngineError<PlayNotationProblem>> {
  // The common case (ASCII text, an alphabet of single-character glyphs) on char codes, through
  // the alphabet's direct table; anything else, errors included, on the full Unicode path.
  if (typeof text === 'string' && !alphabet.hasMultiCharGlyphs) {
    const fast = parseAsciiPlay(text, board, alphabet);
    if (fast !== undefined) return ok(fast);
  }
  return parsePlayText(text, board, alphabet);
}

/** ASCII space or tab (what the fast path accepts between and around the two fields). */
const isBlank = (u: number) => u === 32 || u === 9;
const isDigit = (u: number) => u >= 48 && u <= 57;
const isLetter = (u: number) => (u >= 65 && u <= 90) || (u >= 97 && u <= 122);

/**
 * {@link parsePlay}'s fast path: a well-formed play in ASCII (`8H WORD`, `H8 wo.D`, parentheses),
 * read without allocating tokens; undefined for anything else (the full path reads it, and
 * reports what is wrong). Gives exactly what the full path gives (a property test compares them).
 */
function parseAsciiPlay(text: string, board: Board, alphabet: Alphabet): NotatedPlay | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  // The position: 1-2 digits then a letter (across), or a letter then 1-2 digits (down).
  let row = 0;
  let col: number;
  let direction: 'across' | 'down';
  const first = text.charCodeAt(i);
  if (isDigit(first)) {
    let digits = 0;
    while (i < n && isDigit(text.charCodeAt(i)) && digits < 3)
      ((row = row * 10 + text.charCodeAt(i) - 48), i++, digits++);
    const letter = text.charCodeAt(i);
    if (digits > 2 || !isLetter(letter)) return undefined;
    col = (letter & 0xdf) - 65;
    i++;
    direction = 'across';
  } else if (isLetter(first)) {
    col = (first & 0xdf) - 65;
    i++;
    let digits = 0;
    while (i < n && isDigit(text.charCodeAt(i)) && digits < 3)
      ((row = row * 10 + text.charCodeAt(i) - 48), i++, digits++);
    if (digits === 0 || digits > 2) return undefined;
    direction = 'down';
  } else return undefined;
  row -= 1;
  if (row < 0 || row >= board.rows || col >= board.cols || i >= n || !isBlank(text.charCodeAt(i))) return undefined;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  const start = i;
  while (i < n && !isBlank(text.charCodeAt(i))) i++;
  const end = i;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  if (i < n || end === start) return undefined;
  // Squares the word covers: dots and letters of the alphabet (anything else: the full path).
  let squares = 0;
  for (let k = start; k < end; k++) {
    const u = text.charCodeAt(k);
    if (u === 46) squares++;
    else if (u === 40 || u === 41) continue;
    else if (isLetter(u) && alphabet.direct[u] !== 0) squares++;
    else return undefined;
  }
  const across = direction === 'across';
  if (squares === 0 || (across ? col : row) + squares > (across ? board.cols : board.rows)) return undefined;
  const placements: Placement[] = [];
  const word: number[] = [];
  let k = 0;
  let inParens = false;
  for (let j = start; j < end; j++) {
    const u = text.charCodeAt(j);
    if (u === 40 || u === 41) {
      if ((u === 40) === inParens) return undefined;
      inParens = u === 40;
      continue;
    }
    const square = across ? row * board.cols + col + k : (row + k) * board.cols + col;
    const onBoard = board.cell(square);
    if (u === 46 || inParens) {
      if (onBoard === 0) return undefined;
      // A letter in parentheses must be the board's.
      if (u !== 46 && (alphabet.direct[u] as number) !== (onBoard & 0x3f)) return undefined;
      word.push(onBoard & 0x3f);
    } else {
      const code = alphabet.direct[u] as number;
      if (onBoard !== 0) {
        if ((onBoard & 0x3f) !== code) return undefined;
      } else placements.push({ square, tile: u >= 97 ? BLANK | code : code });
      word.push(code);
    }
    k++;
  }
  if (inParens) return undefined;
  return { position: { row, col, direction }, placements, word };
}

/** {@link parsePlay} on the full Unicode path (every glyph form, brackets, folds), with every error. */
export function parsePlayText(
  text: string,
  board: Board,
  alphabet: Alphabet,
): Result<NotatedPlay, EngineError<PlayNotationProblem>> {
  const bad = (reason: PlayNotationProblem['reason'], cause: string) =>
    err(engineError<PlayNotationProblem>(Code.BAD_NOTATION, { cause, detail: { reason } }));
  if (typeof text !== 'string') return bad('syntax', 'a play must be text');
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) return bad('syntax', `${JSON.stringify(text.slice(0, 80))} is not a play like "8H WORD"`);
  const pos = parsePosition(parts[0] as string);
  if (!pos.ok) return bad('syntax', pos.error.cause ?? 'bad position');
  const { row, col, direction } = pos.value;
  if (row >= board.rows || col >= board.cols)
    return bad('off-board', `${parts[0]} is not a square of the ${board.rows}×${board.cols} board`);
  const wordText = parts[1] as string;
  // Read the tokens first: a word that runs off the board is reported as such, whatever its squares hold.
  const tokens: Token[] = [];
  let squares = 0;
  for (let i = 0; i < wordText.length;) {
    const t = readToken(wordText, i, alphabet);
    if (t.kind === 'error')
      return bad('glyph', `${JSON.stringify(t.text)} is not a glyph of alphabet ${alphabet.spec.name}`);
    tokens.push(t);
    if (t.kind === 'tile' || t.kind === 'dot') squares++;
    i = t.end;
  }
  if (squares === 0) return bad('syntax', 'the word is empty');
  if ((direction === 'across' ? col : row) + squares > (direction === 'across' ? board.cols : board.rows))
    return bad('runs-off', `${wordText} runs off the board`);
  const placements: Placement[] = [];
  const word: number[] = [];
  let k = 0;
  let inParens = false;
  for (const t of tokens) {
    if (t.kind === 'open' || t.kind === 'close') {
      if ((t.kind === 'open') === inParens) return bad('syntax', `unbalanced parentheses in ${wordText}`);
      inParens = t.kind === 'open';
      continue;
    }
    if (t.kind === 'error') continue;
    const value = t.kind === 'tile' ? t.value : 0;
    const r = direction === 'across' ? row : row + k;
    const c = direction === 'across' ? col + k : col;
    const square = r * board.cols + c;
    const onBoard = board.cell(square);
    if (t.kind === 'dot' || inParens) {
      if (onBoard === 0) return bad('board', `no tile to play through at row ${r + 1}, column ${c + 1}`);
      if (t.kind === 'tile' && (value & 0x3f) !== (onBoard & 0x3f))
        return bad('board', `the board has ${alphabet.glyph(onBoard & 0x3f)} at row ${r + 1}, column ${c + 1}`);
      word.push(onBoard & 0x3f);
    } else {
      if ((value & 0x3f) === 0) return bad('glyph', 'a blank in a play must name its letter (lower case)');
      if (onBoard !== 0) {
        if ((onBoard & 0x3f) !== (value & 0x3f))
          return bad('board', `the board has ${alphabet.glyph(onBoard & 0x3f)} at row ${r + 1}, column ${c + 1}`);
      } else placements.push({ square, tile: value });
      word.push(value & 0x3f);
    }
    k++;
  }
  if (inParens) return bad('syntax', `unbalanced parentheses in ${wordText}`);
  return ok({ position: pos.value, placements, word });
}

/** Why a play's notation could not be read (the `detail` of its BAD_NOTATION error). */
export interface PlayNotationProblem {
  /** `syntax`: not `POSITION WORD`; `glyph`: a character is no glyph; `off-board`: the start square is not on the board; `runs-off`: the word leaves the board; `board`: the word disagrees with the board's tiles. */
  readonly reason: 'syntax' | 'glyph' | 'off-board' | 'runs-off' | 'board';
}

/**
 * Formats new tiles as a play in record notation against the board before the play:
 * `8H WO.D`, played-through squares as `.` (or as their letters, `8H WORD`, with
 * `through: 'letters'`). The direction is the tiles' line; a single tile
 * goes across when it touches tiles across, else down when it touches tiles down, else across.
 */
export function formatPlay(
  placements: readonly Placement[],
  board: Board,
  alphabet: Alphabet,
  options: { readonly through?: 'dots' | 'letters' } = {},
): Result<string, EngineError> {
  if (placements.length === 0) return notationError('no tiles to format');
  const cols = board.cols;
  const first = placements[0] as Placement;
  const row0 = Math.floor(first.square / cols);
  const col0 = first.square % cols;
  let sameRow = true;
  let sameCol = true;
  let min = first.square;
  for (const p of placements) {
    if (Math.floor(p.square / cols) !== row0) sameRow = false;
    if (p.square % cols !== col0) sameCol = false;
    if (p.square < min) min = p.square;
  }
  let across: boolean;
  if (placements.length > 1) {
    if (!sameRow && !sameCol) return notationError('the tiles are not in one line');
    across = sameRow;
  } else {
    // A single tile goes across when it touches tiles across, else down when it touches tiles down.
    const touchesAcross = board.at(row0, col0 - 1) !== 0 || board.at(row0, col0 + 1) !== 0;
    const touchesDown = board.at(row0 - 1, col0) !== 0 || board.at(row0 + 1, col0) !== 0;
    across = touchesAcross || !touchesDown;
  }
  const step = across ? 1 : cols;
  // The line's first and last squares.
  const low = across ? Math.floor(min / cols) * cols : min % cols;
  const high = across ? low + cols - 1 : low + (board.rows - 1) * cols;
  let start = min;
  while (start - step >= low && (board.cell(start - step) !== 0 || placedTile(placements, start - step) !== 0))
    start -= step;
  const texts: string[] = [];
  let covered = 0;
  for (let s = start; s <= high; s += step) {
    const t = placedTile(placements, s);
    if (t !== 0) {
      texts.push(tileText(t, alphabet));
      covered++;
    } else if (board.cell(s) !== 0) texts.push(options.through === 'letters' ? tileText(board.cell(s), alphabet) : '.');
    else break;
  }
  if (covered !== placements.length) return notationError('the tiles are not contiguous');
  return ok(
    `${formatPosition({ row: Math.floor(start / cols), col: start % cols, direction: across ? 'across' : 'down' })} ${formatRun(texts, alphabet)}`,
  );
}

function placedTile(placements: readonly Placement[], square: number): number {
  for (const p of placements) if (p.square === square) return p.tile;
  return 0;
}

function notationError(cause: string): { ok: false; error: EngineError } {
  return err(engineError(Code.BAD_NOTATION, { cause }));
}
