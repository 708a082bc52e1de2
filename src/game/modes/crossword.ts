import { castDraft, produce } from 'immer';
import { Board, type Placement } from '../../board/board.js';
import { BLANK, type Tile } from '../../config/letterset.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { MoveGenerator, bestPlay } from '../../movegen/generator.js';
import { formatPlay } from '../../notation/move.js';
import { formatTiles } from '../../notation/tokens.js';
import { err, ok, type Result } from '../../result.js';
import { readMove, validateMove } from '../../rules/crossword.js';
import { checkTrade, readTrade } from '../../rules/trade.js';
import { type Bag, drawTiles, fullBag, returnTiles } from '../../state/bag.js';
import { type Hand, makeHand, removeTiles } from '../../state/hand.js';
import { handTileOf } from '../../state/state.js';
import { applyClassicPass, applyClassicPlay, applyClassicTrade, finishClassic, startClassic, type ClassicState } from '../classic.js';
import type { DuplicateState, GameEvent, GameState, ModeContext } from '../types.js';

/** What a mode step returns: the new state and what happened. */
export type Step = Result<{ state: GameState; events: GameEvent[] }, EngineError>;

/** Stores a classic state in the game: player scores follow it, players who left are skipped. */
function syncScores(state: GameState, classic: ClassicState): GameState {
  const n = state.players.length;
  let toMove = classic.toMove;
  for (let k = 0; !classic.over && k < n && state.players[toMove]?.left === true; k++) toMove = (toMove + 1) % n;
  const stored = toMove === classic.toMove ? classic : { ...classic, toMove };
  return produce(state, (s) => {
    s.classic = castDraft(stored);
    s.players.forEach((p, i) => {
      p.score = classic.tiles.scores[i] ?? 0;
    });
    if (classic.over) s.status = 'over';
  });
}

function gameOverEvent(state: GameState, classic: ClassicState, ctx: ModeContext): GameEvent {
  return {
    type: 'game-over',
    reason: classic.endReason === 'out' ? 'a player went out' : 'six scoreless turns',
    scores: state.players.map((p, i) => ({ player: p.id, score: classic.tiles.scores[i] ?? 0, adjustment: classic.adjustments[i] ?? 0, rack: formatTiles(classic.tiles.hands[i] ?? [], ctx.config.alphabet) })),
  };
}

// ---- classic ---------------------------------------------------------------------------------

/** Deals the hands of a classic game. */
export function startClassicMode(state: GameState, ctx: ModeContext): GameState {
  return syncScores(state, startClassic(ctx.config, state.players.length, state.settings.seed));
}

/** 60000 for a malformed crossword move (checked before the game state). */
export function readCrosswordMove(request: unknown, state: GameState, ctx: ModeContext): Result<Placement[], EngineError> {
  const board = state.classic?.tiles.board ?? state.duplicate?.board ?? Board.empty(ctx.config.layout.rows, ctx.config.layout.cols);
  return readMove(request, { board, hand: [], config: ctx.config, dictionary: ctx.dictionary });
}

