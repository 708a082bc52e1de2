import { BLANK, type LetterSet, type Tile } from '../config/letterset.js';
import { nextState, randomOf, seedState } from './random.js';

/**
 * The bag: a multiset of tiles (kept sorted, so its order reveals nothing) and the state of a
 * seeded PRNG. The same bag and state always draw the same tiles.
 */
export interface Bag {
  readonly tiles: readonly Tile[];
  readonly rng: number;
}

/** Every tile of a letterset, with the PRNG seeded from `seed`. */
export function fullBag(letters: LetterSet, seed: number): Bag {
  const tiles: Tile[] = [];
  for (let code = 1; code < letters.counts.length; code++)
    for (let k = 0; k < (letters.counts[code] as number); k++) tiles.push(code);
  for (let k = 0; k < letters.blanks; k++) tiles.push(BLANK);
  return Object.freeze({ tiles: Object.freeze(tiles), rng: seedState(seed) });
}

/** Draws up to `n` tiles (fewer when the bag runs out): a new bag and the tiles, in draw order. */
export function drawTiles(bag: Bag, n: number): { bag: Bag; drawn: Tile[] } {
  const rest = [...bag.tiles];
  const drawn: Tile[] = [];
  let rng = bag.rng;
  const count = Math.max(0, Math.min(Math.trunc(n), rest.length));
  for (let k = 0; k < count; k++) {
    rng = nextState(rng);
    const i = Math.floor(randomOf(rng) * rest.length);
    drawn.push(rest[i] as Tile);
    rest.splice(i, 1);
  }
  return { bag: Object.freeze({ tiles: Object.freeze(rest), rng }), drawn };
}

/** The bag with tiles put back. */
export function returnTiles(bag: Bag, tiles: readonly Tile[]): Bag {
  return Object.freeze({ tiles: Object.freeze([...bag.tiles, ...tiles].sort((a, b) => a - b)), rng: bag.rng });
}
