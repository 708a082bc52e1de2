import type { Alphabet } from '../alphabet/alphabet.js';
import { BLANK } from '../config/letterset.js';
import { buildWordGraph } from '../dictionary/build.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from '../dictionary/format.js';
import { KWG_MAX_NODES, checkNode22, kwgAccepts, kwgArc, kwgIsEnd, kwgTile, readNodes } from '../dictionary/kwg.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import type { LeaveValues } from './values.js';
import { err, ok, type Result } from '../result.js';

/**
 * Leave tables: the value of every leave (the tiles kept after a play) learned from self-play,
 * stored as the other engines store them (KLV2, `spec`: a Node22 word graph of the leaves, each
 * sorted with the blank first as tile 0, and a float32 value per leave in sorted order; KLV1
 * stores int16 values in 1/256 points).
 *
 * A lookup walks the graph with the tiles and sums the word counts of the siblings it skips (the
 * leave's rank among the stored leaves), then reads the value: no allocation, no string. Leaves
 * the table does not hold, and the empty leave, are worth 0, as in every engine. The walk checks
 * the end-of-leave flag at the last tile, so sparse tables (not prefix-closed) read right.
 *
 * The first lookup also builds a dense index when it is small enough (at most
 * 4 M (2²²) entries: every multiset of up to the longest leave's length of the
 * table's tiles, 1,107,568 float32 values, 4.4 MB, for English leaves of 1 to 6 tiles): a leave's
 * tiles, sorted, are ranked in the combinatorial number system (tiles t₁ ≤ … ≤ t_k become the
 * strictly increasing bᵢ = tᵢ + i − 1, ranked Σ C(bᵢ, i)), so a lookup is a few additions and one
 * read instead of a walk (measured 148 → 52 ns a lookup). Bigger
 * alphabets or longer leaves keep the walk.
 */
export class LeaveTable implements LeaveValues {
  readonly #nodes: Uint32Array;
  /** count[i]: leaves reachable by entering a list at node i (node i and its later siblings). */
  readonly #count: Uint32Array;
  readonly #values: Float32Array;
  readonly #root: number;

  /** The root list by tile: the node of each first tile (0: none) and the strings before it. */
  readonly #rootNode = new Int32Array(64);
  readonly #rootBefore = new Float64Array(64);

  /** The dense index (see the class comment): undefined until the first lookup, null when too big. */
  #dense: Float32Array | null | undefined;
  /** C(n, i) at n * (#denseLength + 1) + i, n up to the highest tile plus the longest length. */
  #binom = new Int32Array(0);
  /** Where the leaves of each length start in the dense index. */
  #offset = new Int32Array(0);
  #denseTile = 0;
  #denseLength = 0;
  // What subRackValues is filling (set for its recursion).
  readonly #subStride = new Int32Array(SUB_GROUPS);
  #subTiles: ArrayLike<number> | undefined;
  #subCounts: ArrayLike<number> | undefined;
  #subOut: Float64Array | undefined;

  private constructor(nodes: Uint32Array, count: Uint32Array, values: Float32Array) {
    this.#nodes = nodes;
    this.#count = count;
    this.#values = values;
    this.#root = kwgArc(nodes[0] as number);
    // The first tile is looked up in a table instead of scanning the root list (up to 27 nodes).
    if (this.#root !== 0) {
      for (let i = this.#root; ; i++) {
        const v = nodes[i] as number;
        const t = kwgTile(v);
        if (t < 64 && this.#rootNode[t] === 0) {
          this.#rootNode[t] = i;
          this.#rootBefore[t] = (count[this.#root] as number) - (count[i] as number);
        }
        if (kwgIsEnd(v)) break;
      }
    }
  }

  /** Number of leaves stored. */
  get size(): number {
    return this.#values.length;
  }

