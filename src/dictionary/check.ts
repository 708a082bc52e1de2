import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from './format.js';

/**
 * Checks the invariants that every walk relies on, in two linear passes over `arcs` (which must
 * start with the sentinel word 0): glyphs at most `maxGlyph`, siblings strictly increasing, every
 * target after its arc, inside the array and at the start of a list, the last word flagged as the
 * last of its list. Then every list ends inside the array and every path ends: a crafted file
 * cannot make a walk loop or read out of bounds. Returns what is wrong, or undefined.
 */
export function checkArcs(arcs: Uint32Array, maxGlyph: number): string | undefined {
  const n = arcs.length;
  if (n < 2 || arcs[0] !== 0) return 'word 0 is not the sentinel';
  if (((arcs[n - 1] as number) & ARC_LAST) === 0) return 'the last arc does not end its list';
  const starts = new Uint8Array(n);
  starts[1] = 1;
  let prevGlyph = -1;
  for (let i = 1; i < n; i++) {
    const v = arcs[i] as number;
    const g = v & ARC_GLYPH_MASK;
    if (g > maxGlyph) return `arc ${i}: glyph ${g} is outside the alphabet`;
    if (g <= prevGlyph) return `arc ${i}: siblings out of order`;
    if ((v & ARC_LAST) !== 0) {
      prevGlyph = -1;
      if (i + 1 < n) starts[i + 1] = 1;
    } else prevGlyph = g;
    const t = v >>> ARC_TARGET_SHIFT;
    if (t !== 0 && (t <= i || t >= n)) return `arc ${i}: bad target ${t}`;
  }
  for (let i = 1; i < n; i++) {
    const t = (arcs[i] as number) >>> ARC_TARGET_SHIFT;
    if (t !== 0 && starts[t] === 0) return `arc ${i}: target ${t} is not the start of a node`;
  }
  return undefined;
}

/** What one backward pass finds out about every list of a checked graph. */
export interface GraphCounts {
  /** Sequences accepted from each index to the end of its list (so from a node: the node's sequences). */
  readonly below: Float64Array;
  /** The longest path from each index (saturated at 255). */
  readonly depth: Uint8Array;
}

/**
 * Counts, for every index of a checked arc array, the sequences (words) and the longest path
 * from it to the end of its list, in one backward pass (targets always point forward).
 * `below[node]` is a node's number of words, `depth[node]` its longest word.
 */
export function graphCounts(arcs: Uint32Array): GraphCounts {
  const n = arcs.length;
  const below = new Float64Array(n + 1);
  const depth = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 1; i--) {
    const v = arcs[i] as number;
    const t = v >>> ARC_TARGET_SHIFT;
    const sibling = (v & ARC_LAST) !== 0 ? 0 : i + 1;
    below[i] = ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0) + (below[t] as number) + (sibling === 0 ? 0 : (below[sibling] as number));
    const here = Math.min(255, 1 + (t === 0 ? 0 : (depth[t] as number)));
    const after = sibling === 0 ? 0 : (depth[sibling] as number);
    depth[i] = here > after ? here : after;
  }
  below[0] = 0;
  depth[0] = 0;
  return { below, depth };
}
