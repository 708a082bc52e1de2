import type { Dictionary } from '../dictionary/dictionary.js';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT, popcount } from '../dictionary/format.js';
import { BOGGLE_SCORES } from './dice.js';
import { gridFromFaces, type BoggleGrid } from './grid.js';

/** One word found on a grid, with one path that spells it. */
export interface FoundWord {
  readonly word: string;
  /** Cell indices (`row * cols + col`) in order. */
  readonly path: readonly number[];
  /** Length in letters (Qu counts 2). */
  readonly letters: number;
  readonly score: number;
}

/** Every word of a grid. */
export interface BoggleSolution {
  /** Words in dictionary order. */
  readonly words: readonly FoundWord[];
  /** Total possible score. */
  readonly total: number;
  /** The longest words (by letters). */
  readonly longest: readonly string[];
}

const neighbourCache: ({ list: Int8Array; count: Int8Array } | undefined)[] = [];

/** The cells next to each cell (8 directions), as a flat list of up to 8 per cell. */
export function gridNeighbours(rows: number, cols: number): { list: Int8Array; count: Int8Array } {
  const key = rows * 64 + cols;
  let n = neighbourCache[key];
  if (n === undefined) {
    const list = new Int8Array(rows * cols * 8);
    const count = new Int8Array(rows * cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            if ((dr === 0 && dc === 0) || r + dr < 0 || r + dr >= rows || c + dc < 0 || c + dc >= cols) continue;
            list[i * 8 + (count[i] as number)] = (r + dr) * cols + c + dc;
            count[i] = (count[i] as number) + 1;
          }
      }
    n = { list, count };
    neighbourCache[key] = n;
  }
  return n;
}

/**
 * The DAWG as the solver walks it: a compact copy of the nodes reachable from the root, each node
 * a mask of its glyphs then a pair of words per arc, so that the arcs the grid can use are found
 * by intersecting masks, and a step reads one cache line.
 *
 * ```
 * node word 0     bit g: the node has an arc for glyph g (with glyph codes of 32 or more: its number of arcs)
 * arc  word 0     bit 0 end of word, bits 1-6 the glyph, bits 7-30 the target node (0: none)
 * arc  word 1     the words that start in the earlier arcs of its node (the arc's share of the rank)
 * ```
 *
 * The arc of glyph g is at `node + 1 + 2 × popcount(mask & ((1 << g) - 1))`. Walking a word
 * from the root and adding the second words, plus 1 for every end-of-word arc the walk
 * continues from, gives the word's index in sorted order: a minimal perfect hash that
 * de-duplicates words without strings.
 */
interface SolverGraph {
  readonly words: Int32Array;
  readonly root: number;
  readonly count: number;
  /** False when some glyph code is 32 or more (the masks cannot hold it): solve with the generic walk. */
  readonly masked: boolean;
  /**
   * The first two steps from the root as tables (masked graphs only): for glyph g, `one[2g]` the
   * root's arc word of g (0: none) and `one[2g + 1]` its rank; for glyphs g then h, the same at
   * `pair[2(32g + h)]`, the rank counted from the root.
   */
  readonly one: Int32Array;
  readonly pair: Int32Array;
}

const graphs = new WeakMap<Dictionary, SolverGraph>();

