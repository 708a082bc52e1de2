import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { SCORELESS_TURNS_TO_END } from '../game/classic.js';
import { MoveGenerator, type GeneratorOptions, type SearchOptions } from '../movegen/generator.js';
import { type LeaveValues } from '../leaves/values.js';
import { removeFromRack } from '../state/hand.js';
import { bestTradeMask } from '../leaves/trade.js';
import { EndgameLeaves } from '../leaves/endgame.js';
import { PLAYER_ENDGAME_NODES, type EndgameSolver } from '../endgame/endgame.js';
import { type SimPosition, Simulator } from '../sim/sim.js';
import { type SimOptions } from '../sim/options.js';
import type { Placement } from '../board/board.js';
import { err, ok, type Result } from '../result.js';
import { nextState, randomOf, seedState } from '../state/random.js';

/**
 * The lean autoplay path: whole classic games between AI players with no validation, no notation
 * and no state copies per move. The board lives in the move generator (incremental cross-checks),
 * racks and the bag in typed arrays, and the best play is read and applied straight from the
 * generator's top-play buffers, so a turn allocates nothing.
 *
 * Deals are exactly the engine's: the bag is the letterset in sorted order, each draw takes the
 * tile at `floor(random() * size)` with the engine's PRNG, and traded tiles go back sorted after
 * the draw. So a lean game between static players is the same game, move for move, as
 * {@link selfPlay} and `apply` play with that seed (a test checks it).
 */

/** A player on the lean path: static (best score) or with leave values (best equity, and trades). */
export interface AutoplayPlayer {
  readonly name: string;
  /** Leave values: rank plays by equity and consider trades. Undefined: the best score, never trade. */
  readonly leaves?: LeaveValues;
  /** An endgame solver: with the bag empty (two players), the player plays its line's first move. */
  readonly endgame?: EndgameSolver;
  /** Nodes an endgame move may search (default 50,000): a node budget, not a time, so games stay deterministic. */
  readonly endgameNodes?: number;
  /**
   * Simulate each move while the bag has tiles (needs `leaves`): the sim's choice is played. Give
   * a budget in iterations (`options.iterations`), not a time, so games stay deterministic; each
   * move's seed comes from the game's.
   */
  readonly sim?: {
    readonly options?: Omit<SimOptions, 'seed' | 'onProgress' | 'timeMs'>;
    /** Infer the tiles the opponent kept from their last play ({@link SimPosition.opponentPlay}; `options.inferenceTemperature` sets the scale). */
    readonly infer?: boolean;
  };
  /** With the bag empty (two players), rank plays by the endgame adjustment ({@link EndgameLeaves}) instead of the leave values. */
  readonly endgameEquity?: boolean;
}

/** What one lean game produced. */
export interface AutoplayGame {
  /** Final scores (rack adjustments included), by seat. */
  readonly scores: readonly number[];
  /** Plays that used a full hand, by seat. */
  readonly bingos: readonly number[];
  /** Turns taken (plays, trades and passes). */
  readonly turns: number;
  /** How the game ended. */
  readonly end: 'out' | 'stalled' | 'turn-limit';
}

/**
 * Sees each turn of a lean game: the seat, the points scored, and the tiles the player keeps
 * (after a play, before the draw; after a trade, the new rack; after a pass,
 * the whole rack), and the tiles left in the bag before the draw. The rack array is reused: copy
 * what you keep.
 */
export type TurnObserver = (seat: number, score: number, kept: readonly number[], bag: number) => void;

/** The most turns a lean game may take before it is stopped (a safety bound; real games take 20-30). */
export const AUTOPLAY_MAX_TURNS = 500;

