import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  Board,
  presetConfig,
  loadDictionary,
  saveDictionary,
  MoveGenerator,
  allPlays,
  parsePlay,
  parseTiles,
  moveInput,
  validateMove,
  makeHand,
} from 'wordgame-engine';
import { FC, mustBuild, unwrap } from './helpers.js';

/**
 * Polish has 32 glyphs, so glyph codes reach 32 and every node header takes two mask words:
 * the second-word paths of lookups, file checks, cross-checks and move generation.
 */
const PL = unwrap(presetConfig('pl'));
const WORDS = [
  'żaba',
  'żal',
  'źle',
  'ząb',
  'zęby',
  'mąż',
  'róża',
  'łza',
  'łąka',
  'ćma',
  'źdźbło',
  'żółw',
  'pać',
  'ja',
  'on',
  'ona',
  'to',
  'ty',
  'my',
  'żyć',
  'być',
  'pić',
  'ale',
  'las',
  'lis',
  'ala',
  'żuk',
  'żół',
  'óśma',
];

describe('a 32-glyph alphabet (glyph codes past 31)', () => {
  it('round-trips through the file and answers lookups', () => {
    expect(ALPHABETS.pl.size).toBe(32);
    const dict = mustBuild(WORDS, ALPHABETS.pl, true);
    const loaded = unwrap(loadDictionary(saveDictionary(dict)));
    expect(unwrap(loaded.gaddag())).toBe(dict.gaddagRoot);
    for (const w of WORDS) expect(loaded.has(w)).toBe(true);
    expect(loaded.has('żabaa')).toBe(false);
    expect(loaded.childMaskHi(loaded.root)).toBe(1 << (ALPHABETS.pl.code('Ż') - 32));
    expect(unwrap(loaded.anagrams('abaż')).words).toEqual(['ŻABA']);
    expect([...loaded.words()].length).toBe(WORDS.length);
  });

  it('generates Polish plays that all pass the validator with the same score', () => {
    const dict = mustBuild(WORDS, ALPHABETS.pl, true);
    let board = Board.empty(15, 15);
    board = board.withTiles(unwrap(parsePlay('8G ŻABA', board, PL.alphabet)).placements);
    const racks = fc.sample(
      fc.array(fc.constantFrom('Ż', 'A', 'B', 'Ł', 'Z', 'Ą', 'K', 'Ę', 'Y', 'L', 'S', 'I', '?', 'Ó', 'W', 'Ć', 'M'), {
        minLength: 7,
        maxLength: 7,
      }),
      { seed: FC.seed, numRuns: 40 },
    );
    let total = 0;
    for (const rack of racks) {
      const t = parseTiles(rack.join(''), PL.alphabet);
      if (!t.ok) throw new Error(t.error.cause);
      const hand = makeHand(t.value);
      const g = unwrap(MoveGenerator.create(PL, dict, board));
      for (const p of allPlays(g, hand)) {
        const m = unwrap(validateMove(moveInput(p.placements, PL), { board, hand, config: PL, dictionary: dict }));
        expect(m.score).toBe(p.score);
        total++;
      }
    }
    expect(total).toBeGreaterThan(20);
  });
});
