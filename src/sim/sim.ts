import { formatPlay } from '../notation/move.js';
import { scorePlacements } from '../rules/crossword.js';
import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { unseenTiles } from '../state/unseen.js';
import { Code, describeValue, engineError, type EngineError } from '../errors/error.js';
import { MoveGenerator, type SearchOptions } from '../movegen/generator.js';
import { GeneratedPlay } from '../movegen/play.js';
import { type LeaveValues } from '../leaves/values.js';
import { removeFromRack } from '../state/hand.js';
import { bestTradeMask } from '../leaves/trade.js';
import { err, ok, type Result } from '../result.js';
import { nextState, randomOf, seedState } from '../state/random.js';
import { RackInference } from './inference.js';
import { type WinModel, DEFAULT_WIN_MODEL, winProbability } from './winpct.js';
import { type ResolvedOptions, type SimOptions, resolveOptions } from './options.js';
import { ARM, S_SCALE, type SimCandidateInfo, type SimResult, SimTally, U_SCALE, W_SCALE } from './tally.js';

/**
 * Monte Carlo simulation ("sim"): choose a play by playing ahead.
 *
 * The candidates are the top N plays by equity (score + leave value) from the best-play search,
 * plus the best trade when the bag allows one. Iteration `i` shuffles the unseen tiles with a
 * generator seeded by `(seed, i)` alone: the first tiles are the opponent's rack, the rest the
 * bag in drawing order. Every candidate is played out against that same deal (common random
 * numbers: differences between candidates are not blurred by luck), for `plies` more turns of
 * static equity players (the best play by equity; a player with no play passes), then valued:
 *
 * - **spread**: the points of the candidate and of the rollout (mine minus the opponent's), plus
 *   the leave value of each side's last play (mine minus the opponent's) while the bag is not
 *   empty; a rollout that ends the game counts the final rack adjustments instead;
 * - **win**: the chance that the player to move after the rollout wins, from a table of win
 *   chance by lead and tiles unseen built from autoplay ({@link DEFAULT_WIN_MODEL}); a rollout
 *   that ends the game counts 1, ½ or 0;
 * - **utility** (what is ranked): win + `spreadWeight` × spread / 100 (MAGPIE's blend, 0.5 by
 *   default: a win-first ranking that still prefers the bigger margin among sure wins or losses).
 *
 * With 14 tiles or fewer unseen (the bag holds 7 or fewer), rollouts play to the end of the game.
 *
 * **Stopping** (see {@link SimRun.check}): every `checkEvery` iterations, once `minIterations`
 * are done, each live candidate is compared with the leader on their paired differences (same
 * iterations, so the variance of the difference is small): it is dropped when the leader is
 * better at the confidence asked, with a Bonferroni correction over the live candidates
 * (z for δ / (K − 1)). The search stops when one candidate is left, or at the iteration or time
 * limit. Dropping the candidates that cannot be best spends the rest of the samples on the close
 * contenders (successive elimination, a best-arm identification rule).
 *
 * **Deterministic**: values are summed as integers (utility in 1/10,000, spread in 1/100 point,
 * win in 1/10,000), so any split of the iterations between workers, merged at the same check
 * points, gives the same result to the last bit. A time limit is the one exception.
 */

/** A position to simulate, from the side of the player to move. */
export interface SimPosition {
  /** The board; when absent, the simulator's generator's board as it is (then give `unseen`). */
  readonly board?: Board;
  /** The player's tiles. */
  readonly rack: readonly Tile[];
  /** Tiles the player cannot see (the bag and the opponent's rack); computed from the board, the rack and the letterset when absent. */
  readonly unseen?: readonly Tile[];
  /** The player's score minus the opponent's (default 0). */
  readonly lead?: number;
  /**
   * The opponent's last play, when known: its tiles, on the board. The tiles the opponent kept
   * are then inferred from it (see {@link RackInference} and {@link SimOptions.inferenceTemperature}).
   */
  readonly opponentPlay?: readonly Placement[];
  /**
   * A move simulated among the candidates even when it is not one of the best by equity (an
   * analysis simulates the move that was played): a valid play's tiles, or the tiles of a trade.
   * Ignored when it is already a candidate, or when it is not a move of this rack.
   */
  readonly include?: { readonly placements: readonly Placement[] } | { readonly traded: readonly Tile[] };
}

