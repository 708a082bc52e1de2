import type { Dictionary } from '../dictionary/dictionary.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from '../dictionary/format.js';

/**
 * The alphagrams (sorted letter multisets) of a dictionary's words of some lengths, in an
 * open-addressing hash table, each with its words: `find(counts)` gives the slot of the words
 * that use exactly these letters, `wordsFrom` and `wordsTo` where they are. The best-play search uses it to drop
 * the full-hand bonus from its bounds when no full-hand word fits a stretch of squares (a bingo
 * spells an anagram of the hand plus the board tiles it plays through, each letter allowed by
 * its square). Keys are the 6-bit glyph codes in ascending order, 5 per 30-bit half (up to 10
 * letters); the words of a slot lie one after another in {@link words}.
 */
export class AlphagramIndex {
  readonly minLength: number;
  readonly maxLength: number;
  #words: Uint8Array;
  /**
   * A filter in front of the table (2^20 bits, 128 KB: it stays in cache where the table does
   * not): bit `h >>> 12` is set for the {@link LETTER_HASH} sum `h` of each alphagram held, so a
   * clear bit says at once that some letters spell no word (about 8 % of absent alphagrams pass).
   */
  readonly #filter = new Uint32Array(1 << 15);
  private readonly start: Int32Array;
  private readonly keys: Uint32Array;
  private readonly mask: number;
  private readonly buf = new Uint8Array(10);

