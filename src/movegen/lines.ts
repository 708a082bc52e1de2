import { Board } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import { arcOf, type SearchGraph } from './graph.js';

/** Every glyph code 1-31 of a set's low word (bit 0 is the GADDAG separator's). */
const ALL_LO = 0xfffffffe;
/** Every glyph code 32-63 of a set's high word. */
const ALL_HI = 0xffffffff;

/** The cross-check memo's entries (a power of two), and its bits. */
const CROSS_MEMO_BITS = 12;
const CROSS_MEMO = 1 << CROSS_MEMO_BITS;

/**
 * The board as the move generator reads it: both directions stored line-major, so a down line
 * is contiguous like a row, each square with its cross-check and its extension set, updated
 * incrementally as tiles come and go.
 *
 * ```
 * index i = d × size + line × lineLength(d) + position      d = 0 across (rows), 1 down (columns)
 * cells[i]      the cell value (0 empty; glyph code, BLANK | code for a blank)
 * xlo[i] xhi[i] cross-check: the glyphs (bits 1-31, 32-63) that make the perpendicular word a word
 * xsum[i]       points of the perpendicular word's tiles; -1 when the square has no perpendicular neighbour
 * lm wm dead    the square's letter and word multipliers, and 1 for a square no tile may take
 * squareOf[i]   the board square
 * extLo extHi   extension set: the glyphs the board tiles beside it along the line allow
 * ```
 *
 * Each change in place ({@link BoardLines.apply}) is logged (index, old values) so that
 * {@link BoardLines.undo} takes it back in order.
 */
export class BoardLines {
  readonly rows: number;
  readonly cols: number;
  /** Squares of the board (the index of the first down line). */
  readonly size: number;
  readonly cells: Uint8Array;
  readonly xlo: Uint32Array;
  readonly xhi: Uint32Array;
  readonly xsum: Int16Array;
  readonly lm: Uint8Array;
  readonly wm: Uint8Array;
  readonly dead: Uint8Array;
  readonly squareOf: Int16Array;
  readonly extLo: Uint32Array;
  readonly extHi: Uint32Array;
  /** Squares and cell values of the tiles {@link apply} adds (the caller fills them). */
  readonly applySq: Int32Array;
  readonly applyTile: Int32Array;
  /** Tiles on the board. */
  tiles = 0;
  readonly #graph: Uint32Array;
  readonly #head: number;
  readonly #dawgRoot: number;
  readonly #gaddagRoot: number;
  readonly #values: Uint8Array;
  /** Every glyph of the alphabet (a square with no perpendicular neighbour allows them all). */
  readonly #allLo: number;
  readonly #allHi: number;
  #boardCache: Board | undefined;
  /**
   * Extension sets are cached per line-major square: `extVersion[i] === boardVersion` when the
   * set of square i is up to date. `set` bumps the version (every set stale); a change in place
   * (`apply`, `undo`) marks stale (0) only the squares beside the runs it changed, the only ones
   * whose neighbouring tiles along the line differ.
   */
  #boardVersion = 1;
  readonly #extVersion: Uint32Array;
  /** What {@link findRun} found (line-major squares). */
  #lineFrom = 0;
  #lineTo = 0;
  #runFrom = 0;
  #runTo = 0;
  // Undo log: entries (index, old value) for cells and cross data, and a stack of marks.
  #undoIdx = new Int32Array(1024);
  #undoCell = new Uint8Array(1024);
  #undoLo = new Uint32Array(1024);
  #undoHi = new Uint32Array(1024);
  #undoSum = new Int16Array(1024);
  #undoTop = 0;
  readonly #marks: number[] = [];
  readonly #tileMarks: number[] = [];
  /**
   * Cross-checks already computed, by the perpendicular word's tiles around the square (they
   * alone decide it): a direct-mapped memo of CROSS_MEMO entries, each an exact key and its
   * glyph sets. The key of a word of up to 9 tiles around the square, b of them before it: the
   * first word holds b (bits 24-27) and the first 4 glyphs (6 bits each, zeros after the last),
   * the second the glyphs after those; glyph codes are never 0, so each word has its own key.
   * Longer words are not kept. Searches that apply and undo plays (endgames, rollouts) meet the
   * same words again and again.
   */
  readonly #memoKey = new Uint32Array(2 * CROSS_MEMO);
  readonly #memoLo = new Uint32Array(CROSS_MEMO);
  readonly #memoHi = new Uint32Array(CROSS_MEMO);

