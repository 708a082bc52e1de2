/**
 * Dictionary files: real files (English with its GADDAG, and a small one over an alphabet with
 * two-character glyphs, folds and vowels) corrupted at random (bit flips, truncation, junk),
 * edited with the checksum recomputed (header fields, arcs, the alphabet spec), or crafted from
 * random arcs with a valid header. Oracles: no throw and no call over the bound; a file that
 * loads holds exactly the words it says (enumerated words sorted and distinct, each found by
 * `has`, their count the header's), and answers queries, move generation and Boggle within the
 * bound.
 */
import {
  Alphabet,
  ALPHABETS,
  gridFromFaces,
  BoggleSolver,
  createConfig,
  presetConfig,
  Dictionary,
  loadDictionary,
  saveDictionary,
  MoveGenerator,
  bestPlay,
} from 'wordgame-engine';
import { STANDARD_LAYOUT, checksum, ARC_LAST, ARC_TARGET_SHIFT, packArc } from 'wordgame-engine/internals';
import { sharedTable } from './games.js';
import { Rng, fail, report, timed, type FuzzReport } from './harness.js';

/** Options of {@link fuzzDictionaries}. */
export interface DictionaryFuzzOptions {
  readonly files: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
}

/** The base files: English (a sample of the embedded list, with a GADDAG) and a small Spanish-like one. */
function baseFiles(): Uint8Array[] {
  const t = sharedTable();
  const sample: string[] = [];
  let i = 0;
  for (const w of t.dictionary.words()) if (i++ % 97 === 0) sample.push(w);
  const en = Dictionary.build(sample, ALPHABETS.en, { gaddag: true });
  const spec = {
    name: 'xs',
    glyphs: ['A', 'C', 'CH', 'E', 'L', 'LL', 'O', 'R', 'RR', 'Ñ'],
    fold: { Á: 'A', É: 'E' },
    vowels: ['A', 'E', 'O'],
  };
  const xs = Alphabet.create(spec);
  if (!en.ok || !xs.ok) throw new Error('base dictionaries');
  const small = Dictionary.build(
    ['chao', 'calle', 'carro', 'coche', 'loco', 'llora', 'ñoño', 'acre', 'cera', 'era', 'ola', 'orca'],
    xs.value,
    { gaddag: true },
  );
  if (!small.ok) throw new Error('small dictionary');
  return [saveDictionary(en.value.dictionary), saveDictionary(small.value.dictionary)];
}

function fixChecksum(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 12 && bytes.length % 4 === 0)
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(
      8,
      checksum(bytes, 12, bytes.length),
      true,
    );
  return bytes;
}

function flip(bytes: Uint8Array, at: number, bit: number): void {
  bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
}

const EXTREMES = [0, 1, 2, 3, 0xffffffff, 0x7fffffff, 0x80000000, 0xffff, 40, 41, 44, 1 << 24];

