/**
 * Leave files (KLV2, and KLV1 with int16 values): real tables (a sample of the shipped English
 * table, a small one with blanks, the same as KLV1) corrupted at random (bit flips, truncation,
 * junk, a count or a node rewritten, a target moved, values that are not numbers), and tables
 * crafted from random leaves of up to 64 tiles (the dense index's limits) then corrupted or not.
 * Oracles: no throw and no call over the bound; a table that loads lists as many leaves as it
 * says, each with a finite value that a lookup reads back, values every sub-multiset of a hand at
 * once as the lookups do one by one, and ranks a best-play search by equity within the bound.
 */
import { ALPHABETS, LeaveTable, MoveGenerator, bestPlay, presetConfig } from 'wordgame-engine';
import { BLANK } from 'wordgame-engine/internals';
import { loadDefaultLeaves } from 'wordgame-engine/node';
import { sharedTable } from './games.js';
import { Rng, fail, report, timed, type FuzzReport } from './harness.js';

/** Options of {@link fuzzLeaves}. */
export interface LeaveFuzzOptions {
  readonly files: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
}

/** A leave as text (`?` a blank) from the engine's tile codes. */
function leaveText(tiles: Uint8Array): string {
  const glyphs = ALPHABETS.en.glyphs;
  return [...tiles].map((t) => ((t & BLANK) !== 0 ? '?' : (glyphs[t] as string))).join('');
}

/** A KLV2 file as KLV1: the same nodes, each value as int16 in 1/256 points. */
function toKlv1(klv2: Uint8Array): Uint8Array {
  const view = new DataView(klv2.buffer, klv2.byteOffset, klv2.byteLength);
  const n = view.getUint32(0, true);
  const m = view.getUint32(4 + 4 * n, true);
  const out = new Uint8Array(8 + 4 * n + 2 * m);
  out.set(klv2.subarray(0, 8 + 4 * n));
  const o = new DataView(out.buffer);
  for (let i = 0; i < m; i++) {
    const v = Math.round(view.getFloat32(8 + 4 * n + 4 * i, true) * 256);
    o.setInt16(8 + 4 * n + 2 * i, Math.max(-32768, Math.min(32767, v)), true);
  }
  return out;
}

/** The base files: every 293rd leave of the shipped table (about 3,100), a small table with blanks, and that one as KLV1. */
function baseFiles(): Uint8Array[] {
  const shipped = loadDefaultLeaves();
  if (!shipped.ok) throw new Error(`the shipped leaves: ${shipped.error.message}`);
  const sample: [string, number][] = [];
  let i = 0;
  for (const [tiles, value] of shipped.value.entries()) if (i++ % 293 === 0) sample.push([leaveText(tiles), value]);
  const en = LeaveTable.fromEntries(sample, ALPHABETS.en);
  const small = LeaveTable.fromEntries(
    [
      ['?', 24],
      ['??', 40.5],
      ['?E', 27.25],
      ['?RS', 33],
      ['EINRST', 28.5],
      ['J', -2.75],
      ['QI', -1.5],
      ['UUUU', -25],
      ['Z', 5.5],
      ['W', -3.25],
      ['WW', -12],
    ],
    ALPHABETS.en,
  );
  if (!en.ok || !small.ok) throw new Error('base leave tables');
  const smallFile = small.value.toKlv2();
  return [en.value.toKlv2(), smallFile, toKlv1(smallFile)];
}

/** A valid table of random leaves: up to 64 tiles, codes up to 63, so the dense index meets its limits. */
function crafted(rng: Rng): Uint8Array {
  const keys = new Map<string, number>();
  const count = 1 + rng.int(300);
  const top = rng.pick([1, 2, 26, 27, 40, 63]);
  const longest = rng.pick([1, 2, 6, 7, 12, 30, 64]);
  for (let k = 0; k < count; k++) {
    const length = 1 + rng.int(longest);
    const tiles = Array.from({ length }, () => rng.int(top + 1)).sort((a, b) => a - b);
    keys.set(String.fromCharCode(...tiles), (rng.int(20001) - 10000) / 64);
  }
  const table = LeaveTable.fromKeys(keys);
  if (!table.ok) throw new Error(`a crafted table was refused: ${table.error.cause}`);
  return table.value.toKlv2();
}

