import type { Alphabet } from '../alphabet/alphabet.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { buildAutomaton, type AutomatonStats } from './build.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT, findArc, maskWordsFor, popcount } from './format.js';
import { MAX_WORD_LENGTH, normalizeWordList, type WordListOptions, type WordListReport } from './wordlist.js';
import { gaddagKeys } from './gaddag.js';
import { checkArcRegion, countSequences } from './check.js';

/** Anything that can say whether a word is valid: the DAWG, a `Set` wrapper, a permissive stub... */
export interface WordLookup {
  /** True when the glyph codes `codes[start..end)` spell a valid word. */
  hasCodes(codes: ArrayLike<number>, start?: number, end?: number): boolean;
}

/** Options of {@link Dictionary.build}. */
export interface BuildOptions extends WordListOptions {
  /** Also build a GADDAG (for move generation) into the same arc array. */
  readonly gaddag?: boolean;
}

/** What a build produced and dropped. */
export interface BuildReport {
  readonly wordList: WordListReport;
  readonly dawg: AutomatonStats;
  readonly gaddag?: AutomatonStats;
  /** Size of the packed arcs in bytes. */
  readonly bytes: number;
  /** Total build time, and the GADDAG's share of it, in milliseconds. */
  readonly ms: number;
  readonly gaddagMs: number;
}

/** Options of {@link Dictionary.anagrams}. */
export interface AnagramOptions {
  /** Also return words that use only some of the rack (default false: every tile is used). */
  readonly subAnagrams?: boolean;
  /** Shortest word returned, in glyphs (default 1; 2 with sub-anagrams). */
  readonly minLength?: number;
  /** At most this many words (default 100,000). */
  readonly limit?: number;
}

/** Options of {@link Dictionary.matchPattern}. */
export interface PatternOptions {
  /** At most this many words (default 100,000). */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 100_000;
const MAX_PATTERN_TOKENS = 30;
const TOKEN_ANY = 64;
const TOKEN_STAR = 65;

/**
 * A word list packed as a minimal DAWG (and optionally a GADDAG) in one `Uint32Array` of arcs,
 * with its alphabet. Immutable. Queries take strings at the edge and glyph codes inside; node
 * traversal (`root`, `arc`, `arcTarget`, `arcIsWord`, `childMask*`) lets other modules walk it.
 */
export class Dictionary implements WordLookup {
  /** The packed arcs; layout in `format.ts`. */
  readonly arcs: Uint32Array;
  /** The DAWG's root node. */
  readonly root: number;
  /** The GADDAG's root node, or 0 when the dictionary has none. Use {@link gaddag} to get it checked. */
  readonly gaddagRoot: number;
  /** The alphabet of the words. */
  readonly alphabet: Alphabet;
  /** Number of words. */
  readonly wordCount: number;
  /** Mask words in each node header (1, or 2 for alphabets of 32 glyphs or more). */
  readonly maskWords: 1 | 2;
  /** The arc reached by each two-glyph prefix (index g1 * 64 + g2), -1 for none: lookups start two steps down. */
  private readonly pairArc: Int32Array;
  private readonly scratch = new Uint8Array(MAX_WORD_LENGTH * 4);
  /** Result of the lazy GADDAG check: undefined before it runs, '' when sound. */
  private gaddagProblem: string | undefined;

  /** Wraps packed arcs. Use {@link Dictionary.build} or `loadDictionary` instead: this trusts its input. */
  constructor(arcs: Uint32Array, root: number, gaddagRoot: number, alphabet: Alphabet, wordCount: number) {
    this.arcs = arcs;
    this.root = root;
    this.gaddagRoot = gaddagRoot;
    this.alphabet = alphabet;
    this.wordCount = wordCount;
    this.maskWords = maskWordsFor(alphabet.size);
    this.pairArc = new Int32Array(64 * 64).fill(-1);
    if (root !== 0) {
      for (let a1 = root + this.maskWords; ; a1++) {
        const v1 = arcs[a1] as number;
        const n1 = v1 >>> ARC_TARGET_SHIFT;
        if (n1 !== 0) {
          for (let a2 = n1 + this.maskWords; ; a2++) {
            const v2 = arcs[a2] as number;
            this.pairArc[(v1 & ARC_GLYPH_MASK) * 64 + (v2 & ARC_GLYPH_MASK)] = a2;
            if (v2 & ARC_LAST) break;
          }
        }
        if (v1 & ARC_LAST) break;
      }
    }
  }

