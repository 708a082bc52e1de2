import { BLANK } from '../config/letterset.js';
import type { LeaveValues } from '../leaves/values.js';
import { MAX_RACK, type SearchRack } from './rack.js';

/**
 * The leave values of one hand, looked up by the search in one step: a value per sub-multiset of
 * the hand kept, indexed in mixed radix, so that placing a tile steps the index by a constant.
 *
 * ```
 * stride[g]             the index step of glyph g (64: the blank): Π (count + 1) of the glyphs before it
 * table[full - Σ stride[tile placed]]   the value of the tiles kept after a play (full: the whole hand)
 * bestOfSize[n]         the best value of a leave of n tiles (the equity bounds)
 * atMost[b × (size + 1) + n]   the best leave of n tiles keeping at most b blanks
 * ```
 *
 * Without leave values (a search by score) {@link used} is false and `bestOfSize` all 0; the rest
 * is then not read.
 */
export class LeaveMap {
  /** Sub-rack index step of each glyph (64: the blank). */
  readonly stride = new Int32Array(65);
  /** The index of the whole hand. */
  full = 0;
  table = new Float64Array(1);
  /** True when the last hand was given leave values. */
  used = false;
  /** The leave values of the last hand that had some. */
  last: LeaveValues | undefined;
  /** The best leave value for each number of tiles kept. */
  readonly bestOfSize = new Float64Array(MAX_RACK + 1);
  /** Row b (of `size + 1`): the best leave of each size keeping at most b blanks. */
  readonly atMost = new Float64Array((MAX_RACK + 1) * (MAX_RACK + 1));
  /** The hand's distinct glyphs (64: the blank), the counts kept while the table is filled, their tile codes and counts held, and a leave's tiles. */
  readonly #groups = new Int32Array(MAX_RACK + 1);
  readonly #kept = new Int32Array(MAX_RACK + 1);
  readonly #codes = new Int32Array(MAX_RACK + 1);
  readonly #held = new Int32Array(MAX_RACK + 1);
  readonly #buf = new Uint8Array(MAX_RACK);

  /** The best value of a leave of fewer than `size` tiles (what the best trade of a hand of `size` keeps: 0 for none). */
  bestBelow(size: number): number {
    let best = -Infinity;
    for (let n = 0; n < size; n++) if ((this.bestOfSize[n] as number) > best) best = this.bestOfSize[n] as number;
    return best;
  }

  /** Fills the map for `rack` and `leaves` (undefined: a search by score). */
  set(rack: SearchRack, leaves: LeaveValues | undefined): void {
    // By score every value is 0, and nothing reads the table or the strides (the endgame solver
    // searches this way at every node).
    if (leaves === undefined) {
      if (this.used) this.bestOfSize.fill(0);
      this.used = false;
      return;
    }
    const counts = rack.counts;
    const stride = this.stride;
    const groups = this.#groups;
    stride.fill(0);
    let combos = 1;
    let ng = 0;
    for (let g = 1; g <= 64; g++) {
      const c = counts[g] as number;
      if (c === 0) continue;
      stride[g] = combos;
      combos *= c + 1;
      groups[ng++] = g;
    }
    this.full = combos - 1;
    this.used = true;
    this.last = leaves;
    const best = this.bestOfSize;
    best.fill(-Infinity);
    // The best leave of each size by the blanks it keeps (the blank's group is the last).
    const width = rack.size + 1;
    const blanks = counts[64] as number;
    const blankGroup = blanks > 0 ? ng - 1 : -1;
    const atMost = this.atMost;
    atMost.fill(-Infinity, 0, (blanks + 1) * width);
    if (this.table.length < combos) this.table = new Float64Array(combos);
    const table = this.table;
    const codes = this.#codes;
    const held = this.#held;
    for (let k = 0; k < ng; k++) {
      const g = groups[k] as number;
      codes[k] = g === 64 ? BLANK : g;
      held[k] = counts[g] as number;
    }
    // Every sub-multiset kept, in index order (an odometer over the glyphs' counts): its value, all
    // at once when the table can, and the best of each size.
    const filled = leaves.subRackValues?.(codes, held, ng, table) === true;
    const kept = this.#kept;
    const buf = this.#buf;
    kept.fill(0);
    let n = 0;
    for (let idx = 0; idx < combos; idx++) {
      let v: number;
      if (filled) v = table[idx] as number;
      else {
        let t = 0;
        for (let k = 0; k < ng; k++) for (let j = kept[k] as number; j > 0; j--) buf[t++] = codes[k] as number;
        v = n === 0 ? 0 : leaves.leaveValue(buf, n);
        table[idx] = v;
      }
      if (v > (best[n] as number)) best[n] = v;
      const at = (blankGroup < 0 ? 0 : (kept[blankGroup] as number)) * width + n;
      if (v > (atMost[at] as number)) atMost[at] = v;
      for (let k = 0; k < ng; k++) {
        if ((kept[k] as number) < (held[k] as number)) {
          kept[k] = (kept[k] as number) + 1;
          n++;
          break;
        }
        n -= kept[k] as number;
        kept[k] = 0;
      }
    }
    // Exactly b blanks -> at most b.
    for (let b = 1; b <= blanks; b++) {
      for (let z = 0; z < width; z++)
        if ((atMost[(b - 1) * width + z] as number) > (atMost[b * width + z] as number))
          atMost[b * width + z] = atMost[(b - 1) * width + z] as number;
    }
  }
}
