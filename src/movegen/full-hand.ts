import type { Dictionary } from '../dictionary/dictionary.js';
import { LETTER_HASH, alphagramIndex, type AlphagramIndex } from './alphagrams.js';
import type { BoardLines } from './lines.js';
import { MAX_RACK, type SearchRack } from './rack.js';

/** The longest words the alphagram index holds (see `alphagrams.ts`). */
const MAX_INDEXED = 10;

/**
 * Whether a play of the whole hand can spell a word on a stretch of a line: the bounds ask it
 * before they count a full hand's bonus. The words come from the alphagram index (the words of
 * the full-hand lengths by their sorted letters), looked up once a search for each set of board
 * tiles a full-hand word goes through, in a direct-mapped cache:
 *
 * ```
 * entry e = hash(key) >>> 22 (1,024 entries)     key = the board tiles' sorted codes and their number
 * stamp[e] key[e]          the search and the key the entry holds
 * first[e] count[e]        its alphagram slots: pool[first .. first + count); count -1 when unknown
 * ```
 */
export class FullHandCheck {
  readonly #dictionary: Dictionary;
  readonly #handSize: number;
  readonly #alphabetSize: number;
  readonly #lines: BoardLines;
  readonly #rack: SearchRack;
  /** Whether the check may build and read the index (else it can never tell). */
  readonly #indexed: boolean;
  #alphagrams: AlphagramIndex | undefined;
  readonly #stamp = new Uint32Array(1024);
  readonly #key = new Int32Array(1024);
  readonly #first = new Int32Array(1024);
  readonly #count = new Int32Array(1024);
  #pool = new Int32Array(8192);
  /** Letters counted by {@link listPlays}, by glyph (left at 0 between words). */
  readonly #need = new Int8Array(64);
  #poolSize = 0;
  /** The pool range of the slots the last lookup found. */
  #found = 0;
  #foundCount = 0;
  #searchStamp = 0;
  /** The hand's letters with the board tiles of a full-hand word, sorted; and with the blanks' letters added. */
  readonly #sorted = new Uint8Array(MAX_RACK + 4);
  readonly #withX = new Uint8Array(MAX_RACK + 6);
  /** The squares (line positions) of a word where each letter stands, for placing two blanks. */
  readonly #squaresOf = new Int16Array(2 * MAX_RACK);

  /**
   * A check of full hands of `handSize` tiles of `rack` on `lines`, with the words of `dictionary`
   * (its index built on first use); without `indexed`, one that can never tell (no index built).
   */
  constructor(
    dictionary: Dictionary,
    handSize: number,
    alphabetSize: number,
    lines: BoardLines,
    rack: SearchRack,
    indexed = true,
  ) {
    this.#indexed = indexed;
    this.#dictionary = dictionary;
    this.#handSize = handSize;
    this.#alphabetSize = alphabetSize;
    this.#lines = lines;
    this.#rack = rack;
  }

  /** Forgets the words found for the last hand (call once a search, after the rack is set). */
  newSearch(): void {
    this.#searchStamp = (this.#searchStamp + 1) >>> 0;
    this.#poolSize = 0;
  }

