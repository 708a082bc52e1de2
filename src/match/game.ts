import type { GameConfig } from '../config/config.js';
import type { WordLookup } from '../dictionary/dictionary.js';
import {
  type ClassicState,
  applyClassicPass,
  applyClassicPlay,
  applyClassicTrade,
  startClassic,
} from '../game/classic.js';
import { classicToCgp } from '../game/cgp.js';
import { type CgpOperation, formatCgp } from '../notation/cgp.js';
import { formatMoveString, parseMoveString } from '../notation/move-string.js';
import { Code } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { moveInput, validateMove } from '../rules/crossword.js';
import { checkTrade } from '../rules/trade.js';
import type { EngineFault, MatchEngine } from './engine.js';

/** How a match game is played (the same for every game of a match). */
export interface MatchGameOptions {
  readonly config: GameConfig;
  /** The dictionary the moves are checked against. */
  readonly dictionary: WordLookup;
  /** The lexicon's name, written as the `lex` operation of every position (engines that load lexicons by name need it). */
  readonly lexicon?: string;
  /** Milliseconds a move may take, written as the `mt` operation and given to built-in simulating players. */
  readonly budgetMs?: number;
  /** The most turns a game may take (default 500, as autoplay). */
  readonly maxTurns?: number;
  /** The clock read for each move's time (default `performance.now`). */
  readonly now?: () => number;
}

/** One turn of a match game. */
export interface MatchTurn {
  /** Which engine moved (0 or 1, the match's order, not the seat). */
  readonly engine: number;
  /** The move string the engine answered. */
  readonly move: string;
  /** What the move was; `illegal` when it broke a rule or was no move string (the turn is lost, as a pass). */
  readonly kind: 'play' | 'exchange' | 'pass' | 'illegal';
  readonly score: number;
  /** Milliseconds the engine took. */
  readonly ms: number;
  /** The error of an illegal move: its code and cause. */
  readonly error?: { readonly code: number; readonly cause: string };
}

/** A finished match game, figures by engine (the match's order). */
export interface MatchGame {
  /** Final scores, rack adjustments included. */
  readonly scores: readonly [number, number];
  readonly bingos: readonly [number, number];
  /** Illegal moves (each cost its turn). */
  readonly illegal: readonly [number, number];
  /** Milliseconds each engine took, over its moves. */
  readonly ms: readonly [number, number];
  readonly turns: readonly MatchTurn[];
  readonly end: 'out' | 'stalled' | 'turn-limit';
}

/** An engine's fault that stopped a game (the pair is voided). */
export interface MatchFault {
  readonly engine: number;
  readonly turn: number;
  readonly fault: EngineFault;
}

/**
 * Plays one classic game of a match: the deal of `seed` (the engine's deal, as autoplay and
 * `apply` deal it), engine `rotate` in the first seat. Each turn the engine to move gets its
 * view of the position as CGP and answers a move string; the move is read and checked by the
 * validator (placement rules, the dictionary, the score computed here, never taken from the
 * engine). A move that fails is illegal: the turn is lost (a scoreless pass) and counted. An
 * engine's fault (timeout, crash) ends the game with the fault.
 */
