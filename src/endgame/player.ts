import { type Decision, type Player, type TurnView } from '../players/player.js';
import { GeneratedPlay } from '../movegen/play.js';
import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { EndgameSolver, PLAYER_ENDGAME_NODES } from './endgame.js';
import { unseenTiles } from '../state/unseen.js';
import { PreEndgameSolver } from './peg.js';

/** The budget of an endgame player's searches. */
export interface EndgameBudget {
  /** Nodes an endgame search may visit (default 50,000). */
  readonly endgameNodes?: number;
  /** Nodes each endgame of a pre-endgame may visit (default 5,000). */
  readonly pegNodes?: number;
  /** Pre-endgame candidates examined (default 5). */
  readonly pegCandidates?: number;
}

/**
 * A player that plays like `base` until the end, then searches: with the bag empty it plays the
 * first move of the endgame solver's line (the opponent holds the unseen tiles), and with one tile
 * in the bag the pre-endgame candidate with the best win chance (two players). Budgets are in
 * nodes, so games stay deterministic.
 */
export function endgamePlayer(
  config: GameConfig,
  endgame: EndgameSolver,
  preEndgame: PreEndgameSolver,
  base: Player,
  budget: EndgameBudget = {},
): Player {
  const asPlay = (placements: readonly Placement[], score: number, view: TurnView): Decision => {
    const sorted = [...placements].sort((a, b) => a.square - b.square);
    const cols = config.layout.cols;
    const across =
      sorted.length < 2 ||
      Math.floor((sorted[0] as Placement).square / cols) === Math.floor((sorted[1] as Placement).square / cols);
    return {
      kind: 'play',
      play: new GeneratedPlay(sorted, score, score, across, view.generator.currentBoard(), config),
    };
  };
  return Object.freeze({
    name: `${base.name}+endgame`,
    decide(view: TurnView): Decision {
      if (view.bagSize > 1) return base.decide(view);
      const board = view.generator.currentBoard();
      const unseen = unseenTiles(config, board, view.hand);
      if (unseen === undefined) return base.decide(view);
      if (view.bagSize === 0 && unseen.length > 0 && unseen.length <= config.handSize) {
        const r = endgame.solve(board, [[...view.hand], unseen], {
          maxNodes: budget.endgameNodes ?? PLAYER_ENDGAME_NODES,
        });
        const first = r.ok ? r.value.line[0] : undefined;
        if (first !== undefined)
          return first.kind === 'pass' ? { kind: 'pass' } : asPlay(first.placements, first.score, view);
      }
      if (view.bagSize === 1 && unseen.length === config.handSize + 1) {
        const r = preEndgame.solve(board, view.hand, unseen, {
          candidates: budget.pegCandidates ?? 5,
          maxNodesPerEndgame: budget.pegNodes ?? 5_000,
        });
        const best = r.ok ? r.value.candidates[0] : undefined;
        if (best !== undefined) return asPlay(best.placements, best.score, view);
      }
      return base.decide(view);
    },
  });
}
