import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { MoveGenerator, type PlayView } from '../movegen/generator.js';
import { formatPlay } from '../notation/move.js';
import { err, ok, type Result } from '../result.js';
import { unseenTiles } from '../state/unseen.js';

/**
 * Exact endgames: the bag is empty, so both racks are known, and the best play is found by
 * search. Negamax with alpha-beta pruning and null windows after a node's first move (principal
 * variation search: a later move is searched in full only when it beats the best so far),
 * iterative deepening, a transposition table (2^21 entries in one typed array by default, 48 MB)
 * keyed by a 64-bit Zobrist hash (board squares, both racks, the side to move, a pass just made),
 * and move ordering (the table's best move, then going out, then score, then tiles played). A
 * node's move list is derived from its parent's: once a node searches its second child, it keeps
 * the opponent's plays on its board, and each child then searches only the lines its move
 * changed (`MoveGenerator.generateAfter`) and takes the other plays from those kept.
 *
 * Conventions (the classic rules of this engine):
 * - the value is the spread change, for the side to move, from now to the end of the game;
 * - a player who goes out scores their play plus twice the opponent's rack (they gain it, the
 *   opponent loses it);
 * - two passes in a row end the game, each player losing their own rack (what the six scoreless
 *   turns would come to with nothing else to do);
 * - at the depth limit a position is valued by the racks' difference (the opponent's rack value
 *   minus the mover's), a guess that the next iteration replaces. A result is exact when no line
 *   reached the limit.
 */

/** A move of an endgame line. */
export interface EndgameMove {
  readonly kind: 'play' | 'pass';
  /** The new tiles (empty for a pass). */
  readonly placements: readonly Placement[];
  readonly score: number;
  /** Record notation against the board before the move, or `-` for a pass. */
  readonly notation: string;
}

/** What a search found. */
export interface EndgameResult {
  /** Spread change for the side to move to the end of the game (exact when `exact`). */
  readonly value: number;
  /** The principal variation: the best move first, then the best replies. */
  readonly line: readonly EndgameMove[];
  /** Plies searched in the last finished iteration. */
  readonly depth: number;
  /** True when the value is the game-theoretic one (no line was cut by the depth limit). */
  readonly exact: boolean;
  readonly nodes: number;
  readonly ms: number;
  /** The index of the best move among the root's moves in generation order (ties go to the lowest). */
  readonly rootIndex: number;
}

/** Limits of a search: it stops at the first that is reached, keeping the last finished iteration. */
export interface EndgameOptions {
  /** Plies at most (default 25). */
  readonly maxDepth?: number;
  /**
   * Milliseconds at most on {@link clock} (default: none). On the default wall clock a loaded
   * machine searches fewer nodes in the same budget: give a CPU-time clock, or `maxNodes` for a
   * result that depends on nothing but the position.
   */
  readonly timeMs?: number;
  /**
   * The clock `timeMs` and the result's `ms` are read on, in milliseconds (default
   * `performance.now`: wall time). A CPU-time clock (`cpuTimeMs` of `wordgame-engine/node`) makes
   * the budget the same on a loaded machine.
   */
  readonly clock?: () => number;
  /** Nodes at most (default: none). */
  readonly maxNodes?: number;
  /** Called after each finished iteration. */
  readonly onIteration?: (result: EndgameResult) => void;
  /**
   * Search only the root moves whose index in generation order is `index` modulo `count` (to
   * split the root between workers; see `solveEndgameParallel` in `wordgame-engine/node`).
   */
  readonly rootShard?: { readonly index: number; readonly count: number };
}

/** Wall time in milliseconds. */
const wallClock = (): number => performance.now();

const INF = 1 << 29;
/** The transposition table's entries by default, a power of two (2^21: 48 MB), and the range `tableBits` may take. */
const TT_BITS = 21;
const TT_BITS_MIN = 4;
const TT_BITS_MAX = 26;
/**
 * The transposition table's entries, each in TT_STRIDE consecutive words (one cache line or two
 * to read, not one a field): key low and high, value, depth (bits 0-7), bound (bits 8-9) and
 * the solve that wrote it (bits 16-31), best move's hash low and high. An entry of another solve
 * reads as empty, so a new solve starts on an empty table without clearing it (48 MB by default,
 * about 2 ms a clear: more than a small endgame's whole search, and a pre-endgame solves many).
 */
