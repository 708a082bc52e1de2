import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT, popcount } from './format.js';

/**
 * Checks the invariants that walks rely on over the region `arcs[from..to)`, which must be a
 * sequence of nodes (header, then arcs); returns what is wrong, or undefined. Each mask must
 * list exactly the node's arc glyphs, in order, the last arc flagged; glyphs must be in range;
 * targets must point forward, inside the region, at a node header (so every walk ends and reads
 * only what it expects).
 */
export function checkArcRegion(arcs: Uint32Array, from: number, to: number, maskWords: number, minGlyph: number, maxGlyph: number): string | undefined {
  if (from < 1 || to > arcs.length || from >= to) return 'empty or misplaced region';
  // One pass: node headers are marked in `starts`, targets in `targets`; every target must be a
  // header, which the bitsets tell at the end.
  const words = (to >>> 5) + 1;
  const starts = new Int32Array(words);
  const targets = new Int32Array(words);
  let i = from;
  while (i < to) {
    starts[i >>> 5] = (starts[i >>> 5] as number) | (1 << (i & 31));
    if (i + maskWords > to) return `node ${i}: truncated header`;
    const lo = arcs[i] as number;
    const hi = maskWords === 2 ? (arcs[i + 1] as number) : 0;
    const count = popcount(lo) + popcount(hi);
    if (count === 0) return `node ${i}: no arcs`;
    i += maskWords;
    if (i + count > to) return `node ending at ${i}: truncated`;
    let prev = -1;
    for (let k = 0; k < count; k++, i++) {
      const v = arcs[i] as number;
      const g = v & ARC_GLYPH_MASK;
      if (g > maxGlyph || g < minGlyph) return `arc ${i}: glyph ${g} is outside the alphabet`;
      if (g <= prev) return `arc ${i}: siblings out of order`;
      prev = g;
      const inMask = g < 32 ? (lo >>> g) & 1 : (hi >>> (g - 32)) & 1;
      if (inMask === 0) return `arc ${i}: glyph ${g} is not in its node's mask`;
      if (((v & ARC_LAST) !== 0) !== (k === count - 1)) return `arc ${i}: wrong last-arc flag`;
      const t = v >>> ARC_TARGET_SHIFT;
      if (t !== 0) {
        if (t <= i || t >= to) return `arc ${i}: bad target ${t}`;
        targets[t >>> 5] = (targets[t >>> 5] as number) | (1 << (t & 31));
      }
    }
  }
  for (let w = 0; w < words; w++) if (((targets[w] as number) & ~(starts[w] as number)) !== 0) return `a target near word ${w * 32} is not a node`;
  return undefined;
}

/**
 * Counts the sequences accepted from `root` over the region `arcs[from..to)` (a sequence of
 * nodes whose targets all point forward).
 */
export function countSequences(arcs: Uint32Array, root: number, from: number, to: number, maskWords: number): number {
  return root === 0 ? 0 : (sequencesBelow(arcs, from, to, maskWords)[root] as number);
}

/**
 * The number of sequences below each node of a region (indexed by header), in one forward pass
 * to find the nodes and one backward pass to add up. With `ranks`, also fills, for each arc, the
 * number of sequences that start in the earlier arcs of its node.
 */
export function sequencesBelow(arcs: Uint32Array, from: number, to: number, maskWords: number, ranks?: Uint32Array): Float64Array {
  const nodes = nodeHeaders(arcs, from, to, maskWords);
  const below = new Float64Array(to);
  for (let n = nodes.length - 1; n >= 0; n--) {
    const node = nodes[n] as number;
    let sum = 0;
    for (let a = node + maskWords; ; a++) {
      const v = arcs[a] as number;
      if (ranks !== undefined) ranks[a] = sum;
      const t = v >>> ARC_TARGET_SHIFT;
      sum += ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0) + (t === 0 || t >= to ? 0 : (below[t] as number));
      if ((v & ARC_LAST) !== 0) break;
    }
    below[node] = sum;
  }
  return below;
}

/** The header index of every node of a checked region `arcs[from..to)`, in order. */
export function nodeHeaders(arcs: Uint32Array, from: number, to: number, maskWords: number): number[] {
  const nodes: number[] = [];
  for (let i = from; i < to; ) {
    nodes.push(i);
    i += maskWords + popcount(arcs[i] as number) + (maskWords === 2 ? popcount(arcs[i + 1] as number) : 0);
  }
  return nodes;
}
