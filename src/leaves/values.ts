/**
 * Values of leaves (the tiles kept after a play): what equity adds to the score. `value` gets
 * the kept tiles sorted ascending (glyph codes, {@link BLANK} for a blank, so blanks last).
 */
export interface LeaveValues {
  /** The value of keeping `tiles[0..length)` (glyph codes ascending, blanks last). */
  leaveValue(tiles: Uint8Array, length: number): number;
  /**
   * Optional, a faster way to the same values: the value of every sub-multiset of a hand into
   * `out`. The hand is `groups` distinct tiles, `tiles[k]` (glyph codes ascending, {@link BLANK}
   * last) held `counts[k]` times; the sub-multiset keeping `c[k]` of each is at index
   * `Σ c[k] × Π_{i<k} (counts[i] + 1)` (group 0 varies fastest). False when it cannot, with
   * `out` untouched.
   */
  subRackValues?(tiles: ArrayLike<number>, counts: ArrayLike<number>, groups: number, out: Float64Array): boolean;
}
