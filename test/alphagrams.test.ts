import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlphagramIndex, BEYOND } from 'wordgame-engine/internals';
import { FC, abcdConfig, mustBuild } from './helpers.js';

describe('the alphagram index', () => {
  const config = abcdConfig();
  const letters = ['A', 'B', 'C', 'D'];
  it('finds exactly the words of each letter multiset, of the lengths it holds (a Map oracle)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((w) => w.join('')),
          { minLength: 1, maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 6 }),
        (list, min) => {
          const dict = mustBuild(list, config.alphabet);
          const index = AlphagramIndex.build(dict, min, min + 3);
          const key = (w: string) => [...w].sort().join('');
          const oracle = new Map<string, string[]>();
          for (const w of [...list].sort())
            if (w.length >= min && w.length <= min + 3) oracle.set(key(w), [...(oracle.get(key(w)) ?? []), w]);
          // Every multiset of up to 13 letters: its words, none, or "cannot tell" past the longest length.
          const probe = (word: string): void => {
            const counts = new Int32Array(8);
            for (const c of word) counts[config.alphabet.code(c)] = (counts[config.alphabet.code(c)] as number) + 1;
            const slot = index.find(counts, 4);
            if (word.length > min + 3) expect(slot).toBe(BEYOND);
            else if (slot < 0) expect(oracle.get(key(word))).toBeUndefined();
            else {
              const words: string[] = [];
              for (let w = index.wordsFrom(slot); w < index.wordsTo(slot); w += word.length)
                words.push(config.alphabet.decode(index.words, w, w + word.length));
              expect(words).toEqual(oracle.get(key(word)));
            }
          };
          for (const w of list) probe(w);
          for (const w of fc.sample(
            fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 13 }).map((x) => x.join('')),
            { seed: FC.seed, numRuns: 30 },
          ))
            probe(w);
        },
      ),
      { ...FC, numRuns: 100 },
    );
  });
});
