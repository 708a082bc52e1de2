import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type AutoplayPlayer,
  type AutoplaySummary,
  Autoplayer,
  type PairResult,
  playPairs,
  summarizePairs,
} from '../autoplay/autoplay.js';
import { heuristicLeaves } from '../leaves/heuristic.js';
import { type GameConfig, presetConfig } from '../config/config.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { LeaveTable } from '../leaves/table.js';
import { EndgameSolver, PLAYER_ENDGAME_NODES } from '../endgame/endgame.js';
import { err, ok, type Result } from '../result.js';
import { defaultLeaveValues, dictionaryOrDefault } from './files.js';

/**
 * Autoplay on every core of one machine. The job is static (N mirrored pairs, known up front),
 * so it is split into one contiguous shard of pairs per worker thread (`node:worker_threads`:
 * a pool library would add queueing this job does not need); each worker rebuilds its players
 * from their specs and plays its pairs; the results are merged in pair order. A pair's seed
 * depends only on the run's seed and the pair's number, so the summary is the same, to the last
 * bit, whatever the number of workers.
 */

/** What a run needs: plain data, so that it crosses to workers (and, later, to other machines). */
export interface AutoplayJob {
  /** Mirrored pairs to play (games = 2 × pairs). */
  readonly pairs: number;
  readonly seed: number;
  /** Two player specs: `static` (best score), `leave` (the embedded learned table; with the bag empty, the endgame adjustment of `EndgameLeaves`), `heuristic` (the hand-written leave heuristic throughout, as the first players had it), `klv:FILE` (a KLV2/KLV1 leave table, with the endgame adjustment), `sim[:ITERATIONS[:CANDIDATES]][:infer]` (simulates each move with the embedded leaves, 200 iterations and 10 candidates by default, stopping earlier at 99 %; the endgame adjustment once the bag is empty; `:infer` infers the opponent's kept tiles from their last play); `+endgame[:NODES]` after any of them solves endgames once the bag is empty (50,000 nodes a move by default). */
  readonly players: readonly [string, string];
  /** A dictionary file; the embedded English dictionary when absent. */
  readonly dictionary?: string;
  /** Configuration preset name (default `en`). */
  readonly config?: string;
}

/** Builds the players and the autoplayer of a job (in this thread). */
export function prepareJob(job: AutoplayJob): Result<Autoplayer, EngineError> {
  const config = presetConfig(job.config ?? 'en');
  if (!config.ok) return config;
  const dict = dictionaryOrDefault(job.dictionary);
  if (!dict.ok) return dict;
  const players: AutoplayPlayer[] = [];
  for (const spec of job.players) {
    const player = playerFromSpec(spec, config.value, dict.value);
    if (!player.ok) return player;
    players.push(player.value);
  }
  return Autoplayer.create(config.value, dict.value, players);
}

/**
 * A player from its spec (see {@link AutoplayJob.players}): `static`, `leave`, `heuristic`,
 * `klv:FILE`, `sim[:ITERATIONS[:CANDIDATES]][:infer]`, each with an optional `+endgame[:NODES]`.
 * BAD_QUERY (90201) for an unknown spec, FILE_UNREADABLE and the leave reader's codes for a
 * `klv:` file.
 */
