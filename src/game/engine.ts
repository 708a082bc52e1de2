import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { languageMismatch, sameAlphabet } from '../alphabet/alphabet.js';
import { formatBoard } from '../notation/board-text.js';
import { formatTiles } from '../notation/tokens.js';
import { err, ok, type Result } from '../result.js';
import { readTrade } from '../rules/trade.js';
import type { ClassicState } from './classic.js';
import { type ClassicClock, flagFallen } from './clock.js';
import { EventLog } from './log.js';
import { anagramClose, anagramPlay, readAnagramMove, startAnagramMode } from './modes/anagram.js';
import { boggleClose, bogglePlay, checkBoggleMove, startBoggleMode } from './modes/boggle.js';
import {
  classicAbandon,
  classicClose,
  classicLeave,
  classicPass,
  classicChallenge,
  classicResign,
  classicClockAt,
  classicTimeout,
  classicPlay,
  classicTrade,
  duplicateClose,
  duplicatePlay,
  readCrosswordMove,
  startClassicMode,
  startDuplicateMode,
  type Step,
} from './modes/crossword.js';
import { own, requestType, unknownRequestType, type GameRequest } from './requests.js';
import { PREDEFINED_GAMES, checkSettings, type GameSettingsInput } from './settings.js';
import {
  SERVER_ID,
  type DataAnswer,
  type EngineEnvironment,
  type GameEvent,
  type GameInfo,
  type GameState,
  type ModeContext,
  type PlayerState,
} from './types.js';

/** The longest player id accepted. */
export const MAX_PLAYER_ID = 64;

/** What `create` and `apply` return: the new state and what happened. */
export interface Applied {
  readonly state: GameState;
  readonly events: readonly GameEvent[];
}

/**
 * The game engine: one pure function, `apply(state, playerId, request)`, for every game type.
 * A server creates a game from settings, stores the state anywhere (it is plain data, see
 * `gameToJSON`), and applies each player's request; it runs its own timers and closes turns with
 * `{ type: 'close-turn' }` as the operator or as {@link SERVER_ID}.
 *
 * The signatures are typed ({@link GameRequest}, {@link GameSettingsInput}) so that an editor
 * completes them; untrusted JSON goes through {@link parseRequest} or {@link checkSettings} first
 * (or is cast: `create` and `apply` check every field again at run time and return the same
 * error values, so a JavaScript caller or a wrong cast can never corrupt a state).
 */
export interface Engine {
  /** A new game, waiting for players; its creator is its operator and first player. */
  create(settings: GameSettingsInput, operatorId: string): Result<Applied, EngineError>;
  /** Applies one request. A rejected request changes nothing and returns the catalogue's error. */
  apply(state: GameState, playerId: string, request: GameRequest): Result<Applied, EngineError>;
  /** The predefined game of a state, with its configuration and dictionary. */
  context(state: GameState): Result<ModeContext, EngineError>;
}

/** The cause of UNKNOWN_GAME_CODE: the codes there are. */
const GAME_CODES = `the game codes are ${Object.keys(PREDEFINED_GAMES).join(', ')}`;

/**
 * Creates an engine over dictionaries (by alphabet name). A game code whose configuration and
 * dictionary use different alphabets is refused (ALPHABET_MISMATCH, 90202); an unknown code
 * (UNKNOWN_GAME_CODE) names the codes there are; a game whose alphabet has no dictionary is
 * GAME_CREATION_ERROR with the alphabet in `param` and the reason in `cause`.
 */
