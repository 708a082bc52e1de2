import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { MAX_ARCS, packArc } from './format.js';

/** Sizes of one automaton (one root) of a built word graph. */
export interface AutomatonStats {
  /** Sequences (words, or GADDAG paths) accepted. */
  readonly sequences: number;
  /** States of the minimal automaton with final states (the classic count). */
  readonly states: number;
  /** Transitions of the minimal automaton with final states (the classic count). */
  readonly transitions: number;
  /** Packed nodes (arc lists) reachable from this root; finality lives on arcs, so a final and a non-final state with the same arcs share one. */
  readonly nodes: number;
  /** Packed arcs reachable from this root. */
  readonly arcs: number;
}

/** A packed word graph: the arcs (see format.ts), one root per key set, and the size of each automaton. */
export interface PackedGraph {
  readonly arcs: Uint32Array;
  readonly roots: readonly number[];
  readonly stats: readonly AutomatonStats[];
}

const EOW_BIT = 64;
const CHILD_MUL = 128;

/**
 * Builds the minimal acyclic automata of several sorted key sets in one register (Daciuk, Mihov,
 * Watson & Watson, 2000, sorted input), so that nodes with equal right languages are shared
 * between them too, and packs them into one arc array with a root each. Each key is a string
 * whose UTF-16 units are glyph codes (0..63); each set must be sorted by code units and free of
 * duplicates and empty strings.
 */
export function buildWordGraph(
  keySets: readonly (readonly string[])[],
  onProgress?: (done: number, total: number) => void,
): Result<PackedGraph, EngineError> {
  const reg = new Register();
  const total = keySets.reduce((n, k) => n + k.length, 0);
  let before = 0;
  const roots = keySets.map((keys) => {
    const root = addKeys(reg, keys, onProgress === undefined ? undefined : (done) => onProgress(before + done, total));
    before += keys.length;
    return root;
  });
  return pack(
    reg,
    roots,
    keySets.map((k) => k.length),
  );
}

/** Adds one sorted key set to the register; returns its root node id (0: empty). */
function addKeys(reg: Register, keys: readonly string[], onProgress?: (done: number) => void): number {
  const path: number[][] = [[]];
  let prev = '';
  for (let k = 0; k < keys.length; k++) {
    const word = keys[k] as string;
    if (onProgress !== undefined && (k & 0x3fff) === 0) onProgress(k);
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
  return reg.freeze(path[0] as number[]);
}

function freezeInto(reg: Register, path: number[][], d: number): void {
  const level = path[d] as number[];
  const id = reg.freeze(level);
  level.length = 0;
  const parent = path[d - 1] as number[];
  parent[parent.length - 1] = (parent[parent.length - 1] as number) + id * CHILD_MUL;
}

/** The register of unique nodes: arc lists (glyph + end-of-word + child id) stored flat, found again by hash. */
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
    let slot = hashOf(level, 0, n) & this.mask;
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

  /** The packed value (glyph + EOW bit + child id × 128) of arc `i` of node `id`. */
  edge(id: number, i: number): number {
    return this.edges[(this.start[id] as number) + i] as number;
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
      let slot =
        hashOf(this.edges, this.start[id] as number, (this.start[id] as number) + (this.count[id] as number)) &
        this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

function hashOf(values: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    h = Math.imul(h ^ (v & 0xffff), 0x01000193);
    h = Math.imul(h ^ Math.floor(v / 0x10000), 0x01000193);
  }
  return h;
}

function grow(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Lays the nodes out in topological order (reverse DFS post-order from the roots), so that every
 * target lies after every arc that points to it, and packs the arc lists back to back after the
 * sentinel. (A level-by-level layout was measured slower: depth-first keeps each word's path close.)
 */
function pack(reg: Register, roots: readonly number[], sequences: readonly number[]): Result<PackedGraph, EngineError> {
  const order = topologicalOrder(reg, roots);
  const place = new Int32Array(reg.nodes);
  let next = 1;
  for (const id of order) {
    place[id] = next;
    next += reg.count[id] as number;
  }
  if (next > MAX_ARCS)
    return err(engineError(Code.DICT_TOO_LARGE, { cause: `${next} arcs exceed the format's ${MAX_ARCS}` }));
  const arcs = new Uint32Array(Math.max(next, 2));
  for (const id of order) {
    const n = reg.count[id] as number;
    const at = place[id] as number;
    for (let i = 0; i < n; i++) {
      const v = reg.edge(id, i);
      arcs[at + i] = packArc(v & 63, (v & EOW_BIT) !== 0, i === n - 1, place[Math.floor(v / CHILD_MUL)] as number);
    }
  }
  // An empty graph still ends with a flagged word, so that a loaded file's lists always terminate.
  if (next === 1) arcs[1] = packArc(0, false, true, 0);
  return ok({
    arcs,
    roots: roots.map((r) => (r === 0 ? 0 : (place[r] as number))),
    stats: roots.map((r, i) => automatonStats(reg, r, sequences[i] as number)),
  });
}

/** Classic and packed sizes of the automaton reachable from one root. */
function automatonStats(reg: Register, root: number, sequences: number): AutomatonStats {
  if (root === 0) return { sequences, states: 1, transitions: 0, nodes: 0, arcs: 0 };
  const seen = new Uint8Array(reg.nodes);
  const stack = [root];
  seen[root] = 1;
  let nodes = 0;
  let arcs = 0;
  const stateKeys = new Set<number>();
  let transitions = reg.count[root] as number;
  while (stack.length > 0) {
    const id = stack.pop() as number;
    nodes++;
    const n = reg.count[id] as number;
    arcs += n;
    for (let i = 0; i < n; i++) {
      const v = reg.edge(id, i);
      const child = Math.floor(v / CHILD_MUL);
      // A classic state is a (node, final) pair: finality sits on the arcs that enter it.
      const key = child * 2 + ((v & EOW_BIT) !== 0 ? 1 : 0);
      if (!stateKeys.has(key)) {
        stateKeys.add(key);
        transitions += reg.count[child] as number;
      }
      if (child !== 0 && seen[child] === 0) {
        seen[child] = 1;
        stack.push(child);
      }
    }
  }
  return { sequences, states: stateKeys.size + 1, transitions, nodes, arcs };
}

/** Nodes reachable from the roots (node 0 excluded), parents before children. */
function topologicalOrder(reg: Register, roots: readonly number[]): number[] {
  const post: number[] = [];
  const state = new Uint8Array(reg.nodes); // 0 new, 1 on stack, 2 done
  const dawgFirst = (globalThis as any).process?.env?.WG_ROOTS === 'dawg';
  for (let q = 0; q < roots.length; q++) {
    const r = dawgFirst ? q : roots.length - 1 - q;
    const root = roots[r] as number;
    if (root === 0 || state[root] !== 0) continue;
    const stack: number[] = [root];
    const edgeAt: number[] = [0];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const id = stack[top] as number;
      const i = edgeAt[top] as number;
      if (i < (reg.count[id] as number)) {
        edgeAt[top] = i + 1;
        const rev = (globalThis as any).process?.env?.WG_LAYOUT === 'rev';
        const child = Math.floor(reg.edge(id, rev ? (reg.count[id] as number) - 1 - i : i) / CHILD_MUL);
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
  }
  return post.reverse();
}
