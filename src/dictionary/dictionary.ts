import type { Alphabet } from '../alphabet/alphabet.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { buildWordGraph, type AutomatonStats } from './build.js';
import { COUNT_LIMIT, checkGraph } from './check.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT, findArc } from './format.js';
import { gaddagKeys } from './gaddag.js';
import { MAX_WORD_LENGTH, normalizeWordList, type WordListOptions, type WordListReport } from './wordlist.js';

/** Anything that can say whether a word is valid: the DAWG, a `Set` wrapper, a permissive stub... */
export interface WordLookup {
  /** True when the glyph codes `codes[start..end)` spell a valid word. */
  hasCodes(codes: ArrayLike<number>, start?: number, end?: number): boolean;
  /**
   * The alphabet of the codes. When given, the validator refuses a configuration with another
   * alphabet (ALPHABET_MISMATCH, 90202); a lookup without one is trusted to use the configuration's.
   */
  readonly alphabet?: Alphabet;
}

/** Options of {@link Dictionary.build}. */
export interface BuildOptions extends WordListOptions {
  /** Also build a GADDAG (for move generation), sharing the DAWG's nodes. */
  readonly gaddag?: boolean;
  /** Called now and then while the graph is built: keys (words, then GADDAG paths) added so far, of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a build produced and dropped. */
export interface BuildReport {
  readonly wordList: WordListReport;
  /** The DAWG alone: its classic minimal size, and the packed nodes and arcs reachable from its root. */
  readonly dawg: AutomatonStats;
  /** The GADDAG alone (its suffixes share the DAWG's nodes, which count in both). */
  readonly gaddag?: AutomatonStats;
  /** Packed arcs of the whole graph (DAWG and GADDAG, shared nodes once). */
  readonly arcs: number;
  /** Size of the packed arcs in bytes. */
  readonly bytes: number;
}

/** Packed nodes and arcs of each region of a dictionary (see {@link Dictionary.regions}). */
export interface DictionaryRegions {
  readonly dawg: { readonly nodes: number; readonly arcs: number };
  readonly gaddag?: { readonly nodes: number; readonly arcs: number };
  /** Arcs of the whole graph (DAWG and GADDAG, shared nodes once). */
  readonly arcs: number;
}

/** Options of {@link Dictionary.anagrams}. */
export interface AnagramOptions {
  /** Also return words that use only some of the rack (default false: every tile is used). */
  readonly subAnagrams?: boolean;
  /** Shortest word returned, in glyphs (default 1; 2 with sub-anagrams). */
  readonly minLength?: number;
  /** At most this many words (default {@link DEFAULT_QUERY_LIMIT}); `truncated` says when the limit cut the list. */
  readonly limit?: number;
  /** At most this many arcs visited (default {@link DEFAULT_QUERY_STEPS}); `truncated` says when the search stopped there. */
  readonly maxSteps?: number;
}

/** Options of {@link Dictionary.matchPattern}. */
export interface PatternOptions {
  /** At most this many words (default {@link DEFAULT_QUERY_LIMIT}); `truncated` says when the limit cut the list. */
  readonly limit?: number;
  /** At most this many arcs visited (default {@link DEFAULT_QUERY_STEPS}); `truncated` says when the search stopped there. */
  readonly maxSteps?: number;
}

/** Words found by a query, and whether a limit cut the list. */
export interface WordList {
  readonly words: string[];
  /** True when the list may be incomplete: the word limit or the step budget stopped the search. */
  readonly truncated: boolean;
}

/**
 * The default word limit of word-list queries. With {@link DEFAULT_QUERY_STEPS}, it keeps every
 * query on untrusted text (and on any dictionary file) within a few tens of milliseconds; pass
 * larger limits (up to `Infinity`) for trusted bulk listings.
 */
export const DEFAULT_QUERY_LIMIT = 10_000;
/** The default step budget of word-list queries: arcs visited (a full listing of the English dictionary visits about a million). */
export const DEFAULT_QUERY_STEPS = 1_000_000;
const MAX_PATTERN_TOKENS = 30;
const TOKEN_ANY = 64;
const TOKEN_STAR = 65;

/**
 * A word list packed as a minimal DAWG (and optionally a GADDAG sharing its nodes) in one
 * `Uint32Array` of arcs (layout in `format.ts`), with its alphabet. Immutable. Queries take
 * strings at the edge and glyph codes inside; node traversal (`root`, `arc`, `firstArc`,
 * `arcTarget`, `arcIsWord`, `arcIsLast`) lets other modules walk it. Every instance has been
 * checked: its walks end and stay in bounds whatever bytes it was loaded from.
 */
export class Dictionary implements WordLookup {
  /** The packed arcs; layout in `format.ts`. */
  readonly arcs: Uint32Array;
  /** The DAWG's root node (0: no words). */
  readonly root: number;
  /** The GADDAG's root node, or 0 when the dictionary has none. */
  readonly gaddagRoot: number;
  /** The alphabet of the words. */
  readonly alphabet: Alphabet;
  /** Number of words. */
  readonly wordCount: number;
  /** Number of GADDAG paths (0 without a GADDAG): the total length of the words. */
  readonly gaddagPaths: number;
  /** The longest word, in glyphs. */
  readonly longestWord: number;
  /** The arc reached by each two-glyph prefix (index g1 * 64 + g2), -1 for none: lookups start two steps down. */
  private readonly pairArc: Int32Array;
  private readonly scratch = new Uint8Array(MAX_WORD_LENGTH * 4);

