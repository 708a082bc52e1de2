import { catalogueEntry } from './catalogue.js';

/**
 * An error value. `code` and `param` follow the catalogue; `name` is its stable UPPER_SNAKE name;
 * `cause` says what in the input was wrong; `detail` carries rule-specific data (for 60108, every
 * invalid word).
 */
export interface EngineError<D = unknown> {
  readonly code: number;
  readonly name: string;
  readonly message: string;
  readonly param?: string | number;
  readonly cause?: string;
  readonly detail?: D;
}

/** Codes by name, for readable comparisons: `error.code === Code.INCORRECT_WORDS`. */
export const Code = {
  BAD_MESSAGE_FORMAT: 99000,
  EMPTY_MESSAGE: 99001,
  UNKNOWN_COMMAND: 99002,
  BAD_IDENTIFICATION: 99003,
  EXCESS_FLOOD: 99004,
  IDLE_DISCONNECTION: 99005,
  ADMIN_KICK: 99006,
  UNKNOWN_ERROR: 99999,
  BAD_CLIENT_TYPE_FORMAT: 10000,
  CLIENT_ALREADY_CONNECTED: 10001,
  NO_CLIENT_NAME: 10002,
  ILLEGAL_CLIENT_NAME: 10003,
  NO_CLIENT_VERSION: 10004,
  ILLEGAL_CLIENT_VERSION: 10005,
  NO_PROTOCOL_VERSION: 10006,
  ILLEGAL_PROTOCOL_VERSION: 10007,
  UNSUPPORTED_PROTOCOL: 10008,
  BAD_PLAYER_IDENTIFICATION_FORMAT: 10100,
  PLAYER_ALREADY_CONNECTED: 10101,
  NO_PLAYER_NAME: 10102,
  ILLEGAL_PLAYER_NAME: 10103,
  NAME_IN_USE: 10104,
  INCORRECT_PASSWORD: 10105,
  BAD_CHAT_FORMAT: 20000,
  EMPTY_CHAT_MESSAGE: 20001,
  BAD_WHISPER_FORMAT: 20100,
  NO_WHISPERED_USER: 20101,
  NO_SUCH_USER: 20102,
  EMPTY_WHISPER: 20103,
  BAD_CHAT_ACTION_FORMAT: 20200,
  EMPTY_ACTION_TEXT: 20201,
  BAD_GAME_CREATION_FORMAT: 30000,
  CREATOR_ALREADY_IN_GAME: 30001,
  GAME_CREATION_ERROR: 30002,
  NO_GAME_NAME: 30101,
  GAME_ALREADY_ON_SERVER: 30102,
  ILLEGAL_GAME_NAME: 30103,
  NO_TIME_PER_TURN: 30104,
  NON_INTEGER_TIME_PER_TURN: 30105,
  TIME_PER_TURN_TOO_SHORT: 30106,
  NO_GAME_CODE: 30107,
  UNKNOWN_GAME_CODE: 30108,
  NO_MAX_PLAYERS: 30109,
  NON_INTEGER_MAX_PLAYERS: 30110,
  MAX_PLAYERS_TOO_SMALL: 30111,
  ILLEGAL_GAME_DESCRIPTION: 30112,
  BAD_JOIN_FORMAT: 35000,
  PLAYER_ALREADY_IN_GAME: 35001,
  NO_GAME_NAME_TO_JOIN: 35002,
  NO_SUCH_GAME: 35003,
  GAME_FULL: 35101,
  PLAYER_BANNED: 35102,
  NOT_OPERATOR: 40001,
  GAME_ALREADY_STARTED: 40002,
  NO_PLAYERS: 40003,
  BAD_KICK_FORMAT: 40100,
  KICK_NOT_OPERATOR: 40101,
  NO_SUCH_USER_IN_GAME: 40102,
  NOT_IN_GAME: 50001,
  BAD_MOVES_FORMAT: 60000,
  ALREADY_PLAYED: 60001,
  NOT_YOUR_TURN: 60002,
  NO_MOVES_SENT: 60003,
  GAME_NOT_STARTED: 60004,
  GAME_OVER: 60005,
  NOT_IN_GAME_PLAYER: 60006,
  UNALIGNED_MOVES: 60101,
  ILLEGAL_GLYPH: 60102,
  OVERLAPPING_GLYPH: 60103,
  MOVES_NOT_CONTINUOUS: 60104,
  FIRST_MOVE_TOO_SHORT: 60105,
  FIRST_MOVE_NOT_THROUGH_CENTER: 60106,
  ISOLATED_MOVES: 60107,
  INCORRECT_WORDS: 60108,
  SAME_TILE_TWICE: 60109,
  MOVES_NOT_CONTIGUOUS: 60110,
  MOVES_TOO_SHORT: 60111,
  WORD_ALREADY_SUBMITTED: 60112,
  TOO_MANY_WORDS: 60113,
  BAD_TRADE_FORMAT: 60200,
  TILES_NOT_IN_HAND: 60201,
  TRADING_IMPOSSIBLE: 60202,
  TRADE_ERROR: 60203,
  BAG_TOO_SMALL: 60204,
  DICT_TRUNCATED: 90100,
  DICT_BAD_MAGIC: 90101,
  DICT_UNSUPPORTED_VERSION: 90102,
  DICT_CHECKSUM_MISMATCH: 90103,
  DICT_CORRUPT: 90104,
  DICT_TOO_LARGE: 90105,
  FILE_UNREADABLE: 90106,
  BAD_ALPHABET: 90200,
  BAD_QUERY: 90201,
  ALPHABET_MISMATCH: 90202,
  BAD_CONFIGURATION: 90300,
  BAD_NOTATION: 90400,
  BAD_STATE: 90401,
  BAD_RECORD: 90402,
  USAGE: 90500,
  ENGINE_FAILED: 90600,
  LISTENER_ERROR: 90700,
  INVALID_SESSION_TOKEN: 90701,
  MISSING_ACCESS_KEY_SCOPES: 90702,
  INVALID_ACCESS_KEY: 90703,
  TOO_MANY_ATTEMPTS: 90704,
  NAME_REGISTERED: 90705,
  WEAK_PASSWORD: 90706,
  NOTHING_TO_CHALLENGE: 90800,
  CHALLENGE_WINDOW_CLOSED: 90801,
  CHALLENGE_OWN_PLAY: 90802,
  CHALLENGE_OR_PASS: 90803,
  NO_CLOCK: 90804,
  BAD_CLOCK_TIME: 90805,
} as const;

