/** Shared helpers of the benchmarks: run a benny suite, print a table with ratios, save JSON. */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import {
  presetConfig,
  type GameConfig,
  Board,
  type Tile,
  type Dictionary,
  parsePlay,
  handFromLetters,
  parseGcg,
} from 'wordgame-engine';
import { unseenTiles } from 'wordgame-engine/internals';
import { loadDefaultDictionary } from 'wordgame-engine/node';

/** Where results are saved: BENCH_RESULTS (set by scripts/bench.mjs), else bench/results beside this file. */
const resultsDir = process.env.BENCH_RESULTS ?? join(dirname(fileURLToPath(import.meta.url)), 'results');

/** One benchmarked function: `fn` does `units` units of work (queries, grids, positions...). */
export interface BenchCase {
  readonly name: string;
  readonly fn: () => unknown;
  readonly units: number;
}

/** Timing of one case. */
export interface CaseTiming {
  readonly name: string;
  readonly opsPerSecond: number;
  /** Microseconds per unit of work, the baseline's cost subtracted when there is one. */
  readonly usPerUnit: number;
  readonly marginPercent: number;
}

/** Runs cases side by side in one benny suite. With `baseline`, its per-call cost is subtracted from the others. */
export async function runSuite(
  name: string,
  cases: readonly BenchCase[],
  options: { baseline?: string; maxTime?: number } = {},
): Promise<CaseTiming[]> {
  const maxTime = options.maxTime ?? Number(process.env.BENCH_MAX_TIME ?? 1.5);
  let sink = 0;
  const summary = await b.suite(
    name,
    ...cases.map((c) =>
      b.add(
        c.name,
        () => {
          const r = c.fn();
          if (typeof r === 'number') sink += r;
        },
        { maxTime, minSamples: 5 },
      ),
    ),
    b.cycle(),
  );
  if (sink === 0.5) console.log('');
  const baseline =
    options.baseline === undefined ? undefined : summary.results.find((r) => r.name === options.baseline);
  // benny rounds ops/s to whole numbers; the mean time per call is exact.
  const perCall = (r: (typeof summary.results)[number]) => (r.details.mean > 0 ? r.details.mean : 1 / r.ops);
  const baseSeconds = baseline === undefined ? 0 : perCall(baseline);
  return summary.results.map((r, i) => {
    const c = cases[i] as BenchCase;
    const seconds = r.name === options.baseline ? perCall(r) : Math.max(perCall(r) - baseSeconds, 0);
    return {
      name: r.name,
      opsPerSecond: 1 / perCall(r),
      usPerUnit: (seconds * 1e6) / c.units,
      marginPercent: r.margin,
    };
  });
}

/** The source of the embedded dictionary: ENABLE, one lowercase word a line. */
export const WORD_LIST_PATH = join(process.cwd(), 'dictionaries', 'source', 'enable1.txt'); // npm run bench runs from the root (the suites are bundled elsewhere)

/** The embedded dictionary's words, read afresh (new strings each call), lowercase. */
export function embeddedWordList(): string[] {
  return readFileSync(WORD_LIST_PATH, 'utf8')
    .split('\n')
    .filter((w) => w !== '');
}

/** Prints rows as an aligned table. */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const [k, r] of cells.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** A number with sensible precision. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (a >= 10) return n.toFixed(1);
  if (a >= 0.1) return n.toFixed(2);
  return n.toPrecision(2);
}

/** Saves a suite's results as `bench/results/NAME.json`. */
export function saveResults(name: string, data: unknown, options: { merge?: boolean } = {}): void {
  const dir = resultsDir;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  // Merging keeps the parts of the last results that this run did not measure.
  const previous = options.merge === true && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
  const text = JSON.stringify(
    { ...previous, name, date: new Date().toISOString(), node: process.version, ...(data as object) },
    null,
    2,
  );
  // Arrays of plain values (table rows) on one line each.
  writeFileSync(
    file,
    text.replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`) + '\n',
  );
}

/** Bytes retained by what `make` returns (heap plus array buffers), measured around a full GC. */
export function retainedBytes<T>(make: () => T): { value: T; bytes: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run the benchmarks with node --expose-gc (npm run bench does)');
  gc();
  gc();
  const before = process.memoryUsage();
  const value = make();
  gc();
  gc();
  const after = process.memoryUsage();
  return { value, bytes: after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers) };
}

/** Median time in milliseconds of `runs` calls. */
export function medianMs(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)] as number;
}

/** A small seeded PRNG for reproducible benchmark inputs. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The English configuration and the embedded default dictionary, which every game benchmark uses. */
export function englishSetup(): { config: GameConfig; dict: Dictionary } {
  const config = presetConfig('en');
  const dict = loadDefaultDictionary();
  if (!config.ok || !dict.ok) throw new Error('the embedded dictionary or the English configuration did not load');
  return { config: config.value, dict: dict.value };
}

/** A turn of a record of the reference corpus, seen by the player to move. */
export interface RecordTurn {
  /** The record's file name without `.gcg`. */
  readonly record: string;
  /** Plays, passes and trades before this one in the record. */
  readonly turn: number;
  readonly board: Board;
  readonly rack: Tile[];
  /** The tiles the mover cannot see (bag and opponent rack). */
  readonly unseen: Tile[];
  /** The mover's total minus the opponent's, before the turn. */
  readonly lead: number;
}

/**
 * Every play, pass and trade (with a known rack) of the records in `dir` (files in name order),
 * on the English configuration: the board before it (withdrawn plays taken back), the rack, the
 * unseen tiles and the lead. A record stops at its first play that does not fit its board.
 */
export function* recordTurns(dir: string): Generator<RecordTurn> {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no en');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.gcg'))
    .sort()) {
    const rec = parseGcg(readFileSync(join(dir, file), 'latin1'));
    if (!rec.ok) continue;
    const record = file.replace(/\.gcg$/, '');
    let board = Board.empty(15, 15);
    const history: Board[] = [];
    let turn = 0;
    const totals = [0, 0];
    for (const e of rec.value.events) {
      const before = [...totals];
      if ('total' in e && (e.player === 0 || e.player === 1)) totals[e.player] = e.total;
      if (e.kind === 'withdrawn') {
        board = history.pop() ?? board;
        continue;
      }
      if (e.kind !== 'play' && e.kind !== 'pass' && e.kind !== 'exchange') continue;
      const rack = handFromLetters(e.rack, config.value);
      const unseen = rack.ok && e.rack !== '' ? unseenTiles(config.value, board, rack.value) : undefined;
      if (rack.ok && unseen !== undefined) {
        const lead =
          e.player === 0 || e.player === 1 ? (before[e.player] as number) - (before[1 - e.player] as number) : 0;
        yield { record, turn, board, rack: [...rack.value], unseen, lead };
      }
      turn++;
      if (e.kind === 'play') {
        const p = parsePlay(`${e.position} ${e.word}`, board, config.value.alphabet);
        if (!p.ok) break;
        history.push(board);
        board = board.withTiles(p.value.placements);
      }
    }
  }
}
