import { sameAlphabet } from '../alphabet/alphabet.js';
import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { popcount } from '../dictionary/format.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import type { LeaveValues } from '../leaves/values.js';
import { err, ok, type Result } from '../result.js';
import { Anchors } from './anchors.js';
import { FullHandCheck } from './full-hand.js';
import { arcOf, searchGraph } from './graph.js';
import { LeaveMap } from './leave-map.js';
import { BoardLines } from './lines.js';
import { GeneratedPlay, ReportedPlay, type PlayView } from './play.js';
import { PriorPlays } from './prior.js';
import { SmallHands } from './small-hand.js';
import { MAX_RACK, SearchRack } from './rack.js';
import { PlayStore } from './store.js';
import type { GeneratorOptions, SearchOptions } from './options.js';
import { TopPlays } from './top.js';
import { warmUp } from './warm-up.js';

export type { PlayView } from './play.js';
export type { GeneratorOptions, SearchOptions } from './options.js';

const MODE_VISIT = 0;
const MODE_TOP = 1;
const MODE_ALL = 2;

/**
 * Generates the legal plays of a hand on a board with a GADDAG (Gordon 1994), and finds the best
 * ones without generating them all.
 *
 * The parts, each in its own file: the board as lines with their cross-checks, extension sets and
 * undo log (`lines.ts`); the hand (`rack.ts`) and its leave values by sub-multiset
 * (`leave-map.ts`); the anchors and their bounds (`anchors.ts`), which ask whether a full hand
 * can spell a word (`full-hand.ts`: with one or two blanks in hand, a bounded search lists the
 * plays of the whole hand from those words instead of walking them, where each letter a blank
 * may stand for is a path of its own); the best N plays (`top.ts`), the plays kept for a later
 * search (`prior.ts`) and every play of a full generation (`store.ts`), all in the slots and the
 * one order of `play-slots.ts`; hands of one and two tiles read off the cross-checks and the
 * DAWG instead of walked (`small-hand.ts`). This class holds the recursion, which reads those
 * parts' typed arrays through its own fields so that a step loads each once.
 *
 * From an anchor the word grows leftwards through the block first, then turns at the GADDAG
 * separator and grows rightwards: starting from the block means the fixed tiles prune the search
 * before any tile of the hand is tried. A play is generated once, from the leftmost anchor it
 * contains (a single tile once: across when it touches tiles across). Bounded searches visit
 * anchors best bound first, stop when no anchor can beat what was found, and within an anchor
 * stop going left, turning or going right once no extent still reachable can (`anchors.ts`). The
 * GADDAG is read in the layout of `graph.ts`: each node leads with the set of its glyphs, so a
 * step intersects it with the square's and the hand's sets and reaches each allowed arc
 * directly. Buffers are reused: generation allocates nothing per play. The board is updated
 * incrementally by {@link MoveGenerator.applyPlacements}, which can be undone in order.
 */
export class MoveGenerator extends ReportedPlay {
  readonly config: GameConfig;
  readonly dictionary: Dictionary;
  readonly rows: number;
  readonly cols: number;
  private readonly lines: BoardLines;
  private readonly hand: SearchRack;
  private readonly leaveMap: LeaveMap;
  private readonly fullHand: FullHandCheck;
  private readonly anchors: Anchors;
  private readonly top: TopPlays;
  private readonly prior: PriorPlays;
  /** The plays of hands of one and two tiles, read off the cross-checks and the DAWG. */
  private readonly small: SmallHands;
  /** Every play of an {@link allPlays} search, compactly. */
  private readonly store: PlayStore;
  // ---- read by the recursion: the word graph (see `graph.ts`) and aliases of the parts' arrays.
  private readonly graph: Uint32Array;
  /** Header words of a graph node: 1, or 2 for alphabets with glyph codes 32-63. */
  private readonly head: number;
  private readonly gaddagRoot: number;
  private readonly values: Uint8Array;
  /** The full-hand bonus by number of tiles played (a table: no rarely taken branch in the search). */
  private readonly bonusOf: Int32Array;
  private readonly cells: Uint8Array;
  private readonly xlo: Uint32Array;
  private readonly xhi: Uint32Array;
  private readonly xsum: Int16Array;
  private readonly lm: Uint8Array;
  private readonly wm: Uint8Array;
  private readonly squareOf: Int16Array;
  /** The hand's counts by glyph (64: blanks), taken from and put back as tiles are placed. */
  private readonly rack: Int8Array;
  /** The search's working copy of the hand's blanks and glyph sets. */
  private blanks = 0;
  private rackLo = 0;
  private rackHi = 0;
  // The line being generated.
  private base = 0;
  private lineLen = 0;
  private anchorPos = 0;
  private minLeft = 0;
  private mode = MODE_VISIT;
  private onPlay: (play: PlayView) => void = () => undefined;
  /** The anchors' extent tables (`anchors.ts`), and where the anchor being searched has its own. */
  private extPool: Float64Array;
  private extLeftAt = 0;
  private extRowAt = 0;
  private extStride = 0;
  private extShift = 0;
  /** The core's new tiles (1 for an empty anchor square, 0 for a block), and the left tiles of the current turn. */
  private core = 0;
  private turnLeft = 0;
  /**
   * When the bounded search lists the plays of the whole hand from the words (`Anchors.direct`),
   * the most board tiles their stretches hold (the walk leaves those plays out); else -1.
   */
  private fullHandsUpTo = -1;
  /** The stretch {@link listFullHands} lists (line positions), and its callback. */
  private handFrom = 0;
  private handTo = 0;
  private readonly onFullHand = (words: Uint8Array, w: number, blankAt: number, blankAt2: number): void =>
    this.offerFullHand(words, w, blankAt, blankAt2);
  // generateAfter: the stamp of the added squares, the caller's callback, and the filter before it.
  private afterStamp = 0;
  private afterOnPlay: (play: PlayView) => void = () => undefined;
  private readonly onChangedPlay = (play: PlayView): void => {
    if (
      !this.prior.unchangedPlay(
        this.sqBuf,
        0,
        this.placed,
        this.playStart,
        this.playLength,
        this.dir === 0,
        this.afterStamp,
      )
    )
      this.afterOnPlay(play);
  };
  /** A full hand's number of tiles. */
  private readonly handSize: number;
  /** A play must reach this to enter the top N (the worst kept when full, else -Infinity). */
  private floor = -Infinity;

