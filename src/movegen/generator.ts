import { sameAlphabet } from '../alphabet/alphabet.js';
import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { popcount } from '../dictionary/format.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { formatPlay } from '../notation/move.js';
import { BEYOND, alphagramIndex, type AlphagramIndex } from './alphagrams.js';
import { arcOf, searchGraph } from './graph.js';
import type { LeaveValues } from '../leaves/values.js';
import { err, ok, type Result } from '../result.js';

/**
 * A play as the generator reports it to a callback: a view on the generator's buffers, valid
 * only during the call. Copy what you keep ({@link PlayView.placements} does).
 */
export interface PlayView {
  /** Number of new tiles. */
  readonly tileCount: number;
  /** Square of the i-th new tile (in the order they were placed, not sorted). */
  square(i: number): number;
  /** Board cell value of the i-th new tile (glyph code, BLANK | code for a blank). */
  tile(i: number): number;
  readonly score: number;
  /** Score plus the value of the tiles kept (the score alone without leave values). */
  readonly equity: number;
  readonly across: boolean;
  /** First square of the main word (board tiles included). */
  readonly wordStart: number;
  readonly wordLength: number;
  /** The new tiles as placements sorted by square (allocates). */
  placements(): Placement[];
}

/** Options of the searches: rank by equity (score plus leave value) instead of score alone. */
export interface SearchOptions {
  /** Leave values: plays are ranked by score plus the value of the tiles kept. */
  readonly leaves?: LeaveValues;
}

const MODE_VISIT = 0;
const MODE_TOP = 1;
const MODE_ALL = 2;
/** The most tiles a hand may hold in a search (the sub-rack table has 2^MAX_RACK entries at most). */
const MAX_RACK = 16;
/** Size of the extent-bound region that never prunes (read by the searches that visit every play). */
const OPEN_EXTENTS = (MAX_RACK + 2) * (MAX_RACK + 3);
const ALL_LO = 0xfffffffe; // every glyph code 1..31
const ALL_HI = 0xffffffff; // 32..63

/**
 * Generates the legal plays of a hand on a board with a GADDAG (Gordon 1994), and finds the best
 * ones without generating them all.
 *
 * Lines are stored line-major for both directions (a down line is contiguous like a row), each
 * square with its cross-check set (the glyphs that make a valid perpendicular word) and the
 * points of that word's tiles. The anchors of a line are the last tile of each block of board
 * tiles and each empty square that touches tiles only perpendicularly (or the start square of
 * an empty board). From an anchor the word grows leftwards through the block first, then
 * turns at the GADDAG separator and grows rightwards: starting from the block means the fixed
 * tiles prune the search before any tile of the hand is tried. A play is generated once, from
 * the leftmost anchor it contains (a single tile once: across when it touches tiles across).
 *
 * `bestPlay`, `topPlays` and the equity searches bound the score reachable from every anchor
 * first ("shadow" bounds from the hand's tile values, the premium squares and the cross-words),
 * visit anchors best bound first and stop when no anchor can beat what was found; within an
 * anchor, the bounds kept for each extent (tiles left and right of it) stop the search from going
 * further left, turning or going further right once no extent still reachable can. Each anchor
 * keeps one set of these bounds per number of blanks still in hand: once a blank is placed, it
 * scores nothing and the leave keeps no more blanks than are left. The GADDAG is read in the
 * layout of `graph.ts`: each node leads with the set of its glyphs, so a step intersects it with
 * the square's and the hand's sets and reaches each allowed arc directly. Buffers are
 * reused: generation allocates nothing per play. The board is held as arrays updated
 * incrementally by {@link MoveGenerator.applyPlacements}, which can be undone in order.
 */
export class MoveGenerator implements PlayView {
  readonly config: GameConfig;
  readonly dictionary: Dictionary;
  readonly rows: number;
  readonly cols: number;
  /** The word graph laid out for the search (see `graph.ts`). */
  private readonly graph: Uint32Array;
  /** Header words of a graph node: 1, or 2 for alphabets with glyph codes 32-63. */
  private readonly head: number;
  private readonly dawgRoot: number;
  private readonly gaddagRoot: number;
  private readonly size: number;
  private readonly values: Uint8Array;
  private readonly handSize: number;
  /** The full-hand bonus by number of tiles played (a table: no rarely taken branch in the search). */
  private readonly bonusOf: Int32Array;
  private readonly allLo: number;
  private readonly allHi: number;
  // Line-major arrays: index `d * size + line * lineLength(d) + position`, d = 0 across, 1 down.
  private readonly cells: Uint8Array;
  private readonly xlo: Uint32Array;
  private readonly xhi: Uint32Array;
  /** Points of the perpendicular word's tiles, -1 when the square has no perpendicular neighbour. */
  private readonly xsum: Int16Array;
  private readonly lm: Uint8Array;
  private readonly wm: Uint8Array;
  private readonly dead: Uint8Array;
  /** The board square of each line-major index. */
  private readonly squareOf: Int16Array;
  private tiles = 0;
  private boardCache: Board | undefined;
  /**
   * Extension sets are cached per line-major square: `extVersion[i] === boardVersion` when the
   * set of square i is up to date. `setBoard` bumps the version (every set stale); a change in
   * place (`applyBuffered`, `undo`) marks stale (0) only the squares beside the runs it changed,
   * the only ones whose neighbouring tiles along the line differ.
   */
  private boardVersion = 1;
  private readonly extVersion: Uint32Array;
  /** What {@link findRun} found (line-major squares). */
  private lineFrom = 0;
  private lineTo = 0;
  private runFrom = 0;
  private runTo = 0;
  private readonly extLo: Uint32Array;
  private readonly extHi: Uint32Array;
  // Undo log: entries (index, old value) for cells and cross data, and a stack of marks.
  private undoIdx = new Int32Array(1024);
  private undoCell = new Uint8Array(1024);
  private undoLo = new Uint32Array(1024);
  private undoHi = new Uint32Array(1024);
  private undoSum = new Int16Array(1024);
  private undoTop = 0;
  private readonly marks: number[] = [];
  private readonly tileMarks: number[] = [];

  // ---- the search -----------------------------------------------------------------------
  private readonly rack = new Int8Array(65);
  private blanks = 0;
  private rackLo = 0;
  private rackHi = 0;
  private rackCount = 0;
  /** Sub-rack index step of each glyph (64: the blank), and the index of the whole hand. */
  private readonly stride = new Int32Array(65);
  private fullLeaveIdx = 0;
  private leaveTable = new Float64Array(1);
  /** The hand's distinct glyphs (64: the blank), the counts kept while the table is filled, their tile codes and counts held, and a leave's tiles. */
  private readonly leaveGroups = new Int32Array(MAX_RACK + 1);
  private readonly leaveCounts = new Int32Array(MAX_RACK + 1);
  private readonly leaveCodes = new Int32Array(MAX_RACK + 1);
  private readonly leaveHeld = new Int32Array(MAX_RACK + 1);
  private readonly leaveBuf = new Uint8Array(MAX_RACK);
  private useLeaves = false;
  /** The best leave value for each number of tiles kept. */
  private readonly bestLeaveOfSize = new Float64Array(MAX_RACK + 1);
  private readonly sqBuf: Int16Array;
  /** Squares and cell values of the tiles being added by applyPlacements / applyTopPlay. */
  private readonly applySq: Int32Array;
  private readonly applyTile: Int32Array;
  private readonly posBuf: Int16Array;
  private readonly tileBuf: Uint8Array;
  private placed = 0;
  // The line being generated.
  private base = 0;
  private lineLen = 0;
  private dir = 0;
  private anchorPos = 0;
  private minLeft = 0;
  private mode = MODE_VISIT;
  private onPlay: (play: PlayView) => void = () => undefined;
  // The play being reported.
  score = 0;
  equity = 0;
  across = true;
  wordStart = 0;
  wordLength = 0;
  /** Every play of an {@link allPlays} search, compactly. */
  private store: PlayStore;
  // Top-N store: slots and a min-heap of slot numbers (the worst kept play on top).
  private topN = 1;
  private topCount = 0;
  private top: PlaySlots;
  private topHeap = new Int32Array(1);
  private readonly sortSq: Int16Array;
  private readonly sortTile: Uint8Array;
  // Anchors of a search: line-major index of the anchor, direction, min left, bound.
  private anchorIdx = new Int32Array(256);
  private anchorMin = new Int16Array(256);
  private anchorBound = new Float64Array(256);
  private anchorOrder = new Int32Array(256);
  private anchorCount = 0;
  private readonly rackValues = new Float64Array(MAX_RACK);
  /** The hand's distinct glyphs, highest value first, for the per-square caps of the bounds. */
  private readonly rackGlyphs = new Int32Array(MAX_RACK);
  private rackGlyphCount = 0;
  private readonly shadowCapL = new Float64Array(64);
  private readonly shadowCapR = new Float64Array(64);

  /** Where the word starts (left) or ends (right) when the shadow stops after each square. */
  private readonly shadowStartL = new Int32Array(64);
  private readonly shadowEndR = new Int32Array(64);
  // Full-hand feasibility: the alphagram index, and a per-search cache by the tiles played through.
  private alphagrams: AlphagramIndex | undefined;
  /**
   * Per set of board tiles a full-hand word goes through (up to 3, a key of their sorted codes, in
   * a direct-mapped cache of 1,024 entries checked by key and search): its alphagram slots,
   * bingoPool[first .. first + count).
   */
  private readonly bingoStamp = new Uint32Array(1024);
  private readonly bingoKey = new Int32Array(1024);
  private readonly bingoFirst = new Int32Array(1024);
  private readonly bingoCount = new Int32Array(1024);
  private readonly bingoPool = new Int32Array(8192);
  private bingoPoolSize = 0;
  private searchStamp = 0;
  /** The hand's letters with the board tiles of a full-hand word, sorted; and with a blank's letter added. */
  private readonly bingoSorted = new Uint8Array(MAX_RACK + 4);
  private readonly bingoWithX = new Uint8Array(MAX_RACK + 5);
  private readonly shadowE = new Float64Array(MAX_RACK);
  /**
   * The squares of the row being bounded (letter multiplier, cross-word part), and its bounds by
   * j: with the best leave of the tiles kept (`shadowRowSum`) and without (`shadowRawSum`).
   */
  private readonly shadowSqL = new Float64Array(MAX_RACK);
  private readonly shadowSqC = new Float64Array(MAX_RACK);
  private readonly shadowRowSum = new Float64Array(MAX_RACK + 1);
  private readonly shadowRawSum = new Float64Array(MAX_RACK + 1);
  /** By score, the bound of the extent {@link extentBound} last computed with 1, 2 ... blanks placed. */
  private readonly shadowByPlaced = new Float64Array(MAX_RACK + 1);
  private readonly shadowLeft = new Int32Array(64);
  private readonly shadowRight = new Int32Array(64);
  private readonly shadowLeftT = new Float64Array(64);
  private readonly shadowRightT = new Float64Array(64);
  /** Where the last shadow() wrote its extent table. */
  private shadowAt = 0;
  private shadowRowAt = MAX_RACK + 2;
  private shadowStride = MAX_RACK + 2;
  private shadowShift = 0;
  /**
   * Each anchor's bounds by extent, to prune its search once a play to beat is known. For anchor
   * k with nl squares placeable left and nr right, from `extOffset[k]`: nl + 2 entries, the best
   * bound with i or more new tiles left of the core; then rows i = 0..nl of nr + 2 entries, the
   * best bound with i tiles left and j or more right. -Infinity where no play is possible. The
   * pool starts with OPEN_EXTENTS entries of +Infinity for searches that visit every play.
   */
  private extPool = new Float64Array(4096).fill(Infinity, 0, OPEN_EXTENTS);
  private extTop = OPEN_EXTENTS;
  private extOffset = new Int32Array(256);
  private extRows = new Int32Array(256);
  private extStrides = new Int32Array(256);
  /**
   * With blanks in the hand, an anchor keeps one extent table for each number b of blanks still
   * in hand, b = 0 .. all, each `extShift[k]` after the one before (0: one table). In table b the
   * blanks placed are among an extent's tiles and score nothing, and by equity its leave bound is
   * the best leave of its size keeping at most b blanks (the best leaves often keep them). The
   * search moves to the table below when it places a blank.
   */
  private extShifts = new Int32Array(256);
  /** Row b (of `rackCount + 1`): the best leave of each size keeping at most b blanks. */
  private readonly leaveAtMost = new Float64Array((MAX_RACK + 1) * (MAX_RACK + 1));
  /** The number of extent tables per anchor in this search (blanks in hand + 1). */
  private extTables = 1;
  /** The anchor being searched: where its left maxima and its rows start, and its row length. */
  private extLeftAt = 0;
  private extRowAt = 0;
  private extStride = 0;
  private extShift = 0;
  /** The core's new tiles (1 for an empty anchor square, 0 for a block), and the left tiles of the current turn. */
  private core = 0;
  private turnLeft = 0;
  /** A play must reach this to enter the top N (the worst kept when full, else -Infinity). */
  private floor = -Infinity;
  /** The plays kept by {@link keepPrior}, best first. */
  private priorCount = 0;
  private prior: PlaySlots;
  private readonly priorRack = new Int8Array(65);
  private priorLeaves: LeaveValues | undefined;
  private priorBoardTiles = -1;
  /** The leave values of the last search that had some. */
  private lastLeaves: LeaveValues | undefined;
  /**
   * For {@link searchTopAfter}: the added squares (stamped, by board square), and per row and
   * column the squares a changed play must cover (a bit per position; 0: the line is not searched).
   */
  private addedStamp = 0;
  private readonly addedAt: Uint32Array;
  private readonly rowTargets: Uint32Array;
  private readonly colTargets: Uint32Array;

