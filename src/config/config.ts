import { Alphabet, type AlphabetSpec } from '../alphabet/alphabet.js';
import { builtinAlphabet } from '../alphabet/presets.js';
import { Code, describeValue, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import {
  ENGLISH_LETTERS,
  FRENCH_LETTERS,
  GERMAN_LETTERS,
  POLISH_LETTERS,
  SPANISH_LETTERS,
  SUPER_LETTERS,
  WWF_LETTERS,
  type LetterSet,
  type LetterSetSpec,
} from './letterset.js';
import { STANDARD_LAYOUT, SUPER_LAYOUT, WWF_LAYOUT, type LayoutSpec } from './layout.js';

/** A crossword game's configuration as plain data. */
export interface ConfigSpec {
  /** A short identifier: 'en', 'fr', 'wwf'... */
  readonly name: string;
  /** A built-in alphabet name, or an alphabet spec. */
  readonly alphabet: string | AlphabetSpec;
  readonly letters: LetterSetSpec;
  readonly layout: LayoutSpec;
  /** Tiles in a full hand (default 7). */
  readonly handSize?: number;
  /** Points for placing a full hand in one move (default 50). */
  readonly fullHandBonus?: number;
  /** Trading needs at least this many tiles in the bag (default: the hand size). */
  readonly minBagToTrade?: number;
}

/** The board's geometry and premiums, indexed by square (`row * cols + col`). */
export interface Layout {
  readonly spec: LayoutSpec;
  readonly rows: number;
  readonly cols: number;
  /** Letter multiplier of each square (1 plain; 0 on dead squares). */
  readonly letterMultiplier: Uint8Array;
  /** Word multiplier of each square (1 plain; 0 on dead squares). */
  readonly wordMultiplier: Uint8Array;
  /** 1 on dead squares (no tile may go there). */
  readonly dead: Uint8Array;
  /** The start square (a first move must cover it). */
  readonly start: number;
}

/** A checked configuration: everything the rules need, precomputed. */
export interface GameConfig {
  readonly spec: ConfigSpec;
  readonly name: string;
  readonly alphabet: Alphabet;
  readonly letters: LetterSet;
  readonly layout: Layout;
  readonly handSize: number;
  readonly fullHandBonus: number;
  readonly minBagToTrade: number;
}

/** The largest board side the engine accepts (columns are lettered A..Z). */
export const MAX_BOARD_SIDE = 26;

const bad = (cause: string) => err(engineError(Code.BAD_CONFIGURATION, { cause }));

const isCount = (n: unknown, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

/** Checks a letterset against its alphabet. */
export function createLetterSet(spec: LetterSetSpec, alphabet: Alphabet): Result<LetterSet, EngineError> {
  if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.tiles))
    return bad('a letterset needs a tiles array');
  if (!isCount(spec.blanks, 64))
    return bad(`blanks must be a whole number from 0 to 64, not ${describeValue(spec.blanks)}`);
  const counts = new Uint8Array(64);
  const values = new Uint8Array(64);
  const seen = new Set<number>();
  let total = spec.blanks;
  for (const t of spec.tiles) {
    if (typeof t !== 'object' || t === null || typeof t.glyph !== 'string') return bad('each tile needs a glyph');
    const code = alphabet.code(t.glyph);
    if (code === 0) return bad(`glyph ${t.glyph} is missing from alphabet ${alphabet.spec.name}`);
    if (seen.has(code)) return bad(`glyph ${t.glyph} is listed twice`);
    seen.add(code);
    if (!isCount(t.count, 255))
      return bad(`count of ${t.glyph} must be a whole number from 0 to 255, not ${describeValue(t.count)}`);
    if (!isCount(t.value, 255))
      return bad(`value of ${t.glyph} must be a whole number from 0 to 255, not ${describeValue(t.value)}`);
    counts[code] = t.count;
    values[code] = t.value;
    total += t.count;
  }
  if (total === 0) return bad('a letterset needs at least one tile');
  return ok({ spec, alphabet, counts, values, blanks: spec.blanks, total });
}

const LETTER_PREMIUM: Readonly<Record<string, [number, number]>> = {
  '.': [1, 1],
  '+': [1, 1],
  d: [2, 1],
  t: [3, 1],
  q: [4, 1],
  D: [1, 2],
  '*': [1, 2],
  T: [1, 3],
  Q: [1, 4],
  '#': [0, 0],
};

