import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import { handValue } from '../state/hand.js';
import {
  type CrosswordState,
  addScores,
  exchangeTiles,
  newCrosswordState,
  placeTiles,
  refillHand,
} from '../state/state.js';

/** Scoreless turns in a row (passes, trades) that end a classic game. */
export const SCORELESS_TURNS_TO_END = 6;

/** A classic (turn-based) crossword game's tiles and turn. Plain immutable data. */
export interface ClassicState {
  readonly tiles: CrosswordState;
  /** Index of the player to move. */
  readonly toMove: number;
  /** Scoreless turns in a row so far. */
  readonly scorelessTurns: number;
  readonly over: boolean;
  /** Why the game ended: a player went out, or six scoreless turns. */
  readonly endReason?: 'out' | 'stalled';
  /** End-of-game rack adjustments, one per player (0 before the end). */
  readonly adjustments: readonly number[];
}

/** A new classic game: hands dealt from a bag seeded with `seed`, player 0 to move. */
export function startClassic(config: GameConfig, players: number, seed: number): ClassicState {
  const tiles = newCrosswordState(config, players, seed);
  return Object.freeze({
    tiles,
    toMove: 0,
    scorelessTurns: 0,
    over: false,
    adjustments: Object.freeze(tiles.hands.map(() => 0)),
  });
}

/**
 * Applies a play that the validator accepted (its placements and score): tiles go on the board,
 * the score is added, the hand is refilled; the game ends when the bag is empty and the hand
 * too (the player goes out). Returns undefined when the hand lacks the tiles.
 */
export function applyClassicPlay(
  state: ClassicState,
  config: GameConfig,
  placements: readonly Placement[],
  score: number,
): ClassicState | undefined {
  const player = state.toMove;
  const placed = placeTiles(state.tiles, player, placements, score);
  if (placed === undefined) return undefined;
  const tiles = refillHand(placed, player, config.handSize);
  const next: ClassicState = Object.freeze({
    ...state,
    tiles,
    scorelessTurns: score === 0 ? state.scorelessTurns + 1 : 0,
    toMove: (player + 1) % tiles.hands.length,
  });
  if (tiles.bag.tiles.length === 0 && (tiles.hands[player]?.length ?? 0) === 0)
    return finishClassic(next, config, 'out', player);
  return next.scorelessTurns >= SCORELESS_TURNS_TO_END ? finishClassic(next, config, 'stalled') : next;
}

/** Applies a trade the rules accepted (scoreless). Undefined when the hand or bag cannot do it. */
export function applyClassicTrade(
  state: ClassicState,
  config: GameConfig,
  tiles: readonly Tile[],
): ClassicState | undefined {
  const traded = exchangeTiles(state.tiles, state.toMove, tiles);
  if (traded === undefined) return undefined;
  return scoreless(state, config, traded);
}

/** A pass (scoreless). */
export function applyClassicPass(state: ClassicState, config: GameConfig): ClassicState {
  return scoreless(state, config, state.tiles);
}

function scoreless(state: ClassicState, config: GameConfig, tiles: CrosswordState): ClassicState {
  const next: ClassicState = Object.freeze({
    ...state,
    tiles,
    scorelessTurns: state.scorelessTurns + 1,
    toMove: (state.toMove + 1) % tiles.hands.length,
  });
  return next.scorelessTurns >= SCORELESS_TURNS_TO_END ? finishClassic(next, config, 'stalled') : next;
}

/**
 * Ends the game with the rack adjustments: when a player goes out, they gain the sum of the
 * others' racks and each other player loses their own; after six scoreless turns everyone loses
 * their own rack.
 */
export function finishClassic(
  state: ClassicState,
  config: GameConfig,
  reason: 'out' | 'stalled',
  outPlayer = -1,
): ClassicState {
  const racks = state.tiles.hands.map((h) => handValue(h, config.letters));
  const total = racks.reduce((a, b) => a + b, 0);
  const adjustments = Object.freeze(racks.map((v, p) => (p === outPlayer ? total - v : -v)));
  return Object.freeze({
    ...state,
    over: true,
    endReason: reason,
    adjustments,
    tiles: addScores(state.tiles, adjustments),
  });
}