/** A code of the catalogue or of the engine's extensions. */
export type ErrorCode = (typeof Code)[keyof typeof Code];

/** Options of {@link engineError}. */
export interface ErrorOptions<D> {
  param?: string | number;
  cause?: string;
  detail?: D;
  message?: string;
}

/** Builds the error value of a code; the message defaults to the catalogue's description. */
export function engineError<D = unknown>(code: ErrorCode, options: ErrorOptions<D> = {}): EngineError<D> {
  const entry = catalogueEntry(code);
  const error: { -readonly [K in keyof EngineError<D>]: EngineError<D>[K] } = {
    code,
    name: entry?.name ?? 'UNKNOWN_ERROR',
    message: options.message ?? entry?.description ?? 'Unknown error.',
  };
  if (options.param !== undefined) error.param = options.param;
  if (options.cause !== undefined) error.cause = options.cause;
  if (options.detail !== undefined) error.detail = options.detail;
  return error;
}

/** The socket-error envelope of a game backend: `{ res: 'v1.error', data: { req, message, errorCode, cause } }`. */
export interface SocketError {
  readonly res: 'v1.error';
  readonly data: {
    readonly req: string;
    readonly message: string;
    readonly errorCode: string;
    readonly cause?: string;
  };
}

/**
 * Wraps an error value in the socket-error envelope. `errorCode` is the stable name; `cause` is the
 * error's cause, or its parameter when it has no cause.
 */
export function toSocketError(error: EngineError, req = 'unknown'): SocketError {
  const cause = error.cause ?? (error.param === undefined ? undefined : String(error.param));
  const data: { req: string; message: string; errorCode: string; cause?: string } = {
    req,
    message: error.message,
    errorCode: error.name,
  };
  if (cause !== undefined) data.cause = cause;
  return { res: 'v1.error', data };
}

/**
 * Text for any untrusted value in an error message: never throws (objects without a prototype or
 * with a hostile `toString` included) and stays short.
 */
export function describeValue(value: unknown): string {
  let s: string;
  try {
    s =
      typeof value === 'string'
        ? value
        : typeof value === 'object' && value !== null
          ? Object.prototype.toString.call(value)
          : String(value);
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return s.length > 64 ? `${s.slice(0, 61)}...` : s;
}