export function createEngine(env: EngineEnvironment): Engine {
  const contexts = new Map<string, ModeContext>();
  const context = (code: string): Result<ModeContext, EngineError> => {
    const cached = contexts.get(code);
    if (cached !== undefined) return ok(cached);
    if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(PREDEFINED_GAMES, code))
      return err(engineError(Code.UNKNOWN_GAME_CODE, { param: String(code).slice(0, 64), cause: GAME_CODES }));
    const game = PREDEFINED_GAMES[code];
    if (game === undefined) return err(engineError(Code.UNKNOWN_GAME_CODE, { param: code, cause: GAME_CODES }));
    const config = presetConfig(game.config ?? 'en');
    if (!config.ok) return config;
    const name = config.value.alphabet.spec.name;
    const dictionary = env.dictionary(name);
    if (dictionary === undefined)
      return err(
        engineError(Code.GAME_CREATION_ERROR, {
          param: `no dictionary for alphabet ${name}`,
          cause: `game ${code} plays in alphabet ${name}, and the engine was given no dictionary for it`,
        }),
      );
    if (!sameAlphabet(config.value, dictionary) || languageMismatch(config.value, dictionary) !== undefined)
      return err(
        engineError(Code.ALPHABET_MISMATCH, {
          param: dictionary.alphabet.spec.name,
          cause: `game ${code} plays in alphabet ${name}; its dictionary is in ${dictionary.alphabet.spec.name} (a dictionary of one language never judges a game of another)`,
        }),
      );
    const ctx = Object.freeze({ game, config: config.value, dictionary });
    contexts.set(code, ctx);
    return ok(ctx);
  };
  return {
    create(settings: unknown, operatorId) {
      if (!isPlayerId(operatorId))
        return err(
          engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a player id is a non-empty string of at most 64 characters' }),
        );
      if (operatorId === SERVER_ID)
        return err(
          engineError(Code.BAD_GAME_CREATION_FORMAT, {
            cause: `${SERVER_ID} is reserved for the server and cannot play`,
          }),
        );
      const checked = checkSettings(settings);
      if (!checked.ok) return checked;
      const ctx = context(checked.value.settings.code);
      if (!ctx.ok) return ctx;
      const created: GameEvent = Object.freeze({ type: 'created', player: operatorId });
      const state: GameState = Object.freeze({
        settings: checked.value.settings,
        type: checked.value.game.type,
        operator: operatorId,
        players: Object.freeze([player(operatorId)]),
        status: 'waiting',
        turn: 0,
        history: EventLog.of<GameEvent>([created]),
      });
      return ok(Object.freeze({ state, events: Object.freeze([created]) }));
    },
    apply(state, playerId, request: unknown) {
      try {
        return applyRequest(state, playerId, request);
      } catch (e) {
        // Never reached by states the engine made or gameFromJSON accepted (the fuzz suites count these).
        return err(
          engineError(Code.UNKNOWN_ERROR, {
            param: 'internal error',
            cause: String((e as Error)?.message ?? e).slice(0, 200),
          }),
        );
      }
    },
    context: (state) => context(state?.settings?.code),
  };

  function applyRequest(state: GameState, playerId: string, request: unknown): Result<Applied, EngineError> {
    const ctx = context(state?.settings?.code);
    if (!ctx.ok) return ctx;
    const step = dispatch(state, playerId, request, ctx.value);
    if (!step.ok) return step;
    const { events } = step.value;
    // Data answers are not recorded, nor the comings and goings before the start (the start records the seats).
    const recorded = events.filter(
      (e) =>
        e.type !== 'data' &&
        !(state.status === 'waiting' && (e.type === 'joined' || e.type === 'left' || e.type === 'kicked')),
    );
    const next =
      recorded.length === 0
        ? step.value.state
        : Object.freeze({ ...step.value.state, history: step.value.state.history.append(recorded) });
    return ok(Object.freeze({ state: next, events: Object.freeze(events) }));
  }
}

/** The id of the player to move in a running classic game, else undefined. */
export function toMove(state: GameState): string | undefined {
  return state.status === 'running' && state.classic !== undefined
    ? state.players[state.classic.toMove]?.id
    : undefined;
}

function player(id: string): PlayerState {
  return Object.freeze({ id, score: 0, left: false });
}

function isPlayerId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_PLAYER_ID;
}

function indexOf(state: GameState, playerId: string): number {
  return state.players.findIndex((p) => p.id === playerId);
}