export function playerFromSpec(
  full: string,
  config: GameConfig,
  dictionary: Dictionary,
): Result<AutoplayPlayer, EngineError> {
  // `SPEC+endgame[:NODES]`: the same player, solving endgames (NODES nodes a move) once the bag is empty.
  const [spec = '', suffix] = full.split('+', 2);
  let endgame: { solver: EndgameSolver; nodes: number } | undefined;
  if (suffix !== undefined) {
    const m = /^endgame(?::(\d{1,9}))?$/.exec(suffix);
    if (m === null)
      return err(
        engineError(Code.BAD_QUERY, {
          param: full,
          cause: `unknown player ${JSON.stringify(full)}: SPEC+endgame or SPEC+endgame:NODES`,
        }),
      );
    const nodes = m[1] === undefined ? PLAYER_ENDGAME_NODES : Number(m[1]);
    const solver = EndgameSolver.create(config, dictionary, { tableBits: EndgameSolver.tableBitsFor(nodes) });
    if (!solver.ok) return solver;
    endgame = { solver: solver.value, nodes };
  }
  const withEndgame = (p: AutoplayPlayer): Result<AutoplayPlayer, EngineError> =>
    ok(endgame === undefined ? p : { ...p, name: full, endgame: endgame.solver, endgameNodes: endgame.nodes });
  if (spec === 'static') return withEndgame({ name: spec });
  if (spec === 'heuristic') return withEndgame({ name: spec, leaves: heuristicLeaves(config) });
  if (/^sim(?::\d{1,7}(?::\d{1,3})?)?(?::infer)?$/.test(spec)) {
    // `sim[:ITERATIONS[:CANDIDATES]][:infer]`: simulates every move while the bag has tiles (200 iterations and 10 candidates at most by default), with the embedded leaves; `:infer` infers the opponent's kept tiles from their last play.
    const leaves = defaultLeaveValues(config);
    if (!leaves.ok) return leaves;
    const infer = spec.endsWith(':infer');
    const [, it = '200', cands = '10'] = (infer ? spec.slice(0, -':infer'.length) : spec).split(':');
    const iterations = Number(it);
    const candidates = Number(cands);
    if (!(iterations >= 1 && candidates >= 1 && candidates <= 100))
      return err(
        engineError(Code.BAD_QUERY, {
          param: spec,
          cause: 'sim:ITERATIONS:CANDIDATES takes at least 1 iteration and 1 to 100 candidates',
        }),
      );
    return withEndgame({
      name: spec,
      leaves: leaves.value,
      endgameEquity: true,
      sim: { options: { iterations, candidates, minIterations: Math.min(16, iterations), checkEvery: 16 }, infer },
    });
  }
  if (spec === 'leave') {
    const leaves = defaultLeaveValues(config);
    if (!leaves.ok) return leaves;
    return withEndgame({ name: spec, leaves: leaves.value, endgameEquity: true });
  }
  if (spec.startsWith('klv:')) {
    const file = spec.slice(4);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      return err(engineError(Code.FILE_UNREADABLE, { param: file, cause: (e as Error).message }));
    }
    const table = LeaveTable.fromKlv(bytes, config.alphabet.size);
    if (!table.ok) return err({ ...table.error, cause: `${file}: ${table.error.cause ?? table.error.message}` });
    return withEndgame({ name: spec, leaves: table.value, endgameEquity: true });
  }
  return err(
    engineError(Code.BAD_QUERY, {
      param: spec,
      cause: `unknown player ${JSON.stringify(spec)}: static, leave, heuristic, klv:FILE or sim[:ITERATIONS[:CANDIDATES]][:infer] (each may end with +endgame)`,
    }),
  );
}

/** Runs a job on `workers` threads (1: in this thread); `onPairs` reports progress (pairs done). */
export async function runAutoplay(
  job: AutoplayJob,
  workers = 1,
  onPairs?: (done: number) => void,
): Promise<Result<AutoplaySummary, EngineError>> {
  const prepared = prepareJob(job);
  if (!prepared.ok) return prepared;
  if (workers <= 1 || job.pairs < 2) {
    let done = 0;
    const pairs = playPairs(prepared.value, job.seed, 0, job.pairs, () => onPairs?.(++done));
    return ok(summarizePairs(pairs));
  }
  const k = Math.min(workers, job.pairs);
  const shards: Promise<PairResult[]>[] = [];
  let done = 0;
  for (let w = 0; w < k; w++) {
    const from = Math.floor((job.pairs * w) / k);
    const to = Math.floor((job.pairs * (w + 1)) / k);
    shards.push(
      new Promise((resolve, reject) => {
        const worker = startWorker('autoplay-worker', { job, from, to });
        worker.on('message', (m: { done?: number; pairs?: PairResult[]; error?: EngineError }) => {
          if (m.done !== undefined) onPairs?.((done += m.done));
          else if (m.error !== undefined) reject(m.error);
          else if (m.pairs !== undefined) resolve(m.pairs);
        });
        worker.on('error', reject);
        worker.on(
          'exit',
          (code) =>
            code !== 0 &&
            reject(engineError(Code.UNKNOWN_ERROR, { cause: `an autoplay worker exited with code ${code}` })),
        );
      }),
    );
  }
  try {
    const parts = await Promise.all(shards);
    return ok(summarizePairs(parts.flat()));
  } catch (e) {
    const error = e as EngineError;
    return err(typeof error?.code === 'number' ? error : engineError(Code.UNKNOWN_ERROR, { cause: String(e) }));
  }
}

/**
 * Starts a worker thread on a module beside this one (`autoplay-worker`, `leaves-worker`): the
 * `.js` file when built; from the sources (development, through tsx) the `.ts` file, after
 * registering tsx's loader in the thread.
 * @internal (its `Worker` type would make the declarations need `@types/node`)
 */
export function startWorker(module: string, data: unknown): Worker {
  const here = import.meta.url;
  const fromSources = here.endsWith('.ts');
  const url = new URL(`./${module}${fromSources ? '.ts' : '.js'}`, here);
  if (!fromSources) return new Worker(url, { workerData: data });
  // tsx's ESM API as this module resolves it (through tsx's exports map), not from the working
  // directory, which may be any folder.
  const require = createRequire(here);
  const manifest = require.resolve('tsx/package.json');
  const api = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'];
  const tsx = pathToFileURL(join(dirname(manifest), api?.import.default ?? 'dist/esm/api/index.mjs')).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`,
    { eval: true, workerData: data },
  );
}