  private constructor(
    arcs: Uint32Array,
    root: number,
    gaddagRoot: number,
    alphabet: Alphabet,
    wordCount: number,
    gaddagPaths: number,
    longestWord: number,
  ) {
    this.arcs = arcs;
    this.root = root;
    this.gaddagRoot = gaddagRoot;
    this.alphabet = alphabet;
    this.wordCount = wordCount;
    this.gaddagPaths = gaddagPaths;
    this.longestWord = longestWord;
    this.pairArc = new Int32Array(64 * 64).fill(-1);
    if (root !== 0) {
      for (let a1 = root; ; a1++) {
        const v1 = arcs[a1] as number;
        const n1 = v1 >>> ARC_TARGET_SHIFT;
        if (n1 !== 0) {
          for (let a2 = n1; ; a2++) {
            const v2 = arcs[a2] as number;
            this.pairArc[(v1 & ARC_GLYPH_MASK) * 64 + (v2 & ARC_GLYPH_MASK)] = a2;
            if (v2 & ARC_LAST) break;
          }
        }
        if (v1 & ARC_LAST) break;
      }
    }
    Object.freeze(this);
  }

  /**
   * A dictionary over packed arcs (untrusted: checked in two linear passes). The roots must be
   * list starts of the array (0 for none); the DAWG holds words of 1 to 64 glyphs of the
   * alphabet, the GADDAG (when present) one path per letter of each word. Errors are 90104.
   */
  static fromArcs(
    arcs: Uint32Array,
    root: number,
    gaddagRoot: number,
    alphabet: Alphabet,
  ): Result<Dictionary, EngineError> {
    const corrupt = (cause: string) => err(engineError(Code.DICT_CORRUPT, { cause }));
    if (!(arcs instanceof Uint32Array)) return corrupt('arcs must be a Uint32Array');
    const checked = checkGraph(arcs, alphabet.size);
    if (typeof checked === 'string') return corrupt(checked);
    const isListStart = (i: number) =>
      i === 0 || (i >= 1 && i < arcs.length && (i === 1 || ((arcs[i - 1] as number) & ARC_LAST) !== 0));
    // Every node is a list start, so a node is a maximal run of arcs ending at a last flag.
    if (!Number.isInteger(root) || !isListStart(root)) return corrupt(`the DAWG root ${root} is not a node`);
    if (!Number.isInteger(gaddagRoot) || !isListStart(gaddagRoot))
      return corrupt(`the GADDAG root ${gaddagRoot} is not a node`);
    const { below, depth } = checked;
    const words = below[root] as number;
    const longest = depth[root] as number;
    if (longest > MAX_WORD_LENGTH) return corrupt(`a word is longer than ${MAX_WORD_LENGTH} glyphs`);
    if (root !== 0 && arcHasSeparator(arcs, root)) return corrupt('the DAWG root has a separator arc');
    const paths = gaddagRoot === 0 ? 0 : (below[gaddagRoot] as number);
    if (gaddagRoot !== 0 && (depth[gaddagRoot] as number) > longest + 1)
      return corrupt('a GADDAG path is longer than any word');
    if (words >= COUNT_LIMIT || paths >= COUNT_LIMIT)
      return corrupt(`the graph accepts ${COUNT_LIMIT} sequences or more`);
    return ok(new Dictionary(arcs, root, gaddagRoot, alphabet, words, paths, longest));
  }