  /** Builds a dictionary from a word list (text, one word a line, or any iterable of strings). */
  static build(
    input: string | Iterable<string>,
    alphabet: Alphabet,
    options: BuildOptions = {},
  ): Result<{ dictionary: Dictionary; report: BuildReport }, EngineError> {
    const t0 = now();
    const { keys, report: wordList } = normalizeWordList(input, alphabet, options);
    const maskWords = maskWordsFor(alphabet.size);
    const dawg = buildAutomaton(keys, { maskWords });
    if (!dawg.ok) return dawg;
    let arcs = dawg.value.arcs;
    let gaddagRoot = 0;
    let gaddagStats: AutomatonStats | undefined;
    const tGaddag = now();
    if (options.gaddag === true && keys.length > 0) {
      // The GADDAG is laid out right after the DAWG, in the same array.
      const g = buildAutomaton(gaddagKeys(keys), { maskWords, base: arcs.length });
      if (!g.ok) return g;
      const joined = g.value.arcs;
      joined.set(arcs);
      arcs = joined;
      gaddagRoot = g.value.root;
      gaddagStats = g.value.stats;
    }
    const dictionary = new Dictionary(arcs, dawg.value.root, gaddagRoot, alphabet, keys.length);
    const report: BuildReport = {
      wordList,
      dawg: dawg.value.stats,
      ...(gaddagStats ? { gaddag: gaddagStats } : {}),
      bytes: arcs.byteLength,
      ms: now() - t0,
      gaddagMs: options.gaddag === true ? now() - tGaddag : 0,
    };
    return ok({ dictionary, report });
  }

  /**
   * The GADDAG's root node, after a one-time check of its region of a loaded file (targets
   * forward, siblings sorted); an error when the dictionary has no GADDAG or the region is corrupt.
   */
  gaddag(): Result<number, EngineError> {
    if (this.gaddagRoot === 0) return err(engineError(Code.BAD_QUERY, { cause: 'this dictionary has no GADDAG: build it with the gaddag option' }));
    if (this.gaddagProblem === undefined) {
      this.gaddagProblem = checkArcRegion(this.arcs, this.gaddagRoot, this.arcs.length, this.maskWords, 0, this.alphabet.size) ?? '';
    }
    if (this.gaddagProblem !== '') return err(engineError(Code.DICT_CORRUPT, { cause: this.gaddagProblem }));
    return ok(this.gaddagRoot);
  }

  // ---- node traversal -------------------------------------------------------------------

  /** The arc of `node` labelled `glyph`, or -1. */
  arc(node: number, glyph: number): number {
    return node === 0 || glyph < 0 || glyph > 63 ? -1 : findArc(this.arcs, node, glyph, this.maskWords);
  }

  /** The first arc of a node (its arcs follow until one has the last flag), or -1 for node 0. */
  firstArc(node: number): number {
    return node === 0 ? -1 : node + this.maskWords;
  }

  /** True when this arc is the last of its node. */
  arcIsLast(arc: number): boolean {
    return ((this.arcs[arc] as number) & ARC_LAST) !== 0;
  }

  /** The node an arc leads to (0: a node with no arcs). */
  arcTarget(arc: number): number {
    return (this.arcs[arc] as number) >>> ARC_TARGET_SHIFT;
  }

  /** True when the path ending with this arc spells a word. */
  arcIsWord(arc: number): boolean {
    return ((this.arcs[arc] as number) & ARC_END_OF_WORD) !== 0;
  }

  /** The glyph of an arc. */
  arcGlyph(arc: number): number {
    return (this.arcs[arc] as number) & ARC_GLYPH_MASK;
  }

  /** The node reached from `node` by `glyph`, or -1 when there is no such arc. */
  child(node: number, glyph: number): number {
    const a = this.arc(node, glyph);
    return a < 0 ? -1 : (this.arcs[a] as number) >>> ARC_TARGET_SHIFT;
  }

  /** Bitmask of the glyph codes 0-31 that leave `node` (bit g for code g). */
  childMaskLo(node: number): number {
    return node === 0 ? 0 : (this.arcs[node] as number);
  }

  /** Bitmask of the glyph codes 32-63 that leave `node` (bit i for code 32 + i). */
  childMaskHi(node: number): number {
    return node === 0 || this.maskWords === 1 ? 0 : (this.arcs[node + 1] as number);
  }

  /** Number of arcs leaving `node`. */
  degree(node: number): number {
    return popcount(this.childMaskLo(node)) + popcount(this.childMaskHi(node));
  }

  // ---- lookups -------------------------------------------------------------------------

  /** True when the glyph codes `codes[start..end)` spell a word. Allocates nothing. */
  hasCodes(codes: ArrayLike<number>, start = 0, end = codes.length): boolean {
    const arc = this.walk(codes, start, end);
    return arc > 0 && ((this.arcs[arc] as number) & ARC_END_OF_WORD) !== 0;
  }