const TT_STRIDE = 6;
const EXACT = 1;
const LOWER = 2;
const UPPER = 3;
const PASS_HASH = 0x9e3779b9;
/** The depth stored for a value no depth limit touched. */
const COMPLETE = 127;
/** Move numbers packed under the ordering keys. */
const ORDER_SHIFT = 1 << 20;

/** The depth of the iteration after `depth`: 2 after 1, then two more each time, the last `max` (then past it). */
function nextDepth(depth: number, max: number): number {
  return depth >= max ? max + 1 : Math.min(max, depth === 1 ? 2 : depth + 2);
}

/** One ply's move list in flat typed arrays (grown as needed). */
class MoveList {
  count = 0;
  squares = new Int16Array(64 * 8);
  tiles = new Uint8Array(64 * 8);
  sizes = new Uint8Array(64);
  scores = new Int32Array(64);
  /** The face value of the tiles each play puts down (the move order and the leaves read it). */
  played = new Int32Array(64);
  hashLo = new Uint32Array(64);
  hashHi = new Uint32Array(64);
  /** Each play's main word: its first square, its length, and 0 across or 1 down. */
  wordStart = new Int16Array(64);
  wordLength = new Uint8Array(64);
  dir = new Uint8Array(64);
  keys = new Float64Array(64);
  width = 8;

  reset(width: number): void {
    this.count = 0;
    if (width > this.width) {
      this.width = width;
      this.squares = new Int16Array(this.sizes.length * width);
      this.tiles = new Uint8Array(this.sizes.length * width);
    }
  }

  grow(): void {
    const n = this.sizes.length * 2;
    const grown = <T extends Int16Array | Uint8Array | Int32Array | Uint32Array>(a: T, size = n): T => {
      const b = new (a.constructor as new (length: number) => T)(size);
      b.set(a);
      return b;
    };
    this.squares = grown(this.squares, n * this.width);
    this.tiles = grown(this.tiles, n * this.width);
    this.sizes = grown(this.sizes);
    this.scores = grown(this.scores);
    this.played = grown(this.played);
    this.hashLo = grown(this.hashLo);
    this.hashHi = grown(this.hashHi);
    this.wordStart = grown(this.wordStart);
    this.wordLength = grown(this.wordLength);
    this.dir = grown(this.dir);
    this.keys = new Float64Array(n);
  }

  /** Appends play `m` of `from` (a list of the same width). */
  copyFrom(from: MoveList, m: number): void {
    if (this.count === this.sizes.length) this.grow();
    const k = this.count++;
    const w = this.width;
    const n = from.sizes[m] as number;
    for (let t = 0; t < n; t++) {
      this.squares[k * w + t] = from.squares[m * w + t] as number;
      this.tiles[k * w + t] = from.tiles[m * w + t] as number;
    }
    this.sizes[k] = n;
    this.scores[k] = from.scores[m] as number;
    this.played[k] = from.played[m] as number;
    this.hashLo[k] = from.hashLo[m] as number;
    this.hashHi[k] = from.hashHi[m] as number;
    this.wordStart[k] = from.wordStart[m] as number;
    this.wordLength[k] = from.wordLength[m] as number;
    this.dir[k] = from.dir[m] as number;
  }
}

/**
 * The nodes an engine player's endgame move may search unless told otherwise (autoplay, matches,
 * endgame players): a node budget, not a time, so games stay deterministic.
 */
export const PLAYER_ENDGAME_NODES = 50_000;

