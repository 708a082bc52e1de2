import type { Alphabet } from '../alphabet/alphabet.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { Dictionary } from './dictionary.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from './format.js';
import { MAX_WORD_LENGTH } from './wordlist.js';

/**
 * KWG: the word-graph files of wolges, MAGPIE and macondo (a packed DAWG, optionally with a
 * GADDAG). A file is an array of little-endian 32-bit nodes, no header:
 *
 * ```
 * node bits 0-21   index of the first node of the child list (0: no children)
 *      bit  22     last node of its sibling list
 *      bit  23     accepts: the path up to and including this node spells a word
 *      bits 24-31  tile (1..N: the alphabet's letters in order; 0: the GADDAG separator)
 * node 0           pointer to the DAWG's root list; node 1 (DAWG+GADDAG files) to the GADDAG's
 * ```
 *
 * Tile `k` is glyph code `k` of the alphabet the reader names (the file does not record its
 * alphabet): A=1..Z=26 for English, as in every engine. Lists may start inside other lists and
 * arcs may point anywhere, so a reader must not trust the graph: {@link checkNode22} checks that
 * every list ends inside the array and that no path loops.
 */

/** The most nodes a Node22 graph can address. */
export const KWG_MAX_NODES = 1 << 22;
const ARC = 0x3fffff;
const IS_END = 0x400000;
const ACCEPTS = 0x800000;

/** Child list of a node. */
export function kwgArc(node: number): number {
  return node & ARC;
}
/** True for the last node of a sibling list. */
export function kwgIsEnd(node: number): boolean {
  return (node & IS_END) !== 0;
}
/** True when the path through this node spells a word. */
export function kwgAccepts(node: number): boolean {
  return (node & ACCEPTS) !== 0;
}
/** The tile a node carries. */
export function kwgTile(node: number): number {
  return node >>> 24;
}

/** Reads little-endian 32-bit nodes (a copy, so the input may be any view). */
export function readNodes(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(offset + 4 * i, true);
  return out;
}

/**
 * Checks a Node22 graph from the lists at `roots`: every arc inside the array, every list ending
 * (an is-end node) inside it, no path longer than `maxDepth` (so no loop), tiles at most
 * `maxTile`, and no dead end (every node accepts or leads to a node that does: without it, lists
 * shared so that paths to nothing multiply would make a walk of every string take exponential
 * time in a file of a few hundred bytes). Then counts the strings under each list entry
 * (saturating at 2^32 - 1): `count[i]` is the number of strings reachable by entering the list at
 * node i. Linear in the nodes.
 */
export function checkNode22(
  nodes: Uint32Array,
  roots: readonly number[],
  maxTile: number,
  maxDepth: number,
): Result<Float64Array, EngineError> {
  const n = nodes.length;
  const bad = (cause: string) => err(engineError(Code.DICT_CORRUPT, { cause }));
  const count = new Float64Array(n);
  const height = new Int32Array(n);
  const state = new Uint8Array(n); // 0 unseen, 1 expanded (an ancestor of what is on top), 2 done
  // An explicit stack (no recursion, whatever the graph): each list entry is expanded once, so
  // it holds at most n entries.
  const stack: number[] = [];
  const LIMIT = 0xffffffff;
  for (const root of roots) {
    if (root === 0) continue;
    if (root >= n) return bad(`a root points past the end (${root} of ${n} nodes)`);
    stack.push(root);
    while (stack.length > 0) {
      const p = stack[stack.length - 1] as number;
      if (state[p] === 2) {
        stack.pop();
        continue;
      }
      if (state[p] === 0) {
        // Expand: push the child lists not yet done.
        state[p] = 1;
        let i = p;
        for (;;) {
          if (i >= n) return bad('a sibling list runs past the end');
          const v = nodes[i] as number;
          if (kwgTile(v) > maxTile) return bad(`tile ${kwgTile(v)} is outside the alphabet (at most ${maxTile})`);
          const a = kwgArc(v);
          if (a >= n) return bad(`an arc points past the end (${a} of ${n} nodes)`);
          if (a !== 0 && state[a] !== 2) {
            if (state[a] === 1) return bad('the graph has a loop');
            stack.push(a);
          }
          if (kwgIsEnd(v)) break;
          i++;
        }
        continue;
      }
      // Every child list is done: counts and heights from the end of the list back to p.
      let end = p;
      while (!kwgIsEnd(nodes[end] as number)) end++;
      let below = 0;
      let tallest = 0;
      for (let k = end; k >= p; k--) {
        const v = nodes[k] as number;
        const a = kwgArc(v);
        if (a !== 0 && state[a] !== 2) return bad('the graph has a loop');
        const own = (kwgAccepts(v) ? 1 : 0) + (a !== 0 ? (count[a] as number) : 0);
        if (own === 0) return bad(`node ${k} leads to no string (a dead end)`);
        below = Math.min(LIMIT, below + own);
        tallest = Math.max(tallest, 1 + (a !== 0 ? (height[a] as number) : 0));
        if (tallest > maxDepth) return bad(`a path is longer than ${maxDepth} tiles`);
        count[k] = below;
        height[k] = tallest;
        state[k] = 2;
      }
      stack.pop();
    }
  }
  return ok(count);
}

