/**
 * The packed node format, in one place.
 *
 * A dictionary is one `Uint32Array`. A node is the index of its header: one mask word (two
 * when the alphabet has 32 glyphs or more), then its arcs, sorted by glyph code, the last one
 * flagged. Bit g of the mask (bit g - 32 of the second word) is set when the node has an arc for
 * glyph g, so the arc of glyph g is found without a scan:
 * `node + maskWords + popcount(mask & ((1 << g) - 1))`.
 * Index 0 is a sentinel word: a target of 0 means "no outgoing arcs". Every target is greater
 * than the index of the arc that points to it, so the graph is acyclic by construction and a
 * loader checks it in one pass.
 *
 * ```
 * mask word   bit g: the node has an arc for glyph g (codes 0-31; second word: codes 32-63)
 * arc word    bits 0-5   glyph code (1..63; 0 is the GADDAG separator)
 *             bit  6     end of word: the path up to and including this arc spells a word
 *             bit  7     last arc of its node
 *             bits 8-31  index of the target node's header (0: the target has no arcs)
 * ```
 */
export const ARC_GLYPH_MASK = 0x3f;
/** End-of-word flag of an arc. */
export const ARC_END_OF_WORD = 0x40;
/** Last-sibling flag of an arc. */
export const ARC_LAST = 0x80;
/** Shift of the target index. */
export const ARC_TARGET_SHIFT = 8;
/** The largest word index the format can address. */
export const MAX_ARCS = 1 << 24;
/** The GADDAG separator glyph code (the "turn-around" between the reversed prefix and the suffix). */
export const SEPARATOR = 0;

/** Packs one arc. */
export function packArc(glyph: number, endOfWord: boolean, last: boolean, target: number): number {
  return ((target << ARC_TARGET_SHIFT) | (last ? ARC_LAST : 0) | (endOfWord ? ARC_END_OF_WORD : 0) | glyph) >>> 0;
}

/** Mask words per node header for an alphabet of `glyphs` glyphs (codes 1..glyphs). */
export function maskWordsFor(glyphs: number): 1 | 2 {
  return glyphs >= 32 ? 2 : 1;
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The arc of `glyph` leaving `node`, or -1. `maskWords` is the dictionary's header size (1 or 2).
 * Two reads and a popcount, whatever the node's degree.
 */
export function findArc(arcs: Uint32Array, node: number, glyph: number, maskWords: number): number {
  const lo = arcs[node] as number;
  if (glyph < 32) {
    if (((lo >>> glyph) & 1) === 0) return -1;
    return node + maskWords + popcount(lo & ((1 << glyph) - 1));
  }
  const hi = arcs[node + 1] as number;
  const bit = glyph - 32;
  if (((hi >>> bit) & 1) === 0) return -1;
  return node + 2 + popcount(lo) + popcount(hi & ((1 << bit) - 1));
}
