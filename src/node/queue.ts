import { createHash } from 'node:crypto';
import {
  type AutoplaySummary,
  type Autoplayer,
  type PairResult,
  playPairs,
  summarizePairs,
} from '../autoplay/autoplay.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { type AutoplayJob, prepareJob } from './autoplay.js';

/**
 * Autoplay across machines, on BullMQ over Redis (optional dependencies: `bullmq` and `ioredis`).
 *
 * The coordinator cuts a run into shards of pairs and enqueues one job a shard, with a job id
 * derived from the run (its job spec and shard size) and the shard's number, so a shard is in the
 * queue at most once and resubmitting an unfinished run picks up its shards where they are.
 * Workers on any machine take shards, play them (yielding to the event loop between pairs, so
 * BullMQ renews the shard's lock while it runs: a live worker's long shard is never re-run), and
 * return the pairs' results. A worker that dies mid-shard stops renewing its lock; the shard is
 * moved back to the queue and another worker plays it again from its start. The coordinator
 * merges the results by shard number, so each pair counts once and the summary equals a local
 * run's exactly.
 */

/** The queue every autoplay coordinator and worker uses. */
export const AUTOPLAY_QUEUE = 'wordgame-autoplay';

/** What a shard job carries. */
export interface ShardData {
  readonly run: string;
  readonly shard: number;
  readonly job: AutoplayJob;
  readonly from: number;
  readonly to: number;
}

type BullMQ = typeof import('bullmq');

/**
 * BullMQ, when the optional peer dependencies are installed (BAD_QUERY naming them otherwise).
 * @internal (left out of the declarations, which must not need the optional packages)
 */
export async function bullmq(): Promise<Result<BullMQ, EngineError>> {
  try {
    return ok(await import('bullmq'));
  } catch {
    return err(
      engineError(Code.BAD_QUERY, {
        cause: 'a queue needs the optional dependencies bullmq and ioredis (npm install bullmq ioredis)',
      }),
    );
  }
}

/** BullMQ's connection options for a Redis URL. */
export function connection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

/** The id of a run: the same job cut the same way is the same run. */
export function runId(job: AutoplayJob, shardPairs: number): string {
  return createHash('sha256').update(JSON.stringify({ job, shardPairs })).digest('hex').slice(0, 16);
}

/** Options of a queued run. */
export interface QueueRunOptions {
  /** Pairs a shard (default 250). */
  readonly shardPairs?: number;
  /** Reports pairs done (completed shards). */
  readonly onPairs?: (done: number) => void;
  /** How often to look at the shards, in ms (default 250). */
  readonly pollMs?: number;
}