  /**
   * The value of a leave given as the generator gives it: `tiles[0..length)` glyph codes
   * ascending, blanks ({@link BLANK}) last. 0 for a leave the table does not hold.
   */
  leaveValue(tiles: Uint8Array, length: number): number {
    if (length === 0 || this.#root === 0) return 0;
    let blanks = 0;
    while (blanks < length && ((tiles[length - 1 - blanks] as number) & BLANK) !== 0) blanks++;
    const dense = this.#dense === undefined ? this.#buildDense() : this.#dense;
    if (dense !== null && length <= this.#denseLength) {
      // KLV order: the blanks (tile 0) first, each adding C(i, i + 1) = 0; then the letters.
      const binom = this.#binom;
      const width = this.#denseLength + 1;
      const top = this.#denseTile;
      let rank = this.#offset[length] as number;
      for (let m = blanks; m < length; m++) {
        const t = tiles[m - blanks] as number;
        if (t > top) return 0;
        rank += binom[(t + m) * width + m + 1] as number;
      }
      return dense[rank] ?? 0;
    }
    const nodes = this.#nodes;
    const count = this.#count;
    const values = this.#values;
    // KLV order: the blanks (tile 0) first, then the letters ascending.
    const first = blanks > 0 ? 0 : (tiles[0] as number) & 63;
    const at = this.#rootNode[first] as number;
    if (at === 0) return 0;
    const top = nodes[at] as number;
    let index = this.#rootBefore[first] as number;
    if (length === 1) return (top & 0x800000) !== 0 ? (values[index] as number) : 0;
    if ((top & 0x800000) !== 0) index++;
    let p = top & 0x3fffff;
    for (let k = 1; k < length; k++) {
      if (p === 0) return 0;
      const t = k < blanks ? 0 : (tiles[k - blanks] as number);
      let i = p;
      let v = nodes[i] as number;
      while (v >>> 24 !== t) {
        if ((v & 0x400000) !== 0) return 0;
        v = nodes[++i] as number;
      }
      // The strings under the siblings skipped: the counts telescope.
      index += (count[p] as number) - (count[i] as number);
      if (k === length - 1) return (v & 0x800000) !== 0 ? (values[index] as number) : 0;
      if ((v & 0x800000) !== 0) index++;
      p = v & 0x3fffff;
    }
    return 0;
  }

  /**
   * The value of every sub-multiset of a hand at once, into `out` (see
   * {@link LeaveValues.subRackValues}): with the dense index, each rank is built up tile by tile
   * as the kept counts grow, so a sub-multiset costs one addition and one read. False, with `out`
   * untouched, when the table keeps the walk (no dense index), or for a hand it cannot take
   * (more than 17 groups, a count that is not an integer 1-64, a code that is not an integer).
   */
  subRackValues(tiles: ArrayLike<number>, counts: ArrayLike<number>, groups: number, out: Float64Array): boolean {
    const dense = this.#dense === undefined ? this.#buildDense() : this.#dense;
    if (dense === null || !Number.isInteger(groups) || groups < 0 || groups > SUB_GROUPS) return false;
    let combos = 1;
    for (let k = 0; k < groups; k++) {
      const count = counts[k];
      const tile = tiles[k];
      if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 64 || !Number.isInteger(tile))
        return false;
      this.#subStride[k] = combos;
      combos *= (count as number) + 1;
    }
    if (out.length < combos) return false;
    this.#subTiles = tiles;
    this.#subCounts = counts;
    this.#subOut = out;
    // KLV order puts the blanks (tile 0, adding nothing to a rank) first: they only move the letters along.
    const blankGroup = groups > 0 && ((tiles[groups - 1] as number) & BLANK) !== 0;
    const letters = blankGroup ? groups - 1 : groups;
    const blanks = blankGroup ? (counts[letters] as number) : 0;
    for (let b = 0; b <= blanks; b++) this.#subFill(dense, 0, letters, b, 0, b * (this.#subStride[letters] as number));
    this.#subTiles = this.#subCounts = this.#subOut = undefined;
    return true;
  }