export async function playMatchGame(
  engines: readonly [MatchEngine, MatchEngine],
  seed: number,
  rotate: number,
  options: MatchGameOptions,
): Promise<Result<MatchGame, MatchFault>> {
  const { config, dictionary } = options;
  const now = options.now ?? (() => performance.now());
  const maxTurns = options.maxTurns ?? 500;
  let state: ClassicState = startClassic(config, 2, seed);
  const scores: [number, number] = [0, 0];
  const bingos: [number, number] = [0, 0];
  const illegal: [number, number] = [0, 0];
  const ms: [number, number] = [0, 0];
  const turns: MatchTurn[] = [];
  let lastMove: string | undefined;
  while (!state.over && turns.length < maxTurns) {
    const seat = state.toMove;
    const e = ((seat + rotate) % 2) as 0 | 1;
    const operations: CgpOperation[] = [];
    if (options.lexicon !== undefined) operations.push({ opcode: 'lex', operand: options.lexicon });
    if (lastMove !== undefined) operations.push({ opcode: 'lm', operand: lastMove });
    if (options.budgetMs !== undefined) operations.push({ opcode: 'mt', operand: String(options.budgetMs) });
    const position = classicToCgp(state, config, { viewer: seat, operations });
    const cgp = formatCgp(position, config);
    const t0 = now();
    const reply = await (engines[e] as MatchEngine).move({
      cgp,
      position,
      ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
      seed: (seed ^ Math.imul(turns.length + 1 + 1000 * rotate, 0x9e3779b1)) >>> 0,
    });
    const took = now() - t0;
    ms[e] += took;
    if (!reply.ok) return err({ engine: e, turn: turns.length, fault: reply.error });
    const judged = judge(state, reply.value, options);
    state = judged.state;
    lastMove = judged.lastMove;
    if (judged.turn.kind === 'illegal') illegal[e]++;
    if (judged.turn.kind === 'play' && judged.tiles === config.handSize) bingos[e]++;
    turns.push({ engine: e, move: reply.value, ms: took, ...judged.turn });
  }
  // Match games never resign nor challenge: they end by going out or stalling.
  const end = state.over ? (state.endReason === 'out' ? 'out' : 'stalled') : 'turn-limit';
  for (let s = 0; s < 2; s++) scores[(s + rotate) % 2] = state.tiles.scores[s] ?? 0;
  return ok({ scores, bingos, illegal, ms, turns, end });
}

interface Judged {
  readonly state: ClassicState;
  readonly turn: Pick<MatchTurn, 'kind' | 'score' | 'error'>;
  /** The move as the opponent may see it (`lm`): a play with `.` for the tiles it went through, an exchange's count. */
  readonly lastMove: string;
  readonly tiles: number;
}

/** Reads and checks an engine's answer and applies it; an illegal one is a lost turn. */
function judge(state: ClassicState, text: string, options: MatchGameOptions): Judged {
  const { config, dictionary } = options;
  const player = state.toMove;
  const board = state.tiles.board;
  const hand = state.tiles.hands[player] ?? [];
  const lost = (code: number, cause: string): Judged => ({
    state: applyClassicPass(state, config),
    turn: { kind: 'illegal', score: 0, error: { code, cause } },
    lastMove: 'pass',
    tiles: 0,
  });
  const move = parseMoveString(text, board, config.alphabet);
  if (!move.ok) return lost(move.error.code, move.error.cause ?? move.error.message);
  const m = move.value;
  if (m.kind === 'pass')
    return { state: applyClassicPass(state, config), turn: { kind: 'pass', score: 0 }, lastMove: 'pass', tiles: 0 };
  if (m.kind === 'exchange') {
    const checked = checkTrade(m.tiles, {
      hand,
      bagSize: state.tiles.bag.tiles.length,
      config,
      tradingAllowed: true,
    });
    if (!checked.ok) return lost(checked.error.code, checked.error.cause ?? checked.error.message);
    const next = applyClassicTrade(state, config, checked.value);
    if (next === undefined) return lost(Code.TRADE_ERROR, 'the trade could not be made');
    return {
      state: next,
      turn: { kind: 'exchange', score: 0 },
      lastMove: `exchange ${checked.value.length}`,
      tiles: 0,
    };
  }
  const scored = validateMove(moveInput(m.placements, config), { board, hand, config, dictionary });
  if (!scored.ok) return lost(scored.error.code, scored.error.cause ?? scored.error.message);
  const next = applyClassicPlay(state, config, scored.value.placements, scored.value.score);
  if (next === undefined) return lost(Code.BAD_MOVES_FORMAT, 'the hand lacks the tiles');
  const shown = formatMoveString({ kind: 'play', placements: scored.value.placements }, board, config.alphabet, {
    through: 'dots',
  });
  return {
    state: next,
    turn: { kind: 'play', score: scored.value.score },
    lastMove: shown.ok ? shown.value : 'pass',
    tiles: scored.value.placements.length,
  };
}
