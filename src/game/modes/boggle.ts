import { castDraft, produce } from 'immer';
import { DICE_SETS, type DiceSet } from '../../boggle/dice.js';
import { rollGrid } from '../../boggle/grid.js';
import { scoreBoggleRound, validateBoggleMove, type BoggleWord } from '../../boggle/rules.js';
import { BoggleSolver } from '../../boggle/solver.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { err, ok, type Result } from '../../result.js';
import type { BoggleState, GameEvent, GameState, ModeContext } from '../types.js';
import type { Step } from './crossword.js';

function diceOf(ctx: ModeContext): DiceSet {
  return DICE_SETS[ctx.game.dice ?? 'new16'] as DiceSet;
}

function newRound(state: GameState, round: number, ctx: ModeContext): BoggleState {
  const grid = rollGrid(diceOf(ctx), state.settings.seed * 1000 + round, ctx.dictionary.alphabet);
  if (!grid.ok) throw new Error('built-in dice sets are valid');
  return { grid: grid.value, submissions: state.players.map(() => []) };
}

/** Rolls the first grid. */
export function startBoggleMode(state: GameState, ctx: ModeContext): Step {
  return ok({ state: produce(state, (s) => void (s.boggle = castDraft(newRound(state, 1, ctx)))), events: [] });
}

/** Checks a Boggle move against the round's grid (all its codes; 60000 is told apart so that game-state errors come first). */
export function checkBoggleMove(request: unknown, state: GameState, ctx: ModeContext): Result<BoggleWord, EngineError> {
  const b = state.boggle;
  if (b === undefined) {
    // Before the start: only the format can be checked.
    const shaped = typeof request === 'object' && request !== null && (Object.prototype.hasOwnProperty.call(request, 'path') || Object.prototype.hasOwnProperty.call(request, 'word'));
    return shaped ? err(engineError(Code.GAME_NOT_STARTED)) : err(engineError(Code.BAD_MOVES_FORMAT, { cause: 'a Boggle move needs a path or a word' }));
  }
  return validateBoggleMove(request, { grid: b.grid, dictionary: ctx.dictionary, alphabet: ctx.dictionary.alphabet });
}

/** Accepts a checked word; the same word twice from one player is 60112 (extension). */
export function bogglePlay(state: GameState, player: number, word: BoggleWord): Step {
  const b = state.boggle as BoggleState;
  if ((b.submissions[player] ?? []).some((w) => w.word === word.word)) return err(engineError(Code.WORD_ALREADY_SUBMITTED, { param: word.word }));
  const cols = b.grid.cols;
  const entry = { word: word.word, path: word.path.map((i) => [Math.floor(i / cols), i % cols] as [number, number]) };
  const id = (state.players[player] as { id: string }).id;
  return ok({
    state: produce(state, (s) => {
      ((s.boggle as { submissions: unknown[][] }).submissions[player] as unknown[]).push(entry);
    }),
    events: [{ type: 'submitted', player: id }],
  });
}

/** Closes a round: scores it (shared words cancelled when the game says so), reports the words possible, rolls the next grid. */
export function boggleClose(state: GameState, ctx: ModeContext): Step {
  const b = state.boggle as BoggleState;
  const scored = scoreBoggleRound(
    state.players.map((p, i) => ({ player: p.id, moves: (b.submissions[i] ?? []).map((w) => ({ path: w.path })) })),
    { grid: b.grid, dictionary: ctx.dictionary, alphabet: ctx.dictionary.alphabet },
    { cancelShared: ctx.game.cancelShared === true },
  );
  const solution = new BoggleSolver(ctx.dictionary).solveWords(b.grid);
  const over = state.turn >= (ctx.game.rounds ?? 3);
  const results = scored.map((r) => ({ player: r.player, score: r.score, move: r.counted.map((w) => w.word).join(' ') }));
  const events: GameEvent[] = [{ type: 'turn-closed', turn: state.turn, results, best: solution.longest.slice(0, 20) }];
  const s = produce(state, (g) => {
    g.boggle = castDraft(newRound(state, state.turn + 1, ctx));
    g.players.forEach((p, i) => {
      p.score += scored[i]?.score ?? 0;
    });
    g.turn += 1;
    if (over) g.status = 'over';
  });
  if (over) events.push({ type: 'game-over', reason: 'the last round is over', scores: s.players.map((p) => ({ player: p.id, score: p.score, adjustment: 0 })) });
  return ok({ state: s, events });
}