function solverGraph(dictionary: Dictionary): SolverGraph {
  const cached = graphs.get(dictionary);
  if (cached !== undefined) return cached;
  const arcs = dictionary.arcs;
  // Nodes reachable from the DAWG root, in array order (targets point forward, so this order is topological).
  const reachable = new Uint8Array(arcs.length);
  if (dictionary.root !== 0) reachable[dictionary.root] = 1;
  const place = new Int32Array(arcs.length);
  let size = 2;
  let masked = true;
  for (let node = 1; node < arcs.length;) {
    let end = node;
    while (((arcs[end] as number) & ARC_LAST) === 0) end++;
    if (reachable[node] === 1) {
      place[node] = size;
      size += 1 + 2 * (end - node + 1);
      for (let a = node; a <= end; a++) {
        reachable[(arcs[a] as number) >>> ARC_TARGET_SHIFT] = 1;
        if (((arcs[a] as number) & ARC_GLYPH_MASK) >= 32) masked = false;
      }
      reachable[0] = 0;
    }
    node = end + 1;
  }
  // Words below each node, from the end (children lie after their parents).
  const below = new Float64Array(arcs.length);
  const words = new Int32Array(size);
  for (let node = arcs.length - 1; node >= 1;) {
    let start = node;
    while (start > 1 && ((arcs[start - 1] as number) & ARC_LAST) === 0) start--;
    if (reachable[start] === 1) {
      let sum = 0;
      let mask = 0;
      const at = place[start] as number;
      for (let a = start; a <= node; a++) {
        const v = arcs[a] as number;
        const t = v >>> ARC_TARGET_SHIFT;
        const k = at + 1 + 2 * (a - start);
        words[k] =
          ((t === 0 ? 0 : (place[t] as number)) << 7) |
          ((v & ARC_GLYPH_MASK) << 1) |
          ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0);
        words[k + 1] = sum;
        mask |= 1 << (v & ARC_GLYPH_MASK & 31);
        sum += ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0) + (t === 0 ? 0 : (below[t] as number));
      }
      words[at] = masked ? mask : node - start + 1;
      below[start] = sum;
    }
    node = start - 1;
  }
  const root = dictionary.root === 0 ? 0 : (place[dictionary.root] as number);
  const one = new Int32Array(64);
  const pair = new Int32Array(2 * 32 * 32);
  if (masked && root !== 0) {
    const arcOfGlyph = (node: number, g: number): number => {
      const mask = words[node] as number;
      return ((mask >>> g) & 1) === 0 ? -1 : node + 1 + 2 * popcount(mask & ((1 << g) - 1));
    };
    for (let g = 1; g < 32; g++) {
      const a = arcOfGlyph(root, g);
      if (a < 0) continue;
      const v = words[a] as number;
      one[2 * g] = v;
      one[2 * g + 1] = words[a + 1] as number;
      const next = v >>> 7;
      for (let h = 1; h < 32 && next !== 0; h++) {
        const b = arcOfGlyph(next, h);
        if (b < 0) continue;
        pair[2 * (32 * g + h)] = words[b] as number;
        pair[2 * (32 * g + h) + 1] = (words[a + 1] as number) + (v & 1) + (words[b + 1] as number);
      }
    }
  }
  const graph = { words, root, count: dictionary.wordCount, masked, one, pair };
  graphs.set(dictionary, graph);
  return graph;
}

// The grid being solved by the fast path (module state, set at the start of each solve: solving
// never yields, so no two solves interleave).
let P: Int32Array = new Int32Array(0);
/** The cells next to each cell (bit k: cell k), and at index `cells` the two-glyph cells (the root's row). */
let near: Int32Array = new Int32Array(0);
/** The cells showing each glyph first (bit k: cell k). */
let showing: Int32Array = new Int32Array(0);
let second: Uint8Array = new Uint8Array(0);
/** The glyphs shown around each cell (bit g when some neighbour shows g first). */
let around: Int32Array = new Int32Array(0);
let seen: Uint8Array = new Uint8Array(0);
let stamp = 0;
let minLength = 3;
let scoreOf: Int32Array = new Int32Array(65);
let found = 0;
let points = 0;

/**
 * Finds every word on Boggle grids by walking the DAWG directly: a depth-first search over
 * cells with the used cells as an integer bitmask, each node's arcs tried against the glyphs
 * shown around the cell (the cells next to it, as a bitmask, intersected with the cells showing
 * each glyph), the first two glyphs of a path read from two small tables instead, and words
 * de-duplicated by their rank in the dictionary (a stamp array, no strings). Reusable: `solve`
 * allocates nothing.
 */
export class BoggleSolver {
  readonly dictionary: Dictionary;
  /** Words and total of the last `solve`. */
  count = 0;
  total = 0;
  private readonly graph: SolverGraph;
  private readonly seenWords: Uint8Array;
  private stampValue = 0;
  private near = new Int32Array(33);
  private showing = new Int32Array(32);
  private around = new Int32Array(33);
  private scoresFor: readonly number[] | undefined;
  private scoreTable = new Int32Array(65);

