import { BLANK } from '../config/letterset.js';
import { SmallPlay, type PlayView } from './play.js';
import type { BoardLines } from './lines.js';

/** Every glyph of a set's word (a blank's). */
const ALL = 0xffffffff;

/** The bit of glyph `t`'s code in a set's low word (0 for codes 32-63 and for a blank). */
export function bitLo(t: number): number {
  const g = t & 0x3f;
  return (t & BLANK) !== 0 || g >= 32 ? 0 : (1 << g) >>> 0;
}

/** The bit of glyph `t`'s code in a set's high word (0 for codes 1-31 and for a blank). */
export function bitHi(t: number): number {
  const g = t & 0x3f;
  return (t & BLANK) !== 0 || g < 32 ? 0 : (1 << (g - 32)) >>> 0;
}

/**
 * The plays of a hand of one tile, read off the cross-checks instead of walking the GADDAG from
 * every anchor: a tile may go on an empty square that touches a tile when its glyph is in the
 * square's cross-checks of both directions (each allows every glyph where no tile touches it
 * that way), and it scores the words it makes from the cross-checks' points. The endgame's
 * searches end in long runs of one-tile hands; this costs a pass over the board's squares.
 *
 * The plays are those the walk makes, each once (across when the tile touches a tile across,
 * else down), with the same scores and main words: across plays first, square by square in
 * row-major order, then down plays in column-major order.
 */
export class SingleTilePlays {
  readonly #lines: BoardLines;
  readonly #values: Uint8Array;
  readonly #bonus: number;
  /** The down plays' squares of a generation, as down-line positions (column × rows + row). */
  readonly #downAt: Int32Array;
  /** The squares {@link generateAround} has looked at: `seen[square] === stamp`. */
  readonly #seen: Uint32Array;
  #stamp = 0;
  // The tiles being placed: the glyphs held (bit sets), whether a blank is, the leave of a play and the callback.
  #realLo = 0;
  #realHi = 0;
  #blank = false;
  #leave = 0;
  #onPlay: (play: PlayView) => void = () => undefined;
  /** The play being reported. */
  readonly #play = new SmallPlay();

  /** Reads `lines`; `values` are the glyphs' face values, `bonus` what playing a whole hand of one tile adds. */
  constructor(lines: BoardLines, values: Uint8Array, bonus: number) {
    this.#lines = lines;
    this.#values = values;
    this.#bonus = bonus;
    this.#downAt = new Int32Array(lines.size);
    this.#seen = new Uint32Array(lines.size);
    this.#play.tileCount = 1;
  }

  /**
   * Reports every play of the one tile `tile` (a glyph code, or BLANK) to `onPlay`, its equity
   * the score plus `leave` (the value of keeping nothing). The board must hold a tile.
   */
  generate(tile: number, leave: number, onPlay: (play: PlayView) => void): void {
    this.#take(tile, -1, leave);
    this.#scan(onPlay);
  }

  /** Reports every play of one tile of the two `a` and `b` (a hand of two), each play once, its equity its score. */
  generateEither(a: number, b: number, onPlay: (play: PlayView) => void): void {
    this.#take(a, b, 0);
    this.#scan(onPlay);
  }

