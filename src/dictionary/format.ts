/**
 * The packed word-graph format, in one place.
 *
 * A dictionary is one `Uint32Array` of arcs. A node is a list of arcs stored back to back,
 * sorted by glyph code, the last one flagged; the node is the index of its first arc. Index 0 is
 * a sentinel: a target of 0 means "no outgoing arcs". The DAWG and the GADDAG are one automaton
 * with two roots, so the GADDAG's suffix after the separator shares the DAWG's nodes (as in the
 * KWG files of other engines): the DAWG costs almost nothing on top of the GADDAG.
 *
 * ```
 * arc word    bits 0-5   glyph code (1..63; 0 is the GADDAG separator)
 *             bit  6     end of word: the path up to and including this arc spells a word
 *             bit  7     last arc of its node
 *             bits 8-31  index of the target node's first arc (0: the target has no arcs)
 * ```
 *
 * Every target is greater than the index of the arc that holds it, so the graph is acyclic by
 * construction, and the array's last word has the last flag, so every list ends inside the
 * array: a loader checks both, and the sibling order, in one pass.
 */
export const ARC_GLYPH_MASK = 0x3f;
/** End-of-word flag of an arc. */
export const ARC_END_OF_WORD = 0x40;
/** Last-sibling flag of an arc. */
export const ARC_LAST = 0x80;
/** Shift of the target index. */
export const ARC_TARGET_SHIFT = 8;
/** The largest number of words the format can address. */
export const MAX_ARCS = 1 << 24;
/** The GADDAG separator glyph code (the "turn-around" between the reversed prefix and the suffix). */
export const SEPARATOR = 0;

/** Packs one arc. */
export function packArc(glyph: number, endOfWord: boolean, last: boolean, target: number): number {
  return ((target << ARC_TARGET_SHIFT) | (last ? ARC_LAST : 0) | (endOfWord ? ARC_END_OF_WORD : 0) | glyph) >>> 0;
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The arc of `glyph` in the list starting at `node`, or -1. Lists are sorted, so the scan stops
 * at the first larger glyph.
 */
export function findArc(arcs: Uint32Array, node: number, glyph: number): number {
  if (node === 0) return -1;
  for (let a = node; ; a++) {
    const v = arcs[a] as number;
    const g = v & ARC_GLYPH_MASK;
    if (g === glyph) return a;
    if (g > glyph || (v & ARC_LAST) !== 0) return -1;
  }
}
