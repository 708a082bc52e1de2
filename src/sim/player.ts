import { leavePlayer } from '../players/basic.js';
import { type Decision, type Player, type TurnView } from '../players/player.js';
import type { Placement } from '../board/board.js';
import { unseenTiles } from '../state/unseen.js';
import { GeneratedPlay } from '../movegen/play.js';
import type { Simulator } from './sim.js';
import type { SimOptions } from './options.js';

/** The budget and shape of a simulating player's searches (no time limit: games stay deterministic). */
export type SimPlayerOptions = Omit<SimOptions, 'seed' | 'onProgress' | 'timeMs'>;

/**
 * A player that simulates each move while the bag has tiles (the static equity player of the
 * simulator's leave values otherwise, and when the simulation cannot run). The opponent is taken
 * to hold part of the unseen tiles; `view.lead` (when the caller gives it) feeds the win chance.
 * Each move's seed is a hash of the board and the hand, so a game replays identically.
 */
export function simPlayer(simulator: Simulator, options: SimPlayerOptions = { iterations: 200 }): Player {
  const config = simulator.config;
  const fallback = leavePlayer(config, simulator.leaves, { endgameEquity: true });
  return Object.freeze({
    name: 'sim',
    decide(view: TurnView): Decision {
      // With the bag empty the unseen tiles are the opponent's: the static player's endgame equity.
      if (view.bagSize === 0) {
        const opponentTiles = view.opponentTiles ?? unseenTiles(config, view.generator.currentBoard(), view.hand);
        return fallback.decide(opponentTiles === undefined ? view : { ...view, opponentTiles });
      }
      const board = view.generator.currentBoard();
      const unseen = unseenTiles(config, board, view.hand);
      if (unseen === undefined || unseen.length === 0) return fallback.decide(view);
      let seed = 0x811c9dc5;
      for (const c of board.cells()) seed = Math.imul(seed ^ c, 0x01000193) >>> 0;
      for (const t of view.hand) seed = Math.imul(seed ^ t, 0x01000193) >>> 0;
      const run = simulator.simulate({ board, rack: view.hand, unseen, lead: view.lead ?? 0 }, { ...options, seed });
      const best = run.ok ? run.value.candidates[0] : undefined;
      if (best === undefined) return fallback.decide(view);
      if (best.kind === 'trade')
        return view.tradingAllowed ? { kind: 'trade', tiles: best.traded } : fallback.decide(view);
      const placements: Placement[] = best.placements.map((p) => ({ square: p.square, tile: p.tile }));
      const cols = config.layout.cols;
      const across =
        placements.length < 2 ||
        Math.floor((placements[0] as Placement).square / cols) ===
          Math.floor((placements[1] as Placement).square / cols);
      return { kind: 'play', play: new GeneratedPlay(placements, best.score, best.equity, across, board, config) };
    },
  });
}
