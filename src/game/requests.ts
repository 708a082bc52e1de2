import type { BoggleMoveInput } from '../boggle/rules.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import type { MoveInput } from '../rules/crossword.js';

/** Takes a seat in a waiting game. */
export interface JoinRequest {
  readonly type: 'join';
}
/** Leaves the game (a running classic game goes on without the player). */
export interface LeaveRequest {
  readonly type: 'leave';
}
/** Starts the game (its operator, or the server); with clocks, at `at` (the caller's ms). */
export interface StartRequest {
  readonly type: 'start';
  readonly at?: number;
}
/** Removes a player (the operator, or the server). */
export interface KickRequest {
  readonly type: 'kick';
  readonly player: string;
}
/** A classic or duplicate move: the new tiles (`row`, `col` 0-based; a blank names its letter). */
export interface CrosswordPlayRequest extends MoveInput {
  readonly type: 'play';
  /** Classic games with clocks: when the move is made (the caller's ms), as for every move. */
  readonly at?: number;
}
/** An anagram move: one word from the turn's draw. */
export interface AnagramPlayRequest {
  readonly type: 'play';
  readonly word: string;
}
/** A Boggle move: the path of cells, or a word whose path the engine finds. */
export type BogglePlayRequest = { readonly type: 'play' } & BoggleMoveInput;
/** Puts tiles back in the bag for as many new ones (classic games): glyphs as written, `?` a blank. */
export interface TradeRequest {
  readonly type: 'trade';
  readonly glyphs: readonly string[];
  readonly at?: number;
}
/** Passes the turn (classic, duplicate, anagram). */
export interface PassRequest {
  readonly type: 'pass';
  readonly at?: number;
}
/** Closes the turn or round (the operator or the server; the engine runs no timers). */
export interface CloseTurnRequest {
  readonly type: 'close-turn';
  readonly at?: number;
}
/** Classic games under a challenge rule: the player to move challenges the last play. */
export interface ChallengeRequest {
  readonly type: 'challenge';
  readonly at?: number;
}
/** Classic games: the player resigns (the game ends; they lose it). */
export interface ResignRequest {
  readonly type: 'resign';
  readonly at?: number;
}
/** Classic games with clocks: the time is `at` (the game ends when the player to move's overtime is used up). */
export interface TickRequest {
  readonly type: 'tick';
  readonly at: number;
}
/** Asks for data, answered by a `data` event: the player's hand, the board, the scores, the game's info. */
export interface DataRequest {
  readonly type: 'hand' | 'board' | 'scores' | 'info';
}

/** The requests every game type takes. */
export type CommonRequest = JoinRequest | LeaveRequest | StartRequest | KickRequest | CloseTurnRequest | DataRequest;
/** The requests of a classic game. */
export type ClassicRequest =
  CommonRequest | CrosswordPlayRequest | TradeRequest | PassRequest | ChallengeRequest | ResignRequest | TickRequest;
/** The requests of a duplicate game. */
export type DuplicateRequest = CommonRequest | CrosswordPlayRequest | PassRequest;
/** The requests of an anagram game. */
export type AnagramRequest = CommonRequest | AnagramPlayRequest | PassRequest;
/** The requests of a Boggle game (a pass is accepted and changes nothing). */
export type BoggleRequest = CommonRequest | BogglePlayRequest | PassRequest;
/** Every request `Engine.apply` takes, discriminated by `type`. */
export type GameRequest = ClassicRequest | DuplicateRequest | AnagramRequest | BoggleRequest;
/** The request types, as `type` spells them. */
export type RequestType = GameRequest['type'];

/** The request types `apply` knows. */
export const REQUEST_TYPES: readonly RequestType[] = Object.freeze([
  'join',
  'leave',
  'start',
  'kick',
  'play',
  'trade',
  'pass',
  'challenge',
  'resign',
  'tick',
  'close-turn',
  'hand',
  'board',
  'scores',
  'info',
] as const);

/** A field of an untrusted object, its own only (never one of its prototype's). */
export function own(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** UNKNOWN_COMMAND for a request type `apply` does not know, naming the ones it does. */
export function unknownRequestType(type: string): EngineError {
  return engineError(Code.UNKNOWN_COMMAND, {
    param: type.slice(0, 64),
    cause: `known types: ${REQUEST_TYPES.join(', ')}`,
  });
}

/**
 * The `type` of an untrusted request: EMPTY_MESSAGE for nothing, BAD_MESSAGE_FORMAT
 * for anything but an object with a `type` string (whether the type is known is not checked).
 */
export function requestType(value: unknown): Result<string, EngineError> {
  if (value === undefined || value === null) return err(engineError(Code.EMPTY_MESSAGE));
  if (typeof value !== 'object' || Array.isArray(value))
    return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a request is an object with a type' }));
  const type = own(value, 'type');
  if (typeof type !== 'string')
    return err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a request needs a type string' }));
  return ok(type);
}

/**
 * Reads untrusted JSON (a socket message, a queued job) as a {@link GameRequest}: the envelope and
 * each field's type, with the codes `apply` gives for the same fault (60000 for a malformed move,
 * 60200 for a malformed trade, 30000-style format codes otherwise). What depends on the game
 * (glyphs of its alphabet, squares of its board, whose turn it is) is left to `apply`, which
 * checks everything again: a request typed by hand is never trusted either.
 */
export function parseRequest(value: unknown): Result<GameRequest, EngineError> {
  const envelope = requestType(value);
  if (!envelope.ok) return envelope;
  const type = envelope.value;
  const request = value as object; // an object with a type string, as requestType checked
  if (!(REQUEST_TYPES as readonly string[]).includes(type)) return err(unknownRequestType(type));
  if (type === 'kick' && typeof own(request, 'player') !== 'string')
    return err(engineError(Code.BAD_KICK_FORMAT, { cause: 'kick needs a player id' }));
  if (type === 'trade') {
    const glyphs = own(request, 'glyphs');
    if (!Array.isArray(glyphs) || !glyphs.every((g) => typeof g === 'string'))
      return err(engineError(Code.BAD_TRADE_FORMAT, { cause: 'a trade is { type: "trade", glyphs: string[] }' }));
  }
  if (type === 'play') {
    const shaped =
      Array.isArray(own(request, 'tiles')) ||
      typeof own(request, 'word') === 'string' ||
      Array.isArray(own(request, 'path'));
    if (!shaped)
      return err(
        engineError(Code.BAD_MOVES_FORMAT, {
          cause: 'a play carries tiles (crossword), a word (anagram, Boggle) or a path (Boggle)',
        }),
      );
  }
  return ok(request as GameRequest);
}
