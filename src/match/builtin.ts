import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import type { EngineError } from '../errors/error.js';
import { PLAYER_ENDGAME_NODES } from '../endgame/endgame.js';
import type { AutoplayPlayer } from '../autoplay/autoplay.js';
import { EndgameLeaves } from '../leaves/endgame.js';
import { bestTrade } from '../leaves/trade.js';
import { MoveGenerator, type SearchOptions } from '../movegen/generator.js';
import { type EngineMove, formatMoveString } from '../notation/move-string.js';
import type { CgpPosition } from '../notation/cgp.js';
import { ok, type Result } from '../result.js';
import { Simulator } from '../sim/sim.js';
import { unseenTiles } from '../state/unseen.js';
import type { EngineFault, MatchEngine, MoveRequest } from './engine.js';

/**
 * A built-in player as a match engine. It decides from the CGP position alone, as an external
 * engine must: the unseen tiles are the letterset minus the board and its rack; with more than a
 * hand's worth unseen the opponent holds a full hand and the rest is in the bag, otherwise the
 * bag is empty and the opponent holds them all. On a position of an autoplay game it chooses
 * the move `Autoplayer` chooses (the same search, the same trade rule, the same endgame
 * adjustment and solver), so a match between two deterministic built-in players reproduces
 * autoplay's games (without a budget). A simulating player draws its deals from the request's
 * seed and stops at the request's budget, and so does an endgame search (within its node
 * budget); `sim.infer` is not used here (a CGP position does not carry the opponent's last
 * play's tiles apart from the board's).
 */
export function builtinEngine(
  config: GameConfig,
  dictionary: Dictionary,
  player: AutoplayPlayer,
): Result<MatchEngine, EngineError> {
  const gen = MoveGenerator.create(config, dictionary);
  if (!gen.ok) return gen;
  let simulator: Simulator | undefined;
  if (player.sim !== undefined && player.leaves !== undefined) {
    const sim = Simulator.create(config, dictionary, player.leaves, { generator: gen.value });
    if (!sim.ok) return sim;
    simulator = sim.value;
  }
  return ok(new BuiltinEngine(config, gen.value, player, simulator));
}

class BuiltinEngine implements MatchEngine {
  readonly name: string;
  readonly #config: GameConfig;
  readonly #gen: MoveGenerator;
  readonly #player: AutoplayPlayer;
  readonly #simulator: Simulator | undefined;
  readonly #search: SearchOptions;
  readonly #endgame: EndgameLeaves;

  constructor(config: GameConfig, gen: MoveGenerator, player: AutoplayPlayer, simulator: Simulator | undefined) {
    this.name = player.name;
    this.#config = config;
    this.#gen = gen;
    this.#player = player;
    this.#simulator = simulator;
    this.#search = player.leaves === undefined ? {} : { leaves: player.leaves };
    this.#endgame = new EndgameLeaves(config);
  }

  move(request: MoveRequest): Promise<Result<string, EngineFault>> {
    const { position } = request;
    const move = this.#decide(position, request);
    const text = formatMoveString(move, position.board, this.#config.alphabet, { through: 'dots' });
    // A move the engine chose always formats; a pass is the answer of last resort.
    return Promise.resolve(ok(text.ok ? text.value : 'pass'));
  }

  #decide(position: CgpPosition, request: MoveRequest): EngineMove {
    const config = this.#config;
    const player = this.#player;
    const gen = this.#gen;
    this.#sync(position);
    const rack = [...(position.racks[0] ?? [])];
    const unseen = unseenTiles(config, position.board, rack);
    if (unseen === undefined) return { kind: 'pass' };
    const twoPlayers = position.racks.length === 2;
    const bagSize = Math.max(0, unseen.length - config.handSize);
    // With the bag empty (two players), the solver's line, as autoplay's endgame players do.
    if (player.endgame !== undefined && bagSize === 0 && twoPlayers) {
      // The node budget, and the move's time budget when the match gives one.
      const solved = player.endgame.solve(gen.currentBoard(), [rack, unseen], {
        maxNodes: player.endgameNodes ?? PLAYER_ENDGAME_NODES,
        ...(request.budgetMs === undefined ? {} : { timeMs: request.budgetMs }),
      });
      const first = solved.ok ? solved.value.line[0] : undefined;
      if (first !== undefined)
        return first.kind === 'play' ? { kind: 'play', placements: first.placements } : { kind: 'pass' };
    }
    if (this.#simulator !== undefined && bagSize > 0) {
      const lead = (position.scores[0] ?? 0) - (position.scores[1] ?? 0);
      const run = this.#simulator.prepare(
        { rack, unseen, lead },
        {
          ...player.sim?.options,
          seed: request.seed,
          ...(request.budgetMs === undefined ? {} : { timeMs: request.budgetMs }),
        },
      );
      const best = run.ok ? run.value.runToEnd().candidates[0] : undefined;
      if (best !== undefined)
        return best.kind === 'play'
          ? { kind: 'play', placements: best.placements as readonly Placement[] }
          : { kind: 'exchange', tiles: best.traded };
    }
    let search = this.#search;
    if (player.endgameEquity === true && bagSize === 0 && twoPlayers) {
      this.#endgame.setOpponent(unseen);
      search = { leaves: this.#endgame };
    }
    const found = gen.searchTop(rack, 1, search);
    const equity = found > 0 ? gen.topPlayEquity(0) : -Infinity;
    if (player.leaves !== undefined && bagSize >= config.minBagToTrade && rack.length > 0) {
      const trade = bestTrade(rack, player.leaves);
      if (trade !== undefined && trade.equity > equity) return { kind: 'exchange', tiles: trade.tiles as Tile[] };
    }
    const play = found > 0 ? gen.topPlay(0) : undefined;
    return play === undefined ? { kind: 'pass' } : { kind: 'play', placements: play.placements };
  }

  /** Brings the generator's board to the position's: the new tiles when it only gained some, else the whole board. */
  #sync(position: CgpPosition): void {
    const gen = this.#gen;
    const board = position.board;
    const added: Placement[] = [];
    for (let s = 0; s < board.size; s++) {
      const want = board.cell(s);
      const have = gen.cell(s);
      if (have === want) continue;
      if (have !== 0) {
        gen.setBoard(board);
        return;
      }
      added.push({ square: s, tile: want });
    }
    if (added.length > 0) gen.applyPlacements(added);
  }

  restart(): Promise<Result<void, EngineFault>> {
    return Promise.resolve(ok(undefined));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
