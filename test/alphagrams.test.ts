import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlphagramIndex, BEYOND, LETTER_HASH } from 'wordgame-engine/internals';
import { loadDefaultDictionary } from 'wordgame-engine/node';
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

  it("filters by the letters' hash: every alphagram held passes, most absent ones do not (ENABLE, 7 to 10 letters)", () => {
    const dict = loadDefaultDictionary();
    if (!dict.ok) throw new Error(dict.error.message);
    const index = AlphagramIndex.build(dict.value, 7, 10);
    const hashOf = (codes: ArrayLike<number>, from: number, to: number): number => {
      let h = 0;
      for (let i = from; i < to; i++) h = (h + (LETTER_HASH[codes[i] as number] as number)) >>> 0;
      return h;
    };
    // No word is ever filtered out: each word's hash (whatever the order of its letters) passes.
    const alphabet = dict.value.alphabet;
    let words = 0;
    for (const word of dict.value.words()) {
      if (word.length < 7 || word.length > 10) continue;
      const codes = [...word].map((c) => alphabet.code(c));
      expect(index.mayHold(hashOf(codes, 0, codes.length))).toBe(true);
      words++;
    }
    expect(words).toBeGreaterThan(90_000);
    // Random multisets of 8 letters that spell no word: most are turned away by the filter alone.
    let absent = 0;
    let passed = 0;
    let seed = 7;
    const codes = new Uint8Array(8);
    for (let k = 0; k < 20_000; k++) {
      for (let i = 0; i < 8; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        codes[i] = 1 + (seed % 26);
      }
      const sorted = Uint8Array.from(codes).sort();
      if (index.findSorted(sorted, 8) >= 0) continue;
      absent++;
      if (index.mayHold(hashOf(sorted, 0, 8))) passed++;
    }
    expect(absent).toBeGreaterThan(19_000);
    expect(passed / absent).toBeLessThan(0.15);
  });
});
