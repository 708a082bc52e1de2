/**
 * Dictionary benchmark (issue 2): this DAWG against a Set<string>, @kamilmielnik/trie,
 * mnemonist's Trie and dawg-lookup, on the same ~275k words and the same queries (half hits,
 * half near misses), every query string created fresh so that no cached hash helps. The cost of
 * creating the strings is measured alone (the baseline) and subtracted.
 */
import { readFileSync } from 'node:fs';
import { Trie as KamilTrie } from '@kamilmielnik/trie';
import { PTrie, Trie as DawgLookupTrie } from 'dawg-lookup';
import { Trie as MnemonistTrie } from 'mnemonist';
import { ALPHABETS, Dictionary, loadDictionary, saveDictionary } from 'wordgame-engine';
import { packageDictionaryPath } from 'wordgame-engine/node';
import {
  embeddedWordList,
  medianMs,
  WORD_LIST_PATH,
  printTable,
  retainedBytes,
  runSuite,
  saveResults,
  seededRandom,
} from './common.js';

/** A fresh copy of the word list (fresh strings: nothing shared with earlier copies). */
function freshWords(): string[] {
  return embeddedWordList();
}

export async function dictionaryBench(): Promise<void> {
  const words = freshWords();
  const random = seededRandom(7);
  const set0 = new Set(words);
  const QUERIES = 2000;
  const queries: Uint16Array[] = [];
  while (queries.length < QUERIES) {
    const w = words[Math.floor(random() * words.length)] as string;
    if (queries.length % 2 === 0) queries.push(Uint16Array.from(w, (c) => c.charCodeAt(0)));
    else {
      const i = Math.floor(random() * w.length);
      const miss = w.slice(0, i) + String.fromCharCode(97 + Math.floor(random() * 26)) + w.slice(i + 1);
      if (!set0.has(miss)) queries.push(Uint16Array.from(miss, (c) => c.charCodeAt(0)));
    }
  }
  const fresh = (q: Uint16Array): string => String.fromCharCode.apply(null, q as unknown as number[]);

  // Build times and retained memory, one structure at a time.
  const timeBuild = <T>(make: () => T) => {
    const t = performance.now();
    const value = make();
    return { value, ms: performance.now() - t };
  };
  const dawgBuilt = timeBuild(() => Dictionary.build(words, ALPHABETS.en));
  if (!dawgBuilt.value.ok) throw new Error('build failed');
  const dawgBytes = saveDictionary(dawgBuilt.value.value.dictionary);
  const loadMs = medianMs(21, () => loadDictionary(dawgBytes));
  const embedded = readFileSync(packageDictionaryPath());
  const loadEmbeddedMs = medianMs(21, () => loadDictionary(embedded));
  const setBuilt = timeBuild(() => new Set(words));
  const kamilBuilt = timeBuild(() => KamilTrie.fromArray(words));
  const mnemonistBuilt = timeBuild(() => MnemonistTrie.from(words));
  const dawgLookupBuilt = timeBuild(() => new PTrie(new DawgLookupTrie(words.join(' ')).pack()));

  const memory = {
    dawg: retainedBytes(() => {
      const r = loadDictionary(
        saveDictionary(
          (Dictionary.build(freshWords(), ALPHABETS.en) as { value: { dictionary: Dictionary } }).value.dictionary,
        ),
      );
      return r;
    }).bytes,
    set: retainedBytes(() => new Set(freshWords())).bytes,
    kamil: retainedBytes(() => KamilTrie.fromArray(freshWords())).bytes,
    mnemonist: retainedBytes(() => MnemonistTrie.from(freshWords())).bytes,
    dawgLookup: retainedBytes(() => new PTrie(new DawgLookupTrie(freshWords().join(' ')).pack())).bytes,
  };

  const dict = dawgBuilt.value.value.dictionary;
  const set = setBuilt.value;
  const kamil = kamilBuilt.value;
  const mnemonist = mnemonistBuilt.value;
  const ptrie = dawgLookupBuilt.value;
  const expectedHits = queries.filter((q) => set.has(fresh(q))).length;
  // This DAWG must agree with the Set; a peer that does not is timed all the same, and said so.
  const check = (name: string, has: (w: string) => boolean, peer = true) => {
    const hits = queries.filter((q) => has(fresh(q))).length;
    if (hits === expectedHits) return;
    if (!peer) throw new Error(`${name} found ${hits} words, the set ${expectedHits}`);
    const missing = words.filter((w) => !has(w)).length;
    console.log(
      `note: ${name} answers ${hits} of ${expectedHits} hits; it misses ${missing} of the list's words (its own bug)`,
    );
  };
  check('dawg', (w) => dict.has(w), false);
  check('kamil', (w) => kamil.has(w));
  check('mnemonist', (w) => mnemonist.has(w));
  check('dawg-lookup', (w) => ptrie.isWord(w));

  const loop = (has: (w: string) => boolean) => () => {
    let n = 0;
    for (let i = 0; i < queries.length; i++) if (has(fresh(queries[i] as Uint16Array))) n++;
    return n;
  };
  const timings = await runSuite(
    'dictionary lookups (2,000 fresh query strings: half hits, half near misses)',
    [
      { name: 'baseline: fresh strings only', fn: loop((w) => w.length === 3), units: QUERIES },
      { name: 'wordgame DAWG', fn: loop((w) => dict.has(w)), units: QUERIES },
      { name: 'Set<string>', fn: loop((w) => set.has(w)), units: QUERIES },
      { name: '@kamilmielnik/trie', fn: loop((w) => kamil.has(w)), units: QUERIES },
      { name: 'mnemonist Trie', fn: loop((w) => mnemonist.has(w)), units: QUERIES },
      { name: 'dawg-lookup PTrie', fn: loop((w) => ptrie.isWord(w)), units: QUERIES },
    ],
    { baseline: 'baseline: fresh strings only' },
  );
  const ns = (name: string) => (timings.find((t) => t.name === name)?.usPerUnit ?? NaN) * 1000;
  const setNs = ns('Set<string>');
  const dawgNs = ns('wordgame DAWG');
  const rows = [
    ['wordgame DAWG', dawgBuilt.ms, memory.dawg, dawgNs, dawgNs / setNs, memory.dawg / memory.set],
    ['Set<string>', setBuilt.ms, memory.set, setNs, 1, 1],
    [
      '@kamilmielnik/trie',
      kamilBuilt.ms,
      memory.kamil,
      ns('@kamilmielnik/trie'),
      ns('@kamilmielnik/trie') / setNs,
      memory.kamil / memory.set,
    ],
    [
      'mnemonist Trie',
      mnemonistBuilt.ms,
      memory.mnemonist,
      ns('mnemonist Trie'),
      ns('mnemonist Trie') / setNs,
      memory.mnemonist / memory.set,
    ],
    [
      'dawg-lookup PTrie',
      dawgLookupBuilt.ms,
      memory.dawgLookup,
      ns('dawg-lookup PTrie'),
      ns('dawg-lookup PTrie') / setNs,
      memory.dawgLookup / memory.set,
    ],
  ] as const;
  printTable(
    `Dictionary: ${words.length} words, ${QUERIES} queries; lookup time net of creating the query strings (${ns('baseline: fresh strings only').toFixed(0)} ns each)`,
    ['structure', 'build ms', 'retained bytes', 'ns/lookup', 'time vs Set', 'memory vs Set'],
    rows.map((r) => [...r]),
  );
  const peers = ['@kamilmielnik/trie', 'mnemonist Trie', 'dawg-lookup PTrie'].map((p) => ns(p) / dawgNs);
  console.log(
    `DAWG load from bytes: ${loadMs.toFixed(2)} ms (DAWG only, ${dawgBytes.length} bytes); embedded DAWG+GADDAG file: ${loadEmbeddedMs.toFixed(2)} ms (${embedded.length} bytes)`,
  );
  console.log(
    `DAWG vs Set: ${(dawgNs / setNs).toFixed(2)}x the time, ${(memory.dawg / memory.set).toFixed(3)}x the memory; trie packages are ${peers.map((p) => p.toFixed(1) + 'x').join(', ')} slower than the DAWG`,
  );
  saveResults('dictionary', {
    words: words.length,
    queries: QUERIES,
    wordListPath: WORD_LIST_PATH,
    timings,
    rows: rows.map(([name, buildMs, bytes, nsPerLookup, timeVsSet, memoryVsSet]) => ({
      name,
      buildMs,
      bytes,
      nsPerLookup,
      timeVsSet,
      memoryVsSet,
    })),
    loadMs,
    loadEmbeddedMs,
    dawgFileBytes: dawgBytes.length,
  });
}
