import type { LeaveValues } from '../leaves/values.js';
import type { BoardLines } from './lines.js';
import { PlaySlots } from './play-slots.js';
import type { TopPlays } from './top.js';

/**
 * The plays of a search kept for a later one on the same board plus a few tiles
 * (`searchTopAfter`): which of them the added tiles leave as they were, and the lines where the
 * added tiles make or change plays, the only ones searched again.
 *
 * ```
 * addedAt[square] === stamp     the square is one of the added tiles
 * rowTargets[r] colTargets[c]   the positions of the line a changed play must cover, a bit each
 *                               (0: the line is not searched); boards are at most 26 a side
 * ```
 */
export class PriorPlays {
  /** The plays kept, best first. */
  count = 0;
  slots: PlaySlots;
  /** What the kept plays are valid for: this hand, these leave values, this many board tiles. */
  readonly #rack = new Int8Array(65);
  #leaves: LeaveValues | undefined;
  #boardTiles = -1;
  readonly #lines: BoardLines;
  #stamp = 0;
  readonly #addedAt: Uint32Array;
  readonly rowTargets: Uint32Array;
  readonly colTargets: Uint32Array;

  /** Kept plays of at most `width` tiles on `lines`. */
  constructor(lines: BoardLines, width: number) {
    this.#lines = lines;
    this.slots = new PlaySlots(0, width);
    this.#addedAt = new Uint32Array(lines.size);
    this.rowTargets = new Uint32Array(lines.rows);
    this.colTargets = new Uint32Array(lines.cols);
  }

  /** Keeps the plays of `top` (best first), found for the hand `rack` with `leaves`. */
  keep(top: TopPlays, rack: Int8Array, leaves: LeaveValues | undefined): void {
    const n = top.count;
    if (this.slots.capacity < n) this.slots = new PlaySlots(n, this.slots.width);
    for (let i = 0; i < n; i++) this.slots.copySlot(top.slots, top.slotOf(i), i);
    this.count = n;
    this.#rack.set(rack);
    this.#leaves = leaves;
    this.#boardTiles = this.#lines.tiles;
  }

  /** True when the kept plays hold for the hand `rack` and `leaves` on the board with `added` more tiles. */
  holdsFor(rack: Int8Array, leaves: LeaveValues | undefined, added: number): boolean {
    let same = this.#leaves === leaves && this.#lines.tiles === this.#boardTiles + added;
    for (let g = 0; g <= 64 && same; g++) same = rack[g] === this.#rack[g];
    return same;
  }

