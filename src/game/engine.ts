import { castDraft, produce } from 'immer';
import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { formatBoard } from '../notation/board-text.js';
import { formatTiles } from '../notation/tokens.js';
import { err, ok, type Result } from '../result.js';
import { readTrade } from '../rules/trade.js';
import { anagramClose, anagramPlay, readAnagramMove, startAnagramMode } from './modes/anagram.js';
import { boggleClose, bogglePlay, checkBoggleMove, startBoggleMode } from './modes/boggle.js';
import {
  classicAbandon,
  classicClose,
  classicPass,
  classicPlay,
  classicTrade,
  duplicateClose,
  duplicatePlay,
  readCrosswordMove,
  startClassicMode,
  startDuplicateMode,
  type Step,
} from './modes/crossword.js';
import { PREDEFINED_GAMES, checkSettings } from './settings.js';
import { SERVER_ID, type ApplyResult, type EngineEnvironment, type GameEvent, type GameState, type ModeContext } from './types.js';

/** The longest player id accepted. */
export const MAX_PLAYER_ID = 64;

/** The request types `apply` knows. */
export const REQUEST_TYPES = ['join', 'leave', 'start', 'kick', 'play', 'trade', 'pass', 'close-turn', 'hand', 'board', 'scores', 'info'] as const;

/**
 * The game engine: one pure function, `apply(state, playerId, request)`, for every game type.
 * A server creates a game from settings, stores the state anywhere (it is plain data, see
 * `gameToJSON`), and applies each player's request (untrusted JSON); it runs its own timers and
 * closes turns with `{ type: 'close-turn' }` as the operator or as {@link SERVER_ID}.
 */
export interface Engine {
  /** A new game, waiting for players; its creator is its operator and first player. */
  create(settings: unknown, operatorId: string): Result<{ state: GameState; events: GameEvent[] }, EngineError>;
  /** Applies one request. A rejected request changes nothing and returns the catalogue's error. */
  apply(state: GameState, playerId: string, request: unknown): ApplyResult;
  /** The predefined game and its configuration and dictionary. */
  context(state: GameState): Result<ModeContext, EngineError>;
}

/** Creates an engine over dictionaries (by alphabet name). */
export function createEngine(env: EngineEnvironment): Engine {
  const context = (code: string): Result<ModeContext, EngineError> => {
    const game = PREDEFINED_GAMES[code];
    if (game === undefined) return err(engineError(Code.UNKNOWN_GAME_CODE, { param: code }));
    const config = presetConfig(game.config ?? 'en');
    if (!config.ok) return config;
    const dictionary = env.dictionary(config.value.alphabet.spec.name);
    if (dictionary === undefined) return err(engineError(Code.GAME_CREATION_ERROR, { param: `no dictionary for alphabet ${config.value.alphabet.spec.name}` }));
    return ok({ game, config: config.value, dictionary });
  };
  return {
    create(settings, operatorId) {
      if (!isPlayerId(operatorId)) return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a player id is a non-empty string of at most 64 characters' }));
      if (operatorId === SERVER_ID) return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: `${SERVER_ID} is reserved for the server and cannot play` }));
      const checked = checkSettings(settings);
      if (!checked.ok) return checked;
      const ctx = context(checked.value.settings.code);
      if (!ctx.ok) return ctx;
      const state: GameState = {
        settings: checked.value.settings,
        type: checked.value.game.type,
        operator: operatorId,
        players: [{ id: operatorId, score: 0, left: false }],
        status: 'waiting',
        turn: 0,
        history: [{ type: 'created', player: operatorId }],
      };
      return ok({ state: produce(state, () => undefined), events: [{ type: 'created', player: operatorId }] });
    },
    apply(state, playerId, request) {
      const ctx = context(state.settings.code);
      if (!ctx.ok) return ctx;
      const step = dispatch(state, playerId, request, ctx.value);
      if (!step.ok) return step;
      const events = step.value.events;
      const next = events.length === 0 || (events.length > 0 && events.every((e) => e.type === 'data')) ? step.value.state : produce(step.value.state, (s) => void s.history.push(...castDraft(events.filter((e) => e.type !== 'data'))));
      return { ok: true, state: next, events };
    },
    context: (state) => context(state.settings.code),
  };
}

function isPlayerId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_PLAYER_ID;
}

