import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';

/** Across (along a row) or down (along a column). */
export type Direction = 'across' | 'down';

/** A square with a direction, as in record notation: `8H` is row 8 from column H across, `H8` column H from row 8 down. */
export interface Position {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  readonly direction: Direction;
}

/** Column letter of a 0-based column (A..Z). */
export function columnLetter(col: number): string {
  return String.fromCharCode(65 + col);
}

/** Formats a position: `8H` across, `H8` down. */
export function formatPosition(p: Position): string {
  const row = String(p.row + 1);
  const col = columnLetter(p.col);
  return p.direction === 'across' ? row + col : col + row;
}

/** Formats a bare square as column letter then row number (`H8`), as the `--tiles` option writes it. */
export function formatSquareName(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** Parses `8H` (across) or `H8` (down), case-insensitive, checked against the board size when given. */
export function parsePosition(text: string, size?: { rows: number; cols: number }): Result<Position, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_NOTATION, { cause }));
  if (typeof text !== 'string') return bad('a position must be text');
  const t = text.trim();
  let m = /^(\d{1,2})([A-Za-z])$/.exec(t);
  let direction: Direction = 'across';
  let rowText: string;
  let colText: string;
  if (m !== null) {
    rowText = m[1] as string;
    colText = m[2] as string;
  } else {
    m = /^([A-Za-z])(\d{1,2})$/.exec(t);
    if (m === null) return bad(`${JSON.stringify(t)} is not a position like 8H or H8`);
    direction = 'down';
    colText = m[1] as string;
    rowText = m[2] as string;
  }
  const row = Number(rowText) - 1;
  const col = colText.toUpperCase().charCodeAt(0) - 65;
  if (row < 0 || (size !== undefined && (row >= size.rows || col >= size.cols))) return bad(`${t} is off the board`);
  return ok({ row, col, direction });
}

/** Parses a bare square `H8` (column letter, row number) to 0-based row and column. */
export function parseSquareName(
  text: string,
  size?: { rows: number; cols: number },
): Result<{ row: number; col: number }, EngineError> {
  const m = typeof text === 'string' ? /^([A-Za-z])(\d{1,2})$/.exec(text.trim()) : null;
  if (m === null)
    return err(engineError(Code.BAD_NOTATION, { cause: `${JSON.stringify(text)} is not a square like H8` }));
  const row = Number(m[2]) - 1;
  const col = (m[1] as string).toUpperCase().charCodeAt(0) - 65;
  if (row < 0 || (size !== undefined && (row >= size.rows || col >= size.cols)))
    return err(engineError(Code.BAD_NOTATION, { cause: `${text} is off the board` }));
  return ok({ row, col });
}
