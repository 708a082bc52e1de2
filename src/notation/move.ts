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
  const bad = (cause: string) => err(engineError(Code.BAD_NOTATION, { cause }));
  if (placements.length === 0) return bad('no tiles to format');
  const cols = board.cols;
  const placed = new Map<number, number>();
  for (const p of placements) placed.set(p.square, p.tile);
  const rowOf = (s: number) => Math.floor(s / cols);
  const colOf = (s: number) => s % cols;
  const first = placements[0] as Placement;
  const sameRow = placements.every((p) => rowOf(p.square) === rowOf(first.square));
  const sameCol = placements.every((p) => colOf(p.square) === colOf(first.square));
  let direction: Direction;
  if (placements.length > 1) {
    if (sameRow) direction = 'across';
    else if (sameCol) direction = 'down';
    else return bad('the tiles are not in one line');
  } else {
    const r = rowOf(first.square);
    const c = colOf(first.square);
    const across = board.at(r, c - 1) !== 0 || board.at(r, c + 1) !== 0;
    const down = board.at(r - 1, c) !== 0 || board.at(r + 1, c) !== 0;
    direction = !across && down ? 'down' : 'across';
  }
  const step = direction === 'across' ? 1 : cols;
  const inLine = (s: number, t: number) => (direction === 'across' ? rowOf(s) === rowOf(t) : true);
  const filled = (s: number) => s >= 0 && s < board.size && (placed.has(s) || board.cell(s) !== 0);
  let start = Math.min(...placements.map((p) => p.square));
  while (filled(start - step) && inLine(start - step, start)) start -= step;
  const texts: string[] = [];
  let s = start;
  let covered = 0;
  while (filled(s) && inLine(s, start)) {
    const t = placed.get(s);
    if (t !== undefined) {
      texts.push(tileText(t, alphabet));
      covered++;
    } else texts.push('.');
    s += step;
  }
  const text = formatRun(texts, alphabet);
  if (covered !== placements.length) return bad('the tiles are not contiguous');
  return ok(`${formatPosition({ row: rowOf(start), col: colOf(start), direction })} ${text}`);
}
