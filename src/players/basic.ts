import type { GameConfig } from '../config/config.js';
import { EndgameLeaves } from '../leaves/endgame.js';
import { heuristicLeaves } from '../leaves/heuristic.js';
import { bestTrade } from '../leaves/trade.js';
import type { LeaveValues } from '../leaves/values.js';
import { bestPlay } from '../movegen/search.js';
import type { Decision, Player, TurnView } from './player.js';

/** Takes the highest-scoring play (ties broken by `comparePlays`); passes when there is none. */
export const staticPlayer: Player = Object.freeze({
  name: 'static',
  decide(view: TurnView): Decision {
    const play = bestPlay(view.generator, view.hand);
    return play === undefined ? { kind: 'pass' } : { kind: 'play', play };
  },
});

/** Options of {@link leavePlayer}. */
export interface LeavePlayerOptions {
  /** With the bag empty and the opponent's tiles in the view, rank plays by {@link EndgameLeaves} (default false: the leave values throughout). */
  readonly endgameEquity?: boolean;
}

/**
 * Maximises score plus the leave's value over every play (the generator's bounded equity
 * search), and considers every trade (any subset of the hand, when the bag allows) valued at
 * its leave alone; passes when nothing else is possible. Ties go to plays over trades. With
 * `endgameEquity`, an empty bag switches to {@link EndgameLeaves}.
 */
export function leavePlayer(
  config: GameConfig,
  leaves: LeaveValues = heuristicLeaves(config),
  options: LeavePlayerOptions = {},
): Player {
  const endgame = options.endgameEquity === true ? new EndgameLeaves(config) : undefined;
  return Object.freeze({
    name: 'leave',
    decide(view: TurnView): Decision {
      let values = leaves;
      if (endgame !== undefined && view.bagSize === 0 && view.opponentTiles !== undefined) {
        endgame.setOpponent(view.opponentTiles);
        values = endgame;
      }
      const best = bestPlay(view.generator, view.hand, { leaves: values });
      const bestEquity = best === undefined ? -Infinity : best.equity;
      // A search by `leaves` has just valued every leave of this hand: the trades are enumerated
      // only when one of them beats the play.
      const bestLeave = values === leaves ? view.generator.bestTradeEquity() : Infinity;
      if (view.tradingAllowed && view.bagSize >= config.minBagToTrade && bestLeave > bestEquity) {
        const trade = bestTrade(view.hand, leaves);
        if (trade !== undefined && trade.equity > bestEquity) return { kind: 'trade', tiles: trade.tiles };
      }
      return best === undefined ? { kind: 'pass' } : { kind: 'play', play: best };
    },
  });
}