function dispatch(state: GameState, playerId: string, untrusted: unknown, ctx: ModeContext): Step {
  if (!isPlayerId(playerId))
    return err(
      engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a player id is a non-empty string of at most 64 characters' }),
    );
  const envelope = requestType(untrusted);
  if (!envelope.ok) return envelope;
  const type = envelope.value;
  const request = untrusted as object; // an object with a type string, as requestType checked
  switch (type) {
    case 'join':
      return join(state, playerId);
    case 'leave':
      return leave(state, playerId, playerId, ctx);
    case 'start':
      return start(state, playerId, request, ctx);
    case 'kick':
      return kick(state, playerId, request, ctx);
    case 'play':
      return timed(state, playerId, request, ctx, true, (s) => play(s, playerId, request, ctx));
    case 'trade':
      return timed(state, playerId, request, ctx, true, (s) => trade(s, playerId, request, ctx));
    case 'pass':
      return timed(state, playerId, request, ctx, true, (s) => pass(s, playerId, ctx));
    case 'challenge':
      return timed(state, playerId, request, ctx, true, (s) =>
        classicOnly(s, playerId, 'challenge', (i) => classicChallenge(s, i, ctx)),
      );
    case 'resign':
      return timed(state, playerId, request, ctx, true, (s) =>
        classicOnly(s, playerId, 'resign', (i) => classicResign(s, i, ctx)),
      );
    case 'close-turn':
      return timed(state, playerId, request, ctx, false, (s) => closeTurn(s, playerId, ctx));
    case 'tick':
      return tick(state, playerId, request, ctx);
    case 'hand':
    case 'board':
    case 'scores':
    case 'info':
      return data(state, playerId, type, ctx);
    default:
      return err(unknownRequestType(type));
  }
}

// ---- lifecycle ---------------------------------------------------------------------------------

function join(state: GameState, playerId: string): Step {
  if (playerId === SERVER_ID)
    return err(engineError(Code.BAD_JOIN_FORMAT, { cause: `${SERVER_ID} is reserved for the server` }));
  if (indexOf(state, playerId) >= 0) return err(engineError(Code.PLAYER_ALREADY_IN_GAME));
  if (state.status !== 'waiting')
    return err(engineError(Code.GAME_ALREADY_STARTED, { cause: 'players join before the start' }));
  if (state.players.length >= state.settings.maxPlayers) return err(engineError(Code.GAME_FULL));
  // Whoever joins an empty waiting room becomes its operator.
  const operator = state.players.length === 0 ? playerId : state.operator;
  return ok({
    state: Object.freeze({ ...state, operator, players: Object.freeze([...state.players, player(playerId)]) }),
    events: [{ type: 'joined', player: playerId }],
  });
}

function leave(state: GameState, target: string, by: string, ctx: ModeContext): Step {
  const kicked = target !== by;
  const i = indexOf(state, target);
  if (i < 0 || state.players[i]?.left === true)
    return err(engineError(kicked ? Code.NO_SUCH_USER_IN_GAME : Code.NOT_IN_GAME, kicked ? { param: target } : {}));
  const event: GameEvent = kicked ? { type: 'kicked', player: target, by } : { type: 'left', player: target };
  if (state.status === 'waiting') {
    const players = Object.freeze(state.players.filter((_, k) => k !== i));
    const operator = state.operator === target && players[0] !== undefined ? players[0].id : state.operator;
    return ok({ state: Object.freeze({ ...state, players, operator }), events: [event] });
  }
  const players = Object.freeze(state.players.map((p, k) => (k === i ? Object.freeze({ ...p, left: true }) : p)));
  const next: GameState = Object.freeze({ ...state, players });
  if (next.status === 'running' && next.classic !== undefined) {
    if (players.every((p) => p.left)) {
      const ended = classicAbandon(next, ctx);
      return ended.ok ? ok({ state: ended.value.state, events: [event, ...ended.value.events] }) : ended;
    }
    const left = classicLeave(next, i, ctx);
    return ok({ state: left.state, events: [event, ...left.events] });
  }
  return ok({ state: next, events: [event] });
}

