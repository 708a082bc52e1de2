import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { FullHandCheck } from './full-hand.js';
import type { LeaveMap } from './leave-map.js';
import type { BoardLines } from './lines.js';
import type { PriorPlays } from './prior.js';
import { MAX_RACK, type SearchRack } from './rack.js';

/** Size of the extent-bound region that never prunes (read by the searches that visit every play). */
const OPEN_EXTENTS = (MAX_RACK + 2) * (MAX_RACK + 3);

/**
 * The anchors of a search and their bounds. An anchor is the last tile of each block of board
 * tiles, each empty square that touches tiles only perpendicularly, or the start square of an
 * empty board; a play is generated from the leftmost anchor it contains.
 *
 * A bounded search bounds the score (or equity) reachable from each anchor first ("shadow"
 * bounds from the hand's tile values, the premium squares and the cross-words), visits anchors
 * best bound first and stops when no anchor can beat what was found. Within an anchor, the bounds
 * kept for each extent (tiles left and right of it) stop the search from going further left,
 * turning or going further right once no extent still reachable can:
 *
 * ```
 * anchor k     index[k]      its line-major square          minLeft[k]  the leftmost position a play may start
 *              bound[k]      the bound of all its plays (-Infinity: none possible)
 * extent table pool[leftAt[k] + i]                     the best bound with i or more new tiles left of the core
 * (nl squares  pool[rowAt[k] + i × stride[k] + j]       with i tiles left and j or more right (nl + 1 rows of nr + 2)
 *  left, nr right)
 * ```
 *
 * With blanks in the hand an anchor keeps one table for each number b of blanks still in hand,
 * b = 0 .. all, each `shift[k]` after the one before (0: one table); `leftAt` and `rowAt` point at
 * the table of the whole hand. In table b the blanks placed are among an extent's tiles and score
 * nothing, and by equity its leave bound is the best leave of its size keeping at most b blanks.
 * The search moves to the table below when it places a blank. The pool starts with OPEN_EXTENTS
 * entries of +Infinity for searches that visit every play.
 */
export class Anchors {
  count = 0;
  index = new Int32Array(256);
  minLeft = new Int16Array(256);
  bound = new Float64Array(256);
  pool = new Float64Array(4096).fill(Infinity, 0, OPEN_EXTENTS);
  leftAt = new Int32Array(256);
  rowAt = new Int32Array(256);
  stride = new Int32Array(256);
  shift = new Int32Array(256);
  /**
   * Whether the search takes the plays of the whole hand from the words instead of the walk
   * (bounded searches of a full hand with one or two blanks): each anchor's stretches where they
   * may be, `fullHands[k]` of them from `fullHandAt[k]` in `handFrom`, `handTo` (line positions)
   * and `handBound`. The walk's tables leave those stretches out.
   */
  direct = false;
  fullHandAt = new Int32Array(256);
  fullHands = new Int32Array(256);
  handFrom = new Int16Array(64);
  handTo = new Int16Array(64);
  handBound = new Float64Array(64);
  #handCount = 0;
  #handFirst = 0;
  /** The number of extent tables per anchor in this search (blanks in hand + 1). */
  tables = 1;
  #top = OPEN_EXTENTS;
  /** The best-first order: a binary max-heap of anchor numbers on their bounds, and its size. */
  #order = new Int32Array(256);
  #heapSize = 0;
  readonly #lines: BoardLines;
  readonly #rack: SearchRack;
  readonly #leaves: LeaveMap;
  readonly #fullHand: FullHandCheck;
  readonly #prior: PriorPlays;
  readonly #values: Uint8Array;
  readonly #handSize: number;
  readonly #start: number;
  readonly #bonusOf: Int32Array;
  // The anchor being bounded: its placeable squares left and right, the board points each adds,
  // the best hand tile each allows, where the word starts (left) or ends (right) when the extent
  // stops there.
  readonly #left = new Int32Array(64);
  readonly #right = new Int32Array(64);
  readonly #leftT = new Float64Array(64);
  readonly #rightT = new Float64Array(64);
  readonly #capL = new Float64Array(64);
  readonly #capR = new Float64Array(64);
  readonly #startL = new Int32Array(64);
  readonly #endR = new Int32Array(64);
  /** The squares left and right of the anchor being bounded by score, as {@link extentBound} sums them; its core's terms. */
  readonly #reachL = new Reach();
  readonly #reachR = new Reach();
  #coreT = 0;
  #coreW = 1;
  #coreX = 0;
  #coreL = 0;
  #coreC = 0;
  #coreA1 = 0;
  #coreA2 = 0;
  /** Effective multipliers, in descending order. */
  readonly #e = new Float64Array(MAX_RACK);
  /**
   * By equity, the row being bounded: its core and squares left (`prefix`, carried over from row
   * to row), the same with squares right joining (`row`), and its bounds by j: with the best leave
   * of the tiles kept (`rowSum`) and without (`rawSum`).
   */
  readonly #prefix = new ExtentSum();
  readonly #row = new ExtentSum();
  readonly #rowSum = new Float64Array(MAX_RACK + 1);
  readonly #rawSum = new Float64Array(MAX_RACK + 1);
  /** By score, the bound of the extent {@link extentBound} last computed with 1, 2 ... blanks placed. */
  readonly #byPlaced = new Float64Array(MAX_RACK + 1);
  /** {@link capOf}'s answers by line-major square, valid where `capStamp` is this search's `stamp`. */
  #cap = new Int16Array(0);
  #capStamp = new Uint32Array(0);
  #stamp = 0;
  /** Where the last shadow() wrote its extent table. */
  #at = 0;
  #rowAt = MAX_RACK + 2;
  #stride = MAX_RACK + 2;
  #shift = 0;

