import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from './format.js';

/** What checking a graph finds out about every index of it. */
export interface GraphCounts {
  /** Sequences accepted from each index to the end of its list (so from a node: the node's sequences), saturated at 2^32 - 1. */
  readonly below: Uint32Array;
  /** The longest path from each index (saturated at 255). */
  readonly depth: Uint8Array;
}

/** The count at which {@link GraphCounts.below} saturates: a graph that reaches it accepts too many sequences. */
export const COUNT_LIMIT = 0xffffffff;

/**
 * Checks the invariants every walk relies on and counts what the graph holds, in two linear
 * passes over `arcs` (which must start with the sentinel word 0). Forward: glyphs at most
 * `maxGlyph`, siblings strictly increasing, every target after its arc and inside the array,
 * the last word flagged as the last of its list. Backward: every target at the start of a list,
 * every arc ending a word or leading to one (no dead end), and for every index the sequences
 * (words) and the longest path from it to the end of its list (targets point forward, so one
 * backward pass sees every target counted). Then every list ends inside the array and every path
 * ends: a crafted file cannot make a walk loop or read out of bounds, and a walk of every word
 * visits at most as many arcs as the words have glyphs (without the dead-end rule, lists shared
 * so that paths to nothing multiply would make it exponential in a file of a few hundred bytes).
 * Returns what is wrong, or the counts (see {@link GraphCounts}).
 */
export function checkGraph(arcs: Uint32Array, maxGlyph: number): GraphCounts | string {
  const n = arcs.length;
  if (n < 2 || arcs[0] !== 0) return 'word 0 is not the sentinel';
  if (((arcs[n - 1] as number) & ARC_LAST) === 0) return 'the last arc does not end its list';
  // One backward pass: every target is later than its arc, so its counts are known when the arc
  // is reached, and a node start is the first word or a word after a last arc.
  const below = new Uint32Array(n + 1);
  const depth = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 1; i--) {
    const v = arcs[i] as number;
    const g = v & ARC_GLYPH_MASK;
    if (g > maxGlyph) return `arc ${i}: glyph ${g} is outside the alphabet`;
    const last = (v & ARC_LAST) !== 0;
    if (!last && g >= ((arcs[i + 1] as number) & ARC_GLYPH_MASK)) return `arc ${i + 1}: siblings out of order`;
    const t = v >>> ARC_TARGET_SHIFT;
    if (t !== 0) {
      if (t <= i || t >= n) return `arc ${i}: bad target ${t}`;
      if (((arcs[t - 1] as number) & ARC_LAST) === 0 && t !== 1)
        return `arc ${i}: target ${t} is not the start of a node`;
    }
    const sibling = last ? 0 : i + 1;
    const own = ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0) + (below[t] as number);
    // (The one arc of an empty graph, which only ends the array's one list, is the exception.)
    if (own === 0 && n > 2) return `arc ${i}: leads to no word`;
    const count = own + (below[sibling] as number);
    below[i] = count > COUNT_LIMIT ? COUNT_LIMIT : count;
    const here = t === 0 ? 1 : Math.min(255, 1 + (depth[t] as number));
    const after = depth[sibling] as number;
    depth[i] = here > after ? here : after;
  }
  return { below, depth };
}