/** A classic play by the player to move (60002 otherwise), checked by the validator. */
export function classicPlay(state: GameState, player: number, request: unknown, ctx: ModeContext): Step {
  const classic = state.classic as ClassicState;
  if (classic.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const hand = classic.tiles.hands[player] ?? [];
  const m = validateMove(request, { board: classic.tiles.board, hand, config: ctx.config, dictionary: ctx.dictionary });
  if (!m.ok) return m;
  const next = applyClassicPlay(classic, ctx.config, m.value.placements, m.value.score);
  if (next === undefined) return err(engineError(Code.UNKNOWN_ERROR, { cause: 'the hand lost its tiles' }));
  const notation = formatPlay(m.value.placements, classic.tiles.board, ctx.config.alphabet);
  const id = (state.players[player] as { id: string }).id;
  const events: GameEvent[] = [
    { type: 'played', player: id, rack: formatTiles(hand, ctx.config.alphabet), move: notation.ok ? notation.value : '', score: m.value.score, words: m.value.words.map((w) => w.word) },
  ];
  const s = syncScores(state, next);
  if (next.over) events.push(gameOverEvent(s, next, ctx));
  return ok({ state: s, events });
}

/** A classic trade (60002, then the trade rules). */
export function classicTrade(state: GameState, player: number, tiles: readonly Tile[], ctx: ModeContext): Step {
  const classic = state.classic as ClassicState;
  if (classic.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const hand = classic.tiles.hands[player] ?? [];
  const checked = checkTrade(tiles, { hand, bagSize: classic.tiles.bag.tiles.length, config: ctx.config, tradingAllowed: true });
  if (!checked.ok) return checked;
  const next = applyClassicTrade(classic, ctx.config, checked.value);
  if (next === undefined) return err(engineError(Code.TRADE_ERROR, { cause: 'the trade could not be made' }));
  const id = (state.players[player] as { id: string }).id;
  const events: GameEvent[] = [{ type: 'traded', player: id, rack: formatTiles(hand, ctx.config.alphabet), tiles: formatTiles(checked.value, ctx.config.alphabet) }];
  const s = syncScores(state, next);
  if (next.over) events.push(gameOverEvent(s, next, ctx));
  return ok({ state: s, events });
}

/** A classic pass (60002 when it is not the player's turn). */
export function classicPass(state: GameState, player: number, ctx: ModeContext): Step {
  const classic = state.classic as ClassicState;
  if (classic.toMove !== player) return err(engineError(Code.NOT_YOUR_TURN));
  const next = applyClassicPass(classic, ctx.config);
  const id = (state.players[player] as { id: string }).id;
  const events: GameEvent[] = [{ type: 'passed', player: id, rack: formatTiles(classic.tiles.hands[player] ?? [], ctx.config.alphabet) }];
  const s = syncScores(state, next);
  if (next.over) events.push(gameOverEvent(s, next, ctx));
  return ok({ state: s, events });
}

/** Closing the turn of a classic game (the server's timer ran out): the player to move passes. */
export function classicClose(state: GameState, ctx: ModeContext): Step {
  return classicPass(state, (state.classic as ClassicState).toMove, ctx);
}

/** Ends a classic game when every player has left. */
export function classicAbandon(state: GameState, ctx: ModeContext): Step {
  const classic = finishClassic(state.classic as ClassicState, ctx.config, 'stalled');
  const s = syncScores(state, classic);
  return ok({ state: s, events: [gameOverEvent(s, classic, ctx)] });
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

/**
 * Refills the shared hand: it keeps `kept` and draws up to the hand size; it must hold at least
 * 2 vowels and 2 consonants up to turn `vowelRuleTurns` (15), then 1 and 1, else every tile
 * goes back and a full hand is drawn again. Undefined when no valid hand can be drawn (the game
 * ends): the tiles left cannot make one, or 1000 draws in a row failed.
 */
export function refillDuplicateHand(kept: readonly Tile[], bag: Bag, turn: number, ctx: ModeContext): { hand: Hand; bag: Bag } | undefined {
  const need = turn <= (ctx.game.vowelRuleTurns ?? 15) ? 2 : 1;
  const pool = balance([...kept, ...bag.tiles], ctx);
  const size = Math.min(ctx.config.handSize, kept.length + bag.tiles.length);
  if (pool.vowels < need || pool.consonants < need || size < 2 * need) return undefined;
  let d = drawTiles(bag, ctx.config.handSize - kept.length);
  let hand = [...kept, ...d.drawn];
  for (let attempt = 0; attempt < 1000; attempt++) {
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
  const duplicate: DuplicateState = {
    board: Board.empty(ctx.config.layout.rows, ctx.config.layout.cols),
    hand: first.hand,
    bag: first.bag,
    submissions: state.players.map(() => null),
  };
  return ok({ state: produce(state, (s) => void (s.duplicate = castDraft(duplicate))), events: [] });
}

/** A duplicate submission: one a player a turn (60001 after it), checked against the shared hand. */
export function duplicatePlay(state: GameState, player: number, request: unknown | null, ctx: ModeContext): Step {
  const d = state.duplicate as DuplicateState;
  if (d.submissions[player] !== null) return err(engineError(Code.ALREADY_PLAYED));
  let submission = { placements: [] as readonly Placement[], score: 0, move: '-' };
  if (request !== null) {
    const m = validateMove(request, { board: d.board, hand: d.hand, config: ctx.config, dictionary: ctx.dictionary });
    if (!m.ok) return m;
    const n = formatPlay(m.value.placements, d.board, ctx.config.alphabet);
    submission = { placements: m.value.placements, score: m.value.score, move: n.ok ? n.value : '' };
  }
  const id = (state.players[player] as { id: string }).id;
  return ok({
    state: produce(state, (s) => {
      (s.duplicate as { submissions: unknown[] }).submissions[player] = castDraft(submission);
    }),
    events: [{ type: 'submitted', player: id }],
  });
}

/**
 * Closes a duplicate turn: each player scores their own submission, the best play the generator
 * finds (the top) goes on the board, the hand keeps the top's unused tiles and is refilled. The
 * game ends when no play exists or no valid hand can be drawn.
 */
export function duplicateClose(state: GameState, ctx: ModeContext): Step {
  const d = state.duplicate as DuplicateState;
  const gen = MoveGenerator.create(ctx.config, ctx.dictionary, d.board);
  if (!gen.ok) return gen;
  const top = bestPlay(gen.value, d.hand);
  const results = state.players.map((p, i) => ({ player: p.id, score: d.submissions[i]?.score ?? 0, move: d.submissions[i]?.move ?? '' }));
  const events: GameEvent[] = [];
  let over = top === undefined;
  let next: DuplicateState = { ...d, submissions: state.players.map(() => null) };
  if (top !== undefined) {
    const rest = removeTiles(d.hand, top.placements.map(handTileOf));
    const refill = rest.ok ? refillDuplicateHand(rest.hand, d.bag, state.turn + 1, ctx) : undefined;
    const board = d.board.withTiles(top.placements);
    if (refill === undefined) {
      over = true;
      next = { ...next, board, hand: rest.ok ? rest.hand : d.hand };
    } else next = { ...next, board, hand: refill.hand, bag: refill.bag };
  }
  events.push({ type: 'turn-closed', turn: state.turn, results, ...(top === undefined ? {} : { top: { move: top.notation, score: top.score } }) });
  const s = produce(state, (g) => {
    g.duplicate = castDraft(next);
    g.players.forEach((p, i) => {
      p.score += results[i]?.score ?? 0;
    });
    g.turn += 1;
    if (over) g.status = 'over';
  });
  if (over) events.push({ type: 'game-over', reason: top === undefined ? 'no play is possible' : 'no valid hand can be drawn', scores: s.players.map((p) => ({ player: p.id, score: p.score, adjustment: 0 })) });
  return ok({ state: s, events });
}

export { readTrade };