  private constructor(config: GameConfig, dictionary: Dictionary, fullHandIndex: boolean) {
    super(Math.max(config.layout.rows, config.layout.cols, config.handSize));
    this.config = config;
    this.dictionary = dictionary;
    const graph = searchGraph(dictionary);
    this.graph = graph.words;
    this.head = graph.head;
    this.gaddagRoot = graph.gaddagRoot;
    const { rows, cols } = config.layout;
    this.rows = rows;
    this.cols = cols;
    this.values = config.letters.values;
    this.handSize = config.handSize;
    this.bonusOf = new Int32Array(Math.max(rows, cols, config.handSize, MAX_RACK) + 1);
    this.bonusOf[config.handSize] = config.fullHandBonus;
    const lines = new BoardLines(config, graph);
    this.lines = lines;
    this.cells = lines.cells;
    this.xlo = lines.xlo;
    this.xhi = lines.xhi;
    this.xsum = lines.xsum;
    this.lm = lines.lm;
    this.wm = lines.wm;
    this.squareOf = lines.squareOf;
    const maxTiles = this.sqBuf.length;
    this.hand = new SearchRack(config.letters.values);
    this.rack = this.hand.counts;
    this.leaveMap = new LeaveMap();
    this.fullHand = new FullHandCheck(
      dictionary,
      config.handSize,
      config.alphabet.size,
      lines,
      this.hand,
      fullHandIndex,
    );
    this.top = new TopPlays(maxTiles);
    this.prior = new PriorPlays(lines, maxTiles);
    this.store = new PlayStore(maxTiles);
    this.small = new SmallHands(lines, graph, this.values, this.bonusOf);
    this.anchors = new Anchors(config, this.bonusOf, lines, this.hand, this.leaveMap, this.fullHand, this.prior);
    this.extPool = this.anchors.pool;
  }

  /**
   * A generator for a configuration and a dictionary that has a GADDAG, of the same alphabet
   * (BAD_QUERY 90201 without a GADDAG, ALPHABET_MISMATCH 90202 for another alphabet). The first
   * generator of a dictionary builds its search graph (`graph.ts`: about 35-65 ms and 5.0 MB for
   * the English one); later ones share it.
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    board?: Board,
    options: GeneratorOptions = {},
  ): Result<MoveGenerator, EngineError> {
    const root = dictionary.gaddag();
    if (!root.ok) return root;
    if (!sameAlphabet(config, dictionary))
      return err(
        engineError(Code.ALPHABET_MISMATCH, {
          cause: `the configuration's alphabet ${config.alphabet.spec.name} is not the dictionary's (${dictionary.alphabet.spec.name})`,
        }),
      );
    // Read defensively: a caller in plain JavaScript may pass null.
    const given = options as GeneratorOptions | null;
    const fullHandIndex = given?.fullHandIndex !== false;
    if (given?.warmUp !== false && !warmedUp[fullHandIndex ? 1 : 0]) {
      warmedUp[fullHandIndex ? 1 : 0] = true;
      warmUp(new MoveGenerator(config, dictionary, fullHandIndex));
    }
    const g = new MoveGenerator(config, dictionary, fullHandIndex);
    if (board !== undefined) {
      if (board.rows !== g.rows || board.cols !== g.cols)
        return err(
          engineError(Code.BAD_STATE, { cause: `a ${board.rows}×${board.cols} board on a ${g.rows}×${g.cols} layout` }),
        );
      g.setBoard(board);
    } else g.lines.recomputeAll();
    return ok(g);
  }

  // ---- the board --------------------------------------------------------------------------

  /** Takes a new board: copies its cells and recomputes every cross-check. Forgets the undo log. */
  setBoard(board: Board): void {
    this.lines.set(board);
  }