  /** An empty board of `config`'s layout, read through `graph` (call {@link set} or {@link recomputeAll} before use). */
  constructor(config: GameConfig, graph: SearchGraph) {
    this.#graph = graph.words;
    this.#head = graph.head;
    this.#dawgRoot = graph.dawgRoot;
    this.#gaddagRoot = graph.gaddagRoot;
    this.#values = config.letters.values;
    const { rows, cols } = config.layout;
    this.rows = rows;
    this.cols = cols;
    const size = rows * cols;
    this.size = size;
    let lo = 0;
    let hi = 0;
    for (let g = 1; g <= config.alphabet.size; g++) {
      if (g < 32) lo |= 1 << g;
      else hi |= 1 << (g - 32);
    }
    this.#allLo = (lo & ALL_LO) >>> 0;
    this.#allHi = (hi & ALL_HI) >>> 0;
    this.cells = new Uint8Array(2 * size);
    this.xlo = new Uint32Array(2 * size);
    this.xhi = new Uint32Array(2 * size);
    this.xsum = new Int16Array(2 * size);
    this.lm = new Uint8Array(2 * size);
    this.wm = new Uint8Array(2 * size);
    this.dead = new Uint8Array(2 * size);
    this.squareOf = new Int16Array(2 * size);
    this.#extVersion = new Uint32Array(2 * size);
    this.extLo = new Uint32Array(2 * size);
    this.extHi = new Uint32Array(2 * size);
    this.applySq = new Int32Array(size);
    this.applyTile = new Int32Array(size);
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
  }

  /** The line-major index of square `s` in direction `d`. */
  index(d: number, s: number): number {
    if (d === 0) return s;
    const c = s % this.cols;
    return this.size + c * this.rows + (s - c) / this.cols;
  }

  /** The length of a line in direction `d`. */
  lineLength(d: number): number {
    return d === 0 ? this.cols : this.rows;
  }

  /** Takes a new board: copies its cells and recomputes every cross-check. Forgets the undo log. */
  set(board: Board): void {
    if (board.rows !== this.rows || board.cols !== this.cols)
      throw new RangeError('board size differs from the layout');
    this.tiles = 0;
    for (let s = 0; s < this.size; s++) {
      const v = board.cell(s);
      this.cells[s] = v;
      this.cells[this.index(1, s)] = v;
      if (v !== 0) this.tiles++;
    }
    this.#boardCache = board;
    this.#boardVersion++;
    this.#undoTop = 0;
    this.#marks.length = 0;
    this.#tileMarks.length = 0;
    this.recomputeAll();
  }

  /** The board held. */
  board(): Board {
    if (this.#boardCache === undefined) {
      const b = Board.fromCells(this.rows, this.cols, this.cells.subarray(0, this.size));
      this.#boardCache = b.ok ? b.value : Board.empty(this.rows, this.cols);
    }
    return this.#boardCache;
  }

  /**
   * Adds the `n` tiles of {@link applySq} and {@link applyTile} (trusted: empty squares, valid cell
   * values) and updates only the cross-checks they change.
   */
  apply(n: number): void {
    this.#marks.push(this.#undoTop);
    this.#tileMarks.push(this.tiles);
    this.#boardCache = undefined;
    for (let t = 0; t < n; t++) {
      this.#setCell(this.applySq[t] as number, this.applyTile[t] as number);
      this.tiles++;
    }
    for (let t = 0; t < n; t++) {
      const square = this.applySq[t] as number;
      // Squares whose perpendicular words change: the ends of the runs through each new tile.
      for (let d = 0; d < 2; d++) {
        this.#findRun(this.index(d, square));
        const a = this.#runFrom;
        const b = this.#runTo;
        // The run along direction d changes the checks of direction 1 - d at its ends, and the
        // extension sets (along d) of those ends.
        if (a > this.#lineFrom) {
          this.#updateCross(1 - d, this.squareOf[a - 1] as number);
          this.#extVersion[a - 1] = 0;
        }
        if (b < this.#lineTo) {
          this.#updateCross(1 - d, this.squareOf[b + 1] as number);
          this.#extVersion[b + 1] = 0;
        }
      }
      this.#updateCross(0, square);
      this.#updateCross(1, square);
    }
  }

