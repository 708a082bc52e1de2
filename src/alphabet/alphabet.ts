import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';

/** The largest glyph code: codes are 6 bits, 0 is reserved (no glyph / GADDAG separator). */
export const MAX_GLYPH_CODE = 63;

/** An alphabet as plain data: what a user writes to define their own. */
export interface AlphabetSpec {
  /** A short identifier: 'en', 'fr', 'es'... */
  readonly name: string;
  /** Canonical glyphs in upper case, in sort order. Glyph i gets code i + 1. Up to 63 glyphs. */
  readonly glyphs: readonly string[];
  /**
   * Characters folded before tokenising (after upper-casing), e.g. `{ 'É': 'E', 'Œ': 'OE' }`.
   * Only characters that are glyphs, or fold to glyphs, are accepted in words.
   */
  readonly fold?: Readonly<Record<string, string>>;
  /** Glyphs that count as vowels (duplicate draws). */
  readonly vowels?: readonly string[];
}

/**
 * A glyph alphabet: maps glyphs (one or several characters: CH, LL, QU...) to small integer codes
 * 1..63 and back. Text is upper-cased, folded, then split into glyphs longest match first.
 */
export class Alphabet {
  /** The spec this alphabet was made from. */
  readonly spec: AlphabetSpec;
  /** Glyph of each code; index 0 is ''. */
  readonly glyphs: readonly string[];
  /** Number of glyphs (the largest code). */
  readonly size: number;
  /** True when some glyph has several characters (slow path for text). */
  readonly hasMultiCharGlyphs: boolean;
  /** Bit i set when code i is a vowel (codes 0-31 in `vowelMaskLo`, 32-63 in `vowelMaskHi`). */
  readonly vowelMaskLo: number;
  readonly vowelMaskHi: number;
  /**
   * Direct UTF-16 unit to code table for single-character glyphs (upper, lower and folded forms);
   * 0 means "take the slow path". Read-only by contract: hot loops index it instead of calling
   * {@link directCode}.
   */
  readonly direct: Uint8Array;
  private readonly byGlyph: ReadonlyMap<string, number>;
  private readonly maxGlyphLength: number;
  private readonly fold: ReadonlyMap<string, string>;

  private constructor(spec: AlphabetSpec) {
    this.spec = spec;
    this.glyphs = ['', ...spec.glyphs];
    this.size = spec.glyphs.length;
    this.byGlyph = new Map(spec.glyphs.map((g, i) => [g, i + 1]));
    this.maxGlyphLength = Math.max(1, ...spec.glyphs.map((g) => g.length));
    this.hasMultiCharGlyphs = this.maxGlyphLength > 1;
    this.fold = new Map(Object.entries(spec.fold ?? {}));
    let lo = 0;
    let hi = 0;
    for (const v of spec.vowels ?? []) {
      const c = this.byGlyph.get(v) ?? 0;
      if (c < 32) lo |= 1 << c;
      else hi |= 1 << (c - 32);
    }
    this.vowelMaskLo = lo >>> 0;
    this.vowelMaskHi = hi >>> 0;
    this.direct = new Uint8Array(65536);
    const setDirect = (ch: string, code: number): void => {
      if (ch.length === 1 && code > 0) this.direct[ch.charCodeAt(0)] = code;
    };
    for (const [g, c] of this.byGlyph) {
      if (g.length !== 1) continue;
      setDirect(g, c);
      setDirect(g.toLowerCase(), c);
    }
    for (const [from, to] of this.fold) {
      const c = this.byGlyph.get(to) ?? 0;
      setDirect(from, c);
      setDirect(from.toLowerCase(), c);
    }
    if (this.hasMultiCharGlyphs) {
      // A character that starts a multi-character glyph cannot be decoded alone.
      for (const g of spec.glyphs) {
        if (g.length < 2) continue;
        const first = g[0] ?? '';
        this.direct[first.charCodeAt(0)] = 0;
        this.direct[first.toLowerCase().charCodeAt(0)] = 0;
      }
    }
  }

  /** Checks a spec and builds the alphabet. */
  static create(spec: AlphabetSpec): Result<Alphabet, EngineError> {
    const bad = (cause: string) => err(engineError(Code.BAD_ALPHABET, { cause }));
    if (typeof spec !== 'object' || spec === null) return bad('the alphabet must be an object');
    if (typeof spec.name !== 'string' || spec.name.length === 0) return bad('the alphabet needs a name');
    if (!Array.isArray(spec.glyphs)) return bad('glyphs must be an array of strings');
    if (spec.glyphs.length === 0 || spec.glyphs.length > MAX_GLYPH_CODE)
      return bad(`an alphabet has 1 to ${MAX_GLYPH_CODE} glyphs, not ${spec.glyphs.length}`);
    const seen = new Set<string>();
    for (const g of spec.glyphs) {
      if (typeof g !== 'string' || g.length === 0 || g.length > 8) return bad(`bad glyph ${JSON.stringify(g)}`);
      if (g !== g.normalize('NFC').toUpperCase()) return bad(`glyph ${g} must be upper case (NFC)`);
      if (/[\s?*.\[\]()=]/u.test(g)) return bad(`glyph ${g} uses a reserved character`);
      if (seen.has(g)) return bad(`glyph ${g} is listed twice`);
      seen.add(g);
    }
    if (spec.fold !== undefined) {
      if (typeof spec.fold !== 'object' || spec.fold === null) return bad('fold must be an object');
      for (const [from, to] of Object.entries(spec.fold)) {
        if (typeof to !== 'string' || from.length !== 1) return bad(`bad fold entry ${from}`);
      }
    }
    for (const v of spec.vowels ?? []) if (!seen.has(v)) return bad(`vowel ${v} is not a glyph`);
    return ok(new Alphabet(spec));
  }

