/**
 * The wire protocol (PROTOCOL.md): JSON messages over a WebSocket. A client sends
 * `{ "req": NAME, "id"?: ID, "data"?: {...} }`; the server answers `{ "res": NAME, "id"?: ID, "data": {...} }`,
 * pushes events as `{ "res": "v1.event", "data": {...} }`, and reports every rejected request in
 * the socket error envelope `{ "res": "v1.error", "data": { req, id?, code, errorCode, message, cause? } }`
 * with the catalogue's code. Everything a client sends is checked here before use.
 */
import { Code, type EngineError, engineError, err, type GameRequest, type GameSettingsInput, ok, parseRequest, type Result } from 'wordgame-engine';

export const PROTOCOL_VERSION = '1.0';
/** The largest message accepted (bytes of UTF-8). Larger ones get 99000 and are dropped. */
export const MAX_MESSAGE_BYTES = 16_384;
/** The longest chat text. */
export const MAX_TEXT = 500;

/** Names of players, clients and games: letters, digits, space, `_ . -`, 1 to 32 characters. */
const NAME = /^[\p{L}\p{N} _.-]{1,32}$/u;
/** Versions: `1.0`, `0.12-beta`... */
const VERSION = /^[0-9A-Za-z.+-]{1,16}$/;
/** Request ids: what the client chose, echoed back. */
const ID = /^[0-9A-Za-z_.:-]{1,64}$/;

/** A request that passed the checks. */
export type Request =
  | { readonly req: 'v1.client.identify'; readonly name: string; readonly version: string; readonly protocol: string }
  | { readonly req: 'v1.players.identify'; readonly name: string; readonly sessionToken?: string }
  | { readonly req: 'v1.chat.message'; readonly text: string }
  | { readonly req: 'v1.chat.whisper'; readonly to: string; readonly text: string }
  | { readonly req: 'v1.chat.action'; readonly text: string }
  | { readonly req: 'v1.games.list' }
  | { readonly req: 'v1.games.predefined' }
  | { readonly req: 'v1.games.create'; readonly settings: GameSettingsInput }
  | { readonly req: 'v1.games.join'; readonly game: string }
  | { readonly req: 'v1.games.view' }
  /** Bans a player from the requester's game (its operator), or with `banned: false` lets them back. */
  | { readonly req: 'v1.games.ban'; readonly player: unknown; readonly banned: boolean }
  | { readonly req: 'v1.games.request'; readonly request: GameRequest };

export const REQUESTS = ['v1.client.identify', 'v1.players.identify', 'v1.chat.message', 'v1.chat.whisper', 'v1.chat.action', 'v1.games.list', 'v1.games.predefined', 'v1.games.create', 'v1.games.join', 'v1.games.view', 'v1.games.request', 'v1.games.ban'] as const;

/** A decoded message: its name and id (for the answer or the error) and the request or the error. */
export interface Decoded {
  readonly req: string;
  /** The request's id as the client sent it (a string or an integer), echoed with its type. */
  readonly id?: string | number;
  readonly result: Result<Request, EngineError>;
}

/** The error envelope of one rejected request. */
export interface ErrorEnvelope {
  readonly res: 'v1.error';
  readonly data: { readonly req: string; readonly id?: string | number; readonly code: number; readonly errorCode: string; readonly message: string; readonly param?: string | number; readonly cause?: string };
}

