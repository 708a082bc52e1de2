/**
 * Plays in slots of parallel typed arrays, no object per play: the generator's current play, its
 * top N, the plays kept for a later search and every play of a full generation.
 *
 * ```
 * slot i       score[i] equity[i]   the play's score, and its score plus the leave's value
 *              dir[i]               0 across, 1 down
 *              start[i] len[i]      the main word's first square and its length
 *              tiles[i]             the number of new tiles
 * tile t       sq[i × width + t]    the square of new tile t, in square order
 *              tile[i × width + t]  its cell value (glyph code, BLANK | code for a blank)
 * ```
 */
export class PlaySlots {
  readonly score: Float64Array;
  readonly equity: Float64Array;
  readonly dir: Uint8Array;
  readonly start: Int16Array;
  readonly len: Uint8Array;
  readonly tiles: Uint8Array;
  readonly sq: Int16Array;
  readonly tile: Uint8Array;

  /** Room for `capacity` plays of at most `width` tiles. */
  constructor(
    readonly capacity: number,
    readonly width: number,
  ) {
    this.score = new Float64Array(capacity);
    this.equity = new Float64Array(capacity);
    this.dir = new Uint8Array(capacity);
    this.start = new Int16Array(capacity);
    this.len = new Uint8Array(capacity);
    this.tiles = new Uint8Array(capacity);
    this.sq = new Int16Array(capacity * width);
    this.tile = new Uint8Array(capacity * width);
  }

  /** Copies slot `from` of `source` (of the same width) into slot `to`. */
  copySlot(source: PlaySlots, from: number, to: number): void {
    const w = this.width;
    this.score[to] = source.score[from] as number;
    this.equity[to] = source.equity[from] as number;
    this.dir[to] = source.dir[from] as number;
    this.start[to] = source.start[from] as number;
    this.len[to] = source.len[from] as number;
    this.tiles[to] = source.tiles[from] as number;
    for (let t = 0; t < w; t++) {
      this.sq[to * w + t] = source.sq[from * w + t] as number;
      this.tile[to * w + t] = source.tile[from * w + t] as number;
    }
  }

  /** The same plays in slots with room for `capacity` (at least those held). */
  resized(capacity: number): PlaySlots {
    const out = new PlaySlots(capacity, this.width);
    const n = Math.min(capacity, this.capacity);
    out.score.set(this.score.subarray(0, n));
    out.equity.set(this.equity.subarray(0, n));
    out.dir.set(this.dir.subarray(0, n));
    out.start.set(this.start.subarray(0, n));
    out.len.set(this.len.subarray(0, n));
    out.tiles.set(this.tiles.subarray(0, n));
    out.sq.set(this.sq.subarray(0, n * this.width));
    out.tile.set(this.tile.subarray(0, n * this.width));
    return out;
  }
}

/**
 * The order of plays, the one order of every search and list of this library: higher equity
 * first (equity equals score when ranked without leaves); then higher score; then across before
 * down; then the new tiles' squares and cell values, in square order; then fewer tiles.
 * Deterministic, so the best play and top-N lists are reproducible. Negative when slot `i` of `a`
 * comes before slot `j` of `b` (of the same width). `comparePlays` is this order on
 * `GeneratedPlay` objects (a test holds the two together).
 */
export function compareSlots(a: PlaySlots, i: number, b: PlaySlots, j: number): number {
  const ea = a.equity[i] as number;
  const eb = b.equity[j] as number;
  if (ea !== eb) return ea > eb ? -1 : 1;
  const sa = a.score[i] as number;
  const sb = b.score[j] as number;
  if (sa !== sb) return sa > sb ? -1 : 1;
  const da = a.dir[i] as number;
  const db = b.dir[j] as number;
  if (da !== db) return da - db;
  const w = a.width;
  const na = a.tiles[i] as number;
  const nb = b.tiles[j] as number;
  const m = na < nb ? na : nb;
  for (let k = 0; k < m; k++) {
    const x = a.sq[i * w + k] as number;
    const y = b.sq[j * w + k] as number;
    if (x !== y) return x - y;
    const u = a.tile[i * w + k] as number;
    const v = b.tile[j * w + k] as number;
    if (u !== v) return u - v;
  }
  return na - nb;
}