function own(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function indexOf(state: GameState, playerId: string): number {
  return state.players.findIndex((p) => p.id === playerId);
}

function dispatch(state: GameState, playerId: string, request: unknown, ctx: ModeContext): Step {
  if (!isPlayerId(playerId)) return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a player id is a non-empty string of at most 64 characters' }));
  if (request === undefined || request === null) return err(engineError(Code.EMPTY_MESSAGE));
  if (typeof request !== 'object' || Array.isArray(request)) return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a request is an object with a type' }));
  const type = own(request, 'type');
  if (typeof type !== 'string') return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a request needs a type string' }));
  switch (type) {
    case 'join':
      return join(state, playerId);
    case 'leave':
      return leave(state, playerId, 'left', ctx);
    case 'start':
      return start(state, playerId, ctx);
    case 'kick':
      return kick(state, playerId, request, ctx);
    case 'play':
      return play(state, playerId, request, ctx);
    case 'trade':
      return trade(state, playerId, request, ctx);
    case 'pass':
      return pass(state, playerId, ctx);
    case 'close-turn':
      return closeTurn(state, playerId, ctx);
    case 'hand':
    case 'board':
    case 'scores':
    case 'info':
      return data(state, playerId, type, ctx);
    default:
      return err(engineError(Code.UNKNOWN_COMMAND, { param: type.slice(0, 64), cause: `known types: ${REQUEST_TYPES.join(', ')}` }));
  }
}

// ---- lifecycle ---------------------------------------------------------------------------------

function join(state: GameState, playerId: string): Step {
  if (playerId === SERVER_ID) return err(engineError(Code.BAD_JOIN_FORMAT, { cause: `${SERVER_ID} is reserved for the server` }));
  if (indexOf(state, playerId) >= 0) return err(engineError(Code.PLAYER_ALREADY_IN_GAME));
  if (state.status !== 'waiting') return err(engineError(Code.GAME_ALREADY_STARTED, { cause: 'players join before the start' }));
  if (state.players.length >= state.settings.maxPlayers) return err(engineError(Code.GAME_FULL));
  return ok({ state: produce(state, (s) => void s.players.push({ id: playerId, score: 0, left: false })), events: [{ type: 'joined', player: playerId }] });
}

function leave(state: GameState, playerId: string, how: 'left' | 'kicked', ctx: ModeContext): Step {
  const i = indexOf(state, playerId);
  if (i < 0 || state.players[i]?.left === true) return err(engineError(how === 'left' ? Code.NOT_IN_GAME : Code.NO_SUCH_USER_IN_GAME, how === 'kicked' ? { param: playerId } : {}));
  const events: GameEvent[] = [{ type: how, player: playerId }];
  if (state.status === 'waiting') {
    const next = produce(state, (s) => {
      s.players.splice(i, 1);
      if (s.operator === playerId && s.players[0] !== undefined) s.operator = s.players[0].id;
    });
    return ok({ state: next, events });
  }
  let next = produce(state, (s) => void ((s.players[i] as { left: boolean }).left = true));
  if (next.status === 'running' && next.classic !== undefined) {
    if (next.players.every((p) => p.left)) {
      const ended = classicAbandon(next, ctx);
      if (!ended.ok) return ended;
      return ok({ state: ended.value.state, events: [...events, ...ended.value.events] });
    }
    if (next.classic.toMove === i) {
      // Their turn passes to the next player still in the game.
      next = produce(next, (s) => {
        const c = s.classic as { toMove: number };
        const n = s.players.length;
        let k = 0;
        do c.toMove = (c.toMove + 1) % n;
        while (s.players[c.toMove]?.left === true && k++ < n);
      });
    }
  }
  return ok({ state: next, events });
}

/** The operator (while still in the game) or the server. */
function isOperator(state: GameState, playerId: string): boolean {
  return playerId === SERVER_ID || (playerId === state.operator && state.players.some((p) => p.id === playerId && !p.left));
}

function start(state: GameState, playerId: string, ctx: ModeContext): Step {
  if (!isOperator(state, playerId)) return err(engineError(Code.NOT_OPERATOR));
  if (state.status !== 'waiting') return err(engineError(Code.GAME_ALREADY_STARTED));
  if (state.players.length === 0) return err(engineError(Code.UNKNOWN_ERROR, { param: 'no players', cause: 'a game starts with at least one player' }));
  const running = produce(state, (s) => {
    s.status = 'running';
    s.turn = 1;
  });
  const started: Step =
    state.type === 'classic' ? ok({ state: startClassicMode(running, ctx), events: [] }) : state.type === 'duplicate' ? startDuplicateMode(running, ctx) : state.type === 'anagram' ? startAnagramMode(running, ctx) : startBoggleMode(running, ctx);
  if (!started.ok) return started;
  return ok({ state: started.value.state, events: [{ type: 'started', player: playerId }] });
}

function kick(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  const target = own(request, 'player');
  if (!isPlayerId(target)) return err(engineError(Code.BAD_KICK_FORMAT, { cause: 'kick needs a player id' }));
  if (!isOperator(state, playerId)) return err(engineError(Code.KICK_NOT_OPERATOR));
  return leave(state, target, 'kicked', ctx);
}

// ---- moves -------------------------------------------------------------------------------------

/** 60004, 60005, then 60006 (not a player of this game, or left): the player's index. */
function moveGate(state: GameState, playerId: string): Result<number, EngineError> {
  if (state.status === 'waiting') return err(engineError(Code.GAME_NOT_STARTED));
  if (state.status === 'over') return err(engineError(Code.GAME_OVER));
  const i = indexOf(state, playerId);
  if (i < 0 || state.players[i]?.left === true) return err(engineError(Code.NOT_IN_GAME_PLAYER));
  return ok(i);
}

function play(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  if (state.type === 'boggle') {
    const checked = checkBoggleMove(request, state, ctx);
    if (!checked.ok && checked.error.code === Code.BAD_MOVES_FORMAT) return checked;
    const gate = moveGate(state, playerId);
    if (!gate.ok) return gate;
    return checked.ok ? bogglePlay(state, gate.value, checked.value) : checked;
  }
  if (state.type === 'anagram') {
    const codes = readAnagramMove(request, ctx);
    if (!codes.ok) return codes;
    const gate = moveGate(state, playerId);
    if (!gate.ok) return gate;
    return anagramPlay(state, gate.value, codes.value, ctx);
  }
  const read = readCrosswordMove(request, state, ctx);
  if (!read.ok) return read;
  const gate = moveGate(state, playerId);
  if (!gate.ok) return gate;
  return state.type === 'classic' ? classicPlay(state, gate.value, request, ctx) : duplicatePlay(state, gate.value, request, ctx);
}

function trade(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  const tiles = readTrade(request, ctx.config);
  if (!tiles.ok) return tiles;
  const gate = moveGate(state, playerId);
  if (!gate.ok) return gate;
  if (state.type !== 'classic') return err(engineError(Code.TRADING_IMPOSSIBLE));
  return classicTrade(state, gate.value, tiles.value, ctx);
}

function pass(state: GameState, playerId: string, ctx: ModeContext): Step {
  const gate = moveGate(state, playerId);
  if (!gate.ok) return gate;
  switch (state.type) {
    case 'classic':
      return classicPass(state, gate.value, ctx);
    case 'duplicate':
      return duplicatePlay(state, gate.value, null, ctx);
    case 'anagram':
      return anagramPlay(state, gate.value, null, ctx);
    default:
      return ok({ state, events: [{ type: 'passed', player: playerId }] });
  }
}

function closeTurn(state: GameState, playerId: string, ctx: ModeContext): Step {
  if (!isOperator(state, playerId)) return err(engineError(Code.NOT_OPERATOR));
  if (state.status === 'waiting') return err(engineError(Code.GAME_NOT_STARTED));
  if (state.status === 'over') return err(engineError(Code.GAME_OVER));
  switch (state.type) {
    case 'classic':
      return classicClose(state, ctx);
    case 'duplicate':
      return duplicateClose(state, ctx);
    case 'anagram':
      return anagramClose(state, ctx);
    default:
      return boggleClose(state, ctx);
  }
}

// ---- data requests -----------------------------------------------------------------------------

function data(state: GameState, playerId: string, what: 'hand' | 'board' | 'scores' | 'info', ctx: ModeContext): Step {
  const i = indexOf(state, playerId);
  if (i < 0 && playerId !== SERVER_ID) return err(engineError(Code.NOT_IN_GAME));
  let value: unknown;
  const alphabet = ctx.config.alphabet;
  if (what === 'scores') value = state.players.map((p) => ({ player: p.id, score: p.score }));
  else if (what === 'info') value = { settings: state.settings, type: state.type, status: state.status, turn: state.turn, operator: state.operator, players: state.players.map((p) => p.id) };
  else if (what === 'hand') {
    const tiles = state.classic?.tiles.hands[i] ?? state.duplicate?.hand ?? state.anagram?.draw;
    value = tiles === undefined ? null : formatTiles(tiles, alphabet);
  } else {
    const board = state.classic?.tiles.board ?? state.duplicate?.board;
    value = board !== undefined ? formatBoard(board, alphabet).trimEnd().split('\n') : state.boggle !== undefined ? state.boggle.grid.faces : null;
  }
  return ok({ state, events: [{ type: 'data', what, value }] });
}