  /** Stamps the added squares (`count` of them at `squares[offset..]`); returns the stamp. */
  stampAdded(squares: ArrayLike<number>, count: number, offset: number): number {
    const stamp = (this.#stamp = (this.#stamp + 1) >>> 0);
    const added = this.#addedAt;
    for (let t = 0; t < count; t++) added[squares[offset + t] as number] = stamp;
    return stamp;
  }

  /** True when kept play i has the same words on the board with the stamped squares added. */
  unchanged(i: number, stamp: number): boolean {
    const slots = this.slots;
    const n = slots.tiles[i] as number;
    return this.unchangedPlay(
      slots.sq,
      i * slots.width,
      n,
      slots.start[i] as number,
      slots.len[i] as number,
      slots.dir[i] === 0,
      stamp,
    );
  }

  /**
   * True when a play of the board before the stamped squares were added (its `n` new tiles'
   * squares at `sq[offset..]`, its main word's first square, length and direction) has the same
   * words, and so the same score, on the board now: its main word holds no added square and its
   * ends stay free of them, and each new tile's perpendicular word holds none. For a play of the
   * board now, false exactly when the added tiles made or changed it.
   */
  unchangedPlay(
    sq: ArrayLike<number>,
    offset: number,
    n: number,
    start: number,
    len: number,
    across: boolean,
    stamp: number,
  ): boolean {
    const { cols, rows, cells } = this.#lines;
    const added = this.#addedAt;
    // The main word (the new tiles' squares among them) holds no added tile, and its ends stay free.
    const step = across ? 1 : cols;
    for (let k = 0, s = start; k < len; k++, s += step) if (added[s] === stamp) return false;
    const r0 = (start - (start % cols)) / cols;
    const c0 = start % cols;
    if (across) {
      if (c0 > 0 && added[start - 1] === stamp) return false;
      if (c0 + len < cols && added[start + len] === stamp) return false;
    } else {
      if (r0 > 0 && added[start - cols] === stamp) return false;
      if (r0 + len < rows && added[start + len * cols] === stamp) return false;
    }
    // Each new tile's perpendicular word (through the tiles now on the board) holds no added tile.
    for (let t = 0; t < n; t++) {
      const s = sq[offset + t] as number;
      const r = (s - (s % cols)) / cols;
      const c = s % cols;
      if (across) {
        for (let q = r - 1; q >= 0 && cells[q * cols + c] !== 0; q--) if (added[q * cols + c] === stamp) return false;
        for (let q = r + 1; q < rows && cells[q * cols + c] !== 0; q++) if (added[q * cols + c] === stamp) return false;
      } else {
        for (let q = c - 1; q >= 0 && cells[r * cols + q] !== 0; q--) if (added[r * cols + q] === stamp) return false;
        for (let q = c + 1; q < cols && cells[r * cols + q] !== 0; q++) if (added[r * cols + q] === stamp) return false;
      }
    }
    return true;
  }

  /**
   * Marks the lines where the added tiles make or change plays, with the squares such a play must
   * cover: for each added tile its row and column at the tile, the rows just beyond the run of
   * tiles through it down its column, and the columns just beyond the run along its row (a play
   * there has a cross-word through it).
   */
  markChangedLines(squares: ArrayLike<number>, count: number, offset: number): void {
    const { cols, rows, cells } = this.#lines;
    const rowT = this.rowTargets;
    const colT = this.colTargets;
    rowT.fill(0);
    colT.fill(0);
    for (let t = 0; t < count; t++) {
      const sq = squares[offset + t] as number;
      const r = (sq - (sq % cols)) / cols;
      const c = sq % cols;
      mark(rowT, r, c);
      mark(colT, c, r);
      let u = r;
      while (u > 0 && cells[(u - 1) * cols + c] !== 0) u--;
      let d = r;
      while (d + 1 < rows && cells[(d + 1) * cols + c] !== 0) d++;
      if (u > 0) mark(rowT, u - 1, c);
      if (d + 1 < rows) mark(rowT, d + 1, c);
      let l = c;
      while (l > 0 && cells[r * cols + l - 1] !== 0) l--;
      let e = c;
      while (e + 1 < cols && cells[r * cols + e + 1] !== 0) e++;
      if (l > 0) mark(colT, l - 1, r);
      if (e + 1 < cols) mark(colT, e + 1, r);
    }
  }

  /**
   * True when a play through line position `p` (of the line at `base`) can also cover one of the
   * `targets` (a bit per position): the empty squares from p to it, both included, are no more
   * than `tiles`.
   */
  reaches(base: number, p: number, targets: number, tiles: number): boolean {
    const cells = this.#lines.cells;
    for (let m = targets; m !== 0; m &= m - 1) {
      const t = 31 - Math.clz32(m & -m);
      const from = p < t ? p : t;
      const to = p < t ? t : p;
      let empty = 0;
      for (let q = from; q <= to && empty <= tiles; q++) if (cells[base + q] === 0) empty++;
      if (empty <= tiles) return true;
    }
    return false;
  }
}

/** Sets bit `pos` of `targets[line]`. */
function mark(targets: Uint32Array, line: number, pos: number): void {
  targets[line] = ((targets[line] as number) | (1 << pos)) >>> 0;
}