/** Wraps an error value for the wire. */
export function errorEnvelope(error: EngineError, req = 'unknown', id?: string | number): ErrorEnvelope {
  return {
    res: 'v1.error',
    data: {
      req,
      ...(id === undefined ? {} : { id }),
      code: error.code,
      errorCode: error.name,
      message: error.message,
      ...(error.param === undefined ? {} : { param: error.param }),
      ...(error.cause === undefined ? {} : { cause: error.cause }),
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a text field: `missing` when absent or blank, `illegal` when it breaks `pattern`. */
function text(value: unknown, missing: number, illegal: number | undefined, pattern: RegExp | undefined, param: string): Result<string, EngineError> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return err(engineError(missing as never, { param }));
  if (typeof value !== 'string') return err(engineError((illegal ?? missing) as never, { param, cause: `${param} must be a string` }));
  if (pattern !== undefined && !pattern.test(value)) return err(engineError((illegal ?? missing) as never, { param: value.slice(0, 64), cause: `${param} may hold letters, digits, space and _ . - (1 to 32)` }));
  if (value.length > MAX_TEXT) return err(engineError((illegal ?? missing) as never, { param, cause: `${param} longer than ${MAX_TEXT} characters` }));
  return ok(value);
}

/** Checks a player name (10102 missing, 10103 with characters the server does not allow). */
export function playerName(value: unknown): Result<string, EngineError> {
  return text(value, Code.NO_PLAYER_NAME, Code.ILLEGAL_PLAYER_NAME, NAME, 'name');
}

/** Decodes and checks one message. Never throws. */
export function decode(raw: string): Decoded {
  if (raw.length === 0) return { req: 'unknown', result: err(engineError(Code.EMPTY_MESSAGE)) };
  // The limit is in bytes of UTF-8, not characters (an é is two bytes).
  if (raw.length > MAX_MESSAGE_BYTES || Buffer.byteLength(raw, 'utf8') > MAX_MESSAGE_BYTES) return { req: 'unknown', result: err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: `message over ${MAX_MESSAGE_BYTES} bytes` })) };
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return { req: 'unknown', result: err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'not JSON' })) };
  }
  if (!isObject(message)) return { req: 'unknown', result: err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'a message is a JSON object' })) };
  const id = typeof message.id === 'string' && ID.test(message.id) ? message.id : typeof message.id === 'number' && Number.isSafeInteger(message.id) ? message.id : undefined;
  const base = id === undefined ? {} : { id };
  // A bad id is refused, and the request with it: the client could not tell its answer apart.
  if (message.id !== undefined && id === undefined) return { req: typeof message.req === 'string' ? message.req.slice(0, 64) : 'unknown', result: err(engineError(Code.BAD_MESSAGE_FORMAT, { param: 'id', cause: 'an id is 1 to 64 letters, digits or _ . : -, or a whole number' })) };
  if (typeof message.req !== 'string') return { req: 'unknown', ...base, result: err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'no "req" field' })) };
  const req = message.req;
  if (!(REQUESTS as readonly string[]).includes(req)) return { req: 'unknown', ...base, result: err(engineError(Code.UNKNOWN_COMMAND, { param: req.slice(0, 64), cause: `known requests: ${REQUESTS.join(', ')}` })) };
  const data = message.data ?? {};
  const out = (result: Result<Request, EngineError>): Decoded => ({ req, ...base, result });
  const bad = (code: number, cause: string) => out(err(engineError(code as never, { cause })));
  switch (req) {
    case 'v1.client.identify': {
      if (!isObject(data)) return bad(Code.BAD_CLIENT_TYPE_FORMAT, 'data must be an object');
      const name = text(data.name, Code.NO_CLIENT_NAME, Code.ILLEGAL_CLIENT_NAME, NAME, 'name');
      if (!name.ok) return out(name);
      const version = text(data.version, Code.NO_CLIENT_VERSION, Code.ILLEGAL_CLIENT_VERSION, VERSION, 'version');
      if (!version.ok) return out(version);
      const protocol = text(data.protocol, Code.NO_PROTOCOL_VERSION, Code.ILLEGAL_PROTOCOL_VERSION, VERSION, 'protocol');
      if (!protocol.ok) return out(protocol);
      if (protocol.value !== PROTOCOL_VERSION) return out(err(engineError(Code.UNSUPPORTED_PROTOCOL, { param: protocol.value, cause: `this server speaks ${PROTOCOL_VERSION}` })));
      return out(ok({ req, name: name.value, version: version.value, protocol: protocol.value }));
    }
    case 'v1.players.identify': {
      if (!isObject(data)) return bad(Code.BAD_PLAYER_IDENTIFICATION_FORMAT, 'data must be an object');
      const name = playerName(data.name);
      if (!name.ok) return out(name);
      // The seed's optional session token, checked against the player by the server.
      if (data.sessionToken === undefined) return out(ok({ req, name: name.value }));
      if (typeof data.sessionToken !== 'string' || data.sessionToken.length > 128) return bad(Code.INVALID_SESSION_TOKEN, 'sessionToken is a string');
      return out(ok({ req, name: name.value, sessionToken: data.sessionToken }));
    }
    case 'v1.chat.message':
    case 'v1.chat.action': {
      const [format, empty] = req === 'v1.chat.message' ? [Code.BAD_CHAT_FORMAT, Code.EMPTY_CHAT_MESSAGE] : [Code.BAD_CHAT_ACTION_FORMAT, Code.EMPTY_ACTION_TEXT];
      if (!isObject(data)) return bad(format, 'data must be an object');
      if (data.text !== undefined && typeof data.text !== 'string') return bad(format, 'text must be a string');
      const t = text(data.text, empty, format, undefined, 'text');
      return out(t.ok ? ok({ req, text: t.value }) : t);
    }
    case 'v1.chat.whisper': {
      if (!isObject(data)) return bad(Code.BAD_WHISPER_FORMAT, 'data must be an object');
      const to = text(data.to, Code.NO_WHISPERED_USER, Code.BAD_WHISPER_FORMAT, NAME, 'to');
      if (!to.ok) return out(to);
      if (data.text !== undefined && typeof data.text !== 'string') return bad(Code.BAD_WHISPER_FORMAT, 'text must be a string');
      const t = text(data.text, Code.EMPTY_WHISPER, Code.BAD_WHISPER_FORMAT, undefined, 'text');
      return out(t.ok ? ok({ req, to: to.value, text: t.value }) : t);
    }
    case 'v1.games.list':
    case 'v1.games.predefined':
    case 'v1.games.view':
      return out(ok({ req }));
    case 'v1.games.create':
      if (!isObject(data)) return bad(Code.BAD_GAME_CREATION_FORMAT, 'data must be an object (the game settings)');
      // Each field is checked by engine.create (the catalogue's 30xxx codes, in its order).
      return out(ok({ req, settings: data as unknown as GameSettingsInput }));
    case 'v1.games.join': {
      if (!isObject(data)) return bad(Code.BAD_JOIN_FORMAT, 'data must be an object');
      const game = text(data.game, Code.NO_GAME_NAME_TO_JOIN, Code.BAD_JOIN_FORMAT, undefined, 'game');
      return out(game.ok ? ok({ req, game: game.value }) : game);
    }
    case 'v1.games.ban':
      // The player is checked by the ban itself (40100), like a kick's.
      if (!isObject(data)) return bad(Code.BAD_KICK_FORMAT, 'data must be an object: { player, banned? }');
      if (data.banned !== undefined && typeof data.banned !== 'boolean') return bad(Code.BAD_KICK_FORMAT, 'banned is true or false');
      return out(ok({ req, player: data.player, banned: data.banned !== false }));
    case 'v1.games.request':
      if (!isObject(data)) return bad(Code.BAD_MESSAGE_FORMAT, 'data must be an object (an engine request)');
      {
        const request = parseRequest(data);
        return out(request.ok ? ok({ req, request: request.value }) : request);
      }
  }
  return bad(Code.UNKNOWN_COMMAND, req);
}