  private constructor(config: GameConfig, dictionary: Dictionary) {
    this.config = config;
    this.dictionary = dictionary;
    const graph = searchGraph(dictionary);
    this.graph = graph.words;
    this.head = graph.head;
    this.dawgRoot = graph.dawgRoot;
    this.gaddagRoot = graph.gaddagRoot;
    const { rows, cols } = config.layout;
    this.rows = rows;
    this.cols = cols;
    const size = rows * cols;
    this.size = size;
    this.values = config.letters.values;
    this.handSize = config.handSize;
    this.bonusOf = new Int32Array(Math.max(rows, cols, config.handSize, MAX_RACK) + 1);
    this.bonusOf[config.handSize] = config.fullHandBonus;
    let lo = 0;
    let hi = 0;
    for (let g = 1; g <= config.alphabet.size; g++) {
      if (g < 32) lo |= 1 << g;
      else hi |= 1 << (g - 32);
    }
    this.allLo = (lo & ALL_LO) >>> 0;
    this.allHi = (hi & ALL_HI) >>> 0;
    this.cells = new Uint8Array(2 * size);
    this.xlo = new Uint32Array(2 * size);
    this.xhi = new Uint32Array(2 * size);
    this.xsum = new Int16Array(2 * size);
    this.lm = new Uint8Array(2 * size);
    this.wm = new Uint8Array(2 * size);
    this.dead = new Uint8Array(2 * size);
    this.squareOf = new Int16Array(2 * size);
    this.extVersion = new Uint32Array(2 * size);
    this.extLo = new Uint32Array(2 * size);
    this.extHi = new Uint32Array(2 * size);
    this.addedAt = new Uint32Array(size);
    this.rowTargets = new Uint32Array(rows);
    this.colTargets = new Uint32Array(cols);
    const { letterMultiplier, wordMultiplier, dead } = config.layout;
    for (let s = 0; s < size; s++) {
      for (let d = 0; d < 2; d++) {
        const i = this.index(d, s);
        this.squareOf[i] = s;
        this.lm[i] = letterMultiplier[s] as number;
        this.wm[i] = wordMultiplier[s] as number;
        this.dead[i] = dead[s] as number;
      }
    }
    const side = Math.max(rows, cols);
    const maxTiles = Math.max(side, config.handSize);
    this.sqBuf = new Int16Array(maxTiles);
    this.applySq = new Int32Array(size);
    this.applyTile = new Int32Array(size);
    this.posBuf = new Int16Array(maxTiles);
    this.tileBuf = new Uint8Array(maxTiles);
    this.sortSq = new Int16Array(maxTiles);
    this.sortTile = new Uint8Array(maxTiles);
    this.top = new PlaySlots(1, maxTiles);
    this.prior = new PlaySlots(0, maxTiles);
    this.store = new PlayStore(maxTiles);
  }

  /**
   * A generator for a configuration and a dictionary that has a GADDAG, of the same alphabet
   * (BAD_QUERY 90201 without a GADDAG, ALPHABET_MISMATCH 90202 for another alphabet). The first
   * generator of a dictionary builds its search graph (`graph.ts`: about 35 ms and 7.4 MB for
   * the English one); later ones share it.
   */
  static create(config: GameConfig, dictionary: Dictionary, board?: Board): Result<MoveGenerator, EngineError> {
    const root = dictionary.gaddag();
    if (!root.ok) return root;
    if (!sameAlphabet(config, dictionary))
      return err(engineError(Code.ALPHABET_MISMATCH, { cause: `the configuration's alphabet ${config.alphabet.spec.name} is not the dictionary's (${dictionary.alphabet.spec.name})` }));
    if (!warmedUp) {
      warmedUp = true;
      warmUp(new MoveGenerator(config, dictionary));
    }
    const g = new MoveGenerator(config, dictionary);
    if (board !== undefined) {
      if (board.rows !== g.rows || board.cols !== g.cols) return err(engineError(Code.BAD_STATE, { cause: `a ${board.rows}×${board.cols} board on a ${g.rows}×${g.cols} layout` }));
      g.setBoard(board);
    } else g.recomputeAll();
    return ok(g);
  }

  /** The line-major index of square `s` in direction `d`. */
  private index(d: number, s: number): number {
    if (d === 0) return s;
    const c = s % this.cols;
    return this.size + c * this.rows + (s - c) / this.cols;
  }

  // ---- the board --------------------------------------------------------------------------

  /** Takes a new board: copies its cells and recomputes every cross-check. Forgets the undo log. */
  setBoard(board: Board): void {
    if (board.rows !== this.rows || board.cols !== this.cols) throw new RangeError('board size differs from the layout');
    this.tiles = 0;
    for (let s = 0; s < this.size; s++) {
      const v = board.cell(s);
      this.cells[s] = v;
      this.cells[this.index(1, s)] = v;
      if (v !== 0) this.tiles++;
    }
    this.boardCache = board;
    this.boardVersion++;
    this.undoTop = 0;
    this.marks.length = 0;
    this.tileMarks.length = 0;
    this.recomputeAll();
  }

  /** The board the generator holds. */
  currentBoard(): Board {
    if (this.boardCache === undefined) {
      const b = Board.fromCells(this.rows, this.cols, this.cells.subarray(0, this.size));
      this.boardCache = b.ok ? b.value : Board.empty(this.rows, this.cols);
    }
    return this.boardCache;
  }

  /** The cell value of a board square (0: empty). */
  cell(square: number): number {
    return this.cells[square] ?? 0;
  }

  /** Number of new tiles of the play being reported ({@link PlayView}). */
  get tileCount(): number {
    return this.placed;
  }

  /** Number of tiles on the board. */
  get boardTiles(): number {
    return this.tiles;
  }

  /**
   * Adds tiles to the board (trusted: empty squares, valid cell values) and updates only the
   * cross-checks they change. {@link undo} takes the last such change back.
   */
  applyPlacements(placements: readonly Placement[]): void {
    const n = Math.min(placements.length, this.applySq.length);
    for (let t = 0; t < n; t++) {
      const p = placements[t] as Placement;
      this.applySq[t] = p.square;
      this.applyTile[t] = p.tile;
    }
    this.applyBuffered(n);
  }

  /**
   * Adds the i-th play of the last {@link searchTop} to the board, as {@link applyPlacements}
   * does, without allocating (the lean path of autoplay and simulation).
   */
  applyTopPlay(i: number): void {
    if (i < 0 || i >= this.topCount) return;
    const n = this.topPlayTileCount(i);
    for (let t = 0; t < n; t++) {
      this.applySq[t] = this.topPlaySquare(i, t);
      this.applyTile[t] = this.topPlayTile(i, t);
    }
    this.applyBuffered(n);
  }

  /**
   * Adds `count` tiles given as parallel arrays of squares and cell values, as
   * {@link applyPlacements} does, without allocating (for searches that keep their own move lists).
   */
  applyTiles(squares: ArrayLike<number>, tiles: ArrayLike<number>, count: number, offset = 0): void {
    const n = Math.min(count, this.applySq.length);
    for (let t = 0; t < n; t++) {
      this.applySq[t] = squares[offset + t] as number;
      this.applyTile[t] = tiles[offset + t] as number;
    }
    this.applyBuffered(n);
  }

  private applyBuffered(n: number): void {
    this.marks.push(this.undoTop);
    this.tileMarks.push(this.tiles);
    this.boardCache = undefined;
    for (let t = 0; t < n; t++) {
      this.setCell(this.applySq[t] as number, this.applyTile[t] as number);
      this.tiles++;
    }
    for (let t = 0; t < n; t++) {
      const square = this.applySq[t] as number;
      // Squares whose perpendicular words change: the ends of the runs through each new tile.
      for (let d = 0; d < 2; d++) {
        this.findRun(this.index(d, square));
        const a = this.runFrom;
        const b = this.runTo;
        // The run along direction d changes the checks of direction 1 - d at its ends, and the
        // extension sets (along d) of those ends.
        if (a > this.lineFrom) {
          this.updateCross(1 - d, this.squareOf[a - 1] as number);
          this.extVersion[a - 1] = 0;
        }
        if (b < this.lineTo) {
          this.updateCross(1 - d, this.squareOf[b + 1] as number);
          this.extVersion[b + 1] = 0;
        }
      }
      this.updateCross(0, square);
      this.updateCross(1, square);
    }
  }

  /** Takes back the last {@link applyPlacements} not yet undone; false when there is none. */
  undo(): boolean {
    const mark = this.marks.pop();
    if (mark === undefined) return false;
    this.tiles = this.tileMarks.pop() as number;
    this.boardCache = undefined;
    // Before the tiles go: the extension sets along each run through a removed tile, and its ends, are stale.
    for (let k = this.undoTop - 1; k >= mark; k--) {
      const i = this.undoIdx[k] as number;
      if (i < 0) this.staleRun(-1 - i);
    }
    while (this.undoTop > mark) {
      const k = --this.undoTop;
      const i = this.undoIdx[k] as number;
      if (i < 0) {
        const j = -1 - i;
        this.cells[j] = this.undoCell[k] as number;
      } else {
        this.xlo[i] = this.undoLo[k] as number;
        this.xhi[i] = this.undoHi[k] as number;
        this.xsum[i] = this.undoSum[k] as number;
      }
    }
    return true;
  }

  /** Marks stale the extension sets of the run through line-major square `i` and of its two ends. */
  private staleRun(i: number): void {
    this.findRun(i);
    for (let q = Math.max(this.lineFrom, this.runFrom - 1); q <= Math.min(this.lineTo, this.runTo + 1); q++) this.extVersion[q] = 0;
  }

  /**
   * The run of tiles through line-major square `i` (`i` counted in, tile or not) into
   * `runFrom..runTo`, and its line's first and last squares into `lineFrom..lineTo`.
   */
  private findRun(i: number): void {
    const d = i >= this.size ? 1 : 0;
    const lineFrom = i - ((i - d * this.size) % this.lineLength(d));
    const lineTo = lineFrom + this.lineLength(d) - 1;
    let a = i;
    while (a > lineFrom && this.cells[a - 1] !== 0) a--;
    let b = i;
    while (b < lineTo && this.cells[b + 1] !== 0) b++;
    this.lineFrom = lineFrom;
    this.lineTo = lineTo;
    this.runFrom = a;
    this.runTo = b;
  }