/** Plays lean classic games between seated players on one configuration and dictionary. Reusable; not thread-safe. */
export class Autoplayer {
  readonly config: GameConfig;
  readonly #dictionary: Dictionary;
  readonly #players: readonly AutoplayPlayer[];
  /** Each player's search options, built once (a turn allocates nothing). */
  readonly #searchOptions: readonly SearchOptions[];
  #generator: MoveGenerator;
  readonly #fullBag: Uint8Array;
  readonly #bag: Uint8Array;
  #bagSize = 0;
  #rng = 0;
  readonly #racks: number[][];
  readonly #kept: Uint8Array;
  readonly #values: Int32Array;
  readonly #tradeValue = new Float64Array(1);
  /** The endgame adjustment's leave values (the opponent's rack value set each turn). */
  readonly #endgame: EndgameLeaves;
  readonly #endgameOptions: SearchOptions;
  /** Each player's simulator (sharing this autoplayer's generator), or undefined. */
  readonly #simulators: readonly (Simulator | undefined)[];
  /** The last turn's play (its seat and tiles) while a player infers from it; seat -1 after a trade or a pass. */
  #lastSeat = -1;
  #lastPlay: Placement[] = [];
  readonly #inferring: boolean;

  private constructor(
    config: GameConfig,
    dictionary: Dictionary,
    players: readonly AutoplayPlayer[],
    generator: MoveGenerator,
  ) {
    this.config = config;
    this.#dictionary = dictionary;
    this.#players = players;
    this.#searchOptions = players.map((p) => (p.leaves === undefined ? {} : { leaves: p.leaves }));
    this.#generator = generator;
    const tiles: number[] = [];
    for (let code = 1; code < config.letters.counts.length; code++)
      for (let k = 0; k < (config.letters.counts[code] as number); k++) tiles.push(code);
    for (let k = 0; k < config.letters.blanks; k++) tiles.push(BLANK);
    this.#fullBag = Uint8Array.from(tiles);
    this.#bag = new Uint8Array(tiles.length);
    this.#racks = players.map(() => []);
    this.#kept = new Uint8Array(Math.max(16, config.handSize));
    this.#values = new Int32Array(256);
    for (let g = 1; g < config.letters.values.length; g++) this.#values[g] = config.letters.values[g] as number;
    this.#endgame = new EndgameLeaves(config);
    this.#endgameOptions = { leaves: this.#endgame };
    this.#inferring = players.some((p) => p.sim?.infer === true);
    this.#simulators = players.map((p) => {
      if (p.sim === undefined || p.leaves === undefined) return undefined;
      const sim = Simulator.create(config, dictionary, p.leaves, { generator });
      return sim.ok ? sim.value : undefined;
    });
  }

  /**
   * An autoplayer for 2 or more players; the dictionary needs a GADDAG of the configuration's
   * alphabet. `generator` is how its move generator is built (`GeneratorOptions`; e.g. without
   * the full-hand index, for a browser or a small server that would rather keep the memory: the
   * same games, slower with blanks).
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    players: readonly AutoplayPlayer[],
    generator: GeneratorOptions = {},
  ): Result<Autoplayer, EngineError> {
    if (players.length < 2) return err(engineError(Code.BAD_QUERY, { cause: 'autoplay needs at least 2 players' }));
    if (players.some((p) => p.sim !== undefined && (p.leaves === undefined || players.length !== 2)))
      return err(engineError(Code.BAD_QUERY, { cause: 'a simulating player needs leave values and one opponent' }));
    const gen = MoveGenerator.create(config, dictionary, undefined, generator);
    if (!gen.ok) return gen;
    return ok(new Autoplayer(config, dictionary, players, gen.value));
  }

  /**
   * Plays one game from `seed`; `rotate` seats the players turned by that many places (the player
   * of seat `(i + rotate) % n` moves i-th), so a mirrored pair is `playGame(s, 0)` and
   * `playGame(s, 1)`. Scores and bingos are reported by player (not by seat order).
   */
  playGame(seed: number, rotate = 0, observer?: TurnObserver): AutoplayGame {
    const n = this.#players.length;
    const config = this.config;
    const handSize = config.handSize;
    this.#reset(seed);
    const racks = this.#racks;
    const scores = new Array<number>(n).fill(0);
    const bingos = new Array<number>(n).fill(0);
    for (let s = 0; s < n; s++) {
      (racks[s] as number[]).length = 0;
      this.#draw(racks[s] as number[], handSize);
    }
    const gen = this.#generator;
    let scoreless = 0;
    let turns = 0;
    let end: AutoplayGame['end'] = 'turn-limit';
    let outSeat = -1;
    for (let seat = 0; turns < AUTOPLAY_MAX_TURNS; seat = (seat + 1) % n) {
      turns++;
      const player = this.#players[(seat + rotate) % n] as AutoplayPlayer;
      const options = this.#searchOptions[(seat + rotate) % n] as SearchOptions;
      const rack = racks[seat] as number[];
      let played = false;
      let score = 0;
      let count = 0;
      // With an empty bag, a player with an endgame solver plays the first move of its line.
      const solved =
        player.endgame !== undefined && this.#bagSize === 0 && n === 2
          ? player.endgame.solve(gen.currentBoard(), [rack, racks[1 - seat] as number[]], {
              maxNodes: player.endgameNodes ?? PLAYER_ENDGAME_NODES,
            })
          : undefined;
      const move = solved?.ok === true ? solved.value.line[0] : undefined;
      const simulator = this.#simulators[(seat + rotate) % n];
      // The endgame line's first move, or the simulation's choice while the bag has tiles.
      const chosen: SearchedMove | undefined =
        move !== undefined
          ? { kind: move.kind, score: move.score, placements: move.placements, traded: [] }
          : simulator !== undefined && this.#bagSize > 0
            ? this.#simulate(simulator, player, seat, rotate, scores, turns)
            : undefined;
      if (chosen !== undefined) {
        if (chosen.kind === 'play') {
          score = chosen.score;
          count = chosen.placements.length;
          if (this.#inferring) this.#lastPlay = chosen.placements.map((p) => ({ square: p.square, tile: p.tile }));
          for (const pl of chosen.placements) removeFromRack(rack, pl.tile);
          gen.applyPlacements(chosen.placements);
          played = true;
        } else if (chosen.kind === 'trade') {
          for (const t of chosen.traded) removeFromRack(rack, t);
          this.#draw(rack, chosen.traded.length);
          for (const t of chosen.traded) this.#putBack(t);
        }
      } else {
        let search = options;
        if (player.endgameEquity === true && this.#bagSize === 0 && n === 2) {
          this.#endgame.setOpponent(racks[1 - seat] as number[]);
          search = this.#endgameOptions;
        }
        const found = gen.searchTop(rack, 1, search);
        const equity = found > 0 ? gen.topPlayEquity(0) : -Infinity;
        let traded = false;
        if (player.leaves !== undefined && this.#bagSize >= config.minBagToTrade && rack.length > 0) {
          traded = this.#tradeIfBetter(rack, player.leaves, equity);
        }
        if (!traded && found > 0) {
          score = gen.topPlayScore(0);
          count = gen.topPlayTileCount(0);
          if (this.#inferring)
            this.#lastPlay = Array.from({ length: count }, (_, t) => ({
              square: gen.topPlaySquare(0, t),
              tile: gen.topPlayTile(0, t),
            }));
          for (let t = 0; t < count; t++) removeFromRack(rack, gen.topPlayTile(0, t));
          gen.applyTopPlay(0);
          played = true;
        }
      }
      this.#lastSeat = played ? seat : -1;
      if (!played) {
        scoreless++;
        observer?.(seat, 0, rack, this.#bagSize);
      } else {
        const p = (seat + rotate) % n;
        scores[p] = (scores[p] as number) + score;
        if (count === handSize) bingos[p] = (bingos[p] as number) + 1;
        scoreless = score === 0 ? scoreless + 1 : 0;
        observer?.(seat, score, rack, this.#bagSize);
        this.#draw(rack, handSize - rack.length);
        if (rack.length === 0 && this.#bagSize === 0) {
          end = 'out';
          outSeat = seat;
          break;
        }
      }
      if (scoreless >= SCORELESS_TURNS_TO_END) {
        end = 'stalled';
        break;
      }
    }
    if (end !== 'turn-limit') {
      let total = 0;
      for (let s = 0; s < n; s++) total += this.#rackValue(racks[s] as number[]);
      for (let s = 0; s < n; s++) {
        const v = this.#rackValue(racks[s] as number[]);
        const p = (s + rotate) % n;
        scores[p] = (scores[p] as number) + (s === outSeat ? total - v : -v);
      }
    }
    return { scores, bingos, turns, end };
  }

  /** The simulating player's choice: a play, or a trade (undefined when the sim has no answer). */
  #simulate(
    simulator: Simulator,
    player: AutoplayPlayer,
    seat: number,
    rotate: number,
    scores: readonly number[],
    turn: number,
  ): SearchedMove | undefined {
    const rack = this.#racks[seat] as number[];
    const other = this.#racks[1 - seat] as number[];
    const unseen = [...other, ...this.#bag.subarray(0, this.#bagSize)];
    const me = (seat + rotate) % 2;
    const lead = (scores[me] as number) - (scores[1 - me] as number);
    const opponentPlay =
      player.sim?.infer === true && this.#lastSeat === 1 - seat ? { opponentPlay: this.#lastPlay } : {};
    const run = simulator.prepare(
      { rack, unseen, lead, ...opponentPlay },
      { ...player.sim?.options, seed: (this.#rng ^ Math.imul(turn + 1, 0x9e3779b1)) >>> 0 },
    );
    if (!run.ok) return undefined;
    const best = run.value.runToEnd().candidates[0];
    if (best === undefined) return undefined;
    return { kind: best.kind, score: best.score, placements: best.placements, traded: best.traded };
  }

  #reset(seed: number): void {
    this.#lastSeat = -1;
    this.#bag.set(this.#fullBag);
    this.#bagSize = this.#fullBag.length;
    this.#rng = seedState(seed);
    // A fresh generator state: take back every play of the last game.
    while (this.#generator.undo());
  }

  /** Draws up to `count` tiles into `rack`, as the engine's bag does. */
  #draw(rack: number[], count: number): void {
    const bag = this.#bag;
    for (let k = 0; k < count && this.#bagSize > 0; k++) {
      this.#rng = nextState(this.#rng);
      const i = Math.floor(randomOf(this.#rng) * this.#bagSize);
      rack.push(bag[i] as number);
      bag.copyWithin(i, i + 1, this.#bagSize);
      this.#bagSize--;
    }
  }

  /** Puts a tile back in the bag, keeping it sorted. */
  #putBack(tile: number): void {
    const bag = this.#bag;
    let i = this.#bagSize;
    while (i > 0 && (bag[i - 1] as number) > tile) {
      bag[i] = bag[i - 1] as number;
      i--;
    }
    bag[i] = tile;
    this.#bagSize++;
  }

  #rackValue(rack: readonly number[]): number {
    let v = 0;
    for (const t of rack) v += (t & BLANK) !== 0 ? 0 : (this.#values[t] as number);
    return v;
  }

  /**
   * The best trade (every distinct subset of the rack, valued by the leave kept): made when its
   * value beats the best play's equity (ties go to the play). True when a trade was made.
   */
  #tradeIfBetter(rack: number[], leaves: LeaveValues, playEquity: number): boolean {
    const n = rack.length;
    if (n > 16) return false;
    // The search just worked out every leave of this hand: when no trade beats the play, no mask is needed.
    if (!(this.#generator.bestTradeEquity() > playEquity)) return false;
    rack.sort((a, b) => a - b);
    const bestMask = bestTradeMask(rack, leaves, this.#kept, this.#tradeValue);
    if (!((this.#tradeValue[0] as number) > playEquity)) return false;
    // Draw first, then put the traded tiles back (the engine's order).
    const out: number[] = [];
    for (let i = n - 1; i >= 0; i--) {
      if ((bestMask >> i) & 1) {
        out.push(rack[i] as number);
        rack.splice(i, 1);
      }
    }
    this.#draw(rack, out.length);
    for (const t of out) this.#putBack(t);
    return true;
  }

  /** The dictionary games are played with. */
  get dictionary(): Dictionary {
    return this.#dictionary;
  }
}

/** A move found by a search (the endgame solver's or the simulation's). */
interface SearchedMove {
  readonly kind: 'play' | 'trade' | 'pass';
  readonly score: number;
  readonly placements: readonly Placement[];
  readonly traded: readonly number[];
}

/** One mirrored pair: the same deal twice, seats swapped; results from player 0's side. */
export interface PairResult {
  /** Player 0's score minus player 1's, in the game where player 0 moved first, then second. */
  readonly spreads: readonly [number, number];
  /** Each player's points over the two games. */
  readonly points: readonly [number, number];
  /** Each player's bingos over the two games. */
  readonly bingos: readonly [number, number];
  /** Turns over the two games. */
  readonly turns: number;
}

/** The seed of pair `p` of a run seeded `seed`: a function of both only (so any split of the pairs between workers plays the same games). */
export function pairSeed(seed: number, p: number): number {
  return ((seed >>> 0) ^ Math.imul(p + 1, 0x9e3779b1)) >>> 0;
}

/** Plays the mirrored pairs `from` to `to - 1` of a run (two players). */
export function playPairs(
  autoplayer: Autoplayer,
  seed: number,
  from: number,
  to: number,
  onPair?: (p: number) => void,
): PairResult[] {
  const out: PairResult[] = [];
  for (let p = from; p < to; p++) {
    const s = pairSeed(seed, p);
    const a = autoplayer.playGame(s, 0);
    const b = autoplayer.playGame(s, 1);
    const a0 = a.scores[0] as number;
    const a1 = a.scores[1] as number;
    const b0 = b.scores[0] as number;
    const b1 = b.scores[1] as number;
    out.push({
      spreads: [a0 - a1, b0 - b1],
      points: [a0 + b0, a1 + b1],
      bingos: [(a.bingos[0] as number) + (b.bingos[0] as number), (a.bingos[1] as number) + (b.bingos[1] as number)],
      turns: a.turns + b.turns,
    });
    onPair?.(p);
  }
  return out;
}

/** What an autoplay run measured, from player 0's side (player 1's is the mirror). */
export interface AutoplaySummary {
  readonly games: number;
  readonly pairs: number;
  /** Player 0's wins (a tie counts half) and their share, with a 95 % confidence interval. */
  readonly wins: number;
  readonly winRate: number;
  readonly winRateCI: readonly [number, number];
  /** Player 0's mean spread a game, with a 95 % confidence interval. */
  readonly spread: number;
  readonly spreadCI: readonly [number, number];
  /** Points a game, by player. */
  readonly pointsPerGame: readonly [number, number];
  /** Bingos a game, by player. */
  readonly bingosPerGame: readonly [number, number];
  readonly turnsPerGame: number;
}

/**
 * Summarises pairs. The confidence intervals take the pair as the unit (the two games of a pair
 * share a deal, so they are not independent): mean ± 1.96 × the standard error of the pair means
 * (a normal approximation, sound for the hundreds of pairs and more that a comparison needs).
 * Sums run in pair order, so the same pairs give the same summary to the last bit.
 */
export function summarizePairs(pairs: readonly PairResult[]): AutoplaySummary {
  const n = pairs.length;
  const games = 2 * n;
  let wins = 0;
  let spread = 0;
  let winSq = 0;
  let spreadSq = 0;
  const points: [number, number] = [0, 0];
  const bingos: [number, number] = [0, 0];
  let turns = 0;
  for (const r of pairs) {
    const w = (score(r.spreads[0]) + score(r.spreads[1])) / 2;
    const s = (r.spreads[0] + r.spreads[1]) / 2;
    wins += 2 * w;
    winSq += w * w;
    spread += s;
    spreadSq += s * s;
    points[0] += r.points[0];
    points[1] += r.points[1];
    bingos[0] += r.bingos[0];
    bingos[1] += r.bingos[1];
    turns += r.turns;
  }
  const ci = (sum: number, sumSq: number): [number, number, number] => {
    if (n === 0) return [0, 0, 0];
    const mean = sum / n;
    const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
    const half = 1.96 * Math.sqrt(variance / n);
    return [mean, mean - half, mean + half];
  };
  const [winRate, wLo, wHi] = ci(wins / 2, winSq);
  const [meanSpread, sLo, sHi] = ci(spread, spreadSq);
  const per = (x: number) => (games === 0 ? 0 : x / games);
  return {
    games,
    pairs: n,
    wins,
    winRate,
    winRateCI: [Math.max(0, wLo), Math.min(1, wHi)],
    spread: meanSpread,
    spreadCI: [sLo, sHi],
    pointsPerGame: [per(points[0]), per(points[1])],
    bingosPerGame: [per(bingos[0]), per(bingos[1])],
    turnsPerGame: per(turns),
  };
}

function score(spread: number): number {
  return spread > 0 ? 1 : spread < 0 ? 0 : 0.5;
}