  /** A solver over a dictionary (its walk graph is built once per dictionary and shared). */
  constructor(dictionary: Dictionary) {
    this.dictionary = dictionary;
    this.graph = solverGraph(dictionary);
    this.seenWords = new Uint8Array(Math.max(1, this.graph.count));
    this.warmUp();
  }

  /**
   * Solves a few small synthetic grids once, one of them with a two-glyph face, so that the walk
   * has seen every branch before the JIT compiles it (measured: without it some processes end
   * up with a slower compiled walk).
   */
  private warmUp(): void {
    const alphabet = this.dictionary.alphabet;
    const size = alphabet.size;
    if (size < 2) return;
    for (let k = 0; k < 8; k++) {
      const faces: string[] = [];
      for (let i = 0; i < 16; i++) faces.push(alphabet.glyph(1 + ((i * 7 + k * 5) % size)));
      faces[k] = (faces[k] as string) + alphabet.glyph(1 + ((k * 3) % size));
      const grid = gridFromFaces(faces, 4, 4, alphabet, 3);
      if (grid.ok) this.solve(grid.value);
    }
    this.count = 0;
    this.total = 0;
  }

  /** Counts the words of a grid and their total score (`count`, `total`); returns the count. */
  solve(grid: BoggleGrid, scores: readonly number[] = BOGGLE_SCORES): number {
    const cells = grid.rows * grid.cols;
    this.prepare(scores);
    if (cells > 31 || this.graph.root === 0 || !this.graph.masked) {
      const s = this.solveGeneric(grid, undefined);
      this.count = s.count;
      this.total = s.total;
      return this.count;
    }
    // Each cell's neighbours and the glyphs they show; the cells showing each glyph; and a last
    // row (the root) of the two-glyph cells: paths from the others start from the tables. A cell
    // whose first glyph is 32 or more is left out: no word of this graph holds such a glyph.
    const nb = gridNeighbours(grid.rows, grid.cols);
    const first = grid.first;
    const nearCell = this.near;
    const showingGlyph = this.showing;
    showingGlyph.fill(0);
    const aroundCell = this.around;
    let twoGlyph = 0;
    let rootAround = 0;
    for (let c = 0; c < cells; c++) {
      const g = first[c] as number;
      if (g >= 32) continue;
      showingGlyph[g] = (showingGlyph[g] as number) | (1 << c);
      if (grid.second[c] !== 0) {
        twoGlyph |= 1 << c;
        rootAround |= 1 << g;
      }
    }
    for (let c = 0; c < cells; c++) {
      let cellsNear = 0;
      let glyphs = 0;
      for (let k = 0, at = c * 8, n = nb.count[c] as number; k < n; k++) {
        const other = nb.list[at + k] as number;
        const g = first[other] as number;
        cellsNear |= 1 << other;
        if (g < 32) glyphs |= 1 << g;
      }
      nearCell[c] = cellsNear;
      aroundCell[c] = glyphs;
    }
    nearCell[cells] = twoGlyph;
    aroundCell[cells] = rootAround;
    P = this.graph.words;
    near = nearCell;
    showing = showingGlyph;
    around = aroundCell;
    second = grid.second;
    seen = this.seenWords;
    stamp = this.stampValue;
    minLength = grid.minLength;
    scoreOf = this.scoreTable;
    found = 0;
    points = 0;
    if (aroundCell[cells] !== 0) walk(this.graph.root, cells, 0, 0, 0);
    startPairs(this.graph, cells, first, nb);
    this.count = found;
    this.total = points;
    return found;
  }

  /** Every word of a grid with a path each, the total and the longest words. */
  solveWords(grid: BoggleGrid, scores: readonly number[] = BOGGLE_SCORES): BoggleSolution {
    this.prepare(scores);
    const words: FoundWord[] = [];
    const s = this.solveGeneric(grid, words);
    this.count = s.count;
    this.total = s.total;
    words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    let max = 0;
    for (const w of words) max = Math.max(max, w.letters);
    return { words, total: s.total, longest: words.filter((w) => w.letters === max && max > 0).map((w) => w.word) };
  }