/** Checks a layout: a rectangle of known squares with exactly one start square. */
export function createLayout(spec: LayoutSpec): Result<Layout, EngineError> {
  if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.rows)) return bad('a layout needs rows');
  const rows = spec.rows.map((r) => (typeof r === 'string' ? r.replace(/\s+/g, '') : ''));
  const n = rows.length;
  const cols = rows[0]?.length ?? 0;
  if (n < 1 || n > MAX_BOARD_SIDE || cols < 1 || cols > MAX_BOARD_SIDE)
    return bad(`a board is 1 to ${MAX_BOARD_SIDE} squares a side, not ${n}×${cols}`);
  const letterMultiplier = new Uint8Array(n * cols);
  const wordMultiplier = new Uint8Array(n * cols);
  const dead = new Uint8Array(n * cols);
  let start = -1;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as string;
    if (row.length !== cols) return bad(`row ${r + 1} has ${row.length} squares, row 1 has ${cols}`);
    for (let c = 0; c < cols; c++) {
      const ch = row[c] as string;
      const premium = Object.prototype.hasOwnProperty.call(LETTER_PREMIUM, ch) ? LETTER_PREMIUM[ch] : undefined;
      if (premium === undefined) return bad(`unknown square ${JSON.stringify(ch)} at row ${r + 1}, column ${c + 1}`);
      const i = r * cols + c;
      letterMultiplier[i] = premium[0];
      wordMultiplier[i] = premium[1];
      dead[i] = ch === '#' ? 1 : 0;
      if (ch === '*' || ch === '+') {
        if (start >= 0) return bad('a layout has exactly one start square');
        start = i;
      }
    }
  }
  if (start < 0) return bad('the layout has no start square (* or +)');
  return ok({ spec, rows: n, cols, letterMultiplier, wordMultiplier, dead, start });
}

/** Checks a configuration and precomputes what the rules need. */
export function createConfig(spec: ConfigSpec): Result<GameConfig, EngineError> {
  if (typeof spec !== 'object' || spec === null) return bad('a configuration must be an object');
  if (typeof spec.name !== 'string' || spec.name.length === 0) return bad('a configuration needs a name');
  let alphabet: Alphabet;
  if (typeof spec.alphabet === 'string') {
    const a = builtinAlphabet(spec.alphabet);
    if (a === undefined) return bad(`unknown alphabet ${spec.alphabet}`);
    alphabet = a;
  } else {
    const a = Alphabet.create(spec.alphabet);
    if (!a.ok) return bad(`bad alphabet: ${a.error.cause ?? ''}`);
    alphabet = a.value;
  }
  const letters = createLetterSet(spec.letters, alphabet);
  if (!letters.ok) return letters;
  const layout = createLayout(spec.layout);
  if (!layout.ok) return layout;
  const handSize = spec.handSize ?? 7;
  if (!isCount(handSize, 64) || handSize < 1)
    return bad(`hand size must be a whole number from 1 to 64, not ${describeValue(handSize)}`);
  const fullHandBonus = spec.fullHandBonus ?? 50;
  if (!isCount(fullHandBonus, 10_000))
    return bad(`the full-hand bonus must be a whole number from 0 to 10000, not ${describeValue(fullHandBonus)}`);
  const minBagToTrade = spec.minBagToTrade ?? handSize;
  if (!isCount(minBagToTrade, 10_000))
    return bad(`minBagToTrade must be a whole number, not ${describeValue(minBagToTrade)}`);
  return ok({
    spec,
    name: spec.name,
    alphabet,
    letters: letters.value,
    layout: layout.value,
    handSize,
    fullHandBonus,
    minBagToTrade,
  });
}

/** The built-in configuration specs, by name. */
export const CONFIG_SPECS: Readonly<Record<string, ConfigSpec>> = Object.freeze({
  en: { name: 'en', alphabet: 'en', letters: ENGLISH_LETTERS, layout: STANDARD_LAYOUT },
  fr: { name: 'fr', alphabet: 'fr', letters: FRENCH_LETTERS, layout: STANDARD_LAYOUT },
  es: { name: 'es', alphabet: 'es', letters: SPANISH_LETTERS, layout: STANDARD_LAYOUT },
  de: { name: 'de', alphabet: 'de', letters: GERMAN_LETTERS, layout: STANDARD_LAYOUT },
  pl: { name: 'pl', alphabet: 'pl', letters: POLISH_LETTERS, layout: STANDARD_LAYOUT },
  wwf: { name: 'wwf', alphabet: 'en', letters: WWF_LETTERS, layout: WWF_LAYOUT, fullHandBonus: 35 },
  super: { name: 'super', alphabet: 'en', letters: SUPER_LETTERS, layout: SUPER_LAYOUT },
});

const built = new Map<string, GameConfig>();

/** A built-in configuration by name ('en', 'fr', 'es', 'de', 'pl', 'wwf', 'super'), or an error. */
export function presetConfig(name: string): Result<GameConfig, EngineError> {
  const cached = built.get(name);
  if (cached !== undefined) return ok(cached);
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(CONFIG_SPECS, name))
    return bad(`unknown configuration ${describeValue(name)}; known: ${Object.keys(CONFIG_SPECS).join(', ')}`);
  const r = createConfig(CONFIG_SPECS[name] as ConfigSpec);
  if (r.ok) built.set(name, r.value);
  return r;
}