const EXTREMES = [0, 1, 2, 3, 0xffffffff, 0x7fffffff, 0x80000000, 0xffff, 0x3fffff, 0x400000, 1 << 24];
/** Float32 bit patterns that are not finite values, and extreme finite ones. */
const ODD_FLOATS = [0x7fc00000, 0x7f800000, 0xff800000, 0x7f7fffff, 0xff7fffff, 0x00000001, 0x80000000, 0xffffffff];

/** A corrupted, edited or crafted copy of one of `bases`, and what was done. */
function mutate(bases: readonly Uint8Array[], rng: Rng): { bytes: Uint8Array; what: string } {
  const op = rng.int(10);
  const source = op === 9 ? crafted(rng) : rng.pick(bases);
  const bytes = source.slice();
  const view = new DataView(bytes.buffer);
  const n = view.getUint32(0, true);
  const valuesAt = 8 + 4 * n;
  switch (op) {
    case 0: {
      const k = 1 + rng.int(4);
      for (let j = 0; j < k; j++) {
        const at = rng.int(bytes.length);
        bytes[at] = (bytes[at] as number) ^ (1 << rng.int(8));
      }
      return { bytes, what: `${k} bit flips` };
    }
    case 1: {
      const value = rng.chance(0.7) ? rng.pick(EXTREMES) : n + rng.pick([-1, 1, -4, 4, 1000]);
      view.setUint32(0, value >>> 0, true);
      return { bytes, what: `node count set to ${value >>> 0}` };
    }
    case 2: {
      const m = view.getUint32(4 + 4 * n, true);
      const value = rng.chance(0.6) ? rng.pick(EXTREMES) : m + rng.pick([-1, 1, -2, 2, 1000]);
      view.setUint32(4 + 4 * n, value >>> 0, true);
      return { bytes, what: `value count set to ${value >>> 0}` };
    }
    case 3: {
      const k = 1 + rng.int(3);
      for (let j = 0; j < k; j++) {
        const at = 4 + 4 * rng.int(n);
        view.setUint32(at, (view.getUint32(at, true) ^ (1 << rng.int(32))) >>> 0, true);
      }
      return { bytes, what: `${k} node bits flipped` };
    }
    case 4: {
      const a = 4 + 4 * rng.int(n);
      const b = 4 + 4 * rng.int(n);
      const x = view.getUint32(a, true);
      view.setUint32(a, view.getUint32(b, true), true);
      view.setUint32(b, x, true);
      return { bytes, what: 'two nodes swapped' };
    }
    case 5: {
      const m = view.getUint32(valuesAt - 4, true);
      const sizes = [rng.int(bytes.length), valuesAt + 2 * m, bytes.length + 1 + rng.int(64), bytes.length - 2];
      const size = Math.max(0, rng.pick(sizes));
      const out = new Uint8Array(size);
      out.set(bytes.subarray(0, Math.min(size, bytes.length)));
      for (let k = bytes.length; k < size; k++) out[k] = rng.int(256);
      return { bytes: out, what: `resized to ${size} bytes` };
    }
    case 6: {
      const m = (bytes.length - valuesAt) >> 2;
      const k = 1 + rng.int(3);
      for (let j = 0; j < k && m > 0; j++) view.setUint32(valuesAt + 4 * rng.int(m), rng.pick(ODD_FLOATS) >>> 0, true);
      return { bytes, what: `${k} values set to odd floats` };
    }
    case 7: {
      // One node's target moved (cycles, dangling, mid-list targets), its last-in-list flag toggled or not.
      const at = 4 + 4 * (1 + rng.int(Math.max(1, n - 1)));
      const v = view.getUint32(at, true);
      view.setUint32(at, ((v & 0xffc00000) | rng.int(n + 3)) >>> 0, true);
      if (rng.chance(0.3)) view.setUint32(at, (view.getUint32(at, true) ^ 0x400000) >>> 0, true);
      return { bytes, what: 'a node target moved' };
    }
    case 8: {
      // The root pointer moved.
      view.setUint32(4, ((view.getUint32(4, true) & 0xffc00000) | rng.int(n + 2)) >>> 0, true);
      return { bytes, what: 'the root pointer moved' };
    }
    default:
      if (rng.chance(0.5)) return { bytes, what: 'a crafted table of random leaves' };
      for (let k = 1 + rng.int(3); k > 0; k--) {
        const at = rng.int(bytes.length);
        bytes[at] = (bytes[at] as number) ^ (1 << rng.int(8));
      }
      return { bytes, what: 'a crafted table of random leaves, bits flipped' };
  }
}