  /** The anchors of `lines` for the hand `rack`, bounded with `leaves` and `fullHand`, limited to the lines `prior` marks when asked. */
  constructor(
    config: GameConfig,
    bonusOf: Int32Array,
    lines: BoardLines,
    rack: SearchRack,
    leaves: LeaveMap,
    fullHand: FullHandCheck,
    prior: PriorPlays,
  ) {
    this.#values = config.letters.values;
    this.#handSize = config.handSize;
    this.#start = config.layout.start;
    this.#bonusOf = bonusOf;
    this.#lines = lines;
    this.#rack = rack;
    this.#leaves = leaves;
    this.#fullHand = fullHand;
    this.#prior = prior;
  }

  /** The anchors of every line, with their left limits, and their bounds when `bounded`. */
  collect(bounded: boolean, changedLinesOnly = false): void {
    if (this.#cap.length < this.#lines.cells.length) {
      this.#cap = new Int16Array(this.#lines.cells.length);
      this.#capStamp = new Uint32Array(this.#lines.cells.length);
    }
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#capStamp.fill(0);
      this.#stamp = 1;
    }
    this.tables = this.#rack.blanks + 1;
    // With one blank or two (`tellable` allows no more): without, the walk finds full-hand plays
    // about as fast.
    this.direct = bounded && this.#rack.size === this.#handSize && this.#rack.blanks >= 1 && this.#fullHand.tellable(0);
    this.#handCount = 0;
    this.count = 0;
    this.#top = OPEN_EXTENTS;
    const cells = this.#lines.cells;
    const start = this.#start;
    for (let d = 0; d < 2; d++) {
      const lines = d === 0 ? this.#lines.rows : this.#lines.cols;
      const len = this.#lines.lineLength(d);
      const targetsOf = d === 0 ? this.#prior.rowTargets : this.#prior.colTargets;
      for (let line = 0; line < lines; line++) {
        // After added tiles, only the lines marked with squares where plays change.
        const targets = changedLinesOnly ? (targetsOf[line] as number) : 0;
        if (changedLinesOnly && targets === 0) continue;
        const base = d * this.#lines.size + line * len;
        let minLeft = 0;
        for (let p = 0; p < len; p++) {
          const i = base + p;
          const c = cells[i] as number;
          const rightEmpty = p === len - 1 || cells[i + 1] === 0;
          let anchor = false;
          let block = false;
          if (c !== 0) anchor = block = rightEmpty;
          else if (this.#lines.tiles === 0) anchor = this.#lines.squareOf[i] === start;
          else anchor = (this.#lines.xsum[i] as number) >= 0 && rightEmpty && (p === 0 || cells[i - 1] === 0);
          if (!anchor) continue;
          // After added tiles, only anchors whose plays can reach a square where plays change.
          if (targets === 0 || this.#prior.reaches(base, p, targets, this.#rack.size)) {
            // Unbounded searches (and anchors where no play is possible) get the open extent table.
            this.#at = 0;
            this.#rowAt = MAX_RACK + 2;
            this.#stride = MAX_RACK + 2;
            this.#shift = 0;
            this.#handFirst = this.#handCount;
            const bound = bounded ? this.#shadow(base, len, p, minLeft, block) : 0;
            this.#add(i, minLeft, bound);
          }
          minLeft = block ? p + 2 : p + 1;
        }
      }
    }
  }

  #add(i: number, minLeft: number, bound: number): void {
    const k = this.count++;
    if (k === this.index.length) {
      const grow = <T extends Int32Array | Int16Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.index = grow(this.index, (n) => new Int32Array(n));
      this.minLeft = grow(this.minLeft, (n) => new Int16Array(n));
      this.bound = grow(this.bound, (n) => new Float64Array(n));
      this.#order = grow(this.#order, (n) => new Int32Array(n));
      this.leftAt = grow(this.leftAt, (n) => new Int32Array(n));
      this.rowAt = grow(this.rowAt, (n) => new Int32Array(n));
      this.stride = grow(this.stride, (n) => new Int32Array(n));
      this.shift = grow(this.shift, (n) => new Int32Array(n));
      this.fullHandAt = grow(this.fullHandAt, (n) => new Int32Array(n));
      this.fullHands = grow(this.fullHands, (n) => new Int32Array(n));
    }
    this.index[k] = i;
    this.minLeft[k] = minLeft;
    this.bound[k] = bound;
    // The extent table shadow() just wrote (or the open region).
    this.leftAt[k] = this.#at;
    this.rowAt[k] = this.#rowAt;
    this.stride[k] = this.#stride;
    this.shift[k] = this.#shift;
    this.fullHandAt[k] = this.#handFirst;
    this.fullHands[k] = this.#handCount - this.#handFirst;
  }

