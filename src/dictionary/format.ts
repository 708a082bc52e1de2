/**
 * The packed arc format, in one place.
 *
 * A dictionary is one `Uint32Array` of arcs. A node is the index of the first arc of its list;
 * its arcs follow one another, sorted by glyph code, the last one flagged. Index 0 holds a
 * sentinel, so a target of 0 means "no outgoing arcs". Every target index is greater than the
 * index of the arc that points to it, so the graph is acyclic by construction and a loader can
 * check it in one pass.
 *
 * ```
 * bits 0-5   glyph code (1..63; 0 is the GADDAG separator)
 * bit  6     end of word: the path up to and including this arc spells a word
 * bit  7     last arc of its node
 * bits 8-31  index of the target node's first arc (0: the target has no arcs)
 * ```
 */
export const ARC_GLYPH_MASK = 0x3f;
/** End-of-word flag of an arc. */
export const ARC_END_OF_WORD = 0x40;
/** Last-sibling flag of an arc. */
export const ARC_LAST = 0x80;
/** Shift of the target index. */
export const ARC_TARGET_SHIFT = 8;
/** The largest arc index the format can address. */
export const MAX_ARCS = 1 << 24;
/** The GADDAG separator glyph code (the "turn-around" between the reversed prefix and the suffix). */
export const SEPARATOR = 0;

/** Packs one arc. */
export function packArc(glyph: number, endOfWord: boolean, last: boolean, target: number): number {
  return ((target << ARC_TARGET_SHIFT) | (last ? ARC_LAST : 0) | (endOfWord ? ARC_END_OF_WORD : 0) | glyph) >>> 0;
}
