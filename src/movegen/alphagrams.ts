import type { Dictionary } from '../dictionary/dictionary.js';

/**
 * The alphagrams (sorted letter multisets) of a dictionary's words of some lengths, in an
 * open-addressing hash table: `has(counts)` says whether some word of those lengths uses exactly
 * these letters. The best-play search uses it to drop the full-hand bonus from its bounds when
 * no full-hand word can exist (a bingo needs an anagram of the hand plus the board tiles it
 * plays through). Keys are the 6-bit glyph codes in ascending order, 5 per 30-bit half (up to
 * 10 letters).
 */
export class AlphagramIndex {
  readonly minLength: number;
  readonly maxLength: number;
  private readonly keys: Uint32Array;
  private readonly mask: number;
  private readonly buf = new Uint8Array(10);

  private constructor(minLength: number, maxLength: number, keys: Uint32Array) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.keys = keys;
    this.mask = keys.length / 2 - 1;
  }

  /** The index of the words of `minLength` to `maxLength` glyphs (at most 10). */
  static build(dictionary: Dictionary, minLength: number, maxLength: number): AlphagramIndex {
    const max = Math.min(maxLength, 10);
    const sorted = new Uint8Array(10);
    const found: number[] = [];
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
    }
    let slots = 1024;
    while (slots < found.length) slots *= 2;
    const keys = new Uint32Array(2 * slots);
    const index = new AlphagramIndex(minLength, max, keys);
    for (let k = 0; k < found.length; k += 2) index.insert(found[k] as number, found[k + 1] as number);
    return index;
  }

  private slotOf(a: number, b: number): number {
    return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  }

  private insert(a: number, b: number): void {
    // Stored halves are offset by 1 so that an empty slot (0, 0) is never a key.
    let s = this.slotOf(a, b) & this.mask;
    for (;;) {
      const ka = this.keys[2 * s] as number;
      const kb = this.keys[2 * s + 1] as number;
      if (ka === 0 && kb === 0) {
        this.keys[2 * s] = a + 1;
        this.keys[2 * s + 1] = b + 1;
        return;
      }
      if (ka === a + 1 && kb === b + 1) return;
      s = (s + 1) & this.mask;
    }
  }

  /** True when some indexed word uses exactly the letters counted in `counts` (index: glyph code). */
  has(counts: ArrayLike<number>, maxGlyph: number): boolean {
    let n = 0;
    for (let g = 1; g <= maxGlyph; g++) {
      const c = counts[g] as number;
      if (c === 0) continue;
      if (n + c > 10) return true; // beyond the index: assume it may exist
      for (let k = 0; k < c; k++) this.buf[n++] = g;
    }
    if (n < this.minLength || n > this.maxLength) return n > this.maxLength;
    const a = packHalf(this.buf, 0, Math.min(n, 5));
    const b = packHalf(this.buf, 5, n);
    let s = this.slotOf(a, b) & this.mask;
    for (;;) {
      const ka = this.keys[2 * s] as number;
      const kb = this.keys[2 * s + 1] as number;
      if (ka === 0 && kb === 0) return false;
      if (ka === a + 1 && kb === b + 1) return true;
      s = (s + 1) & this.mask;
    }
  }
}

/** Codes `from..to` of a sorted buffer packed 6 bits each (at most 5: 30 bits). */
function packHalf(sorted: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) k = k * 64 + (sorted[i] as number);
  return k;
}

const cache = new WeakMap<Dictionary, Map<number, AlphagramIndex>>();

/** The alphagram index of a dictionary for words of `length` to `length + 2` glyphs, built once. */
export function alphagramIndex(dictionary: Dictionary, length: number): AlphagramIndex {
  let byLength = cache.get(dictionary);
  if (byLength === undefined) {
    byLength = new Map();
    cache.set(dictionary, byLength);
  }
  let index = byLength.get(length);
  if (index === undefined) {
    index = AlphagramIndex.build(dictionary, length, length + 2);
    byLength.set(length, index);
  }
  return index;
}
