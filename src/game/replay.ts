import type { Board } from '../board/board.js';
import { BLANK } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { parsePlay } from '../notation/move.js';
import { parseTiles } from '../notation/tokens.js';
import { err, ok, type Result } from '../result.js';
import { moveInput } from '../rules/crossword.js';
import type { Engine } from './engine.js';
import type { GameRequest } from './requests.js';
import { SERVER_ID, type GameEvent, type GameState, type ModeContext } from './types.js';

/**
 * Rebuilds a game from its settings (seed included) and its recorded events: the waiting room
 * as the start recorded it, then every recorded request applied again through the engine.
 */
export function replayGame(state: GameState, engine: Engine): Result<GameState, EngineError> {
  const ctx = engine.context(state);
  if (!ctx.ok) return ctx;
  const h = state.history.toArray();
  const created = h[0];
  if (created?.type !== 'created') return err(engineError(Code.BAD_STATE, { cause: 'no creation' }));
  const made = engine.create({ ...state.settings }, created.player);
  if (!made.ok) return made;
  let s = made.value.state;
  // Joins and leaves before the start are not recorded: a waiting room is its seats.
  if (state.status === 'waiting')
    return ok(
      Object.freeze({
        ...s,
        players: Object.freeze(state.players.map((p) => Object.freeze({ ...p }))),
        operator: state.operator,
      }),
    );
  const fail = (k: number, e: EngineError) =>
    err(engineError(Code.BAD_STATE, { cause: `event ${k}: ${e.name} ${e.cause ?? ''}`.trim() }));
  for (let k = 1; k < h.length; k++) {
    const e = h[k] as GameEvent;
    let by: string;
    let request: GameRequest;
    switch (e.type) {
      case 'started':
        s = Object.freeze({
          ...s,
          players: Object.freeze(e.players.map((id) => Object.freeze({ id, score: 0, left: false }))),
          operator: e.operator,
        });
        by = e.player;
        request = { type: 'start' };
        break;
      case 'played': {
        const board = s.classic?.tiles.board;
        if (board === undefined)
          return err(engineError(Code.BAD_STATE, { cause: `event ${k}: a play before the start` }));
        const p = parsePlayAgainst(e.move, board, ctx.value);
        if (!p.ok) return fail(k, p.error);
        by = e.player;
        request = { type: 'play', ...p.value };
        break;
      }
      case 'traded': {
        const t = parseTiles(e.tiles, ctx.value.config.alphabet);
        if (!t.ok) return fail(k, t.error);
        by = e.player;
        request = {
          type: 'trade',
          glyphs: t.value.map((x) => (x === BLANK ? '?' : ctx.value.config.alphabet.glyph(x))),
        };
        break;
      }
      case 'passed':
        by = e.player;
        request = { type: 'pass' };
        break;
      case 'submitted': {
        by = e.player;
        if (e.move === '-') request = { type: 'pass' };
        else {
          const board = s.duplicate?.board;
          if (board === undefined)
            return err(engineError(Code.BAD_STATE, { cause: `event ${k}: a submission before the start` }));
          const p = parsePlayAgainst(e.move, board, ctx.value);
          if (!p.ok) return fail(k, p.error);
          request = { type: 'play', ...p.value };
        }
        break;
      }
      case 'answered':
        by = e.player;
        request = e.word === '' ? { type: 'pass' } : { type: 'play', word: e.word };
        break;
      case 'found':
        by = e.player;
        request = { type: 'play', path: e.path };
        break;
      case 'turn-closed':
        by = SERVER_ID;
        request = { type: 'close-turn' };
        break;
      case 'left':
        by = e.player;
        request = { type: 'leave' };
        break;
      case 'kicked':
        by = e.by;
        request = { type: 'kick', player: e.player };
        break;
      case 'challenged':
        by = e.player;
        request = { type: 'challenge' };
        break;
      case 'resigned':
        by = e.player;
        request = { type: 'resign' };
        break;
      case 'timed-out':
        by = SERVER_ID;
        request = { type: 'tick', at: e.at };
        break;
      default:
        // Derived events (game over) come with the request that caused them.
        continue;
    }
    // With clocks, each move at its recorded time.
    if ('at' in e && e.at !== undefined && e.type !== 'timed-out') request = { ...request, at: e.at } as GameRequest;
    const r = engine.apply(s, by, request);
    if (!r.ok) return fail(k, r.error);
    s = r.value.state;
  }
  return ok(s);
}

/** A recorded play's notation as the request that makes it on `board`. */
function parsePlayAgainst(
  move: string,
  board: Board,
  ctx: ModeContext,
): Result<ReturnType<typeof moveInput>, EngineError> {
  const p = parsePlay(move, board, ctx.config.alphabet);
  return p.ok ? ok(moveInput(p.value.placements, ctx.config)) : p;
}
