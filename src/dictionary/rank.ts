import type { Dictionary } from './dictionary.js';
import { sequencesBelow } from './check.js';

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
  const ranks = new Uint32Array(end);
  if (dictionary.root !== 0) sequencesBelow(arcs, 1, end, w, ranks);
  cache.set(dictionary, ranks);
  return ranks;
}