  /** Groups `k..end` of the hand's letters, `m` tiles kept before them (rank so far `rank`, -1: a leave the index cannot hold). */
  #subFill(dense: Float32Array, k: number, end: number, m: number, rank: number, idx: number): void {
    if (k === end) {
      (this.#subOut as Float64Array)[idx] =
        m === 0 || rank < 0 || m > this.#denseLength ? 0 : (dense[(this.#offset[m] as number) + rank] ?? 0);
      return;
    }
    const t = (this.#subTiles as ArrayLike<number>)[k] as number;
    const count = (this.#subCounts as ArrayLike<number>)[k] as number;
    const stride = this.#subStride[k] as number;
    const width = this.#denseLength + 1;
    const binom = this.#binom;
    let r = rank;
    for (let c = 0; ; c++) {
      this.#subFill(dense, k + 1, end, m + c, r, idx + c * stride);
      if (c === count) return;
      // One more tile t, at position m + c of the sorted leave.
      const at = m + c + 1;
      r =
        r < 0 || t > this.#denseTile || at > this.#denseLength ? -1 : r + (binom[(t + at - 1) * width + at] as number);
    }
  }

  /** Builds the dense index, or records that it would be too big (null). */
  #buildDense(): Float32Array | null {
    const nodes = this.#nodes;
    const values = this.#values;
    // The highest tile and the longest leave (every path is in order: checkLeaves). Paths are
    // visited one by one, at most 64 visits a leave: every node leads to a leave (checkNode22),
    // and a leave of up to 64 tiles has that many prefixes.
    let top = 0;
    let longest = 0;
    const measure = (p: number, depth: number): void => {
      for (let i = p; ; i++) {
        const v = nodes[i] as number;
        const t = kwgTile(v);
        if (t > top) top = t;
        if (depth > longest) longest = depth;
        if (kwgArc(v) !== 0) measure(kwgArc(v), depth + 1);
        if (kwgIsEnd(v)) return;
      }
    };
    measure(this.#root, 1);
    const width = longest + 1;
    const rows = top + longest + 1;
    const binom = new Int32Array(rows * width);
    for (let n = 0; n < rows; n++) {
      binom[n * width] = 1;
      for (let i = 1; i <= Math.min(n, longest); i++)
        binom[n * width + i] = Math.min(
          DENSE_MAX_ENTRIES + 1,
          (binom[(n - 1) * width + i - 1] as number) + (binom[(n - 1) * width + i] as number),
        );
    }
    // Multisets of k tiles 0..top: C(top + k, k).
    const offset = new Int32Array(longest + 2);
    for (let k = 0; k <= longest; k++) {
      const size = binom[(top + k) * width + k] as number;
      if ((offset[k] as number) + size > DENSE_MAX_ENTRIES) {
        this.#dense = null;
        return null;
      }
      offset[k + 1] = (offset[k] as number) + size;
    }
    const dense = new Float32Array(offset[longest + 1] as number);
    // Pre-order, the order the values are stored in.
    let index = 0;
    const fill = (p: number, depth: number, rank: number): void => {
      for (let i = p; ; i++) {
        const v = nodes[i] as number;
        const r = rank + (binom[(kwgTile(v) + depth - 1) * width + depth] as number);
        if (kwgAccepts(v)) dense[(offset[depth] as number) + r] = values[index++] as number;
        if (kwgArc(v) !== 0) fill(kwgArc(v), depth + 1, r);
        if (kwgIsEnd(v)) return;
      }
    };
    fill(this.#root, 1, 0);
    this.#binom = binom;
    this.#offset = offset;
    this.#denseTile = top;
    this.#denseLength = longest;
    this.#dense = dense;
    return dense;
  }

  /** The value of a leave written as text (`?ERS`, `SER?`: any order, `?` a blank); undefined when the text is not tiles of the alphabet. */
  valueOf(text: string, alphabet: Alphabet): number | undefined {
    const codes = leaveCodes(text, alphabet);
    return codes === undefined ? undefined : this.leaveValue(codes, codes.length);
  }

  /** Every stored leave with its value, in stored (sorted) order: codes with blanks as {@link BLANK}, last. */
  *entries(): IterableIterator<[Uint8Array, number]> {
    const nodes = this.#nodes;
    const values = this.#values;
    if (this.#root === 0) return;
    // Depth first on an explicit stack of the arcs taken (a generator a level would pass each
    // leave up through every level above it).
    const path: number[] = [];
    const taken: number[] = [];
    let index = 0;
    for (let i = this.#root; ;) {
      const v = nodes[i] as number;
      path.push(kwgTile(v));
      if (kwgAccepts(v)) yield [toEngineOrder(path), values[index++] as number];
      if (kwgArc(v) !== 0) {
        taken.push(i);
        i = kwgArc(v);
        continue;
      }
      path.pop();
      // The list done: back up to the first arc above with a sibling left.
      while (kwgIsEnd(nodes[i] as number)) {
        const up = taken.pop();
        if (up === undefined) return;
        i = up;
        path.pop();
      }
      i++;
    }
  }

  /** The table as a KLV2 file. */
  toKlv2(): Uint8Array {
    const n = this.#nodes.length;
    const m = this.#values.length;
    const bytes = new Uint8Array(8 + 4 * n + 4 * m);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, n, true);
    for (let i = 0; i < n; i++) view.setUint32(4 + 4 * i, this.#nodes[i] as number, true);
    view.setUint32(4 + 4 * n, m, true);
    for (let i = 0; i < m; i++) view.setFloat32(8 + 4 * n + 4 * i, this.#values[i] as number, true);
    return bytes;
  }

  /**
   * Reads a KLV2 (float32 values) or KLV1 (int16 / 256) file, told apart by size as wolges does.
   * Untrusted bytes: sizes, arcs, lists, loops, tiles (at most `maxTile`, 63 by default), every
   * leave a distinct sorted multiset with no dead end, the leave count against the graph and the
   * values (finite) are checked (90100, 90104, 90105); never a throw.
   */
  static fromKlv(input: ArrayBuffer | Uint8Array, maxTile = 63): Result<LeaveTable, EngineError> {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    const truncated = (cause: string) => err(engineError(Code.DICT_TRUNCATED, { cause }));
    if (bytes.length < 8) return truncated('a leave file has at least 8 bytes');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = view.getUint32(0, true);
    if (n < 1 || n > KWG_MAX_NODES)
      return err(engineError(Code.DICT_CORRUPT, { cause: `${n} nodes (1 to ${KWG_MAX_NODES})` }));
    if (bytes.length < 8 + 4 * n) return truncated(`the file ends inside its ${n} nodes`);
    const m = view.getUint32(4 + 4 * n, true);
    const klv2 = bytes.length === 8 + 4 * n + 4 * m;
    if (!klv2 && bytes.length !== 8 + 4 * n + 2 * m)
      return truncated(`${m} leave values do not fit the file (${bytes.length} bytes)`);
    const nodes = readNodes(bytes, 4, n);
    const checked = checkNode22(nodes, [kwgArc(nodes[0] as number)], maxTile, 64);
    if (!checked.ok) return checked;
    const shape = checkLeaves(nodes);
    if (!shape.ok) return shape;
    const root = kwgArc(nodes[0] as number);
    const leaves = root === 0 ? 0 : (checked.value[root] as number);
    if (leaves !== m)
      return err(engineError(Code.DICT_CORRUPT, { cause: `the graph holds ${leaves} leaves, the file ${m} values` }));
    const values = new Float32Array(m);
    const base = 8 + 4 * n;
    for (let i = 0; i < m; i++)
      values[i] = klv2 ? view.getFloat32(base + 4 * i, true) : view.getInt16(base + 2 * i, true) / 256;
    for (let i = 0; i < m; i++)
      if (!Number.isFinite(values[i] as number))
        return err(engineError(Code.DICT_CORRUPT, { cause: `value ${i} is not a finite number` }));
    return ok(new LeaveTable(nodes, padCounts(checked.value), values));
  }

  /**
   * A table from leaves written as text with their values (`[['?', 25.5], ['SER?', 38.75]]`;
   * any tile order, `?` a blank). Values are stored as float32. Error 90201 for a leave that is
   * not tiles of the alphabet, 90104 for one listed twice.
   */
  static fromEntries(
    entries: Iterable<readonly [string, number]>,
    alphabet: Alphabet,
  ): Result<LeaveTable, EngineError> {
    const keyed = new Map<string, number>();
    for (const [text, value] of entries) {
      const codes = leaveCodes(text, alphabet);
      if (codes === undefined || codes.length === 0)
        return err(
          engineError(Code.BAD_QUERY, {
            param: String(text),
            cause: `${JSON.stringify(text)} is not a leave of the alphabet ${alphabet.spec.name}`,
          }),
        );
      if (!Number.isFinite(value))
        return err(
          engineError(Code.BAD_QUERY, { param: String(text), cause: 'a leave value must be a finite number' }),
        );
      const key = String.fromCharCode(...klvOrder(codes));
      if (keyed.has(key)) return err(engineError(Code.DICT_CORRUPT, { cause: `the leave ${text} is listed twice` }));
      keyed.set(key, value);
    }
    return LeaveTable.fromKeys(keyed);
  }

  /**
   * A table from keys (strings of KLV tile codes: 0 a blank, letters ascending) and values; error
   * 90104 for a key out of order, which no lookup (the tiles sorted) would reach.
   */
  static fromKeys(keyed: ReadonlyMap<string, number>): Result<LeaveTable, EngineError> {
    const keys = [...keyed.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const graph = buildWordGraph([keys]);
    if (!graph.ok) return graph;
    const arcs = graph.value.arcs;
    if (arcs.length + 1 > KWG_MAX_NODES)
      return err(engineError(Code.DICT_TOO_LARGE, { cause: `${arcs.length} nodes` }));
    // The engine's packed arcs are Node22 lists already: convert each, node 0 the root pointer.
    const nodes = new Uint32Array(Math.max(2, arcs.length));
    nodes[0] = (0x400000 | (graph.value.roots[0] ?? 0)) >>> 0;
    for (let i = 1; i < arcs.length; i++) {
      const v = arcs[i] as number;
      nodes[i] =
        (((v & ARC_GLYPH_MASK) << 24) |
          ((v & ARC_END_OF_WORD) !== 0 ? 0x800000 : 0) |
          ((v & ARC_LAST) !== 0 ? 0x400000 : 0) |
          (v >>> ARC_TARGET_SHIFT)) >>>
        0;
    }
    if (arcs.length < 2) nodes[1] = 0x400000;
    const checked = checkNode22(nodes, [kwgArc(nodes[0] as number)], 63, 64);
    if (!checked.ok) return checked;
    const shape = checkLeaves(nodes);
    if (!shape.ok) return shape;
    const values = Float32Array.from(keys, (k) => keyed.get(k) as number);
    return ok(new LeaveTable(nodes, padCounts(checked.value), values));
  }
}

/** The most entries of a leave table's dense index (16 MB of float32): bigger tables keep the graph walk. */
export const DENSE_MAX_ENTRIES = 1 << 22;
/** The most distinct tiles {@link LeaveTable.subRackValues} takes (a hand of up to 16 tiles). */
const SUB_GROUPS = 17;

/**
 * What a leave table's graph must be beyond a well-formed Node22 graph with no dead end
 * (`checkNode22`): every stored leave a distinct sorted multiset, as the format has them (the
 * blank, tile 0, first), that is the tiles of each list strictly ascending and each list's first
 * tile at least the tile of every arc into it. Without it a file could list a leave twice, or one
 * out of order, whose value no lookup (which walks the tiles sorted) reads back. Only the nodes
 * reachable from the root are looked at; linear in the nodes.
 */
function checkLeaves(nodes: Uint32Array): Result<true, EngineError> {
  const bad = (cause: string) => err(engineError(Code.DICT_CORRUPT, { cause }));
  const seen = new Uint8Array(nodes.length);
  const root = kwgArc(nodes[0] as number);
  const stack: number[] = root === 0 ? [] : [root];
  while (stack.length > 0) {
    // A list from an entry on, up to its end or to a node already looked at (its rest was too).
    for (let i = stack.pop() as number; seen[i] === 0; i++) {
      seen[i] = 1;
      const v = nodes[i] as number;
      const t = kwgTile(v);
      const a = kwgArc(v);
      if (a !== 0) {
        if (kwgTile(nodes[a] as number) < t)
          return bad(`a leave's tiles are not in ascending order, blanks first (node ${i})`);
        if (seen[a] === 0) stack.push(a);
      }
      if (kwgIsEnd(v)) break;
      if (kwgTile(nodes[i + 1] as number) <= t)
        return bad(`the tiles of a list are not in ascending order (node ${i})`);
    }
  }
  return ok(true);
}

/** count with one more slot (count[n] = 0), so `count[i + 1]` is always defined. */
function padCounts(count: Float64Array): Uint32Array {
  const out = new Uint32Array(count.length + 1);
  out.set(count);
  return out;
}

/** A leave's tiles from text (`?` a blank), sorted the engine's way (ascending, blanks last); undefined when not tiles. */
function leaveCodes(text: string, alphabet: Alphabet): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length > 64) return undefined;
  const blanks = [...text].filter((c) => c === '?').length;
  const letters = alphabet.encode(text.replaceAll('?', ''));
  if (!letters.ok) return undefined;
  const codes = [...letters.value].sort((a, b) => a - b);
  for (let k = 0; k < blanks; k++) codes.push(BLANK);
  return Uint8Array.from(codes);
}

/** Engine order (blanks last as BLANK) to KLV order (blanks first as 0). */
function klvOrder(codes: Uint8Array): number[] {
  const blanks = codes.filter((c) => (c & BLANK) !== 0).length;
  return [...new Array<number>(blanks).fill(0), ...[...codes].filter((c) => (c & BLANK) === 0)];
}

/** KLV order to engine order. */
function toEngineOrder(path: readonly number[]): Uint8Array {
  const letters = path.filter((t) => t !== 0);
  const blanks = path.length - letters.length;
  return Uint8Array.from([...letters, ...new Array<number>(blanks).fill(BLANK)]);
}
