import { BLANK } from '../config/letterset.js';
import { SmallPlay, type PlayView } from './play.js';
import { arcOf } from './graph.js';
import { bitHi, bitLo } from './single-tile.js';
import type { BoardLines } from './lines.js';

/** Every glyph of a set's word (a blank's). */
const ALL = 0xffffffff;

/**
 * The plays of a hand of two tiles that put both down, found line by line instead of walking
 * the GADDAG from every anchor: both tiles go in one line, on two empty squares with only board
 * tiles between them, and the main word (the run of tiles through both) is read in the DAWG
 * from its first letter, each tile a glyph its square's cross-check allows. The endgame's
 * searches spend much of their time on hands of one and two tiles; the one-tile plays are
 * `single-tile.ts`'s.
 *
 * The plays are those the walk makes, each once, with the same scores and main words: line by
 * line (rows, then columns), by the first tile's square.
 */
export class TwoTilePlays {
  readonly #lines: BoardLines;
  readonly #words: Uint32Array;
  readonly #head: number;
  readonly #root: number;
  readonly #values: Uint8Array;
  readonly #bonus: number;
  #onPlay: (play: PlayView) => void = () => undefined;
  // The hand: its two tiles, and the glyphs either may stand for.
  #a = 0;
  #b = 0;
  #handLo = 0;
  #handHi = 0;
  /** The first squares (line-major) {@link generateAround} has searched from: `seen[i] === stamp`. */
  readonly #seen: Uint32Array;
  #stamp = 0;
  /** The play being reported. */
  readonly #play = new SmallPlay();

  /**
   * Reads `lines` and the DAWG at `root` of the search graph `words` (`head` header words a
   * node); `values` are the glyphs' face values, `bonus` what playing a whole hand of two adds.
   */
  constructor(lines: BoardLines, words: Uint32Array, head: number, root: number, values: Uint8Array, bonus: number) {
    this.#lines = lines;
    this.#words = words;
    this.#head = head;
    this.#root = root;
    this.#values = values;
    this.#bonus = bonus;
    this.#seen = new Uint32Array(2 * lines.size);
    this.#play.tileCount = 2;
  }

  /**
   * Reports every play that puts down both tiles `a` and `b` (glyph codes, or BLANK) to
   * `onPlay`, its equity its score. The board must hold a tile.
   */
  generate(a: number, b: number, onPlay: (play: PlayView) => void): void {
    this.#take(a, b, onPlay);
    const { rows, cols, size } = this.#lines;
    for (let d = 0; d < 2; d++) {
      const len = d === 0 ? cols : rows;
      const lineCount = d === 0 ? rows : cols;
      for (let line = 0; line < lineCount; line++)
        for (let p1 = 0, base = d * size + line * len; p1 < len; p1++) this.#from(base, len, p1);
    }
  }

  /**
   * After tiles were added on `count` squares (`squares[offset..]`, on the board now), reports
   * the plays of both tiles `a` and `b` that they made or changed, as `MoveGenerator.generateAfter`
   * does. Such a play's main word holds a run of tiles with an added one (its tiles are then on
   * the empty squares beside the run, or on one of them and the next empty square beyond it), or
   * one of its tiles is beside such a run across its line (then the other is the empty square
   * before or after it in its line).
   */
  generateAround(
    a: number,
    b: number,
    onPlay: (play: PlayView) => void,
    squares: ArrayLike<number>,
    count: number,
    offset: number,
  ): void {
    this.#take(a, b, onPlay);
    const lines = this.#lines;
    const cells = lines.cells;
    let stamp = (this.#stamp = (this.#stamp + 1) >>> 0);
    if (stamp === 0) {
      this.#seen.fill(0);
      stamp = this.#stamp = 1;
    }
    for (let t = 0; t < count; t++) {
      const square = squares[offset + t] as number;
      for (let d = 0; d < 2; d++) {
        const len = lines.lineLength(d);
        const i = lines.index(d, square);
        const base = i - ((i - d * lines.size) % len);
        let e1 = i - base;
        while (e1 >= 0 && cells[base + e1] !== 0) e1--;
        let e2 = i - base;
        while (e2 < len && cells[base + e2] !== 0) e2++;
        // Along the run: from the empty square before the one before it, from the one before it, from the one after it.
        if (e1 >= 0) {
          let e0 = e1 - 1;
          while (e0 >= 0 && cells[base + e0] !== 0) e0--;
          if (e0 >= 0) this.#once(base, len, e0, stamp);
          this.#once(base, len, e1, stamp);
          this.#across2(base + e1, d, stamp);
        }
        if (e2 < len) {
          this.#once(base, len, e2, stamp);
          this.#across2(base + e2, d, stamp);
        }
      }
    }
  }

  /** The pairs of empty squares across direction `d` through line-major square `i` of direction `d` that hold it. */
  #across2(i: number, d: number, stamp: number): void {
    const lines = this.#lines;
    const cells = lines.cells;
    const p = 1 - d;
    const j = lines.index(p, lines.squareOf[i] as number);
    const len = lines.lineLength(p);
    const base = j - ((j - p * lines.size) % len);
    let q0 = j - base - 1;
    while (q0 >= 0 && cells[base + q0] !== 0) q0--;
    if (q0 >= 0) this.#once(base, len, q0, stamp);
    this.#once(base, len, j - base, stamp);
  }