  /** Takes back the last {@link apply} not yet undone; false when there is none. */
  undo(): boolean {
    const mark = this.#marks.pop();
    if (mark === undefined) return false;
    this.tiles = this.#tileMarks.pop() as number;
    this.#boardCache = undefined;
    // Before the tiles go: the extension sets along each run through a removed tile, and its ends, are stale.
    for (let k = this.#undoTop - 1; k >= mark; k--) {
      const i = this.#undoIdx[k] as number;
      if (i < 0) this.#staleRun(-1 - i);
    }
    while (this.#undoTop > mark) {
      const k = --this.#undoTop;
      const i = this.#undoIdx[k] as number;
      if (i < 0) {
        const j = -1 - i;
        this.cells[j] = this.#undoCell[k] as number;
      } else {
        this.xlo[i] = this.#undoLo[k] as number;
        this.xhi[i] = this.#undoHi[k] as number;
        this.xsum[i] = this.#undoSum[k] as number;
      }
    }
    return true;
  }

  /** Marks stale the extension sets of the run through line-major square `i` and of its two ends. */
  #staleRun(i: number): void {
    this.#findRun(i);
    for (let q = Math.max(this.#lineFrom, this.#runFrom - 1); q <= Math.min(this.#lineTo, this.#runTo + 1); q++)
      this.#extVersion[q] = 0;
  }

  /**
   * The run of tiles through line-major square `i` (`i` counted in, tile or not) into
   * `runFrom..runTo`, and its line's first and last squares into `lineFrom..lineTo`.
   */
  #findRun(i: number): void {
    const d = i >= this.size ? 1 : 0;
    const lineFrom = i - ((i - d * this.size) % this.lineLength(d));
    const lineTo = lineFrom + this.lineLength(d) - 1;
    let a = i;
    while (a > lineFrom && this.cells[a - 1] !== 0) a--;
    let b = i;
    while (b < lineTo && this.cells[b + 1] !== 0) b++;
    this.#lineFrom = lineFrom;
    this.#lineTo = lineTo;
    this.#runFrom = a;
    this.#runTo = b;
  }