  /** The board the generator holds. */
  currentBoard(): Board {
    return this.lines.board();
  }

  /** The cell value of a board square (0: empty). */
  cell(square: number): number {
    return this.cells[square] ?? 0;
  }

  /** Number of tiles on the board. */
  get boardTiles(): number {
    return this.lines.tiles;
  }

  /**
   * Adds tiles to the board (trusted: empty squares, valid cell values) and updates only the
   * cross-checks they change. {@link undo} takes the last such change back.
   */
  applyPlacements(placements: readonly Placement[]): void {
    const lines = this.lines;
    const n = Math.min(placements.length, lines.applySq.length);
    for (let t = 0; t < n; t++) {
      const p = placements[t] as Placement;
      lines.applySq[t] = p.square;
      lines.applyTile[t] = p.tile;
    }
    lines.apply(n);
  }

  /**
   * Adds the i-th play of the last {@link searchTop} to the board, as {@link applyPlacements}
   * does, without allocating (the lean path of autoplay and simulation).
   */
  applyTopPlay(i: number): void {
    if (i < 0 || i >= this.top.count) return;
    const lines = this.lines;
    const n = this.topPlayTileCount(i);
    for (let t = 0; t < n; t++) {
      lines.applySq[t] = this.topPlaySquare(i, t);
      lines.applyTile[t] = this.topPlayTile(i, t);
    }
    lines.apply(n);
  }

  /**
   * Adds `count` tiles given as parallel arrays of squares and cell values, as
   * {@link applyPlacements} does, without allocating (for searches that keep their own move lists).
   */
  applyTiles(squares: ArrayLike<number>, tiles: ArrayLike<number>, count: number, offset = 0): void {
    const lines = this.lines;
    const n = Math.min(count, lines.applySq.length);
    for (let t = 0; t < n; t++) {
      lines.applySq[t] = squares[offset + t] as number;
      lines.applyTile[t] = tiles[offset + t] as number;
    }
    lines.apply(n);
  }

  /** Takes back the last {@link applyPlacements} not yet undone; false when there is none. */
  undo(): boolean {
    return this.lines.undo();
  }

  /** The cross-check data of a square for plays in a direction (for tests and tools). */
  crossCheck(across: boolean, square: number): { readonly lo: number; readonly hi: number; readonly sum: number } {
    const i = this.lines.index(across ? 0 : 1, square);
    return { lo: this.xlo[i] as number, hi: this.xhi[i] as number, sum: this.xsum[i] as number };
  }

  // ---- the searches -----------------------------------------------------------------------

  /** Reports every legal play of `hand` on the current board to `onPlay`. */
  generate(hand: readonly Tile[], onPlay: (play: PlayView) => void, options: SearchOptions = {}): void {
    if (!this.setRack(hand, options.leaves)) return;
    // Hands of one and two tiles: read off the cross-checks and the DAWG (`small-hand.ts`).
    if (hand.length <= 2 && this.lines.tiles > 0) {
      this.tileBuf[0] = hand[0] as number; // what leaveOfPlaced reads: a one-tile play's leave
      if (this.small.generate(hand, this.leaveOfPlaced(1), this.leaveMap.used, onPlay)) return;
    }
    this.mode = MODE_VISIT;
    this.onPlay = onPlay;
    this.collectAnchors(false, false);
    for (let k = 0; k < this.anchors.count; k++) this.genAnchor(k);
    this.onPlay = () => undefined;
  }