  /** {@link from} once a stamp for each first square. */
  #once(base: number, len: number, p1: number, stamp: number): void {
    const seen = this.#seen;
    if (seen[base + p1] === stamp) return;
    seen[base + p1] = stamp;
    this.#from(base, len, p1);
  }

  /** Takes the tiles to place and the callback. */
  #take(a: number, b: number, onPlay: (play: PlayView) => void): void {
    this.#a = a;
    this.#b = b;
    this.#onPlay = onPlay;
    // What either tile may stand for: its glyph, or every glyph for a blank.
    const blank = (a & BLANK) !== 0 || (b & BLANK) !== 0;
    this.#handLo = blank ? ALL : (bitLo(a) | bitLo(b)) >>> 0;
    this.#handHi = blank ? ALL : (bitHi(a) | bitHi(b)) >>> 0;
  }

  /**
   * Reports the plays whose first tile is on line position `p1` of the line at `base` (of length
   * `len`, its direction the index's), the second on the next empty square.
   */
  #from(base: number, len: number, p1: number): void {
    const { cells, xlo, xhi, xsum, size } = this.#lines;
    const handLo = this.#handLo;
    const handHi = this.#handHi;
    const i1 = base + p1;
    if (cells[i1] !== 0 || (((xlo[i1] as number) & handLo) | ((xhi[i1] as number) & handHi)) === 0) return;
    let p2 = p1 + 1;
    while (p2 < len && cells[base + p2] !== 0) p2++;
    if (p2 === len) return;
    const i2 = base + p2;
    if ((((xlo[i2] as number) & handLo) | ((xhi[i2] as number) & handHi)) === 0) return;
    // Two tiles side by side that touch nothing make no play (most pairs of an open board).
    if (
      p2 === p1 + 1 &&
      (xsum[i1] as number) < 0 &&
      (xsum[i2] as number) < 0 &&
      (p1 === 0 || cells[i1 - 1] === 0) &&
      (p2 === len - 1 || cells[i2 + 1] === 0)
    )
      return;
    // The main word's ends, and the DAWG's node after its tiles before the first square.
    let start = p1;
    while (start > 0 && cells[base + start - 1] !== 0) start--;
    let end = p2;
    while (end + 1 < len && cells[base + end + 1] !== 0) end++;
    const node = this.#walk(base, start, p1);
    if (node === 0) return;
    this.#play.across = base < size;
    const a = this.#a;
    const b = this.#b;
    this.#pair(base, start, end, p1, p2, node, a, b);
    if (a !== b) this.#pair(base, start, end, p1, p2, node, b, a);
  }

  /** The DAWG's node after the board tiles on line positions `from` to `to - 1` of the line at `base` (0: none). */
  #walk(base: number, from: number, to: number): number {
    const words = this.#words;
    const cells = this.#lines.cells;
    let node = this.#root;
    for (let q = from; q < to && node !== 0; q++) {
      const arc = arcOf(words, this.#head, node, (cells[base + q] as number) & 0x3f);
      node = arc < 0 ? 0 : (words[arc] as number) >>> 2;
    }
    return node;
  }

  /**
   * Reports the plays with tile `a` on line position `p1` and tile `b` on `p2` (empty squares
   * with only board tiles between them) of the main word from `start` to `end`, from the DAWG's
   * `node` after the tiles before `p1`.
   */
  #pair(base: number, start: number, end: number, p1: number, p2: number, node: number, a: number, b: number): void {
    const { cells, xlo, xhi, xsum, lm, wm, squareOf } = this.#lines;
    const words = this.#words;
    const head = this.#head;
    const values = this.#values;
    const i1 = base + p1;
    const i2 = base + p2;
    const lo1 = ((words[node] as number) & (xlo[i1] as number) & ((a & BLANK) !== 0 ? ALL : bitLo(a))) >>> 0;
    const hi1 =
      (head === 2 ? (words[node + 1] as number) : 0) & (xhi[i1] as number) & ((a & BLANK) !== 0 ? ALL : bitHi(a));
    const loB = ((b & BLANK) !== 0 ? ALL : bitLo(b)) & (xlo[i2] as number);
    const hiB = ((b & BLANK) !== 0 ? ALL : bitHi(b)) & (xhi[i2] as number);
    if ((lo1 | hi1) === 0 || (loB | hiB) === 0) return;
    const x1 = xsum[i1] as number;
    const x2 = xsum[i2] as number;
    const wm1 = wm[i1] as number;
    const wm2 = wm[i2] as number;
    const play = this.#play;
    play.square0 = squareOf[i1] as number;
    play.square1 = squareOf[i2] as number;
    play.wordStart = squareOf[base + start] as number;
    play.wordLength = end - start + 1;
    for (let bits1 = lo1, bitsHi1 = hi1 >>> 0; (bits1 | bitsHi1) !== 0;) {
      let g1: number;
      if (bits1 !== 0) {
        g1 = 31 - Math.clz32(bits1 & -bits1);
        bits1 &= bits1 - 1;
      } else {
        g1 = 63 - Math.clz32(bitsHi1 & -bitsHi1);
        bitsHi1 &= bitsHi1 - 1;
      }
      // The tiles between the squares, then the second square.
      let n = (words[arcOf(words, head, node, g1)] as number) >>> 2;
      for (let q = p1 + 1; q < p2 && n !== 0; q++) {
        const arc = arcOf(words, head, n, (cells[base + q] as number) & 0x3f);
        n = arc < 0 ? 0 : (words[arc] as number) >>> 2;
      }
      if (n === 0) continue;
      const lv1 = (a & BLANK) !== 0 ? 0 : (values[g1] as number) * (lm[i1] as number);
      play.tile0 = (a & BLANK) !== 0 ? g1 | BLANK : g1;
      let lo2 = ((words[n] as number) & loB) >>> 0;
      let hi2 = ((head === 2 ? (words[n + 1] as number) : 0) & hiB) >>> 0;
      while ((lo2 | hi2) !== 0) {
        let g2: number;
        if (lo2 !== 0) {
          g2 = 31 - Math.clz32(lo2 & -lo2);
          lo2 &= lo2 - 1;
        } else {
          g2 = 63 - Math.clz32(hi2 & -hi2);
          hi2 &= hi2 - 1;
        }
        // The tiles after the second square; the word is whole where the last arc ends one.
        let arc = arcOf(words, head, n, g2);
        for (let q = p2 + 1; q <= end && arc >= 0; q++) {
          const next = (words[arc] as number) >>> 2;
          arc = next === 0 ? -1 : arcOf(words, head, next, (cells[base + q] as number) & 0x3f);
        }
        if (arc < 0 || ((words[arc] as number) & 1) === 0) continue;
        const lv2 = (b & BLANK) !== 0 ? 0 : (values[g2] as number) * (lm[i2] as number);
        play.tile1 = (b & BLANK) !== 0 ? g2 | BLANK : g2;
        play.score = play.equity =
          (this.#boardSum(base, start, end) + lv1 + lv2) * wm1 * wm2 +
          (x1 >= 0 ? (x1 + lv1) * wm1 : 0) +
          (x2 >= 0 ? (x2 + lv2) * wm2 : 0) +
          this.#bonus;
        this.#onPlay(play);
      }
    }
  }

  /** The points of the board tiles on line positions `from` to `to` of the line at `base`. */
  #boardSum(base: number, from: number, to: number): number {
    const cells = this.#lines.cells;
    let sum = 0;
    for (let q = from; q <= to; q++) {
      const c = cells[base + q] as number;
      if (c !== 0 && (c & BLANK) === 0) sum += this.#values[c & 0x3f] as number;
    }
    return sum;
  }
}
