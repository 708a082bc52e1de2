/**
 * What every fuzz suite shares: a seeded PRNG, the clock that tells a slow call from a hang, and
 * the report each suite returns. The suites run in Node (they load the embedded dictionary) and
 * in vitest (short, seeded runs).
 */

/** A small seeded PRNG (xorshift32 with a splitmix seed), fast and reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    let z = (seed >>> 0) + 0x9e3779b9;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.s = (z ^ (z >>> 16)) >>> 0 || 1;
  }
  /** A 32-bit unsigned integer. */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() / 0x100000000 < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** A call over this many milliseconds, confirmed on re-runs, counts as a hang (`npm run fuzz`). */
export const HANG_MS = 50;

let hangMs = HANG_MS;
/**
 * Sets the hang bound. `npm test` uses a wide one (a timed unit test must not fail on a slow or
 * busy machine: it catches hangs and blow-ups); `npm run fuzz` keeps {@link HANG_MS} and reports
 * the slowest call, the figure the README and SECURITY.md give.
 */
export function setHangBound(ms: number): void {
  hangMs = ms;
}

/** The result of a fuzz suite. */
export interface FuzzReport {
  readonly suite: string;
  /** Inputs tried. */
  cases: number;
  /** Inputs the code accepted (a state loaded, a request applied, a file loaded, a record read). */
  accepted: number;
  /** Exceptions escaping the code under test (or an internal-error value, 99999). */
  throws: number;
  /** Calls slower than the hang bound ({@link setHangBound}) on every one of three runs. */
  hangs: number;
  /** Accepted inputs that break an invariant (tiles, scores, round trips, unchanged inputs). */
  inconsistent: number;
  /** The slowest call (the least of its runs), in milliseconds. */
  worstMs: number;
  /** A few descriptions of failures, to reproduce them. */
  readonly examples: string[];
  /** Wall time of the suite, in seconds. */
  seconds: number;
}

/** An empty report. */
export function report(suite: string): FuzzReport {
  return { suite, cases: 0, accepted: 0, throws: 0, hangs: 0, inconsistent: 0, worstMs: 0, examples: [], seconds: 0 };
}

/** Records a failure of `kind` with a short description. */
export function fail(r: FuzzReport, kind: 'throws' | 'hangs' | 'inconsistent', what: string): void {
  r[kind]++;
  if (r.examples.length < 10) r.examples.push(`${kind}: ${what.slice(0, 300)}`);
}

/**
 * Runs `fn`, timing it. A call over the hang bound is run twice more (the code under test is pure,
 * so a re-run is the same call), timed in CPU time (`process.cpuUsage`), and counts as a hang only
 * when every run is slow: a garbage collection slows one run, not three, and a busy neighbour on
 * a shared machine (other test files, the browser tests) lengthens wall time, not CPU time.
 */
export function timed<T>(r: FuzzReport, what: () => string, fn: () => T): T | undefined {
  let value: T;
  const t0 = performance.now();
  try {
    value = fn();
  } catch (e) {
    fail(r, 'throws', `${what()}: ${String((e as Error)?.stack ?? e).slice(0, 200)}`);
    return undefined;
  }
  let ms = performance.now() - t0;
  if (ms > hangMs) {
    for (let i = 0; i < 2 && ms > hangMs; i++) {
      const t1 = process.cpuUsage();
      try {
        fn();
      } catch {
        // Counted above if it threw the first time.
      }
      const used = process.cpuUsage(t1);
      ms = Math.min(ms, (used.user + used.system) / 1000);
    }
    if (ms > hangMs) fail(r, 'hangs', `${what()}: ${ms.toFixed(0)} ms`);
  }
  if (ms > r.worstMs) r.worstMs = ms;
  return value;
}

/** A deep copy of plain JSON data. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
