import { WIN_MODEL_DATA } from './win-model-data.js';

/**
 * Win chance by lead and tiles unseen: the chance that the player to move wins, given their lead
 * (their score minus the opponent's) and the number of tiles they cannot see (the bag and the
 * opponent's rack). One logistic curve per count of unseen tiles,
 * `P(win) = 1 / (1 + exp(-(slope[u] × lead + offset[u])))`, fitted to autoplay games
 * ({@link WinTableBuilder}). A smooth curve rather than raw cells: a cell of the table
 * (lead × unseen) holds a few dozen games at best, far too few for a lead of 150 with 80 tiles
 * unseen, while the logistic shape is known to fit well.
 */
export interface WinModel {
  /** Curves for 0..slope.length - 1 tiles unseen (more unseen use the last). */
  readonly slope: readonly number[];
  readonly offset: readonly number[];
  /** How the model was made (method, games, seed). */
  readonly source: string;
}

/** The chance (0..1) that the player to move wins with `lead` points and `unseen` tiles unseen. */
export function winProbability(model: WinModel, lead: number, unseen: number): number {
  const u = Math.min(Math.max(0, unseen | 0), model.slope.length - 1);
  const x = (model.slope[u] as number) * lead + (model.offset[u] as number);
  return 1 / (1 + Math.exp(-x));
}

/** The model built for the embedded English dictionary and letterset (see `npm run build:win-model`). */
export const DEFAULT_WIN_MODEL: WinModel = WIN_MODEL_DATA;

/** Leads beyond ±MAX_LEAD count as ±MAX_LEAD when a table is built. */
export const MAX_LEAD = 400;
/** Unseen counts up to MAX_UNSEEN (more are counted as MAX_UNSEEN). */
export const MAX_UNSEEN = 100;

/**
 * Counts of wins by (lead, unseen) from games, then a logistic fit per unseen count. Add the
 * positions of each game once it is over (the winner is known then). Counts are sums, so tables
 * built in several workers merge by addition.
 */
export class WinTableBuilder {
  /** [unseen][lead + MAX_LEAD] → positions, then wins (a tie counts ½). */
  readonly counts: Float64Array;

  /** An empty builder, or one over counts saved from another (the layout of {@link WinTableBuilder.counts}). */
  constructor(counts?: Float64Array) {
    this.counts = counts ?? new Float64Array(2 * (MAX_UNSEEN + 1) * (2 * MAX_LEAD + 1));
  }

  /** Adds one position: the player to move led by `lead` with `unseen` tiles unseen and `result` (1 win, ½ tie, 0 loss). */
  add(lead: number, unseen: number, result: number): void {
    const u = Math.min(Math.max(0, unseen | 0), MAX_UNSEEN);
    const l = Math.min(Math.max(-MAX_LEAD, Math.round(lead)), MAX_LEAD) + MAX_LEAD;
    const k = 2 * (u * (2 * MAX_LEAD + 1) + l);
    this.counts[k] = (this.counts[k] as number) + 1;
    this.counts[k + 1] = (this.counts[k + 1] as number) + result;
  }

  /** Adds another builder's counts. */
  merge(other: WinTableBuilder): void {
    for (let k = 0; k < this.counts.length; k++)
      this.counts[k] = (this.counts[k] as number) + (other.counts[k] as number);
  }

  /** Positions counted. */
  get positions(): number {
    let n = 0;
    for (let k = 0; k < this.counts.length; k += 2) n += this.counts[k] as number;
    return n;
  }

  /**
   * Fits one logistic curve per unseen count u by maximum likelihood (Newton's method), pooling
   * the positions of u - w .. u + w where a count has fewer than `minPositions` (the window
   * grows until it has them). The offset is fitted too: it carries the edge of being the one to
   * move.
   */
  fit(source: string, minPositions = 2000): WinModel {
    const slope: number[] = [];
    const offset: number[] = [];
    const width = 2 * MAX_LEAD + 1;
    for (let u = 0; u <= MAX_UNSEEN; u++) {
      let w = 0;
      const total = (lo: number, hi: number) => {
        let n = 0;
        for (let v = Math.max(0, lo); v <= Math.min(MAX_UNSEEN, hi); v++)
          for (let l = 0; l < width; l++) n += this.counts[2 * (v * width + l)] as number;
        return n;
      };
      while (total(u - w, u + w) < minPositions && w < MAX_UNSEEN) w++;
      let a = 0.02;
      let b = 0;
      for (let iter = 0; iter < 50; iter++) {
        // Gradient and Hessian of the log-likelihood in (a, b).
        let ga = 0;
        let gb = 0;
        let haa = 0;
        let hab = 0;
        let hbb = 0;
        for (let v = Math.max(0, u - w); v <= Math.min(MAX_UNSEEN, u + w); v++) {
          for (let l = 0; l < width; l++) {
            const k = 2 * (v * width + l);
            const n = this.counts[k] as number;
            if (n === 0) continue;
            const y = this.counts[k + 1] as number;
            const x = (l - MAX_LEAD) / 100;
            const p = 1 / (1 + Math.exp(-(a * 100 * x + b)));
            const r = y - n * p;
            const h = n * p * (1 - p);
            ga += r * x;
            gb += r;
            haa += h * x * x;
            hab += h * x;
            hbb += h;
          }
        }
        const det = haa * hbb - hab * hab;
        if (!(det > 1e-12)) break;
        const da = (hbb * ga - hab * gb) / det;
        const db = (haa * gb - hab * ga) / det;
        a += da / 100;
        b += db;
        if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
      }
      slope.push(round(a, 7));
      offset.push(round(b, 5));
    }
    return { slope, offset, source };
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
