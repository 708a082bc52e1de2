/**
 * How a turn is graded: by the win chance its move gave up against the best move found, at the
 * deepest evaluation the analysis ran (an exact endgame, a pre-endgame, a simulation, or the
 * static equity turned into a win chance by the win model). The thresholds are lichess's (a
 * loss of 0.1, 0.2 and 0.3 in its winning chances, which run from -1 to 1: 5, 10 and 15 points
 * of win chance, `lila/modules/analyse/src/main/Advice.scala`), the one documented grading of
 * moves by win chance among the strong analysers; docs/analysis.md says why they suit this game.
 */
export const VERDICT_THRESHOLDS = Object.freeze({ inaccuracy: 0.05, mistake: 0.1, blunder: 0.15 });

/**
 * The grades, best first: `best` (the best move found, or one as good: no equity or win chance
 * lost), `good` (less than an inaccuracy), then `inaccuracy`, `mistake`, `blunder`.
 */
export const VERDICTS = ['best', 'good', 'inaccuracy', 'mistake', 'blunder'] as const;

/** A turn's grade. */
export type Verdict = (typeof VERDICTS)[number];

/** Equity differences below this are ties (sums of leave values in floating point). */
export const EQUITY_EPSILON = 1e-6;

/** The grade of a move that gave up `winLoss` (0..1) and `equityLoss` points against the best. */
export function verdictOf(winLoss: number, equityLoss: number): Verdict {
  if (winLoss >= VERDICT_THRESHOLDS.blunder) return 'blunder';
  if (winLoss >= VERDICT_THRESHOLDS.mistake) return 'mistake';
  if (winLoss >= VERDICT_THRESHOLDS.inaccuracy) return 'inaccuracy';
  return equityLoss <= EQUITY_EPSILON && winLoss <= 0 ? 'best' : 'good';
}

/** The result of a finished game from a final spread: 1 a win, ½ a tie, 0 a loss. */
export function outcome(spread: number): number {
  return spread > 0 ? 1 : spread < 0 ? 0 : 0.5;
}
