import type { Placement } from '../board/board.js';
import { PlaySlots, compareSlots } from './play-slots.js';

/**
 * Every play of a full generation, stored compactly (no object per play) in growing
 * slots (`play-slots.ts`), and sorted into the order of plays.
 */
export class PlayStore {
  count = 0;
  #slots: PlaySlots;
  /** The slots in the order of plays (`comparePlays`), after {@link sort}. */
  order: Int32Array = new Int32Array(0);

  /** An empty store of plays of at most `width` tiles, room for `capacity` to start with. */
  constructor(width: number, capacity = 256) {
    this.#slots = new PlaySlots(capacity, width);
  }

  /** Adds a play: its tiles sorted by square in `squares[0..size)` and `tiles[0..size)`. */
  push(equity: number, score: number, dir: number, size: number, squares: Int16Array, tiles: Uint8Array): void {
    const n = this.count;
    if (n === this.#slots.capacity) this.#slots = this.#slots.resized(Math.max(this.#slots.capacity * 2, 64));
    const s = this.#slots;
    s.score[n] = score;
    s.equity[n] = equity;
    s.dir[n] = dir;
    s.tiles[n] = size;
    const at = n * s.width;
    for (let k = 0; k < size; k++) {
      s.sq[at + k] = squares[k] as number;
      s.tile[at + k] = tiles[k] as number;
    }
    this.count = n + 1;
  }

  /**
   * Orders the slots as `comparePlays` orders plays. Whole-number equities (scores) go through a
   * counting sort by equity and direction, then each bucket by the full comparison; others
   * through a comparison sort.
   */
  sort(): void {
    const n = this.count;
    if (n === 0) {
      this.order = new Int32Array(0);
      return;
    }
    const s = this.#slots;
    const compare = (a: number, b: number): number => compareSlots(s, a, s, b);
    let whole = true;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const e = s.equity[i] as number;
      if (!Number.isInteger(e) || s.score[i] !== e) whole = false;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    if (!whole || hi - lo > 4096) {
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort(compare);
      this.order = Int32Array.from(order);
      return;
    }
    // A counting sort by (equity, direction), then each bucket in order by its tiles.
    const buckets = (hi - lo) * 2 + 2;
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) {
      const k = (hi - (s.equity[i] as number)) * 2 + (s.dir[i] as number);
      start[k + 1] = (start[k + 1] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const order = new Int32Array(n);
    const fill = start.slice();
    for (let i = 0; i < n; i++) {
      const k = (hi - (s.equity[i] as number)) * 2 + (s.dir[i] as number);
      order[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) {
      const from = start[k] as number;
      const to = start[k + 1] as number;
      if (to - from < 2) continue;
      if (to - from <= 24) {
        for (let x = from + 1; x < to; x++) {
          const slot = order[x] as number;
          let y = x;
          while (y > from && compare(order[y - 1] as number, slot) > 0) {
            order[y] = order[y - 1] as number;
            y--;
          }
          order[y] = slot;
        }
      } else order.set(Array.from(order.subarray(from, to)).sort(compare), from);
    }
    this.order = order;
  }

  /** A copy trimmed to the plays stored (the store itself is reused by the next search). */
  snapshot(): PlayStore {
    const copy = new PlayStore(this.#slots.width, 0);
    copy.#slots = this.#slots.resized(this.count);
    copy.count = this.count;
    copy.order = this.order;
    return copy;
  }

  /** The score of the play in `slot`. */
  score(slot: number): number {
    return this.#slots.score[slot] as number;
  }

  /** The equity (score plus leave value) of the play in `slot`. */
  equity(slot: number): number {
    return this.#slots.equity[slot] as number;
  }

  /** True when the play in `slot` goes across. */
  across(slot: number): boolean {
    return this.#slots.dir[slot] === 0;
  }

  /** The placements of a slot, sorted by square (allocates). */
  placements(slot: number): Placement[] {
    const s = this.#slots;
    const out: Placement[] = [];
    const at = slot * s.width;
    for (let k = 0; k < (s.tiles[slot] as number); k++)
      out.push({ square: s.sq[at + k] as number, tile: s.tile[at + k] as number });
    return out;
  }
}