  /** The last arc of the path spelled by `codes[start..end)` from the root, or -1. */
  walk(codes: ArrayLike<number>, start = 0, end = codes.length): number {
    if (end <= start) return -1;
    const arcs = this.arcs;
    const w = this.maskWords;
    let node = this.root;
    let a = -1;
    let i = start;
    if (end - start >= 2) {
      const g0 = codes[start] as number;
      const g1 = codes[start + 1] as number;
      if (g0 < 0 || g0 > 63 || g1 < 0 || g1 > 63) return -1;
      a = this.pairArc[g0 * 64 + g1] as number;
      if (a < 0) return -1;
      node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
      i += 2;
    }
    for (; i < end; i++) {
      if (node === 0) return -1;
      const g = codes[i] as number;
      if (g >>> 6 !== 0) return -1;
      if (w === 1 && g < 32) {
        const mask = arcs[node] as number;
        if (((mask >>> g) & 1) === 0) return -1;
        a = node + 1 + popcount(mask & ((1 << g) - 1));
      } else {
        a = findArc(arcs, node, g, w);
        if (a < 0) return -1;
      }
      node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
    }
    return a;
  }

  /** True when `word` is in the dictionary (case and accents folded as the alphabet says). */
  has(word: string): boolean {
    const arc = this.walkText(word);
    return arc > 0 && ((this.arcs[arc] as number) & ARC_END_OF_WORD) !== 0;
  }

  /** True when some word starts with `prefix` (the empty prefix included). */
  hasPrefix(prefix: string): boolean {
    if (prefix.length === 0) return this.root !== 0;
    return this.walkText(prefix) > 0;
  }

  private walkText(word: string): number {
    if (typeof word !== 'string') return -1;
    const len = word.length;
    if (len < 2 || this.maskWords !== 1) return this.walkSlow(word);
    const direct = this.alphabet.direct;
    const arcs = this.arcs;
    const g0 = direct[word.charCodeAt(0)] as number;
    const g1 = direct[word.charCodeAt(1)] as number;
    if (g0 === 0 || g1 === 0) return this.walkSlow(word);
    let a = this.pairArc[g0 * 64 + g1] as number;
    if (a < 0) return -1;
    let node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
    for (let i = 2; i < len; i++) {
      const g = direct[word.charCodeAt(i)] as number;
      if (g === 0) return this.walkSlow(word);
      if (node === 0) return -1;
      const mask = arcs[node] as number;
      if (((mask >>> g) & 1) === 0) return -1;
      a = node + 1 + popcount(mask & ((1 << g) - 1));
      node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
    }
    return a;
  }

  private walkSlow(word: string): number {
    const n = this.alphabet.encodeInto(word, this.scratch);
    return n <= 0 ? -1 : this.walk(this.scratch, 0, n);
  }

  // ---- enumeration ---------------------------------------------------------------------

  /** Every word, in glyph-code order. */
  *words(): IterableIterator<string> {
    for (const codes of this.wordCodes()) yield this.alphabet.decode(codes);
  }

  /** Every word as glyph codes, in order. The yielded array is reused: copy it to keep it. */
  *wordCodes(): IterableIterator<Uint8Array> {
    if (this.root === 0) return;
    const arcs = this.arcs;
    const buf = new Uint8Array(MAX_WORD_LENGTH + 1);
    const stack = new Int32Array(MAX_WORD_LENGTH + 1);
    let depth = 0;
    stack[0] = this.root + this.maskWords;
    while (depth >= 0) {
      const a = stack[depth] as number;
      const v = arcs[a] as number;
      buf[depth] = v & ARC_GLYPH_MASK;
      if (v & ARC_END_OF_WORD) yield buf.subarray(0, depth + 1);
      const target = v >>> ARC_TARGET_SHIFT;
      if (target !== 0) {
        stack[++depth] = target + this.maskWords;
        continue;
      }
      // Advance to the next sibling, climbing while the arc was the last of its node.
      while (depth >= 0 && ((arcs[stack[depth] as number] as number) & ARC_LAST) !== 0) depth--;
      if (depth >= 0) stack[depth] = (stack[depth] as number) + 1;
    }
  }

  /** Number of words, counted by walking the graph (equals `wordCount` for a sound file). */
  countWords(): number {
    return countSequences(this.arcs, this.root, 1, this.gaddagRoot === 0 ? this.arcs.length : this.gaddagRoot, this.maskWords);
  }

  // ---- anagrams and patterns -----------------------------------------------------------