  /**
   * Whether a full-hand word can fill squares `from..to` of the line at `base`: an anagram of the
   * hand (a blank as any letter) and the board tiles there, each board tile where it is and each
   * new letter allowed by its square's cross-check. True when the index cannot tell (three blanks
   * or more, more than three board tiles). The words of each set of board tiles are found once a
   * search.
   */
  fits(base: number, from: number, to: number): boolean {
    if (!this.#lookUp(base, from, to)) return true;
    const index = this.#alphagrams as AlphagramIndex;
    const words = index.words;
    const len = to - from + 1;
    for (let t = this.#found; t < this.#found + this.#foundCount; t++) {
      const slot = this.#pool[t] as number;
      for (let w = index.wordsFrom(slot), end = index.wordsTo(slot); w < end; w += len)
        if (this.#placeable(words, w, base, from, to)) return true;
    }
    return false;
  }

  /**
   * Looks up the full-hand words of squares `from..to` of the line at `base` (the anagrams of the
   * hand and the board tiles there: their alphagram slots in `pool[found .. found + foundCount)`);
   * false when the index cannot tell (three blanks or more, more than three board tiles).
   */
  #lookUp(base: number, from: number, to: number): boolean {
    if (!this.#indexed || this.#rack.blanks > 2) return false;
    const cells = this.#lines.cells;
    // The board tiles, up to three, sorted into a key.
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let m = 0;
    for (let q = from; q <= to; q++) {
      const v = cells[base + q] as number;
      if (v === 0) continue;
      if (++m > 3) return false;
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
    if (this.#stamp[e] !== this.#searchStamp || this.#key[e] !== key) this.#findSlots(e, key, t0, t1, t2, m);
    const count = this.#count[e] as number;
    if (count < 0) return false;
    this.#found = this.#first[e] as number;
    this.#foundCount = count;
    return true;
  }

  /**
   * Whether the words can be looked up for a stretch with `boardTiles` board tiles: a hand of at most
   * two blanks, at most three board tiles, and words that long in the index (depends on nothing else).
   */
  tellable(boardTiles: number): boolean {
    return this.#indexed && this.#rack.blanks <= 2 && boardTiles <= this.maxBoardTiles;
  }

  /** The most board tiles a stretch may hold for its words to be looked up (three, or fewer where the words would be too long for the index). */
  get maxBoardTiles(): number {
    return Math.min(3, MAX_INDEXED - this.#handSize);
  }

  /**
   * Each play of the whole hand on squares `from..to` of the line at `base` (where {@link tellable}
   * says the words can be looked up): `onPlay(words, w, blankAt, blankAt2)` for each word (at `w` in
   * `words`) that fits, once with no blank (both -1) or once for each way the blanks may stand: on
   * the squares of the letters the word holds more of than the hand (with one blank `blankAt2`
   * is -1; with two, the squares of two such letters, or two squares of one letter it holds two
   * more of).
   */
  listPlays(
    base: number,
    from: number,
    to: number,
    onPlay: (words: Uint8Array, w: number, blankAt: number, blankAt2: number) => void,
  ): void {
    if (!this.#lookUp(base, from, to)) return;
    const cells = this.#lines.cells;
    const counts = this.#rack.counts;
    const need = this.#need;
    const index = this.#alphagrams as AlphagramIndex;
    const words = index.words;
    const len = to - from + 1;
    for (let t = this.#found; t < this.#found + this.#foundCount; t++) {
      const slot = this.#pool[t] as number;
      for (let w = index.wordsFrom(slot), end = index.wordsTo(slot); w < end; w += len) {
        if (!this.#placeable(words, w, base, from, to)) continue;
        if (this.#rack.blanks === 0) {
          onPlay(words, w, -1, -1);
          continue;
        }
        // The letters the blanks stand for: those the word needs more of than the hand holds
        // (`a` and `b`, or `a` twice).
        let a = 0;
        let b = 0;
        for (let q = from; q <= to; q++) {
          const g = words[w + q - from] as number;
          if (cells[base + q] === 0) need[g] = (need[g] as number) + 1;
        }
        for (let q = from; q <= to; q++) {
          const g = words[w + q - from] as number;
          if (cells[base + q] !== 0 || g === a || g === b) continue;
          const extra = (need[g] as number) - (counts[g] as number);
          if (extra <= 0) continue;
          if (a === 0) a = g;
          else b = g;
          if (extra === 2) b = g;
        }
        for (let q = from; q <= to; q++) need[words[w + q - from] as number] = 0;
        if (this.#rack.blanks === 1) {
          for (let q = from; q <= to; q++)
            if (cells[base + q] === 0 && words[w + q - from] === a) onPlay(words, w, q, -1);
          continue;
        }
        // Two blanks: a square of `a` and one of `b`, or two squares of `a` (b === a).
        const squares = this.#squaresOf;
        let na = 0;
        let nb = 0;
        for (let q = from; q <= to; q++) {
          if (cells[base + q] !== 0) continue;
          const g = words[w + q - from] as number;
          if (g === a) squares[na++] = q;
          else if (g === b) squares[MAX_RACK + nb++] = q;
        }
        if (b === a) {
          for (let i = 0; i < na; i++)
            for (let j = i + 1; j < na; j++) onPlay(words, w, squares[i] as number, squares[j] as number);
        } else
          for (let i = 0; i < na; i++)
            for (let j = 0; j < nb; j++) onPlay(words, w, squares[i] as number, squares[MAX_RACK + j] as number);
      }
    }
  }

  /** Whether the word at `w` of `words` fits squares `from..to` of the line at `base`: board tiles where they are, each new letter allowed by its square. */
  #placeable(words: Uint8Array, w: number, base: number, from: number, to: number): boolean {
    const cells = this.#lines.cells;
    const xlo = this.#lines.xlo;
    const xhi = this.#lines.xhi;
    for (let q = from; q <= to; q++) {
      const g = words[w + q - from] as number;
      const c = cells[base + q] as number;
      if (c !== 0) {
        if ((c & 0x3f) !== g) return false;
      } else if (
        g < 32 ? (((xlo[base + q] as number) >>> g) & 1) === 0 : (((xhi[base + q] as number) >>> (g - 32)) & 1) === 0
      )
        return false;
    }
    return true;
  }

  /**
   * Into cache entry `e`: the alphagram slots of the full-hand words through the board tiles
   * `t0, t1, t2` (the first `m` of them; `key` their key): the hand's letters and those tiles, a
   * blank taken as each letter in turn, two blanks as each pair of letters. A count of -1 when the
   * index cannot tell.
   */
  #findSlots(e: number, key: number, t0: number, t1: number, t2: number, m: number): void {
    this.#alphagrams ??= alphagramIndex(this.#dictionary, this.#handSize);
    const index = this.#alphagrams;
    // The hand's letters and the board tiles, sorted (codes ascending).
    const sorted = this.#sorted;
    const size = this.#alphabetSize;
    const counts = this.#rack.counts;
    let len = 0;
    // The letters' hash (see LETTER_HASH): with a blank's letter x, the sum plus x's term.
    let hash = 0;
    for (let g = 1; g <= size; g++) {
      let c = counts[g] as number;
      if (m >= 1 && g === t0) c++;
      if (m >= 2 && g === t1) c++;
      if (m >= 3 && g === t2) c++;
      for (; c > 0 && len < sorted.length - 1; c--) {
        sorted[len++] = g;
        hash = (hash + (LETTER_HASH[g] as number)) >>> 0;
      }
    }
    const blanks = this.#rack.blanks;
    // Room for a slot for each letter (or pair of letters, x <= y) the blanks may stand for (the
    // pool doubles when short).
    const most = blanks === 2 ? (size * (size + 1)) / 2 : size + 1;
    if (this.#poolSize + most > this.#pool.length) {
      const grown = new Int32Array(2 * (this.#poolSize + most));
      grown.set(this.#pool);
      this.#pool = grown;
    }
    const pool = this.#pool;
    const first = this.#poolSize;
    let n = 0;
    // Without a blank one lookup; with blanks, one for each letter (or pair of letters) they may
    // stand for, each asked of the index's filter first: most spell nothing with the others.
    const fullLength = len + blanks;
    const known = fullLength <= index.maxLength;
    if (known && fullLength >= index.minLength) {
      if (blanks === 0) {
        if (index.mayHold(hash)) {
          const slot = index.findSorted(sorted, len);
          if (slot >= 0) pool[first + n++] = slot;
        }
      } else
        for (let x = 1; x <= size; x++) {
          const hx = hash + (LETTER_HASH[x] as number);
          for (let y = blanks === 2 ? x : 0, last = blanks === 2 ? size : 0; y <= last; y++) {
            if (!index.mayHold((hx + (y === 0 ? 0 : (LETTER_HASH[y] as number))) >>> 0)) continue;
            const slot = index.findSorted(this.#withLetters(len, x, y), fullLength);
            if (slot >= 0) pool[first + n++] = slot;
          }
        }
    }
    this.#stamp[e] = this.#searchStamp;
    this.#key[e] = key;
    this.#first[e] = first;
    this.#count[e] = known ? n : -1;
    if (known) this.#poolSize = first + n;
  }

  /** The `len` sorted letters with `x` and, unless 0, `y` (x <= y) inserted in order, in `#withX`. */
  #withLetters(len: number, x: number, y: number): Uint8Array {
    const sorted = this.#sorted;
    const out = this.#withX;
    let w = 0;
    let r = 0;
    while (r < len && (sorted[r] as number) <= x) out[w++] = sorted[r++] as number;
    out[w++] = x;
    if (y !== 0) {
      while (r < len && (sorted[r] as number) <= y) out[w++] = sorted[r++] as number;
      out[w++] = y;
    }
    while (r < len) out[w++] = sorted[r++] as number;
    return out;
  }
}