  /**
   * Reports to `onPlay` the plays of `hand` that the tiles just added on `count` squares
   * (`squares[offset..]`, already on the board) make or change: the plays that extend through
   * them or touch them through a word. Every other play of `hand` now is a play of the board
   * before with the same words and score, and {@link keptAfter} tells which of those are: the
   * two together are every play of `hand`, each once (a search that goes down a tree of plays
   * keeps the plays of a hand and derives its children's lists so, searching only the changed
   * lines).
   */
  generateAfter(
    hand: readonly Tile[],
    onPlay: (play: PlayView) => void,
    squares: ArrayLike<number>,
    count: number,
    offset = 0,
  ): void {
    if (!this.setRack(hand, undefined)) return;
    const prior = this.prior;
    this.afterStamp = prior.stampAdded(squares, count, offset);
    if (this.small.generateAfter(hand, onPlay, squares, count, offset)) return;
    prior.markChangedLines(squares, count, offset);
    this.mode = MODE_VISIT;
    this.afterOnPlay = onPlay;
    this.onPlay = this.onChangedPlay;
    this.collectAnchors(false, true);
    for (let k = 0; k < this.anchors.count; k++) this.genAnchor(k);
    this.onPlay = () => undefined;
    this.afterOnPlay = this.onPlay;
  }

  /**
   * After {@link generateAfter} (and before any other search with this generator): true when a
   * play of the board before the added tiles (its `n` new tiles' squares at `sq[offset..]`, its
   * main word's first square, length and direction) is a play now with the same words and score.
   * False before any `generateAfter`.
   */
  keptAfter(sq: ArrayLike<number>, offset: number, n: number, start: number, length: number, across: boolean): boolean {
    return this.afterStamp !== 0 && this.prior.unchangedPlay(sq, offset, n, start, length, across, this.afterStamp);
  }

  /** Every legal play of `hand`, stored compactly and sorted by `comparePlays`: a store the caller owns. */
  collectAll(hand: readonly Tile[], options: SearchOptions = {}): PlayStore {
    this.store.count = 0;
    if (this.setRack(hand, options.leaves)) {
      this.mode = MODE_ALL;
      this.collectAnchors(false, false);
      for (let k = 0; k < this.anchors.count; k++) this.genAnchor(k);
    }
    this.store.sort();
    return this.store.snapshot();
  }

  /**
   * Finds the best `n` plays (by equity with `options.leaves`, else by score; ties in the order
   * of `comparePlays`), visiting anchors best bound first and stopping when no anchor can
   * beat the n-th play found. Returns how many were found; read them with {@link topPlay}.
   */
  searchTop(hand: readonly Tile[], n: number, options: SearchOptions = {}): number {
    this.top.count = 0;
    if (n < 1 || !this.setRack(hand, options.leaves)) return 0;
    this.prepareTop(n);
    this.collectAnchors(true, false);
    this.searchAnchors();
    return this.top.count;
  }

  /**
   * Keeps the plays found by the last {@link searchTop} (best first) for {@link searchTopAfter}:
   * a search on this board that later searches, after some tiles are added, can start from.
   */
  keepPrior(): void {
    this.prior.keep(this.top, this.rack, this.searchLeaves());
  }

  /**
   * The best play of `hand`, as `searchTop(hand, 1, options)` finds it, on a board that is the
   * board of the last {@link keepPrior} plus tiles on `count` squares (`squares[offset..]`),
   * searched with the same hand and options. A play the added tiles neither cover, nor extend,
   * nor touch through a word keeps its words and score: the best such play of the kept ones
   * seeds the search, and only the lines where the added tiles make or change plays are
   * searched (their own rows and columns, and those just beyond the runs of tiles through
   * them). When none of the kept plays is left as it was, or they were kept for another hand,
   * other values or a board with another number of tiles, every line is searched.
   */
  searchTopAfter(
    hand: readonly Tile[],
    options: SearchOptions,
    squares: ArrayLike<number>,
    count: number,
    offset = 0,
  ): number {
    this.top.count = 0;
    if (!this.setRack(hand, options.leaves)) return 0;
    this.prepareTop(1);
    const prior = this.prior;
    // The stamp keptAfter reads is gone.
    this.afterStamp = 0;
    const stamp = prior.stampAdded(squares, count, offset);
    const same = prior.holdsFor(this.rack, this.searchLeaves(), count);
    let seeded = false;
    for (let i = 0; i < prior.count && !seeded && same; i++) {
      if (!prior.unchanged(i, stamp)) continue;
      this.top.seed(prior.slots, i);
      this.floor = this.top.floor;
      seeded = true;
    }
    if (seeded) prior.markChangedLines(squares, count, offset);
    this.collectAnchors(true, seeded);
    this.searchAnchors();
    return this.top.count;
  }

  /** The i-th play of the last {@link searchTop} (0 is the best), materialised. */
  topPlay(i: number): GeneratedPlay | undefined {
    const top = this.top;
    if (i < 0 || i >= top.count) return undefined;
    const slot = top.slotOf(i);
    const placements = top.placements(i);
    return new GeneratedPlay(
      placements,
      top.slots.score[slot] as number,
      top.slots.equity[slot] as number,
      top.slots.dir[slot] === 0,
      this.currentBoard(),
      this.config,
    );
  }

