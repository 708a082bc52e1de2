/**
 * Boggle benchmark (issue 5): random 4×4 and 5×5 grids solved per second with the default
 * dictionary: this solver (DAWG walk, rank stamps, no allocation) side by side with a
 * straightforward solver over a Set of prefixes and one over an object trie.
 */
import { BIG_DELUXE_25, NEW_16, gridNeighbours } from 'wordgame-engine/internals';
import { BOGGLE_SCORES, rollGrid, type BoggleGrid, BoggleSolver } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { embeddedWordList, printTable, runSuite, saveResults } from './common.js';

type TrieNode = { [letter: string]: TrieNode } & { $?: true };

/** Straightforward solver: strings, a Set of every prefix and a Set of words. */
function solveWithSets(grid: BoggleGrid, faces: string[], prefixes: Set<string>, words: Set<string>): number {
  const { list, count } = gridNeighbours(grid.rows, grid.cols);
  const found = new Set<string>();
  const used = new Array<boolean>(faces.length).fill(false);
  const go = (cell: number, prefix: string): void => {
    const s = prefix + faces[cell];
    if (!prefixes.has(s)) return;
    if (s.length >= grid.minLength && words.has(s)) found.add(s);
    used[cell] = true;
    for (let k = 0; k < (count[cell] as number); k++) {
      const nb = list[cell * 8 + k] as number;
      if (!used[nb]) go(nb, s);
    }
    used[cell] = false;
  };
  for (let c = 0; c < faces.length; c++) go(c, '');
  let total = 0;
  for (const w of found) total += BOGGLE_SCORES[Math.min(w.length, 8)] as number;
  return total;
}

/** Straightforward solver over an object trie. */
function solveWithTrie(grid: BoggleGrid, faces: string[], trie: TrieNode): number {
  const { list, count } = gridNeighbours(grid.rows, grid.cols);
  const found = new Set<string>();
  const used = new Array<boolean>(faces.length).fill(false);
  const go = (cell: number, node: TrieNode, prefix: string): void => {
    let n: TrieNode | undefined = node;
    for (const ch of faces[cell] as string) {
      n = n[ch];
      if (n === undefined) return;
    }
    const s = prefix + faces[cell];
    if (n.$ === true && s.length >= grid.minLength) found.add(s);
    used[cell] = true;
    for (let k = 0; k < (count[cell] as number); k++) {
      const nb = list[cell * 8 + k] as number;
      if (!used[nb]) go(nb, n, s);
    }
    used[cell] = false;
  };
  for (let c = 0; c < faces.length; c++) go(c, trie, '');
  let total = 0;
  for (const w of found) total += BOGGLE_SCORES[Math.min(w.length, 8)] as number;
  return total;
}

export async function boggleBench(): Promise<void> {
  const d = loadDefaultDictionary();
  if (!d.ok) throw new Error('dictionary');
  const dict = d.value;
  const words = embeddedWordList().map((w) => w.toUpperCase());
  const wordSet = new Set(words);
  const prefixes = new Set<string>();
  for (const w of words) for (let i = 1; i <= w.length; i++) prefixes.add(w.slice(0, i));
  const trie: TrieNode = {};
  for (const w of words) {
    let n = trie;
    for (const ch of w) n = n[ch] ??= {};
    n.$ = true;
  }
  const solver = new BoggleSolver(dict);
  const results: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];
  for (const [label, set, count] of [
    ['4×4', NEW_16, 400],
    ['5×5', BIG_DELUXE_25, 100],
  ] as const) {
    const grids = Array.from({ length: count }, (_, i) => {
      const g = rollGrid(set, 1000 + i, dict.alphabet);
      if (!g.ok) throw new Error('grid');
      return g.value;
    });
    const faces = grids.map((g) => g.faces.map((f) => f.toUpperCase()));
    // The three solvers must agree before they are timed.
    for (let i = 0; i < 20; i++) {
      const g = grids[i] as BoggleGrid;
      solver.solve(g);
      const a = solveWithSets(g, faces[i] as string[], prefixes, wordSet);
      const b = solveWithTrie(g, faces[i] as string[], trie);
      if (a !== solver.total || b !== solver.total)
        throw new Error(`solvers disagree on grid ${i}: ${solver.total} ${a} ${b}`);
    }
    const timings = await runSuite(`Boggle: ${count} random ${label} grids (${set.name} dice), default dictionary`, [
      {
        name: `${label} wordgame BoggleSolver`,
        units: count,
        fn: () => grids.reduce((s, g) => s + solver.solve(g), 0),
      },
      {
        name: `${label} Set of prefixes`,
        units: count,
        fn: () => grids.reduce((s, g, i) => s + solveWithSets(g, faces[i] as string[], prefixes, wordSet), 0),
      },
      {
        name: `${label} object trie`,
        units: count,
        fn: () => grids.reduce((s, g, i) => s + solveWithTrie(g, faces[i] as string[], trie), 0),
      },
    ]);
    const [ours, sets, tries] = timings.map((t) => t.usPerUnit) as [number, number, number];
    rows.push(
      [`${label} wordgame`, 1e6 / ours, ours, 1],
      [`${label} Set of prefixes`, 1e6 / sets, sets, sets / ours],
      [`${label} object trie`, 1e6 / tries, tries, tries / ours],
    );
    results[label] = { grids: count, timings, setOverOurs: sets / ours, trieOverOurs: tries / ours };
  }
  printTable('Boggle: grids solved per second (one core)', ['solver', 'grids/s', 'µs/grid', 'slower than ours'], rows);
  saveResults('boggle', results);
}