/** The operator (while still in the game) or the server. */
function isOperator(state: GameState, playerId: string): boolean {
  return (
    playerId === SERVER_ID || (playerId === state.operator && state.players.some((p) => p.id === playerId && !p.left))
  );
}

function start(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  if (!isOperator(state, playerId)) return err(engineError(Code.NOT_OPERATOR));
  if (state.status !== 'waiting') return err(engineError(Code.GAME_ALREADY_STARTED));
  if (state.players.length === 0)
    return err(engineError(Code.NO_PLAYERS, { cause: 'a game starts with at least one player' }));
  // With clocks, the first player's time runs from the start's `at`.
  const at = state.settings.clock === undefined ? undefined : clockTime(request, 0);
  if (at !== undefined && !at.ok) return at;
  const running: GameState = Object.freeze({ ...state, status: 'running', turn: 1 });
  const started: Step =
    state.type === 'classic'
      ? ok({ state: startClassicMode(running, ctx, at?.value), events: [] })
      : state.type === 'duplicate'
        ? startDuplicateMode(running, ctx)
        : state.type === 'anagram'
          ? startAnagramMode(running, ctx)
          : startBoggleMode(running, ctx);
  if (!started.ok) return started;
  const event: GameEvent = {
    type: 'started',
    player: playerId,
    players: Object.freeze(state.players.map((p) => p.id)),
    operator: state.operator,
    ...(at === undefined ? {} : { at: at.value }),
  };
  return ok({ state: started.value.state, events: [event] });
}

// ---- clocks ------------------------------------------------------------------------------------

/** The request's `at`: a whole number of ms, not before `since` (BAD_CLOCK_TIME otherwise). */
function clockTime(request: object, since: number): Result<number, EngineError> {
  const at = own(request, 'at');
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < since)
    return err(
      engineError(Code.BAD_CLOCK_TIME, {
        param: 'at',
        cause:
          at === undefined
            ? 'a move of a game with clocks carries the time at (whole ms)'
            : `at is a whole number of ms, not before ${since}`,
      }),
    );
  return ok(at);
}

/**
 * Runs a move of a running classic game with clocks at its time `at` (required, or optional for
 * `close-turn`): the player to move's time runs up to it first, and when their overtime is used
 * up the game ends on time instead (the move is not made). The move's recorded events carry
 * `at`. Requests of players outside the game, and games without clocks, go straight through.
 */
function timed(
  state: GameState,
  playerId: string,
  request: object,
  ctx: ModeContext,
  required: boolean,
  run: (state: GameState) => Step,
): Step {
  const clockSettings = state.settings.clock;
  const clock = state.classic?.clock;
  if (clockSettings === undefined || clock === undefined || state.status !== 'running') return run(state);
  if (indexOf(state, playerId) < 0 && playerId !== SERVER_ID) return run(state);
  if (!required && own(request, 'at') === undefined) return run(state);
  const at = clockTime(request, clock.since);
  if (!at.ok) return at;
  const mover = (state.classic as ClassicState).toMove;
  if (flagFallen(clock, mover, at.value, clockSettings)) return classicTimeout(state, at.value, ctx);
  const step = run(classicClockAt(state, at.value));
  if (!step.ok) return step;
  const stamp = (e: GameEvent): GameEvent =>
    e.type === 'played' ||
    e.type === 'traded' ||
    e.type === 'passed' ||
    e.type === 'challenged' ||
    e.type === 'resigned'
      ? { ...e, at: at.value }
      : e;
  return ok({ state: step.value.state, events: step.value.events.map(stamp) });
}

/**
 * The time is `at` (a server's tick, or anyone in the game): when the player to move's overtime
 * is used up, the game ends on time; else nothing changes. NO_CLOCK in a game without clocks.
 */