  /** The equity of the best trade of the last search's hand (the best leave of fewer tiles than it holds); -Infinity after a search by score or of too many tiles. */
  bestTradeEquity(): number {
    return this.leaveMap.used && this.hand.size <= MAX_RACK ? this.leaveMap.bestBelow(this.hand.size) : -Infinity;
  }

  /** Score, equity and tiles of the i-th play of the last {@link searchTop}, without allocating. */
  topPlayScore(i: number): number {
    return this.top.slots.score[this.top.slotOf(i)] as number;
  }

  /** Equity of the i-th play of the last {@link searchTop}. */
  topPlayEquity(i: number): number {
    return this.top.slots.equity[this.top.slotOf(i)] as number;
  }

  /** Number of tiles of the i-th play of the last {@link searchTop}. */
  topPlayTileCount(i: number): number {
    return this.top.slots.tiles[this.top.slotOf(i)] as number;
  }

  /** Square of tile t of the i-th play of the last {@link searchTop} (sorted by square). */
  topPlaySquare(i: number, t: number): number {
    return this.top.slots.sq[this.top.slotOf(i) * this.top.slots.width + t] as number;
  }

  /** Cell value of tile t of the i-th play of the last {@link searchTop}. */
  topPlayTile(i: number, t: number): number {
    return this.top.slots.tile[this.top.slotOf(i) * this.top.slots.width + t] as number;
  }

  /** Direction of the i-th play of the last {@link searchTop}. */
  topPlayAcross(i: number): boolean {
    return this.top.slots.dir[this.top.slotOf(i)] === 0;
  }

  /** Loads the hand, its leave values and a new full-hand cache; false when it holds more tiles than a search handles. */
  private setRack(hand: readonly Tile[], leaves: LeaveValues | undefined): boolean {
    const ok = this.hand.set(hand);
    this.blanks = this.hand.blanks;
    this.rackLo = this.hand.lo;
    this.rackHi = this.hand.hi;
    if (!ok) return false;
    this.fullHand.newSearch();
    this.leaveMap.set(this.hand, leaves);
    return true;
  }

  /** The leave values the last search ranked by, or undefined for a search by score. */
  private searchLeaves(): LeaveValues | undefined {
    return this.leaveMap.used ? this.leaveMap.last : undefined;
  }

  /** The anchors (bounded or not; after added tiles, only on the changed lines), and the extent tables they wrote. */
  private collectAnchors(bounded: boolean, changedLinesOnly: boolean): void {
    this.anchors.collect(bounded, changedLinesOnly);
    this.extPool = this.anchors.pool;
    this.fullHandsUpTo = this.anchors.direct ? this.fullHand.maxBoardTiles : -1;
  }

  private prepareTop(n: number): void {
    this.top.prepare(n);
    this.floor = -Infinity;
    this.mode = MODE_TOP;
  }

  /** Searches the collected anchors best bound first, into the top store, and sorts it. */
  private searchAnchors(): void {
    const anchors = this.anchors;
    const top = this.top;
    anchors.orderByBound();
    for (let k = anchors.nextBest(); k >= 0; k = anchors.nextBest()) {
      // Stop when the n-th best found beats every remaining bound (a tie may still come earlier in the order).
      if (top.count === top.n && (anchors.bound[k] as number) < top.worstKey()) break;
      this.genAnchor(k);
    }
    top.sort();
  }

  // ---- the recursion ----------------------------------------------------------------------

  /** Generates the plays of anchor number `k`. */
  private genAnchor(k: number): void {
    const anchors = this.anchors;
    const i = anchors.index[k] as number;
    const d = i >= this.lines.size ? 1 : 0;
    const len = d === 0 ? this.cols : this.rows;
    const p = (i - d * this.lines.size) % len;
    this.dir = d;
    this.base = i - p;
    this.lineLen = len;
    this.anchorPos = p;
    this.minLeft = anchors.minLeft[k] as number;
    this.placed = 0;
    this.core = this.cells[i] !== 0 ? 0 : 1;
    this.extLeftAt = anchors.leftAt[k] as number;
    this.extRowAt = anchors.rowAt[k] as number;
    this.extStride = anchors.stride[k] as number;
    this.extShift = anchors.shift[k] as number;
    if ((anchors.fullHands[k] as number) > 0) this.listFullHands(k);
    this.place(p, this.gaddagRoot, 0, 1, 0, -1);
  }

  /**
   * The plays of the whole hand from anchor `k`, listed from the words instead of walked
   * (`FullHandCheck.listPlays`) on each stretch the anchor keeps for them whose bound can still
   * beat the floor, and scored as the walk scores a play.
   */
  private listFullHands(k: number): void {
    const anchors = this.anchors;
    for (let h = anchors.fullHandAt[k] as number, end = h + (anchors.fullHands[k] as number); h < end; h++) {
      if ((anchors.handBound[h] as number) < this.floor) continue;
      this.handFrom = anchors.handFrom[h] as number;
      this.handTo = anchors.handTo[h] as number;
      this.fullHand.listPlays(this.base, this.handFrom, this.handTo, this.onFullHand);
    }
    this.placed = 0;
  }

