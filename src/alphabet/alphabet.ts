import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { array, check, object, record, refine, str } from '../schema/schema.js';

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

const GLYPH = refine(str(1, 8), (g) =>
  g !== g.normalize('NFC').toUpperCase()
    ? 'a glyph is upper case (NFC)'
    : /[\s?*.[\]()=]/u.test(g)
      ? 'a glyph uses a reserved character (? * . [ ] ( ) = or a space)'
      : undefined,
);

/** The shape of an alphabet spec. */
const SPEC = object(
  { name: str(1, 32, /^[\p{L}\p{N}_.-]+$/u), glyphs: array(GLYPH, 1, MAX_GLYPH_CODE) },
  {
    fold: record(
      str(1, 8),
      refine(str(1, 2), (k) => ([...k].length === 1 && k.length === 1 ? undefined : 'a fold source is one character')),
      256,
    ),
    vowels: array(GLYPH, 0, MAX_GLYPH_CODE),
  },
);

function badAlphabet(cause: string) {
  return err(engineError(Code.BAD_ALPHABET, { cause }));
}

/** True when `text` splits into glyphs of the set, longest first. */
function splitsIntoGlyphs(text: string, glyphs: ReadonlySet<string>, longest: number): boolean {
  let i = 0;
  while (i < text.length) {
    let w = Math.min(longest, text.length - i);
    while (w >= 1 && !glyphs.has(text.slice(i, i + w))) w--;
    if (w === 0) return false;
    i += w;
  }
  return true;
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

  /**
   * Checks a spec (untrusted: from code or from a file) field by field and builds the alphabet;
   * a BAD_ALPHABET error (90200) names the first fault, never a throw. The rules: a name of 1 to
   * 32 letters, digits, `-`, `_` or `.`; 1 to 63 distinct glyphs of 1 to 8 characters, upper case
   * (NFC), none reserved (`? * . [ ] ( ) =`, spaces); `vowels`: distinct glyphs; `fold`: at most
   * 256 entries from one character that is in no glyph (any case) to 1 to 8 characters that split
   * into glyphs. Fold targets are glyphs and fold sources are not, so folding cannot cycle nor
   * expand text by more than 8×. Unknown keys are faults. The alphabet keeps a frozen copy.
   */
  static create(spec: AlphabetSpec): Result<Alphabet, EngineError> {
    const checked = check(SPEC, spec);
    if (!checked.ok) return err(engineError(Code.BAD_ALPHABET, { cause: checked.fault.toString() }));
    const s = checked.value;
    const glyphs = new Set(s.glyphs);
    if (glyphs.size !== s.glyphs.length)
      return badAlphabet(`glyph ${s.glyphs.find((g, i) => s.glyphs.indexOf(g) !== i)} is listed twice`);
    const vowels = s.vowels ?? [];
    for (const v of vowels) if (!glyphs.has(v)) return badAlphabet(`vowels: ${JSON.stringify(v)} is not a glyph`);
    if (new Set(vowels).size !== vowels.length) return badAlphabet('vowels: a vowel is listed twice');
    const glyphChars = new Set<string>();
    for (const g of s.glyphs) for (const ch of g) (glyphChars.add(ch), glyphChars.add(ch.toLowerCase()));
    const longest = Math.max(...s.glyphs.map((g) => g.length));
    for (const [from, to] of Object.entries(s.fold ?? {})) {
      if (glyphChars.has(from) || glyphChars.has(from.toUpperCase()))
        return badAlphabet(
          `fold: ${JSON.stringify(from)} is in a glyph, so it cannot be folded (a fold of a glyph would lose words or cycle)`,
        );
      if (!splitsIntoGlyphs(to, glyphs, longest))
        return badAlphabet(
          `fold: ${JSON.stringify(from)} folds to ${JSON.stringify(to)}, which is not a run of glyphs`,
        );
    }
    const frozen: AlphabetSpec = Object.freeze({
      name: s.name,
      glyphs: s.glyphs,
      ...(s.fold === undefined ? {} : { fold: s.fold }),
      ...(s.vowels === undefined ? {} : { vowels: s.vowels }),
    });
    return ok(new Alphabet(frozen));
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
      return err(
        engineError(Code.BAD_QUERY, {
          param: bad,
          cause: `${JSON.stringify(bad)} is not a glyph of alphabet ${this.spec.name}`,
        }),
      );
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

/** The last two distinct alphabets {@link sameGlyphs} found alike (alphabets never change). */
let likeA: Alphabet | undefined;
let likeB: Alphabet | undefined;

/** True when two alphabets have the same glyphs with the same codes (the same object, or equal specs). */
export function sameGlyphs(a: Alphabet, b: Alphabet): boolean {
  // A configuration and a dictionary loaded apart hold two alike alphabets: validation asks
  // about the same pair at every move, so the last pair found alike is remembered.
  if (a === b || (a === likeA && b === likeB)) return true;
  if (a.size !== b.size) return false;
  for (let c = 1; c <= a.size; c++) if (a.glyph(c) !== b.glyph(c)) return false;
  likeA = a;
  likeB = b;
  return true;
}

/** True when two holders of an alphabet (a configuration and a dictionary, say) use the same one: the same glyphs in the same order. */
export function sameAlphabet(a: { readonly alphabet: Alphabet }, b: { readonly alphabet: Alphabet }): boolean {
  return sameGlyphs(a.alphabet, b.alphabet);
}

/**
 * The lexicon-language check: undefined when a game's configuration and a dictionary are of the
 * same language (their alphabets have the same name: `en`, `fr`…), else the sentence saying which
 * is which. English and French share their glyphs, so {@link sameAlphabet} alone would let an
 * English dictionary judge a French game; the engine refuses such a game and the CLI warns.
 */
export function languageMismatch(
  game: { readonly alphabet: Alphabet },
  dictionary: { readonly alphabet: Alphabet },
): string | undefined {
  const g = game.alphabet.spec.name;
  const d = dictionary.alphabet.spec.name;
  return g === d ? undefined : `the game is in alphabet ${g} and the dictionary in ${d}`;
}
