import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { MoveGenerator } from '../movegen/generator.js';
import { topPlays } from '../movegen/search.js';
import { err, ok, type Result } from '../result.js';
import { EndgameSolver } from './endgame.js';

/**
 * The pre-endgame with one tile in the bag: 8 tiles are unseen, 7 on the opponent's rack and 1
 * in the bag. For each candidate play (the best by score), and each tile the bag may hold
 * (weighted by how many of the unseen tiles are that tile), the play draws the bag tile (a play of
 * at least one tile empties the bag), and the endgame that follows, the opponent to move, is
 * solved. A candidate's mean spread is its score minus the opponent's endgame value, averaged
 * over the bag tiles; its win chance is the weight of the bag tiles after which the final spread
 * (`spread`, the current score difference, plus the outcome) is positive, ties counting half.
 * Passing (which leaves the opponent the pre-endgame) is not considered.
 */

/** One candidate of a pre-endgame. */
export interface PreEndgameCandidate {
  readonly notation: string;
  readonly placements: readonly Placement[];
  readonly score: number;
  /** Mean spread change to the end of the game, over the possible bag tiles. */
  readonly spread: number;
  /** Chance of winning (ties half), from the current spread. */
  readonly win: number;
  /** True when every endgame behind it was solved exactly. */
  readonly exact: boolean;
}

/** Options of a pre-endgame search. */
export interface PreEndgameOptions {
  /** Candidates examined, best by score first (default 10). */
  readonly candidates?: number;
  /** The current spread of the side to move (default 0). */
  readonly spread?: number;
  /** Milliseconds for each endgame (default 1,000; ignored when `maxNodesPerEndgame` is given). */
  readonly timeMsPerEndgame?: number;
  /** Plies at most in each endgame (default 25). */
  readonly maxDepth?: number;
  /** Nodes at most in each endgame (default: none; a budget in nodes keeps results deterministic). */
  readonly maxNodesPerEndgame?: number;
  /** Called after each endgame solved, with how many are done of how many (a progress display). */
  readonly onEndgame?: (done: number, total: number) => void;
}

/** What a pre-endgame search found: the candidates, best (win chance, then mean spread) first, and the endgames solved. */
export interface PreEndgameResult {
  readonly candidates: readonly PreEndgameCandidate[];
  readonly endgames: number;
  readonly nodes: number;
  readonly ms: number;
}

/** Solves pre-endgames (one tile in the bag) on a configuration and dictionary. */
export class PreEndgameSolver {
  readonly #gen: MoveGenerator;
  readonly #endgame: EndgameSolver;
  readonly config: GameConfig;

  private constructor(config: GameConfig, gen: MoveGenerator, endgame: EndgameSolver) {
    this.config = config;
    this.#gen = gen;
    this.#endgame = endgame;
  }

  /**
   * A solver for a configuration and a dictionary with a GADDAG; `options.tableBits` sizes the
   * table of the endgame solver it holds, as in {@link EndgameSolver.create} (default 48 MB).
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    options: { readonly tableBits?: number } = {},
  ): Result<PreEndgameSolver, EngineError> {
    const endgame = EndgameSolver.create(config, dictionary, options);
    if (!endgame.ok) return endgame;
    const gen = MoveGenerator.create(config, dictionary);
    if (!gen.ok) return gen;
    return ok(new PreEndgameSolver(config, gen.value, endgame.value));
  }

  /** Ranks the candidates of `rack` on `board` with `unseen` (exactly hand size + 1 tiles) not seen. */
  solve(
    board: Board,
    rack: readonly Tile[],
    unseen: readonly Tile[],
    options: PreEndgameOptions = {},
  ): Result<PreEndgameResult, EngineError> {
    if (unseen.length !== this.config.handSize + 1)
      return err(
        engineError(Code.BAD_QUERY, {
          cause: `a pre-endgame with one tile in the bag has ${this.config.handSize + 1} unseen tiles, not ${unseen.length}`,
        }),
      );
    if (board.rows !== this.config.layout.rows || board.cols !== this.config.layout.cols)
      return err(
        engineError(Code.BAD_QUERY, {
          cause: `the board is ${board.rows}×${board.cols}; the layout ${this.config.layout.rows}×${this.config.layout.cols}`,
        }),
      );
    if (rack.length > this.config.handSize)
      return err(engineError(Code.BAD_QUERY, { cause: 'a rack holds at most a hand of tiles' }));
    const start = performance.now();
    this.#gen.setBoard(board);
    const plays = topPlays(this.#gen, rack, Math.max(1, options.candidates ?? 10));
    // The distinct bag tiles and their weights.
    const kinds = new Map<Tile, number>();
    for (const t of unseen) kinds.set(t, (kinds.get(t) ?? 0) + 1);
    const spread = options.spread ?? 0;
    const out: PreEndgameCandidate[] = [];
    let endgames = 0;
    let nodes = 0;
    for (const play of plays) {
      const kept = [...rack];
      for (const p of play.placements) kept.splice(kept.indexOf((p.tile & BLANK) !== 0 ? BLANK : p.tile), 1);
      const after = board.withTiles(play.placements);
      let total = 0;
      let wins = 0;
      let exact = true;
      for (const [tile, weight] of kinds) {
        const opponent = [...unseen];
        opponent.splice(opponent.indexOf(tile), 1);
        const mine = [...kept, tile];
        const r = this.#endgame.solve(after, [opponent, mine], {
          ...(options.maxNodesPerEndgame === undefined
            ? { timeMs: options.timeMsPerEndgame ?? 1000 }
            : { maxNodes: options.maxNodesPerEndgame }),
          maxDepth: options.maxDepth ?? 25,
        });
        if (!r.ok) return r;
        endgames++;
        options.onEndgame?.(endgames, plays.length * kinds.size);
        nodes += r.value.nodes;
        exact &&= r.value.exact;
        const outcome = play.score - r.value.value;
        total += weight * outcome;
        const final = spread + outcome;
        wins += weight * (final > 0 ? 1 : final === 0 ? 0.5 : 0);
      }
      out.push({
        notation: play.notation,
        placements: play.placements,
        score: play.score,
        spread: total / unseen.length,
        win: wins / unseen.length,
        exact,
      });
    }
    out.sort((a, b) => b.win - a.win || b.spread - a.spread);
    return ok({ candidates: out, endgames, nodes, ms: performance.now() - start });
  }
}