  /** Builds a dictionary from a word list (text, one word a line, or any iterable of strings). */
  static build(
    input: string | Iterable<string>,
    alphabet: Alphabet,
    options: BuildOptions = {},
  ): Result<{ dictionary: Dictionary; report: BuildReport }, EngineError> {
    const { keys, report: wordList } = normalizeWordList(input, alphabet, options);
    const withGaddag = options.gaddag === true && keys.length > 0;
    const graph = buildWordGraph(withGaddag ? [keys, gaddagKeys(keys)] : [keys], options.onProgress);
    if (!graph.ok) return graph;
    const { arcs, roots, stats } = graph.value;
    const dictionary = Dictionary.fromArcs(arcs, roots[0] as number, roots[1] ?? 0, alphabet);
    if (!dictionary.ok) return dictionary;
    const report: BuildReport = {
      wordList,
      dawg: stats[0] as AutomatonStats,
      ...(withGaddag ? { gaddag: stats[1] as AutomatonStats } : {}),
      arcs: arcs.length - 1,
      bytes: arcs.byteLength,
    };
    return ok({ dictionary: dictionary.value, report });
  }

  /**
   * Sizes of the packed graph: nodes and arcs reachable from the DAWG root and from the GADDAG
   * root (nodes they share count in both, as in a build report), and all arcs of the graph.
   */
  regions(): DictionaryRegions {
    const count = (root: number) => {
      if (root === 0) return { nodes: 0, arcs: 0 };
      const seen = new Uint8Array(this.arcs.length);
      const stack = [root];
      seen[root] = 1;
      let nodes = 0;
      let arcs = 0;
      while (stack.length > 0) {
        nodes++;
        for (let a = stack.pop() as number; ; a++) {
          arcs++;
          const v = this.arcs[a] as number;
          const t = v >>> ARC_TARGET_SHIFT;
          if (t !== 0 && seen[t] === 0) {
            seen[t] = 1;
            stack.push(t);
          }
          if (v & ARC_LAST) break;
        }
      }
      return { nodes, arcs };
    };
    return {
      dawg: count(this.root),
      ...(this.gaddagRoot === 0 ? {} : { gaddag: count(this.gaddagRoot) }),
      arcs: this.arcs.length - 1,
    };
  }

  /** The GADDAG's root node; an error when the dictionary has none. */
  gaddag(): Result<number, EngineError> {
    if (this.gaddagRoot === 0)
      return err(
        engineError(Code.BAD_QUERY, { cause: 'this dictionary has no GADDAG: build it with the gaddag option' }),
      );
    return ok(this.gaddagRoot);
  }

  // ---- node traversal -------------------------------------------------------------------

  /** The arc of `node` labelled `glyph`, or -1. */
  arc(node: number, glyph: number): number {
    return node <= 0 || node >= this.arcs.length || !Number.isInteger(glyph) || glyph < 0 || glyph > this.alphabet.size
      ? -1
      : findArc(this.arcs, node, glyph);
  }

  /** The first arc of a node (its arcs follow until one has the last flag), or -1 for node 0. */
  firstArc(node: number): number {
    return node <= 0 || node >= this.arcs.length ? -1 : node;
  }

  /** True when this arc is the last of its node. */
  arcIsLast(arc: number): boolean {
    return ((this.arcs[arc] ?? ARC_LAST) & ARC_LAST) !== 0;
  }

  /** The node an arc leads to (0: a node with no arcs). */
  arcTarget(arc: number): number {
    return (this.arcs[arc] ?? 0) >>> ARC_TARGET_SHIFT;
  }

  /** True when the path ending with this arc spells a word. */
  arcIsWord(arc: number): boolean {
    return ((this.arcs[arc] ?? 0) & ARC_END_OF_WORD) !== 0;
  }

  /** The glyph of an arc. */
  arcGlyph(arc: number): number {
    return (this.arcs[arc] ?? 0) & ARC_GLYPH_MASK;
  }

  /** The node reached from `node` by `glyph`, or -1 when there is no such arc. */
  child(node: number, glyph: number): number {
    const a = this.arc(node, glyph);
    return a < 0 ? -1 : (this.arcs[a] as number) >>> ARC_TARGET_SHIFT;
  }

  /** Bitmask of the glyph codes 0-31 that leave `node` (bit g for code g). */
  childMaskLo(node: number): number {
    return this.childMask(node, false);
  }

  /** Bitmask of the glyph codes 32-63 that leave `node` (bit i for code 32 + i). */
  childMaskHi(node: number): number {
    return this.childMask(node, true);
  }