  /** The code of a glyph (canonical, upper case), or 0 when it is none. */
  code(glyph: string): number {
    return this.byGlyph.get(glyph) ?? 0;
  }

  /** The glyph of a code, or '' for 0 and unknown codes. */
  glyph(code: number): string {
    return this.glyphs[code] ?? '';
  }

  /** True when the code is a vowel. */
  isVowel(code: number): boolean {
    return code < 32 ? ((this.vowelMaskLo >>> code) & 1) === 1 : ((this.vowelMaskHi >>> (code - 32)) & 1) === 1;
  }

  /**
   * The code of a single UTF-16 unit when it alone is a glyph (any case, folded), else 0. Hot
   * paths use it to walk text without allocating; 0 means "take the slow path" ({@link encode}).
   */
  directCode(unit: number): number {
    return this.direct[unit] ?? 0;
  }

  /** Upper-cases and folds text (NFC), without tokenising. */
  normalize(text: string): string {
    let s = text.normalize('NFC').toUpperCase();
    if (this.fold.size > 0) {
      let out = '';
      for (const ch of s) out += this.fold.get(ch) ?? this.fold.get(ch.toLowerCase()) ?? ch;
      s = out;
    }
    return s;
  }

  /**
   * Splits text into glyph codes, longest match first. Fails with BAD_QUERY (param: the first
   * text that is no glyph) when some part of the text is not in the alphabet.
   */
  encode(text: string): Result<Uint8Array, EngineError> {
    if (typeof text !== 'string') return err(engineError(Code.BAD_QUERY, { cause: 'text must be a string' }));
    const out = new Uint8Array(text.length);
    const n = this.encodeInto(text, out);
    if (n < 0) {
      const bad = this.firstInvalid(text);
      return err(engineError(Code.BAD_QUERY, { param: bad, cause: `${JSON.stringify(bad)} is not a glyph of alphabet ${this.spec.name}` }));
    }
    return ok(out.subarray(0, n));
  }

  /**
   * Encodes text into `out` and returns the number of glyphs, or -1 when the text holds something
   * that is no glyph or does not fit. Allocates nothing for plain text of single-character glyphs.
   */
  encodeInto(text: string, out: Uint8Array): number {
    const len = text.length;
    if (len <= out.length) {
      let i = 0;
      for (; i < len; i++) {
        const c = this.direct[text.charCodeAt(i)] ?? 0;
        if (c === 0) break;
        out[i] = c;
      }
      if (i === len) return len;
    }
    return this.encodeSlow(text, out);
  }

  private encodeSlow(text: string, out: Uint8Array): number {
    const s = this.normalize(text);
    let n = 0;
    let i = 0;
    while (i < s.length) {
      let code = 0;
      let width = 0;
      for (let w = Math.min(this.maxGlyphLength, s.length - i); w >= 1; w--) {
        code = this.byGlyph.get(s.slice(i, i + w)) ?? 0;
        if (code !== 0) {
          width = w;
          break;
        }
      }
      if (code === 0 || n >= out.length) return -1;
      out[n++] = code;
      i += width;
    }
    return n;
  }

  private firstInvalid(text: string): string {
    const s = this.normalize(text);
    let i = 0;
    while (i < s.length) {
      let width = 0;
      for (let w = Math.min(this.maxGlyphLength, s.length - i); w >= 1; w--) {
        if (this.byGlyph.has(s.slice(i, i + w))) {
          width = w;
          break;
        }
      }
      if (width === 0) return String.fromCodePoint(s.codePointAt(i) ?? 0);
      i += width;
    }
    return text;
  }

  /** Joins codes back into text (canonical upper case). */
  decode(codes: ArrayLike<number>, start = 0, end = codes.length): string {
    let s = '';
    for (let i = start; i < end; i++) s += this.glyphs[codes[i] ?? 0] ?? '';
    return s;
  }
}

/** True when two alphabets have the same glyphs with the same codes (the same object, or equal specs). */
export function sameGlyphs(a: Alphabet, b: Alphabet): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (let c = 1; c <= a.size; c++) if (a.glyph(c) !== b.glyph(c)) return false;
  return true;
}
