import { Code, engineError, type EngineError } from '../errors/error.js';
import type { Tile } from '../config/letterset.js';
import { err, ok, type Result } from '../result.js';
import { type ResolvedOptions, type SimOptions, resolveOptions } from './options.js';

/**
 * The statistics of a simulation, summed as integers so that any split between workers gives the
 * same result to the last bit:
 *
 * ```
 * stats[c × ARM + 0..6]        candidate c: samples n, Σu, Σu², Σs, Σs², Σw, Σw²
 *                              (utility in 1/U_SCALE, spread in 1/S_SCALE point, win in 1/W_SCALE)
 * stats[count × ARM + c × count + d]   Σ u_c × u_d over the samples both took (the paired test)
 * ```
 */
export const ARM = 7; // per candidate: n, Σu, Σu², Σs, Σs², Σw, Σw²
/** Utility in 1/10,000. */
export const U_SCALE = 10_000;
/** Spread in 1/100 point. */
export const S_SCALE = 100;
/** Win chance in 1/10,000. */
export const W_SCALE = 10_000;

/** A candidate's static figures. */
export interface SimCandidateInfo {
  /** Record notation (`8D QUIZ`, `-ABC` for a trade). */
  readonly notation: string;
  readonly kind: 'play' | 'trade';
  /** The new tiles of a play, sorted by square (empty for a trade). */
  readonly placements: readonly { readonly square: number; readonly tile: number }[];
  /** Tiles traded (empty for a play). */
  readonly traded: readonly Tile[];
  readonly score: number;
  /** Static equity: score plus leave value. */
  readonly equity: number;
}

/** One candidate's figures after the simulation. */
export interface SimCandidate extends SimCandidateInfo {
  /** Iterations this candidate was played out. */
  readonly iterations: number;
  /** Mean win chance (0..1) and mean spread, with 95 % confidence intervals. */
  readonly win: number;
  readonly winCI: readonly [number, number];
  readonly spread: number;
  readonly spreadCI: readonly [number, number];
  /** Mean utility (what is ranked). */
  readonly utility: number;
  /** False once dropped. */
  readonly live: boolean;
}

/** What a simulation found. */
export interface SimResult {
  /** Candidates best first (by mean utility; live ones before dropped ones). */
  readonly candidates: readonly SimCandidate[];
  /** Index into {@link candidates} of the choice (always 0). */
  readonly best: number;
  /** Iterations run. */
  readonly iterations: number;
  /** Play-rollouts run (samples over all candidates). */
  readonly samples: number;
  /** Why it stopped. */
  readonly stop: 'confident' | 'iterations' | 'time' | 'single';
  readonly plies: number;
  readonly ms: number;
}

/** The upper δ-quantile of the standard normal (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  // Returns z with P(Z ≤ z) = p.
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q0 = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
  const poly = (k: number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  if (q0 < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(q0));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (q0 > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - q0));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = q0 - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * The statistics of a simulation: the integer sums of every candidate's samples and the
 * decisions made from them (which candidates are still sampled, when to stop). Plain arrays, so
 * a driver can keep one on a thread that runs no rollouts (a page's main thread) and add the
 * sums that workers send.
 */
export class SimTally {
  readonly #opt: ResolvedOptions;
  readonly #info: readonly SimCandidateInfo[];
  readonly #count: number;
  readonly plies: number;
  /** Sums: 7 per candidate (samples, Σu, Σu², Σspread, Σspread², Σwin, Σwin²), then the pairwise Σu_i·u_j (row-major, N × N). */
  readonly stats: Float64Array;
  /** 1 for a candidate still sampled. */
  readonly live: Uint8Array;
  /** Iterations done. */
  iterations = 0;
  #stop: SimResult['stop'] | undefined;
  readonly #start = now();

  private constructor(candidates: readonly SimCandidateInfo[], plies: number, options: ResolvedOptions) {
    this.#opt = options;
    this.#info = candidates;
    const n = candidates.length;
    this.#count = n;
    this.plies = plies;
    this.stats = new Float64Array(n * ARM + n * n);
    this.live = new Uint8Array(n).fill(1);
    if (n <= 1) this.#stop = 'single';
  }

  /** A tally for candidates sampled elsewhere (`plies`: the run's, see {@link SimRun.plies}). */
  static create(
    candidates: readonly SimCandidateInfo[],
    plies: number,
    options: SimOptions = {},
  ): Result<SimTally, EngineError> {
    const opt = resolveOptions(options);
    if (typeof opt === 'string')
      return err(engineError(Code.BAD_QUERY, { param: opt, cause: `bad simulation option ${opt}` }));
    return ok(new SimTally(candidates, plies, opt));
  }

  /** @internal */
  static fromResolved(candidates: readonly SimCandidateInfo[], plies: number, options: ResolvedOptions): SimTally {
    return new SimTally(candidates, plies, options);
  }

  /** True once the run has stopped. */
  get done(): boolean {
    return this.#stop !== undefined;
  }