  /** Every square in the order of the class comment. */
  #scan(onPlay: (play: PlayView) => void): void {
    this.#onPlay = onPlay;
    const { rows, cols, size, cells, xsum } = this.#lines;
    // One pass in row-major order: across plays at once, the squares of down plays kept and
    // then taken in column-major order (the walk's order of lines).
    let downs = 0;
    const downAt = this.#downAt;
    for (let s = 0, row = 0, col = 0; s < size; s++) {
      if (cells[s] === 0) {
        // Line-major indexes of the square: across lines hold the down words' checks, down lines the across words'.
        const iD = size + col * rows + row;
        const hx = xsum[iD] as number;
        if (hx >= 0) this.#offer(s, iD, true);
        else if ((xsum[s] as number) >= 0) downAt[downs++] = col * rows + row;
      }
      if (++col === cols) {
        col = 0;
        row++;
      }
    }
    if (downs === 0) return;
    downAt.subarray(0, downs).sort();
    for (let k = 0; k < downs; k++) {
      const j = downAt[k] as number;
      const col = (j / rows) | 0;
      this.#offer((j - col * rows) * cols + col, size + j, false);
    }
  }

  /**
   * After tiles were added on `count` squares (`squares[offset..]`, on the board now), reports
   * the plays of the one tile `tile` (or of either of `tile` and `other`, -1 for none) that they made or changed, as `MoveGenerator.generateAfter`
   * does: those on the empty squares just beyond a run of tiles, along a row or a column, that
   * holds an added tile (a one-tile play anywhere else makes the same words as before).
   */
  generateAround(
    tile: number,
    other: number,
    leave: number,
    onPlay: (play: PlayView) => void,
    squares: ArrayLike<number>,
    count: number,
    offset: number,
  ): void {
    const { rows, cols, size, cells } = this.#lines;
    this.#take(tile, other, leave);
    this.#onPlay = onPlay;
    let stamp = (this.#stamp = (this.#stamp + 1) >>> 0);
    if (stamp === 0) {
      this.#seen.fill(0);
      stamp = this.#stamp = 1;
    }
    for (let t = 0; t < count; t++) {
      const a = squares[offset + t] as number;
      const c = a % cols;
      const r = (a - c) / cols;
      let l = c;
      while (l > 0 && cells[a - c + l - 1] !== 0) l--;
      if (l > 0) this.#offerAt(a - c + l - 1, r, l - 1, stamp);
      let e = c;
      while (e + 1 < cols && cells[a - c + e + 1] !== 0) e++;
      if (e + 1 < cols) this.#offerAt(a - c + e + 1, r, e + 1, stamp);
      let u = r;
      while (u > 0 && cells[(u - 1) * cols + c] !== 0) u--;
      if (u > 0) this.#offerAt((u - 1) * cols + c, u - 1, c, stamp);
      let d = r;
      while (d + 1 < rows && cells[(d + 1) * cols + c] !== 0) d++;
      if (d + 1 < rows) this.#offerAt((d + 1) * cols + c, d + 1, c, stamp);
    }
  }

  /** Takes the tiles to place (`b` -1 for none) and the leave of a one-tile play. */
  #take(a: number, b: number, leave: number): void {
    this.#blank = (a & BLANK) !== 0 || (b >= 0 && (b & BLANK) !== 0);
    this.#realLo = (bitLo(a) | (b >= 0 ? bitLo(b) : 0)) >>> 0;
    this.#realHi = (bitHi(a) | (b >= 0 ? bitHi(b) : 0)) >>> 0;
    this.#leave = leave;
  }

  /** Reports the plays on empty square `s` (at `row`, `col`) once per stamp: across when it touches a tile across, else down. */
  #offerAt(s: number, row: number, col: number, stamp: number): void {
    const seen = this.#seen;
    if (seen[s] === stamp) return;
    seen[s] = stamp;
    const { rows, size, xsum } = this.#lines;
    const iD = size + col * rows + row;
    if ((xsum[iD] as number) >= 0) this.#offer(s, iD, true);
    else if ((xsum[s] as number) >= 0) this.#offer(s, iD, false);
  }

  /** Reports the plays of the tiles held on empty square `s` (`iD` its down-line index) in a direction, each glyph its cross-checks allow. */
  #offer(s: number, iD: number, across: boolean): void {
    const lines = this.#lines;
    const blank = this.#blank;
    const lo = ((lines.xlo[s] as number) & (lines.xlo[iD] as number) & (blank ? ALL : this.#realLo)) >>> 0;
    const hi = ((lines.xhi[s] as number) & (lines.xhi[iD] as number) & (blank ? ALL : this.#realHi)) >>> 0;
    if ((lo | hi) === 0) return;
    const hx = lines.xsum[iD] as number;
    const vx = lines.xsum[s] as number;
    const w = lines.wm[s] as number;
    const lm = lines.lm[s] as number;
    this.#play.square0 = s;
    this.#play.across = across;
    this.#wordOf(s, across);
    // The tiles held of the glyphs allowed, then a blank as each glyph allowed (scoring nothing).
    for (let bits = lo & this.#realLo; bits !== 0; bits &= bits - 1) {
      const g = 31 - Math.clz32(bits & -bits);
      this.#report(g, (this.#values[g] as number) * lm, hx, vx, w);
    }
    for (let bits = hi & this.#realHi; bits !== 0; bits &= bits - 1) {
      const g = 63 - Math.clz32(bits & -bits);
      this.#report(g, (this.#values[g] as number) * lm, hx, vx, w);
    }
    if (!blank) return;
    for (let bits = lo; bits !== 0; bits &= bits - 1)
      this.#report(BLANK | (31 - Math.clz32(bits & -bits)), 0, hx, vx, w);
    for (let bits = hi; bits !== 0; bits &= bits - 1)
      this.#report(BLANK | (63 - Math.clz32(bits & -bits)), 0, hx, vx, w);
  }

  #report(tile: number, lv: number, hx: number, vx: number, w: number): void {
    const play = this.#play;
    play.tile0 = tile;
    play.score = (hx >= 0 ? (hx + lv) * w : 0) + (vx >= 0 ? (vx + lv) * w : 0) + this.#bonus;
    play.equity = play.score + this.#leave;
    this.#onPlay(play);
  }

  /** The main word through empty square `s`: along its row when `across`, else its column. */
  #wordOf(s: number, across: boolean): void {
    const { cols, size, cells } = this.#lines;
    const step = across ? 1 : cols;
    const lineStart = across ? s - (s % cols) : s % cols;
    const lineEnd = across ? lineStart + cols - 1 : lineStart + size - cols;
    let a = s;
    while (a > lineStart && cells[a - step] !== 0) a -= step;
    let b = s;
    while (b < lineEnd && cells[b + step] !== 0) b += step;
    this.#play.wordStart = a;
    this.#play.wordLength = (b - a) / step + 1;
  }
}
