import { createHash } from 'node:crypto';
import type { GameAnalysis } from '../analysis/analyze.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { type AnalyzeJob, RecordAnalyzer } from './analyze.js';
import { bullmq, connection, relayEvents, workerSettings } from './queue.js';

/**
 * Game analysis across machines, on the BullMQ queue of autoplay's workers (`wordgame worker`
 * takes both kinds of job). One job a record, with an id made of the analysis options, the
 * record's text and the players, so a record is in the queue at most once and a resubmitted
 * folder picks up where it was. A worker analyses the record on one thread with the same
 * options, so the analysis is the one a local run gives (a test compares them); a dead worker's
 * record goes back to the queue.
 */

/** The queue of analysis jobs. */
export const ANALYSIS_QUEUE = 'wordgame-analysis';

/** What an analysis job carries. */
export interface AnalysisJobData {
  readonly job: AnalyzeJob;
  readonly text: string;
  readonly players?: readonly number[];
}

/** One record to analyse on the queue: its text and the players whose turns to analyse. */
export interface QueuedRecord {
  readonly text: string;
  readonly players?: readonly number[];
}

/** Analyses records on the workers of the queue at `url`; each record's analysis or error, in order. */
export async function analyzeOnQueue(
  records: readonly QueuedRecord[],
  job: AnalyzeJob,
  url: string,
  options: { readonly onRecord?: (done: number) => void; readonly pollMs?: number } = {},
): Promise<Result<Result<GameAnalysis, EngineError>[], EngineError>> {
  const lib = await bullmq();
  if (!lib.ok) return lib;
  const queue = new lib.value.Queue<AnalysisJobData, GameAnalysis | { error: EngineError }>(ANALYSIS_QUEUE, {
    connection: connection(url),
  });
  try {
    const ids = records.map((r) =>
      createHash('sha256')
        .update(JSON.stringify({ job, text: r.text, players: r.players ?? null }))
        .digest('hex')
        .slice(0, 24),
    );
    for (const [i, r] of records.entries())
      await queue.add(
        'record',
        { job, text: r.text, ...(r.players === undefined ? {} : { players: r.players }) },
        {
          jobId: ids[i] as string,
          attempts: 3,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      );
    const results: (Result<GameAnalysis, EngineError> | undefined)[] = records.map(() => undefined);
    let done = 0;
    while (results.some((r) => r === undefined)) {
      for (const [i, id] of ids.entries()) {
        if (results[i] !== undefined) continue;
        // The state first, then the job (read before, it may lack the return value: see queue.ts).
        const state = await queue.getJobState(id);
        const left = () => err(engineError(Code.UNKNOWN_ERROR, { cause: `record ${i} left the queue` }));
        if (state === 'unknown') return left();
        if (state !== 'completed' && state !== 'failed') continue;
        const j = await queue.getJob(id);
        if (j === undefined) return left();
        if (state === 'completed') {
          const v = j.returnvalue;
          results[i] = 'error' in v ? err(v.error) : ok(v);
          options.onRecord?.(++done);
        } else if (state === 'failed')
          return err(engineError(Code.UNKNOWN_ERROR, { cause: `record ${i} failed: ${j.failedReason}` }));
      }
      if (results.some((r) => r === undefined))
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
    for (const id of ids) await (await queue.getJob(id))?.remove();
    return ok(results as Result<GameAnalysis, EngineError>[]);
  } catch (e) {
    return err(engineError(Code.UNKNOWN_ERROR, { cause: `the queue at ${url}: ${(e as Error).message}` }));
  } finally {
    await queue.close();
  }
}

/** A running analysis worker. */
export interface AnalysisWorker {
  /** Stops taking records, finishes the one it holds, and disconnects. */
  close(): Promise<void>;
}

/** Starts a worker of analysis jobs on the queue at `url` (one thread); it runs until closed. */
export async function startAnalysisWorker(
  url: string,
  options: {
    readonly lockMs?: number;
    readonly onEvent?: (event: 'started' | 'completed' | 'failed', id: string, detail?: string) => void;
  } = {},
): Promise<Result<AnalysisWorker, EngineError>> {
  const lib = await bullmq();
  if (!lib.ok) return lib;
  const analyzers = new Map<string, RecordAnalyzer>();
  const lockMs = options.lockMs ?? 30_000;
  const worker = new lib.value.Worker<AnalysisJobData, GameAnalysis | { error: EngineError }>(
    ANALYSIS_QUEUE,
    async (job) => {
      options.onEvent?.('started', job.id ?? '?');
      const key = JSON.stringify(job.data.job);
      let analyzer = analyzers.get(key);
      if (analyzer === undefined) {
        analyzer = RecordAnalyzer.create(job.data.job, 1);
        analyzers.set(key, analyzer);
      }
      // Yield between turns so that BullMQ renews the lock of a long record.
      const r = await analyzer.analyze(job.data.text, job.data.players, () => undefined);
      return r.ok ? r.value : { error: r.error };
    },
    workerSettings(url, lockMs, 1),
  );
  relayEvents(worker, options.onEvent);
  return ok({
    close: async () => {
      await worker.close();
      await Promise.all([...analyzers.values()].map((a) => a.close()));
    },
  });
}