/** Runs a job on the workers of the queue at `url` and returns the summary (the same as {@link runAutoplay}'s). */
export async function runAutoplayOnQueue(
  job: AutoplayJob,
  url: string,
  options: QueueRunOptions = {},
): Promise<Result<AutoplaySummary, EngineError>> {
  const lib = await bullmq();
  if (!lib.ok) return lib;
  const shardPairs = Math.max(1, Math.trunc(options.shardPairs ?? 250));
  const run = runId(job, shardPairs);
  const queue = new lib.value.Queue<ShardData, PairResult[]>(AUTOPLAY_QUEUE, { connection: connection(url) });
  try {
    const shards = Math.ceil(job.pairs / shardPairs);
    const ids: string[] = [];
    for (let s = 0; s < shards; s++) {
      const from = s * shardPairs;
      const to = Math.min(job.pairs, from + shardPairs);
      const id = `${run}-${s}`;
      ids.push(id);
      // An existing job with this id (a resubmitted run) is left as it is.
      await queue.add(
        'shard',
        { run, shard: s, job, from, to },
        {
          jobId: id,
          attempts: 5,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      );
    }
    const results: (PairResult[] | undefined)[] = new Array(shards).fill(undefined);
    let done = 0;
    for (;;) {
      for (let s = 0; s < shards; s++) {
        if (results[s] !== undefined) continue;
        // The state first, then the job: a job read before its state (as `job.getState()` does)
        // may be a copy from before it completed, without its return value.
        const state = await queue.getJobState(ids[s] as string);
        const left = () => err(engineError(Code.UNKNOWN_ERROR, { cause: `shard ${s} of run ${run} left the queue` }));
        if (state === 'unknown') return left();
        if (state !== 'completed' && state !== 'failed') continue;
        const j = await queue.getJob(ids[s] as string);
        if (j === undefined) return left();
        if (state === 'completed') {
          results[s] = j.returnvalue;
          done += j.data.to - j.data.from;
          options.onPairs?.(done);
        } else if (state === 'failed')
          return err(engineError(Code.UNKNOWN_ERROR, { cause: `shard ${s} of run ${run} failed: ${j.failedReason}` }));
      }
      if (results.every((r) => r !== undefined)) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
    for (const id of ids) await (await queue.getJob(id))?.remove();
    return ok(summarizePairs((results as PairResult[][]).flat()));
  } catch (e) {
    return err(engineError(Code.UNKNOWN_ERROR, { cause: `the queue at ${url}: ${(e as Error).message}` }));
  } finally {
    await queue.close();
  }
}

/** Options of a queue worker. */
export interface QueueWorkerOptions {
  /** Shards played at once in this process (default 1: run one process a core). */
  readonly concurrency?: number;
  /** How long a shard's lock lasts without renewal, in ms (BullMQ's default 30,000); a dead worker's shard is re-queued after it. */
  readonly lockMs?: number;
  /** Reports shard events (for logs). */
  readonly onEvent?: (event: 'started' | 'completed' | 'failed', id: string, detail?: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  /** Stops taking shards, finishes the ones it holds, and disconnects. */
  close(): Promise<void>;
}

/** Starts a worker on the queue at `url`; it runs until closed. */
export async function startQueueWorker(
  url: string,
  options: QueueWorkerOptions = {},
): Promise<Result<QueueWorker, EngineError>> {
  const lib = await bullmq();
  if (!lib.ok) return lib;
  const prepared = new Map<string, Autoplayer>();
  const lockMs = options.lockMs ?? 30_000;
  const worker = new lib.value.Worker<ShardData, PairResult[]>(
    AUTOPLAY_QUEUE,
    async (job) => {
      options.onEvent?.('started', job.id ?? '?');
      const key = JSON.stringify(job.data.job);
      let autoplayer = prepared.get(key);
      if (autoplayer === undefined) {
        const r = prepareJob(job.data.job);
        if (!r.ok) throw new Error(`${r.error.name}: ${r.error.cause ?? r.error.message}`);
        autoplayer = r.value;
        prepared.set(key, autoplayer);
      }
      const out: PairResult[] = [];
      for (let p = job.data.from; p < job.data.to; p++) {
        out.push(...playPairs(autoplayer, job.data.job.seed, p, p + 1));
        // Let BullMQ renew the lock (and hear a close) between pairs.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    },
    workerSettings(url, lockMs, options.concurrency ?? 1),
  );
  relayEvents(worker, options.onEvent);
  return ok({ close: () => worker.close() });
}

/**
 * A queue worker's settings: a job's lock lasts `lockMs` without renewal and is checked every
 * half of it, so a dead worker's job returns to the queue soon after (5 times at most).
 */
export function workerSettings(
  url: string,
  lockMs: number,
  concurrency: number,
): {
  connection: ReturnType<typeof connection>;
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
} {
  return {
    connection: connection(url),
    concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 5,
  };
}

/**
 * Reports a queue worker's completed and failed jobs (for logs); its connection errors are retried by BullMQ, not thrown.
 * @internal
 */
export function relayEvents(
  worker: import('bullmq').Worker,
  onEvent: ((event: 'started' | 'completed' | 'failed', id: string, detail?: string) => void) | undefined,
): void {
  worker.on('completed', (job) => onEvent?.('completed', job.id ?? '?'));
  worker.on('failed', (job, e) => onEvent?.('failed', job?.id ?? '?', e.message));
  worker.on('error', () => undefined);
}
