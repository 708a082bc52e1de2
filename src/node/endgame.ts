import { Board } from '../board/board.js';
import { type ConfigSpec, createConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { loadDictionary } from '../dictionary/file.js';
import { type EndgameResult, EndgameSolver } from '../endgame/endgame.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { startWorker } from './autoplay.js';
import { loadDefaultDictionary } from './files.js';

/** An endgame as plain data, to cross to worker threads. */
export interface EndgameJob {
  readonly config: ConfigSpec;
  /** The dictionary file's bytes; the embedded English dictionary when absent. */
  readonly dictionary?: Uint8Array;
  readonly cells: Uint8Array;
  readonly racks: readonly [readonly Tile[], readonly Tile[]];
  readonly maxDepth?: number;
  readonly timeMs?: number;
  readonly maxNodes?: number;
}

/** Solves one shard of the root of a job (in this thread). */
export function solveEndgameShard(job: EndgameJob, index: number, count: number): Result<EndgameResult, EngineError> {
  const config = createConfig(job.config);
  if (!config.ok) return config;
  const dict: Result<Dictionary, EngineError> =
    job.dictionary === undefined ? loadDefaultDictionary() : loadDictionary(job.dictionary);
  if (!dict.ok) return dict;
  const board = Board.fromCells(config.value.layout.rows, config.value.layout.cols, job.cells);
  if (!board.ok) return board;
  const solver = EndgameSolver.create(config.value, dict.value);
  if (!solver.ok) return solver;
  return solver.value.solve(board.value, job.racks, {
    rootShard: { index, count },
    ...(job.maxDepth === undefined ? {} : { maxDepth: job.maxDepth }),
    ...(job.timeMs === undefined ? {} : { timeMs: job.timeMs }),
    ...(job.maxNodes === undefined ? {} : { maxNodes: job.maxNodes }),
  });
}

/**
 * Solves an endgame with its root split between `workers` threads: each searches every
 * `workers`-th root move (in generation order) with the full window; the best value wins, ties
 * going to the move generated first, as in a one-thread search, so an exact answer (value and
 * move) is the same whatever the number of workers. Nodes are summed; the result is exact when
 * every shard's is.
 */
export async function solveEndgameParallel(
  job: EndgameJob,
  workers: number,
): Promise<Result<EndgameResult, EngineError>> {
  const k = Math.max(1, Math.trunc(workers));
  if (k === 1) return solveEndgameShard(job, 0, 1);
  const parts = await Promise.all(
    Array.from(
      { length: k },
      (_, index) =>
        new Promise<Result<EndgameResult, EngineError>>((resolve) => {
          const worker = startWorker('endgame-worker', { job, index, count: k });
          worker.on('message', (m: Result<EndgameResult, EngineError>) => resolve(m));
          worker.on('error', (e) => resolve(err(engineError(Code.UNKNOWN_ERROR, { cause: String(e) }))));
        }),
    ),
  );
  let best: EndgameResult | undefined;
  let nodes = 0;
  let ms = 0;
  let exact = true;
  for (const part of parts) {
    if (!part.ok) return part;
    const r = part.value;
    nodes += r.nodes;
    ms = Math.max(ms, r.ms);
    exact &&= r.exact;
    if (r.rootIndex < 0) continue;
    if (best === undefined || r.value > best.value || (r.value === best.value && r.rootIndex < best.rootIndex))
      best = r;
  }
  if (best === undefined) return err(engineError(Code.BAD_QUERY, { cause: 'no shard found a move' }));
  return ok({ ...best, nodes, ms, exact });
}