  /** Keeps a stretch (line positions `from..to`) where the plays of the whole hand are listed from the words, with its bound. */
  #addFullHand(from: number, to: number, bound: number): void {
    const n = this.#handCount++;
    if (n === this.handFrom.length) {
      const from2 = new Int16Array(2 * n);
      const to2 = new Int16Array(2 * n);
      const bound2 = new Float64Array(2 * n);
      from2.set(this.handFrom);
      to2.set(this.handTo);
      bound2.set(this.handBound);
      this.handFrom = from2;
      this.handTo = to2;
      this.handBound = bound2;
    }
    this.handFrom[n] = from;
    this.handTo[n] = to;
    this.handBound[n] = bound;
  }

  /** Starts the best-first order over the anchors that have a play. */
  orderByBound(): void {
    const order = this.#order;
    const bound = this.bound;
    let size = 0;
    for (let k = 0; k < this.count; k++) {
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
    this.#heapSize = size;
  }

  /** The anchor of the highest bound not yet taken, or -1. */
  nextBest(): number {
    if (this.#heapSize === 0) return -1;
    const order = this.#order;
    const bound = this.bound;
    const k = order[0] as number;
    const size = --this.#heapSize;
    const last = order[size] as number;
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= size) break;
      if (child + 1 < size && (bound[order[child + 1] as number] as number) > (bound[order[child] as number] as number))
        child++;
      if ((bound[order[child] as number] as number) <= (bound[last] as number)) break;
      order[c] = order[child] as number;
      c = child;
    }
    order[c] = last;
    return k;
  }

  /**
   * The highest value of a hand tile allowed on line-major square `i` (0 when only a blank
   * fits), or -1 when no tile of the hand fits; worked out once a search for each square (the
   * anchors around a square share it).
   */
  #capOf(i: number): number {
    if (this.#capStamp[i] === this.#stamp) return this.#cap[i] as number;
    const lines = this.#lines;
    lines.extensionSet(i);
    const lo = (lines.xlo[i] as number) & (lines.extLo[i] as number);
    const hi = (lines.xhi[i] as number) & (lines.extHi[i] as number);
    const rack = this.#rack;
    let cap = rack.blanks > 0 && (lo | hi) !== 0 ? 0 : -1;
    for (let k = 0; k < rack.glyphCount; k++) {
      const g = rack.glyphs[k] as number;
      if (g < 32 ? ((lo >>> g) & 1) !== 0 : ((hi >>> (g - 32)) & 1) !== 0) {
        cap = this.#values[g] as number;
        break;
      }
    }
    this.#capStamp[i] = this.#stamp;
    this.#cap[i] = cap;
    return cap;
  }

  /**
   * An upper bound of the score (or equity) of any play generated from an anchor: for each way
   * of placing i tiles left and j tiles right of it (through the board tiles they join), the
   * hand's highest tile values paired with the squares' effective multipliers, highest with
   * highest (the rearrangement inequality), plus the board tiles' points, the cross-words'
   * board points and the bonus; with leaves, plus the best leave of the tiles kept. Squares
   * where no tile of the hand fits stop the extension. -Infinity when no play is possible.
   */
  #shadow(base: number, len: number, p: number, minLeft: number, block: boolean): number {
    const cells = this.#lines.cells;
    const values = this.#values;
    const rackSize = this.#rack.size;
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
    } else if (this.#capOf(base + p) < 0) return -Infinity;
    const core = block ? 0 : 1;
    if (core > rackSize) return -Infinity;
    // Placeable squares going left, with the board points they add (the run left of each).
    const left = this.#left;
    const leftT = this.#leftT;
    let nl = 0;
    let q = s - 1;
    while (q >= minLeft && nl + core < rackSize) {
      const cap = this.#capOf(base + q);
      if (cap < 0) break;
      let t = 0;
      let r = q - 1;
      while (r >= 0 && cells[base + r] !== 0) {
        const v = cells[base + r] as number;
        if ((v & BLANK) === 0) t += values[v & 0x3f] as number;
        r--;
      }
      left[nl] = base + q;
      leftT[nl] = t;
      this.#capL[nl] = cap;
      this.#startL[nl] = r + 1;
      nl++;
      q = r;
    }
    const right = this.#right;
    const rightT = this.#rightT;
    let nr = 0;
    q = p + 1;
    while (q < len && nr + core < rackSize) {
      const cap = this.#capOf(base + q);
      if (cap < 0) break;
      let t = 0;
      let r = q + 1;
      while (r < len && cells[base + r] !== 0) {
        const v = cells[base + r] as number;
        if ((v & BLANK) === 0) t += values[v & 0x3f] as number;
        r++;
      }
      right[nr] = base + q;
      rightT[nr] = t;
      this.#capR[nr] = cap;
      this.#endR[nr] = r - 1;
      nr++;
      q = r;
    }
    let best = -Infinity;
    // This anchor's extent tables (one, or one per number of blanks left): nl + 2 left maxima,
    // then nl + 1 rows of nr + 2; the table of the whole hand last.
    const stride = nr + 2;
    const tables = this.tables;
    const one = nl + 2 + (nl + 1) * stride;
    const need = tables * one;
    if (this.#top + need > this.pool.length) {
      const grown = new Float64Array(2 * (this.#top + need));
      grown.set(this.pool);
      this.pool = grown;
    }
    const ext = this.pool;
    const first = this.#top;
    const at = first + (tables - 1) * one;
    const rowAt = at + nl + 2;
    this.#top += need;
    // A loop: `fill` costs more than this on a few dozen entries.
    for (let t = first; t < first + need; t++) ext[t] = -Infinity;
    const atMost = this.#leaves.atMost;
    const raw = this.#rawSum;
    const width = rackSize + 1;
    const coreCap = block ? 0 : this.#capOf(base + p);
    const withLeaves = this.#leaves.used;
    const rowSum = this.#rowSum;
    // With leaves every count of tiles matters (the row's bounds are built square by square);
    // without, the bound grows with the tiles placed, so only the most tiles on each split count
    // (or fewer, when the most cannot be filled) -- unless the hand holds more tiles than a full
    // hand, when playing a full hand's worth (with its bonus) may beat playing more.
    const every = withLeaves || rackSize > this.#handSize;
    if (!withLeaves) this.#prefixes(base + p, core, coreT, coreCap, nl, nr);
    for (let i = 0; i <= nl; i++) {
      const jTo = Math.min(nr, rackSize - core - i);
      if (withLeaves) this.#shadowRow(base + p, core, coreT, coreCap, i, jTo);
      for (let j = jTo; j >= 0; j--) {
        const k = core + i + j;
        if (k === 0 || (k === 1 && !block && i + j === 0)) continue;
        const sum = withLeaves ? (rowSum[j] as number) : this.#extentBound(core, i, j);
        // A play of the whole hand spells an anagram of the hand and the tiles it plays through, each
        // letter allowed where it stands (looked up only when this bound would raise the best).
        if (k === this.#handSize && k === rackSize) {
          const from = i === 0 ? s : (this.#startL[i - 1] as number);
          const to = j === 0 ? p : (this.#endR[j - 1] as number);
          if (sum > best && !this.#fullHand.fits(base, from, to)) continue;
          if (this.direct && this.#fullHand.tellable(to - from + 1 - k)) {
            // Its plays are listed from the words (`fullHands`); the tables keep -Infinity here.
            if (sum > best) best = sum;
            this.#addFullHand(from, to, sum);
            continue;
          }
        }
        if (sum > best) best = sum;
        ext[rowAt + i * stride + j] = sum;
        // Fewer blanks left: by equity, the best leave of the size with at most that many; by
        // score, the hand's best tiles paired with all but the blanks placed.
        for (let b = 0; b < tables - 1; b++)
          ext[first + b * one + nl + 2 + i * stride + j] = withLeaves
            ? (raw[j] as number) + (atMost[b * width + rackSize - k] as number)
            : (this.#byPlaced[tables - 1 - b] as number);
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
    this.#shift = tables > 1 ? one : 0;
    this.#at = at;
    this.#rowAt = rowAt;
    this.#stride = stride;
    return best;
  }

  /** Fills the sides' prefixes (and the core's terms) that {@link extentBound} sums: the anchor's core at `at`, nl squares left, nr right. */
  #prefixes(at: number, core: number, coreT: number, coreCap: number, nl: number, nr: number): void {
    const lines = this.#lines;
    this.#coreT = coreT;
    this.#coreW = 1;
    this.#coreX = 0;
    this.#coreL = 0;
    this.#coreC = 0;
    this.#coreA1 = 0;
    this.#coreA2 = 0;
    if (core === 1) {
      const l = lines.lm[at] as number;
      const wm = lines.wm[at] as number;
      const cs = lines.xsum[at] as number;
      this.#coreW = wm;
      this.#coreL = l;
      if (cs >= 0) {
        this.#coreC = l * wm;
        this.#coreX = cs * wm;
      }
      this.#coreA1 = l * coreCap;
      this.#coreA2 = this.#coreC * coreCap;
    }
    this.#reachL.fill(lines, this.#left, this.#leftT, this.#capL, nl);
    this.#reachR.fill(lines, this.#right, this.#rightT, this.#capR, nr);
  }

  /**
   * The bound of one extent (i tiles left of the core, j right): the board points times the word
   * multiplier, the cross-words' board points, the bonus, and the hand's best tiles paired with
   * the squares' effective multipliers, highest with highest, or each square's best allowed tile
   * (ignoring that tiles are distinct), whichever is lower. The sums come from the sides'
   * prefixes ({@link Reach}, filled by {@link shadow}); only the multipliers are sorted here.
   */
  #extentBound(core: number, i: number, j: number): number {
    const L = this.#reachL;
    const R = this.#reachR;
    const e = this.#e;
    const rv = this.#rack.values;
    const k = core + i + j;
    const W = (L.w[i] as number) * (R.w[j] as number) * this.#coreW;
    const T = this.#coreT + (L.t[i] as number) + (R.t[j] as number);
    const X = this.#coreX + (L.x[i] as number) + (R.x[j] as number);
    const capSum =
      W * (this.#coreA1 + (L.a1[i] as number) + (R.a1[j] as number)) +
      this.#coreA2 +
      (L.a2[i] as number) +
      (R.a2[j] as number);
    // The effective multipliers, l × W plus the cross-word part, sorted into e[0..k) descending.
    let n = 0;
    if (core === 1) e[n++] = this.#coreL * W + this.#coreC;
    for (let side = 0; side < 2; side++) {
      const reach = side === 0 ? L : R;
      const to = side === 0 ? i : j;
      for (let a = 0; a < to; a++) {
        const ev = (reach.l[a] as number) * W + (reach.c[a] as number);
        let m = n++;
        while (m > 0 && (e[m - 1] as number) < ev) {
          e[m] = e[m - 1] as number;
          m--;
        }
        e[m] = ev;
      }
    }
    let pairing = 0;
    for (let a = 0; a < k; a++) pairing += (e[a] as number) * (rv[a] as number);
    const fixed = T * W + X + (this.#bonusOf[k] as number);
    // With blanks placed (1 .. all), they are among the k tiles and score nothing.
    const byPlaced = this.#byPlaced;
    let part = pairing;
    for (let placed = 1; placed < this.tables; placed++) {
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
   * `rowSum` (and without the leave into `rawSum`): {@link extentBound} plus the best leave of the
   * tiles kept, built as each square joins ({@link ExtentSum}). Rows come in order, i = 0, 1 ...:
   * the core and the squares left are carried over from the row before. Sums of integer
   * products, so each bound is exactly the one computed from scratch.
   */
  #shadowRow(at: number, core: number, coreT: number, coreCap: number, i: number, jTo: number): void {
    const lines = this.#lines;
    const rv = this.#rack.values;
    const prefix = this.#prefix;
    if (i === 0) {
      prefix.clear(coreT);
      if (core === 1) prefix.add(lines, at, 0, coreCap, rv);
    } else
      prefix.add(lines, this.#left[i - 1] as number, this.#leftT[i - 1] as number, this.#capL[i - 1] as number, rv);
    const row = this.#row;
    row.copy(prefix);
    const bestOfSize = this.#leaves.bestOfSize;
    const rackSize = this.#rack.size;
    const right = this.#right;
    const rightT = this.#rightT;
    const capR = this.#capR;
    for (let j = 0; ; j++) {
      const score = row.bound(this.#bonusOf);
      this.#rawSum[j] = score;
      this.#rowSum[j] = score + (bestOfSize[rackSize - row.n] as number);
      if (j === jTo) break;
      row.add(lines, right[j] as number, rightT[j] as number, capR[j] as number, rv);
    }
  }
}

/**
 * The score bound of an extent built square by square ({@link Anchors}' rows by equity): the
 * board points `t` the squares join, the word multipliers' product `w`, the cross-words' board
 * points `x`, the sums of l × cap and c × cap (`a1`, `a2`; cap the best hand tile a square
 * allows), and the squares' effective multipliers l × w + c sorted descending in `e` with their
 * pairing with the hand's values, highest with highest (`pairing`), kept as each square is
 * inserted.
 */
class ExtentSum {
  t = 0;
  w = 1;
  x = 0;
  a1 = 0;
  a2 = 0;
  n = 0;
  pairing = 0;
  readonly e = new Float64Array(MAX_RACK + 1);
  /** Each square's letter multiplier and cross-word part (l × its word multiplier where it makes one). */
  readonly l = new Float64Array(MAX_RACK + 1);
  readonly c = new Float64Array(MAX_RACK + 1);

  /** No squares, board points `t`. */
  clear(t: number): void {
    this.t = t;
    this.w = 1;
    this.x = 0;
    this.a1 = 0;
    this.a2 = 0;
    this.n = 0;
    this.pairing = 0;
  }

  /** Becomes a copy of `from`. */
  copy(from: ExtentSum): void {
    this.t = from.t;
    this.w = from.w;
    this.x = from.x;
    this.a1 = from.a1;
    this.a2 = from.a2;
    this.pairing = from.pairing;
    const n = (this.n = from.n);
    for (let m = 0; m < n; m++) {
      this.e[m] = from.e[m] as number;
      this.l[m] = from.l[m] as number;
      this.c[m] = from.c[m] as number;
    }
  }

  /** Adds line-major square `idx` of `lines`, with the board points `points` it joins and its `cap`; `rv` the hand's values, highest first. */
  add(lines: BoardLines, idx: number, points: number, cap: number, rv: Float64Array): void {
    const l = lines.lm[idx] as number;
    const wm = lines.wm[idx] as number;
    const cs = lines.xsum[idx] as number;
    const c = cs >= 0 ? l * wm : 0;
    this.t += points;
    if (cs >= 0) this.x += cs * wm;
    this.a1 += l * cap;
    this.a2 += c * cap;
    const e = this.e;
    const n = this.n++;
    this.l[n] = l;
    this.c[n] = c;
    if (wm !== 1) {
      // A new word multiplier: every effective multiplier changes; sort them again.
      const w = (this.w *= wm);
      let pairing = 0;
      for (let m = 0; m <= n; m++) {
        const ev = (this.l[m] as number) * w + (this.c[m] as number);
        let r = m;
        while (r > 0 && (e[r - 1] as number) < ev) {
          e[r] = e[r - 1] as number;
          r--;
        }
        e[r] = ev;
      }
      for (let m = 0; m <= n; m++) pairing += (e[m] as number) * (rv[m] as number);
      this.pairing = pairing;
      return;
    }
    // Inserted in order: each multiplier it passes moves one place down, to a lower hand value.
    const ev = l * this.w + c;
    let pairing = this.pairing;
    let r = n;
    while (r > 0 && (e[r - 1] as number) < ev) {
      const moved = e[r - 1] as number;
      e[r] = moved;
      pairing += moved * ((rv[r] as number) - (rv[r - 1] as number));
      r--;
    }
    e[r] = ev;
    this.pairing = pairing + ev * (rv[r] as number);
  }

  /** The bound with `bonusOf` the full-hand bonus by number of tiles. */
  bound(bonusOf: Int32Array): number {
    const capSum = this.w * this.a1 + this.a2;
    const pairing = this.pairing < capSum ? this.pairing : capSum;
    return this.t * this.w + this.x + (bonusOf[this.n] as number) + pairing;
  }
}

/**
 * One side of an anchor being bounded by score: for its squares in order of distance (a = 0, 1
 * ...), the letter multiplier `l` and the cross-word part `c` (l × the word multiplier where the
 * square makes a cross-word, else 0); and the sums over its first i squares (index i): the board
 * points the squares join `t`, the word multipliers' product `w`, the cross-words' board points
 * `x`, and l × cap and c × cap (`a1`, `a2`), cap being the best hand tile the square allows.
 */
class Reach {
  readonly l = new Float64Array(64);
  readonly c = new Float64Array(64);
  readonly t = new Float64Array(65);
  readonly w = new Float64Array(65).fill(1);
  readonly x = new Float64Array(65);
  readonly a1 = new Float64Array(65);
  readonly a2 = new Float64Array(65);

  /** The first n of `squares` (line-major indices on `lines`) with their board points and caps. */
  fill(lines: BoardLines, squares: Int32Array, points: Float64Array, caps: Float64Array, n: number): void {
    for (let a = 0; a < n; a++) {
      const idx = squares[a] as number;
      const l = lines.lm[idx] as number;
      const wm = lines.wm[idx] as number;
      const cs = lines.xsum[idx] as number;
      const cap = caps[a] as number;
      const c = cs >= 0 ? l * wm : 0;
      this.l[a] = l;
      this.c[a] = c;
      this.t[a + 1] = (this.t[a] as number) + (points[a] as number);
      this.w[a + 1] = (this.w[a] as number) * wm;
      this.x[a + 1] = (this.x[a] as number) + (cs >= 0 ? cs * wm : 0);
      this.a1[a + 1] = (this.a1[a] as number) + l * cap;
      this.a2[a + 1] = (this.a2[a] as number) + c * cap;
    }
  }
}
