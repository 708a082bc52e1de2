import { type AutoplaySummary, type PairResult, pairSeed, summarizePairs } from '../autoplay/autoplay.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import type { MatchEngine } from './engine.js';
import { type MatchGame, type MatchGameOptions, playMatchGame } from './game.js';

/** A pair's figures: autoplay's, plus what only a match between engines has. */
export interface MatchPairResult extends PairResult {
  /** Illegal moves of each engine over the two games. */
  readonly illegal: readonly [number, number];
  /** Milliseconds each engine took over the two games, and its moves. */
  readonly ms: readonly [number, number];
  readonly moves: readonly [number, number];
}

/** One pair as a match log keeps it: its figures, or why it was voided (an engine's fault). */
export type PairRecord =
  { readonly pair: number; readonly result: MatchPairResult } | { readonly pair: number; readonly void: string };

/** Options of {@link playMatch}. */
export interface MatchOptions extends MatchGameOptions {
  /** Pair p plays the deal of `pairSeed(seed, p)` twice, seats swapped (autoplay's pairs). */
  readonly seed: number;
  readonly pairs: number;
  /** Pairs already played (read back from a log): kept as they are, not played again. */
  readonly done?: readonly PairRecord[];
  /** Called after each pair, with its games (to log it) before the next starts. */
  readonly onPair?: (record: PairRecord, games: readonly MatchGame[]) => void | Promise<void>;
  /** Pairs voided in a row after which the match stops with ENGINE_FAILED (default 3). */
  readonly maxVoidsInRow?: number;
}

/** A match's figures, from engine 0's side: autoplay's summary of the pairs played, and the rest. */
export interface MatchSummary extends AutoplaySummary {
  /** Pairs voided by an engine's fault (not in the figures). */
  readonly voided: number;
  /** Illegal moves of each engine, in all. */
  readonly illegal: readonly [number, number];
  /** Each engine's mean milliseconds a move. */
  readonly msPerMove: readonly [number, number];
}

/**
 * Plays a match of mirrored pairs between two engines: pair p is the deal of `pairSeed(seed, p)`
 * with engine 0 first, then the same deal with engine 1 first. The figures are autoplay's
 * ({@link summarizePairs}, pairs in order), so two deterministic built-in engines give
 * autoplay's summary for the same seed. When an engine faults (timeout, crash), it is
 * restarted and the pair is voided; `maxVoidsInRow` voided pairs in a row, or an engine that
 * does not restart, stop the match with ENGINE_FAILED (90600; param: the engine's name). Pairs
 * in `done` are skipped, so a match resumes from its log.
 */
export async function playMatch(
  engines: readonly [MatchEngine, MatchEngine],
  options: MatchOptions,
): Promise<Result<MatchSummary, EngineError>> {
  const records = new Map<number, PairRecord>();
  for (const r of options.done ?? []) if (r.pair >= 0 && r.pair < options.pairs) records.set(r.pair, r);
  const maxVoids = options.maxVoidsInRow ?? 3;
  let voidsInRow = 0;
  for (let p = 0; p < options.pairs; p++) {
    if (records.has(p)) continue;
    const seed = pairSeed(options.seed, p);
    const games: MatchGame[] = [];
    let record: PairRecord | undefined;
    for (let rotate = 0; rotate < 2 && record === undefined; rotate++) {
      const game = await playMatchGame(engines, seed, rotate, options);
      if (game.ok) {
        games.push(game.value);
        continue;
      }
      const { engine, turn, fault } = game.error;
      const name = (engines[engine] as MatchEngine).name;
      record = { pair: p, void: `${name}: ${fault.kind} at turn ${turn + 1} of game ${rotate + 1} (${fault.detail})` };
      const restarted = await (engines[engine] as MatchEngine).restart();
      if (!restarted.ok)
        return err(
          engineError(Code.ENGINE_FAILED, {
            param: name,
            cause: `${name} did not restart after a ${fault.kind}: ${restarted.error.detail}`,
          }),
        );
    }
    record ??= { pair: p, result: pairOf(games[0] as MatchGame, games[1] as MatchGame) };
    records.set(p, record);
    await options.onPair?.(record, games);
    if ('void' in record) {
      if (++voidsInRow >= maxVoids)
        return err(
          engineError(Code.ENGINE_FAILED, {
            param: record.void.slice(0, record.void.indexOf(':')),
            cause: `${voidsInRow} pairs in a row voided; the last: ${record.void}`,
          }),
        );
    } else voidsInRow = 0;
  }
  return ok(summarizeMatch([...records.values()].sort((a, b) => a.pair - b.pair)));
}

/** The figures of a pair's two games (engine 0 first, then engine 1 first). */
function pairOf(a: MatchGame, b: MatchGame): MatchPairResult {
  const moves = (g: MatchGame, e: number) => g.turns.reduce((n, t) => n + (t.engine === e ? 1 : 0), 0);
  return {
    spreads: [a.scores[0] - a.scores[1], b.scores[0] - b.scores[1]],
    points: [a.scores[0] + b.scores[0], a.scores[1] + b.scores[1]],
    bingos: [a.bingos[0] + b.bingos[0], a.bingos[1] + b.bingos[1]],
    turns: a.turns.length + b.turns.length,
    illegal: [a.illegal[0] + b.illegal[0], a.illegal[1] + b.illegal[1]],
    ms: [a.ms[0] + b.ms[0], a.ms[1] + b.ms[1]],
    moves: [moves(a, 0) + moves(b, 0), moves(a, 1) + moves(b, 1)],
  };
}

/** A match's summary from its pair records (in pair order). */
export function summarizeMatch(records: readonly PairRecord[]): MatchSummary {
  const played: MatchPairResult[] = [];
  let voided = 0;
  for (const r of records) {
    if ('void' in r) voided++;
    else played.push(r.result);
  }
  const illegal: [number, number] = [0, 0];
  const ms: [number, number] = [0, 0];
  const moves: [number, number] = [0, 0];
  for (const r of played)
    for (const e of [0, 1] as const) {
      illegal[e] += r.illegal[e];
      ms[e] += r.ms[e];
      moves[e] += r.moves[e];
    }
  return {
    ...summarizePairs(played),
    voided,
    illegal,
    msPerMove: [moves[0] === 0 ? 0 : ms[0] / moves[0], moves[1] === 0 ? 0 : ms[1] / moves[1]],
  };
}
