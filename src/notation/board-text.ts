import type { Alphabet } from '../alphabet/alphabet.js';
import { Board } from '../board/board.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, type Result } from '../result.js';
import { formatRun, readToken, tileText } from './tokens.js';

/**
 * Boards as text: one line a row, `.` an empty square, a glyph a tile, lower case a blank,
 * multi-character glyphs bracketed (`[CH]`, `[ch]`) or bare (longest match). Spaces are
 * ignored; blank lines and lines starting with `#` too.
 */
export function formatBoard(board: Board, alphabet: Alphabet): string {
  const lines: string[] = [];
  for (let r = 0; r < board.rows; r++) {
    const texts: string[] = [];
    for (let c = 0; c < board.cols; c++) texts.push(tileText(board.at(r, c), alphabet));
    lines.push(formatRun(texts, alphabet));
  }
  return lines.join('\n') + '\n';
}

/** Parses a board's text; `rows`/`cols`, when given, must match. */
export function parseBoard(
  text: string,
  alphabet: Alphabet,
  size?: { rows: number; cols: number },
): Result<Board, EngineError> {
  if (typeof text !== 'string') return err(engineError(Code.BAD_NOTATION, { cause: 'a board must be text' }));
  const bad = (cause: string) => err(engineError(Code.BAD_NOTATION, { cause }));
  const rows: number[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const row: number[] = [];
    for (let i = 0; i < line.length;) {
      if (/\s/.test(line[i] as string)) {
        i++;
        continue;
      }
      const t = readToken(line, i, alphabet);
      if (t.kind === 'dot') row.push(0);
      else if (t.kind === 'tile' && (t.value & 0x3f) !== 0) row.push(t.value);
      else
        return bad(
          `row ${rows.length + 1}: ${JSON.stringify(t.kind === 'error' ? t.text : line[i])} is not a glyph of alphabet ${alphabet.spec.name}`,
        );
      i = t.end;
    }
    rows.push(row);
    if (rows.length > 26) return bad('a board has at most 26 rows');
  }
  const cols = rows[0]?.length ?? 0;
  if (rows.length === 0 || cols === 0) return bad('the board is empty');
  for (const [r, row] of rows.entries())
    if (row.length !== cols) return bad(`row ${r + 1} has ${row.length} squares, row 1 has ${cols}`);
  if (size !== undefined && (size.rows !== rows.length || size.cols !== cols))
    return bad(`the board is ${rows.length}×${cols}; the layout is ${size.rows}×${size.cols}`);
  const b = Board.fromCells(rows.length, cols, rows.flat());
  return b.ok ? b : bad(b.error.cause ?? 'bad board');
}
