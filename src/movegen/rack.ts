import { BLANK, type Tile } from '../config/letterset.js';

/** The most tiles a hand may hold in a search (the sub-rack table has 2^MAX_RACK entries at most). */
export const MAX_RACK = 16;

/**
 * The hand of a search as the generator and its bounds read it: counts by glyph, the glyphs held
 * as a bit set, and the tiles' values in the orders the bounds pair them.
 *
 * ```
 * counts[g]      tiles of glyph g held (g = 1..63); counts[64] the blanks
 * lo, hi         bit g (of 1-31, 32-63) set when glyph g is held; blanks not included
 * values[0..n)   the tiles' face values, highest first (a blank 0)
 * glyphs[0..m)   the distinct glyphs held, highest value first
 * ```
 *
 * The search takes tiles from `counts` and puts them back; between searches it is the hand.
 */
export class SearchRack {
  readonly counts = new Int8Array(65);
  blanks = 0;
  lo = 0;
  hi = 0;
  /** Tiles held. */
  size = 0;
  readonly values = new Float64Array(MAX_RACK);
  readonly glyphs = new Int32Array(MAX_RACK);
  glyphCount = 0;
  readonly #faceValues: Uint8Array;

  /** A rack of tiles whose face values are `faceValues[glyph]`. */
  constructor(faceValues: Uint8Array) {
    this.#faceValues = faceValues;
  }

  /** Loads a hand; false when it holds more tiles than a search handles. */
  set(hand: readonly Tile[]): boolean {
    const counts = this.counts;
    counts.fill(0);
    this.blanks = 0;
    this.lo = 0;
    this.hi = 0;
    this.size = hand.length;
    if (hand.length > MAX_RACK) return false;
    const faceValues = this.#faceValues;
    // Counts, and the distinct glyphs by value, highest first (ties by code), each inserted when first met.
    const glyphs = this.glyphs;
    let ng = 0;
    for (let k = 0; k < hand.length; k++) {
      const t = hand[k] as number;
      if ((t & BLANK) !== 0) {
        this.blanks++;
        counts[64] = (counts[64] as number) + 1;
        continue;
      }
      const g = t & 0x3f;
      const c = counts[g] as number;
      counts[g] = c + 1;
      if (c !== 0) continue;
      if (g < 32) this.lo |= 1 << g;
      else this.hi |= 1 << (g - 32);
      const v = faceValues[g] as number;
      let j = ng++;
      for (; j > 0; j--) {
        const before = glyphs[j - 1] as number;
        const w = faceValues[before] as number;
        if (w > v || (w === v && before < g)) break;
        glyphs[j] = before;
      }
      glyphs[j] = g;
    }
    this.lo >>>= 0;
    this.hi >>>= 0;
    // Tile values, highest first (blanks 0), for the shadow bounds.
    const rv = this.values;
    let n = 0;
    for (let k = 0; k < hand.length; k++) {
      const t = hand[k] as number;
      const v = (t & BLANK) !== 0 ? 0 : (faceValues[t & 0x3f] as number);
      let j = n++;
      while (j > 0 && (rv[j - 1] as number) < v) {
        rv[j] = rv[j - 1] as number;
        j--;
      }
      rv[j] = v;
    }
    this.glyphCount = ng;
    return true;
  }
}
