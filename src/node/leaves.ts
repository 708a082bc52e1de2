import { Autoplayer } from '../autoplay/autoplay.js';
import { heuristicLeaves } from '../leaves/heuristic.js';
import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { LeaveLearner, type LearnerStats } from '../leaves/learn.js';
import { LeaveTable } from '../leaves/table.js';
import type { LeaveValues } from '../leaves/values.js';
import { err, ok, type Result } from '../result.js';
import { startWorker } from './autoplay.js';
import { dictionaryOrDefault } from './files.js';

/** A leave-learning run: plain data, so that its shards cross to worker threads. */
export interface LeavesJob {
  /** Games a generation. */
  readonly games: number;
  readonly generations: number;
  /** Seed of the first game; game i of generation g is seeded `seed + g × games + i`. */
  readonly seed: number;
  /** Prior weight, in occurrences (default 20). */
  readonly smoothing?: number;
  /** A dictionary file; the embedded English dictionary when absent. */
  readonly dictionary?: string;
  /** A table (KLV2 bytes) the first generation plays with, to continue from it; the heuristic when absent. */
  readonly base?: Uint8Array;
}

/** What a shard of a generation needs: the games and the table they play with (KLV2 bytes; none: the heuristic). */
export interface LeavesShard {
  readonly job: LeavesJob;
  readonly generation: number;
  readonly from: number;
  readonly to: number;
  readonly base: Uint8Array | null;
}

/** Plays a shard of a generation (in this thread) and returns its statistics. */
export function playLeavesShard(shard: LeavesShard, onGame?: () => void): Result<LearnerStats, EngineError> {
  const config = presetConfig('en');
  if (!config.ok) return config;
  const dict = dictionaryOrDefault(shard.job.dictionary);
  if (!dict.ok) return dict;
  let base: LeaveValues = heuristicLeaves(config.value);
  if (shard.base !== null) {
    const t = LeaveTable.fromKlv(shard.base);
    if (!t.ok) return t;
    base = t.value;
  }
  const players = Autoplayer.create(config.value, dict.value, [
    { name: 'a', leaves: base },
    { name: 'b', leaves: base },
  ]);
  if (!players.ok) return players;
  const learner = new LeaveLearner(config.value, base);
  for (let i = shard.from; i < shard.to; i++) {
    learner.playGame(players.value, (shard.job.seed + shard.generation * shard.job.games + i) >>> 0);
    onGame?.();
  }
  return ok(learner.export());
}

/**
 * Learns a leave table (see {@link LeaveLearner}) over `workers` threads: each generation's games
 * are split into one contiguous shard a worker, and the statistics merged (exact integer sums,
 * so the table is the same whatever the number of workers). `onGames` reports games done.
 */
export async function learnLeaves(
  job: LeavesJob,
  workers = 1,
  onGames?: (done: number) => void,
): Promise<Result<{ table: LeaveTable; observations: number }, EngineError>> {
  const config = presetConfig('en');
  if (!config.ok) return config;
  let base: LeaveTable | undefined;
  if (job.base !== undefined) {
    const t = LeaveTable.fromKlv(job.base);
    if (!t.ok) return t;
    base = t.value;
  }
  let observations = 0;
  let done = 0;
  // Shards carry the table of their generation, not the starting one.
  const { base: _first, ...shardJob } = job;
  for (let g = 0; g < job.generations; g++) {
    const learner = new LeaveLearner(config.value, base);
    const baseBytes = base === undefined ? null : base.toKlv2();
    const k = Math.max(1, Math.min(workers, job.games));
    const parts: Promise<Result<LearnerStats, EngineError>>[] = [];
    for (let w = 0; w < k; w++) {
      const shard: LeavesShard = {
        job: shardJob,
        generation: g,
        from: Math.floor((job.games * w) / k),
        to: Math.floor((job.games * (w + 1)) / k),
        base: baseBytes,
      };
      if (k === 1) parts.push(Promise.resolve(playLeavesShard(shard, () => onGames?.(++done))));
      else
        parts.push(
          new Promise((resolve) => {
            const worker = startWorker('leaves-worker', shard);
            worker.on('message', (m: { games?: number; stats?: LearnerStats; error?: EngineError }) => {
              if (m.games !== undefined) onGames?.((done += m.games));
              else if (m.error !== undefined) resolve(err(m.error));
              else if (m.stats !== undefined) resolve(ok(m.stats));
            });
            worker.on('error', (e) => resolve(err(engineError(Code.UNKNOWN_ERROR, { cause: String(e) }))));
          }),
        );
    }
    for (const part of await Promise.all(parts)) {
      if (!part.ok) return part;
      learner.absorb(part.value);
    }
    // The base of the outcomes in this generation was the last table, as in the workers.
    const t = learner.table(job.smoothing ?? 20);
    if (!t.ok) return t;
    base = t.value;
    observations += learner.observations;
  }
  return base === undefined
    ? err(engineError(Code.BAD_QUERY, { cause: 'no generation played' }))
    : ok({ table: base, observations });
}