/** A mid-game position of the embedded dictionary's game, and hands to rank on it. */
interface SearchCase {
  readonly generator: MoveGenerator;
  readonly hands: readonly (readonly number[])[];
}

function searchCase(): SearchCase {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('the English configuration');
  const t = sharedTable();
  const made = MoveGenerator.create(config.value, t.dictionary);
  if (!made.ok) throw new Error('a generator');
  const generator = made.value;
  // Two plays from the empty board make a small mid-game position.
  const code = (text: string) => [...text].map((c) => (c === '?' ? BLANK : ALPHABETS.en.code(c)));
  for (const rack of ['RETAINS', 'QUOTING']) {
    const best = bestPlay(generator, code(rack));
    if (best === undefined) throw new Error('an opening play');
    generator.setBoard(generator.currentBoard().withTiles(best.placements));
  }
  return { generator, hands: ['AEINRST', 'QVVWUU?', '??EEIIO', 'SSSS?XZ'].map(code) };
}

/** What a loaded table must hold: its leaves, each read back at its finite value, and searches within the bound. */
function inconsistency(table: LeaveTable, r: FuzzReport, what: () => string, search: SearchCase): string | undefined {
  const listed = timed(
    r,
    () => `listing the leaves of ${what()}`,
    () => {
      const out: [Uint8Array, number][] = [];
      for (const entry of table.entries()) if (out.push(entry) > table.size) break;
      return out;
    },
  );
  if (listed === undefined) return undefined;
  if (listed.length !== table.size) return `the table says ${table.size} leaves; ${listed.length} are listed`;
  for (let i = 0; i < listed.length; i++) {
    const [tiles, value] = listed[i] as [Uint8Array, number];
    if (!Number.isFinite(value)) return `leave ${leaveText(tiles)} has the value ${value}`;
    if (i < 300 || i % 97 === 0) {
      const read = table.leaveValue(tiles, tiles.length);
      if (read !== value) return `leave ${leaveText(tiles)} is listed at ${value} but reads ${read}`;
    }
  }
  // Every sub-multiset of a hand at once, against the lookups one by one.
  // A sub-multiset keeping k_g of group g sits at Σ k_g × Π_{h<g} (counts[h] + 1).
  const tiles = [1, 5, 19, BLANK];
  const counts = [2, 1, 2, 2];
  const combos = counts.reduce((p, c) => p * (c + 1), 1);
  const out = new Float64Array(combos);
  const whole = timed(
    r,
    () => `sub-rack values of ${what()}`,
    () => table.subRackValues(tiles, counts, 4, out),
  );
  if (whole === true) {
    const kept = new Uint8Array(7);
    for (let code = 0; code < combos; code++) {
      let length = 0;
      let rest = code;
      for (let g = 0; g < 4; g++) {
        const base = (counts[g] as number) + 1;
        for (let c = 0; c < rest % base; c++) kept[length++] = tiles[g] as number;
        rest = Math.floor(rest / base);
      }
      const one = table.leaveValue(kept, length);
      if (out[code] !== one)
        return `sub-rack ${leaveText(kept.subarray(0, length))}: ${out[code]} at once, ${one} alone`;
    }
  }
  for (const hand of search.hands) {
    const best = timed(
      r,
      () => `a best play by equity with ${what()}`,
      () => bestPlay(search.generator, hand, { leaves: table }),
    );
    if (best !== undefined && !Number.isFinite(best.equity)) return `a best play of equity ${best.equity}`;
  }
  return undefined;
}

/** Runs the leave-file suite. */
export function fuzzLeaves(options: LeaveFuzzOptions): FuzzReport {
  const r = report('corrupted and crafted leave files');
  const started = performance.now();
  const rng = new Rng(options.seed);
  const bases = baseFiles();
  const search = searchCase();
  for (let i = 0; i < options.files; i++) {
    const { bytes, what } = mutate(bases, rng);
    r.cases++;
    const loaded = timed(
      r,
      () => `load after ${what}`,
      () => LeaveTable.fromKlv(bytes),
    );
    if (loaded === undefined || !loaded.ok) continue;
    r.accepted++;
    const problem = inconsistency(loaded.value, r, () => what, search);
    if (problem !== undefined) fail(r, 'inconsistent', `loaded after ${what}: ${problem}`);
    if (options.onProgress !== undefined && i % 1000 === 0) options.onProgress(i);
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
