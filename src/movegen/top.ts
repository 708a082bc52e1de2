import type { Placement } from '../board/board.js';
import { PlaySlots, compareSlots } from './play-slots.js';

/**
 * The best N plays of a search: slots, and a heap of slot numbers with the worst kept play on
 * top, so a new play is compared with that one only. After {@link sort} the heap array is the
 * list of slots, best first. The play being offered is written to {@link current} (slot 0).
 */
export class TopPlays {
  /** How many plays are kept. */
  n = 1;
  /** How many are held. */
  count = 0;
  slots: PlaySlots;
  heap = new Int32Array(1);
  /** What a play must reach to enter: the worst kept play's equity when full, else -Infinity. */
  floor = -Infinity;
  /** The play being offered, its tiles sorted by square. */
  readonly current: PlaySlots;

  /** A store of plays of at most `width` tiles. */
  constructor(width: number) {
    this.slots = new PlaySlots(1, width);
    this.current = new PlaySlots(1, width);
  }

  /** Empties the store, to keep the best `n`. */
  prepare(n: number): void {
    this.n = n;
    this.count = 0;
    this.floor = -Infinity;
    if (this.slots.capacity < n) {
      this.slots = new PlaySlots(n, this.slots.width);
      this.heap = new Int32Array(n);
    }
  }

  /** True when the store is full and a play of this equity cannot enter (the full comparison decides ties). */
  rejects(equity: number): boolean {
    return this.count === this.n && equity < (this.slots.equity[this.heap[0] as number] as number);
  }

  /** Offers {@link current}: kept when the store has room or it comes before the worst kept play. */
  offerCurrent(): void {
    const heap = this.heap;
    const slots = this.slots;
    let slot: number;
    if (this.count < this.n) slot = this.count;
    else {
      // The heap's root is the worst kept play: replace it when the current play comes first.
      const worst = heap[0] as number;
      if (compareSlots(this.current, 0, slots, worst) >= 0) return;
      slot = worst;
    }
    slots.copySlot(this.current, 0, slot);
    if (this.count < this.n) {
      // Sift up (the worst on top: a slot moves up while it ranks after its parent).
      let c = this.count++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (compareSlots(slots, heap[parent] as number, slots, slot) >= 0) break;
        heap[c] = heap[parent] as number;
        c = parent;
      }
      heap[c] = slot;
    } else {
      // Sift down from the root.
      let c = 0;
      const size = this.count;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && compareSlots(slots, heap[child + 1] as number, slots, heap[child] as number) > 0)
          child++;
        if (compareSlots(slots, heap[child] as number, slots, slot) <= 0) break;
        heap[c] = heap[child] as number;
        c = child;
      }
      heap[c] = slot;
    }
    if (this.count === this.n) this.floor = this.worstKey();
  }

  /** The ranking key of the worst kept play (what a bound must reach to matter). */
  worstKey(): number {
    return this.slots.equity[this.heap[0] as number] as number;
  }

  /** Starts the store with slot `i` of `source` as its only play. */
  seed(source: PlaySlots, i: number): void {
    this.slots.copySlot(source, i, 0);
    this.heap[0] = 0;
    this.count = 1;
    this.floor = this.worstKey();
  }

  /** Orders the kept plays best first (the heap array becomes a sorted list of slots). */
  sort(): void {
    const slots = this.slots;
    const list = Array.from(this.heap.subarray(0, this.count));
    list.sort((a, b) => compareSlots(slots, a, slots, b));
    for (let k = 0; k < list.length; k++) this.heap[k] = list[k] as number;
  }

  /** The slot of the i-th best play (after {@link sort}). */
  slotOf(i: number): number {
    return this.heap[i] as number;
  }

  /** The tiles of the i-th best play as placements, sorted by square (allocates). */
  placements(i: number): Placement[] {
    const slot = this.heap[i] as number;
    const w = this.slots.width;
    const placements: Placement[] = [];
    for (let t = 0; t < (this.slots.tiles[slot] as number); t++)
      placements.push({ square: this.slots.sq[slot * w + t] as number, tile: this.slots.tile[slot * w + t] as number });
    return placements;
  }
}