/** The most deals drawn for one iteration when inference rejects them (the last is then kept). */
const MAX_DEALS = 64;
/** Whether the board layout (premiums, dead squares, start) is the same transposed. */
function transposeSymmetric(config: GameConfig): boolean {
  const { rows, cols, letterMultiplier, wordMultiplier, dead, start } = config.layout;
  if (rows !== cols || transposed(start, cols) !== start) return false;
  for (let s = 0; s < rows * cols; s++) {
    const t = transposed(s, cols);
    if (letterMultiplier[s] !== letterMultiplier[t] || wordMultiplier[s] !== wordMultiplier[t] || dead[s] !== dead[t])
      return false;
  }
  return true;
}

/** Square `s` of a square board reflected in its main diagonal. */
function transposed(s: number, cols: number): number {
  return (s % cols) * cols + Math.floor(s / cols);
}

/**
 * With at least this many live candidates, an iteration first searches the opponent's rack on the
 * position's board (its best PRIOR_PLAYS plays), and each candidate's first reply searches only
 * the lines its tiles change, from the best of those plays it leaves as they were.
 */
const PRIOR_MIN_LIVE = 4;
const PRIOR_PLAYS = 8;

/** The seed of iteration `i` of a run seeded `seed`: a function of both only. */
export function iterationSeed(seed: number, i: number): number {
  return ((seed >>> 0) ^ Math.imul(i + 1, 0x85ebca6b) ^ Math.imul(i >>> 16, 0xc2b2ae35)) >>> 0;
}

/** Simulates positions of one configuration and dictionary. Reusable; not thread-safe. */
export class Simulator {
  readonly config: GameConfig;
  readonly leaves: LeaveValues;
  readonly winModel: WinModel;
  readonly #generator: MoveGenerator;

  private constructor(config: GameConfig, leaves: LeaveValues, winModel: WinModel, generator: MoveGenerator) {
    this.config = config;
    this.leaves = leaves;
    this.winModel = winModel;
    this.#generator = generator;
  }

  /**
   * A simulator: `leaves` value the candidates and the rollout players' plays (use the learned
   * table); `winModel` turns a lead into a win chance (default {@link DEFAULT_WIN_MODEL}, built
   * for the English letterset). With `generator`, rollouts run on it and leave its board as they
   * found it (the lean autoplay path shares its generator this way).
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    leaves: LeaveValues,
    options: { winModel?: WinModel; generator?: MoveGenerator } = {},
  ): Result<Simulator, EngineError> {
    let generator = options.generator;
    if (generator === undefined) {
      const gen = MoveGenerator.create(config, dictionary);
      if (!gen.ok) return gen;
      generator = gen.value;
    }
    return ok(new Simulator(config, leaves, options.winModel ?? DEFAULT_WIN_MODEL, generator));
  }

  /** The generator rollouts run on. */
  get generator(): MoveGenerator {
    return this.#generator;
  }

