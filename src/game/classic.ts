import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import type { ClassicClock } from './clock.js';
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
  /**
   * Why the game ended: a player went out, six scoreless turns, a player resigned, or a player
   * lost a triple challenge (the last two: {@link forfeited} lost the game, whatever the scores).
   */
  readonly endReason?: 'out' | 'stalled' | 'resigned' | 'challenge' | 'time';
  /** The player who lost the game by resigning, by a triple challenge or on time. */
  readonly forfeited?: number;
  /** End-of-game rack adjustments, one per player (0 before the end). */
  readonly adjustments: readonly number[];
  /** Under a challenge rule: the last play, while the player to move may challenge it. */
  readonly pending?: PendingPlay;
  /** With clocks: each player's time. */
  readonly clock?: ClassicClock;
  /** With clocks, once the game is over: each player's overtime penalty (0 or negative), in the scores. */
  readonly penalties?: readonly number[];
}

/**
 * A play open to a challenge (a challenge rule other than void): what withdrawing it takes, and
 * whether it is a phony (hidden from the players until it is challenged).
 */
export interface PendingPlay {
  /** Who played it. */
  readonly player: number;
  readonly placements: readonly Placement[];
  readonly score: number;
  /** The tiles the player drew after it (they go back to the bag when it is withdrawn). */
  readonly drawn: readonly Tile[];
  /** A word of the play is not in the dictionary. */
  readonly phony: boolean;
  /** The play emptied the hand with the bag empty: the game ends when the window closes without a successful challenge. */
  readonly wentOut: boolean;
  /** Scoreless turns in a row before the play. */
  readonly scorelessBefore: number;
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
  const { pending: _pending, ...rest } = state;
  return Object.freeze({
    ...rest,
    over: true,
    endReason: reason,
    adjustments,
    tiles: addScores(state.tiles, adjustments),
  });
}

/**
 * Ends the game with `player` losing it, whatever the scores: they resigned, or lost a triple
 * challenge. No rack adjustments: the scores stay as they are.
 */
export function forfeitClassic(
  state: ClassicState,
  player: number,
  reason: 'resigned' | 'challenge' | 'time',
): ClassicState {
  const { pending: _pending, ...rest } = state;
  return Object.freeze({
    ...rest,
    over: true,
    endReason: reason,
    forfeited: player,
    adjustments: Object.freeze(state.tiles.hands.map(() => 0)),
  });
}
