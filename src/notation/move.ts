import type { Alphabet } from '../alphabet/alphabet.js';
import type { Board, Placement } from '../board/board.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { type Direction, type Position, formatPosition, parsePosition } from './square.js';
import { formatRun, readToken, tileText } from './tokens.js';

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
export function parsePlay(text: string, board: Board, alphabet: Alphabet): Result<NotatedPlay, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_NOTATION, { cause }));
  if (typeof text !== 'string') return bad('a play must be text');
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) return bad(`${JSON.stringify(text)} is not a play like "8H WORD"`);
  const pos = parsePosition(parts[0] as string, board);
  if (!pos.ok) return pos;
  const { row, col, direction } = pos.value;
  const wordText = parts[1] as string;
  const placements: Placement[] = [];
  const word: number[] = [];
  let k = 0;
  let inParens = false;
  for (let i = 0; i < wordText.length; ) {
    const t = readToken(wordText, i, alphabet);
    if (t.kind === 'open' || t.kind === 'close') {
      if ((t.kind === 'open') === inParens) return bad(`unbalanced parentheses in ${wordText}`);
      inParens = t.kind === 'open';
      i = t.end;
      continue;
    }
    if (t.kind === 'error') return bad(`${JSON.stringify(t.text)} is not a glyph of alphabet ${alphabet.spec.name}`);
    const value = t.kind === 'tile' ? t.value : 0;
    const r = direction === 'across' ? row : row + k;
    const c = direction === 'across' ? col + k : col;
    if (r >= board.rows || c >= board.cols) return bad(`${wordText} runs off the board`);
    const square = r * board.cols + c;
    const onBoard = board.cell(square);
    if (t.kind === 'dot' || inParens) {
      if (onBoard === 0) return bad(`no tile to play through at row ${r + 1}, column ${c + 1}`);
      if (t.kind === 'tile' && (value & 0x3f) !== (onBoard & 0x3f)) return bad(`the board has ${alphabet.glyph(onBoard & 0x3f)} at row ${r + 1}, column ${c + 1}`);
      word.push(onBoard & 0x3f);
    } else {
      if ((value & 0x3f) === 0) return bad('a blank in a play must name its letter (lower case)');
      if (onBoard !== 0) {
        if ((onBoard & 0x3f) !== (value & 0x3f)) return bad(`the board has ${alphabet.glyph(onBoard & 0x3f)} at row ${r + 1}, column ${c + 1}`);
      } else placements.push({ square, tile: value });
      word.push(value & 0x3f);
    }
    k++;
    i = t.end;
  }
  if (inParens) return bad(`unbalanced parentheses in ${wordText}`);
  if (word.length === 0) return bad('the word is empty');
  return ok({ position: pos.value, placements, word });
}

/**
 * Formats new tiles as a play in record notation against the board before the play:
 * `8H WO.D`, played-through squares as `.`. The direction is the tiles' line; a single tile
 * goes across when it touches tiles across, else down when it touches tiles down, else across.
 */
export function formatPlay(placements: readonly Placement[], board: Board, alphabet: Alphabet): Result<string, EngineError> {
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
  while (start - step >= low && (board.cell(start - step) !== 0 || placedTile(placements, start - step) !== 0)) start -= step;
  const texts: string[] = [];
  let covered = 0;
  for (let s = start; s <= high; s += step) {
    const t = placedTile(placements, s);
    if (t !== 0) {
      texts.push(tileText(t, alphabet));
      covered++;
    } else if (board.cell(s) !== 0) texts.push('.');
    else break;
  }
  if (covered !== placements.length) return notationError('the tiles are not contiguous');
  return ok(`${formatPosition({ row: Math.floor(start / cols), col: start % cols, direction: across ? 'across' : 'down' })} ${formatRun(texts, alphabet)}`);
}

function placedTile(placements: readonly Placement[], square: number): number {
  for (const p of placements) if (p.square === square) return p.tile;
  return 0;
}

function notationError(cause: string): { ok: false; error: EngineError } {
  return err(engineError(Code.BAD_NOTATION, { cause }));
}
