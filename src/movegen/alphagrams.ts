import type { Dictionary } from '../dictionary/dictionary.js';

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
    const sorted = new Uint8Array(10);
    const found: number[] = [];
    const list: Uint8Array[] = [];
    for (const codes of dictionary.wordCodes()) {
      const n = codes.length;
      if (n < minLength || n > max) continue;
      for (let i = 0; i < n; i++) {
        const g = codes[i] as number;
        let j = i;
        while (j > 0 && (sorted[j - 1] as number) > g) {
          sorted[j] = sorted[j - 1] as number;
          j--;
        }
        sorted[j] = g;
      }
      found.push(packHalf(sorted, 0, Math.min(n, 5)), packHalf(sorted, 5, n));
      list.push(codes.slice());
    }
    let slots = 1024;
    while (slots < found.length) slots *= 2;
    const keys = new Uint32Array(2 * slots);
    const index = new AlphagramIndex(minLength, max, keys);
    const slotOfWord = new Int32Array(list.length);
    const bytes = index.start;
    for (let k = 0; k < list.length; k++) {
      const slot = index.insert(found[2 * k] as number, found[2 * k + 1] as number);
      slotOfWord[k] = slot;
      bytes[slot + 1] = (bytes[slot + 1] as number) + (list[k] as Uint8Array).length;
    }
    for (let s = 0; s < slots; s++) bytes[s + 1] = (bytes[s + 1] as number) + (bytes[s] as number);
    const words = new Uint8Array(bytes[slots] as number);
    const next = bytes.slice(0, slots);
    for (let k = 0; k < list.length; k++) {
      const slot = slotOfWord[k] as number;
      words.set(list[k] as Uint8Array, next[slot] as number);
      next[slot] = (next[slot] as number) + (list[k] as Uint8Array).length;
    }
    index.#words = words;
    return index;
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

/** What {@link AlphagramIndex.find} answers for letters the index cannot tell about. */
export const BEYOND = -2;

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