  /** The size of the next batch: iterations `[iterations, iterations + n)` (0 when done). */
  nextBatch(): number {
    if (this.#stop !== undefined) return 0;
    const target =
      this.iterations < this.#opt.minIterations ? this.#opt.minIterations : this.iterations + this.#opt.checkEvery;
    return Math.min(target, this.#opt.iterations) - this.iterations;
  }

  /**
   * With a time budget: true (and the run stopped, on time) once it is spent. A run on one
   * thread asks after every iteration, so it stops within an iteration of its budget, not a batch.
   */
  outOfTime(): boolean {
    if (this.#stop === undefined && this.#opt.timeMs !== Infinity && now() - this.#start >= this.#opt.timeMs)
      this.#stop = 'time';
    return this.#stop === 'time';
  }

  /** Adds sums sampled elsewhere (the layout of {@link stats}). */
  merge(part: Float64Array): void {
    const s = this.stats;
    for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) + (part[k] as number);
  }

  /**
   * The check between batches: drops every live candidate that the leader beats at the
   * confidence asked (a one-sided z-test on the paired differences of utility, Bonferroni over
   * the live candidates; two candidates whose samples are identical are one, the later dropped),
   * and decides whether to stop. Returns true when the run is done.
   */
  check(): boolean {
    if (this.#stop !== undefined) return true;
    const opt = this.#opt;
    const n = this.#count;
    const s = this.stats;
    const leader = this.leader();
    let liveCount = 0;
    for (let c = 0; c < n; c++) liveCount += this.live[c] as number;
    if (this.iterations >= opt.minIterations && liveCount > 1 && opt.confidence < 1) {
      const z = normalQuantile(1 - (1 - opt.confidence) / (liveCount - 1));
      const base = n * ARM;
      const beaten: number[] = [];
      for (let c = 0; c < n; c++) {
        if (c === leader || this.live[c] === 0) continue;
        const m = s[c * ARM] as number;
        if (m < 2) continue;
        const cross = leader < c ? (s[base + leader * n + c] as number) : (s[base + c * n + leader] as number);
        const sumD = (s[leader * ARM + 1] as number) - (s[c * ARM + 1] as number);
        const sumD2 = (s[leader * ARM + 2] as number) + (s[c * ARM + 2] as number) - 2 * cross;
        const mean = sumD / m;
        const variance = Math.max(0, (sumD2 - m * mean * mean) / (m - 1));
        if (variance === 0 ? mean >= 0 : mean - z * Math.sqrt(variance / m) > 0) beaten.push(c);
      }
      if (beaten.length === liveCount - 1) this.#stop = 'confident';
      if (opt.prune) for (const c of beaten) this.live[c] = 0;
    }
    if (this.#stop === undefined && this.iterations >= opt.iterations) this.#stop = 'iterations';
    if (this.#stop === undefined && now() - this.#start >= opt.timeMs) this.#stop = 'time';
    let live = 0;
    for (let c = 0; c < n; c++) live += this.live[c] as number;
    opt.onProgress?.({ iterations: this.iterations, live, samples: this.samples, leader });
    return this.#stop !== undefined;
  }

  /** The live candidate with the best mean utility (ties: the better static equity, i.e. the lower index). */
  leader(): number {
    let best = 0;
    let bestMean = -Infinity;
    for (let c = 0; c < this.#count; c++) {
      if (this.live[c] === 0) continue;
      const m = this.stats[c * ARM] as number;
      const mean = m === 0 ? -Infinity : (this.stats[c * ARM + 1] as number) / m;
      if (mean > bestMean) {
        bestMean = mean;
        best = c;
      }
    }
    return best;
  }

  /** Play-rollouts so far. */
  get samples(): number {
    let t = 0;
    for (let c = 0; c < this.#count; c++) t += this.stats[c * ARM] as number;
    return t;
  }

  /** Records that a batch of `k` iterations has been sampled and merged (for parallel drivers). */
  advance(k: number): void {
    this.iterations += k;
  }

  /** The result so far. */
  result(): SimResult {
    const n = this.#count;
    const s = this.stats;
    const ci = (sum: number, sq: number, m: number, scale: number): [number, number, number] => {
      if (m === 0) return [0, 0, 0];
      const mean = sum / m;
      const variance = m > 1 ? Math.max(0, (sq - m * mean * mean) / (m - 1)) : 0;
      const half = 1.96 * Math.sqrt(variance / m);
      return [mean / scale, (mean - half) / scale, (mean + half) / scale];
    };
    const out: SimCandidate[] = [];
    for (let c = 0; c < n; c++) {
      const o = c * ARM;
      const m = s[o] as number;
      const [win, wLo, wHi] = ci(s[o + 5] as number, s[o + 6] as number, m, W_SCALE);
      const [spread, sLo, sHi] = ci(s[o + 3] as number, s[o + 4] as number, m, S_SCALE);
      const info = this.#info[c] as SimCandidateInfo;
      out.push({
        ...info,
        iterations: m,
        win,
        winCI: [Math.max(0, wLo), Math.min(1, wHi)],
        spread,
        spreadCI: [sLo, sHi],
        utility: m === 0 ? -Infinity : (s[o + 1] as number) / m / U_SCALE,
        live: this.live[c] === 1,
      });
    }
    const leader = this.leader();
    const order = out
      .map((_, i) => i)
      .sort((a, b) =>
        a === leader
          ? -1
          : b === leader
            ? 1
            : Number((out[b] as SimCandidate).live) - Number((out[a] as SimCandidate).live) ||
              (out[b] as SimCandidate).utility - (out[a] as SimCandidate).utility ||
              a - b,
      );
    return {
      candidates: order.map((i) => out[i] as SimCandidate),
      best: 0,
      iterations: this.iterations,
      samples: this.samples,
      stop: this.#stop ?? 'iterations',
      plies: this.plies,
      ms: now() - this.#start,
    };
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
