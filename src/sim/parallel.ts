import { Board, type Placement } from '../board/board.js';
import { type ConfigSpec, createConfig, presetConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { loadDictionary } from '../dictionary/file.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { LeaveTable } from '../leaves/table.js';
import type { LeaveValues } from '../leaves/values.js';
import { err, ok, type Result } from '../result.js';
import { type SimPosition, type SimRun, Simulator } from './sim.js';
import { type SimCandidateInfo, type SimResult, SimTally } from './tally.js';
import { type SimOptions } from './options.js';

/**
 * Simulation on several threads: Node worker threads or a page's Web Workers. The driver keeps
 * the {@link SimTally}; for each batch (the iterations between two checks) it gives every worker
 * a contiguous share of the iterations, adds the integer sums they send back and runs the check.
 * Iteration i's deal depends only on the seed and i, and the checks fall at the same iteration
 * counts, so the result is the same whatever the number of workers. Messages are plain data
 * (structured clone), so no `SharedArrayBuffer` and no special page headers are needed.
 */

/** A simulation as plain data, to cross to workers. */
export interface SimJob {
  /** A configuration preset name (default `en`) or a full specification. */
  readonly config?: string | ConfigSpec;
  /** The dictionary file's bytes (needs a GADDAG). Required in browsers; Node workers use the embedded dictionary when absent. */
  readonly dictionary?: Uint8Array;
  /** A KLV2 (or KLV1) leave file's bytes. Required in browsers; Node workers use the embedded table when absent. */
  readonly leaves?: Uint8Array;
  /** The board's cells (`Board.cells`), row-major. */
  readonly cells: Uint8Array;
  readonly rack: readonly Tile[];
  readonly unseen?: readonly Tile[];
  readonly lead?: number;
  /** The opponent's last play, for inferring the tiles they kept ({@link SimPosition.opponentPlay}). */
  readonly opponentPlay?: readonly Placement[];
  /** The options (callbacks stay with the driver). */
  readonly options?: Omit<SimOptions, 'onProgress'>;
}

/** A message to a simulation worker. */
export type SimRequest =
  | { readonly type: 'init'; readonly job: SimJob }
  | { readonly type: 'sample'; readonly from: number; readonly to: number; readonly live: Uint8Array };

/** A simulation worker's answer. */
export type SimReply =
  | { readonly type: 'ready'; readonly candidates: readonly SimCandidateInfo[]; readonly plies: number }
  | { readonly type: 'stats'; readonly stats: Float64Array }
  | { readonly type: 'error'; readonly error: EngineError };

/** What a worker falls back on when a job brings no dictionary or leave file (the Node worker passes the embedded ones). */
export interface SimDefaults {
  /** The dictionary of jobs that bring none. */
  readonly dictionary?: () => Result<Dictionary, EngineError>;
  /** The leave values of jobs that bring no leave file. */
  readonly leaves?: () => Result<LeaveValues, EngineError>;
}

/** Prepares a job's run in this thread (`onProgress` for a run that stays here). */
export function prepareSimJob(
  job: SimJob,
  defaults: SimDefaults = {},
  onProgress?: SimOptions['onProgress'],
): Result<SimRun, EngineError> {
  const config =
    job.config === undefined || typeof job.config === 'string'
      ? presetConfig(job.config ?? 'en')
      : createConfig(job.config);
  if (!config.ok) return config;
  const dict: Result<Dictionary, EngineError> =
    job.dictionary !== undefined
      ? loadDictionary(job.dictionary)
      : defaults.dictionary !== undefined
        ? defaults.dictionary()
        : err(
            engineError(Code.BAD_QUERY, {
              param: 'dictionary',
              cause: 'a simulation job needs the dictionary bytes here',
            }),
          );
  if (!dict.ok) return dict;
  let leaves: Result<LeaveValues, EngineError>;
  if (job.leaves !== undefined) leaves = LeaveTable.fromKlv(job.leaves, config.value.alphabet.size);
  else
    leaves =
      defaults.leaves !== undefined
        ? defaults.leaves()
        : err(
            engineError(Code.BAD_QUERY, { param: 'leaves', cause: 'a simulation job needs the leave file bytes here' }),
          );
  if (!leaves.ok) return leaves;
  const board = Board.fromCells(config.value.layout.rows, config.value.layout.cols, job.cells);
  if (!board.ok) return board;
  const sim = Simulator.create(config.value, dict.value, leaves.value);
  if (!sim.ok) return sim;
  return sim.value.prepare(
    {
      board: board.value,
      rack: job.rack,
      ...(job.unseen === undefined ? {} : { unseen: job.unseen }),
      ...(job.lead === undefined ? {} : { lead: job.lead }),
      ...(job.opponentPlay === undefined ? {} : { opponentPlay: job.opponentPlay }),
    },
    { ...job.options, ...(onProgress === undefined ? {} : { onProgress }) },
  );
}

/**
 * The message handler of a simulation worker (pure: the same messages give the same answers):
 * `init` prepares the job's run, `sample` plays out a share of a batch and answers its sums.
 */
export function simWorkerHandler(defaults: SimDefaults = {}): (request: SimRequest) => SimReply {
  let run: SimRun | undefined;
  return (request) => {
    if (request.type === 'init') {
      const r = prepareSimJob(request.job, defaults);
      if (!r.ok) return { type: 'error', error: r.error };
      run = r.value;
      return { type: 'ready', candidates: run.candidates, plies: run.plies };
    }
    if (run === undefined)
      return { type: 'error', error: engineError(Code.BAD_QUERY, { cause: 'sample before init' }) };
    const stats = new Float64Array(run.tally.stats.length);
    run.sample(request.from, request.to, request.live, stats);
    return { type: 'stats', stats };
  };
}

/** One worker as the driver sees it: send a request, get the answers. */
export interface SimPort {
  /** Sends a request to the worker. */
  post(request: SimRequest): void;
  /** Registers the listener of answers (called once). */
  listen(onReply: (reply: SimReply) => void, onFailure: (error: unknown) => void): void;
}

/**
 * Runs a job on workers: `init` to each, then batches split between them until the tally stops.
 * With `onProgress` in the job options' place, progress is reported after each check.
 */
export async function simulateOnPorts(
  job: SimJob,
  ports: readonly SimPort[],
  onProgress?: SimOptions['onProgress'],
): Promise<Result<SimResult, EngineError>> {
  if (ports.length === 0) return err(engineError(Code.BAD_QUERY, { param: 'workers', cause: 'at least one worker' }));
  const waiting: ((reply: SimReply) => void)[] = ports.map(() => () => undefined);
  let failure: EngineError | undefined;
  ports.forEach((port, w) => {
    port.listen(
      (reply) => waiting[w]?.(reply),
      (e) => {
        failure = engineError(Code.UNKNOWN_ERROR, { cause: `a simulation worker failed: ${String(e)}` });
        for (const answer of waiting) answer({ type: 'error', error: failure });
      },
    );
  });
  const ask = (w: number, request: SimRequest) =>
    new Promise<SimReply>((resolve) => {
      if (failure !== undefined) return resolve({ type: 'error', error: failure });
      waiting[w] = resolve;
      (ports[w] as SimPort).post(request);
    });
  const ready = await Promise.all(ports.map((_, w) => ask(w, { type: 'init', job })));
  const first = ready[0] as SimReply;
  for (const r of ready) if (r.type === 'error') return err(r.error);
  if (first.type !== 'ready') return err(engineError(Code.UNKNOWN_ERROR, { cause: 'a worker did not get ready' }));
  const tally = SimTally.create(first.candidates, first.plies, {
    ...job.options,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  if (!tally.ok) return tally;
  const t = tally.value;
  const k = ports.length;
  for (;;) {
    const batch = t.nextBatch();
    if (batch <= 0) break;
    const from = t.iterations;
    const live = t.live.slice();
    const replies = await Promise.all(
      ports.map((_, w) =>
        ask(w, {
          type: 'sample',
          from: from + Math.floor((batch * w) / k),
          to: from + Math.floor((batch * (w + 1)) / k),
          live,
        }),
      ),
    );
    for (const r of replies) {
      if (r.type === 'error') return err(r.error);
      if (r.type === 'stats') t.merge(r.stats);
    }
    t.advance(batch);
    if (t.check()) break;
  }
  return ok(t.result());
}

/** The part of a Web Worker (or anything alike) the browser helper uses. */
export interface WebWorkerLike {
  /** Sends a message to the worker. */
  postMessage(message: unknown): void;
  /** Listens to the worker's messages and errors. */
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
}

/** A {@link SimPort} over a Web Worker that runs `wordgame-engine/sim-worker`. */
export function webWorkerPort(worker: WebWorkerLike): SimPort {
  return {
    post: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.addEventListener('message', (event) => onReply(event.data as SimReply));
      worker.addEventListener('error', (event) => onFailure(event.message ?? event));
    },
  };
}

/**
 * Simulates in a page on Web Workers (each created by `createWorker`, e.g.
 * `() => new Worker(new URL('wordgame-engine/sim-worker', import.meta.url), { type: 'module' })`),
 * terminating them at the end. The job must carry the dictionary and leave file bytes. The page
 * only posts messages and adds sums, so it stays responsive.
 */
export async function simulateInWorkers(
  job: SimJob,
  createWorker: () => WebWorkerLike & { terminate(): void },
  workers: number,
  onProgress?: SimOptions['onProgress'],
): Promise<Result<SimResult, EngineError>> {
  const list = Array.from({ length: Math.max(1, Math.min(64, Math.trunc(workers) || 1)) }, createWorker);
  try {
    return await simulateOnPorts(job, list.map(webWorkerPort), onProgress);
  } finally {
    for (const w of list) w.terminate();
  }
}