function tick(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  if (state.settings.clock === undefined) return err(engineError(Code.NO_CLOCK));
  if (indexOf(state, playerId) < 0 && playerId !== SERVER_ID) return err(engineError(Code.NOT_IN_GAME));
  if (state.status === 'waiting') return err(engineError(Code.GAME_NOT_STARTED));
  if (state.status === 'over') return err(engineError(Code.GAME_OVER));
  const c = state.classic as ClassicState;
  const clock = c.clock as ClassicClock;
  const at = clockTime(request, clock.since);
  if (!at.ok) return at;
  if (flagFallen(clock, c.toMove, at.value, state.settings.clock)) return classicTimeout(state, at.value, ctx);
  return ok({ state, events: [] });
}

function kick(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  const target = own(request, 'player');
  if (!isPlayerId(target)) return err(engineError(Code.BAD_KICK_FORMAT, { cause: 'kick needs a player id' }));
  if (!isOperator(state, playerId)) return err(engineError(Code.KICK_NOT_OPERATOR));
  if (target === playerId)
    return err(engineError(Code.BAD_KICK_FORMAT, { cause: 'leave the game instead of kicking yourself' }));
  return leave(state, target, playerId, ctx);
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
    return checked.ok ? bogglePlay(state, gate.value, checked.value, ctx) : checked;
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
  return state.type === 'classic'
    ? classicPlay(state, gate.value, request, ctx)
    : duplicatePlay(state, gate.value, request, ctx);
}

function trade(state: GameState, playerId: string, request: object, ctx: ModeContext): Step {
  const tiles = readTrade(request, ctx.config);
  if (!tiles.ok) return tiles;
  const gate = moveGate(state, playerId);
  if (!gate.ok) return gate;
  if (state.type !== 'classic') return err(engineError(Code.TRADING_IMPOSSIBLE));
  return classicTrade(state, gate.value, tiles.value, ctx);
}

/** A request of classic games only (60000 in another game), by a player of the running game. */
function classicOnly(state: GameState, playerId: string, type: string, run: (player: number) => Step): Step {
  if (state.type !== 'classic')
    return err(engineError(Code.BAD_MOVES_FORMAT, { cause: `${type} is a request of classic games` }));
  const gate = moveGate(state, playerId);
  return gate.ok ? run(gate.value) : gate;
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
      // Boggle has no turns to pass: nothing changes and nothing is recorded.
      return ok({ state, events: [] });
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

/** The answer to a data request of a player of the game (or the server). */
function data(state: GameState, playerId: string, what: DataAnswer['what'], ctx: ModeContext): Step {
  const i = indexOf(state, playerId);
  if (i < 0 && playerId !== SERVER_ID) return err(engineError(Code.NOT_IN_GAME));
  const alphabet = ctx.config.alphabet;
  let answer: DataAnswer;
  if (what === 'scores')
    answer = { type: 'data', what, value: state.players.map((p) => ({ player: p.id, score: p.score })) };
  else if (what === 'info') answer = { type: 'data', what, value: gameInfo(state) };
  else if (what === 'hand') {
    const tiles = i < 0 ? undefined : (state.classic?.tiles.hands[i] ?? state.duplicate?.hand ?? state.anagram?.draw);
    answer = { type: 'data', what, value: tiles === undefined ? null : formatTiles(tiles, alphabet) };
  } else {
    const board = state.classic?.tiles.board ?? state.duplicate?.board;
    answer = {
      type: 'data',
      what,
      value:
        board !== undefined
          ? formatBoard(board, alphabet).trimEnd().split('\n')
          : state.boggle !== undefined
            ? state.boggle.grid.faces
            : null,
    };
  }
  return ok({ state, events: [answer] });
}

/** What a game looks like to anyone. */
export function gameInfo(state: GameState): GameInfo {
  // Never the seed: with it anyone could replay the deal and read every rack.
  const { seed: _seed, ...settings } = state.settings;
  return {
    settings,
    type: state.type,
    status: state.status,
    turn: state.turn,
    operator: state.operator,
    players: state.players.map((p) => p.id),
    toMove: toMove(state) ?? null,
  };
}
