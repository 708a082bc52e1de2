import { Code, describeValue, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';

/** One placed tile: a square index (`row * cols + col`) and a board cell value (code, or BLANK | code). */
export interface Placement {
  readonly square: number;
  readonly tile: number;
}

/** The empty board of a configuration (`emptyBoard(presetConfig('en').value)`: 15×15). */
export function emptyBoard(config: { readonly layout: { readonly rows: number; readonly cols: number } }): Board {
  return Board.empty(config.layout.rows, config.layout.cols);
}

/**
 * An immutable board: one byte a square, 0 empty, else a glyph code (1..63), with the BLANK bit
 * (0x40) set for a blank standing for that glyph. The bytes are private: no code path can write
 * into a board a previous state holds; {@link Board.withTiles} returns a new board.
 */
export class Board {
  readonly rows: number;
  readonly cols: number;
  /** Number of tiles on the board. */
  readonly tileCount: number;
  readonly #cells: Uint8Array;

  private constructor(rows: number, cols: number, cells: Uint8Array) {
    this.rows = rows;
    this.cols = cols;
    this.#cells = cells;
    let n = 0;
    for (let i = 0; i < cells.length; i++) if (cells[i] !== 0) n++;
    this.tileCount = n;
    Object.freeze(this);
  }

  /** An empty board. */
  static empty(rows: number, cols: number): Board {
    return new Board(rows, cols, new Uint8Array(rows * cols));
  }

  /** A board from cell values (copied), checked: right length, every value empty or a glyph code 1..63 (with or without the blank bit). */
  static fromCells(rows: number, cols: number, cells: ArrayLike<number>): Result<Board, EngineError> {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows > 26 || cols > 26)
      return err(engineError(Code.BAD_STATE, { cause: `bad board size ${rows}×${cols}` }));
    if (cells.length !== rows * cols)
      return err(
        engineError(Code.BAD_STATE, {
          cause: `a ${rows}×${cols} board has ${rows * cols} squares, not ${cells.length}`,
        }),
      );
    const copy = new Uint8Array(rows * cols);
    for (let i = 0; i < copy.length; i++) {
      const v = cells[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7f || (v !== 0 && (v & 0x3f) === 0))
        return err(engineError(Code.BAD_STATE, { cause: `square ${i}: bad cell value ${describeValue(v)}` }));
      copy[i] = v;
    }
    return ok(new Board(rows, cols, copy));
  }

  /** Number of squares. */
  get size(): number {
    return this.#cells.length;
  }

  /** The cell value of a square index (0: empty; undefined squares read as 0). */
  cell(square: number): number {
    return this.#cells[square] ?? 0;
  }

  /** The cell value at a row and column (0-based), 0 off the board. */
  at(row: number, col: number): number {
    if (row < 0 || col < 0 || row >= this.rows || col >= this.cols) return 0;
    return this.#cells[row * this.cols + col] ?? 0;
  }

  /** True when the square holds no tile. */
  isEmpty(square: number): boolean {
    return this.#cells[square] === 0;
  }

  /** A new board with these tiles added. Callers validate first; squares outside the board are ignored. */
  withTiles(placements: readonly Placement[]): Board {
    const cells = this.#cells.slice();
    for (const p of placements) if (p.square >= 0 && p.square < cells.length) cells[p.square] = p.tile;
    return new Board(this.rows, this.cols, cells);
  }

  /** A new board with these squares emptied (a withdrawn play). Squares outside the board are ignored. */
  withoutTiles(squares: readonly number[]): Board {
    const cells = this.#cells.slice();
    for (const q of squares) if (q >= 0 && q < cells.length) cells[q] = 0;
    return new Board(this.rows, this.cols, cells);
  }

  /** A copy of the cells. */
  cells(): Uint8Array {
    return this.#cells.slice();
  }

  /** Copies the cells into `out` (for hot paths that keep their own buffer). */
  copyCellsInto(out: Uint8Array): void {
    out.set(this.#cells);
  }

  /** True when both boards have the same size and tiles. */
  equals(other: Board): boolean {
    if (other.rows !== this.rows || other.cols !== this.cols) return false;
    const a = this.#cells;
    for (let i = 0; i < a.length; i++) if (a[i] !== other.cell(i)) return false;
    return true;
  }
}
