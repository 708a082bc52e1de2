import type { Dictionary } from './dictionary.js';
import { nodeHeaders } from './check.js';
import { ARC_END_OF_WORD, ARC_LAST, ARC_TARGET_SHIFT } from './format.js';

const cache = new WeakMap<Dictionary, Uint32Array>();

/**
 * Word ranks for a dictionary's DAWG, computed once and cached: for each arc, the number of
 * words that start in the earlier arcs of its node. Walking a word from the root and adding
 * `ranks[arc]` at each step, plus 1 for each step that leaves a word behind (an end-of-word arc
 * that the walk continues from), gives the word's index in sorted order (0 .. wordCount - 1): a
 * minimal perfect hash, used to de-duplicate words without strings.
 */
export function arcRanks(dictionary: Dictionary): Uint32Array {
  const cached = cache.get(dictionary);
  if (cached !== undefined) return cached;
  const arcs = dictionary.arcs;
  const w = dictionary.maskWords;
  const end = dictionary.gaddagRoot === 0 ? arcs.length : dictionary.gaddagRoot;
  const nodes = dictionary.root === 0 ? [] : nodeHeaders(arcs, 1, end, w);
  const below = new Float64Array(end);
  const ranks = new Uint32Array(end);
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k] as number;
    let sum = 0;
    for (let a = node + w; ; a++) {
      const v = arcs[a] as number;
      ranks[a] = sum;
      const t = v >>> ARC_TARGET_SHIFT;
      sum += ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0) + (t === 0 ? 0 : (below[t] as number));
      if ((v & ARC_LAST) !== 0) break;
    }
    below[node] = sum;
  }
  cache.set(dictionary, ranks);
  return ranks;
}