  private lineLength(d: number): number {
    return d === 0 ? this.cols : this.rows;
  }

  private pushUndo(idx: number): number {
    if (this.undoTop === this.undoIdx.length) {
      const n = this.undoTop * 2;
      const grow = <T extends Int32Array | Uint8Array | Uint32Array | Int16Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.undoIdx = grow(this.undoIdx, (k) => new Int32Array(k));
      this.undoCell = grow(this.undoCell, (k) => new Uint8Array(k));
      this.undoLo = grow(this.undoLo, (k) => new Uint32Array(k));
      this.undoHi = grow(this.undoHi, (k) => new Uint32Array(k));
      this.undoSum = grow(this.undoSum, (k) => new Int16Array(k));
    }
    const k = this.undoTop++;
    this.undoIdx[k] = idx;
    return k;
  }

  private setCell(square: number, value: number): void {
    for (let d = 0; d < 2; d++) {
      const i = this.index(d, square);
      const k = this.pushUndo(-1 - i);
      this.undoCell[k] = this.cells[i] as number;
      this.cells[i] = value;
    }
  }

  private updateCross(d: number, square: number): void {
    const i = this.index(d, square);
    const k = this.pushUndo(i);
    this.undoLo[k] = this.xlo[i] as number;
    this.undoHi[k] = this.xhi[i] as number;
    this.undoSum[k] = this.xsum[i] as number;
    this.computeCross(d, square);
  }

  private recomputeAll(): void {
    for (let s = 0; s < this.size; s++) {
      this.computeCross(0, s);
      this.computeCross(1, s);
    }
  }

  /**
   * The cross-check of square `s` for plays in direction `d`: the glyphs that make the
   * perpendicular word through `s` a word, and the points of that word's board tiles. Each glyph
   * is tried against the shorter side: after a walk of the tiles before it in the DAWG, the tiles
   * after it are followed for each glyph; or, after a walk of the tiles after it backwards in the
   * GADDAG, the tiles before it (a square above a word, the common case, takes one walk and a
   * look at the flags of one node's arcs).
   */
  private computeCross(d: number, s: number): void {
    const i = this.index(d, s);
    const cells = this.cells;
    if (cells[i] !== 0 || this.dead[i] === 1) {
      this.xlo[i] = 0;
      this.xhi[i] = 0;
      this.xsum[i] = -1;
      return;
    }
    // The perpendicular word runs along direction 1 - d, contiguous in its line-major array.
    const p = 1 - d;
    const j = this.index(p, s);
    const len = this.lineLength(p);
    const lineStart = j - ((j - p * this.size) % len);
    const lineEnd = lineStart + len - 1;
    let before = j;
    while (before > lineStart && cells[before - 1] !== 0) before--;
    let after = j;
    while (after < lineEnd && cells[after + 1] !== 0) after++;
    if (before === j && after === j) {
      this.xlo[i] = this.allLo;
      this.xhi[i] = this.allHi;
      this.xsum[i] = -1;
      return;
    }
    let sum = 0;
    for (let t = before; t <= after; t++) {
      const v = cells[t] as number;
      if (t !== j && (v & BLANK) === 0) sum += this.values[v & 0x3f] as number;
    }
    const graph = this.graph;
    // Walk the longer side once: the tiles before in the DAWG, or those after backwards in the
    // GADDAG (its paths from a word's last letter read the word leftwards). Then, for each glyph,
    // follow the shorter side the same way; the word is whole where the last arc ends one.
    const backwards = j - before < after - j;
    let node = backwards ? this.gaddagRoot : this.dawgRoot;
    if (backwards) for (let t = after; t > j && node !== 0; t--) node = this.childOf(node, (cells[t] as number) & 0x3f);
    else for (let t = before; t < j && node !== 0; t++) node = this.childOf(node, (cells[t] as number) & 0x3f);
    const step = backwards ? -1 : 1;
    const to = backwards ? before : after;
    let lo = 0;
    let hi = 0;
    // The node's glyphs (not glyph 0, the GADDAG's separator), each with its arc.
    const head = this.head;
    let setLo = (graph[node] as number) & ~1;
    let setHi = head === 2 ? (graph[node + 1] as number) : 0;
    // Arcs are in glyph order: the first letter's follows the separator's, when there is one.
    for (let a = node + head + ((graph[node] as number) & 1); (setLo | setHi) !== 0; a++) {
      let g: number;
      if (setLo !== 0) {
        g = 31 - Math.clz32(setLo & -setLo);
        setLo &= setLo - 1;
      } else {
        g = 63 - Math.clz32(setHi & -setHi);
        setHi &= setHi - 1;
      }
      let last = a;
      for (let t = j + step; last >= 0 && step * (to - t) >= 0; t += step) last = arcOf(graph, head, (graph[last] as number) >>> 1, (cells[t] as number) & 0x3f);
      if (last >= 0 && ((graph[last] as number) & 1) !== 0) {
        if (g < 32) lo |= 1 << g;
        else hi |= 1 << (g - 32);
      }
    }
    this.xlo[i] = lo >>> 0;
    this.xhi[i] = hi >>> 0;
    this.xsum[i] = sum;
  }

  /** The node after glyph `g` from `node` (0 when none or a leaf). */
  private childOf(node: number, g: number): number {
    const a = arcOf(this.graph, this.head, node, g);
    return a < 0 ? 0 : (this.graph[a] as number) >>> 1;
  }

  /** The cross-check data of a square for plays in a direction (for tests and tools). */
  crossCheck(across: boolean, square: number): { readonly lo: number; readonly hi: number; readonly sum: number } {
    const i = this.index(across ? 0 : 1, square);
    return { lo: this.xlo[i] as number, hi: this.xhi[i] as number, sum: this.xsum[i] as number };
  }

  // ---- generation -------------------------------------------------------------------------

  /** Reports every legal play of `hand` on the current board to `onPlay`. */
  generate(hand: readonly Tile[], onPlay: (play: PlayView) => void, options: SearchOptions = {}): void {
    if (!this.setRack(hand, options.leaves)) return;
    this.mode = MODE_VISIT;
    this.onPlay = onPlay;
    this.collectAnchors(false);
    for (let k = 0; k < this.anchorCount; k++) this.genAnchor(k);
    this.onPlay = () => undefined;
  }

  /** Every legal play of `hand`, stored compactly and sorted by {@link comparePlays}: a store the caller owns. */
  collectAll(hand: readonly Tile[], options: SearchOptions = {}): PlayStore {
    this.store.count = 0;
    if (this.setRack(hand, options.leaves)) {
      this.mode = MODE_ALL;
      this.collectAnchors(false);
      for (let k = 0; k < this.anchorCount; k++) this.genAnchor(k);
    }
    this.store.sort();
    return this.store.snapshot();
  }

  /**
   * Finds the best `n` plays (by equity with `options.leaves`, else by score; ties in the order
   * of {@link comparePlays}), visiting anchors best bound first and stopping when no anchor can
   * beat the n-th play found. Returns how many were found; read them with {@link topPlay}.
   */
  searchTop(hand: readonly Tile[], n: number, options: SearchOptions = {}): number {
    this.topCount = 0;
    if (n < 1 || !this.setRack(hand, options.leaves)) return 0;
    this.prepareTop(n);
    this.mode = MODE_TOP;
    this.collectAnchors(true);
    this.searchAnchors();
    return this.topCount;
  }

