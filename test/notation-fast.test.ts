import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  Board,
  type Alphabet,
  makeHand,
  moveInput,
  parsePlay,
  presetConfig,
  validateMove,
  validatePlacements,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { parsePlayText } from 'wordgame-engine/internals';
import { FC } from './helpers.js';

/**
 * `parsePlay`'s fast path (ASCII text, single-character glyphs, read on char codes) gives exactly
 * what the full Unicode path gives, errors included (the fast path hands those to the full one):
 * random texts, well-formed and not, on random boards, in English, French and Polish.
 */
const alphabets: Alphabet[] = [ALPHABETS.en, ALPHABETS.fr, ALPHABETS.pl];
const chars = [...'0123456789ABCDHOZaehoz.()? ', '\t', '\n', 'é', 'Ą', '[', ']', 'ß'];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 14 }).map((a) => a.join(''));
/** Plays as records write them: a position, a run of letters, dots, parentheses and blanks. */
const play = fc
  .tuple(
    fc.integer({ min: 0, max: 16 }),
    fc.integer({ min: 0, max: 16 }),
    fc.boolean(),
    fc.array(fc.constantFrom(...'AEIOSTRNQZaeso.()'), { minLength: 1, maxLength: 9 }),
  )
  .map(([r, c, across, w]) => {
    const col = String.fromCharCode(65 + c);
    return `${across ? `${r}${col}` : `${col}${r}`} ${w.join('')}`;
  });
const board = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 224 }), fc.integer({ min: 1, max: 26 }), fc.boolean()), { maxLength: 40 })
  .map((tiles) =>
    Board.empty(15, 15).withTiles(tiles.map(([square, code, blank]) => ({ square, tile: blank ? 0x40 | code : code }))),
  );

describe('parsePlay fast path', () => {
  it('equals the full path on random texts and boards', () => {
    fc.assert(
      fc.property(fc.oneof(text, play), board, fc.constantFrom(...alphabets), (t, b, a) => {
        expect(JSON.stringify(parsePlay(t, b, a))).toBe(JSON.stringify(parsePlayText(t, b, a)));
      }),
      { ...FC, numRuns: 3000 },
    );
  });

  it('reads the common forms on the fast path (the same result as the full one)', () => {
    const b = Board.empty(15, 15).withTiles([{ square: 7 * 15 + 7, tile: 1 }]);
    for (const t of ['8D WORD', ' H4 wo.D ', '8G (A)BC', '8H A.', '08H A.', 'h8 .b'])
      expect([t, JSON.stringify(parsePlay(t, b, ALPHABETS.en))]).toEqual([
        t,
        JSON.stringify(parsePlayText(t, b, ALPHABETS.en)),
      ]);
    const r = parsePlay('8D WORd', Board.empty(15, 15), ALPHABETS.en);
    expect(r.ok && r.value.placements.map((p) => p.tile)).toEqual([23, 15, 18, 0x40 | 4]);
  });
});

describe('validatePlacements', () => {
  const DICT = (() => {
    const d = loadDefaultDictionary();
    if (!d.ok) throw new Error(d.error.message);
    return d.value;
  })();
  const config = (() => {
    const c = presetConfig('en');
    if (!c.ok) throw new Error('en');
    return c.value;
  })();
  it('gives what validateMove gives for the same move, errors included, whatever the placements', () => {
    const placement = fc.record({
      square: fc.oneof(fc.integer({ min: 96, max: 128 }), fc.integer({ min: -2, max: 230 })),
      tile: fc.oneof(
        fc.integer({ min: 1, max: 26 }),
        fc.integer({ min: 0x41, max: 0x5a }),
        fc.integer({ min: 0, max: 200 }),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(placement, { maxLength: 8 }),
        board,
        fc.array(fc.integer({ min: 1, max: 26 }), { maxLength: 7 }),
        (ps, b, hand) => {
          const ctx = { board: b, hand: makeHand([...hand, 0x40]), config, dictionary: DICT };
          const mine = validatePlacements(ps, ctx);
          // The same move as JSON, where placements can be written as JSON (a glyph and a blank flag).
          const writable = ps.every(
            (p) =>
              Number.isInteger(p.square) &&
              p.square >= 0 &&
              p.square < 225 &&
              (p.tile & 0x3f) >= 1 &&
              (p.tile & 0x3f) <= 26 &&
              (p.tile & ~0x7f) === 0,
          );
          if (!writable) {
            expect(mine.ok).toBe(false);
            return;
          }
          const theirs = validateMove(moveInput(ps, config), ctx);
          expect([mine.ok, mine.ok ? mine.value.score : mine.error.code]).toEqual([
            theirs.ok,
            theirs.ok ? theirs.value.score : theirs.error.code,
          ]);
        },
      ),
      { ...FC, numRuns: 3000 },
    );
  });

  it('validates a parsed move string (parsePlay, then validatePlacements)', () => {
    const p = parsePlay('8E WORD', Board.empty(15, 15), ALPHABETS.en);
    if (!p.ok) throw new Error('parse');
    const r = validatePlacements(p.value.placements, {
      board: Board.empty(15, 15),
      hand: makeHand([23, 15, 18, 4]),
      config,
      dictionary: DICT,
    });
    expect(r.ok && r.value.score).toBe(16);
  });
});
