/**
 * The CLI's progress line, written here rather than taken from a package (cli-progress was one):
 * the package installs with no dependency at all, and the line needs two things the packages
 * do not do, naming what it counts and measuring its rate only after a warm-up (workers starting
 * and the first tables built made a first ETA ten times too long).
 */
import type { CliIo } from './io.js';

/** A progress line on stderr when it is a terminal and the output is not JSON; a no-op otherwise. */
export interface Progress {
  /** Sets how many units are done (redrawn at most every `redrawMs`). */
  update(done: number): void;
  /** Draws the final line and moves to the next one. */
  stop(): void;
}

/** What a progress line shows and how it times itself. */
export interface ProgressOptions {
  /** What is happening (`autoplay`). */
  readonly label: string;
  /** What one step is, in the plural (`pairs`, `games`, `records`). */
  readonly unit: string;
  readonly total: number;
  /** The clock in milliseconds (tests pass their own). Default: `performance.now`. */
  readonly now?: () => number;
  /** No rate or ETA before this many milliseconds (default 2,000). */
  readonly warmupMs?: number;
  /** At most one redraw in this many milliseconds (default 200). */
  readonly redrawMs?: number;
}

/** A progress line that draws nothing. */
export const QUIET_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

const BAR_WIDTH = 24;

/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * The text of a progress line: `autoplay [######------] 412/1000 pairs 38.1 pairs/s ETA 15s`.
 * The rate counts from the first update after the warm-up, so start-up costs do not enter it;
 * before that the line says `warming up`.
 */
export function progressLine(
  options: Pick<ProgressOptions, 'label' | 'unit' | 'total'>,
  done: number,
  rate: number | undefined,
): string {
  const total = Math.max(0, options.total);
  const fraction = total === 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const head = `${options.label} [${bar}] ${done}/${total} ${options.unit}`;
  if (rate === undefined) return done >= total ? head : `${head} warming up`;
  const perSecond = rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);
  const eta = rate > 0 && done < total ? ` ETA ${formatDuration((total - done) / rate)}` : '';
  return `${head} ${perSecond} ${options.unit}/s${eta}`;
}

/** Starts a progress line on `io`'s stderr, or the quiet one when it is not a terminal or `json` is set. */
export function startProgress(io: CliIo, json: boolean, options: ProgressOptions): Progress {
  if (json || io.errIsTerminal !== true) return QUIET_PROGRESS;
  const now = options.now ?? (() => performance.now());
  const warmupMs = options.warmupMs ?? 2000;
  const redrawMs = options.redrawMs ?? 200;
  const start = now();
  let base: { at: number; done: number } | undefined;
  let done = 0;
  let drawn = -Infinity;
  let width = 0;
  const rate = (): number | undefined => {
    if (base === undefined) return undefined;
    const seconds = (now() - base.at) / 1000;
    return seconds > 0 ? (done - base.done) / seconds : undefined;
  };
  const draw = () => {
    const line = progressLine(options, done, rate());
    io.err(`\r${line}${' '.repeat(Math.max(0, width - line.length))}`);
    width = line.length;
    drawn = now();
  };
  draw();
  return {
    update(value) {
      done = value;
      const t = now();
      if (base === undefined && t - start >= warmupMs) base = { at: t, done };
      if (t - drawn >= redrawMs) draw();
    },
    stop() {
      draw();
      io.err('\n');
    },
  };
}