  /**
   * Keeps the plays found by the last {@link searchTop} (best first) for {@link searchTopAfter}:
   * a search on this board that later searches, after some tiles are added, can start from.
   */
  keepPrior(): void {
    const n = this.topCount;
    if (this.prior.capacity < n) this.prior = new PlaySlots(n, this.sqBuf.length);
    for (let i = 0; i < n; i++) this.prior.copySlot(this.top, this.topHeap[i] as number, i);
    this.priorCount = n;
    // What the kept plays are valid for: this hand, these leave values, this many board tiles.
    this.priorRack.set(this.rack);
    this.priorLeaves = this.useLeaves ? this.lastLeaves : undefined;
    this.priorBoardTiles = this.tiles;
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
  searchTopAfter(hand: readonly Tile[], options: SearchOptions, squares: ArrayLike<number>, count: number, offset = 0): number {
    this.topCount = 0;
    if (!this.setRack(hand, options.leaves)) return 0;
    this.prepareTop(1);
    this.mode = MODE_TOP;
    // Stamp the added squares.
    const stamp = (this.addedStamp = (this.addedStamp + 1) >>> 0);
    const added = this.addedAt;
    for (let t = 0; t < count; t++) added[squares[offset + t] as number] = stamp;
    // The kept plays count only for the same hand and values, on that board plus these tiles.
    let same = this.priorLeaves === (this.useLeaves ? this.lastLeaves : undefined) && this.tiles === this.priorBoardTiles + count;
    for (let g = 0; g <= 64 && same; g++) same = this.rack[g] === this.priorRack[g];
    let seeded = false;
    for (let i = 0; i < this.priorCount && !seeded && same; i++) {
      if (!this.priorUnchanged(i, stamp)) continue;
      this.seedTop(i);
      seeded = true;
    }
    if (seeded) this.markChangedLines(squares, count, offset);
    this.collectAnchors(true, seeded);
    this.searchAnchors();
    return this.topCount;
  }

  /** True when kept play i has the same words on the board with the stamped squares added. */
  private priorUnchanged(i: number, stamp: number): boolean {
    const w = this.sqBuf.length;
    const cols = this.cols;
    const rows = this.rows;
    const cells = this.cells;
    const added = this.addedAt;
    const n = this.prior.tiles[i] as number;
    const across = this.prior.dir[i] === 0;
    for (let t = 0; t < n; t++) if (added[this.prior.sq[i * w + t] as number] === stamp) return false;
    // The main word's ends stay free.
    const start = this.prior.start[i] as number;
    const len = this.prior.len[i] as number;
    const r0 = (start - (start % cols)) / cols;
    const c0 = start % cols;
    if (across) {
      if (c0 > 0 && added[start - 1] === stamp) return false;
      if (c0 + len < cols && added[start + len] === stamp) return false;
    } else {
      if (r0 > 0 && added[start - cols] === stamp) return false;
      if (r0 + len < rows && added[start + len * cols] === stamp) return false;
    }
    // Each new tile's perpendicular word (through the tiles now on the board) holds no added tile.
    for (let t = 0; t < n; t++) {
      const sq = this.prior.sq[i * w + t] as number;
      const r = (sq - (sq % cols)) / cols;
      const c = sq % cols;
      if (across) {
        for (let q = r - 1; q >= 0 && cells[q * cols + c] !== 0; q--) if (added[q * cols + c] === stamp) return false;
        for (let q = r + 1; q < rows && cells[q * cols + c] !== 0; q++) if (added[q * cols + c] === stamp) return false;
      } else {
        for (let q = c - 1; q >= 0 && cells[r * cols + q] !== 0; q--) if (added[r * cols + q] === stamp) return false;
        for (let q = c + 1; q < cols && cells[r * cols + q] !== 0; q++) if (added[r * cols + q] === stamp) return false;
      }
    }
    return true;
  }

  /** Kept play i as the search's first top play. */
  private seedTop(i: number): void {
    this.top.copySlot(this.prior, i, 0);
    this.topHeap[0] = 0;
    this.topCount = 1;
    this.floor = this.worstKey();
  }

  /**
   * Marks the lines where the added tiles make or change plays, with the squares such a play must
   * cover (a bit per line position; boards are at most 26 a side): for each added tile its row and
   * column at the tile, the rows just beyond the run of tiles through it down its column, and the
   * columns just beyond the run along its row (a play there has a cross-word through it).
   */
  private markChangedLines(squares: ArrayLike<number>, count: number, offset: number): void {
    const cols = this.cols;
    const rows = this.rows;
    const cells = this.cells;
    const rowT = this.rowTargets;
    const colT = this.colTargets;
    rowT.fill(0);
    colT.fill(0);
    for (let t = 0; t < count; t++) {
      const sq = squares[offset + t] as number;
      const r = (sq - (sq % cols)) / cols;
      const c = sq % cols;
      mark(rowT, r, c);
      mark(colT, c, r);
      let u = r;
      while (u > 0 && cells[(u - 1) * cols + c] !== 0) u--;
      let d = r;
      while (d + 1 < rows && cells[(d + 1) * cols + c] !== 0) d++;
      if (u > 0) mark(rowT, u - 1, c);
      if (d + 1 < rows) mark(rowT, d + 1, c);
      let l = c;
      while (l > 0 && cells[r * cols + l - 1] !== 0) l--;
      let e = c;
      while (e + 1 < cols && cells[r * cols + e + 1] !== 0) e++;
      if (l > 0) mark(colT, l - 1, r);
      if (e + 1 < cols) mark(colT, e + 1, r);
    }
  }

  /**
   * True when a play through line position `p` can also cover one of the `targets` (a bit per
   * position): the empty squares from p to it, both included, are no more than the hand's tiles.
   */
  private reaches(base: number, p: number, targets: number): boolean {
    const cells = this.cells;
    for (let m = targets; m !== 0; m &= m - 1) {
      const t = 31 - Math.clz32(m & -m);
      const from = p < t ? p : t;
      const to = p < t ? t : p;
      let empty = 0;
      for (let q = from; q <= to && empty <= this.rackCount; q++) if (cells[base + q] === 0) empty++;
      if (empty <= this.rackCount) return true;
    }
    return false;
  }

  /** Searches the collected anchors best bound first, into the top store. */
  private searchAnchors(): void {
    // Best bound first: a binary max-heap of anchor numbers on their bounds.
    const order = this.anchorOrder;
    const bound = this.anchorBound;
    let size = 0;
    for (let k = 0; k < this.anchorCount; k++) {
      if ((bound[k] as number) === -Infinity) continue;
      let c = size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if ((bound[order[parent] as number] as number) >= (bound[k] as number)) break;
        order[c] = order[parent] as number;
        c = parent;
      }
      order[c] = k;
    }
    while (size > 0) {
      const k = order[0] as number;
      const last = order[--size] as number;
      let c = 0;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && (bound[order[child + 1] as number] as number) > (bound[order[child] as number] as number)) child++;
        if ((bound[order[child] as number] as number) <= (bound[last] as number)) break;
        order[c] = order[child] as number;
        c = child;
      }
      order[c] = last;
      // Stop when the n-th best found beats every remaining bound (a tie may still come earlier in the order).
      if (this.topCount === this.topN && (bound[k] as number) < this.worstKey()) break;
      this.genAnchor(k);
    }
    // Sort the kept plays best first.
    this.sortTop();
  }

  /** The i-th play of the last {@link searchTop} (0 is the best), materialised. */
  topPlay(i: number): GeneratedPlay | undefined {
    if (i < 0 || i >= this.topCount) return undefined;
    const slot = this.topHeap[i] as number;
    const count = this.top.tiles[slot] as number;
    const placements: Placement[] = [];
    for (let t = 0; t < count; t++) placements.push({ square: this.top.sq[slot * this.sqBuf.length + t] as number, tile: this.top.tile[slot * this.sqBuf.length + t] as number });
    return new GeneratedPlay(placements, this.top.score[slot] as number, this.top.equity[slot] as number, this.top.dir[slot] === 0, this.currentBoard(), this.config);
  }

  /** Score, equity and tiles of the i-th play of the last {@link searchTop}, without allocating. */
  topPlayScore(i: number): number {
    return this.top.score[this.topHeap[i] as number] as number;
  }

  /** Equity of the i-th play of the last {@link searchTop}. */
  topPlayEquity(i: number): number {
    return this.top.equity[this.topHeap[i] as number] as number;
  }

  /** Number of tiles of the i-th play of the last {@link searchTop}. */
  topPlayTileCount(i: number): number {
    return this.top.tiles[this.topHeap[i] as number] as number;
  }

  /** Square of tile t of the i-th play of the last {@link searchTop} (sorted by square). */
  topPlaySquare(i: number, t: number): number {
    return this.top.sq[(this.topHeap[i] as number) * this.sqBuf.length + t] as number;
  }

  /** Cell value of tile t of the i-th play of the last {@link searchTop}. */
  topPlayTile(i: number, t: number): number {
    return this.top.tile[(this.topHeap[i] as number) * this.sqBuf.length + t] as number;
  }

  /** Direction of the i-th play of the last {@link searchTop}. */
  topPlayAcross(i: number): boolean {
    return this.top.dir[this.topHeap[i] as number] === 0;
  }

  /** Loads the hand; false when it holds more tiles than a search handles. */
  private setRack(hand: readonly Tile[], leaves: LeaveValues | undefined): boolean {
    const rack = this.rack;
    rack.fill(0);
    this.blanks = 0;
    this.rackLo = 0;
    this.rackHi = 0;
    this.rackCount = hand.length;
    if (hand.length > MAX_RACK) return false;
    for (let k = 0; k < hand.length; k++) {
      const t = hand[k] as number;
      if ((t & BLANK) !== 0) {
        this.blanks++;
        rack[64] = (rack[64] as number) + 1;
      } else {
        const g = t & 0x3f;
        rack[g] = (rack[g] as number) + 1;
        if (g < 32) this.rackLo |= 1 << g;
        else this.rackHi |= 1 << (g - 32);
      }
    }
    this.rackLo >>>= 0;
    this.rackHi >>>= 0;
    // Tile values, highest first (blanks 0), for the shadow bounds.
    const rv = this.rackValues;
    let n = 0;
    for (let k = 0; k < hand.length; k++) {
      const t = hand[k] as number;
      const v = (t & BLANK) !== 0 ? 0 : (this.values[t & 0x3f] as number);
      let j = n++;
      while (j > 0 && (rv[j - 1] as number) < v) {
        rv[j] = rv[j - 1] as number;
        j--;
      }
      rv[j] = v;
    }
    // Distinct glyphs by value, highest first.
    let ng = 0;
    for (let g = 1; g < 64; g++) {
      if ((rack[g] as number) === 0) continue;
      const v = this.values[g] as number;
      let j = ng++;
      while (j > 0 && (this.values[this.rackGlyphs[j - 1] as number] as number) < v) {
        this.rackGlyphs[j] = this.rackGlyphs[j - 1] as number;
        j--;
      }
      this.rackGlyphs[j] = g;
    }
    this.rackGlyphCount = ng;
    this.searchStamp = (this.searchStamp + 1) >>> 0;
    this.bingoPoolSize = 0;
    this.setLeaves(leaves);
    return true;
  }

  /** The highest value of a hand tile allowed on line-major square `i` (0 when only a blank fits). */
  private capOf(i: number): number {
    this.extensionSet(i);
    const lo = (this.xlo[i] as number) & (this.extLo[i] as number);
    const hi = (this.xhi[i] as number) & (this.extHi[i] as number);
    for (let k = 0; k < this.rackGlyphCount; k++) {
      const g = this.rackGlyphs[k] as number;
      if (g < 32 ? ((lo >>> g) & 1) !== 0 : ((hi >>> (g - 32)) & 1) !== 0) return this.values[g] as number;
    }
    return 0;
  }

  /**
   * The leave table of the hand: one value per sub-multiset of the hand, indexed in mixed radix
   * (glyph g contributes `count × stride[g]`), so that placing a tile steps the index by a
   * constant. Also the best leave of each size, for the equity bounds.
   */
  private setLeaves(leaves: LeaveValues | undefined): void {
    const rack = this.rack;
    const stride = this.stride;
    const groups = this.leaveGroups;
    stride.fill(0);
    let combos = 1;
    let ng = 0;
    for (let g = 1; g <= 64; g++) {
      const c = rack[g] as number;
      if (c === 0) continue;
      stride[g] = combos;
      combos *= c + 1;
      groups[ng++] = g;
    }
    this.fullLeaveIdx = combos - 1;
    this.useLeaves = leaves !== undefined;
    if (leaves !== undefined) this.lastLeaves = leaves;
    const best = this.bestLeaveOfSize;
    best.fill(leaves === undefined ? 0 : -Infinity);
    // By score, one table per number of blanks left too: a blank placed scores nothing.
    this.extTables = (rack[64] as number) + 1;
    if (leaves === undefined) return;
    // The best leave of each size by the blanks it keeps (the blank's group is the last).
    const width = this.rackCount + 1;
    const blanks = rack[64] as number;
    const blankGroup = blanks > 0 ? ng - 1 : -1;
    const atMost = this.leaveAtMost;
    atMost.fill(-Infinity, 0, (blanks + 1) * width);
    if (this.leaveTable.length < combos) this.leaveTable = new Float64Array(combos);
    const codes = this.leaveCodes;
    const held = this.leaveHeld;
    for (let k = 0; k < ng; k++) {
      const g = groups[k] as number;
      codes[k] = g === 64 ? BLANK : g;
      held[k] = rack[g] as number;
    }
    // Every sub-multiset kept, in index order (an odometer over the glyphs' counts): its value, all
    // at once when the table can, and the best of each size.
    const filled = leaves.subRackValues?.(codes, held, ng, this.leaveTable) === true;
    const kept = this.leaveCounts;
    const buf = this.leaveBuf;
    kept.fill(0);
    let n = 0;
    for (let idx = 0; idx < combos; idx++) {
      let v: number;
      if (filled) v = this.leaveTable[idx] as number;
      else {
        let t = 0;
        for (let k = 0; k < ng; k++) for (let j = kept[k] as number; j > 0; j--) buf[t++] = codes[k] as number;
        v = n === 0 ? 0 : leaves.leaveValue(buf, n);
        this.leaveTable[idx] = v;
      }
      if (v > (best[n] as number)) best[n] = v;
      const at = (blankGroup < 0 ? 0 : (kept[blankGroup] as number)) * width + n;
      if (v > (atMost[at] as number)) atMost[at] = v;
      for (let k = 0; k < ng; k++) {
        if ((kept[k] as number) < (held[k] as number)) {
          kept[k] = (kept[k] as number) + 1;
          n++;
          break;
        }
        n -= kept[k] as number;
        kept[k] = 0;
      }
    }
    // Exactly b blanks -> at most b.
    for (let b = 1; b <= blanks; b++) {
      for (let z = 0; z < width; z++) if ((atMost[(b - 1) * width + z] as number) > (atMost[b * width + z] as number)) atMost[b * width + z] = atMost[(b - 1) * width + z] as number;
    }
  }

  /** The anchors of every line, with their left limits, and their bounds when `bounded`. */
  private collectAnchors(bounded: boolean, changedLinesOnly = false): void {
    this.anchorCount = 0;
    this.extTop = OPEN_EXTENTS;
    const cells = this.cells;
    const start = this.config.layout.start;
    for (let d = 0; d < 2; d++) {
      const lines = d === 0 ? this.rows : this.cols;
      const len = this.lineLength(d);
      const targetsOf = d === 0 ? this.rowTargets : this.colTargets;
      for (let line = 0; line < lines; line++) {
        // After added tiles, only the lines marked with squares where plays change.
        const targets = changedLinesOnly ? (targetsOf[line] as number) : 0;
        if (changedLinesOnly && targets === 0) continue;
        const base = d * this.size + line * len;
        let minLeft = 0;
        for (let p = 0; p < len; p++) {
          const i = base + p;
          const c = cells[i] as number;
          const rightEmpty = p === len - 1 || cells[i + 1] === 0;
          let anchor = false;
          let block = false;
          if (c !== 0) anchor = block = rightEmpty;
          else if (this.tiles === 0) anchor = this.squareOf[i] === start;
          else anchor = (this.xsum[i] as number) >= 0 && rightEmpty && (p === 0 || cells[i - 1] === 0);
          if (!anchor) continue;
          // After added tiles, only anchors whose plays can reach a square where plays change.
          if (targets === 0 || this.reaches(base, p, targets)) {
            // Unbounded searches (and anchors where no play is possible) get the open extent table.
            this.shadowAt = 0;
            this.shadowRowAt = MAX_RACK + 2;
            this.shadowStride = MAX_RACK + 2;
            this.shadowShift = 0;
            const bound = bounded ? this.shadow(d, base, len, p, minLeft, block) : 0;
            this.addAnchor(i, minLeft, bound);
          }
          minLeft = block ? p + 2 : p + 1;
        }
      }
    }
  }

  private addAnchor(i: number, minLeft: number, bound: number): void {
    const k = this.anchorCount++;
    if (k === this.anchorIdx.length) {
      const grow = <T extends Int32Array | Int16Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.anchorIdx = grow(this.anchorIdx, (n) => new Int32Array(n));
      this.anchorMin = grow(this.anchorMin, (n) => new Int16Array(n));
      this.anchorBound = grow(this.anchorBound, (n) => new Float64Array(n));
      this.anchorOrder = grow(this.anchorOrder, (n) => new Int32Array(n));
      this.extOffset = grow(this.extOffset, (n) => new Int32Array(n));
      this.extRows = grow(this.extRows, (n) => new Int32Array(n));
      this.extStrides = grow(this.extStrides, (n) => new Int32Array(n));
      this.extShifts = grow(this.extShifts, (n) => new Int32Array(n));
    }
    this.anchorIdx[k] = i;
    this.anchorMin[k] = minLeft;
    this.anchorBound[k] = bound;
    // The extent table shadow() just wrote (or the open region).
    this.extOffset[k] = this.shadowAt;
    this.extRows[k] = this.shadowRowAt;
    this.extStrides[k] = this.shadowStride;
    this.extShifts[k] = this.shadowShift;
  }

  /** True when some tile of the hand (or a blank) may go on line-major square `i`. */
  private feasible(i: number): boolean {
    this.extensionSet(i);
    const lo = (this.xlo[i] as number) & (this.extLo[i] as number);
    const hi = (this.xhi[i] as number) & (this.extHi[i] as number);
    if (this.blanks > 0) return (lo | hi) !== 0;
    return (lo & this.rackLo) !== 0 || (hi & this.rackHi) !== 0;
  }

  /**
   * The extension set of empty line-major square `i` (cached per board): the glyphs that can go
   * there given the board tiles beside it along the line. Right of a block B, the glyphs y with
   * some word containing By; left of it, the x with xB; between blocks B1 and B2, the x with
   * B1xB2; everything elsewhere. Read from the GADDAG: its paths start at any letter of a word
   * and read leftwards first, so `y, rev(B)` and `rev(B2), x, rev(B1)` are path prefixes.
   */
  private extensionSet(i: number): void {
    if (this.extVersion[i] === this.boardVersion) return;
    this.extVersion[i] = this.boardVersion;
    const cells = this.cells;
    const d = i >= this.size ? 1 : 0;
    const len = this.lineLength(d);
    const p = (i - d * this.size) % len;
    const base = i - p;
    const tileLeft = p > 0 && cells[i - 1] !== 0;
    const tileRight = p + 1 < len && cells[i + 1] !== 0;
    let lo = ALL_LO;
    let hi = ALL_HI;
    if (tileLeft || tileRight) {
      lo = 0;
      hi = 0;
      // The node after the block on the right read backwards (or the root), then each glyph x,
      // then the block on the left read backwards.
      let node = this.gaddagRoot;
      if (tileRight) {
        let e = p + 1;
        while (e + 1 < len && cells[base + e + 1] !== 0) e++;
        for (let q = e; q > p && node !== 0; q--) node = this.childOf(node, (cells[base + q] as number) & 0x3f);
      }
      // The node's glyphs but the separator; with a block on the left, those it can follow.
      const graph = this.graph;
      const head = this.head;
      lo = (graph[node] as number) & ~1;
      hi = head === 2 ? (graph[node + 1] as number) : 0;
      if (tileLeft) {
        let setLo = lo;
        let setHi = hi;
        for (let a = node + head + ((graph[node] as number) & 1); (setLo | setHi) !== 0; a++) {
          // The glyph's bit in its word of the set (the low word first).
          const low = setLo !== 0;
          const bit = low ? setLo & -setLo : setHi & -setHi;
          if (low) setLo ^= bit;
          else setHi ^= bit;
          if (!this.followsLeft((graph[a] as number) >>> 1, base, p - 1)) {
            if (low) lo ^= bit;
            else hi ^= bit;
          }
        }
      }
    }
    this.extLo[i] = lo >>> 0;
    this.extHi[i] = hi >>> 0;
  }

  /** True when the board tiles from line position `q` leftwards (while there are tiles) are a path from `node`. */
  private followsLeft(node: number, base: number, q: number): boolean {
    const cells = this.cells;
    for (let n = node; q >= 0 && cells[base + q] !== 0; q--) {
      const a = arcOf(this.graph, this.head, n, (cells[base + q] as number) & 0x3f);
      if (a < 0) return false;
      n = (this.graph[a] as number) >>> 1;
    }
    return true;
  }



  /**
   * An upper bound of the score (or equity) of any play generated from an anchor: for each way
   * of placing i tiles left and j tiles right of it (through the board tiles they join), the
   * hand's highest tile values paired with the squares' effective multipliers, highest with
   * highest (the rearrangement inequality), plus the board tiles' points, the cross-words'
   * board points and the bonus; with leaves, plus the best leave of the tiles kept. Squares
   * where no tile of the hand fits stop the extension. -Infinity when no play is possible.
   */
  private shadow(d: number, base: number, len: number, p: number, minLeft: number, block: boolean): number {
    const cells = this.cells;
    const values = this.values;
    const rackSize = this.rackCount;
    // The core: the block ending at p, or the empty anchor square itself.
    let coreT = 0;
    let s = p;
    if (block) {
      while (s >= 0 && cells[base + s] !== 0) {
        const v = cells[base + s] as number;
        if ((v & BLANK) === 0) coreT += values[v & 0x3f] as number;
        s--;
      }
      s++;
    } else if (!this.feasible(base + p)) return -Infinity;
    const core = block ? 0 : 1;
    if (core > rackSize) return -Infinity;
    // Placeable squares going left, with the board points they add (the run left of each).
    const left = this.shadowLeft;
    const leftT = this.shadowLeftT;
    let nl = 0;
    let q = s - 1;
    while (q >= minLeft && nl + core < rackSize) {
      if (!this.feasible(base + q)) break;
      let t = 0;
      let r = q - 1;
      while (r >= 0 && cells[base + r] !== 0) {
        const v = cells[base + r] as number;
        if ((v & BLANK) === 0) t += values[v & 0x3f] as number;
        r--;
      }
      left[nl] = base + q;
      leftT[nl] = t;
      this.shadowCapL[nl] = this.capOf(base + q);
      this.shadowStartL[nl] = r + 1;
      nl++;
      q = r;
    }
    const right = this.shadowRight;
    const rightT = this.shadowRightT;
    let nr = 0;
    q = p + 1;
    while (q < len && nr + core < rackSize) {
      if (!this.feasible(base + q)) break;
      let t = 0;
      let r = q + 1;
      while (r < len && cells[base + r] !== 0) {
        const v = cells[base + r] as number;
        if ((v & BLANK) === 0) t += values[v & 0x3f] as number;
        r++;
      }
      right[nr] = base + q;
      rightT[nr] = t;
      this.shadowCapR[nr] = this.capOf(base + q);
      this.shadowEndR[nr] = r - 1;
      nr++;
      q = r;
    }
    let best = -Infinity;
    // This anchor's extent tables (one, or one per number of blanks left): nl + 2 left maxima,
    // then nl + 1 rows of nr + 2; the table of the whole hand last.
    const stride = nr + 2;
    const tables = this.extTables;
    const one = nl + 2 + (nl + 1) * stride;
    const need = tables * one;
    if (this.extTop + need > this.extPool.length) {
      const grown = new Float64Array(2 * (this.extTop + need));
      grown.set(this.extPool);
      this.extPool = grown;
    }
    const ext = this.extPool;
    const first = this.extTop;
    const at = first + (tables - 1) * one;
    const rowAt = at + nl + 2;
    this.extTop += need;
    ext.fill(-Infinity, first, first + need);
    const atMost = this.leaveAtMost;
    const raw = this.shadowRawSum;
    const width = rackSize + 1;
    const coreCap = block ? 0 : this.capOf(base + p);
    const withLeaves = this.useLeaves;
    const rowSum = this.shadowRowSum;
    // With leaves every count of tiles matters (the row's bounds are built square by square);
    // without, the bound grows with the tiles placed, so only the most tiles on each split count
    // (or fewer, when the most cannot be filled) -- unless the hand holds more tiles than a full
    // hand, when playing a full hand's worth (with its bonus) may beat playing more.
    const every = withLeaves || rackSize > this.handSize;
    for (let i = 0; i <= nl; i++) {
      const jTo = Math.min(nr, rackSize - core - i);
      if (withLeaves) this.shadowRow(base + p, core, coreT, coreCap, i, jTo);
      for (let j = jTo; j >= 0; j--) {
        const k = core + i + j;
        if (k === 0 || (k === 1 && !block && i + j === 0)) continue;
        const sum = withLeaves ? (rowSum[j] as number) : this.extentBound(base + p, core, coreT, coreCap, i, j);
        // A play of the whole hand spells an anagram of the hand and the tiles it plays through, each
        // letter allowed where it stands (looked up only when this bound would raise the best).
        if (k === this.handSize && k === rackSize && sum > best && !this.fullHandWordFits(base, i === 0 ? s : (this.shadowStartL[i - 1] as number), j === 0 ? p : (this.shadowEndR[j - 1] as number))) continue;
        if (sum > best) best = sum;
        ext[rowAt + i * stride + j] = sum;
        // Fewer blanks left: by equity, the best leave of the size with at most that many; by
        // score, the hand's best tiles paired with all but the blanks placed.
        for (let b = 0; b < tables - 1; b++) ext[first + b * one + nl + 2 + i * stride + j] = withLeaves ? (raw[j] as number) + (atMost[b * width + rackSize - k] as number) : (this.shadowByPlaced[tables - 1 - b] as number);
        if (!every) break;
      }
    }
    // Suffix maxima: j or more tiles right, then i or more left. Where only the most tiles were
    // bounded (by score), the bound grows with j, so that one also bounds every fewer.
    for (let t = first; t <= at; t += one) {
      let leftBest = -Infinity;
      for (let i = nl; i >= 0; i--) {
        let b = -Infinity;
        for (let j = nr; j >= 0; j--) {
          const v = ext[t + nl + 2 + i * stride + j] as number;
          if (v > b) b = v;
          ext[t + nl + 2 + i * stride + j] = b;
        }
        if (b > leftBest) leftBest = b;
        ext[t + i] = leftBest;
      }
    }
    this.shadowShift = tables > 1 ? one : 0;
    this.shadowAt = at;
    this.shadowRowAt = rowAt;
    this.shadowStride = stride;
    return best;
  }

  /**
   * The bound of one extent (i tiles left of the core at line-major square `at`, j right) from
   * scratch: the board points times the word multiplier, the cross-words' board points, the
   * bonus, and the hand's best tiles paired with the squares' effective multipliers, highest with
   * highest, or each square's best allowed tile (ignoring that tiles are distinct), whichever
   * is lower.
   */
  private extentBound(at: number, core: number, coreT: number, coreCap: number, i: number, j: number): number {
    const left = this.shadowLeft;
    const right = this.shadowRight;
    const capL = this.shadowCapL;
    const capR = this.shadowCapR;
    const leftT = this.shadowLeftT;
    const rightT = this.shadowRightT;
    const e = this.shadowE;
    const rv = this.rackValues;
    const xsum = this.xsum;
    const lmA = this.lm;
    const wmA = this.wm;
    const k = core + i + j;
    let T = coreT;
    let W = 1;
    let X = 0;
    for (let a = 0; a < i; a++) T += leftT[a] as number;
    for (let a = 0; a < j; a++) T += rightT[a] as number;
    for (let a = -core; a < i + j; a++) {
      const idx = a < 0 ? at : a < i ? (left[a] as number) : (right[a - i] as number);
      W *= wmA[idx] as number;
    }
    let n = 0;
    let capSum = 0;
    for (let a = -core; a < i + j; a++) {
      const idx = a < 0 ? at : a < i ? (left[a] as number) : (right[a - i] as number);
      const l = lmA[idx] as number;
      const cs = xsum[idx] as number;
      let ev = l * W;
      if (cs >= 0) {
        ev += l * (wmA[idx] as number);
        X += cs * (wmA[idx] as number);
      }
      capSum += ev * (a < 0 ? coreCap : a < i ? (capL[a] as number) : (capR[a - i] as number));
      // Insert ev into e[0..n) kept in descending order.
      let m = n++;
      while (m > 0 && (e[m - 1] as number) < ev) {
        e[m] = e[m - 1] as number;
        m--;
      }
      e[m] = ev;
    }
    let pairing = 0;
    for (let a = 0; a < k; a++) pairing += (e[a] as number) * (rv[a] as number);
    const fixed = T * W + X + (this.bonusOf[k] as number);
    // With blanks placed (1 .. all), they are among the k tiles and score nothing.
    const byPlaced = this.shadowByPlaced;
    let part = pairing;
    for (let placed = 1; placed < this.extTables; placed++) {
      if (k - placed < 0) {
        byPlaced[placed] = -Infinity;
        continue;
      }
      part -= (e[k - placed] as number) * (rv[k - placed] as number);
      byPlaced[placed] = fixed + (part < capSum ? part : capSum);
    }
    return fixed + (pairing < capSum ? pairing : capSum);
  }

  /**
   * The equity bounds of row i (i tiles left of the core at `at`) for j = 0..jTo tiles right, into
   * `shadowRowSum`: {@link extentBound} plus the best leave of the tiles kept, built as each square
   * joins (its multipliers inserted in order; a word multiplier re-sorts them). Sums of integer
   * products, so each bound is exactly the one computed from scratch.
   */
  private shadowRow(at: number, core: number, coreT: number, coreCap: number, i: number, jTo: number): void {
    const left = this.shadowLeft;
    const right = this.shadowRight;
    const capL = this.shadowCapL;
    const capR = this.shadowCapR;
    const leftT = this.shadowLeftT;
    const rightT = this.shadowRightT;
    const e = this.shadowE;
    const sqL = this.shadowSqL;
    const sqC = this.shadowSqC;
    const rv = this.rackValues;
    const xsum = this.xsum;
    const lmA = this.lm;
    const wmA = this.wm;
    const rackSize = this.rackCount;
    const rowSum = this.shadowRowSum;
    // Each square's letter multiplier and its cross-word part (l × its word multiplier when it
    // makes one); its effective multiplier is l × W + c. A1 and A2 sum l × cap and c × cap.
    let T = coreT;
    let W = 1;
    let X = 0;
    let A1 = 0;
    let A2 = 0;
    let n = 0;
    for (let a = -core; a < i + jTo; a++) {
      const idx = a < 0 ? at : a < i ? (left[a] as number) : (right[a - i] as number);
      if (a >= 0) T += a < i ? (leftT[a] as number) : (rightT[a - i] as number);
      const l = lmA[idx] as number;
      const wmx = wmA[idx] as number;
      const cs = xsum[idx] as number;
      const c = cs >= 0 ? l * wmx : 0;
      if (cs >= 0) X += cs * wmx;
      const cap = a < 0 ? coreCap : a < i ? (capL[a] as number) : (capR[a - i] as number);
      A1 += l * cap;
      A2 += c * cap;
      sqL[n] = l;
      sqC[n] = c;
      n++;
      if (wmx !== 1) {
        // A new word multiplier: every effective multiplier changes; sort them again.
        W *= wmx;
        for (let m = 0; m < n; m++) {
          const ev = (sqL[m] as number) * W + (sqC[m] as number);
          let r = m;
          while (r > 0 && (e[r - 1] as number) < ev) {
            e[r] = e[r - 1] as number;
            r--;
          }
          e[r] = ev;
        }
      } else {
        const ev = l * W + c;
        let r = n - 1;
        while (r > 0 && (e[r - 1] as number) < ev) {
          e[r] = e[r - 1] as number;
          r--;
        }
        e[r] = ev;
      }
      // The squares so far are the extent with j = a - i + 1 tiles right (the core and the left part first).
      const j = a - i + 1;
      if (j < 0) continue;
      const k = n;
      let pairing = 0;
      for (let m = 0; m < k; m++) pairing += (e[m] as number) * (rv[m] as number);
      const capSum = W * A1 + A2;
      const score = T * W + X + (this.bonusOf[k] as number) + (pairing < capSum ? pairing : capSum);
      this.shadowRawSum[j] = score;
      rowSum[j] = score + (this.bestLeaveOfSize[rackSize - k] as number);
    }
  }

  /**
   * Whether a full-hand word can fill squares `from..to` of the line at `base`: an anagram of the
   * hand (a blank as any letter) and the board tiles there, each board tile where it is and each
   * new letter allowed by its square's cross-check. True when the index cannot tell (two blanks,
   * more than three board tiles). The words of each set of board tiles are found once a search.
   */
  private fullHandWordFits(base: number, from: number, to: number): boolean {
    if (this.blanks > 1) return true;
    const cells = this.cells;
    // The board tiles, up to three, sorted into a key.
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let m = 0;
    for (let q = from; q <= to; q++) {
      const v = cells[base + q] as number;
      if (v === 0) continue;
      if (++m > 3) return true;
      let g = v & 0x3f;
      if (m === 1) t0 = g;
      else {
        if (g < t0) {
          const x = t0;
          t0 = g;
          g = x;
        }
        if (m === 2) t1 = g;
        else if (g < t1) {
          t2 = t1;
          t1 = g;
        } else t2 = g;
      }
    }
    const key = ((t0 * 64 + t1) * 64 + t2) * 4 + m;
    const e = Math.imul(key, 0x9e3779b1) >>> 22;
    if (this.bingoStamp[e] !== this.searchStamp || this.bingoKey[e] !== key) this.findBingoSlots(e, key, t0, t1, t2, m);
    const count = this.bingoCount[e] as number;
    if (count < 0) return true;
    const index = this.alphagrams as AlphagramIndex;
    const words = index.words;
    const len = to - from + 1;
    const xlo = this.xlo;
    const xhi = this.xhi;
    const first = this.bingoFirst[e] as number;
    for (let t = first; t < first + count; t++) {
      const slot = this.bingoPool[t] as number;
      for (let w = index.wordsFrom(slot), end = index.wordsTo(slot); w < end; w += len) {
        let fits = true;
        for (let q = from; q <= to && fits; q++) {
          const g = words[w + q - from] as number;
          const c = cells[base + q] as number;
          if (c !== 0) fits = (c & 0x3f) === g;
          else fits = g < 32 ? (((xlo[base + q] as number) >>> g) & 1) !== 0 : (((xhi[base + q] as number) >>> (g - 32)) & 1) !== 0;
        }
        if (fits) return true;
      }
    }
    return false;
  }

  /**
   * Into cache entry `e`: the alphagram slots of the full-hand words through the board tiles
   * `t0, t1, t2` (the first `m` of them; `key` their key): the hand's letters and those tiles, a
   * blank taken as each letter in turn. A count of -1 when the index cannot tell.
   */
  private findBingoSlots(e: number, key: number, t0: number, t1: number, t2: number, m: number): void {
    this.alphagrams ??= alphagramIndex(this.dictionary, this.handSize);
    const index = this.alphagrams;
    // The hand's letters and the board tiles, sorted (codes ascending).
    const sorted = this.bingoSorted;
    const size = this.config.alphabet.size;
    let len = 0;
    for (let g = 1; g <= size; g++) {
      let c = this.rack[g] as number;
      if (m >= 1 && g === t0) c++;
      if (m >= 2 && g === t1) c++;
      if (m >= 3 && g === t2) c++;
      for (; c > 0 && len < sorted.length - 1; c--) sorted[len++] = g;
    }
    const pool = this.bingoPool;
    const first = this.bingoPoolSize;
    const withX = this.bingoWithX;
    let n = 0;
    let known = true;
    // Without a blank one lookup; with one, a lookup for each letter it may stand for (inserted in order).
    for (let x = this.blanks === 0 ? 0 : 1, last = this.blanks === 0 ? 0 : size; x <= last && known; x++) {
      let slot: number;
      if (x === 0) slot = index.findSorted(sorted, len);
      else {
        let w = 0;
        let r = 0;
        while (r < len && (sorted[r] as number) <= x) withX[w++] = sorted[r++] as number;
        withX[w++] = x;
        while (r < len) withX[w++] = sorted[r++] as number;
        slot = index.findSorted(withX, w);
      }
      if (slot === BEYOND || first + n >= pool.length) known = false;
      else if (slot >= 0) pool[first + n++] = slot;
    }
    this.bingoStamp[e] = this.searchStamp;
    this.bingoKey[e] = key;
    this.bingoFirst[e] = first;
    this.bingoCount[e] = known ? n : -1;
    if (known) this.bingoPoolSize = first + n;
  }

  /** Generates the plays of anchor number `k`. */
  private genAnchor(k: number): void {
    const i = this.anchorIdx[k] as number;
    const d = i >= this.size ? 1 : 0;
    const len = this.lineLength(d);
    const p = (i - d * this.size) % len;
    this.dir = d;
    this.across = d === 0;
    this.base = i - p;
    this.lineLen = len;
    this.anchorPos = p;
    this.minLeft = this.anchorMin[k] as number;
    this.placed = 0;
    this.core = this.cells[i] !== 0 ? 0 : 1;
    this.extLeftAt = this.extOffset[k] as number;
    this.extRowAt = this.extRows[k] as number;
    this.extStride = this.extStrides[k] as number;
    this.extShift = this.extShifts[k] as number;
    this.place(p, this.gaddagRoot, 0, 1, 0, -1);
  }

  /**
   * Covers line position `pos` from `node`: follows the board tile there, or tries each glyph the
   * node, the cross-check and the hand (or a blank) allow. `leftStart` is -1 while the word grows
   * leftwards, else the position where it begins.
   */
  private place(pos: number, node: number, mainSum: number, wordMult: number, crossTotal: number, leftStart: number): void {
    const i = this.base + pos;
    const c = this.cells[i] as number;
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
        if (leftStart < 0) this.afterLeft(pos, v, mainSum + lv, nextMult, cross);
        else this.afterRight(pos, v, mainSum + lv, nextMult, cross, leftStart);
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

  /** The arc (value `v`) just covered position `pos` going left: record, extend left, or turn. */
  private afterLeft(pos: number, v: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const cells = this.cells;
    const i = this.base + pos;
    const leftEmpty = pos === 0 || cells[i - 1] === 0;
    // The square right of the anchor is always empty (a block's end, or an empty anchor's neighbour).
    if ((v & 1) !== 0 && leftEmpty) this.record(pos, this.anchorPos, mainSum, wordMult, crossTotal);
    const next = v >>> 1;
    if (next === 0) return;
    // The extents still reachable must be able to beat the floor: going on left (through board
    // tiles, or with one more tile), or turning with this many tiles left.
    const left = this.placed - this.core;
    const ext = this.extPool;
    if (pos > 0 && (!leftEmpty || (pos > this.minLeft && (ext[this.extLeftAt + left + 1] as number) >= this.floor))) this.place(pos - 1, next, mainSum, wordMult, crossTotal, -1);
    // Turn at the separator (glyph 0 sorts first in a list).
    if (leftEmpty && this.anchorPos + 1 < this.lineLen && (ext[this.extRowAt + left * this.extStride + 1] as number) >= this.floor) {
      if (((this.graph[next] as number) & 1) !== 0) {
        const sepTarget = (this.graph[next + this.head] as number) >>> 1;
        this.turnLeft = left;
        if (sepTarget !== 0) this.place(this.anchorPos + 1, sepTarget, mainSum, wordMult, crossTotal, pos);
      }
    }
  }

  private afterRight(pos: number, v: number, mainSum: number, wordMult: number, crossTotal: number, leftStart: number): void {
    const rightEmpty = pos + 1 >= this.lineLen || this.cells[this.base + pos + 1] === 0;
    if ((v & 1) !== 0 && rightEmpty) this.record(leftStart, pos, mainSum, wordMult, crossTotal);
    const next = v >>> 1;
    if (next === 0 || pos + 1 >= this.lineLen) return;
    // One more tile right must still be able to beat the floor.
    if (rightEmpty && (this.extPool[this.extRowAt + this.turnLeft * this.extStride + (this.placed - this.core - this.turnLeft) + 1] as number) < this.floor) return;
    this.place(pos + 1, next, mainSum, wordMult, crossTotal, leftStart);
  }

  private record(startP: number, endP: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const n = this.placed;
    if (n === 0 || endP === startP) return;
    // A single tile is reported once: down only when it touches no tile across.
    if (n === 1 && this.dir === 1 && (this.xsum[this.base + (this.posBuf[0] as number)] as number) >= 0) return;
    const score = mainSum * wordMult + crossTotal + (this.bonusOf[n] as number);
    let equity = score;
    if (this.useLeaves) {
      let idx = this.fullLeaveIdx;
      for (let t = 0; t < n; t++) {
        const tile = this.tileBuf[t] as number;
        idx -= this.stride[(tile & BLANK) !== 0 ? 64 : tile] as number;
      }
      equity += this.leaveTable[idx] as number;
    }
    this.score = score;
    this.equity = equity;
    this.wordStart = this.squareOf[this.base + startP] as number;
    this.wordLength = endP - startP + 1;
    if (this.mode === MODE_VISIT) this.onPlay(this);
    else if (this.mode === MODE_TOP) this.offerTop(equity, score);
    else {
      this.sortCurrent();
      this.store.push(equity, score, this.dir, this.placed, this.sortSq, this.sortTile);
    }
  }

  // ---- the top-N store ----------------------------------------------------------------------

  private prepareTop(n: number): void {
    this.topN = n;
    this.topCount = 0;
    this.floor = -Infinity;
    if (this.top.capacity < n) {
      this.top = new PlaySlots(n, this.sqBuf.length);
      this.topHeap = new Int32Array(n);
    }
  }

  /** The ranking key of the worst kept play (what a bound must reach to matter). */
  private worstKey(): number {
    return this.top.equity[this.topHeap[0] as number] as number;
  }

  /** Sorts the current play's tiles by square into the sort buffers. */
  private sortCurrent(): void {
    const n = this.placed;
    for (let k = 0; k < n; k++) {
      const s = this.sqBuf[k] as number;
      const t = this.tileBuf[k] as number;
      let j = k;
      while (j > 0 && (this.sortSq[j - 1] as number) > s) {
        this.sortSq[j] = this.sortSq[j - 1] as number;
        this.sortTile[j] = this.sortTile[j - 1] as number;
        j--;
      }
      this.sortSq[j] = s;
      this.sortTile[j] = t;
    }
  }

  /**
   * The order of {@link comparePlays} between the current play (sorted into the sort buffers)
   * and slot `slot`: negative when the current play comes first.
   */
  private compareCurrent(equity: number, score: number, slot: number): number {
    const se = this.top.equity[slot] as number;
    if (equity !== se) return equity > se ? -1 : 1;
    const ss = this.top.score[slot] as number;
    if (score !== ss) return score > ss ? -1 : 1;
    const sd = this.top.dir[slot] as number;
    if (this.dir !== sd) return this.dir < sd ? -1 : 1;
    const w = this.sqBuf.length;
    const m = Math.min(this.placed, this.top.tiles[slot] as number);
    for (let k = 0; k < m; k++) {
      const a = this.sortSq[k] as number;
      const b = this.top.sq[slot * w + k] as number;
      if (a !== b) return a - b;
      const x = this.sortTile[k] as number;
      const y = this.top.tile[slot * w + k] as number;
      if (x !== y) return x - y;
    }
    return this.placed - (this.top.tiles[slot] as number);
  }

  /** Order between two slots, as {@link compareCurrent}. */
  private compareSlots(a: number, b: number): number {
    const ea = this.top.equity[a] as number;
    const eb = this.top.equity[b] as number;
    if (ea !== eb) return ea > eb ? -1 : 1;
    const sa = this.top.score[a] as number;
    const sb = this.top.score[b] as number;
    if (sa !== sb) return sa > sb ? -1 : 1;
    const da = this.top.dir[a] as number;
    const db = this.top.dir[b] as number;
    if (da !== db) return da - db;
    const w = this.sqBuf.length;
    const m = Math.min(this.top.tiles[a] as number, this.top.tiles[b] as number);
    for (let k = 0; k < m; k++) {
      const x = this.top.sq[a * w + k] as number;
      const y = this.top.sq[b * w + k] as number;
      if (x !== y) return x - y;
      const u = this.top.tile[a * w + k] as number;
      const v = this.top.tile[b * w + k] as number;
      if (u !== v) return u - v;
    }
    return (this.top.tiles[a] as number) - (this.top.tiles[b] as number);
  }

  private offerTop(equity: number, score: number): void {
    const heap = this.topHeap;
    let slot: number;
    if (this.topCount < this.topN) {
      slot = this.topCount;
    } else {
      // The heap's root is the worst kept play: replace it when the current play comes first.
      const worst = heap[0] as number;
      const we = this.top.equity[worst] as number;
      if (equity < we) return;
      this.sortCurrent();
      if (this.compareCurrent(equity, score, worst) >= 0) return;
      slot = worst;
    }
    if (this.topCount < this.topN) this.sortCurrent();
    const w = this.sqBuf.length;
    this.top.score[slot] = score;
    this.top.equity[slot] = equity;
    this.top.dir[slot] = this.dir;
    this.top.start[slot] = this.wordStart;
    this.top.len[slot] = this.wordLength;
    this.top.tiles[slot] = this.placed;
    for (let k = 0; k < this.placed; k++) {
      this.top.sq[slot * w + k] = this.sortSq[k] as number;
      this.top.tile[slot * w + k] = this.sortTile[k] as number;
    }
    if (this.topCount < this.topN) {
      // Sift up (the worst on top: a slot moves up while it ranks after its parent).
      let c = this.topCount++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (this.compareSlots(heap[parent] as number, slot) >= 0) break;
        heap[c] = heap[parent] as number;
        c = parent;
      }
      heap[c] = slot;
    } else {
      // Sift down from the root.
      let c = 0;
      const size = this.topCount;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && this.compareSlots(heap[child + 1] as number, heap[child] as number) > 0) child++;
        if (this.compareSlots(heap[child] as number, slot) <= 0) break;
        heap[c] = heap[child] as number;
        c = child;
      }
      heap[c] = slot;
    }
    if (this.topCount === this.topN) this.floor = this.worstKey();
  }

  /** Orders the kept plays best first (the heap array becomes a sorted list of slots). */
  private sortTop(): void {
    const list = Array.from(this.topHeap.subarray(0, this.topCount));
    list.sort((a, b) => this.compareSlots(a, b));
    for (let k = 0; k < list.length; k++) this.topHeap[k] = list[k] as number;
  }

  // ---- PlayView ------------------------------------------------------------------------

  square(i: number): number {
    return this.sqBuf[i] as number;
  }

  tile(i: number): number {
    return this.tileBuf[i] as number;
  }

  placements(): Placement[] {
    const out: Placement[] = [];
    for (let i = 0; i < this.placed; i++) out.push({ square: this.sqBuf[i] as number, tile: this.tileBuf[i] as number });
    return out.sort((x, y) => x.square - y.square);
  }
}

