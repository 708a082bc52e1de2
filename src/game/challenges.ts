import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import { returnTiles } from '../state/bag.js';
import { addTiles, makeHand, removeTiles } from '../state/hand.js';
import { addScores, handTileOf, placeTiles, refillHand, replaced } from '../state/state.js';
import {
  type ClassicState,
  type PendingPlay,
  SCORELESS_TURNS_TO_END,
  finishClassic,
  forfeitClassic,
} from './classic.js';
import type { ChallengeRule } from './settings.js';

/**
 * Challenges in classic games, on the classic state (pure functions). Under a rule other than
 * void a play is applied at once (tiles on the board, score added, hand refilled) and kept as
 * {@link PendingPlay} while the next player may challenge it; going out waits for that window.
 * What a challenge does is in {@link challengeOutcome}.
 */

/** What a challenge of a valid play costs the challenger, by rule. */
export type ValidChallengeOutcome = 'no-penalty' | 'lost-turn' | 'bonus' | 'lost-game';

/** The outcome of challenging a valid play, and the points the player challenged gains. */
export function challengeOutcome(rule: Exclude<ChallengeRule, 'void'>): {
  readonly outcome: ValidChallengeOutcome;
  readonly bonus: number;
} {
  switch (rule) {
    case 'single':
      return { outcome: 'no-penalty', bonus: 0 };
    case 'double':
      return { outcome: 'lost-turn', bonus: 0 };
    case 'triple':
      return { outcome: 'lost-game', bonus: 0 };
    case '5-point':
      return { outcome: 'bonus', bonus: 5 };
    case '10-point':
      return { outcome: 'bonus', bonus: 10 };
  }
}

/** The tiles `after` holds beyond `before` (multisets). */
function drawnTiles(before: readonly Tile[], after: readonly Tile[]): Tile[] {
  const rest = [...before];
  const drawn: Tile[] = [];
  for (const t of after) {
    const i = rest.indexOf(t);
    if (i >= 0) rest.splice(i, 1);
    else drawn.push(t);
  }
  return drawn;
}

/**
 * Applies a play under a challenge rule (the validator accepted it, the dictionary aside): like
 * a void-rule play, but it stays open to a challenge, and a play that goes out does not end the
 * game yet. Undefined when the hand lacks the tiles.
 */
export function applyChallengeablePlay(
  state: ClassicState,
  config: GameConfig,
  placements: readonly Placement[],
  score: number,
  phony: boolean,
): ClassicState | undefined {
  const player = state.toMove;
  const placed = placeTiles(state.tiles, player, placements, score);
  if (placed === undefined) return undefined;
  const tiles = refillHand(placed, player, config.handSize);
  const pending: PendingPlay = Object.freeze({
    player,
    placements: Object.freeze(placements.map((p) => Object.freeze({ ...p }))),
    score,
    drawn: Object.freeze(drawnTiles(placed.hands[player] ?? [], tiles.hands[player] ?? [])),
    phony,
    wentOut: tiles.bag.tiles.length === 0 && (tiles.hands[player]?.length ?? 0) === 0,
    scorelessBefore: state.scorelessTurns,
  });
  const next: ClassicState = Object.freeze({
    ...withoutPending(state),
    tiles,
    scorelessTurns: score === 0 ? state.scorelessTurns + 1 : 0,
    toMove: (player + 1) % tiles.hands.length,
    pending,
  });
  return !pending.wentOut && next.scorelessTurns >= SCORELESS_TURNS_TO_END
    ? finishClassic(next, config, 'stalled')
    : next;
}

/** The state without its pending play (the window closed). */
export function withoutPending(state: ClassicState): ClassicState {
  if (state.pending === undefined) return state;
  const { pending: _pending, ...rest } = state;
  return Object.freeze(rest);
}

/**
 * Closes the window without a successful challenge (the next player moved on, passed, or the play
 * survived a challenge): a play that went out ends the game now.
 */
export function closeWindow(state: ClassicState, config: GameConfig): ClassicState {
  const p = state.pending;
  if (p === undefined) return state;
  return p.wentOut ? finishClassic(state, config, 'out', p.player) : withoutPending(state);
}

/**
 * Withdraws the pending play (a phony challenged off): its tiles go back to the player's hand,
 * the tiles drawn after it back to the bag, its score is taken off, and it counts as a scoreless
 * turn; the turn stays with the challenger (the player lost theirs).
 */
export function withdrawPlay(state: ClassicState, config: GameConfig): ClassicState {
  const p = state.pending as PendingPlay;
  const t = state.tiles;
  const hand = t.hands[p.player] ?? [];
  const kept = removeTiles(hand, p.drawn);
  const back = addTiles(kept.ok ? kept.value : hand, p.placements.map(handTileOf));
  const tiles = addScores(
    Object.freeze({
      ...t,
      board: t.board.withoutTiles(p.placements.map((x) => x.square)),
      hands: replaced(t.hands, p.player, makeHand(back)),
      bag: returnTiles(t.bag, p.drawn),
    }),
    t.scores.map((_, i) => (i === p.player ? -p.score : 0)),
  );
  const next: ClassicState = Object.freeze({
    ...withoutPending(state),
    tiles,
    scorelessTurns: p.scorelessBefore + 1,
  });
  return next.scorelessTurns >= SCORELESS_TURNS_TO_END ? finishClassic(next, config, 'stalled') : next;
}

/**
 * A valid play challenged: the rule's outcome for the challenger (the player to move), then the
 * window closes (a play that went out ends the game).
 */
export function upholdPlay(
  state: ClassicState,
  config: GameConfig,
  rule: Exclude<ChallengeRule, 'void'>,
): ClassicState {
  const p = state.pending as PendingPlay;
  const challenger = state.toMove;
  const { outcome, bonus } = challengeOutcome(rule);
  if (outcome === 'lost-game') return forfeitClassic(state, challenger, 'challenge');
  let next = state;
  if (bonus > 0)
    next = Object.freeze({
      ...next,
      tiles: addScores(
        next.tiles,
        next.tiles.scores.map((_, i) => (i === p.player ? bonus : 0)),
      ),
    });
  if (p.wentOut) return finishClassic(next, config, 'out', p.player);
  next = withoutPending(next);
  if (outcome !== 'lost-turn') return next;
  // The challenger's turn is lost: a scoreless turn.
  const lost: ClassicState = Object.freeze({
    ...next,
    toMove: (challenger + 1) % next.tiles.hands.length,
    scorelessTurns: next.scorelessTurns + 1,
  });
  return lost.scorelessTurns >= SCORELESS_TURNS_TO_END ? finishClassic(lost, config, 'stalled') : lost;
}