/** A corrupted, edited or crafted copy of `base`, and what was done. */
function mutate(base: Uint8Array, rng: Rng): { bytes: Uint8Array; what: string } {
  const bytes = base.slice();
  const view = new DataView(bytes.buffer);
  const header = view.getUint32(12, true);
  switch (rng.int(9)) {
    case 0: {
      const n = 1 + rng.int(4);
      for (let k = 0; k < n; k++) flip(bytes, rng.int(bytes.length), rng.int(8));
      return { bytes, what: `${n} bit flips` };
    }
    case 1: {
      const at = rng.int(40);
      flip(bytes, at, rng.int(8));
      return { bytes: fixChecksum(bytes), what: `header byte ${at} flipped, checksum fixed` };
    }
    case 2: {
      const field = 12 + 4 * rng.int(7);
      const value = rng.chance(0.7) ? rng.pick(EXTREMES) : view.getUint32(field, true) + rng.pick([-1, 1, -4, 4, 1000]);
      view.setUint32(field, value >>> 0, true);
      return { bytes: fixChecksum(bytes), what: `header field ${field} set to ${value >>> 0}, checksum fixed` };
    }
    case 3: {
      const arcs = (bytes.length - header) >> 2;
      const n = 1 + rng.int(3);
      for (let k = 0; k < n; k++) {
        const at = header + 4 * rng.int(arcs);
        view.setUint32(at, (view.getUint32(at, true) ^ (1 << rng.int(32))) >>> 0, true);
      }
      return { bytes: fixChecksum(bytes), what: `${n} arc bits flipped, checksum fixed` };
    }
    case 4: {
      const arcs = (bytes.length - header) >> 2;
      const a = header + 4 * rng.int(arcs);
      const b = header + 4 * rng.int(arcs);
      const x = view.getUint32(a, true);
      view.setUint32(a, view.getUint32(b, true), true);
      view.setUint32(b, x, true);
      return { bytes: fixChecksum(bytes), what: 'two arcs swapped, checksum fixed' };
    }
    case 5: {
      let out: Uint8Array;
      if (rng.chance(0.5)) out = bytes.slice(0, rng.int(bytes.length));
      else {
        out = new Uint8Array(bytes.length + 1 + rng.int(64));
        out.set(bytes);
        for (let k = bytes.length; k < out.length; k++) out[k] = rng.int(256);
      }
      return { bytes: rng.chance(0.5) ? fixChecksum(out) : out, what: `resized to ${out.length} bytes` };
    }
    case 6: {
      // Another alphabet spec, lengths and checksum fixed.
      const specs: unknown[] = [
        { name: 'en', glyphs: ALPHABETS.en.spec.glyphs, vowels: 5 },
        { name: 'en', glyphs: ALPHABETS.en.spec.glyphs, fold: { A: 'B', B: 'A' } },
        { name: 'en', glyphs: ALPHABETS.en.spec.glyphs, fold: { É: 'E'.repeat(100) } },
        { name: 'en', glyphs: ALPHABETS.en.spec.glyphs.slice(0, 3) },
        { name: '', glyphs: [] },
        { name: 'x', glyphs: Array.from({ length: 63 }, (_, i) => String.fromCharCode(0x100 + i).toUpperCase()) },
        'not a spec',
      ];
      const json = new TextEncoder().encode(JSON.stringify(rng.pick(specs)));
      const headerLength = (40 + json.length + 3) & ~3;
      const arcs = bytes.subarray(header);
      const out = new Uint8Array(headerLength + arcs.length);
      out.set(bytes.subarray(0, 40));
      out.set(json, 40);
      out.set(arcs, headerLength);
      const v = new DataView(out.buffer);
      v.setUint32(12, headerLength, true);
      v.setUint32(32, json.length, true);
      return { bytes: fixChecksum(out), what: 'alphabet replaced, checksum fixed' };
    }
    case 7: {
      // Random arcs with forward targets and a valid header: crafted graphs.
      const n = 2 + rng.int(400);
      const arcs = new Uint32Array(n);
      for (let k = 1; k < n; k++) {
        const target = rng.chance(0.4) || k + 1 >= n ? 0 : k + 1 + rng.int(n - k - 1);
        arcs[k] = packArc(rng.int(28), rng.chance(0.5), rng.chance(0.4) || k === n - 1, target);
      }
      const out = new Uint8Array(header + n * 4);
      out.set(bytes.subarray(0, header));
      out.set(new Uint8Array(arcs.buffer), header);
      const v = new DataView(out.buffer);
      v.setUint32(20, n, true);
      v.setUint32(24, rng.chance(0.8) ? 1 : rng.int(n), true);
      v.setUint32(28, rng.chance(0.5) ? 0 : rng.int(n), true);
      v.setUint16(6, v.getUint32(28, true) === 0 ? 1 : 3, true);
      v.setUint32(16, rng.int(2000), true);
      v.setUint32(36, rng.int(2000), true);
      return { bytes: fixChecksum(out), what: `crafted ${n} random arcs` };
    }
    default: {
      // A real graph with one arc's target moved (cycles, dangling, mid-list targets).
      const arcs = (bytes.length - header) >> 2;
      const at = header + 4 * (1 + rng.int(arcs - 1));
      const v = view.getUint32(at, true);
      view.setUint32(at, ((v & 0xff) | (rng.int(arcs + 3) << ARC_TARGET_SHIFT)) >>> 0, true);
      if (rng.chance(0.3)) view.setUint32(at, view.getUint32(at, true) ^ ARC_LAST, true);
      return { bytes: fixChecksum(bytes), what: 'an arc target moved, checksum fixed' };
    }
  }
}

