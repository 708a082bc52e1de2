import { appendFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { builtinEngine } from '../match/builtin.js';
import type { MatchEngine } from '../match/engine.js';
import type { MatchGame } from '../match/game.js';
import { type MatchSummary, type PairRecord, playMatch } from '../match/match.js';
import { err, ok, type Result } from '../result.js';
import { playerFromSpec } from './autoplay.js';
import { externalEngine } from './external-engine.js';
import { dictionaryOrDefault } from './files.js';

/** A match as plain data: what `wordgame match` runs and what its log's first line records. */
export interface MatchJob {
  /**
   * The two engines: a built-in player spec (as autoplay's: `static`, `leave`, `klv:FILE`,
   * `sim[:ITERATIONS[:CANDIDATES]]`, each with `+endgame[:NODES]`), or `cmd:PROGRAM ARG…`, an
   * external program (split at spaces) speaking the match protocol.
   */
  readonly engines: readonly [string, string];
  /** Mirrored pairs to play (games = 2 × pairs). */
  readonly pairs: number;
  readonly seed: number;
  /** A dictionary file the moves are checked against (default: the embedded English dictionary). */
  readonly dictionary?: string;
  /** Configuration preset (default `en`). */
  readonly config?: string;
  /** The lexicon's name, given to the engines as the `lex` operation. */
  readonly lexicon?: string;
  /** Milliseconds a move may take (the `mt` operation; the time budget of built-in simulating players). */
  readonly budgetMs?: number;
  /** Milliseconds an external engine may take beyond the budget before it counts as timed out (default 10,000). */
  readonly graceMs?: number;
}

/** The first line of a match log: the job but its number of pairs, so that a resumed (or lengthened) match is the same match. */
interface LogHeader {
  readonly match: 1;
  readonly job: Omit<MatchJob, 'pairs'>;
}

/** Options of {@link runMatch}. */
export interface RunMatchOptions {
  /** A JSON-lines log: the job, then one line a pair (its figures and each game's moves). An existing log of the same job is resumed. */
  readonly log?: string;
  /** Called after each pair (pairs done, counting those resumed from the log). */
  readonly onPair?: (done: number) => void;
  /** Where external engines' standard error goes (default: ignored). */
  readonly stderr?: 'ignore' | 'inherit';
}

/**
 * Runs a match between two engines in this process (external engines as child processes),
 * pairs one after another. With a log, each pair is appended as it ends; run again with the same
 * log and job, the match goes on where it stopped (a line cut short by a crash is dropped and
 * its pair played again), and with more pairs it plays the ones not yet played. A log of
 * another job (other engines, seed, dictionary, budget…) is refused (BAD_QUERY, 90201).
 */
export async function runMatch(
  job: MatchJob,
  options: RunMatchOptions = {},
): Promise<Result<MatchSummary, EngineError>> {
  const config = presetConfig(job.config ?? 'en');
  if (!config.ok) return config;
  const dictionary = dictionaryOrDefault(job.dictionary);
  if (!dictionary.ok) return dictionary;
  const done = options.log === undefined ? ok<PairRecord[]>([]) : openLog(options.log, job);
  if (!done.ok) return done;
  const engines: MatchEngine[] = [];
  const closeAll = () => Promise.all(engines.map((e) => e.close()));
  for (const spec of job.engines) {
    let engine: Result<MatchEngine, EngineError>;
    if (spec.startsWith('cmd:')) {
      const [command = '', ...args] = spec.slice(4).trim().split(/\s+/);
      engine =
        command === ''
          ? err(engineError(Code.BAD_QUERY, { param: spec, cause: 'cmd:PROGRAM ARG…: the program is missing' }))
          : await externalEngine({
              command,
              args,
              name: spec.slice(4).trim(),
              ...(job.graceMs === undefined ? {} : { graceMs: job.graceMs }),
              ...(options.stderr === undefined ? {} : { stderr: options.stderr }),
            });
    } else {
      const player = playerFromSpec(spec, config.value, dictionary.value);
      engine = player.ok ? builtinEngine(config.value, dictionary.value, player.value) : player;
    }
    if (!engine.ok) {
      await closeAll();
      return engine;
    }
    engines.push(engine.value);
  }
  let count = done.value.length;
  const result = await playMatch(engines as [MatchEngine, MatchEngine], {
    config: config.value,
    dictionary: dictionary.value,
    seed: job.seed,
    pairs: job.pairs,
    done: done.value,
    ...(job.lexicon === undefined ? {} : { lexicon: job.lexicon }),
    ...(job.budgetMs === undefined ? {} : { budgetMs: job.budgetMs }),
    onPair: (record, games) => {
      if (options.log !== undefined) appendFileSync(options.log, JSON.stringify(logLine(record, games)) + '\n');
      options.onPair?.(++count);
    },
  });
  await closeAll();
  return result;
}

/** A pair's log line: its record and, for each game, how it ended and its moves (illegal ones with their error). */
function logLine(record: PairRecord, games: readonly MatchGame[]): unknown {
  return {
    ...record,
    games: games.map((g) => ({
      end: g.end,
      scores: g.scores,
      moves: g.turns.map((t) => t.move),
      ...(g.illegal[0] + g.illegal[1] > 0
        ? { illegal: g.turns.flatMap((t, i) => (t.error === undefined ? [] : [{ turn: i + 1, ...t.error }])) }
        : {}),
    })),
  };
}

/** Reads a log's pairs (writing its header when it is new); refuses a log of another job. */
function openLog(file: string, job: MatchJob): Result<PairRecord[], EngineError> {
  const { pairs: _pairs, ...same } = job;
  const header: LogHeader = { match: 1, job: same };
  const bad = (cause: string) => err(engineError(Code.BAD_QUERY, { param: file, cause }));
  try {
    if (!existsSync(file)) {
      writeFileSync(file, JSON.stringify(header) + '\n');
      return ok([]);
    }
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // The last line without its newline was cut short: drop it (its pair is played again).
    const torn = lines.pop() as string;
    if (torn !== '') truncateSync(file, Buffer.byteLength(text) - Buffer.byteLength(torn));
    const first = lines[0];
    if (first === undefined) {
      writeFileSync(file, JSON.stringify(header) + '\n');
      return ok([]);
    }
    if (first !== JSON.stringify(header)) return bad(`the log is of another match: ${first.slice(0, 300)}`);
    const records: PairRecord[] = [];
    for (const [i, line] of lines.slice(1).entries()) {
      const record = readRecord(line);
      if (record === undefined) return bad(`line ${i + 2} is not a pair record`);
      records.push(record);
    }
    return ok(records);
  } catch (e) {
    return err(engineError(Code.FILE_UNREADABLE, { param: file, cause: (e as Error).message }));
  }
}

/** A log line's pair record, checked (a log is outside input), or undefined. */
function readRecord(line: string): PairRecord | undefined {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof r !== 'object' || r === null) return undefined;
  const o = r as Record<string, unknown>;
  if (!Number.isSafeInteger(o.pair) || (o.pair as number) < 0) return undefined;
  const pair = o.pair as number;
  if (typeof o.void === 'string') return { pair, void: o.void };
  const x = o.result as Record<string, unknown> | null;
  if (typeof x !== 'object' || x === null) return undefined;
  const two = (v: unknown): v is [number, number] =>
    Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  if (![x.spreads, x.points, x.bingos, x.illegal, x.ms, x.moves].every(two) || !Number.isSafeInteger(x.turns))
    return undefined;
  const get = (k: string) => x[k] as [number, number];
  return {
    pair,
    result: {
      spreads: get('spreads'),
      points: get('points'),
      bingos: get('bingos'),
      turns: x.turns as number,
      illegal: get('illegal'),
      ms: get('ms'),
      moves: get('moves'),
    },
  };
}