/** What a KWG file holds. */
export interface KwgInfo {
  readonly nodes: number;
  /** Words of the DAWG. */
  readonly words: number;
  /** True when node 1 points to a GADDAG. */
  readonly gaddag: boolean;
}

/** The most words a KWG import accepts (the largest lexicons have under 300,000). */
export const KWG_MAX_WORDS = 4_000_000;

/**
 * Reads a KWG lexicon into a {@link Dictionary} of `alphabet` (tile k = glyph code k), with a
 * GADDAG built by this engine when `gaddag` is true (the default: the file's own GADDAG is
 * checked but not reused). Untrusted bytes: sizes, arcs, lists, loops and tiles are checked, and
 * the words are counted before any is listed (errors 90100, 90104, 90105).
 */
export function readKwg(
  input: ArrayBuffer | Uint8Array,
  alphabet: Alphabet,
  options: { readonly gaddag?: boolean } = {},
): Result<{ dictionary: Dictionary; info: KwgInfo }, EngineError> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < 8 || bytes.length % 4 !== 0)
    return err(
      engineError(Code.DICT_TRUNCATED, {
        cause: `a KWG is a whole number of 4-byte nodes, at least 2 (got ${bytes.length} bytes)`,
      }),
    );
  const n = bytes.length / 4;
  if (n > KWG_MAX_NODES)
    return err(engineError(Code.DICT_TOO_LARGE, { cause: `${n} nodes; a KWG holds at most ${KWG_MAX_NODES}` }));
  const nodes = readNodes(bytes, 0, n);
  const dawgRoot = kwgArc(nodes[0] as number);
  const gaddagRoot = kwgArc(nodes[1] as number);
  const checked = checkNode22(nodes, [dawgRoot], alphabet.size, MAX_WORD_LENGTH);
  if (!checked.ok) return checked;
  const words = dawgRoot === 0 ? 0 : (checked.value[dawgRoot] as number);
  if (words > KWG_MAX_WORDS)
    return err(engineError(Code.DICT_TOO_LARGE, { cause: `${words} words; an import takes at most ${KWG_MAX_WORDS}` }));
  // The GADDAG (tile 0 allowed as the separator) is checked so that a broken file is refused whole.
  if (gaddagRoot !== 0) {
    const g = checkNode22(nodes, [gaddagRoot], alphabet.size, 2 * MAX_WORD_LENGTH);
    if (!g.ok) return g;
  }
  const list: string[] = [];
  const tiles: number[] = [];
  const walk = (p: number): boolean => {
    for (let i = p; ; i++) {
      const v = nodes[i] as number;
      const t = kwgTile(v);
      if (t === 0) return false;
      tiles.push(t);
      if (kwgAccepts(v)) list.push(alphabet.decode(tiles));
      if (kwgArc(v) !== 0 && !walk(kwgArc(v))) return false;
      tiles.pop();
      if (kwgIsEnd(v)) return true;
    }
  };
  if (dawgRoot !== 0 && !walk(dawgRoot))
    return err(engineError(Code.DICT_CORRUPT, { cause: 'a DAWG word holds tile 0 (the separator)' }));
  const built = Dictionary.build(list, alphabet, { gaddag: options.gaddag ?? true });
  if (!built.ok) return built;
  if (built.value.dictionary.wordCount !== words)
    return err(
      engineError(Code.DICT_CORRUPT, {
        cause: `the KWG lists ${words} words, ${built.value.dictionary.wordCount} distinct ones in the alphabet ${alphabet.spec.name}`,
      }),
    );
  return ok({ dictionary: built.value.dictionary, info: { nodes: n, words, gaddag: gaddagRoot !== 0 } });
}

/**
 * A dictionary as a KWG file (Node22): the engine's packed arcs are the same sibling lists, so
 * the DAWG (and the GADDAG, when the dictionary has one, at node 1) are written node for node.
 * Error 90105 when the graph has more nodes than Node22 addresses.
 */
export function writeKwg(dictionary: Dictionary): Result<Uint8Array, EngineError> {
  const arcs = dictionary.arcs;
  if (arcs.length + 1 > KWG_MAX_NODES)
    return err(
      engineError(Code.DICT_TOO_LARGE, { cause: `${arcs.length} arcs; a KWG holds at most ${KWG_MAX_NODES} nodes` }),
    );
  // Our index 0 is a sentinel, so indices stay the same; node 1 is our first arc, which a
  // DAWG+GADDAG file needs for its GADDAG pointer: shift everything by one.
  const out = new Uint32Array(arcs.length + 1);
  const shift = 1;
  const g = dictionary.gaddag();
  out[0] = (IS_END | (dictionary.root + shift)) >>> 0;
  out[1] = (IS_END | (g.ok && g.value !== 0 ? g.value + shift : 0)) >>> 0;
  for (let i = 1; i < arcs.length; i++) {
    const v = arcs[i] as number;
    const target = v >>> ARC_TARGET_SHIFT;
    out[i + shift] =
      (((v & ARC_GLYPH_MASK) << 24) |
        ((v & ARC_END_OF_WORD) !== 0 ? ACCEPTS : 0) |
        ((v & ARC_LAST) !== 0 ? IS_END : 0) |
        (target === 0 ? 0 : target + shift)) >>>
      0;
  }
  const bytes = new Uint8Array(out.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < out.length; i++) view.setUint32(4 * i, out[i] as number, true);
  return ok(bytes);
}