/**
 * Plays in slots of parallel typed arrays (room for `capacity` plays of at most `width` tiles,
 * sorted by square): the generator's top N and the plays {@link MoveGenerator.keepPrior} keeps.
 */
class PlaySlots {
  readonly score: Float64Array;
  readonly equity: Float64Array;
  readonly dir: Uint8Array;
  /** The main word's first square and length. */
  readonly start: Int16Array;
  readonly len: Uint8Array;
  /** The number of tiles placed, and their squares and tiles at `slot × width`. */
  readonly tiles: Uint8Array;
  readonly sq: Int16Array;
  readonly tile: Uint8Array;

  constructor(
    readonly capacity: number,
    readonly width: number,
  ) {
    this.score = new Float64Array(capacity);
    this.equity = new Float64Array(capacity);
    this.dir = new Uint8Array(capacity);
    this.start = new Int16Array(capacity);
    this.len = new Uint8Array(capacity);
    this.tiles = new Uint8Array(capacity);
    this.sq = new Int16Array(capacity * width);
    this.tile = new Uint8Array(capacity * width);
  }

  /** Copies slot `from` of `source` (of the same width) into slot `to`. */
  copySlot(source: PlaySlots, from: number, to: number): void {
    const w = this.width;
    this.score[to] = source.score[from] as number;
    this.equity[to] = source.equity[from] as number;
    this.dir[to] = source.dir[from] as number;
    this.start[to] = source.start[from] as number;
    this.len[to] = source.len[from] as number;
    this.tiles[to] = source.tiles[from] as number;
    for (let t = 0; t < w; t++) {
      this.sq[to * w + t] = source.sq[from * w + t] as number;
      this.tile[to * w + t] = source.tile[from * w + t] as number;
    }
  }
}

