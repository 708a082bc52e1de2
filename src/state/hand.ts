import { BLANK, type LetterSet, type Tile, tileValue } from '../config/letterset.js';
import { err, ok, type Result } from '../result.js';

/** A hand (rack): a multiset of tiles, kept sorted (blanks last) and frozen. */
export type Hand = readonly Tile[];

/** A hand from any tiles (sorted, frozen copy). */
export function makeHand(tiles: readonly Tile[]): Hand {
  return Object.freeze([...tiles].sort((a, b) => a - b));
}

/**
 * The hand without `tiles` (each a glyph code or BLANK), or as the error the first tile asked
 * beyond what the hand holds (counting multiplicity).
 */
export function removeTiles(hand: Hand, tiles: readonly Tile[]): Result<Hand, Tile> {
  const rest = [...hand];
  for (const t of tiles) {
    const i = rest.indexOf(t);
    if (i < 0) return err(t);
    rest.splice(i, 1);
  }
  return ok(Object.freeze(rest));
}

/** The hand with `tiles` added. */
export function addTiles(hand: Hand, tiles: readonly Tile[]): Hand {
  return makeHand([...hand, ...tiles]);
}

/** The sum of the hand's tile values (blanks 0). */
export function handValue(hand: Hand, letters: LetterSet): number {
  let s = 0;
  for (const t of hand) s += tileValue(letters, t);
  return s;
}

/** Number of blanks in a hand. */
export function blankCount(hand: Hand): number {
  let n = 0;
  for (const t of hand) if (t === BLANK) n++;
  return n;
}

/** Removes one tile from a rack (order not kept): a cell value with the blank bit removes a blank. Allocates nothing. */
export function removeFromRack(rack: number[], tile: number): void {
  const i = rack.indexOf((tile & BLANK) !== 0 ? BLANK : tile);
  if (i >= 0) {
    rack[i] = rack[rack.length - 1] as number;
    rack.pop();
  }
}
