import type { Alphabet } from '../alphabet/alphabet.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { type Hand, makeHand } from '../state/hand.js';

/**
 * Glyphs in text, shared by every notation: an upper-case glyph is a tile, a lower-case one a
 * blank standing for it, `?` an undesignated blank, `.` an empty or played-through square.
 * Multi-character glyphs are written bare (split longest match first: `CHICO` is CH-I-C-O) or
 * in brackets (`[CH]`, `[ch]` for a blank); brackets also force single glyphs (`[C][H]`).
 * Formatting always brackets multi-character glyphs, so text round-trips exactly.
 */
export type Token =
  | { readonly kind: 'tile'; readonly value: number; readonly end: number }
  | { readonly kind: 'dot'; readonly end: number }
  | { readonly kind: 'open' | 'close'; readonly end: number }
  | { readonly kind: 'error'; readonly text: string };

/** Longest glyph text of an alphabet, in characters. */
function longest(alphabet: Alphabet): number {
  let n = 1;
  for (const g of alphabet.glyphs) n = Math.max(n, g.length);
  return n;
}

/** Reads one token at `i`: a tile value (code, BLANK | code for a blank, BLANK alone for `?`), a dot or a parenthesis. */
export function readToken(text: string, i: number, alphabet: Alphabet): Token {
  const ch = text[i] ?? '';
  if (ch === '.') return { kind: 'dot', end: i + 1 };
  if (ch === '?') return { kind: 'tile', value: BLANK, end: i + 1 };
  if (ch === '(') return { kind: 'open', end: i + 1 };
  if (ch === ')') return { kind: 'close', end: i + 1 };
  if (ch === '[') {
    const close = text.indexOf(']', i + 1);
    if (close < 0) return { kind: 'error', text: text.slice(i) };
    const inner = text.slice(i + 1, close);
    const value = glyphValue(inner, alphabet);
    return value === 0 ? { kind: 'error', text: text.slice(i, close + 1) } : { kind: 'tile', value, end: close + 1 };
  }
  for (let w = Math.min(longest(alphabet), text.length - i); w >= 1; w--) {
    const value = glyphValue(text.slice(i, i + w), alphabet);
    if (value !== 0) return { kind: 'tile', value, end: i + w };
  }
  return { kind: 'error', text: String.fromCodePoint(text.codePointAt(i) ?? 0) };
}

/** The tile value of a glyph's text: upper case a tile, lower case a blank; 0 when it is none or of mixed case. */
export function glyphValue(s: string, alphabet: Alphabet): number {
  if (s.length === 0) return 0;
  const upper = s.toUpperCase();
  const lower = s.toLowerCase();
  if (upper === lower) return 0;
  const code = alphabet.code(alphabet.normalize(s));
  if (code === 0) return 0;
  if (s === upper) return code;
  if (s === lower) return BLANK | code;
  return 0;
}

/** The text of a tile value: glyph, lower case for a blank, `?` for an undesignated blank; multi-character glyphs in brackets. */
export function tileText(value: number, alphabet: Alphabet): string {
  const code = value & 0x3f;
  if (code === 0) return (value & BLANK) !== 0 ? '?' : '.';
  const g = alphabet.glyph(code);
  const s = (value & BLANK) !== 0 ? g.toLowerCase() : g;
  return g.length > 1 ? `[${s}]` : s;
}

/** Parses a run of tiles (a hand, a bag): glyphs and `?`, spaces ignored. Returns the first bad text on failure. */
export function parseTiles(text: string, alphabet: Alphabet): Result<Tile[], EngineError> {
  if (typeof text !== 'string' || text.length > MAX_TILES_TEXT)
    return err(engineError(Code.BAD_NOTATION, { cause: `tiles are a text of at most ${MAX_TILES_TEXT} characters` }));
  const tiles: Tile[] = [];
  for (let i = 0; i < text.length;) {
    if (/\s/.test(text[i] as string)) {
      i++;
      continue;
    }
    const t = readToken(text, i, alphabet);
    if (t.kind !== 'tile') {
      const bad = t.kind === 'error' ? t.text : (text[i] as string);
      return err(
        engineError(Code.BAD_NOTATION, {
          param: bad,
          cause: `${JSON.stringify(bad)} is not a tile of alphabet ${alphabet.spec.name}`,
        }),
      );
    }
    // In a hand a lower-case letter means a blank (`?`), whatever letter it names.
    tiles.push((t.value & BLANK) !== 0 ? BLANK : t.value);
    i = t.end;
  }
  return ok(tiles);
}

/** The longest text {@link parseTiles} reads. */
const MAX_TILES_TEXT = 4096;

/**
 * A hand from its letters (`AEINST?`: upper case tiles, `?` or a lower-case letter a blank),
 * checked against a configuration: glyphs of its letterset, at most a hand of tiles.
 */
export function handFromLetters(text: string, config: GameConfig): Result<Hand, EngineError> {
  const tiles = parseTiles(text, config.alphabet);
  if (!tiles.ok) return tiles;
  if (tiles.value.length > config.handSize)
    return err(
      engineError(Code.BAD_NOTATION, {
        cause: `a hand holds at most ${config.handSize} tiles, not ${tiles.value.length}`,
      }),
    );
  for (const t of tiles.value) {
    if (t === BLANK ? config.letters.blanks === 0 : config.letters.counts[t] === 0)
      return err(
        engineError(Code.BAD_NOTATION, {
          param: t === BLANK ? '?' : config.alphabet.glyph(t),
          cause: `no such tile in letterset ${config.letters.spec.name}`,
        }),
      );
  }
  return ok(makeHand(tiles.value));
}

/** The text of a run of tiles. */
export function formatTiles(tiles: readonly number[], alphabet: Alphabet): string {
  return formatRun(
    tiles.map((t) => tileText(t, alphabet)),
    alphabet,
  );
}

/**
 * Joins glyph texts so that they read back the same: a bare glyph that would merge with what
 * follows (C then H, in an alphabet with CH) is bracketed.
 */
export function formatRun(texts: readonly string[], alphabet: Alphabet): string {
  if (!alphabet.hasMultiCharGlyphs) return texts.join('');
  let rest = '';
  for (let i = texts.length - 1; i >= 0; i--) {
    let t = texts[i] as string;
    if (!t.startsWith('[') && t !== '.' && t !== '?' && rest !== '') {
      const read = readToken(t + rest, 0, alphabet);
      if (read.kind !== 'tile' || read.end !== t.length) t = `[${t}]`;
    }
    rest = t + rest;
  }
  return rest;
}