/** Solves endgames on one configuration and dictionary (with a GADDAG). Reusable; not thread-safe. */
export class EndgameSolver {
  readonly config: GameConfig;
  readonly #gen: MoveGenerator;
  readonly #values: Int32Array;
  // Zobrist keys: [square * 128 + cell] for the board, [player][tile slot][count] for racks.
  readonly #boardLo: Uint32Array;
  readonly #boardHi: Uint32Array;
  readonly #rackLo: Uint32Array;
  readonly #rackHi: Uint32Array;
  // Transposition table.
  readonly #tt: Uint32Array;
  /** The table's entries less one (a power of two less one: the slot mask). */
  readonly #ttMask: number;
  /** The current solve's stamp in its table entries (1 to 0xffff; the table is cleared when it wraps). */
  #generation = 0;
  // Search state.
  readonly #racks: [Int8Array, Int8Array] = [new Int8Array(65), new Int8Array(65)];
  readonly #rackSize: [number, number] = [0, 0];
  readonly #rackValue: [number, number] = [0, 0];
  /** Hand arrays by ply and size (filled in place: a length never changes). */
  readonly #hands: number[][] = [];
  readonly #lists: MoveList[] = [];
  /**
   * The plays of the opponent of the side to move at a ply, on that node's board, kept once its
   * second child is searched: each child's list is then derived from them (`#derive`).
   */
  readonly #bases: MoveList[] = [];
  /** For the node at a ply: the move of its parent's list that led to it when its list is derived from the parent's base, else -1. */
  readonly #derive = new Int32Array(128).fill(-1);
  #lo = 0;
  #hi = 0;
  #nodes = 0;
  #cut = false;
  #stop = false;
  #deadline = Infinity;
  #maxNodes = Infinity;
  #clock: () => number = wallClock;
  #collect: MoveList | undefined;
  #width = 0;
  #shardIndex = 0;
  #shardCount = 1;
  #rootBest = -1;

  private constructor(config: GameConfig, gen: MoveGenerator, tableBits: number) {
    this.config = config;
    this.#gen = gen;
    this.#ttMask = (1 << tableBits) - 1;
    this.#tt = new Uint32Array((1 << tableBits) * TT_STRIDE);
    this.#values = new Int32Array(65);
    for (let g = 1; g < config.letters.values.length && g < 64; g++)
      this.#values[g] = config.letters.values[g] as number;
    const squares = config.layout.rows * config.layout.cols;
    let seed = 0x2545f491;
    const next = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
    this.#boardLo = Uint32Array.from({ length: squares * 128 }, next);
    this.#boardHi = Uint32Array.from({ length: squares * 128 }, next);
    this.#rackLo = Uint32Array.from({ length: 2 * 65 * 32 }, next);
    this.#rackHi = Uint32Array.from({ length: 2 * 65 * 32 }, next);
    this.#width = Math.max(config.handSize, config.layout.rows, config.layout.cols);
  }

  /**
   * A solver for a configuration and a dictionary with a GADDAG of its alphabet. Its
   * transposition table has 2^`tableBits` entries of 24 bytes (default 21: 48 MB; 4 to 26): a
   * smaller table costs speed on hard endgames, never exactness. Error 90201 for another
   * `tableBits`.
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    options: { readonly tableBits?: number } = {},
  ): Result<EndgameSolver, EngineError> {
    const bits = options.tableBits ?? TT_BITS;
    if (!Number.isInteger(bits) || bits < TT_BITS_MIN || bits > TT_BITS_MAX)
      return err(
        engineError(Code.BAD_QUERY, { cause: `tableBits is an integer from ${TT_BITS_MIN} to ${TT_BITS_MAX}` }),
      );
    const gen = MoveGenerator.create(config, dictionary);
    if (!gen.ok) return gen;
    return ok(new EndgameSolver(config, gen.value, bits));
  }

  /**
   * The `tableBits` for searches of at most `nodes` nodes each: at least two entries a node, from
   * 2^12 entries (96 KB) to the default 2^21 (48 MB); a budget of 50,000 nodes takes 2^17 (3 MB).
   * The players of autoplay and game analysis size their tables so.
   */
  static tableBitsFor(nodes: number): number {
    if (!(nodes > 0)) return TT_BITS;
    return Math.min(TT_BITS, Math.max(12, Math.ceil(Math.log2(nodes)) + 1));
  }