  private constructor(minLength: number, maxLength: number, keys: Uint32Array) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.keys = keys;
    this.mask = keys.length / 2 - 1;
    this.#words = new Uint8Array(0);
    this.start = new Int32Array(keys.length / 2 + 1);
  }

  /** The index of the words of `minLength` to `maxLength` glyphs (at most 10). */
  static build(dictionary: Dictionary, minLength: number, maxLength: number): AlphagramIndex {
    const max = Math.min(maxLength, 10);
    // The words of min..max glyphs, back to back, and their keys: a walk of the DAWG that goes no
    // deeper than max (where a yielded list of every word would walk it all and copy each word).
    let codes = new Uint8Array(1 << 16);
    let starts = new Int32Array(1 << 12);
    let halves = new Uint32Array(1 << 13);
    let count = 0;
    let used = 0;
    const arcs = dictionary.arcs;
    const path = new Uint8Array(max);
    const sorted = new Uint8Array(10);
    const at = new Int32Array(max);
    let depth = 0;
    at[0] = dictionary.root;
    while (dictionary.root !== 0) {
      const v = arcs[at[depth] as number] as number;
      path[depth] = v & ARC_GLYPH_MASK;
      const n = depth + 1;
      if ((v & ARC_END_OF_WORD) !== 0 && n >= minLength) {
        if (used + n > codes.length) codes = grown(codes, used + n);
        if (count + 2 > starts.length) starts = grown(starts, count + 2);
        if (2 * count + 2 > halves.length) halves = grown(halves, 2 * count + 2);
        for (let i = 0; i < n; i++) {
          const g = path[i] as number;
          codes[used + i] = g;
          let j = i;
          while (j > 0 && (sorted[j - 1] as number) > g) {
            sorted[j] = sorted[j - 1] as number;
            j--;
          }
          sorted[j] = g;
        }
        starts[count] = used;
        halves[2 * count] = packHalf(sorted, 0, Math.min(n, 5));
        halves[2 * count + 1] = packHalf(sorted, 5, n);
        used += n;
        count++;
      }
      const target = v >>> ARC_TARGET_SHIFT;
      if (target !== 0 && n < max) {
        at[++depth] = target;
        continue;
      }
      // The next sibling, going back up past lists that are done.
      while (depth >= 0 && ((arcs[at[depth] as number] as number) & ARC_LAST) !== 0) depth--;
      if (depth < 0) break;
      at[depth] = (at[depth] as number) + 1;
    }
    starts[count] = used;
    let slots = 1024;
    while (slots < 2 * count) slots *= 2;
    const keys = new Uint32Array(2 * slots);
    const index = new AlphagramIndex(minLength, max, keys);
    const slotOfWord = new Int32Array(count);
    const bytes = index.start;
    for (let k = 0; k < count; k++) {
      const slot = index.insert(halves[2 * k] as number, halves[2 * k + 1] as number);
      slotOfWord[k] = slot;
      bytes[slot + 1] = (bytes[slot + 1] as number) + (starts[k + 1] as number) - (starts[k] as number);
    }
    for (let s = 0; s < slots; s++) bytes[s + 1] = (bytes[s + 1] as number) + (bytes[s] as number);
    const words = new Uint8Array(bytes[slots] as number);
    const next = bytes.slice(0, slots);
    const filter = index.#filter;
    for (let k = 0; k < count; k++) {
      const slot = slotOfWord[k] as number;
      // The word's letters copied to its slot's words (a loop: a subarray a word costs more), and
      // their hash: its bit in the filter.
      let to = next[slot] as number;
      let h = 0;
      for (let i = starts[k] as number; i < (starts[k + 1] as number); i++) {
        const g = codes[i] as number;
        words[to++] = g;
        h = (h + (LETTER_HASH[g] as number)) >>> 0;
      }
      next[slot] = to;
      filter[h >>> 17] = (filter[h >>> 17] as number) | (1 << ((h >>> 12) & 31));
    }
    index.#words = words;
    return index;
  }

  /**
   * False when no alphagram held has the {@link LETTER_HASH} sum `hash` (its letters spell no word
   * of the index); true when one may (then look it up).
   */
  mayHold(hash: number): boolean {
    return (((this.#filter[hash >>> 17] as number) >>> ((hash >>> 12) & 31)) & 1) !== 0;
  }

  /** The words, grouped by slot: slot s's from {@link wordsFrom} to {@link wordsTo}, each of the slot's length. */
  get words(): Uint8Array {
    return this.#words;
  }

  /** Where slot `slot`'s words begin in {@link words}. */
  wordsFrom(slot: number): number {
    return this.start[slot] as number;
  }

  /** Where slot `slot`'s words end in {@link words}. */
  wordsTo(slot: number): number {
    return this.start[slot + 1] as number;
  }

  private slotOf(a: number, b: number): number {
    return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  }

  /** The slot of key (a, b), taken if new. */
  private insert(a: number, b: number): number {
    // Stored halves are offset by 1 so that an empty slot (0, 0) is never a key.
    let s = this.slotOf(a, b) & this.mask;
    for (;;) {
      const ka = this.keys[2 * s] as number;
      const kb = this.keys[2 * s + 1] as number;
      if (ka === 0 && kb === 0) {
        this.keys[2 * s] = a + 1;
        this.keys[2 * s + 1] = b + 1;
        return s;
      }
      if (ka === a + 1 && kb === b + 1) return s;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * The slot of the words that use exactly the letters counted in `counts` (index: glyph code):
   * -1 when there is none, {@link BEYOND} when the letters are too many or too few for the index
   * (then nothing is known).
   */
  find(counts: ArrayLike<number>, maxGlyph: number): number {
    let n = 0;
    for (let g = 1; g <= maxGlyph; g++) {
      const c = counts[g] as number;
      if (c === 0) continue;
      if (n + c > 10) return BEYOND;
      for (let k = 0; k < c; k++) this.buf[n++] = g;
    }
    return this.findSorted(this.buf, n);
  }

  /**
   * {@link find} for letters given as `n` glyph codes in ascending order (no counting pass): the
   * slot, -1 or {@link BEYOND}.
   */
  findSorted(sorted: Uint8Array, n: number): number {
    if (n < this.minLength || n > this.maxLength) return n > this.maxLength ? BEYOND : -1;
    const a = packHalf(sorted, 0, Math.min(n, 5));
    const b = packHalf(sorted, 5, n);
    let s = this.slotOf(a, b) & this.mask;
    for (;;) {
      const ka = this.keys[2 * s] as number;
      const kb = this.keys[2 * s + 1] as number;
      if (ka === 0 && kb === 0) return -1;
      if (ka === a + 1 && kb === b + 1) return s;
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * Each glyph's term in the hash of a multiset of letters (the sum of its letters' terms, modulo
 * 2^32, whatever their order): fixed odd constants, so that adding a letter to a multiset adds
 * its term to the hash.
 */
export const LETTER_HASH: Uint32Array = Uint32Array.from({ length: 64 }, (_, g) => {
  let x = Math.imul(g + 1, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) | 1;
});

/** What {@link AlphagramIndex.find} answers for letters the index cannot tell about. */
export const BEYOND = -2;

/** A copy of `a` with room for at least `need` items (doubling). */
function grown<T extends Uint8Array | Int32Array | Uint32Array>(a: T, need: number): T {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Codes `from..to` of a sorted buffer packed 6 bits each (at most 5: 30 bits). */
function packHalf(sorted: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) k = k * 64 + (sorted[i] as number);
  return k;
}

const cache = new WeakMap<Dictionary, Map<number, AlphagramIndex>>();

/** The alphagram index of a dictionary for words of `length` to `length + 3` glyphs (at most 10), built once. */
export function alphagramIndex(dictionary: Dictionary, length: number): AlphagramIndex {
  let byLength = cache.get(dictionary);
  if (byLength === undefined) {
    byLength = new Map();
    cache.set(dictionary, byLength);
  }
  let index = byLength.get(length);
  if (index === undefined) {
    index = AlphagramIndex.build(dictionary, length, length + 3);
    byLength.set(length, index);
  }
  return index;
}