  /** A fresh stamp for the seen-words table, and the score table of `scores`. */
  private prepare(scores: readonly number[]): void {
    // A byte a word (a quarter of the cache footprint of a word-sized stamp), cleared every 255 solves.
    if (++this.stampValue === 256) {
      this.seenWords.fill(0);
      this.stampValue = 1;
    }
    if (this.scoresFor !== scores) {
      for (let n = 0; n <= 64; n++) this.scoreTable[n] = Math.trunc(scores[Math.min(n, scores.length - 1)] ?? 0);
      this.scoresFor = scores;
    }
  }

  /** Any grid size, with paths and words when `collect` is given: a plain recursive walk. */
  private solveGeneric(grid: BoggleGrid, collect: FoundWord[] | undefined): { count: number; total: number } {
    const { words: P2, root } = this.graph;
    const cells = grid.rows * grid.cols;
    const nb = gridNeighbours(grid.rows, grid.cols);
    const used = new Uint8Array(cells);
    const path = new Int8Array(cells);
    const seenWords = this.seenWords;
    const stampNow = this.stampValue;
    const alphabet = this.dictionary.alphabet;
    let count = 0;
    let total = 0;
    // Follows glyph g from node; returns the arc's first word, or -1.
    const step = (node: number, g: number): number => {
      if (node === 0) return -1;
      if (this.graph.masked) {
        if (g >= 32) return -1;
        const mask = P2[node] as number;
        const bit = 1 << g;
        return (mask & bit) === 0 ? -1 : node + 1 + 2 * popcount(mask & (bit - 1));
      }
      for (let k = 0, a = node + 1; k < (P2[node] as number); k++, a += 2)
        if ((((P2[a] as number) >>> 1) & 63) === g) return a;
      return -1;
    };
    const visit = (cell: number, node: number, rank: number, letters: number, depth: number): void => {
      let a = step(node, grid.first[cell] as number);
      if (a < 0) return;
      let v = P2[a] as number;
      rank += P2[a + 1] as number;
      let len = letters + 1;
      const g2 = grid.second[cell] as number;
      if (g2 !== 0) {
        if ((v & 1) !== 0) rank += 1;
        a = step(v >>> 7, g2);
        if (a < 0) return;
        v = P2[a] as number;
        rank += P2[a + 1] as number;
        len++;
      }
      used[cell] = 1;
      path[depth] = cell;
      if ((v & 1) !== 0 && len >= grid.minLength && seenWords[rank] !== stampNow) {
        seenWords[rank] = stampNow;
        count++;
        const score = this.scoreTable[Math.min(len, 64)] as number;
        total += score;
        if (collect !== undefined) {
          const cellsOf = Array.from(path.subarray(0, depth + 1));
          collect.push({
            word: cellsOf
              .map((c) => alphabet.glyph(grid.first[c] as number) + alphabet.glyph(grid.second[c] as number))
              .join(''),
            path: cellsOf,
            letters: len,
            score,
          });
        }
      }
      const next = v >>> 7;
      if (next !== 0) {
        const nextRank = rank + (v & 1);
        for (let k = 0; k < (nb.count[cell] as number); k++) {
          const n = nb.list[cell * 8 + k] as number;
          if (used[n] === 0) visit(n, next, nextRank, len, depth + 1);
        }
      }
      used[cell] = 0;
    };
    if (root !== 0) for (let c = 0; c < cells; c++) visit(c, root, 0, 0, 0);
    return { count, total };
  }
}

/**
 * The fast walk (grids of up to 31 cells): the glyphs both leaving `node` and shown around
 * `cell`, then the unused neighbours showing each. `rank` is the rank base of the node's words,
 * `letters` the length so far.
 */
