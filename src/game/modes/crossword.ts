import { Board, type Placement } from '../../board/board.js';
import { BLANK, type Tile } from '../../config/letterset.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { MoveGenerator } from '../../movegen/generator.js';
import { bestPlay } from '../../movegen/search.js';
import { formatPlay } from '../../notation/move.js';
import { formatTiles } from '../../notation/tokens.js';
import { err, ok, type Result } from '../../result.js';
import { PERMISSIVE } from '../../rules/lookup.js';
import { readMove, validateMove } from '../../rules/crossword.js';
import { checkTrade } from '../../rules/trade.js';
import { type Bag, drawTiles, fullBag, returnTiles } from '../../state/bag.js';
import { type Hand, makeHand, removeTiles } from '../../state/hand.js';
import { handTileOf } from '../../state/state.js';
import {
  applyClassicPass,
  applyClassicPlay,
  applyClassicTrade,
  finishClassic,
  forfeitClassic,
  startClassic,
  type ClassicState,
} from '../classic.js';
import {
  applyChallengeablePlay,
  challengeOutcome,
  closeWindow,
  upholdPlay,
  withdrawPlay,
  withoutPending,
} from '../challenges.js';
import { addIncrement, runClock, startClock, timePenalties } from '../clock.js';
import { addScores } from '../../state/state.js';
import type {
  DuplicateState,
  DuplicateSubmission,
  GameEvent,
  GameState,
  ModeContext,
  PlayerState,
  TurnResult,
} from '../types.js';

/** What a mode step returns: the new state (its history not yet extended) and what happened. */
export type Step = Result<{ state: GameState; events: GameEvent[] }, EngineError>;

/** The id of player `i`. */
function idOf(state: GameState, i: number): string {
  return (state.players[i] as PlayerState).id;
}

/** The next player at or after `from` who is still in the game (`from` when everyone left). */
function nextPresent(players: readonly PlayerState[], from: number): number {
  const n = players.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if (players[i]?.left !== true) return i;
  }
  return from;
}

/**
 * Stores a classic state in the game: player scores follow it, players who left are skipped (the
 * next player present may challenge a play open to a challenge; when nobody but its player is
 * left to, the window closes: a play that went out ends the game).
 */
function withClassic(state: GameState, next: ClassicState, ctx: ModeContext): GameState {
  let classic = next;
  const p = classic.pending;
  if (!classic.over && p !== undefined && nextPresent(state.players, classic.toMove) === p.player)
    classic = closeWindow(classic, ctx.config);
  classic = withPenalties(state, classic);
  const to = classic.over ? classic.toMove : nextPresent(state.players, classic.toMove);
  const stored = to === classic.toMove ? classic : Object.freeze({ ...classic, toMove: to });
  const players = Object.freeze(
    state.players.map((p, i) =>
      p.score === (classic.tiles.scores[i] ?? 0) ? p : Object.freeze({ ...p, score: classic.tiles.scores[i] ?? 0 }),
    ),
  );
  return Object.freeze({ ...state, classic: stored, players, status: classic.over ? 'over' : state.status });
}

/** A game with clocks that just ended: each player's overtime penalty, added to the scores. */
function withPenalties(state: GameState, classic: ClassicState): ClassicState {
  const settings = state.settings.clock;
  if (!classic.over || classic.clock === undefined || settings === undefined || classic.penalties !== undefined)
    return classic;
  const penalties = Object.freeze(timePenalties(classic.clock, settings));
  return Object.freeze({ ...classic, penalties, tiles: addScores(classic.tiles, penalties) });
}

/** Why a classic game ended, in words. */
function endReasonText(state: GameState, classic: ClassicState): string {
  const loser = classic.forfeited === undefined ? '' : idOf(state, classic.forfeited);
  switch (classic.endReason) {
    case 'out':
      return 'a player went out';
    case 'resigned':
      return `${loser} resigned`;
    case 'challenge':
      return `${loser} lost a triple challenge`;
    case 'time':
      return `${loser} ran out of time`;
    default:
      return 'six scoreless turns';
  }
}