/** Sets bit `pos` of `targets[line]`. */
function mark(targets: Uint32Array, line: number, pos: number): void {
  targets[line] = ((targets[line] as number) | (1 << pos)) >>> 0;
}

let warmedUp = false;

/**
 * Runs every kind of search on small positions (blank and no blank, by score and by equity,
 * through board tiles on either side, with a callback) before any real work, hands growing from
 * one tile to seven so that the first searches are tiny: every branch of the recursion has run
 * before V8 finds it hot and compiles it. Why: V8 (Node 20) compiles the recursion while its first
 * long search is still running; a branch that had not run yet then deoptimizes it, and when that
 * happens while an on-stack-replacement compile of `place` is in flight, `place` stays for the
 * process's life in a mode that enters the replacement code at every call, about 3x slower.
 * Measured with `--trace-osr` (millions of OSR entries for `place` in a slow process, none in a
 * normal one): warming up with full hands first left about one process in eight slow.
 */
function warmUp(g: MoveGenerator): void {
  g.setBoard(Board.empty(g.rows, g.cols));
  const size = g.config.alphabet.size;
  const most = Math.min(7, g.config.handSize);
  const leaves: LeaveValues = { leaveValue: (_, n) => n * 0.5 };
  const noop = (): void => undefined;
  const handOf = (n: number, k: number): Tile[] => {
    const hand: Tile[] = [];
    for (let i = 0; i < n; i++) hand.push(1 + ((i * 5 + n * 3 + k) % size));
    if (n >= 3 && k === 0) hand[n - 1] = hand[n - 2] as Tile;
    if (k === 1) hand[0] = BLANK;
    return hand;
  };
  const play = (hand: Tile[]): void => {
    if (g.searchTop(hand, 1) > 0) g.applyTopPlay(0);
  };
  // Tiles on the board first: single tiles with gaps between them (words cross a gap and meet a
  // tile on either side; they need not be words for the search), then a two-letter play.
  const mr = g.rows >> 1;
  const mc = g.cols >> 1;
  const singles: Placement[] = [];
  for (const [dr, dc] of [[0, -2], [0, 1], [2, 1], [-2, 0]] as const) {
    const r = mr + dr;
    const c = mc + dc;
    if (r >= 0 && r < g.rows && c >= 0 && c < g.cols) singles.push({ square: r * g.cols + c, tile: 1 + ((singles.length * 4) % size) });
  }
  g.applyPlacements(singles);
  play(handOf(2, 1));
  for (let n = 1; n <= most; n++) {
    for (let k = 1; k >= 0; k--) {
      const hand = handOf(n, k);
      g.generate(hand, noop);
      g.generate(hand, noop, { leaves });
      g.searchTop(hand, 1);
      g.searchTop(hand, 3, { leaves });
      g.collectAll(hand);
    }
    if (n === 3) play(handOf(3, 1));
  }
  while (g.undo());
}