  /** Offers the full-hand play of the word at `w` on the stretch being listed, blanks on line positions `blankAt` and `blankAt2` (-1: none). */
  private offerFullHand(words: Uint8Array, w: number, blankAt: number, blankAt2: number): void {
    const from = this.handFrom;
    const to = this.handTo;
    const cells = this.cells;
    const base = this.base;
    let mainSum = 0;
    let wordMult = 1;
    let crossTotal = 0;
    let n = 0;
    for (let q = from; q <= to; q++) {
      const i = base + q;
      const c = cells[i] as number;
      if (c !== 0) {
        if ((c & BLANK) === 0) mainSum += this.values[c & 0x3f] as number;
        continue;
      }
      const g = words[w + q - from] as number;
      const blank = q === blankAt || q === blankAt2;
      const lv = blank ? 0 : (this.values[g] as number) * (this.lm[i] as number);
      const wmul = this.wm[i] as number;
      mainSum += lv;
      wordMult *= wmul;
      const xs = this.xsum[i] as number;
      if (xs >= 0) crossTotal += (xs + lv) * wmul;
      this.sqBuf[n] = this.squareOf[i] as number;
      this.posBuf[n] = q;
      this.tileBuf[n] = blank ? g | BLANK : g;
      n++;
    }
    this.placed = n;
    const score = mainSum * wordMult + crossTotal + (this.bonusOf[n] as number);
    const equity = score + this.leaveOfPlaced(n);
    this.playScore = score;
    this.playEquity = equity;
    this.playStart = this.squareOf[base + from] as number;
    this.playLength = to - from + 1;
    this.offerTop(equity);
  }