/** What a loaded dictionary must hold: the words it says, findable, in order, and queries within the bound. */
function inconsistency(d: Dictionary, r: FuzzReport, what: () => string): string | undefined {
  let count = 0;
  let previous: Uint8Array | undefined;
  for (const codes of d.wordCodes()) {
    if (previous !== undefined && compare(previous, codes) >= 0) return 'words out of order or repeated';
    if (count < 200 && !d.hasCodes(codes)) return `an enumerated word is not found: ${d.alphabet.decode(codes)}`;
    previous = codes.slice();
    if (++count > 200_000) break;
  }
  if (count <= 200_000 && count !== d.wordCount) return `the header says ${d.wordCount} words; ${count} are enumerated`;
  timed(
    r,
    () => `queries on ${what()}`,
    () => {
      d.anagrams('??????????', { subAnagrams: true });
      d.matchPattern('*?*?*?*');
      d.has('CHORRO');
      d.regions();
    },
  );
  const glyphs = d.alphabet.glyphs.slice(1);
  if (d.gaddagRoot !== 0) {
    const config =
      d.alphabet.spec.name === 'en'
        ? presetConfig('en')
        : createConfig({
            name: 'xs',
            alphabet: d.alphabet.spec,
            letters: { name: 'xs', tiles: glyphs.map((g) => ({ glyph: g, count: 9, value: 1 })), blanks: 2 },
            layout: STANDARD_LAYOUT,
          });
    if (config.ok) {
      timed(
        r,
        () => `move generation on ${what()}`,
        () => {
          const g = MoveGenerator.create(config.value, d);
          if (g.ok)
            bestPlay(
              g.value,
              [1, 2, 3, 4, 5, 0x40, 0x40].map((x) => (x === 0x40 ? x : 1 + ((x * 5) % d.alphabet.size))),
            );
        },
      );
    }
  }
  timed(
    r,
    () => `Boggle on ${what()}`,
    () => {
      const faces = Array.from({ length: 16 }, (_, k) => glyphs[(k * 7) % glyphs.length] as string);
      const grid = gridFromFaces(faces, 4, 4, d.alphabet);
      if (grid.ok) new BoggleSolver(d).solve(grid.value);
    },
  );
  return undefined;
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** Runs the dictionary-file suite. */
export function fuzzDictionaries(options: DictionaryFuzzOptions): FuzzReport {
  const r = report('corrupted and crafted dictionary files');
  const started = performance.now();
  const rng = new Rng(options.seed);
  const bases = baseFiles();
  for (let i = 0; i < options.files; i++) {
    const base = rng.int(5) === 0 ? (bases[1] as Uint8Array) : (bases[0] as Uint8Array);
    const { bytes, what } = mutate(base, rng);
    r.cases++;
    const loaded = timed(
      r,
      () => `load after ${what}`,
      () => loadDictionary(bytes),
    );
    if (loaded === undefined || !loaded.ok) continue;
    r.accepted++;
    const problem = inconsistency(loaded.value, r, () => what);
    if (problem !== undefined) fail(r, 'inconsistent', `loaded after ${what}: ${problem}`);
    if (options.onProgress !== undefined && i % 1000 === 0) options.onProgress(i);
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
