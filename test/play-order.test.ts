import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Board, GeneratedPlay, comparePlays, presetConfig } from 'wordgame-engine';
import { PlaySlots, PlayStore, compareSlots } from 'wordgame-engine/internals';
import { FC, unwrap } from './helpers.js';

const config = unwrap(presetConfig('en'));
const board = Board.empty(15, 15);

/** A play as plain data: few distinct values, so that ties reach every criterion of the order. */
const playArb = fc.record({
  equity: fc.constantFrom(10, 12.5, 14),
  score: fc.constantFrom(10, 12),
  across: fc.boolean(),
  tiles: fc.uniqueArray(fc.record({ square: fc.integer({ min: 0, max: 4 }), tile: fc.constantFrom(1, 2, 65) }), {
    minLength: 1,
    maxLength: 4,
    selector: (p) => p.square,
  }),
});
interface PlayData {
  readonly equity: number;
  readonly score: number;
  readonly across: boolean;
  readonly tiles: readonly { readonly square: number; readonly tile: number }[];
}

function sorted(p: PlayData) {
  return [...p.tiles].sort((a, b) => a.square - b.square);
}

function slotsOf(plays: readonly PlayData[]): PlaySlots {
  const slots = new PlaySlots(plays.length, 15);
  plays.forEach((p, i) => {
    slots.equity[i] = p.equity;
    slots.score[i] = p.score;
    slots.dir[i] = p.across ? 0 : 1;
    const tiles = sorted(p);
    slots.tiles[i] = tiles.length;
    tiles.forEach((t, k) => {
      slots.sq[i * 15 + k] = t.square;
      slots.tile[i * 15 + k] = t.tile;
    });
  });
  return slots;
}

const objectOf = (p: PlayData) => new GeneratedPlay(sorted(p), p.score, p.equity, p.across, board, config);

// The order of plays is written once for typed arrays (compareSlots: the searches, the top-N heap,
// the store of every play) and once for GeneratedPlay objects (comparePlays): they must agree.
describe('the order of plays', () => {
  it('is the same on slots and on GeneratedPlay objects (property)', () => {
    fc.assert(
      fc.property(playArb, playArb, (a, b) => {
        const slots = slotsOf([a, b]);
        expect(Math.sign(compareSlots(slots, 0, slots, 1))).toBe(Math.sign(comparePlays(objectOf(a), objectOf(b))));
      }),
      { ...FC, numRuns: 2000 },
    );
  });

  it('sorts a store of plays as comparePlays sorts the objects (property)', () => {
    fc.assert(
      fc.property(fc.array(playArb, { minLength: 1, maxLength: 40 }), (plays) => {
        const store = new PlayStore(15, 4);
        for (const p of plays) {
          const tiles = sorted(p);
          store.push(
            p.equity,
            p.score,
            p.across ? 0 : 1,
            tiles.length,
            Int16Array.from(tiles.map((t) => t.square)),
            Uint8Array.from(tiles.map((t) => t.tile)),
          );
        }
        store.sort();
        const fromStore = Array.from(store.order, (slot) =>
          JSON.stringify([store.equity(slot), store.score(slot), store.across(slot), store.placements(slot)]),
        );
        const fromObjects = plays
          .map(objectOf)
          .sort(comparePlays)
          .map((p) => JSON.stringify([p.equity, p.score, p.direction === 'across', p.placements]));
        expect(fromStore).toEqual(fromObjects);
      }),
      FC,
    );
  });
});