  /**
   * Words made from the glyphs of `rack` (`?` is a blank: any glyph), in order. With
   * `subAnagrams`, words using only part of the rack too.
   */
  anagrams(rack: string, options: AnagramOptions = {}): Result<string[], EngineError> {
    if (typeof rack !== 'string') return err(engineError(Code.BAD_QUERY, { cause: 'rack must be a string' }));
    const blanks = countChar(rack, '?');
    const letters = this.alphabet.encode(rack.replaceAll('?', ''));
    if (!letters.ok) return letters;
    const counts = new Int8Array(64);
    for (const c of letters.value) counts[c] = (counts[c] as number) + 1;
    const total = letters.value.length + blanks;
    if (total > MAX_WORD_LENGTH) return err(engineError(Code.BAD_QUERY, { cause: `a rack holds at most ${MAX_WORD_LENGTH} glyphs` }));
    const sub = options.subAnagrams === true;
    const min = options.minLength ?? (sub ? 2 : total);
    const limit = options.limit ?? DEFAULT_LIMIT;
    const out: string[] = [];
    const buf = new Uint8Array(total + 1);
    const arcs = this.arcs;
    let blanksLeft = blanks;
    const w = this.maskWords;
    const visit = (node: number, depth: number): void => {
      for (let a = node + w; out.length < limit; a++) {
        const v = arcs[a] as number;
        const g = v & ARC_GLYPH_MASK;
        let usedBlank = false;
        if ((counts[g] as number) > 0) counts[g] = (counts[g] as number) - 1;
        else if (blanksLeft > 0) {
          blanksLeft--;
          usedBlank = true;
        } else {
          if (v & ARC_LAST) return;
          continue;
        }
        buf[depth] = g;
        const len = depth + 1;
        if (v & ARC_END_OF_WORD && len >= min && (sub || len === total)) out.push(this.alphabet.decode(buf, 0, len));
        const target = v >>> ARC_TARGET_SHIFT;
        if (target !== 0 && len < total) visit(target, len);
        if (usedBlank) blanksLeft++;
        else counts[g] = (counts[g] as number) + 1;
        if (v & ARC_LAST) return;
      }
    };
    if (this.root !== 0 && total > 0) visit(this.root, 0);
    return ok(out);
  }

  /**
   * Words matching a pattern: `?` is any one glyph, `*` any run of glyphs (empty included), any
   * other glyph itself. Results are in order and distinct.
   */
  matchPattern(pattern: string, options: PatternOptions = {}): Result<string[], EngineError> {
    if (typeof pattern !== 'string') return err(engineError(Code.BAD_QUERY, { cause: 'pattern must be a string' }));
    const tokens: number[] = [];
    for (const part of pattern.split(/([?*])/)) {
      if (part === '?') tokens.push(TOKEN_ANY);
      else if (part === '*') {
        if (tokens[tokens.length - 1] !== TOKEN_STAR) tokens.push(TOKEN_STAR);
      } else if (part.length > 0) {
        const codes = this.alphabet.encode(part);
        if (!codes.ok) return codes;
        tokens.push(...codes.value);
      }
    }
    if (tokens.length === 0) return ok([]);
    if (tokens.length > MAX_PATTERN_TOKENS)
      return err(engineError(Code.BAD_QUERY, { cause: `a pattern has at most ${MAX_PATTERN_TOKENS} glyphs and wildcards` }));
    const n = tokens.length;
    const accept = 1 << n;
    // Closure: a star may match nothing.
    const closure = (set: number): number => {
      for (let i = 0; i < n; i++) if (set & (1 << i) && tokens[i] === TOKEN_STAR) set |= 1 << (i + 1);
      return set;
    };
    const step = (set: number, g: number): number => {
      let next = 0;
      for (let i = 0; i < n; i++) {
        if ((set & (1 << i)) === 0) continue;
        const t = tokens[i] as number;
        if (t === TOKEN_STAR) next |= 1 << i;
        else if (t === TOKEN_ANY || t === g) next |= 1 << (i + 1);
      }
      return closure(next);
    };
    const limit = options.limit ?? DEFAULT_LIMIT;
    const out: string[] = [];
    const buf = new Uint8Array(MAX_WORD_LENGTH + 1);
    const arcs = this.arcs;
    const w = this.maskWords;
    const visit = (node: number, depth: number, set: number): void => {
      for (let a = node + w; out.length < limit; a++) {
        const v = arcs[a] as number;
        const next = step(set, v & ARC_GLYPH_MASK);
        if (next !== 0) {
          buf[depth] = v & ARC_GLYPH_MASK;
          if (v & ARC_END_OF_WORD && next & accept) out.push(this.alphabet.decode(buf, 0, depth + 1));
          const target = v >>> ARC_TARGET_SHIFT;
          if (target !== 0) visit(target, depth + 1, next);
        }
        if (v & ARC_LAST) return;
      }
    };
    if (this.root !== 0) visit(this.root, 0, closure(1));
    return ok(out);
  }
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

