import type { Alphabet } from '../alphabet/alphabet.js';

/** How a word list was filtered on its way into a dictionary. */
export interface WordListReport {
  /** Entries read (lines of a text, items of an array). */
  readonly read: number;
  /** Distinct words kept. */
  readonly kept: number;
  /** Entries dropped, by reason. */
  readonly dropped: {
    readonly empty: number;
    readonly invalid: number;
    readonly tooShort: number;
    readonly tooLong: number;
    readonly duplicate: number;
  };
  /** Up to 10 entries dropped for characters outside the alphabet. */
  readonly invalidExamples: readonly string[];
}

/** Options of word-list normalisation. */
export interface WordListOptions {
  /** Keep only words of at least this many glyphs (default: no filter). */
  readonly minLength?: number;
  /** Keep only words of at most this many glyphs (default: no filter). */
  readonly maxLength?: number;
}

/** The longest word, in glyphs, a dictionary accepts. */
export const MAX_WORD_LENGTH = 64;

/**
 * Normalises a word list: trims entries, folds case and accents, drops entries with characters
 * outside the alphabet (and, only when asked, by length in glyphs), removes duplicates and sorts
 * by glyph code. Returns the words as keys (strings whose UTF-16 units are glyph codes).
 */
export function normalizeWordList(
  input: string | Iterable<string>,
  alphabet: Alphabet,
  options: WordListOptions = {},
): { keys: string[]; report: WordListReport } {
  const entries = typeof input === 'string' ? input.split(/\r?\n/) : input;
  const min = options.minLength ?? 1;
  const max = Math.min(options.maxLength ?? MAX_WORD_LENGTH, MAX_WORD_LENGTH);
  const buf = new Uint8Array(MAX_WORD_LENGTH * 4);
  const keys: string[] = [];
  let read = 0;
  let empty = 0;
  let invalid = 0;
  let tooShort = 0;
  let tooLong = 0;
  const invalidExamples: string[] = [];
  for (const raw of entries) {
    read++;
    const word = typeof raw === 'string' ? raw.trim() : '';
    if (word.length === 0) {
      // A trailing newline is not an entry.
      if (typeof input === 'string' && raw === '') read--;
      else empty++;
      continue;
    }
    const n = alphabet.encodeInto(word, buf);
    if (n < 0) {
      if (word.length > buf.length) tooLong++;
      else {
        invalid++;
        if (invalidExamples.length < 10) invalidExamples.push(word);
      }
      continue;
    }
    if (n < min) {
      tooShort++;
      continue;
    }
    if (n > max) {
      tooLong++;
      continue;
    }
    keys.push(String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]));
  }
  keys.sort();
  let w = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[w - 1]) keys[w++] = keys[i] as string;
  const duplicate = keys.length - w;
  keys.length = w;
  return {
    keys,
    report: { read, kept: w, dropped: { empty, invalid, tooShort, tooLong, duplicate }, invalidExamples },
  };
}
