import type { Dictionary } from '../dictionary/dictionary.js';
import { ARC_END_OF_WORD, ARC_TARGET_SHIFT, findArc, popcount } from '../dictionary/format.js';
import { arcRanks } from '../dictionary/rank.js';
import { BOGGLE_SCORES } from './dice.js';
import type { BoggleGrid } from './grid.js';

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

const neighbourCache = new Map<string, { list: Int8Array; count: Int8Array }>();

/** The cells next to each cell (8 directions), as a flat list of up to 8 per cell. */
export function gridNeighbours(rows: number, cols: number): { list: Int8Array; count: Int8Array } {
  const key = `${rows}x${cols}`;
  let n = neighbourCache.get(key);
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
    neighbourCache.set(key, n);
  }
  return n;
}

/**
 * Finds every word on Boggle grids by walking the DAWG directly: a depth-first search over
 * cells with a used-cell array, one arc lookup (two reads) per glyph, and words de-duplicated
 * by their rank in the dictionary (a stamp array, no strings). Reusable: a solver keeps its
 * buffers, so solving allocates nothing per step; `solve` allocates nothing at all.
 */
export class BoggleSolver {
  readonly dictionary: Dictionary;
  /** Words and total of the last `solve`. */
  count = 0;
  total = 0;
  private readonly ranks: Uint32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;
  private used = new Uint8Array(64);
  private path = new Int8Array(64);
  private collect: FoundWord[] | undefined;
  private grid: BoggleGrid | undefined;
  private neighbours: Int8Array = new Int8Array(0);
  private neighbourCount: Int8Array = new Int8Array(0);
  private minLength = 3;
  private scores: readonly number[] = BOGGLE_SCORES;

  constructor(dictionary: Dictionary) {
    this.dictionary = dictionary;
    this.ranks = arcRanks(dictionary);
    this.seen = new Uint32Array(Math.max(1, dictionary.wordCount));
  }

  /** Counts the words of a grid and their total score (`count`, `total`); returns the count. */
  solve(grid: BoggleGrid, scores: readonly number[] = BOGGLE_SCORES): number {
    this.collect = undefined;
    this.run(grid, scores);
    return this.count;
  }

  /** Every word of a grid with a path each, the total and the longest words. */
  solveWords(grid: BoggleGrid, scores: readonly number[] = BOGGLE_SCORES): BoggleSolution {
    const found: FoundWord[] = [];
    this.collect = found;
    this.run(grid, scores);
    this.collect = undefined;
    found.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    let max = 0;
    for (const w of found) max = Math.max(max, w.letters);
    return { words: found, total: this.total, longest: found.filter((w) => w.letters === max && max > 0).map((w) => w.word) };
  }

  private run(grid: BoggleGrid, scores: readonly number[]): void {
    this.count = 0;
    this.total = 0;
    this.grid = grid;
    this.scores = scores;
    this.minLength = grid.minLength;
    const n = gridNeighbours(grid.rows, grid.cols);
    this.neighbours = n.list;
    this.neighbourCount = n.count;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const root = this.dictionary.root;
    if (root === 0) return;
    for (let cell = 0; cell < grid.rows * grid.cols; cell++) this.visit(cell, root, 0, 0, 0);
  }

  /** Extends the walk at `node` (rank so far `rank`) with the face of `cell`. */
  private visit(cell: number, node: number, letters: number, rank: number, depth: number): void {
    const grid = this.grid as BoggleGrid;
    const arcs = this.dictionary.arcs;
    const w = this.dictionary.maskWords;
    const g1 = grid.first[cell] as number;
    let a: number;
    if (w === 1 && g1 < 32) {
      const mask = arcs[node] as number;
      if (((mask >>> g1) & 1) === 0) return;
      a = node + 1 + popcount(mask & ((1 << g1) - 1));
    } else {
      a = findArc(arcs, node, g1, w);
      if (a < 0) return;
    }
    let v = arcs[a] as number;
    rank += this.ranks[a] as number;
    let len = letters + 1;
    const g2 = grid.second[cell] as number;
    if (g2 !== 0) {
      const n2 = v >>> ARC_TARGET_SHIFT;
      if (n2 === 0) return;
      if ((v & ARC_END_OF_WORD) !== 0) rank += 1;
      a = findArc(arcs, n2, g2, w);
      if (a < 0) return;
      v = arcs[a] as number;
      rank += this.ranks[a] as number;
      len++;
    }
    this.used[cell] = 1;
    this.path[depth] = cell;
    if ((v & ARC_END_OF_WORD) !== 0 && len >= this.minLength && this.seen[rank] !== this.stamp) {
      this.seen[rank] = this.stamp;
      this.count++;
      const score = this.scores[Math.min(len, this.scores.length - 1)] ?? 0;
      this.total += score;
      if (this.collect !== undefined) this.record(depth + 1, len, score);
    }
    const next = v >>> ARC_TARGET_SHIFT;
    if (next !== 0) {
      const nextRank = rank + ((v & ARC_END_OF_WORD) !== 0 ? 1 : 0);
      const base = cell * 8;
      const count = this.neighbourCount[cell] as number;
      // Only neighbours whose first glyph leaves `next` are visited (one mask test each).
      const mask = arcs[next] as number;
      const first = grid.first;
      for (let k = 0; k < count; k++) {
        const nb = this.neighbours[base + k] as number;
        const g = first[nb] as number;
        if (this.used[nb] === 0 && (g >= 32 || w !== 1 || ((mask >>> g) & 1) !== 0)) this.visit(nb, next, len, nextRank, depth + 1);
      }
    }
    this.used[cell] = 0;
  }

  private record(cells: number, letters: number, score: number): void {
    const grid = this.grid as BoggleGrid;
    const path: number[] = [];
    let word = '';
    const alphabet = this.dictionary.alphabet;
    for (let k = 0; k < cells; k++) {
      const c = this.path[k] as number;
      path.push(c);
      word += alphabet.glyph(grid.first[c] as number) + alphabet.glyph(grid.second[c] as number);
    }
    (this.collect as FoundWord[]).push({ word, path, letters, score });
  }
}

/** Every word of a grid (a one-off solver; keep a {@link BoggleSolver} to solve many grids). */
export function solveBoggle(grid: BoggleGrid, dictionary: Dictionary): BoggleSolution {
  return new BoggleSolver(dictionary).solveWords(grid);
}
