import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { EngineError } from '../errors/error.js';
import type { LeaveValues } from './values.js';
import type { Result } from '../result.js';
import { LeaveTable } from './table.js';

/**
 * Where the learner's games come from: anything that plays a game for a seed (seats rotated by
 * `rotate`) and tells, after each turn, the seat that moved, the points it scored, the tiles it
 * kept and the tiles left in the bag. The autoplay harness's `Autoplayer` is one; the learner
 * depends on this shape only, so leaves stay below the players and the harness.
 */
export interface LeaveGameSource {
  /** Plays the game of `seed` with seats rotated by `rotate`, calling `observer` after each turn. */
  playGame(
    seed: number,
    rotate: number,
    observer: (seat: number, score: number, kept: readonly number[], bag: number) => void,
  ): unknown;
}

/**
 * Learning leave values from self-play (one generation; run several, each playing with the last
 * one's table).
 *
 * The method: every time a player keeps a leave L of 1 to 6 tiles, the outcome is what that
 * player makes of it on their next turn: the points of that turn plus the value (in the table the
 * games are played with) of the leave they keep then, a one-step temporal-difference target, so
 * that generations carry value beyond one turn. A leave's raw value is the mean outcome of its
 * occurrences minus the mean outcome of the empty leave (a whole new rack); only leaves that the draw completes to a
 * full rack are observed. Rare leaves are smoothed toward a prior, with weight `smoothing`
 * occurrences (`value = (n · mean + k · prior) / (n + k)`): single tiles toward 0, a longer leave
 * toward the mean, over its distinct tiles t, of the (smoothed) value of the leave without t plus
 * t's single value, so duplicates and synergies learned on short leaves carry to long ones. Every leave of 1 to 6 tiles the bag can
 * hold gets a value (914,624 in English), so the table has no holes worth 0.
 */
export class LeaveLearner {
  readonly config: GameConfig;
  readonly #sum = new Map<string, number>();
  readonly #count = new Map<string, number>();
  #total = 0;
  #observations = 0;
  readonly #pending: (string | undefined)[] = [];
  readonly #pendingCodes = new Uint8Array(16);
  readonly #base: LeaveValues | undefined;

  /** A learner for a configuration; `base` values the next leave in the outcome (the table the games use). */
  constructor(config: GameConfig, base?: LeaveValues) {
    this.config = config;
    this.#base = base;
  }

  /** Occurrences recorded. */
  get observations(): number {
    return this.#observations;
  }

  /** Distinct leaves seen. */
  get distinct(): number {
    return this.#count.size;
  }