  /**
   * Prepares a run: checks the position, loads its board into the generator (unless it is
   * already there: `board` undefined uses the generator's board as it is), picks the candidates.
   */
  prepare(position: SimPosition, options: SimOptions = {}): Result<SimRun, EngineError> {
    const config = this.config;
    const gen = this.#generator;
    const board = position.board;
    if (board === undefined && position.unseen === undefined)
      return err(engineError(Code.BAD_QUERY, { param: 'unseen', cause: 'without a board, give the unseen tiles' }));
    if (board !== undefined && (board.rows !== config.layout.rows || board.cols !== config.layout.cols))
      return err(
        engineError(Code.BAD_QUERY, {
          param: 'board',
          cause: `the board is ${board.rows}x${board.cols}, the configuration's ${config.layout.rows}x${config.layout.cols}`,
        }),
      );
    if (!Array.isArray(position.rack) || (position.unseen !== undefined && !Array.isArray(position.unseen)))
      return err(
        engineError(Code.BAD_QUERY, { param: 'rack', cause: 'the rack and the unseen tiles are arrays of tile codes' }),
      );
    if (position.rack.length === 0 || position.rack.length > config.handSize)
      return err(engineError(Code.BAD_QUERY, { param: 'rack', cause: `a rack holds 1 to ${config.handSize} tiles` }));
    const unseen =
      position.unseen === undefined ? unseenTiles(config, board as Board, position.rack) : [...position.unseen];
    if (unseen === undefined)
      return err(
        engineError(Code.BAD_QUERY, {
          param: 'rack',
          cause: 'the board and the rack hold more tiles of some letter than the letterset has',
        }),
      );
    if (unseen.length === 0)
      return err(engineError(Code.BAD_QUERY, { param: 'unseen', cause: 'no tiles unseen: the game is over' }));
    if (unseen.length > 255)
      return err(engineError(Code.BAD_QUERY, { param: 'unseen', cause: 'at most 255 unseen tiles' }));
    for (const t of [...unseen, ...position.rack]) {
      if (t !== BLANK && !(Number.isInteger(t) && t >= 1 && t < config.letters.counts.length))
        return err(
          engineError(Code.BAD_QUERY, {
            param: 'rack',
            cause: `tile code ${describeValue(t)} is not in the letterset`,
          }),
        );
    }
    const lead = position.lead ?? 0;
    if (!Number.isFinite(lead) || Math.abs(lead) > 10_000)
      return err(
        engineError(Code.BAD_QUERY, { param: 'lead', cause: 'the lead is a number of points within ±10,000' }),
      );
    const opt = resolveOptions(options);
    if (typeof opt === 'string')
      return err(engineError(Code.BAD_QUERY, { param: opt, cause: `bad simulation option ${opt}` }));
    let inference: RackInference | undefined;
    if (position.opponentPlay !== undefined && opt.inferenceTemperature > 0) {
      const r = RackInference.create(
        config,
        gen.dictionary,
        this.leaves,
        board ?? gen.currentBoard(),
        position.opponentPlay,
        unseen.length,
        opt.inferenceTemperature,
      );
      if (!r.ok) return r;
      inference = r.value;
    }
    if (board !== undefined && gen.currentBoard() !== board) gen.setBoard(board);
    return ok(new SimRun(this, [...position.rack], unseen, lead, opt, inference, position.include));
  }

  /** Simulates a position to its stop (in this thread). */
  simulate(position: SimPosition, options: SimOptions = {}): Result<SimResult, EngineError> {
    const run = this.prepare(position, options);
    if (!run.ok) return run;
    return ok(run.value.runToEnd());
  }
}

/**
 * One simulation: its candidates, the rollouts, and its {@link SimTally}. {@link runToEnd} runs
 * it here; a parallel driver prepares a copy in each worker (the same position and options give
 * the same candidates), has them {@link sample} shares of each batch, and adds their sums to one
 * tally, which decides.
 */
export class SimRun {
  readonly #sim: Simulator;
  readonly #opt: ResolvedOptions;
  readonly #unseen: Uint8Array;
  readonly #lead: number;
  readonly plies: number;
  /** Per candidate: tiles (squares, cells), score, leave value, kept tiles, traded tiles. */
  readonly #count: number;
  readonly #sq: Int16Array;
  readonly #cell: Uint8Array;
  readonly #tiles: Uint8Array;
  readonly #score: Int32Array;
  readonly #equity: Float64Array;
  readonly #keep: Uint8Array;
  readonly #keepN: Uint8Array;
  readonly #trade: Uint8Array;
  readonly #tradeN: Uint8Array;
  readonly #info: SimCandidateInfo[] = [];
  /** The statistics of this run (when it runs here). */
  readonly tally: SimTally;
  // Scratch, reused by every rollout.
  readonly #order: Uint8Array;
  readonly #bag: Uint8Array;
  readonly #racks: [number[], number[]] = [[], []];
  /** The opponent's rack of the current deal, and whether its plays on the position are kept. */
  readonly #oppRack: number[] = [];
  #prior = false;
  readonly #u: Float64Array;
  readonly #search: SearchOptions;
  readonly #inference: RackInference | undefined;
  #dealsDrawn = 0;

