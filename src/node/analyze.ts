import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { type AnalysisOptions, type GameAnalysis, GameAnalyzer, type TurnAnalysis } from '../analysis/analyze.js';
import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { type GcgRecord, decodeGcg, parseGcg } from '../records/gcg.js';
import { err, ok, type Result } from '../result.js';
import { startWorker } from './autoplay.js';
import { defaultLeaveValues, dictionaryOrDefault } from './files.js';

/**
 * What an analysis needs, as plain data (it crosses to worker threads): the analyzer's options
 * but the leave values (the package's learned table), and the dictionary as a file.
 */
export interface AnalyzeJob extends Omit<AnalysisOptions, 'leaves' | 'winModel'> {
  /** A dictionary file with a GADDAG (default: the embedded English dictionary). */
  readonly dictionary?: string;
}

/** Builds the analyzer of a job for a record's configuration (the learned leaves of the package). */
export function prepareAnalyzer(job: AnalyzeJob, configName = 'en'): Result<GameAnalyzer, EngineError> {
  const config = presetConfig(configName);
  if (!config.ok) return config;
  const dictionary = dictionaryOrDefault(job.dictionary);
  if (!dictionary.ok) return dictionary;
  const leaves = defaultLeaveValues(config.value);
  if (!leaves.ok) return leaves;
  const { dictionary: _file, ...options } = job;
  return GameAnalyzer.create(config.value, dictionary.value, { ...options, leaves: leaves.value });
}

/** Reads a GCG file into a record (FILE_UNREADABLE, BAD_RECORD). */
export function readGcgFile(file: string): Result<GcgRecord, EngineError> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return err(engineError(Code.FILE_UNREADABLE, { param: file, cause: (e as Error).message }));
  }
  return parseGcg(decodeGcg(bytes));
}

/** A message to an analysis worker, and its answers. */
interface Task {
  readonly text: string;
  readonly indices: readonly number[];
}
type Answer = { readonly done: number } | { readonly turns: TurnAnalysis[] } | { readonly error: EngineError };

/**
 * Analyses records on this thread or on worker threads. With K workers, each record's turns are
 * dealt to the K workers in turn (turn i to worker i mod K: the slow endgame turns spread out),
 * which analyse them with the same options, and the answers are merged in turn order; a turn's
 * simulation seed depends on the seed and the turn only, so the analysis is the same, to the last
 * bit, whatever the number of workers. Close it when done.
 */
export class RecordAnalyzer {
  readonly #job: AnalyzeJob;
  readonly #workers: Worker[];
  readonly #local = new Map<string, GameAnalyzer>();
  /** The workers that failed or exited, with why. */
  readonly #failed = new Map<Worker, string>();

  private constructor(job: AnalyzeJob, workers: Worker[]) {
    this.#job = job;
    this.#workers = workers;
  }

  /** An analyzer of records on `workers` worker threads (1: this thread). */
  static create(job: AnalyzeJob, workers = 1): RecordAnalyzer {
    const pool = workers <= 1 ? [] : Array.from({ length: workers }, () => startWorker('analyze-worker', { job }));
    const analyzer = new RecordAnalyzer(job, pool);
    // A worker that fails at any time (even before its first task) is remembered, so no task waits on it.
    for (const w of pool) {
      w.on('error', (e) => void analyzer.#failed.set(w, e.message));
      w.on('exit', (code) => void analyzer.#failed.set(w, analyzer.#failed.get(w) ?? `exited with code ${code}`));
    }
    return analyzer;
  }

  /** Analyses a record's text (the turns of `players`, 0-based, or all); `onTurn` after each turn analysed. */
  async analyze(
    text: string,
    players?: readonly number[],
    onTurn?: () => void,
  ): Promise<Result<GameAnalysis, EngineError>> {
    const record = parseGcg(text);
    if (!record.ok) return record;
    const analyzer = this.#analyzer(record.value.config);
    if (!analyzer.ok) return analyzer;
    const turns = analyzer.value.turns(record.value);
    if (!turns.ok) return turns;
    const chosen = turns.value.filter(
      (t) => (players === undefined || players.includes(t.player)) && t.rack.length > 0 && t.unseen !== undefined,
    );
    let analysed: TurnAnalysis[];
    if (this.#workers.length === 0) {
      analysed = [];
      for (const t of chosen) {
        const one = analyzer.value.analyzeTurns(record.value, [t.index], turns.value);
        if (!one.ok) return one;
        analysed.push(...one.value);
        onTurn?.();
        // Yield between turns (a queue worker renews its lock, a server stays responsive).
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      const k = this.#workers.length;
      const parts = await Promise.all(
        this.#workers.map((w, i) =>
          this.#ask(w, { text, indices: chosen.filter((_, j) => j % k === i).map((t) => t.index) }, onTurn),
        ),
      );
      const failed = parts.find((p) => !p.ok);
      if (failed !== undefined && !failed.ok) return failed;
      analysed = parts.flatMap((p) => (p.ok ? p.value : [])).sort((a, b) => a.turn - b.turn);
    }
    const wanted = turns.value.filter((t) => players === undefined || players.includes(t.player));
    return ok(analyzer.value.summarize(record.value, analysed, wanted));
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #analyzer(config: string): Result<GameAnalyzer, EngineError> {
    const known = this.#local.get(config);
    if (known !== undefined) return ok(known);
    const made = prepareAnalyzer(this.#job, config);
    if (made.ok) this.#local.set(config, made.value);
    return made;
  }

  #ask(worker: Worker, task: Task, onTurn?: () => void): Promise<Result<TurnAnalysis[], EngineError>> {
    const failure = (why: string) =>
      err(engineError(Code.UNKNOWN_ERROR, { cause: `an analysis worker failed: ${why}` }));
    const known = this.#failed.get(worker);
    if (known !== undefined) return Promise.resolve(failure(known));
    return new Promise((resolve) => {
      const done = (r: Result<TurnAnalysis[], EngineError>) => {
        worker.off('message', listen);
        worker.off('error', fail);
        worker.off('exit', exit);
        resolve(r);
      };
      const listen = (m: Answer) => {
        if ('done' in m) {
          for (let i = 0; i < m.done; i++) onTurn?.();
          return;
        }
        done('error' in m ? err(m.error) : ok(m.turns));
      };
      const fail = (e: Error) => done(failure(e.message));
      const exit = (code: number) => done(failure(`exited with code ${code}`));
      worker.on('message', listen);
      worker.on('error', fail);
      worker.on('exit', exit);
      worker.postMessage(task);
    });
  }
}