  /** The raw statistics of a leave (KLV-order key): occurrences and mean outcome minus the baseline's. */
  rawStats(key: string): { count: number; value: number } {
    const n = this.#count.get(key) ?? 0;
    return { count: n, value: n === 0 ? 0 : (this.#sum.get(key) as number) / 1000 / n - this.#baseline() };
  }

  /** The mean outcome of the empty leave (a full rack drawn), or of all leaves before any is seen. */
  #baseline(): number {
    const empty = this.#count.get('') ?? 0;
    return (
      (empty > 0
        ? (this.#sum.get('') as number) / empty
        : this.#observations === 0
          ? 0
          : this.#total / this.#observations) / 1000
    );
  }

  /** Plays one game from `games` (an `Autoplayer`, say) and records its leaves. */
  playGame(games: LeaveGameSource, seed: number, rotate = 0): void {
    this.#pending.length = 0;
    const handSize = this.config.handSize;
    games.playGame(seed, rotate, (seat, score, kept, bag) => {
      const leaveValue = kept.length >= 1 && kept.length <= 6 && this.#base !== undefined ? this.#valueOf(kept) : 0;
      const before = this.#pending[seat];
      if (before !== undefined) this.#record(before, score + leaveValue);
      // Only leaves the draw completes to a full rack are observed: near the end of the game a
      // short rack scores less whatever it holds, which says nothing of the leave.
      this.#pending[seat] = kept.length <= 6 && bag >= handSize - kept.length ? leaveKey(kept) : undefined;
    });
  }

  #valueOf(kept: readonly number[]): number {
    const codes = this.#pendingCodes;
    let n = 0;
    for (const t of kept) if ((t & BLANK) === 0) codes[n++] = t;
    codes.subarray(0, n).sort();
    for (const t of kept) if ((t & BLANK) !== 0) codes[n++] = BLANK;
    return (this.#base as LeaveValues).leaveValue(codes, n);
  }

  #record(key: string, outcome: number): void {
    // Sums in integer millipoints: exact in any order, so learners merged from any number of
    // workers give the same table.
    const milli = Math.round(outcome * 1000);
    this.#sum.set(key, (this.#sum.get(key) ?? 0) + milli);
    this.#count.set(key, (this.#count.get(key) ?? 0) + 1);
    this.#total += milli;
    this.#observations++;
  }

  /** The statistics gathered, as plain data (to send from a worker). */
  export(): LearnerStats {
    return { keys: [...this.#count.keys()], sums: [...this.#sum.values()], counts: [...this.#count.values()] };
  }

  /** Adds another learner's statistics (gathered with the same base values). */
  absorb(stats: LearnerStats): void {
    for (let i = 0; i < stats.keys.length; i++) {
      const key = stats.keys[i] as string;
      const sum = stats.sums[i] as number;
      const count = stats.counts[i] as number;
      this.#sum.set(key, (this.#sum.get(key) ?? 0) + sum);
      this.#count.set(key, (this.#count.get(key) ?? 0) + count);
      this.#total += sum;
      this.#observations += count;
    }
  }

  /** The learned table: every leave of 1 to 6 tiles of the letterset, smoothed (see the class comment). */
  table(smoothing = 20): Result<LeaveTable, EngineError> {
    // The baseline is the empty leave (a full rack drawn): a leave's value is what keeping it is
    // worth over drawing its tiles at random.
    const mean = this.#baseline();
    const raw = (key: string): [number, number] => {
      const n = this.#count.get(key) ?? 0;
      return [n, n === 0 ? 0 : (this.#sum.get(key) as number) / 1000 / n - mean];
    };
    const shrink = (key: string, prior: number): number => {
      const [n, m] = raw(key);
      return (n * m + smoothing * prior) / (n + smoothing);
    };
    const letters = this.config.letters;
    const kinds = [
      letters.blanks,
      ...Array.from({ length: letters.counts.length - 1 }, (_, i) => letters.counts[i + 1] as number),
    ];
    // Every leave of 1-6 tiles the bag can hold, by length (KLV order: blank 0, letters ascending).
    const byLength: string[][] = [[], [], [], [], [], [], []];
    const path: number[] = [];
    const grow = (from: number) => {
      if (path.length > 0) (byLength[path.length] as string[]).push(String.fromCharCode(...path));
      if (path.length === 6) return;
      for (let t = from; t < kinds.length; t++) {
        let used = 0;
        for (const x of path) if (x === t) used++;
        if (used >= (kinds[t] as number)) continue;
        path.push(t);
        grow(t);
        path.pop();
      }
    };
    grow(0);
    // Single tiles shrink toward 0; a longer leave toward the mean, over its distinct tiles t, of
    // the value of the leave without t plus t's single value.
    const values = new Map<string, number>();
    for (const key of byLength[1] as string[]) values.set(key, shrink(key, 0));
    for (let len = 2; len <= 6; len++) {
      for (const key of byLength[len] as string[]) {
        let prior = 0;
        let terms = 0;
        for (let i = 0; i < key.length; i++) {
          if (i > 0 && key[i] === key[i - 1]) continue;
          prior +=
            (values.get(key.slice(0, i) + key.slice(i + 1)) as number) + (values.get(key[i] as string) as number);
          terms++;
        }
        values.set(key, shrink(key, prior / terms));
      }
    }
    return LeaveTable.fromKeys(values);
  }
}

/** A learner's statistics as plain data: leave keys (KLV order), outcome sums in millipoints, counts. */
export interface LearnerStats {
  readonly keys: readonly string[];
  readonly sums: readonly number[];
  readonly counts: readonly number[];
}

/** A leave's key in KLV order (blank 0 first, letters ascending). */
function leaveKey(kept: readonly number[]): string {
  const codes: number[] = [];
  for (const t of kept) codes.push((t & BLANK) !== 0 ? 0 : t);
  codes.sort((a, b) => a - b);
  return String.fromCharCode(...codes);
}