/**
 * Plays stored compactly (no object per play): score, equity, direction and tiles sorted by
 * square in flat typed arrays, a fixed width of tiles per play.
 */
export class PlayStore {
  count = 0;
  private readonly width: number;
  private scores: Float64Array;
  private equities: Float64Array;
  private dirs: Uint8Array;
  private sizes: Uint8Array;
  private squares: Int16Array;
  private tiles: Uint8Array;
  /** The slots in {@link comparePlays} order, after {@link sort}. */
  order: Int32Array = new Int32Array(0);

  /** An empty store of plays of at most `width` tiles, room for `capacity` to start with. */
  constructor(width: number, capacity = 256) {
    this.width = width;
    this.scores = new Float64Array(capacity);
    this.equities = new Float64Array(capacity);
    this.dirs = new Uint8Array(capacity);
    this.sizes = new Uint8Array(capacity);
    this.squares = new Int16Array(capacity * width);
    this.tiles = new Uint8Array(capacity * width);
  }

  /** Adds a play: its tiles sorted by square in `squares[0..size)` and `tiles[0..size)`. */
  push(equity: number, score: number, dir: number, size: number, squares: Int16Array, tiles: Uint8Array): void {
    const n = this.count;
    if (n === this.scores.length) this.grow();
    this.scores[n] = score;
    this.equities[n] = equity;
    this.dirs[n] = dir;
    this.sizes[n] = size;
    const at = n * this.width;
    for (let k = 0; k < size; k++) {
      this.squares[at + k] = squares[k] as number;
      this.tiles[at + k] = tiles[k] as number;
    }
    this.count = n + 1;
  }

