import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { MAX_ARCS, packArc } from './format.js';

/** Sizes of a built automaton. */
export interface AutomatonStats {
  /** Sequences (words, or GADDAG paths) accepted. */
  readonly sequences: number;
  /** States of the minimal automaton with final states (the classic count). */
  readonly states: number;
  /** Nodes of the packed form (finality moves onto arcs, so a final and a non-final state with the same arcs share one node). */
  readonly nodes: number;
  /** Transitions of the minimal automaton with final states. */
  readonly transitions: number;
  /** Arcs of the packed form, without the sentinel. */
  readonly arcs: number;
}

/** A packed automaton: its words (headers and arcs, see format.ts) and the index of its root node. */
export interface PackedAutomaton {
  /** The packed words; indices `[0, base)` are left zero for whatever goes before. */
  readonly arcs: Uint32Array;
  readonly root: number;
  readonly stats: AutomatonStats;
}

/** Layout options of {@link buildAutomaton}. */
export interface PackOptions {
  /** Mask words per node header: 1, or 2 for alphabets of 32 glyphs or more. */
  readonly maskWords: 1 | 2;
  /** Index of the first node (default 1, after the sentinel); targets are absolute. */
  readonly base?: number;
}

const EOW_BIT = 64;
const CHILD_MUL = 128;

/**
 * Builds the minimal acyclic automaton of `keys` incrementally (Daciuk, Mihov, Watson & Watson,
 * 2000, sorted input). Each key is a string whose UTF-16 units are glyph codes (0..63); keys must
 * be sorted by code units and free of duplicates and empty strings. Nodes are registered by
 * their arc lists (glyph, end of word, target), so equal right languages share one node.
 */
export function buildAutomaton(keys: readonly string[], options: PackOptions = { maskWords: 1 }): Result<PackedAutomaton, EngineError> {
  const reg = new Register();
  const path: number[][] = [[]];
  let prev = '';
  for (const word of keys) {
    let p = 0;
    const max = Math.min(prev.length, word.length);
    while (p < max && prev.charCodeAt(p) === word.charCodeAt(p)) p++;
    for (let d = prev.length; d > p; d--) freezeInto(reg, path, d);
    for (let d = p; d < word.length; d++) {
      const level = path[d] as number[];
      level.push(word.charCodeAt(d) + (d === word.length - 1 ? EOW_BIT : 0));
      const next = path[d + 1];
      if (next === undefined) path.push([]);
      else next.length = 0;
    }
    prev = word;
  }
  for (let d = prev.length; d > 0; d--) freezeInto(reg, path, d);
  const root = reg.freeze(path[0] as number[]);
  return pack(reg, root, keys.length, options.maskWords, options.base ?? 1);
}

function freezeInto(reg: Register, path: number[][], d: number): void {
  const level = path[d] as number[];
  const id = reg.freeze(level);
  level.length = 0;
  const parent = path[d - 1] as number[];
  parent[parent.length - 1] = (parent[parent.length - 1] as number) + id * CHILD_MUL;
}

/** The register of unique nodes: arc lists stored flat, found again by hash. */
class Register {
  edges: Float64Array = new Float64Array(1 << 16);
  edgeCount = 0;
  start: Int32Array = new Int32Array(1 << 14);
  count: Int32Array = new Int32Array(1 << 14);
  nodes = 1; // node 0: no arcs
  table: Int32Array = new Int32Array(1 << 15);
  mask = (1 << 15) - 1;