  #pushUndo(idx: number): number {
    if (this.#undoTop === this.#undoIdx.length) {
      const n = this.#undoTop * 2;
      const grow = <T extends Int32Array | Uint8Array | Uint32Array | Int16Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.#undoIdx = grow(this.#undoIdx, (k) => new Int32Array(k));
      this.#undoCell = grow(this.#undoCell, (k) => new Uint8Array(k));
      this.#undoLo = grow(this.#undoLo, (k) => new Uint32Array(k));
      this.#undoHi = grow(this.#undoHi, (k) => new Uint32Array(k));
      this.#undoSum = grow(this.#undoSum, (k) => new Int16Array(k));
    }
    const k = this.#undoTop++;
    this.#undoIdx[k] = idx;
    return k;
  }

  #setCell(square: number, value: number): void {
    for (let d = 0; d < 2; d++) {
      const i = this.index(d, square);
      const k = this.#pushUndo(-1 - i);
      this.#undoCell[k] = this.cells[i] as number;
      this.cells[i] = value;
    }
  }

  #updateCross(d: number, square: number): void {
    const i = this.index(d, square);
    const k = this.#pushUndo(i);
    this.#undoLo[k] = this.xlo[i] as number;
    this.#undoHi[k] = this.xhi[i] as number;
    this.#undoSum[k] = this.xsum[i] as number;
    this.#computeCross(d, square);
  }

  /** Computes every cross-check anew. */
  recomputeAll(): void {
    for (let s = 0; s < this.size; s++) {
      this.#computeCross(0, s);
      this.#computeCross(1, s);
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
  #computeCross(d: number, s: number): void {
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
      this.xlo[i] = this.#allLo;
      this.xhi[i] = this.#allHi;
      this.xsum[i] = -1;
      return;
    }
    let sum = 0;
    // The memo key (see #memoKey), built on the way: glyph n of the word (the square left out)
    // goes to the first word for n < 4, else the second.
    let g0 = 0;
    let k1 = 0;
    let n = 0;
    for (let t = before; t <= after; t++) {
      if (t === j) continue;
      const v = cells[t] as number;
      if ((v & BLANK) === 0) sum += this.#values[v & 0x3f] as number;
      if (n < 4) g0 = g0 * 64 + (v & 0x3f);
      else k1 = k1 * 64 + (v & 0x3f);
      n++;
    }
    this.xsum[i] = sum;
    const memo = n <= 9;
    for (let m = n; m < 4; m++) g0 *= 64;
    const k0 = memo ? ((j - before) * 16777216 + g0) >>> 0 : 0;
    const e = memo ? Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1), 0x85ebca6b) >>> (32 - CROSS_MEMO_BITS) : 0;
    if (memo && this.#memoKey[2 * e] === k0 && this.#memoKey[2 * e + 1] === k1) {
      this.xlo[i] = this.#memoLo[e] as number;
      this.xhi[i] = this.#memoHi[e] as number;
      return;
    }
    const graph = this.#graph;
    // Walk the longer side once: the tiles before in the DAWG, or those after backwards in the
    // GADDAG (its paths from a word's last letter read the word leftwards). Then, for each glyph,
    // follow the shorter side the same way; the word is whole where the last arc ends one.
    const backwards = j - before < after - j;
    let node = backwards ? this.#gaddagRoot : this.#dawgRoot;
    if (backwards)
      for (let t = after; t > j && node !== 0; t--) node = this.#childOf(node, (cells[t] as number) & 0x3f);
    else for (let t = before; t < j && node !== 0; t++) node = this.#childOf(node, (cells[t] as number) & 0x3f);
    const step = backwards ? -1 : 1;
    const to = backwards ? before : after;
    let lo = 0;
    let hi = 0;
    // The node's glyphs (not glyph 0, the GADDAG's separator), each with its arc.
    const head = this.#head;
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
      for (let t = j + step; last >= 0 && step * (to - t) >= 0; t += step)
        last = arcOf(graph, head, (graph[last] as number) >>> 2, (cells[t] as number) & 0x3f);
      if (last >= 0 && ((graph[last] as number) & 1) !== 0) {
        if (g < 32) lo |= 1 << g;
        else hi |= 1 << (g - 32);
      }
    }
    this.xlo[i] = lo >>> 0;
    this.xhi[i] = hi >>> 0;
    if (memo) {
      this.#memoKey[2 * e] = k0;
      this.#memoKey[2 * e + 1] = k1;
      this.#memoLo[e] = lo >>> 0;
      this.#memoHi[e] = hi >>> 0;
    }
  }

  /** The node after glyph `g` from `node` (0 when none or a leaf). */
  #childOf(node: number, g: number): number {
    const a = arcOf(this.#graph, this.#head, node, g);
    return a < 0 ? 0 : (this.#graph[a] as number) >>> 2;
  }

  /**
   * Brings the extension set of empty line-major square `i` up to date (cached per board): the
   * glyphs that can go there given the board tiles beside it along the line. Right of a block B,
   * the glyphs y with some word containing By; left of it, the x with xB; between blocks B1 and
   * B2, the x with B1xB2; everything elsewhere. Read from the GADDAG: its paths start at any
   * letter of a word and read leftwards first, so `y, rev(B)` and `rev(B2), x, rev(B1)` are path
   * prefixes.
   */
  extensionSet(i: number): void {
    if (this.#extVersion[i] === this.#boardVersion) return;
    this.#extVersion[i] = this.#boardVersion;
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
      let node = this.#gaddagRoot;
      if (tileRight) {
        let e = p + 1;
        while (e + 1 < len && cells[base + e + 1] !== 0) e++;
        for (let q = e; q > p && node !== 0; q--) node = this.#childOf(node, (cells[base + q] as number) & 0x3f);
      }
      // The node's glyphs but the separator; with a block on the left, those it can follow.
      const graph = this.#graph;
      const head = this.#head;
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
          if (!this.#followsLeft((graph[a] as number) >>> 2, base, p - 1)) {
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
  #followsLeft(node: number, base: number, q: number): boolean {
    const cells = this.cells;
    for (let n = node; q >= 0 && cells[base + q] !== 0; q--) {
      const a = arcOf(this.#graph, this.#head, n, (cells[base + q] as number) & 0x3f);
      if (a < 0) return false;
      n = (this.#graph[a] as number) >>> 2;
    }
    return true;
  }
}