  private grow(): void {
    const n = Math.max(this.scores.length * 2, 64);
    const copy = <T extends Float64Array | Uint8Array | Int16Array>(a: T, make: (k: number) => T, k: number): T => {
      const b = make(k);
      b.set(a);
      return b;
    };
    this.scores = copy(this.scores, (k) => new Float64Array(k), n);
    this.equities = copy(this.equities, (k) => new Float64Array(k), n);
    this.dirs = copy(this.dirs, (k) => new Uint8Array(k), n);
    this.sizes = copy(this.sizes, (k) => new Uint8Array(k), n);
    this.squares = copy(this.squares, (k) => new Int16Array(k), n * this.width);
    this.tiles = copy(this.tiles, (k) => new Uint8Array(k), n * this.width);
  }

  /**
   * Orders the slots as {@link comparePlays} orders plays. Whole-number equities (scores) go
   * through a counting sort by equity and direction, then each bucket by the full comparison;
   * others through a comparison sort.
   */
  sort(): void {
    const n = this.count;
    if (n === 0) {
      this.order = new Int32Array(0);
      return;
    }
    let whole = true;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const e = this.equities[i] as number;
      if (!Number.isInteger(e) || this.scores[i] !== e) whole = false;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    if (!whole || hi - lo > 4096) {
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((a, b) => this.compare(a, b));
      this.order = Int32Array.from(order);
      return;
    }
    // A counting sort by (equity, direction), then each bucket in order by its tiles.
    const buckets = (hi - lo) * 2 + 2;
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) {
      const k = (hi - (this.equities[i] as number)) * 2 + (this.dirs[i] as number);
      start[k + 1] = (start[k + 1] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const order = new Int32Array(n);
    const fill = start.slice();
    for (let i = 0; i < n; i++) {
      const k = (hi - (this.equities[i] as number)) * 2 + (this.dirs[i] as number);
      order[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) {
      const from = start[k] as number;
      const to = start[k + 1] as number;
      if (to - from < 2) continue;
      if (to - from <= 24) {
        for (let x = from + 1; x < to; x++) {
          const slot = order[x] as number;
          let y = x;
          while (y > from && this.compare(order[y - 1] as number, slot) > 0) {
            order[y] = order[y - 1] as number;
            y--;
          }
          order[y] = slot;
        }
      } else order.set(Array.from(order.subarray(from, to)).sort((u, v) => this.compare(u, v)), from);
    }
    this.order = order;
  }

  /** A copy trimmed to the plays stored (the store itself is reused by the next search). */
  snapshot(): PlayStore {
    const copy = new PlayStore(this.width, this.count);
    copy.count = this.count;
    copy.scores.set(this.scores.subarray(0, this.count));
    copy.equities.set(this.equities.subarray(0, this.count));
    copy.dirs.set(this.dirs.subarray(0, this.count));
    copy.sizes.set(this.sizes.subarray(0, this.count));
    copy.squares.set(this.squares.subarray(0, this.count * this.width));
    copy.tiles.set(this.tiles.subarray(0, this.count * this.width));
    copy.order = this.order;
    return copy;
  }

  private compare(a: number, b: number): number {
    const ea = this.equities[a] as number;
    const eb = this.equities[b] as number;
    if (ea !== eb) return eb - ea;
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    if (sa !== sb) return sb - sa;
    const da = this.dirs[a] as number;
    const db = this.dirs[b] as number;
    if (da !== db) return da - db;
    const w = this.width;
    const na = this.sizes[a] as number;
    const nb = this.sizes[b] as number;
    const m = na < nb ? na : nb;
    for (let k = 0; k < m; k++) {
      const x = (this.squares[a * w + k] as number) - (this.squares[b * w + k] as number);
      if (x !== 0) return x;
      const y = (this.tiles[a * w + k] as number) - (this.tiles[b * w + k] as number);
      if (y !== 0) return y;
    }
    return na - nb;
  }

  /** The score of the play in `slot`. */
  score(slot: number): number {
    return this.scores[slot] as number;
  }

  /** The equity (score plus leave value) of the play in `slot`. */
  equity(slot: number): number {
    return this.equities[slot] as number;
  }

  /** True when the play in `slot` goes across. */
  across(slot: number): boolean {
    return this.dirs[slot] === 0;
  }

  /** The placements of a slot, sorted by square (allocates). */
  placements(slot: number): Placement[] {
    const out: Placement[] = [];
    const at = slot * this.width;
    for (let k = 0; k < (this.sizes[slot] as number); k++) out.push({ square: this.squares[at + k] as number, tile: this.tiles[at + k] as number });
    return out;
  }
}

/**
 * A generated play: its placements (sorted by square), score, equity and direction. Plays from
 * {@link allPlays} build their placements and record notation (`8H WO.D`) when first read.
 */
export class GeneratedPlay {
  readonly score: number;
  /** Score plus leave value (the score when ranked without leaves). */
  readonly equity: number;
  readonly direction: 'across' | 'down';
  #placements: readonly Placement[] | undefined;
  #store: PlayStore | undefined;
  #slot = 0;
  #notation: string | undefined;
  readonly #board: Board;
  readonly #config: GameConfig;

  /** A play: its tiles (or where a store keeps them), score, equity, direction, the board before it and the configuration. */
  constructor(placements: readonly Placement[] | { readonly store: PlayStore; readonly slot: number }, score: number, equity: number, across: boolean, board: Board, config: GameConfig) {
    if (Array.isArray(placements)) this.#placements = placements;
    else {
      const ref = placements as { readonly store: PlayStore; readonly slot: number };
      this.#store = ref.store;
      this.#slot = ref.slot;
    }
    this.score = score;
    this.equity = equity;
    this.direction = across ? 'across' : 'down';
    this.#board = board;
    this.#config = config;
  }

  /** The new tiles, sorted by square. */
  get placements(): readonly Placement[] {
    if (this.#placements === undefined) {
      this.#placements = Object.freeze((this.#store as PlayStore).placements(this.#slot));
      this.#store = undefined;
    }
    return this.#placements;
  }

  /** Record notation against the board before the play (`8H WO.D`). */
  get notation(): string {
    if (this.#notation === undefined) {
      const r = formatPlay(this.placements, this.#board, this.#config.alphabet);
      this.#notation = r.ok ? r.value : '?';
    }
    return this.#notation;
  }

  /** A plain-data copy (what JSON.stringify writes). */
  toJSON(): { placements: readonly Placement[]; score: number; equity: number; direction: 'across' | 'down'; notation: string } {
    return { placements: this.placements, score: this.score, equity: this.equity, direction: this.direction, notation: this.notation };
  }
}

/**
 * The order of plays: higher equity first (equity equals score when ranked without leaves); then
 * higher score; then across before down; then the new tiles' squares and cell values, in square
 * order; then fewer tiles. Deterministic, so the best play and top-N lists are reproducible.
 */
export function comparePlays(a: GeneratedPlay, b: GeneratedPlay): number {
  if (a.equity !== b.equity) return b.equity - a.equity;
  if (a.score !== b.score) return b.score - a.score;
  if (a.direction !== b.direction) return a.direction === 'across' ? -1 : 1;
  const n = Math.min(a.placements.length, b.placements.length);
  for (let i = 0; i < n; i++) {
    const x = a.placements[i] as Placement;
    const y = b.placements[i] as Placement;
    if (x.square !== y.square) return x.square - y.square;
    if (x.tile !== y.tile) return x.tile - y.tile;
  }
  return a.placements.length - b.placements.length;
}

/** Every legal play of a hand, sorted by {@link comparePlays}. */
export function allPlays(generator: MoveGenerator, hand: readonly Tile[], options: SearchOptions = {}): GeneratedPlay[] {
  const board = generator.currentBoard();
  const config = generator.config;
  const store = generator.collectAll(hand, options);
  const out: GeneratedPlay[] = new Array(store.count);
  for (let i = 0; i < store.count; i++) {
    const slot = store.order[i] as number;
    out[i] = new GeneratedPlay({ store, slot }, store.score(slot), store.equity(slot), store.across(slot), board, config);
  }
  return out;
}

/** The best `n` plays, in the order of {@link comparePlays}, found without generating them all. */
export function topPlays(generator: MoveGenerator, hand: readonly Tile[], n: number, options: SearchOptions = {}): GeneratedPlay[] {
  const count = generator.searchTop(hand, Math.max(0, Math.trunc(n)), options);
  const out: GeneratedPlay[] = [];
  for (let i = 0; i < count; i++) out.push(generator.topPlay(i) as GeneratedPlay);
  return out;
}

/**
 * The best play (highest equity with leaves, else highest score; ties broken by
 * {@link comparePlays}), or undefined when there is none. Exact: the same play as sorting
 * {@link allPlays}, found by the bounded search.
 */
export function bestPlay(generator: MoveGenerator, hand: readonly Tile[], options: SearchOptions = {}): GeneratedPlay | undefined {
  return generator.searchTop(hand, 1, options) === 0 ? undefined : generator.topPlay(0);
}