  private childMask(node: number, high: boolean): number {
    if (this.firstArc(node) < 0) return 0;
    let m = 0;
    for (let a = node; ; a++) {
      const v = this.arcs[a] as number;
      const g = v & ARC_GLYPH_MASK;
      if (high ? g >= 32 : g < 32) m |= 1 << (g & 31);
      if (v & ARC_LAST) break;
    }
    return m >>> 0;
  }

  /** Number of arcs leaving `node`. */
  degree(node: number): number {
    if (this.firstArc(node) < 0) return 0;
    let a = node;
    while (((this.arcs[a] as number) & ARC_LAST) === 0) a++;
    return a - node + 1;
  }

  // ---- lookups -------------------------------------------------------------------------

  /** True when the glyph codes `codes[start..end)` spell a word. Allocates nothing. */
  hasCodes(codes: ArrayLike<number>, start = 0, end = codes.length): boolean {
    const arc = this.walk(codes, start, end);
    return arc > 0 && ((this.arcs[arc] as number) & ARC_END_OF_WORD) !== 0;
  }

  /** The last arc of the path spelled by `codes[start..end)` from the root, or -1. */
  walk(codes: ArrayLike<number>, start = 0, end = codes.length): number {
    if (!(end > start)) return -1;
    const arcs = this.arcs;
    let node = this.root;
    let a = -1;
    let i = start;
    if (end - start >= 2) {
      const g0 = codes[start] as number;
      const g1 = codes[start + 1] as number;
      if (g0 >>> 6 !== 0 || g1 >>> 6 !== 0) return -1;
      a = this.pairArc[g0 * 64 + g1] as number;
      if (a < 0) return -1;
      node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
      i += 2;
    }
    for (; i < end; i++) {
      if (node === 0) return -1;
      const g = codes[i] as number;
      for (a = node; ; a++) {
        const v = arcs[a] as number;
        const ag = v & ARC_GLYPH_MASK;
        if (ag === g) break;
        if (ag > g || (v & ARC_LAST) !== 0) return -1;
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
    if (typeof prefix !== 'string') return false;
    if (prefix.length === 0) return this.root !== 0;
    return this.walkText(prefix) > 0;
  }

  private walkText(word: string): number {
    if (typeof word !== 'string') return -1;
    const len = word.length;
    if (len < 2 || len > MAX_WORD_LENGTH) return this.walkSlow(word);
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
      for (a = node; ; a++) {
        const v = arcs[a] as number;
        const ag = v & ARC_GLYPH_MASK;
        if (ag === g) break;
        if (ag > g || (v & ARC_LAST) !== 0) return -1;
      }
      node = (arcs[a] as number) >>> ARC_TARGET_SHIFT;
    }
    return a;
  }

  private walkSlow(word: string): number {
    if (word.length > this.scratch.length) return -1;
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
    stack[0] = this.root;
    while (depth >= 0) {
      const a = stack[depth] as number;
      const v = arcs[a] as number;
      buf[depth] = v & ARC_GLYPH_MASK;
      if (v & ARC_END_OF_WORD) yield buf.subarray(0, depth + 1);
      const target = v >>> ARC_TARGET_SHIFT;
      if (target !== 0) {
        stack[++depth] = target;
        continue;
      }
      // Advance to the next sibling, climbing while the arc was the last of its node.
      while (depth >= 0 && ((arcs[stack[depth] as number] as number) & ARC_LAST) !== 0) depth--;
      if (depth >= 0) stack[depth] = (stack[depth] as number) + 1;
    }
  }

  // ---- anagrams and patterns -----------------------------------------------------------

  /**
   * Words made from the glyphs of `rack` (`?` is a blank: any glyph), in order. With
   * `subAnagrams`, words using only part of the rack too. At most `limit` words.
   */
  anagrams(rack: string, options: AnagramOptions = {}): Result<WordList, EngineError> {
    if (typeof rack !== 'string') return err(engineError(Code.BAD_QUERY, { cause: 'rack must be a string' }));
    if (rack.length > MAX_WORD_LENGTH * 2)
      return err(engineError(Code.BAD_QUERY, { cause: `a rack holds at most ${MAX_WORD_LENGTH} glyphs` }));
    const blanks = countChar(rack, '?');
    const letters = this.alphabet.encode(rack.replaceAll('?', ''));
    if (!letters.ok) return letters;
    const counts = new Int8Array(64);
    for (const c of letters.value) counts[c] = (counts[c] as number) + 1;
    const total = letters.value.length + blanks;
    if (total > MAX_WORD_LENGTH)
      return err(engineError(Code.BAD_QUERY, { cause: `a rack holds at most ${MAX_WORD_LENGTH} glyphs` }));
    const sub = options.subAnagrams === true;
    const min = options.minLength ?? (sub ? 2 : total);
    const limit = queryLimit(options.limit);
    let steps = queryLimit(options.maxSteps, DEFAULT_QUERY_STEPS);
    const out: string[] = [];
    let truncated = false;
    const buf = new Uint8Array(total + 1);
    const arcs = this.arcs;
    let blanksLeft = blanks;
    const visit = (node: number, depth: number): void => {
      for (let a = node; ; a++) {
        if (--steps < 0) {
          truncated = true;
          return;
        }
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
        if (v & ARC_END_OF_WORD && len >= min && (sub || len === total)) {
          if (out.length >= limit) truncated = true;
          else out.push(this.alphabet.decode(buf, 0, len));
        }
        const target = v >>> ARC_TARGET_SHIFT;
        if (target !== 0 && len < total && !truncated) visit(target, len);
        if (usedBlank) blanksLeft++;
        else counts[g] = (counts[g] as number) + 1;
        if (v & ARC_LAST || truncated) return;
      }
    };
    if (this.root !== 0 && total > 0) visit(this.root, 0);
    return ok({ words: out, truncated });
  }

  /**
   * Words matching a pattern: `?` is any one glyph, `*` any run of glyphs (empty included), any
   * other glyph itself. Results are in order and distinct; at most `limit` words.
   */
  matchPattern(pattern: string, options: PatternOptions = {}): Result<WordList, EngineError> {
    if (typeof pattern !== 'string') return err(engineError(Code.BAD_QUERY, { cause: 'pattern must be a string' }));
    if (pattern.length > 4 * MAX_PATTERN_TOKENS)
      return err(
        engineError(Code.BAD_QUERY, { cause: `a pattern has at most ${MAX_PATTERN_TOKENS} glyphs and wildcards` }),
      );
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
    if (tokens.length === 0) return ok({ words: [], truncated: false });
    if (tokens.length > MAX_PATTERN_TOKENS)
      return err(
        engineError(Code.BAD_QUERY, { cause: `a pattern has at most ${MAX_PATTERN_TOKENS} glyphs and wildcards` }),
      );
    // The pattern as a bit-parallel NFA: bit i set when the first i tokens have matched.
    const n = tokens.length;
    const accept = 1 << n;
    let stars = 0;
    const matches = new Int32Array(64);
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as number;
      if (t === TOKEN_STAR) stars |= 1 << i;
      else if (t === TOKEN_ANY) for (let g = 1; g < 64; g++) matches[g] = (matches[g] as number) | (1 << i);
      else matches[t] = (matches[t] as number) | (1 << i);
    }
    // Closure: a star may match nothing.
    const closure = (set: number): number => {
      for (;;) {
        const more = set | ((set & stars) << 1);
        if (more === set) return set;
        set = more;
      }
    };
    const step = (set: number, g: number): number => closure(((set & (matches[g] as number)) << 1) | (set & stars));
    const limit = queryLimit(options.limit);
    let steps = queryLimit(options.maxSteps, DEFAULT_QUERY_STEPS);
    const out: string[] = [];
    let truncated = false;
    const buf = new Uint8Array(MAX_WORD_LENGTH + 1);
    const arcs = this.arcs;
    const visit = (node: number, depth: number, set: number): void => {
      for (let a = node; ; a++) {
        if (--steps < 0) {
          truncated = true;
          return;
        }
        const v = arcs[a] as number;
        const next = step(set, v & ARC_GLYPH_MASK);
        if (next !== 0) {
          buf[depth] = v & ARC_GLYPH_MASK;
          if (v & ARC_END_OF_WORD && next & accept) {
            if (out.length >= limit) truncated = true;
            else out.push(this.alphabet.decode(buf, 0, depth + 1));
          }
          const target = v >>> ARC_TARGET_SHIFT;
          if (target !== 0 && !truncated) visit(target, depth + 1, next);
        }
        if (v & ARC_LAST || truncated) return;
      }
    };
    if (this.root !== 0) visit(this.root, 0, closure(1));
    return ok({ words: out, truncated });
  }
}

/** True when the list at `node` holds a separator arc (glyph 0 sorts first). */
function arcHasSeparator(arcs: Uint32Array, node: number): boolean {
  return ((arcs[node] as number) & ARC_GLYPH_MASK) === 0;
}

function queryLimit(limit: number | undefined, fallback = DEFAULT_QUERY_LIMIT): number {
  return typeof limit === 'number' && (Number.isInteger(limit) || limit === Infinity) && limit >= 0 ? limit : fallback;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
