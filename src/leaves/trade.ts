import type { Tile } from '../config/letterset.js';
import type { Hand } from '../state/hand.js';
import type { LeaveValues } from './values.js';

/** The trade whose kept tiles have the best leave value (every distinct subset of the hand), or undefined for an empty hand. */
export function bestTrade(hand: Hand, leaves: LeaveValues): { tiles: Tile[]; equity: number } | undefined {
  const n = hand.length;
  if (n === 0 || n > 16) return undefined;
  const sorted = [...hand].sort((a, b) => a - b);
  const value = new Float64Array(1);
  const mask = bestTradeMask(sorted, leaves, new Uint8Array(n), value);
  const tiles: Tile[] = [];
  for (let i = 0; i < n; i++) if ((mask >> i) & 1) tiles.push(sorted[i] as Tile);
  return { tiles, equity: value[0] as number };
}

/**
 * The best trade of a sorted rack (at most 16 tiles) as a bitmask of the tiles to trade: every
 * distinct multiset once, valued by the leave kept (an empty leave is worth 0); the first best
 * in mask order wins. Writes the value to `value[0]`; `kept` is scratch space. Allocates nothing.
 */
export function bestTradeMask(
  sorted: readonly number[],
  leaves: LeaveValues,
  kept: Uint8Array,
  value: Float64Array,
): number {
  const n = sorted.length;
  let bestMask = 0;
  let best = -Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    // Each distinct multiset once: a tile equal to its predecessor is traded only if the predecessor is.
    let skip = false;
    for (let i = 1; i < n && !skip; i++)
      if (sorted[i] === sorted[i - 1] && (mask >> i) & 1 && !((mask >> (i - 1)) & 1)) skip = true;
    if (skip) continue;
    let k = 0;
    for (let i = 0; i < n; i++) if (!((mask >> i) & 1)) kept[k++] = sorted[i] as number;
    const e = k === 0 ? 0 : leaves.leaveValue(kept, k);
    if (e > best) {
      best = e;
      bestMask = mask;
    }
  }
  value[0] = best;
  return bestMask;
}