  /**
   * Solves the endgame on `board` with `racks[0]` to move against `racks[1]` (the bag is empty),
   * deepening (depths 1, 2, 4, 6 and so on, the last `maxDepth`) until the value is exact or a
   * limit is reached. Error 90201 for racks larger than a hand or with tiles that are not tiles,
   * for a board of another size, and for a board and racks holding more tiles of a letter than the
   * letterset has.
   */
  solve(
    board: Board,
    racks: readonly [readonly Tile[], readonly Tile[]],
    options: EndgameOptions = {},
  ): Result<EndgameResult, EngineError> {
    for (const r of racks) {
      if (r.length > this.config.handSize || r.some((t) => !Number.isInteger(t) || (t !== BLANK && (t < 1 || t > 63))))
        return err(engineError(Code.BAD_QUERY, { cause: 'racks hold at most a hand of tiles' }));
    }
    if (racks[0].length === 0)
      return err(engineError(Code.BAD_QUERY, { cause: 'the side to move has no tiles: the game is over' }));
    if (board.rows !== this.config.layout.rows || board.cols !== this.config.layout.cols)
      return err(
        engineError(Code.BAD_QUERY, {
          cause: `the board is ${board.rows}×${board.cols}; the layout ${this.config.layout.rows}×${this.config.layout.cols}`,
        }),
      );
    // The board and both racks must come from one letterset (a second Z is no position).
    if (unseenTiles(this.config, board, [...racks[0], ...racks[1]]) === undefined)
      return err(
        engineError(Code.BAD_QUERY, {
          cause: 'the board and the racks hold more tiles of some letter than the letterset has',
        }),
      );
    const clock = options.clock ?? wallClock;
    this.#clock = clock;
    const start = clock();
    this.#gen.setBoard(board);
    this.#lo = 0;
    this.#hi = 0;
    for (let s = 0; s < board.size; s++) {
      const c = board.cell(s);
      if (c !== 0) this.#xorBoard(s, c);
    }
    for (let p = 0; p < 2; p++) {
      const counts = this.#racks[p] as Int8Array;
      counts.fill(0);
      this.#rackSize[p] = 0;
      this.#rackValue[p] = 0;
      for (const t of racks[p] as readonly Tile[]) this.#addTile(p, t === BLANK ? 64 : t);
    }
    if (++this.#generation > 0xffff) {
      this.#tt.fill(0);
      this.#generation = 1;
    }
    this.#nodes = 0;
    this.#stop = false;
    this.#deadline = options.timeMs === undefined ? Infinity : start + options.timeMs;
    this.#maxNodes = options.maxNodes ?? Infinity;
    this.#shardCount = Math.max(1, Math.trunc(options.rootShard?.count ?? 1));
    this.#shardIndex = Math.max(0, Math.trunc(options.rootShard?.index ?? 0)) % this.#shardCount;
    const maxDepth = Math.max(1, Math.min(60, options.maxDepth ?? 25));
    let best: EndgameResult | undefined;
    // Depths 1, 2, 4, 6 and so on (the last one maxDepth): the racks' difference at the limit
    // favours the side that moved last, so even depths, where both sides have moved as often,
    // give values and table moves that order the next iteration better (on the 31 real
    // endgames that take 100,000 to 2,000,000 nodes: 37 % fewer nodes and 18 % less CPU than
    // one ply at a time).
    for (let depth = 1; depth <= maxDepth; depth = nextDepth(depth, maxDepth)) {
      this.#cut = false;
      const value = this.#search(0, depth, -INF, INF, 0, 0);
      if (this.#stop) break;
      const line = this.#principalVariation(board, depth);
      best = {
        value,
        line,
        depth,
        exact: !this.#cut,
        nodes: this.#nodes,
        ms: clock() - start,
        rootIndex: this.#rootBest,
      };
      options.onIteration?.(best);
      if (!this.#cut) break;
    }
    if (best === undefined) {
      // Not even one ply finished: the best-scoring move as a guess.
      this.#stop = false;
      this.#deadline = Infinity;
      this.#maxNodes = Infinity;
      this.#cut = false;
      const value = this.#search(0, 1, -INF, INF, 0, 0);
      best = {
        value,
        line: this.#principalVariation(board, 1),
        depth: 1,
        exact: !this.#cut,
        nodes: this.#nodes,
        ms: clock() - start,
        rootIndex: this.#rootBest,
      };
    }
    return ok({ ...best, nodes: this.#nodes, ms: clock() - start });
  }

  #xorBoard(square: number, cell: number): void {
    const i = square * 128 + (cell & 127);
    this.#lo ^= this.#boardLo[i] as number;
    this.#hi ^= this.#boardHi[i] as number;
  }

  #xorRack(p: number, slot: number, count: number): void {
    const i = (p * 65 + slot) * 32 + (count & 31);
    this.#lo ^= this.#rackLo[i] as number;
    this.#hi ^= this.#rackHi[i] as number;
  }

  #addTile(p: number, slot: number): void {
    const counts = this.#racks[p] as Int8Array;
    const c = counts[slot] as number;
    this.#xorRack(p, slot, c);
    counts[slot] = c + 1;
    this.#xorRack(p, slot, c + 1);
    this.#rackSize[p] = (this.#rackSize[p] as number) + 1;
    this.#rackValue[p] = (this.#rackValue[p] as number) + (slot === 64 ? 0 : (this.#values[slot] as number));
  }

  #removeTile(p: number, slot: number): void {
    const counts = this.#racks[p] as Int8Array;
    const c = counts[slot] as number;
    this.#xorRack(p, slot, c);
    counts[slot] = c - 1;
    this.#xorRack(p, slot, c - 1);
    this.#rackSize[p] = (this.#rackSize[p] as number) - 1;
    this.#rackValue[p] = (this.#rackValue[p] as number) - (slot === 64 ? 0 : (this.#values[slot] as number));
  }