function walk(node: number, cell: number, used: number, rank: number, letters: number): void {
  const mask = P[node] as number;
  let glyphs = mask & (around[cell] as number);
  const free = (near[cell] as number) & ~used;
  while (glyphs !== 0) {
    const gbit = glyphs & -glyphs;
    glyphs ^= gbit;
    let m = (showing[31 - Math.clz32(gbit)] as number) & free;
    if (m === 0) continue;
    const a = node + 1 + 2 * popcount(mask & (gbit - 1));
    const v = P[a] as number;
    const r = rank + (P[a + 1] as number);
    const eow = (v & 1) !== 0;
    const target = v >>> 7;
    const len = letters + 1;
    do {
      const bit = m & -m;
      m ^= bit;
      const n = 31 - Math.clz32(bit);
      if (second[n] !== 0) {
        walkSecond(target, n, used | bit, r + (v & 1), len);
        continue;
      }
      if (eow && len >= minLength && seen[r] !== stamp) {
        seen[r] = stamp;
        found++;
        points += scoreOf[len] as number;
      }
      // Into the target only when some glyph leaving it is around the cell (a call saved on most dead ends).
      if (target !== 0 && ((P[target] as number) & (around[n] as number)) !== 0)
        walk(target, n, used | bit, r + (v & 1), len);
    } while (m !== 0);
  }
}

/**
 * The paths from each one-glyph cell: its glyph and each neighbour's from the graph's first-two-
 * steps tables (words of one or two glyphs counted there), then the walk from the third.
 */
function startPairs(
  graph: SolverGraph,
  cells: number,
  first: Uint8Array,
  nb: { list: Int8Array; count: Int8Array },
): void {
  const one = graph.one;
  const pair = graph.pair;
  for (let c = 0; c < cells; c++) {
    const g = first[c] as number;
    if (second[c] !== 0 || g >= 32) continue;
    const v = one[2 * g] as number;
    if (v === 0) continue;
    const r = one[2 * g + 1] as number;
    if ((v & 1) !== 0 && 1 >= minLength) countWord(r, 1);
    if (v >>> 7 === 0) continue;
    const used = 1 << c;
    for (let k = 0; k < (nb.count[c] as number); k++) {
      const n = nb.list[c * 8 + k] as number;
      const h = first[n] as number;
      if (h >= 32) continue;
      const idx = 2 * (32 * g + h);
      const w = pair[idx] as number;
      if (w === 0) continue;
      const r2 = pair[idx + 1] as number;
      const bit = 1 << n;
      if (second[n] !== 0) {
        walkSecond(w >>> 7, n, used | bit, r2 + (w & 1), 2);
        continue;
      }
      if ((w & 1) !== 0 && 2 >= minLength) countWord(r2, 2);
      const target = w >>> 7;
      if (target !== 0 && ((P[target] as number) & (around[n] as number)) !== 0)
        walk(target, n, used | bit, r2 + (w & 1), 2);
    }
  }
}

/**
 * Counts the word of rank `r` and `len` letters unless this grid found it before (the walk's own
 * hot loop keeps these lines inline).
 */
function countWord(r: number, len: number): void {
  if (seen[r] === stamp) return;
  seen[r] = stamp;
  found++;
  points += scoreOf[len] as number;
}

/** A two-glyph face (Qu): its first glyph led to `node`; follows the second, then goes on. */
function walkSecond(node: number, cell: number, used: number, rank: number, letters: number): void {
  if (node === 0) return;
  const g = second[cell] as number;
  const mask = P[node] as number;
  const bit = 1 << g;
  if (g >= 32 || (mask & bit) === 0) return;
  const a = node + 1 + 2 * popcount(mask & (bit - 1));
  const v = P[a] as number;
  const r = rank + (P[a + 1] as number);
  const len = letters + 1;
  if ((v & 1) !== 0 && len >= minLength) countWord(r, len);
  const target = v >>> 7;
  if (target !== 0) walk(target, cell, used, r + (v & 1), len);
}

/** Every word of a grid (a one-off solver; keep a {@link BoggleSolver} to solve many grids). */
export function solveBoggle(grid: BoggleGrid, dictionary: Dictionary): BoggleSolution {
  return new BoggleSolver(dictionary).solveWords(grid);
}