  /**
   * Covers line position `pos` from `node`: follows the board tile there, or tries each glyph the
   * node, the cross-check and the hand (or a blank) allow. `leftStart` is -1 while the word grows
   * leftwards, else the position where it begins.
   */
  private place(
    pos: number,
    node: number,
    mainSum: number,
    wordMult: number,
    crossTotal: number,
    leftStart: number,
  ): void {
    const i = this.base + pos;
    const cells = this.cells;
    const c = cells[i] as number;
    const graph = this.graph;
    if (c !== 0) {
      const g = c & 0x3f;
      const a = arcOf(graph, this.head, node, g);
      if (a < 0) return;
      const v = graph[a] as number;
      const sum = mainSum + ((c & BLANK) !== 0 ? 0 : (this.values[g] as number));
      if (leftStart < 0) this.afterLeft(pos, v, sum, wordMult, crossTotal);
      else this.afterRight(pos, v, sum, wordMult, crossTotal, leftStart);
      return;
    }
    if (leftStart < 0 && pos < this.minLeft) return;
    const blanks = this.blanks;
    let lo = this.xlo[i] as number;
    let hi = this.xhi[i] as number;
    if (blanks === 0) {
      lo &= this.rackLo;
      hi &= this.rackHi;
      // No tile in hand fits the square: the node is not read (often a cache miss).
      if ((lo | hi) === 0) return;
    }
    // The glyphs the node, the square and the hand allow, each reached by counting the node's glyphs below it.
    const head = this.head;
    const nodeLo = graph[node] as number;
    const nodeHi = head === 2 ? (graph[node + 1] as number) : 0;
    lo &= nodeLo;
    hi &= nodeHi;
    if ((lo | hi) === 0) return;
    const lmul = this.lm[i] as number;
    const wmul = this.wm[i] as number;
    const xs = this.xsum[i] as number;
    const k = this.placed;
    this.sqBuf[k] = this.squareOf[i] as number;
    this.posBuf[k] = pos;
    this.placed = k + 1;
    const rack = this.rack;
    const tileBuf = this.tileBuf;
    const nextMult = wordMult * wmul;
    const shift = this.extShift;
    const ext = this.extPool;
    // What follows a tile of the hand here, whatever its glyph, is worked out once (a blank moves
    // the extent tables, so its tiles take the general path of afterLeft and afterRight).
    const lineLen = this.lineLen;
    let sideEmpty: boolean; // going left: the square left is empty; going right: the square right
    let goOn: boolean; // the line goes on in the direction of growth (left: past minLeft when empty)
    let goOnAt: number; // the extent bound of one more tile that way
    let turnAt = -1; // going left: the bound of turning with this many tiles left, or -1 (no turn)
    if (leftStart < 0) {
      sideEmpty = pos === 0 || cells[i - 1] === 0;
      goOn = pos > 0 && (!sideEmpty || pos > this.minLeft);
      const left = k + 1 - this.core;
      goOnAt = this.extLeftAt + left + 1;
      if (sideEmpty && this.anchorPos + 1 < lineLen) turnAt = this.extRowAt + left * this.extStride + 1;
    } else {
      goOn = pos + 1 < lineLen;
      sideEmpty = !goOn || cells[i + 1] === 0;
      goOnAt = this.extRowAt + this.turnLeft * this.extStride + (k + 1 - this.core - this.turnLeft) + 1;
    }
    while ((lo | hi) !== 0) {
      let g: number;
      let a: number;
      if (lo !== 0) {
        const bit = lo & -lo;
        lo ^= bit;
        g = 31 - Math.clz32(bit);
        a = node + head + popcount(nodeLo & (bit - 1));
      } else {
        const bit = hi & -hi;
        hi ^= bit;
        g = 63 - Math.clz32(bit);
        a = node + head + popcount(nodeLo) + popcount(nodeHi & (bit - 1));
      }
      const v = graph[a] as number;
      const count = rack[g] as number;
      if (count > 0) {
        rack[g] = count - 1;
        if (count === 1) this.takeLast(g);
        tileBuf[k] = g;
        const lv = (this.values[g] as number) * lmul;
        const cross = xs >= 0 ? crossTotal + (xs + lv) * wmul : crossTotal;
        const sum = mainSum + lv;
        // afterLeft and afterRight, inlined with the tests above, each call written once (with a
        // call of record for each direction, endgames, which list every play, ran 3-5 % slower).
        if ((v & 1) !== 0 && sideEmpty)
          this.record(leftStart < 0 ? pos : leftStart, leftStart < 0 ? this.anchorPos : pos, sum, nextMult, cross);
        const next = v >>> 2;
        if (next !== 0) {
          if (goOn && (!sideEmpty || (ext[goOnAt] as number) >= this.floor))
            this.place(leftStart < 0 ? pos - 1 : pos + 1, next, sum, nextMult, cross, leftStart);
          // Turn at the separator (glyph 0 sorts first in a list); going left only (turnAt is -1 going right).
          if (turnAt >= 0 && (v & 2) !== 0 && (ext[turnAt] as number) >= this.floor) {
            const sepTarget = (graph[next + head] as number) >>> 2;
            this.turnLeft = k + 1 - this.core;
            if (sepTarget !== 0) this.place(this.anchorPos + 1, sepTarget, sum, nextMult, cross, pos);
          }
        }
        if (count === 1) this.putBack(g);
        rack[g] = count;
      }
      if (blanks > 0) {
        this.blanks = blanks - 1;
        this.extLeftAt -= shift;
        this.extRowAt -= shift;
        tileBuf[k] = g | BLANK;
        const cross = xs >= 0 ? crossTotal + xs * wmul : crossTotal;
        if (leftStart < 0) this.afterLeft(pos, v, mainSum, nextMult, cross);
        else this.afterRight(pos, v, mainSum, nextMult, cross, leftStart);
        this.blanks = blanks;
        this.extLeftAt += shift;
        this.extRowAt += shift;
      }
    }
    this.placed = k;
  }

  /** The rack's last tile of glyph `g` is in use: its bit leaves the rack mask. */
  private takeLast(g: number): void {
    if (g < 32) this.rackLo &= ~(1 << g);
    else this.rackHi &= ~(1 << (g - 32));
  }

  private putBack(g: number): void {
    if (g < 32) this.rackLo |= 1 << g;
    else this.rackHi |= 1 << (g - 32);
  }

  /**
   * The arc (value `v`) just covered position `pos` going left: record, extend left, or turn. For
   * a board tile or a blank; {@link place} does the same inline for a tile of the hand.
   */
  private afterLeft(pos: number, v: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const cells = this.cells;
    const i = this.base + pos;
    const leftEmpty = pos === 0 || cells[i - 1] === 0;
    // The square right of the anchor is always empty (a block's end, or an empty anchor's neighbour).
    if ((v & 1) !== 0 && leftEmpty) this.record(pos, this.anchorPos, mainSum, wordMult, crossTotal);
    const next = v >>> 2;
    if (next === 0) return;
    // The extents still reachable must be able to beat the floor: going on left (through board
    // tiles, or with one more tile), or turning with this many tiles left.
    const left = this.placed - this.core;
    const ext = this.extPool;
    if (pos > 0 && (!leftEmpty || (pos > this.minLeft && (ext[this.extLeftAt + left + 1] as number) >= this.floor)))
      this.place(pos - 1, next, mainSum, wordMult, crossTotal, -1);
    // Turn at the separator (glyph 0 sorts first in a list).
    if (
      leftEmpty &&
      this.anchorPos + 1 < this.lineLen &&
      (ext[this.extRowAt + left * this.extStride + 1] as number) >= this.floor
    ) {
      if ((v & 2) !== 0) {
        const sepTarget = (this.graph[next + this.head] as number) >>> 2;
        this.turnLeft = left;
        if (sepTarget !== 0) this.place(this.anchorPos + 1, sepTarget, mainSum, wordMult, crossTotal, pos);
      }
    }
  }

