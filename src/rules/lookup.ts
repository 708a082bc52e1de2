import type { Alphabet } from '../alphabet/alphabet.js';
import type { WordLookup } from '../dictionary/dictionary.js';

/**
 * Dictionaries are pluggable: the rules take any {@link WordLookup}. A `Dictionary` (the DAWG)
 * is one; these adapt a `Set<string>` and accept everything.
 */

/** A lookup over a set of words (upper case, as the alphabet writes them). */
export function setLookup(words: Iterable<string>, alphabet: Alphabet): WordLookup {
  const set = new Set<string>();
  for (const w of words) set.add(alphabet.normalize(w));
  return {
    hasCodes(codes, start = 0, end = codes.length) {
      return set.has(alphabet.decode(codes, start, end));
    },
  };
}

/** Accepts every word: for replaying records of games played under other lexicons. */
export const PERMISSIVE: WordLookup = Object.freeze({
  hasCodes(): boolean {
    return true;
  },
});
