import { DICE_SETS, type DiceSet } from '../../boggle/dice.js';
import { rollGrid } from '../../boggle/grid.js';
import { scoreBoggleRound, validateBoggleMove, type BoggleWord } from '../../boggle/rules.js';
import { BoggleSolver } from '../../boggle/solver.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { err, ok, type Result } from '../../result.js';
import { EventLog } from '../log.js';
import type { BoggleEntry, BoggleState, GameEvent, GameState, ModeContext } from '../types.js';
import type { Step } from './crossword.js';

/** The most words a Boggle game records (all players, all rounds), so that its history stays small. */
export const MAX_BOGGLE_WORDS = 4000;

/**
 * The words a player may submit in a round: {@link MAX_BOGGLE_WORDS} shared out between the
 * players and rounds (666 with 2 players and 3 rounds, more than any 4×4 or 5×5 grid of the
 * shipped sets holds; 20 with 64 players).
 */
export function boggleWordLimit(players: number, ctx: ModeContext): number {
  return Math.floor(MAX_BOGGLE_WORDS / (Math.max(1, players) * Math.max(1, ctx.game.rounds ?? 3)));
}

const solvers = new WeakMap<object, BoggleSolver>();

/** One solver per dictionary (its graph and warm-up are built once). */
function solverFor(ctx: ModeContext): BoggleSolver {
  let s = solvers.get(ctx.dictionary);
  if (s === undefined) {
    s = new BoggleSolver(ctx.dictionary);
    solvers.set(ctx.dictionary, s);
  }
  return s;
}

/** The dice set of a Boggle game. */
export function diceOf(ctx: ModeContext): DiceSet {
  return DICE_SETS[ctx.game.dice ?? 'new16'] as DiceSet;
}

/** The grid of round `round` (1-based): rolled from the game's seed and the round. */
export function boggleRound(state: GameState, round: number, ctx: ModeContext): BoggleState {
  const grid = rollGrid(diceOf(ctx), state.settings.seed * 1000 + round, ctx.dictionary.alphabet);
  if (!grid.ok) throw new Error('the built-in dice sets are valid');
  return Object.freeze({
    grid: grid.value,
    submissions: Object.freeze(state.players.map(() => EventLog.of<BoggleEntry>([]))),
  });
}

/** Rolls the first grid. */
export function startBoggleMode(state: GameState, ctx: ModeContext): Step {
  return ok({ state: Object.freeze({ ...state, boggle: boggleRound(state, 1, ctx) }), events: [] });
}

/** Checks a Boggle move against the round's grid (all its codes; 60000 is told apart so that game-state errors come first). */
export function checkBoggleMove(request: unknown, state: GameState, ctx: ModeContext): Result<BoggleWord, EngineError> {
  const b = state.boggle;
  if (b === undefined) {
    // Before the start: only the format can be checked.
    const shaped =
      typeof request === 'object' &&
      request !== null &&
      (Object.prototype.hasOwnProperty.call(request, 'path') || Object.prototype.hasOwnProperty.call(request, 'word'));
    return shaped
      ? err(engineError(Code.GAME_NOT_STARTED))
      : err(engineError(Code.BAD_MOVES_FORMAT, { cause: 'a Boggle move needs a path or a word' }));
  }
  return validateBoggleMove(request, { grid: b.grid, dictionary: ctx.dictionary, alphabet: ctx.dictionary.alphabet });
}

const wordOf = (e: BoggleEntry): string => e.word;

/**
 * Accepts a checked word; the same word twice from one player is 60112, a word beyond the
 * round's limit ({@link boggleWordLimit}) 60113 (extensions). O(1) in the words already found.
 */
export function bogglePlay(state: GameState, player: number, word: BoggleWord, ctx: ModeContext): Step {
  const b = state.boggle as BoggleState;
  const found = b.submissions[player] as EventLog<BoggleEntry>;
  if (found.includesKey(word.word, wordOf)) return err(engineError(Code.WORD_ALREADY_SUBMITTED, { param: word.word }));
  const limit = boggleWordLimit(state.players.length, ctx);
  if (found.length >= limit) return err(engineError(Code.TOO_MANY_WORDS, { param: limit }));
  const cols = b.grid.cols;
  const path = Object.freeze(word.path.map((i) => Object.freeze([Math.floor(i / cols), i % cols] as const)));
  const entry: BoggleEntry = Object.freeze({ word: word.word, path });
  const submissions = Object.freeze(b.submissions.map((s, i) => (i === player ? s.append([entry]) : s)));
  const id = (state.players[player] as { id: string }).id;
  return ok({
    state: Object.freeze({ ...state, boggle: Object.freeze({ ...b, submissions }) }),
    events: [{ type: 'found', player: id, word: entry.word, path }],
  });
}

/** Closes a round: scores it (shared words cancelled when the game says so), reports the words possible, rolls the next grid. */
export function boggleClose(state: GameState, ctx: ModeContext): Step {
  const b = state.boggle as BoggleState;
  const scored = scoreBoggleRound(
    state.players.map((p, i) => ({
      player: p.id,
      moves: (b.submissions[i]?.toArray() ?? []).map((w) => ({ path: w.path })),
    })),
    { grid: b.grid, dictionary: ctx.dictionary, alphabet: ctx.dictionary.alphabet },
    { cancelShared: ctx.game.cancelShared === true, maxMoves: Number.MAX_SAFE_INTEGER },
  );
  const solution = solverFor(ctx).solveWords(b.grid);
  const over = state.turn >= (ctx.game.rounds ?? 3);
  const results = scored.map((r) => ({
    player: r.player,
    score: r.score,
    move: r.counted.map((w) => w.word).join(' '),
  }));
  const events: GameEvent[] = [{ type: 'turn-closed', turn: state.turn, results, best: solution.longest.slice(0, 20) }];
  const players = Object.freeze(
    state.players.map((p, i) => Object.freeze({ ...p, score: p.score + (scored[i]?.score ?? 0) })),
  );
  const s: GameState = Object.freeze({
    ...state,
    boggle: boggleRound(state, state.turn + 1, ctx),
    players,
    turn: state.turn + 1,
    status: over ? 'over' : state.status,
  });
  if (over)
    events.push({
      type: 'game-over',
      reason: 'the last round is over',
      scores: players.map((p) => ({ player: p.id, score: p.score, adjustment: 0 })),
    });
  return ok({ state: s, events });
}