  freeze(level: readonly number[]): number {
    const n = level.length;
    if (n === 0) return 0;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      const v = level[i] as number;
      h = Math.imul(h ^ (v & 0xffff), 0x01000193);
      h = Math.imul(h ^ Math.floor(v / 0x10000), 0x01000193);
    }
    let slot = h & this.mask;
    for (;;) {
      const id = (this.table[slot] as number) - 1;
      if (id < 0) break;
      if (this.count[id] === n && this.equals(id, level)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.add(level);
    this.table[slot] = id + 1;
    if (this.nodes * 2 > this.mask) this.rehash();
    return id;
  }

  private equals(id: number, level: readonly number[]): boolean {
    const s = this.start[id] as number;
    for (let i = 0; i < level.length; i++) if (this.edges[s + i] !== level[i]) return false;
    return true;
  }

  private add(level: readonly number[]): number {
    const id = this.nodes++;
    if (id >= this.start.length) {
      this.start = grow(this.start);
      this.count = grow(this.count);
    }
    while (this.edgeCount + level.length > this.edges.length) {
      const next = new Float64Array(this.edges.length * 2);
      next.set(this.edges);
      this.edges = next;
    }
    this.start[id] = this.edgeCount;
    this.count[id] = level.length;
    for (const v of level) this.edges[this.edgeCount++] = v;
    return id;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 1; id < this.nodes; id++) {
      let h = 0x811c9dc5;
      const s = this.start[id] as number;
      for (let i = 0; i < (this.count[id] as number); i++) {
        const v = this.edges[s + i] as number;
        h = Math.imul(h ^ (v & 0xffff), 0x01000193);
        h = Math.imul(h ^ Math.floor(v / 0x10000), 0x01000193);
      }
      let slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

function grow(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Lays the nodes out in topological order (reverse DFS post-order from the root), so that every
 * target lies after every arc that points to it, and packs headers and arcs. (A level-by-level
 * layout was measured slower: depth-first keeps each word's path close together.)
 */
function pack(reg: Register, root: number, sequences: number, maskWords: number, base: number): Result<PackedAutomaton, EngineError> {
  const place = new Int32Array(reg.nodes).fill(-1);
  place[0] = 0;
  const order = topologicalOrder(reg, root);
  let next = base;
  for (const id of order) {
    place[id] = next;
    next += maskWords + (reg.count[id] as number);
  }
  if (next > MAX_ARCS) return err(engineError(Code.DICT_TOO_LARGE, { cause: `${next} words exceed the format's ${MAX_ARCS}` }));
  const arcs = new Uint32Array(next);
  const stateKeys = new Set<number>();
  let transitions = 0;
  let arcCount = 0;
  for (const id of order) {
    const s = reg.start[id] as number;
    const n = reg.count[id] as number;
    const at = place[id] as number;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const v = reg.edges[s + i] as number;
      const g = v & 63;
      if (g < 32) lo |= 1 << g;
      else hi |= 1 << (g - 32);
      const child = Math.floor(v / CHILD_MUL);
      const eow = (v & EOW_BIT) !== 0;
      arcs[at + maskWords + i] = packArc(g, eow, i === n - 1, place[child] as number);
      const key = child * 2 + (eow ? 1 : 0);
      if (!stateKeys.has(key)) {
        stateKeys.add(key);
        transitions += reg.count[child] as number;
      }
    }
    arcs[at] = lo >>> 0;
    if (maskWords === 2) arcs[at + 1] = hi >>> 0;
    arcCount += n;
  }
  transitions += root === 0 ? 0 : (reg.count[root] as number);
  const stats: AutomatonStats = {
    sequences,
    states: stateKeys.size + 1,
    nodes: order.length + (root === 0 ? 0 : 1),
    transitions,
    arcs: arcCount,
  };
  return ok({ arcs, root: root === 0 ? 0 : (place[root] as number), stats });
}

/** Nodes reachable from the root (node 0 excluded), parents before children. */
function topologicalOrder(reg: Register, root: number): number[] {
  if (root === 0) return [];
  const post: number[] = [];
  const state = new Uint8Array(reg.nodes); // 0 new, 1 on stack, 2 done
  const stack: number[] = [root];
  const edgeAt: number[] = [0];
  state[root] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const id = stack[top] as number;
    const i = edgeAt[top] as number;
    if (i < (reg.count[id] as number)) {
      edgeAt[top] = i + 1;
      const child = Math.floor((reg.edges[(reg.start[id] as number) + i] as number) / CHILD_MUL);
      if (child !== 0 && state[child] === 0) {
        state[child] = 1;
        stack.push(child);
        edgeAt.push(0);
      }
    } else {
      state[id] = 2;
      post.push(id);
      stack.pop();
      edgeAt.pop();
    }
  }
  return post.reverse();
}