  /** Use {@link Simulator.prepare}. @internal */
  constructor(
    sim: Simulator,
    rack: number[],
    unseen: number[],
    lead: number,
    opt: ResolvedOptions,
    inference?: RackInference,
    include?: SimPosition['include'],
  ) {
    this.#sim = sim;
    this.#inference = inference;
    this.#opt = opt;
    this.#unseen = Uint8Array.from(unseen);
    this.#lead = lead;
    const config = sim.config;
    // Near the end, play to the end (each side can make at most its tiles' worth of plays, plus passes).
    this.plies = unseen.length <= 2 * config.handSize ? Math.min(2 * (unseen.length + rack.length) + 2, 40) : opt.plies;
    const gen = sim.generator;
    const search: SearchOptions = { leaves: sim.leaves };
    this.#search = search;
    // On an empty board whose layout is the same transposed, a play and its transpose are the
    // same play (as macondo and MAGPIE, keep one): take twice as many and drop the transposes.
    const mirror = gen.boardTiles === 0 && transposeSymmetric(config);
    const found = gen.searchTop(rack, mirror ? 2 * opt.candidates : opt.candidates, search);
    const seen = new Set<string>();
    const bagSize = unseen.length - Math.min(config.handSize, unseen.length);
    const width = config.handSize;
    const cap = found + 2;
    this.#sq = new Int16Array(cap * width);
    this.#cell = new Uint8Array(cap * width);
    this.#tiles = new Uint8Array(cap);
    this.#score = new Int32Array(cap);
    this.#equity = new Float64Array(cap);
    this.#keep = new Uint8Array(cap * width);
    this.#keepN = new Uint8Array(cap);
    this.#trade = new Uint8Array(cap * width);
    this.#tradeN = new Uint8Array(cap);
    let n = 0;
    for (let i = 0; i < found && n < opt.candidates; i++) {
      const play = gen.topPlay(i) as GeneratedPlay;
      const count = gen.topPlayTileCount(i);
      if (mirror) {
        const key = (transpose: boolean): string =>
          play.placements
            .map((p) => `${transpose ? transposed(p.square, config.layout.cols) : p.square}:${p.tile}`)
            .sort()
            .join(' ');
        if (seen.has(key(true))) continue;
        seen.add(key(false));
      }
      const kept = [...rack];
      for (let t = 0; t < count; t++) {
        this.#sq[n * width + t] = gen.topPlaySquare(i, t);
        const tile = gen.topPlayTile(i, t);
        this.#cell[n * width + t] = tile;
        const k = kept.indexOf((tile & BLANK) !== 0 ? BLANK : tile);
        if (k >= 0) kept.splice(k, 1);
      }
      this.#tiles[n] = count;
      this.#score[n] = gen.topPlayScore(i);
      this.#equity[n] = gen.topPlayEquity(i);
      this.#keepN[n] = kept.length;
      this.#keep.set(kept, n * width);
      this.#info.push({
        notation: play.notation,
        kind: 'play',
        placements: play.placements.map((p) => ({ square: p.square, tile: p.tile })),
        traded: [],
        score: gen.topPlayScore(i),
        equity: gen.topPlayEquity(i),
      });
      n++;
    }
    if (bagSize >= config.minBagToTrade && rack.length <= 16) {
      const sorted = [...rack].sort((a, b) => a - b);
      const value = new Float64Array(1);
      const mask = bestTradeMask(sorted, sim.leaves, new Uint8Array(sorted.length), value);
      const out: number[] = [];
      const kept: number[] = [];
      for (let i = 0; i < sorted.length; i++) ((mask >> i) & 1 ? out : kept).push(sorted[i] as number);
      if (out.length > 0) {
        this.#tiles[n] = 0;
        this.#score[n] = 0;
        this.#equity[n] = value[0] as number;
        this.#keepN[n] = kept.length;
        this.#keep.set(kept, n * width);
        this.#tradeN[n] = out.length;
        this.#trade.set(out, n * width);
        const glyphs = out.map((t) => ((t & BLANK) !== 0 ? '?' : (config.alphabet.glyph(t) ?? '?'))).join('');
        this.#info.push({
          notation: `-${glyphs}`,
          kind: 'trade',
          placements: [],
          traded: out,
          score: 0,
          equity: value[0] as number,
        });
        n++;
      }
    }
    if (include !== undefined) n = this.#include(include, rack, bagSize, n);
    this.#count = n;
    this.tally = SimTally.fromResolved(this.#info, this.plies, opt);
    this.#order = new Uint8Array(unseen.length);
    this.#bag = new Uint8Array(unseen.length + width);
    this.#u = new Float64Array(n);
  }

  /** Adds the move of {@link SimPosition.include} as candidate `n` unless it is one already or no move of the rack; the new count. */
  #include(include: NonNullable<SimPosition['include']>, rack: readonly number[], bagSize: number, n: number): number {
    const sim = this.#sim;
    const config = sim.config;
    const width = config.handSize;
    const kept = [...rack];
    const take = (t: number): boolean => {
      const k = kept.indexOf((t & BLANK) !== 0 ? BLANK : t);
      if (k < 0) return false;
      kept.splice(k, 1);
      return true;
    };
    const leave = (): number => (kept.length === 0 ? 0 : sim.leaves.leaveValue(Uint8Array.from(kept), kept.length));
    const key = (cells: readonly { readonly square: number; readonly tile: number }[]) =>
      cells
        .map((p) => `${p.square}:${p.tile}`)
        .sort()
        .join(' ');
    if ('placements' in include) {
      const placements = include.placements;
      if (placements.length === 0 || placements.length > width || !placements.every((p) => take(p.tile))) return n;
      if (this.#info.some((c) => c.kind === 'play' && key(c.placements) === key(placements))) return n;
      const gen = sim.generator;
      const board = gen.currentBoard();
      const score = scorePlacements(placements, { board, hand: rack, config, dictionary: gen.dictionary });
      const sorted = [...placements].sort((a, b) => a.square - b.square);
      const notation = formatPlay(sorted, board, config.alphabet);
      if (score < 0 || !notation.ok) return n;
      sorted.forEach((p, t) => {
        this.#sq[n * width + t] = p.square;
        this.#cell[n * width + t] = p.tile;
      });
      this.#tiles[n] = sorted.length;
      this.#score[n] = score;
      this.#equity[n] = score + leave();
      this.#info.push({
        notation: notation.value,
        kind: 'play',
        placements: sorted.map((p) => ({ square: p.square, tile: p.tile })),
        traded: [],
        score,
        equity: this.#equity[n] as number,
      });
    } else {
      const out = [...include.traded].sort((a, b) => a - b);
      if (bagSize < config.minBagToTrade || out.length === 0 || !out.every(take)) return n;
      if (this.#info.some((c) => c.kind === 'trade' && c.traded.join() === out.join())) return n;
      this.#tiles[n] = 0;
      this.#score[n] = 0;
      this.#equity[n] = leave();
      this.#tradeN[n] = out.length;
      this.#trade.set(out, n * width);
      this.#info.push({
        notation: `-${out.map((t) => ((t & BLANK) !== 0 ? '?' : (config.alphabet.glyph(t) ?? '?'))).join('')}`,
        kind: 'trade',
        placements: [],
        traded: out,
        score: 0,
        equity: this.#equity[n] as number,
      });
    }
    this.#keepN[n] = kept.length;
    this.#keep.set(kept, n * width);
    return n + 1;
  }

  /** The candidates (static figures): the best plays by equity in order, then the best trade, then the included move. */
  get candidates(): readonly SimCandidateInfo[] {
    return this.#info;
  }

  /**
   * Plays out iterations `[from, to)` for the candidates marked in `live` and adds their sums to
   * `into` (the layout of {@link SimTally.stats}). Allocates nothing per iteration.
   */
  sample(from: number, to: number, live: Uint8Array, into: Float64Array = this.tally.stats): void {
    const n = this.#count;
    const u = this.#u;
    const base = n * ARM;
    for (let i = from; i < to; i++) {
      this.#deal(i);
      this.#keepOpponentPlays(live);
      for (let c = 0; c < n; c++) if (live[c] !== 0) this.#rollout(c, into);
      // Pairwise products of this iteration's utilities (for the paired tests).
      for (let a = 0; a < n; a++) {
        if (live[a] === 0) continue;
        const ua = u[a] as number;
        for (let b = a + 1; b < n; b++) {
          if (live[b] === 0) continue;
          into[base + a * n + b] = (into[base + a * n + b] as number) + ua * (u[b] as number);
        }
      }
    }
  }

  /** Deals drawn so far in this thread (more than the iterations dealt when inference rejects some). */
  get dealsDrawn(): number {
    return this.#dealsDrawn;
  }

  /**
   * The opponent's tiles in iteration `i`'s deal (the first `keptCount` of them the ones inferred
   * as kept, when inferring): to look at what the simulation assumes.
   */
  opponentTiles(i: number): Tile[] {
    this.#deal(i);
    const n = Math.min(this.#sim.config.handSize, this.#order.length);
    return Array.from(this.#order.subarray(0, n));
  }

  /**
   * Deals iteration `i`: shuffles the unseen tiles into the deal order from a generator seeded by
   * `(seed, i)`; with inference, shuffles again until a deal is accepted (at most
   * {@link MAX_DEALS} shuffles: the last is kept).
   */
  #deal(i: number): void {
    let state = this.#shuffle(seedState(iterationSeed(this.#opt.seed, i)));
    this.#dealsDrawn++;
    const inference = this.#inference;
    if (inference === undefined) return;
    for (let tries = 1; tries < MAX_DEALS; tries++) {
      const p = inference.acceptance(this.#order);
      state = nextState(state);
      if (randomOf(state) < p) return;
      state = this.#shuffle(state);
      this.#dealsDrawn++;
    }
  }

  /** A Fisher-Yates shuffle of the unseen tiles into the deal order; returns the generator's state. */
  #shuffle(state: number): number {
    const order = this.#order;
    order.set(this.#unseen);
    for (let k = order.length - 1; k > 0; k--) {
      state = nextState(state);
      const j = Math.floor(randomOf(state) * (k + 1));
      const t = order[k] as number;
      order[k] = order[j] as number;
      order[j] = t;
    }
    return state;
  }

  /**
   * With enough live candidates, the opponent's best plays on the position's board for this deal,
   * kept in the generator: every candidate's first reply starts from them (the same replies as
   * a full search, found in about half the time).
   */
  #keepOpponentPlays(live: Uint8Array): void {
    this.#prior = false;
    if (this.plies < 1) return;
    let count = 0;
    for (let c = 0; c < this.#count; c++) if (live[c] !== 0) count++;
    if (count < PRIOR_MIN_LIVE) return;
    const opp = this.#oppRack;
    opp.length = 0;
    const oppN = Math.min(this.#sim.config.handSize, this.#order.length);
    for (let k = 0; k < oppN; k++) opp.push(this.#order[k] as number);
    if (opp.length === 0) return;
    const gen = this.#sim.generator;
    gen.searchTop(opp, PRIOR_PLAYS, this.#search);
    gen.keepPrior();
    this.#prior = true;
  }

  /** Plays candidate `c` out on the current deal and adds its sample to `into`. */
  #rollout(c: number, into: Float64Array): void {
    const sim = this.#sim;
    const config = sim.config;
    const gen = sim.generator;
    const handSize = config.handSize;
    const width = handSize;
    const order = this.#order;
    const bag = this.#bag;
    const total = order.length;
    const oppN = Math.min(handSize, total);
    // The bag: the deal after the opponent's rack, drawn from the front.
    bag.set(order);
    let head = oppN;
    let tail = total;
    const me = this.#racks[0];
    const opp = this.#racks[1];
    me.length = 0;
    opp.length = 0;
    for (let k = 0; k < oppN; k++) opp.push(order[k] as number);
    const keepN = this.#keepN[c] as number;
    for (let k = 0; k < keepN; k++) me.push(this.#keep[c * width + k] as number);
    let applied = 0;
    let spread = this.#score[c] as number;
    const bagBefore = tail - head;
    let leaveMe = bagBefore > 0 ? (this.#equity[c] as number) - (this.#score[c] as number) : 0;
    let leaveOpp = 0;
    const tiles = this.#tiles[c] as number;
    if (tiles > 0) {
      gen.applyTiles(this.#sq, this.#cell, tiles, c * width);
      applied++;
    }
    // Draw (after a trade, the traded tiles go back to the bag after the draw).
    while (me.length < handSize && head < tail) me.push(bag[head++] as number);
    const tradeN = this.#tradeN[c] as number;
    for (let k = 0; k < tradeN; k++) bag[tail++] = this.#trade[c * width + k] as number;
    let over = false;
    if (tiles > 0 && me.length === 0) {
      spread += 2 * this.#rackValue(opp);
      over = true;
    }
    let passes = 0;
    let toMove = 1; // 1: the opponent, 0: me
    const leaves = this.#search;
    for (let ply = 0; ply < this.plies && !over; ply++, toMove = 1 - toMove) {
      const rack = toMove === 0 ? me : opp;
      // The opponent's first reply: from the plays kept for this deal, when there are.
      const found =
        rack.length === 0
          ? 0
          : ply === 0 && this.#prior
            ? gen.searchTopAfter(rack, leaves, this.#sq, tiles, c * width)
            : gen.searchTop(rack, 1, leaves);
      if (found === 0) {
        if (++passes >= 2 && head === tail) {
          // Both sides stuck with an empty bag: the game ends, each losing its tiles' value.
          spread += this.#rackValue(opp) - this.#rackValue(me);
          over = true;
        }
        continue;
      }
      passes = 0;
      const score = gen.topPlayScore(0);
      const leave = head < tail ? gen.topPlayEquity(0) - score : 0;
      const count = gen.topPlayTileCount(0);
      for (let t = 0; t < count; t++) removeFromRack(rack, gen.topPlayTile(0, t));
      // The last ply's play is valued, not searched from: the board need not take it.
      if (ply + 1 < this.plies) {
        gen.applyTopPlay(0);
        applied++;
      }
      while (rack.length < handSize && head < tail) rack.push(bag[head++] as number);
      if (toMove === 0) {
        spread += score;
        leaveMe = leave;
      } else {
        spread -= score;
        leaveOpp = leave;
      }
      if (rack.length === 0) {
        const other = this.#rackValue(toMove === 0 ? opp : me);
        spread += toMove === 0 ? 2 * other : -2 * other;
        over = true;
      }
    }
    for (let k = 0; k < applied; k++) gen.undo();
    let win: number;
    let value: number;
    if (over) {
      value = spread;
      const final = this.#lead + spread;
      win = final > 0 ? 1 : final < 0 ? 0 : 0.5;
    } else {
      value = spread + leaveMe - leaveOpp;
      const unseenToMover = tail - head + (toMove === 0 ? opp.length : me.length);
      const moverLead = toMove === 0 ? this.#lead + value : -(this.#lead + value);
      const p = winProbability(sim.winModel, moverLead, unseenToMover);
      win = toMove === 0 ? p : 1 - p;
    }
    const uq = Math.round((win + (this.#opt.spreadWeight * value) / 100) * U_SCALE);
    const sq = Math.round(value * S_SCALE);
    const wq = Math.round(win * W_SCALE);
    const o = c * ARM;
    into[o] = (into[o] as number) + 1;
    into[o + 1] = (into[o + 1] as number) + uq;
    into[o + 2] = (into[o + 2] as number) + uq * uq;
    into[o + 3] = (into[o + 3] as number) + sq;
    into[o + 4] = (into[o + 4] as number) + sq * sq;
    into[o + 5] = (into[o + 5] as number) + wq;
    into[o + 6] = (into[o + 6] as number) + wq * wq;
    this.#u[c] = uq;
  }

  #rackValue(rack: readonly number[]): number {
    const values = this.#sim.config.letters.values;
    let v = 0;
    for (const t of rack) v += (t & BLANK) !== 0 ? 0 : (values[t] as number);
    return v;
  }

  /** Runs batches here until the stop; with a time budget, iteration by iteration, so that it stops on time. */
  runToEnd(): SimResult {
    const tally = this.tally;
    const timed = this.#opt.timeMs !== Infinity;
    for (;;) {
      const k = tally.nextBatch();
      if (k <= 0) break;
      if (!timed) {
        this.sample(tally.iterations, tally.iterations + k, tally.live);
        tally.advance(k);
      } else
        for (let i = 0; i < k && !tally.outOfTime(); i++) {
          this.sample(tally.iterations, tally.iterations + 1, tally.live);
          tally.advance(1);
        }
      if (tally.check()) break;
    }
    return tally.result();
  }
}
