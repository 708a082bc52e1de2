import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import {
  type ClassicState,
  applyClassicPass,
  applyClassicPlay,
  applyClassicTrade,
  startClassic,
} from '../game/classic.js';
import { MoveGenerator } from '../movegen/generator.js';
import { formatTiles } from '../notation/tokens.js';
import { type ExportTurn, exportGcg } from '../records/export.js';
import { err, ok, type Result } from '../result.js';
import { scorePlacements } from '../rules/crossword.js';
import type { Player } from '../players/player.js';

/** One turn of a self-play game. */
export interface SelfPlayTurn {
  readonly player: number;
  /** The hand before the turn, as text. */
  readonly rack: string;
  readonly kind: 'play' | 'trade' | 'pass';
  /** Record notation of a play, or the traded tiles. */
  readonly move: string;
  readonly score: number;
  /** The player's total after the turn. */
  readonly total: number;
}

/** A finished self-play game. */
export interface SelfPlayGame {
  readonly turns: readonly SelfPlayTurn[];
  readonly final: ClassicState;
  readonly seed: number;
}

/**
 * Plays a full classic game between AI players on a configuration and a dictionary (which must
 * have a GADDAG). Every play is checked again by the validator (same rules, same score); a
 * disagreement is returned as an error value. Deterministic for a seed.
 */
export function selfPlay(
  config: GameConfig,
  dictionary: Dictionary,
  players: readonly Player[],
  seed: number,
  maxTurns = 500,
): Result<SelfPlayGame, EngineError> {
  let state = startClassic(config, players.length, seed);
  const gen = MoveGenerator.create(config, dictionary, state.tiles.board);
  if (!gen.ok) return gen;
  const generator = gen.value;
  const turns: SelfPlayTurn[] = [];
  while (!state.over && turns.length < maxTurns) {
    const p = state.toMove;
    const hand = state.tiles.hands[p] ?? [];
    const bagSize = state.tiles.bag.tiles.length;
    // With one opponent and the bag empty, its tiles are the unseen ones: the view gives them.
    const opponentTiles = bagSize === 0 && players.length === 2 ? state.tiles.hands[1 - p] : undefined;
    const decision = (players[p] as Player).decide({
      generator,
      hand,
      bagSize,
      tradingAllowed: true,
      lead: (state.tiles.scores[p] ?? 0) - Math.max(...state.tiles.scores.filter((_, q) => q !== p)),
      ...(opponentTiles === undefined ? {} : { opponentTiles }),
    });
    const rack = formatTiles(hand, config.alphabet);
    let next: ClassicState | undefined;
    let move = '';
    let score = 0;
    if (decision.kind === 'play') {
      const { play } = decision;
      const checked = scorePlacements(play.placements, { board: state.tiles.board, hand, config, dictionary });
      if (checked !== play.score)
        return err(
          engineError(Code.UNKNOWN_ERROR, {
            cause: `the validator scores ${play.notation} ${checked}, the generator ${play.score}`,
          }),
        );
      next = applyClassicPlay(state, config, play.placements, play.score);
      if (next !== undefined) generator.applyPlacements(play.placements);
      move = play.notation;
      score = play.score;
    } else if (decision.kind === 'trade') {
      next = applyClassicTrade(state, config, decision.tiles);
      move =
        '-' +
        formatTiles(
          decision.tiles.map((t) => (t === BLANK ? BLANK : t)),
          config.alphabet,
        );
    } else {
      next = applyClassicPass(state, config);
      move = '-';
    }
    if (next === undefined)
      return err(engineError(Code.UNKNOWN_ERROR, { cause: `player ${p} could not make the move ${move}` }));
    state = next;
    turns.push({
      player: p,
      rack,
      kind: decision.kind,
      move,
      score,
      total: (state.tiles.scores[p] ?? 0) - (state.over ? (state.adjustments[p] ?? 0) : 0),
    });
  }
  return ok({ turns, final: state, seed });
}

/** A self-play game as GCG (see {@link exportGcg}). */
export function exportSelfPlay(game: SelfPlayGame, players: readonly string[], config: GameConfig): string {
  const turns: ExportTurn[] = game.turns.map((t) =>
    t.kind === 'play'
      ? { player: t.player, kind: 'play', rack: t.rack, move: t.move, score: t.score }
      : t.kind === 'trade'
        ? { player: t.player, kind: 'trade', rack: t.rack, tiles: t.move.slice(1) }
        : { player: t.player, kind: 'pass', rack: t.rack },
  );
  const final = game.final;
  return exportGcg({
    players,
    turns,
    finalRacks: final.tiles.hands.map((h) => formatTiles(h, config.alphabet)),
    adjustments: final.adjustments,
    ...(final.endReason === 'out' ? { wentOut: final.tiles.hands.findIndex((h) => h.length === 0) } : {}),
    config,
    description: `Created with wordgame-engine (self-play, seed ${game.seed})`,
  });
}