/** The game-over event of a finished classic game (its stored state: penalties included). */
function gameOverEvent(state: GameState, ctx: ModeContext): GameEvent {
  const classic = state.classic as ClassicState;
  return {
    type: 'game-over',
    reason: endReasonText(state, classic),
    scores: state.players.map((p, i) => ({
      player: p.id,
      score: classic.tiles.scores[i] ?? 0,
      adjustment: classic.adjustments[i] ?? 0,
      rack: formatTiles(classic.tiles.hands[i] ?? [], ctx.config.alphabet),
      ...(classic.penalties === undefined ? {} : { penalty: classic.penalties[i] ?? 0 }),
    })),
    // After the scores: the key order of the stored form (a replay compares the two).
    ...(classic.forfeited === undefined ? {} : { forfeited: idOf(state, classic.forfeited) }),
  };
}

/** The step of a classic state change: the event, and the end of the game when it came. */
function classicStep(state: GameState, next: ClassicState, event: GameEvent, ctx: ModeContext): Step {
  // A move made: the turn number counts moves in a classic game (the number of the next move);
  // with clocks, the mover's increment.
  const mover = (state.classic as ClassicState).toMove;
  const clockSettings = state.settings.clock;
  const timed =
    next.clock === undefined || clockSettings === undefined
      ? next
      : Object.freeze({ ...next, clock: addIncrement(next.clock, mover, clockSettings) });
  const s = withClassic(Object.freeze({ ...state, turn: state.turn + 1 }), timed, ctx);
  return ok({ state: s, events: s.status === 'over' ? [event, gameOverEvent(s, ctx)] : [event] });
}

// ---- classic ---------------------------------------------------------------------------------

/** Deals the hands of a classic game; with clocks, the first player's time runs from `at`. */
export function startClassicMode(state: GameState, ctx: ModeContext, at = 0): GameState {
  const classic = startClassic(ctx.config, state.players.length, state.settings.seed);
  const clock = state.settings.clock;
  return withClassic(
    state,
    clock === undefined ? classic : Object.freeze({ ...classic, clock: startClock(state.players.length, clock, at) }),
    ctx,
  );
}

/** The clocks of a running classic game run up to `at` (the player to move's time). */
export function classicClockAt(state: GameState, at: number): GameState {
  const c = state.classic as ClassicState;
  if (c.clock === undefined) return state;
  return Object.freeze({ ...state, classic: Object.freeze({ ...c, clock: runClock(c.clock, c.toMove, at) }) });
}

/** The player to move's overtime ran out at `at`: they lose the game on time. */
export function classicTimeout(state: GameState, at: number, ctx: ModeContext): Step {
  const timed = classicClockAt(state, at);
  const c = timed.classic as ClassicState;
  const classic = forfeitClassic(c, c.toMove, 'time');
  const s = withClassic(timed, classic, ctx);
  return ok({
    state: s,
    events: [{ type: 'timed-out', player: idOf(state, c.toMove), at }, gameOverEvent(s, ctx)],
  });
}

/** 60000 for a malformed crossword move (checked before the game state). */
export function readCrosswordMove(
  request: unknown,
  state: GameState,
  ctx: ModeContext,
): Result<Placement[], EngineError> {
  const board =
    state.classic?.tiles.board ?? state.duplicate?.board ?? Board.empty(ctx.config.layout.rows, ctx.config.layout.cols);
  return readMove(request, { board, hand: [], config: ctx.config, dictionary: ctx.dictionary });
}

/**
 * The classic state a move of the player to move starts from: a play open to a challenge is no
 * longer; CHALLENGE_OR_PASS when that play went out (only a challenge or a pass may follow it).
 */