  /** The rack of player p as a hand array (reused per ply and size). */
  #handOf(p: number, ply: number): number[] {
    const size = this.#rackSize[p] as number;
    const key = ply * 16 + size;
    const hand = (this.#hands[key] ??= new Array<number>(size).fill(0));
    const counts = this.#racks[p] as Int8Array;
    let i = 0;
    for (let slot = 1; slot <= 64; slot++)
      for (let k = counts[slot] as number; k > 0; k--) hand[i++] = slot === 64 ? BLANK : slot;
    return hand;
  }

  readonly #onPlay = (play: PlayView): void => {
    const list = this.#collect as MoveList;
    if (list.count === list.sizes.length) list.grow();
    const m = list.count++;
    const n = play.tileCount;
    const w = list.width;
    let lo = 0;
    let hi = 0;
    let played = 0;
    for (let t = 0; t < n; t++) {
      const sq = play.square(t);
      const tile = play.tile(t);
      list.squares[m * w + t] = sq;
      list.tiles[m * w + t] = tile;
      const i = sq * 128 + (tile & 127);
      lo ^= this.#boardLo[i] as number;
      hi ^= this.#boardHi[i] as number;
      if ((tile & BLANK) === 0) played += this.#values[tile] as number;
    }
    list.sizes[m] = n;
    list.scores[m] = play.score;
    list.played[m] = played;
    list.hashLo[m] = lo;
    list.hashHi[m] = hi;
    list.wordStart[m] = play.wordStart;
    list.wordLength[m] = play.wordLength;
    list.dir[m] = play.across ? 0 : 1;
  };

  /**
   * Fills the move list of a ply: every play of the mover, then the pass (size 0). When the
   * parent kept the mover's plays on its board (`#bases`), only the lines the parent's move
   * changed are searched and the other plays are taken from those kept.
   */
  #generate(ply: number, p: number): MoveList {
    const list = (this.#lists[ply] ??= new MoveList());
    const parentMove = ply > 0 ? (this.#derive[ply] as number) : -1;
    if (parentMove < 0) {
      this.#fill(list, this.#handOf(p, ply));
    } else {
      list.reset(this.#width);
      this.#collect = list;
      const parent = this.#lists[ply - 1] as MoveList;
      const base = this.#bases[ply - 1] as MoveList;
      const w = parent.width;
      this.#gen.generateAfter(
        this.#handOf(p, ply),
        this.#onPlay,
        parent.squares,
        parent.sizes[parentMove] as number,
        parentMove * w,
      );
      const gen = this.#gen;
      const bw = base.width;
      for (let b = 0, n = base.count; b < n; b++)
        if (
          gen.keptAfter(
            base.squares,
            b * bw,
            base.sizes[b] as number,
            base.wordStart[b] as number,
            base.wordLength[b] as number,
            base.dir[b] === 0,
          )
        )
          list.copyFrom(base, b);
    }
    this.#addPass(list);
    return list;
  }

  /** Resets `list` to every play of `hand` on the current board. */
  #fill(list: MoveList, hand: number[]): void {
    list.reset(this.#width);
    this.#collect = list;
    this.#gen.generate(hand, this.#onPlay);
  }

  /** Appends the pass (size 0) to a move list. */
  #addPass(list: MoveList): void {
    if (list.count === list.sizes.length) list.grow();
    const m = list.count++;
    list.sizes[m] = 0;
    list.scores[m] = 0;
    list.played[m] = 0;
    list.hashLo[m] = PASS_HASH;
    list.hashHi[m] = PASS_HASH;
  }

  /** Counts a node; every 1,024 asks whether the time or the node budget is spent (then the search stops). */
  #countNode(): void {
    if ((++this.#nodes & 1023) === 0 && (this.#clock() > this.#deadline || this.#nodes > this.#maxNodes))
      this.#stop = true;
  }

  /** Negamax from the view of player p; `passed` is 1 after a pass. */
  #search(ply: number, depth: number, alpha: number, beta: number, p: number, passed: number): number {
    this.#countNode();
    if (this.#stop) return 0;
    const q = 1 - p;
    if (depth === 0) {
      this.#cut = true;
      return (this.#rackValue[q] as number) - (this.#rackValue[p] as number);
    }
    const keyLo = (this.#lo ^ (p === 0 ? 0 : 0x5bd1e995) ^ (passed === 0 ? 0 : 0x27d4eb2f)) >>> 0;
    const keyHi = (this.#hi ^ (p === 0 ? 0 : 0x165667b1)) >>> 0;
    const tt = this.#tt;
    const at = (keyLo & this.#ttMask) * TT_STRIDE;
    const alpha0 = alpha;
    let ttMoveLo = 0;
    let ttMoveHi = 0;
    const entry = tt[at + 3] as number;
    if (entry >>> 16 === this.#generation && tt[at] === keyLo && tt[at + 1] === keyHi) {
      ttMoveLo = tt[at + 4] as number;
      ttMoveHi = tt[at + 5] as number;
      const stored = entry & 0xff;
      if (stored >= depth) {
        const v = (tt[at + 2] as number) | 0;
        const flag = (entry >>> 8) & 0xff;
        if (flag === EXACT || (flag === LOWER && v >= beta) || (flag === UPPER && v <= alpha)) {
          if (stored !== COMPLETE) this.#cut = true;
          return v;
        }
      }
    }
    const list = this.#generate(ply, p);
    // Order: the table's move, going out, then the face value of the tiles played weighted 20 to 1
    // against the score (tiles kept count against their holder at the end, doubly if the opponent
    // goes out: with a budget of 300,000 nodes a position, weights 0, 2, 4, 10 and 20 solve 117,
    // 122, 128, 135 and 135 of the 177 real endgames, 20 with the fewest nodes), then tiles played
    // (keys and move numbers packed into one float, sorted natively, read from the end).
    const n = list.count;
    const size = this.#rackSize[p] as number;
    const keys = list.keys;
    for (let m = 0; m < n; m++) {
      const tiles = list.sizes[m] as number;
      const key =
        list.hashLo[m] === ttMoveLo && list.hashHi[m] === ttMoveHi && (ttMoveLo | ttMoveHi) !== 0
          ? 1 << 24
          : (tiles === size ? 1 << 22 : 0) +
            ((list.scores[m] as number) + 20 * (list.played[m] as number)) * 16 +
            tiles;
      keys[m] = key * ORDER_SHIFT + m;
    }
    // The first move is the largest key, found in one pass; the others are sorted only when it
    // does not cut the node off (most nodes under a null window stop at their first move).
    let top = 0;
    for (let m = 1; m < n; m++) if ((keys[m] as number) > (keys[top] as number)) top = m;
    const last = keys[n - 1] as number;
    keys[n - 1] = keys[top] as number;
    keys[top] = last;
    let best = -INF;
    let bestLo = 0;
    let bestHi = 0;
    const w = list.width;
    const cutAbove = this.#cut;
    this.#cut = false;
    let bestIndex = -1;
    // Children searched below the leaves' level; from the second on, the opponent's plays on this
    // board are kept (`#bases`) and each child's list is derived from them.
    let searched = 0;
    let keptBase = false;
    const derive = this.#derive;
    for (let k = n - 1; k >= 0; k--) {
      if (k === n - 2) keys.subarray(0, n - 1).sort();
      const m = (keys[k] as number) % ORDER_SHIFT;
      if (ply === 0 && m % this.#shardCount !== this.#shardIndex) continue;
      const tiles = list.sizes[m] as number;
      let v: number;
      if (tiles === 0) {
        // A pass; a second pass in a row ends the game, each player losing their own rack.
        derive[ply + 1] = keptBase ? m : -1;
        v =
          passed === 1
            ? (this.#rackValue[q] as number) - (this.#rackValue[p] as number)
            : this.#childValue(ply, depth, alpha, beta, q, 1, 0, best === -INF);
      } else if (depth === 1 && tiles < size) {
        // The child would be a leaf valued by the racks' difference: counted as a node and valued
        // here, without applying the play and taking it back.
        const kept = (this.#rackValue[p] as number) - (list.played[m] as number);
        v = (list.scores[m] as number) - kept + (this.#rackValue[q] as number);
        this.#cut = true;
        this.#countNode();
      } else if (tiles === size) {
        // Going out ends the game: the play plus twice the opponent's rack, nothing to apply.
        v = (list.scores[m] as number) + 2 * (this.#rackValue[q] as number);
      } else {
        const score = list.scores[m] as number;
        if (!keptBase && searched++ === 1) {
          const base = (this.#bases[ply] ??= new MoveList());
          this.#fill(base, this.#handOf(q, ply + 1));
          keptBase = true;
        }
        derive[ply + 1] = keptBase ? m : -1;
        for (let t = 0; t < tiles; t++) {
          const sq = list.squares[m * w + t] as number;
          const tile = list.tiles[m * w + t] as number;
          this.#xorBoard(sq, tile);
          this.#removeTile(p, (tile & BLANK) !== 0 ? 64 : tile);
        }
        this.#gen.applyTiles(list.squares, list.tiles, tiles, m * w);
        v = this.#childValue(ply, depth, alpha, beta, q, 0, score, best === -INF);
        this.#gen.undo();
        for (let t = 0; t < tiles; t++) {
          const sq = list.squares[m * w + t] as number;
          const tile = list.tiles[m * w + t] as number;
          this.#xorBoard(sq, tile);
          this.#addTile(p, (tile & BLANK) !== 0 ? 64 : tile);
        }
      }
      if (this.#stop) return 0;
      // At the root, ties go to the move generated first, whatever the search order (so any split
      // of the root gives the same answer): the window stays one below the best, so ties are exact.
      if (v > best || (ply === 0 && v === best && m < bestIndex)) {
        best = v;
        bestIndex = m;
        bestLo = list.hashLo[m] as number;
        bestHi = list.hashHi[m] as number;
      }
      if (ply === 0) {
        if (v - 1 > alpha) alpha = v - 1;
      } else if (v > alpha) alpha = v;
      if (alpha >= beta) break;
    }
    if (ply === 0) this.#rootBest = bestIndex;
    const cutHere = this.#cut;
    this.#cut = cutAbove || cutHere;
    tt[at] = keyLo;
    tt[at + 1] = keyHi;
    tt[at + 2] = best;
    // A value no depth limit touched holds at any depth.
    tt[at + 3] =
      (cutHere ? depth : COMPLETE) |
      ((best <= alpha0 ? UPPER : best >= beta ? LOWER : EXACT) << 8) |
      (this.#generation << 16);
    tt[at + 4] = bestLo;
    tt[at + 5] = bestHi;
    return best;
  }

  /**
   * The value, for the side that moved, of a move scoring `score` (0 for a pass, `passed` 1):
   * the child searched with its window shifted by the score (the value beats alpha exactly when
   * the child's is below `score - alpha`). Unless the move is the node's `first`, a null window
   * first asks whether it beats alpha at all, and only then is it searched in full.
   */
  #childValue(
    ply: number,
    depth: number,
    alpha: number,
    beta: number,
    q: number,
    passed: number,
    score: number,
    first: boolean,
  ): number {
    if (first) return score - this.#search(ply + 1, depth - 1, score - beta, score - alpha, q, passed);
    const v = score - this.#search(ply + 1, depth - 1, score - alpha - 1, score - alpha, q, passed);
    if (v <= alpha || v >= beta || this.#stop) return v;
    return score - this.#search(ply + 1, depth - 1, score - beta, score - alpha, q, passed);
  }

  /** Follows the table's best moves from the root. */
  #principalVariation(board: Board, depth: number): EndgameMove[] {
    const line: EndgameMove[] = [];
    let b = board;
    let p = 0;
    let passed = 0;
    const applied: number[] = [];
    for (let ply = 0; ply < depth; ply++) {
      const keyLo = (this.#lo ^ (p === 0 ? 0 : 0x5bd1e995) ^ (passed === 0 ? 0 : 0x27d4eb2f)) >>> 0;
      const keyHi = (this.#hi ^ (p === 0 ? 0 : 0x165667b1)) >>> 0;
      const tt = this.#tt;
      const at = (keyLo & this.#ttMask) * TT_STRIDE;
      if ((tt[at + 3] as number) >>> 16 !== this.#generation || tt[at] !== keyLo || tt[at + 1] !== keyHi) break;
      // The line's lists are generated in full (no parent kept a base for them).
      this.#derive[40 + ply] = -1;
      const list = this.#generate(40 + ply, p);
      let found = -1;
      for (let m = 0; m < list.count; m++)
        if (list.hashLo[m] === tt[at + 4] && list.hashHi[m] === tt[at + 5]) found = m;
      if (found < 0) break;
      const tiles = list.sizes[found] as number;
      if (tiles === 0) {
        line.push({ kind: 'pass', placements: [], score: 0, notation: '-' });
        if (passed === 1) break;
        passed = 1;
      } else {
        const placements: Placement[] = [];
        for (let t = 0; t < tiles; t++)
          placements.push({
            square: list.squares[found * list.width + t] as number,
            tile: list.tiles[found * list.width + t] as number,
          });
        placements.sort((x, y) => x.square - y.square);
        const notation = formatPlay(placements, b, this.config.alphabet);
        line.push({
          kind: 'play',
          placements,
          score: list.scores[found] as number,
          notation: notation.ok ? notation.value : '?',
        });
        for (const pl of placements) {
          this.#xorBoard(pl.square, pl.tile);
          this.#removeTile(p, (pl.tile & BLANK) !== 0 ? 64 : pl.tile);
        }
        this.#gen.applyPlacements(placements);
        applied.push(p);
        b = b.withTiles(placements);
        passed = 0;
        if ((this.#rackSize[p] as number) === 0) break;
      }
      p = 1 - p;
    }
    // Take the line back.
    for (let i = line.length - 1; i >= 0; i--) {
      const mv = line[i] as EndgameMove;
      if (mv.kind === 'pass') continue;
      const who = applied.pop() as number;
      this.#gen.undo();
      for (const pl of mv.placements) {
        this.#xorBoard(pl.square, pl.tile);
        this.#addTile(who, (pl.tile & BLANK) !== 0 ? 64 : pl.tile);
      }
    }
    return line;
  }
}
