import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type LetterSet, type Tile } from '../config/letterset.js';
import { type Bag, drawTiles, fullBag, returnTiles } from './bag.js';
import { type Hand, addTiles, makeHand, removeTiles } from './hand.js';

/**
 * The tiles and scores of a crossword game: board, one hand per player, bag, scores. Immutable:
 * every update returns a new frozen object that shares what did not change (structural sharing;
 * no deep copy, no whole-state freeze).
 */
export interface CrosswordState {
  readonly board: Board;
  readonly hands: readonly Hand[];
  readonly bag: Bag;
  readonly scores: readonly number[];
}

/** A new game's tiles: an empty board, a full bag seeded with `seed`, and a full hand dealt to each player in turn. */
export function newCrosswordState(config: GameConfig, players: number, seed: number): CrosswordState {
  let bag = fullBag(config.letters, seed);
  const hands: Hand[] = [];
  for (let p = 0; p < players; p++) {
    const d = drawTiles(bag, config.handSize);
    bag = d.bag;
    hands.push(makeHand(d.drawn));
  }
  return Object.freeze({
    board: Board.empty(config.layout.rows, config.layout.cols),
    hands: Object.freeze(hands),
    bag,
    scores: Object.freeze(hands.map(() => 0)),
  });
}

/** `list` with item `i` replaced (a new frozen array). */
export function replaced<T>(list: readonly T[], i: number, value: T): readonly T[] {
  const copy = list.slice();
  copy[i] = value;
  return Object.freeze(copy);
}

/** Draws tiles into a player's hand up to `handSize` (fewer when the bag runs out). */
export function refillHand(state: CrosswordState, player: number, handSize: number): CrosswordState {
  const hand = state.hands[player];
  if (hand === undefined || hand.length >= handSize || state.bag.tiles.length === 0) return state;
  const d = drawTiles(state.bag, handSize - hand.length);
  return Object.freeze({ ...state, bag: d.bag, hands: replaced(state.hands, player, addTiles(hand, d.drawn)) });
}

/** The hand tile a placement uses: its glyph, or BLANK for a blank. */
export function handTileOf(p: Placement): Tile {
  return (p.tile & BLANK) !== 0 ? BLANK : p.tile;
}

/**
 * Moves tiles from a player's hand to the board and adds `score` (no rule is checked here: the
 * validator does that). Undefined when the hand lacks a tile.
 */
export function placeTiles(
  state: CrosswordState,
  player: number,
  placements: readonly Placement[],
  score: number,
): CrosswordState | undefined {
  const hand = state.hands[player];
  if (hand === undefined) return undefined;
  const rest = removeTiles(hand, placements.map(handTileOf));
  if (!rest.ok) return undefined;
  return Object.freeze({
    board: state.board.withTiles(placements),
    hands: replaced(state.hands, player, rest.value),
    bag: state.bag,
    scores: replaced(state.scores, player, (state.scores[player] ?? 0) + score),
  });
}

/**
 * Trades tiles: the player draws as many new tiles first, then the old ones go back to the bag.
 * Undefined when the hand lacks a tile or the bag holds too few.
 */
export function exchangeTiles(
  state: CrosswordState,
  player: number,
  tiles: readonly Tile[],
): CrosswordState | undefined {
  const hand = state.hands[player];
  if (hand === undefined || state.bag.tiles.length < tiles.length) return undefined;
  const rest = removeTiles(hand, tiles);
  if (!rest.ok) return undefined;
  const d = drawTiles(state.bag, tiles.length);
  return Object.freeze({
    ...state,
    bag: returnTiles(d.bag, tiles),
    hands: replaced(state.hands, player, addTiles(rest.value, d.drawn)),
  });
}

/** Adds points (possibly negative) to each player's score. */
export function addScores(state: CrosswordState, points: readonly number[]): CrosswordState {
  return Object.freeze({ ...state, scores: Object.freeze(state.scores.map((s, p) => s + (points[p] ?? 0))) });
}

/** Counts of every tile in play (index: glyph code; index 0: blanks), over bag, hands and board. */
export function tileInventory(state: CrosswordState): number[] {
  const counts = new Array<number>(64).fill(0);
  const add = (t: Tile) => {
    const i = (t & BLANK) !== 0 ? 0 : t;
    counts[i] = (counts[i] ?? 0) + 1;
  };
  for (const t of state.bag.tiles) add(t);
  for (const h of state.hands) for (const t of h) add(t);
  for (let i = 0; i < state.board.size; i++) {
    const c = state.board.cell(i);
    if (c !== 0) add(c);
  }
  return counts;
}

/** True when bag + hands + board hold exactly the letterset's tiles. */
export function tilesConserved(state: CrosswordState, letters: LetterSet): boolean {
  const counts = tileInventory(state);
  if (counts[0] !== letters.blanks) return false;
  for (let c = 1; c < 64; c++) if (counts[c] !== (letters.counts[c] ?? 0)) return false;
  return true;
}
