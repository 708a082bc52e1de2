/** The most candidates a simulation takes. */
export const MAX_CANDIDATES = 100;
/** The most iterations a simulation takes. */
export const MAX_ITERATIONS = 1_000_000;

/** Options of a simulation. */
export interface SimOptions {
  /** Candidates: the top N plays by equity (default 20; at most 100), plus the best trade when the bag allows. */
  readonly candidates?: number;
  /** Turns played after the candidate (default 2, at most 10); to the end of the game with 14 or fewer tiles unseen. */
  readonly plies?: number;
  /** The most iterations (default 10,000; at most 1,000,000). Every live candidate is played out once per iteration. */
  readonly iterations?: number;
  /** Stop after this many milliseconds (checked between batches; makes the result depend on the machine). */
  readonly timeMs?: number;
  /** Seed of the deals (default 1). */
  readonly seed?: number;
  /** Confidence at which a candidate is dropped and the search stops (default 0.99); 1 never stops early. */
  readonly confidence?: number;
  /** Iterations between checks (default 32). */
  readonly checkEvery?: number;
  /** Iterations before the first check (default 64). */
  readonly minIterations?: number;
  /** Drop candidates that cannot be best (default true); false samples every candidate every iteration (round-robin). */
  readonly prune?: boolean;
  /** Weight of 100 points of spread in the utility, against a win (default 0.5). */
  readonly spreadWeight?: number;
  /**
   * With `position.opponentPlay`: the equity scale, in points, of how unlikely a deal's opponent
   * rack is (each deal is kept with probability exp(−gap / temperature), the gap being the equity
   * the opponent's play gave up had they held it; default 4); 0 turns inference off.
   */
  readonly inferenceTemperature?: number;
  /** Called after each check. */
  readonly onProgress?: (progress: SimProgress) => void;
}

/** Where a simulation is: after each check. */
export interface SimProgress {
  readonly iterations: number;
  readonly live: number;
  readonly samples: number;
  readonly leader: number;
}

/** {@link SimOptions} with every default filled in and every value checked. */
export interface ResolvedOptions {
  readonly candidates: number;
  readonly plies: number;
  readonly iterations: number;
  readonly timeMs: number;
  readonly seed: number;
  readonly confidence: number;
  readonly checkEvery: number;
  readonly minIterations: number;
  readonly prune: boolean;
  readonly spreadWeight: number;
  readonly inferenceTemperature: number;
  readonly onProgress: ((p: SimProgress) => void) | undefined;
}

/** The options with their defaults, or the name of the first option out of range. */
export function resolveOptions(o: SimOptions): ResolvedOptions | string {
  const int = (v: number | undefined, d: number, lo: number, hi: number) =>
    v === undefined ? d : Number.isInteger(v) && v >= lo && v <= hi ? v : NaN;
  const r = {
    candidates: int(o.candidates, 20, 1, MAX_CANDIDATES),
    plies: int(o.plies, 2, 1, 10),
    iterations: int(o.iterations, 10_000, 1, MAX_ITERATIONS),
    timeMs: o.timeMs === undefined ? Infinity : o.timeMs > 0 ? o.timeMs : NaN,
    seed: o.seed === undefined ? 1 : Number.isFinite(o.seed) ? Math.trunc(o.seed) >>> 0 : NaN,
    confidence: o.confidence === undefined ? 0.99 : o.confidence >= 0.5 && o.confidence <= 1 ? o.confidence : NaN,
    checkEvery: int(o.checkEvery, 32, 1, 100_000),
    minIterations: int(o.minIterations, 64, 1, MAX_ITERATIONS),
    prune: o.prune ?? true,
    spreadWeight:
      o.spreadWeight === undefined ? 0.5 : o.spreadWeight >= 0 && o.spreadWeight <= 100 ? o.spreadWeight : NaN,
    inferenceTemperature:
      o.inferenceTemperature === undefined
        ? 4
        : o.inferenceTemperature >= 0 && o.inferenceTemperature <= 1000
          ? o.inferenceTemperature
          : NaN,
    onProgress: o.onProgress,
  };
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && Number.isNaN(v)) return k;
  return r;
}