function moveOn(classic: ClassicState): Result<ClassicState, EngineError> {
  if (classic.pending?.wentOut === true)
    return err(
      engineError(Code.CHALLENGE_OR_PASS, { cause: 'the last play went out: challenge it, or pass to end the game' }),
    );
  return ok(withoutPending(classic));
}

/**
 * A classic play by the player to move (60002 otherwise), checked by the validator. Under a
 * challenge rule other than void, a play whose words are not all in the dictionary (60108) is
 * accepted (every other rule still applies) and stays open to a challenge, its phony status
 * hidden in the state.
 */
export function classicPlay(state: GameState, player: number, request: unknown, ctx: ModeContext): Step {
  const current = state.classic as ClassicState;
  if (current.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const open = moveOn(current);
  if (!open.ok) return open;
  const classic = open.value;
  const hand = classic.tiles.hands[player] ?? [];
  const rule = state.settings.challengeRule;
  const against = { board: classic.tiles.board, hand, config: ctx.config };
  let m = validateMove(request, { ...against, dictionary: ctx.dictionary });
  const phony = rule !== undefined && !m.ok && m.error.code === Code.INCORRECT_WORDS;
  if (phony) m = validateMove(request, { ...against, dictionary: PERMISSIVE });
  if (!m.ok) return m;
  const next =
    rule === undefined
      ? applyClassicPlay(classic, ctx.config, m.value.placements, m.value.score)
      : applyChallengeablePlay(classic, ctx.config, m.value.placements, m.value.score, phony);
  if (next === undefined) return err(engineError(Code.UNKNOWN_ERROR, { cause: 'the hand lost its tiles' }));
  const notation = formatPlay(m.value.placements, classic.tiles.board, ctx.config.alphabet);
  const event: GameEvent = {
    type: 'played',
    player: idOf(state, player),
    rack: formatTiles(hand, ctx.config.alphabet),
    move: notation.ok ? notation.value : '',
    score: m.value.score,
    words: m.value.words.map((w) => w.word),
  };
  return classicStep(state, next, event, ctx);
}

/** A classic trade (60002, then the trade rules). */
export function classicTrade(state: GameState, player: number, tiles: readonly Tile[], ctx: ModeContext): Step {
  const current = state.classic as ClassicState;
  if (current.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const open = moveOn(current);
  if (!open.ok) return open;
  const classic = open.value;
  const hand = classic.tiles.hands[player] ?? [];
  const checked = checkTrade(tiles, {
    hand,
    bagSize: classic.tiles.bag.tiles.length,
    config: ctx.config,
    tradingAllowed: true,
  });
  if (!checked.ok) return checked;
  const next = applyClassicTrade(classic, ctx.config, checked.value);
  if (next === undefined) return err(engineError(Code.TRADE_ERROR, { cause: 'the trade could not be made' }));
  const event: GameEvent = {
    type: 'traded',
    player: idOf(state, player),
    rack: formatTiles(hand, ctx.config.alphabet),
    tiles: formatTiles(checked.value, ctx.config.alphabet),
  };
  return classicStep(state, next, event, ctx);
}

/**
 * A classic pass (60002 when it is not the player's turn). After a play that went out and is
 * open to a challenge, a pass declines the challenge: the game ends.
 */
export function classicPass(state: GameState, player: number, ctx: ModeContext): Step {
  const classic = state.classic as ClassicState;
  if (classic.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const event: GameEvent = {
    type: 'passed',
    player: idOf(state, player),
    rack: formatTiles(classic.tiles.hands[player] ?? [], ctx.config.alphabet),
  };
  if (classic.pending?.wentOut === true) return classicStep(state, closeWindow(classic, ctx.config), event, ctx);
  return classicStep(state, applyClassicPass(withoutPending(classic), ctx.config), event, ctx);
}

/**
 * The player to move challenges the last play (a challenge rule other than void): a phony is
 * withdrawn and its player loses the turn; a valid play gives the rule's outcome. 90800 when
 * there is nothing to challenge, 90801 when the window closed, 90802 for one's own play, 60002
 * for another player than the next one.
 */
export function classicChallenge(state: GameState, player: number, ctx: ModeContext): Step {
  const classic = state.classic as ClassicState;
  const rule = state.settings.challengeRule;
  if (rule === undefined)
    return err(engineError(Code.NOTHING_TO_CHALLENGE, { cause: 'the void rule: every play is checked when made' }));
  const p = classic.pending;
  if (p === undefined) {
    let played = false;
    for (const e of state.history)
      if (e.type === 'played') {
        played = true;
        break;
      }
    return err(
      played
        ? engineError(Code.CHALLENGE_WINDOW_CLOSED, {
            cause: 'only the next player, before moving, may challenge a play',
          })
        : engineError(Code.NOTHING_TO_CHALLENGE, { cause: 'no play was made yet' }),
    );
  }
  if (p.player === player) return err(engineError(Code.CHALLENGE_OWN_PLAY));
  if (classic.toMove !== player)
    return err(engineError(Code.NOT_YOUR_TURN, { cause: 'only the next player may challenge the last play' }));
  const move = formatPlay(
    p.placements,
    classic.tiles.board.withoutTiles(p.placements.map((x) => x.square)),
    ctx.config.alphabet,
  );
  const base = {
    type: 'challenged' as const,
    player: idOf(state, player),
    target: idOf(state, p.player),
    move: move.ok ? move.value : '',
  };
  if (p.phony) {
    const next = withdrawPlay(classic, ctx.config);
    const event: GameEvent = { ...base, outcome: 'withdrawn', points: -p.score };
    return challengeStep(state, next, event, ctx, false);
  }
  const next = upholdPlay(classic, ctx.config, rule);
  const { outcome, bonus } = challengeOutcome(rule);
  const event: GameEvent = { ...base, outcome, points: bonus };
  return challengeStep(state, next, event, ctx, outcome === 'lost-turn');
}

/** A challenge's step: the turn number moves on only when the challenger lost their turn. */
function challengeStep(
  state: GameState,
  next: ClassicState,
  event: GameEvent,
  ctx: ModeContext,
  lostTurn: boolean,
): Step {
  const s = withClassic(lostTurn ? Object.freeze({ ...state, turn: state.turn + 1 }) : state, next, ctx);
  return ok({ state: s, events: s.status === 'over' ? [event, gameOverEvent(s, ctx)] : [event] });
}

/** A player resigns a running classic game (at any time): the game ends and they lose it, whatever the scores. */
export function classicResign(state: GameState, player: number, ctx: ModeContext): Step {
  const classic = forfeitClassic(state.classic as ClassicState, player, 'resigned');
  const s = withClassic(state, classic, ctx);
  return ok({ state: s, events: [{ type: 'resigned', player: idOf(state, player) }, gameOverEvent(s, ctx)] });
}

/** Closing the turn of a classic game (the server's timer ran out): the player to move passes. */
export function classicClose(state: GameState, ctx: ModeContext): Step {
  return classicPass(state, (state.classic as ClassicState).toMove, ctx);
}

/**
 * A player left a running classic game: when it was their turn, it goes to the next player
 * present (who may challenge a play open to a challenge; when nobody else is left to, the window
 * closes, and a play that went out ends the game: then the game-over event).
 */
export function classicLeave(
  state: GameState,
  player: number,
  ctx: ModeContext,
): { state: GameState; events: GameEvent[] } {
  const classic = state.classic as ClassicState;
  if (classic.toMove !== player) return { state, events: [] };
  const s = withClassic(state, classic, ctx);
  return { state: s, events: s.status === 'over' ? [gameOverEvent(s, ctx)] : [] };
}

/** Ends a classic game when every player has left. */
export function classicAbandon(state: GameState, ctx: ModeContext): Step {
  const classic = finishClassic(state.classic as ClassicState, ctx.config, 'stalled');
  const s = withClassic(state, classic, ctx);
  return ok({ state: s, events: [gameOverEvent(s, ctx)] });
}

// ---- duplicate -------------------------------------------------------------------------------

/** Vowels and consonants in a hand (a blank is neither). */
function balance(tiles: readonly Tile[], ctx: ModeContext): { vowels: number; consonants: number } {
  let vowels = 0;
  let consonants = 0;
  for (const t of tiles) {
    if (t === BLANK) continue;
    if (ctx.config.alphabet.isVowel(t)) vowels++;
    else consonants++;
  }
  return { vowels, consonants };
}

/** The most redraws of a duplicate hand before the game ends. */
export const MAX_DUPLICATE_REDRAWS = 1000;

/**
 * Refills the shared hand: it keeps `kept` and draws up to the hand size; it must hold at least
 * 2 vowels and 2 consonants up to turn `vowelRuleTurns` (15), then 1 and 1, else every tile
 * goes back and a full hand is drawn again. Undefined when no valid hand can be drawn (the game
 * ends): the tiles left cannot make one, or {@link MAX_DUPLICATE_REDRAWS} draws in a row failed.
 */
export function refillDuplicateHand(
  kept: readonly Tile[],
  bag: Bag,
  turn: number,
  ctx: ModeContext,
): { hand: Hand; bag: Bag } | undefined {
  const need = turn <= (ctx.game.vowelRuleTurns ?? 15) ? 2 : 1;
  const pool = balance([...kept, ...bag.tiles], ctx);
  const size = Math.min(ctx.config.handSize, kept.length + bag.tiles.length);
  if (pool.vowels < need || pool.consonants < need || size < 2 * need) return undefined;
  let d = drawTiles(bag, ctx.config.handSize - kept.length);
  let hand = [...kept, ...d.drawn];
  for (let attempt = 0; attempt < MAX_DUPLICATE_REDRAWS; attempt++) {
    const b = balance(hand, ctx);
    if (b.vowels >= need && b.consonants >= need) return { hand: makeHand(hand), bag: d.bag };
    d = drawTiles(returnTiles(d.bag, hand), size);
    hand = d.drawn;
  }
  return undefined;
}

/** Deals the first shared hand of a duplicate game. */
export function startDuplicateMode(state: GameState, ctx: ModeContext): Step {
  const first = refillDuplicateHand([], fullBag(ctx.config.letters, state.settings.seed), 1, ctx);
  if (first === undefined) return err(engineError(Code.UNKNOWN_ERROR, { cause: 'no valid first hand' }));
  const duplicate: DuplicateState = Object.freeze({
    board: Board.empty(ctx.config.layout.rows, ctx.config.layout.cols),
    hand: first.hand,
    bag: first.bag,
    submissions: Object.freeze(state.players.map(() => null)),
  });
  return ok({ state: Object.freeze({ ...state, duplicate }), events: [] });
}

/** A duplicate submission: one a player a turn (60001 after it), checked against the shared hand; null passes. */
export function duplicatePlay(state: GameState, player: number, request: unknown | null, ctx: ModeContext): Step {
  const d = state.duplicate as DuplicateState;
  if (d.submissions[player] !== null) return err(engineError(Code.ALREADY_PLAYED));
  let submission: DuplicateSubmission = Object.freeze({ placements: Object.freeze([]), score: 0, move: '-' });
  if (request !== null) {
    const m = validateMove(request, { board: d.board, hand: d.hand, config: ctx.config, dictionary: ctx.dictionary });
    if (!m.ok) return m;
    const n = formatPlay(m.value.placements, d.board, ctx.config.alphabet);
    submission = Object.freeze({
      placements: Object.freeze(m.value.placements.map((p) => Object.freeze({ ...p }))),
      score: m.value.score,
      move: n.ok ? n.value : '',
    });
  }
  const submissions = Object.freeze(d.submissions.map((x, i) => (i === player ? submission : x)));
  return ok({
    state: Object.freeze({ ...state, duplicate: Object.freeze({ ...d, submissions }) }),
    events: [{ type: 'submitted', player: idOf(state, player), move: submission.move, score: submission.score }],
  });
}

/**
 * A move generator per game context, kept on the board of the last duplicate turn it closed plus
 * that turn's top: the next turn of the same game finds its board there (the same immutable
 * object) and needs no new generator nor a full computation of the cross-checks, which is most
 * of a turn's close apart from the search (a game's replay closes every turn). Another board
 * (another game, a reloaded state) is set in full. Invisible to callers: the search reads the
 * board it is given.
 */
const duplicateGenerators = new WeakMap<ModeContext, { readonly gen: MoveGenerator; board: Board | undefined }>();

function generatorOn(
  board: Board,
  ctx: ModeContext,
): Result<{ readonly gen: MoveGenerator; board: Board | undefined }, EngineError> {
  let kept = duplicateGenerators.get(ctx);
  if (kept === undefined) {
    const gen = MoveGenerator.create(ctx.config, ctx.dictionary);
    if (!gen.ok) return gen;
    kept = { gen: gen.value, board: undefined };
    duplicateGenerators.set(ctx, kept);
  }
  if (kept.board !== board) {
    if (board.rows !== ctx.config.layout.rows || board.cols !== ctx.config.layout.cols)
      return err(
        engineError(Code.BAD_STATE, {
          cause: `a ${board.rows}×${board.cols} board on a ${ctx.config.layout.rows}×${ctx.config.layout.cols} layout`,
        }),
      );
    kept.board = undefined;
    kept.gen.setBoard(board);
    kept.board = board;
  }
  return ok(kept);
}

/**
 * Closes a duplicate turn: each player scores their own submission, the best play the generator
 * finds (the top) goes on the board, the hand keeps the top's unused tiles and is refilled. The
 * game ends when no play exists or no valid hand can be drawn.
 */
export function duplicateClose(state: GameState, ctx: ModeContext): Step {
  const d = state.duplicate as DuplicateState;
  const kept = generatorOn(d.board, ctx);
  if (!kept.ok) return kept;
  const top = bestPlay(kept.value.gen, d.hand);
  const results: TurnResult[] = state.players.map((p, i) => ({
    player: p.id,
    score: d.submissions[i]?.score ?? 0,
    move: d.submissions[i]?.move ?? '',
  }));
  let over = top === undefined;
  let next: DuplicateState = { ...d, submissions: Object.freeze(state.players.map(() => null)) };
  if (top !== undefined) {
    const rest = removeTiles(d.hand, top.placements.map(handTileOf));
    const refill = rest.ok ? refillDuplicateHand(rest.value, d.bag, state.turn + 1, ctx) : undefined;
    const board = d.board.withTiles(top.placements);
    // The generator follows the game: the next turn's board is this one.
    kept.value.board = undefined;
    kept.value.gen.applyPlacements(top.placements);
    kept.value.board = board;
    if (refill === undefined) {
      over = true;
      next = { ...next, board, hand: rest.ok ? rest.value : d.hand };
    } else next = { ...next, board, hand: refill.hand, bag: refill.bag };
  }
  const events: GameEvent[] = [
    {
      type: 'turn-closed',
      turn: state.turn,
      results,
      ...(top === undefined ? {} : { top: { move: top.notation, score: top.score } }),
    },
  ];
  const players = Object.freeze(
    state.players.map((p, i) => Object.freeze({ ...p, score: p.score + (results[i]?.score ?? 0) })),
  );
  const s: GameState = Object.freeze({
    ...state,
    duplicate: Object.freeze(next),
    players,
    turn: state.turn + 1,
    status: over ? 'over' : state.status,
  });
  if (over)
    events.push({
      type: 'game-over',
      reason: top === undefined ? 'no play is possible' : 'no valid hand can be drawn',
      scores: players.map((p) => ({ player: p.id, score: p.score, adjustment: 0 })),
    });
  return ok({ state: s, events });
}
