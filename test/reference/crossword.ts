import type { GameConfig } from 'wordgame-engine';

/**
 * A plain brute-force crossword validator, written from the rule book as simply as possible,
 * for property tests: boards are arrays of strings, words are strings, nothing is clever.
 */
export interface RefConfig {
  rows: number;
  cols: number;
  start: [number, number];
  handSize: number;
  bonus: number;
  values: Record<string, number>;
  /** Letter and word multipliers, [row][col]. */
  letterMult: number[][];
  wordMult: number[][];
}

/** The reference's view of a game configuration: plain nested arrays and a value table. */
export function refConfigOf(config: GameConfig): RefConfig {
  const { rows, cols, start, letterMultiplier, wordMultiplier } = config.layout;
  const grid = (a: Uint8Array) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => a[r * cols + c] as number));
  return {
    rows,
    cols,
    start: [Math.floor(start / cols), start % cols],
    handSize: config.handSize,
    bonus: config.fullHandBonus,
    values: Object.fromEntries(
      config.alphabet.glyphs.slice(1).map((g, i) => [g, config.letters.values[i + 1] as number]),
    ),
    letterMult: grid(letterMultiplier),
    wordMult: grid(wordMultiplier),
  };
}

/** A board cell: '' empty, 'A' a tile, 'a' a blank standing for A. */
export type RefBoard = string[][];

export interface RefTile {
  row: number;
  col: number;
  glyph: string;
  blank: boolean;
}

export type RefResult =
  { ok: true; score: number; words: string[] } | { ok: false; code: number; param?: string | number };

export function referenceValidate(
  board: RefBoard,
  hand: string[],
  tiles: RefTile[],
  cfg: RefConfig,
  dict: Set<string>,
): RefResult {
  // 60000: same square twice, too many tiles, off board.
  if (tiles.length > cfg.handSize) return { ok: false, code: 60000 };
  const keys = tiles.map((t) => `${t.row},${t.col}`);
  if (new Set(keys).size !== keys.length) return { ok: false, code: 60000 };
  for (const t of tiles)
    if (t.row < 0 || t.col < 0 || t.row >= cfg.rows || t.col >= cfg.cols) return { ok: false, code: 60000 };
  if (tiles.length === 0) return { ok: false, code: 60003 };
  // 60102, in square order.
  const sorted = [...tiles].sort((a, b) => a.row * cfg.cols + a.col - (b.row * cfg.cols + b.col));
  const pool = [...hand];
  for (const t of sorted) {
    const need = t.blank ? '?' : t.glyph;
    const i = pool.indexOf(need);
    if (i < 0) return { ok: false, code: 60102, param: need };
    pool.splice(i, 1);
  }
  for (const t of sorted)
    if (board[t.row]![t.col] !== '') return { ok: false, code: 60103, param: board[t.row]![t.col]!.toUpperCase() };
  const rowsUsed = new Set(tiles.map((t) => t.row));
  const colsUsed = new Set(tiles.map((t) => t.col));
  if (rowsUsed.size > 1 && colsUsed.size > 1) return { ok: false, code: 60101 };
  const after: RefBoard = board.map((r) => [...r]);
  for (const t of tiles) after[t.row]![t.col] = t.blank ? t.glyph.toLowerCase() : t.glyph;
  const isNew = (r: number, c: number) => tiles.some((t) => t.row === r && t.col === c);
  if (rowsUsed.size === 1) {
    const r = tiles[0]!.row;
    const cs = tiles.map((t) => t.col);
    for (let c = Math.min(...cs); c <= Math.max(...cs); c++) if (after[r]![c] === '') return { ok: false, code: 60104 };
  } else {
    const c = tiles[0]!.col;
    const rs = tiles.map((t) => t.row);
    for (let r = Math.min(...rs); r <= Math.max(...rs); r++) if (after[r]![c] === '') return { ok: false, code: 60104 };
  }
  const boardEmpty = board.every((r) => r.every((x) => x === ''));
  if (boardEmpty) {
    if (tiles.length < 2) return { ok: false, code: 60105 };
    if (!tiles.some((t) => t.row === cfg.start[0] && t.col === cfg.start[1])) return { ok: false, code: 60106 };
  } else {
    const occupied = (r: number, c: number) => r >= 0 && c >= 0 && r < cfg.rows && c < cfg.cols && board[r]![c] !== '';
    if (
      !tiles.some(
        (t) =>
          occupied(t.row - 1, t.col) ||
          occupied(t.row + 1, t.col) ||
          occupied(t.row, t.col - 1) ||
          occupied(t.row, t.col + 1),
      )
    )
      return { ok: false, code: 60107 };
  }
  // Words: the main word along the line (a single tile: across if it has across neighbours), then cross-words.
  const filled = (r: number, c: number) => r >= 0 && c >= 0 && r < cfg.rows && c < cfg.cols && after[r]![c] !== '';
  const wordAt = (r: number, c: number, dr: number, dc: number) => {
    while (filled(r - dr, c - dc)) {
      r -= dr;
      c -= dc;
    }
    let text = '';
    let sum = 0;
    let mult = 1;
    while (filled(r, c)) {
      const cell = after[r]![c]!;
      const v = cell === cell.toLowerCase() ? 0 : cfg.values[cell]!;
      if (isNew(r, c)) {
        sum += v * cfg.letterMult[r]![c]!;
        mult *= cfg.wordMult[r]![c]!;
      } else sum += v;
      text += cell.toUpperCase();
      r += dr;
      c += dc;
    }
    return { text, score: sum * mult };
  };
  let across =
    rowsUsed.size === 1 &&
    (tiles.length > 1 || filled(tiles[0]!.row, tiles[0]!.col - 1) || filled(tiles[0]!.row, tiles[0]!.col + 1));
  if (
    tiles.length === 1 &&
    !across &&
    !filled(tiles[0]!.row - 1, tiles[0]!.col) &&
    !filled(tiles[0]!.row + 1, tiles[0]!.col)
  )
    across = true;
  const words: { text: string; score: number }[] = [];
  const main = across ? wordAt(sorted[0]!.row, sorted[0]!.col, 0, 1) : wordAt(sorted[0]!.row, sorted[0]!.col, 1, 0);
  if (main.text.length >= 2) words.push(main);
  for (const t of sorted) {
    const w = across ? wordAt(t.row, t.col, 1, 0) : wordAt(t.row, t.col, 0, 1);
    if (w.text.length >= 2) words.push(w);
  }
  const bad = words.filter((w) => !dict.has(w.text));
  if (bad.length > 0) return { ok: false, code: 60108, param: bad[0]!.text };
  const score = words.reduce((s, w) => s + w.score, 0) + (tiles.length === cfg.handSize ? cfg.bonus : 0);
  return { ok: true, score, words: words.map((w) => w.text) };
}