  /** The arc (value `v`) just covered position `pos` going right: record, or extend right (as {@link afterLeft}). */
  private afterRight(
    pos: number,
    v: number,
    mainSum: number,
    wordMult: number,
    crossTotal: number,
    leftStart: number,
  ): void {
    const rightEmpty = pos + 1 >= this.lineLen || this.cells[this.base + pos + 1] === 0;
    if ((v & 1) !== 0 && rightEmpty) this.record(leftStart, pos, mainSum, wordMult, crossTotal);
    const next = v >>> 2;
    if (next === 0 || pos + 1 >= this.lineLen) return;
    // One more tile right must still be able to beat the floor.
    if (
      rightEmpty &&
      (this.extPool[
        this.extRowAt + this.turnLeft * this.extStride + (this.placed - this.core - this.turnLeft) + 1
      ] as number) < this.floor
    )
      return;
    this.place(pos + 1, next, mainSum, wordMult, crossTotal, leftStart);
  }

  private record(startP: number, endP: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const n = this.placed;
    if (n === 0 || endP === startP) return;
    // Plays of the whole hand that the search lists from the words are not taken from the walk.
    if (n === this.handSize && endP - startP + 1 - n <= this.fullHandsUpTo) return;
    // A single tile is reported once: down only when it touches no tile across.
    if (n === 1 && this.dir === 1 && (this.xsum[this.base + (this.posBuf[0] as number)] as number) >= 0) return;
    const score = mainSum * wordMult + crossTotal + (this.bonusOf[n] as number);
    // In a bounded search, a play the best leave of its size cannot lift to the floor is not looked up.
    if (this.mode === MODE_TOP && score + (this.leaveMap.bestOfSize[this.hand.size - n] as number) < this.floor) return;
    const equity = score + this.leaveOfPlaced(n);
    this.playScore = score;
    this.playEquity = equity;
    this.playStart = this.squareOf[this.base + startP] as number;
    this.playLength = endP - startP + 1;
    if (this.mode === MODE_VISIT) this.onPlay(this);
    else if (this.mode === MODE_TOP) this.offerTop(equity);
    else this.storeCurrent();
  }

  /** The value of the hand's tiles that the `n` new tiles in the buffers leave (0 when ranked by score). */
  private leaveOfPlaced(n: number): number {
    const leaves = this.leaveMap;
    if (!leaves.used) return 0;
    let idx = leaves.full;
    const stride = leaves.stride;
    for (let t = 0; t < n; t++) {
      const tile = this.tileBuf[t] as number;
      idx -= stride[(tile & BLANK) !== 0 ? 64 : tile] as number;
    }
    return leaves.table[idx] as number;
  }

  /** Offers the play being reported to the top store (kept apart from {@link record}: V8 inlines less into the recursion so). */
  private offerTop(equity: number): void {
    const top = this.top;
    if (top.rejects(equity)) return;
    this.writeCurrent();
    top.offerCurrent();
    this.floor = top.floor;
  }

  /** Adds the play being reported to the store of every play. */
  private storeCurrent(): void {
    this.writeCurrent();
    const c = this.top.current;
    this.store.push(this.playEquity, this.playScore, this.dir, this.placed, c.sq, c.tile);
  }

  /** Writes the play being reported to the top store's current slot, its tiles sorted by square. */
  private writeCurrent(): void {
    const c = this.top.current;
    const n = this.placed;
    const sq = c.sq;
    const tl = c.tile;
    for (let k = 0; k < n; k++) {
      const s = this.sqBuf[k] as number;
      const t = this.tileBuf[k] as number;
      let j = k;
      while (j > 0 && (sq[j - 1] as number) > s) {
        sq[j] = sq[j - 1] as number;
        tl[j] = tl[j - 1] as number;
        j--;
      }
      sq[j] = s;
      tl[j] = t;
    }
    c.score[0] = this.playScore;
    c.equity[0] = this.playEquity;
    c.dir[0] = this.dir;
    c.start[0] = this.playStart;
    c.len[0] = this.playLength;
    c.tiles[0] = n;
  }
}

/** Whether a generator without, then with the full-hand index has run the warm-up in this process (`warm-up.ts`: once each is enough: their searches take different branches). */
const warmedUp = [false, false];
