/**
 * The game-server error catalogue (every category, 99xxx to 60xxx) as data, plus the engine's
 * extension codes. Codes and parameters follow the catalogue; names are stable UPPER_SNAKE
 * strings a client can switch on.
 */

/** One entry of the catalogue. */
export interface CatalogueEntry {
  /** The five-digit code: two digits of category, three of error. */
  readonly code: number;
  /** Stable machine-readable name. */
  readonly name: string;
  /** The catalogue's short title. */
  readonly title: string;
  /** The catalogue's description. */
  readonly description: string;
  /** The name of the error's parameter, when it has one ("illegal character", "word"...). */
  readonly param?: string;
  /** True for the engine's own codes that the catalogue lacks. */
  readonly extension?: true;
}

/** The catalogue's categories (first two digits of a code). */
export const ERROR_CATEGORIES = {
  99: 'General',
  10: 'Client Connection',
  20: 'Chat',
  30: 'Game Creation',
  35: 'Join Game',
  40: 'Operator Action',
  50: 'Game Data',
  60: 'When Playing',
  90: 'Engine (library) errors: dictionary files, word lists, configuration, notation',
} as const;

type Row = readonly [code: number, name: string, title: string, description: string, param?: string];

const CATALOGUE_ROWS: readonly Row[] = [
  [99000, 'BAD_MESSAGE_FORMAT', 'Bad message format', 'The message sent is in an unknown format.'],
  [99001, 'EMPTY_MESSAGE', 'Empty message', 'The message sent by client contains no data.'],
  [99002, 'UNKNOWN_COMMAND', 'Unknown command', "The 'command' sent is unknown to the server.", 'command'],
  [99003, 'BAD_IDENTIFICATION', 'Bad identification', 'The client or player identification misses.'],
  [99004, 'EXCESS_FLOOD', 'Excess flood', 'The client sent too much data in a small time.'],
  [99005, 'IDLE_DISCONNECTION', 'Idle disconnection', 'The client was idle for a too long time.'],
  [99006, 'ADMIN_KICK', 'Admin kick', 'The client has been kicked from the server by the server administrator.'],
  [
    99999,
    'UNKNOWN_ERROR',
    'Unknown error',
    'An unknown error occured when processing client message.',
    'error description',
  ],
  [10000, 'BAD_CLIENT_TYPE_FORMAT', 'Bad client type format', 'The Client Type message sent is in an unknown format.'],
  [10001, 'CLIENT_ALREADY_CONNECTED', 'Client already connected', 'This client is already connected to server.'],
  [10002, 'NO_CLIENT_NAME', 'No client name given', 'The name of the client used to connect to the server is missing.'],
  [
    10003,
    'ILLEGAL_CLIENT_NAME',
    'Client name contains illegal character(s)',
    'The client name contains characters not allowed by the server.',
    'illegal characters',
  ],
  [10004, 'NO_CLIENT_VERSION', 'No client version given', 'The version of the client is missing.'],
  [
    10005,
    'ILLEGAL_CLIENT_VERSION',
    'Client version contains illegal character(s)',
    'The client version contains characters not allowed on the server.',
    'illegal characters',
  ],
  [
    10006,
    'NO_PROTOCOL_VERSION',
    'No protocol version given',
    'The communication protocol version used by the client is missing.',
  ],
  [
    10007,
    'ILLEGAL_PROTOCOL_VERSION',
    'Protocol version contains illegal character(s)',
    'The protocol version contains characters not allowed on the server.',
    'illegal characters',
  ],
  [
    10008,
    'UNSUPPORTED_PROTOCOL',
    'Unsupported protocol',
    "The client's protocol version isn't supported by the server.",
    'protocol version',
  ],
  [
    10100,
    'BAD_PLAYER_IDENTIFICATION_FORMAT',
    'Bad player identification format',
    'The Player Name message sent is in an unknown format.',
  ],
  [
    10101,
    'PLAYER_ALREADY_CONNECTED',
    'Player already connected',
    'There is already a player with the same name on the server.',
  ],
  [10102, 'NO_PLAYER_NAME', 'No player name given', "The player's name is missing."],
  [
    10103,
    'ILLEGAL_PLAYER_NAME',
    'Player name contains illegal character(s)',
    'The name of the player contains characters not allowed on the server.',
    'illegal characters',
  ],
  [
    10104,
    'NAME_IN_USE',
    'Name already in use',
    'There is already a player connected with the same player name.',
    'player name',
  ],
  [10105, 'INCORRECT_PASSWORD', 'Incorrect password', 'Player name or password submitted is incorrect.'],
  [20000, 'BAD_CHAT_FORMAT', 'Bad chat message format', 'The chat message sent is in an unknown format.'],
  [20001, 'EMPTY_CHAT_MESSAGE', 'Empty chat message', 'The chat message sent is empty.'],
  [20100, 'BAD_WHISPER_FORMAT', 'Bad whisper message format', 'The whisper message sent is in an unknown format.'],
  [20101, 'NO_WHISPERED_USER', 'No whispered user given', 'The whispered player name is missing.'],
  [
    20102,
    'NO_SUCH_USER',
    'No such user',
    'The player to which the message is sent does not exist or is not connected.',
    'whispered player',
  ],
  [20103, 'EMPTY_WHISPER', 'Empty whisper text', 'The whisper text sent is empty.'],
  [
    20200,
    'BAD_CHAT_ACTION_FORMAT',
    'Bad chat action message format',
    'The chat action message sent is in an unknown format.',
  ],
  [20201, 'EMPTY_ACTION_TEXT', 'Empty action text', 'The action text sent is empty.'],
  [
    30000,
    'BAD_GAME_CREATION_FORMAT',
    'Bad game creation format',
    'The game creation message sent is in an unknown format.',
  ],
  [
    30001,
    'CREATOR_ALREADY_IN_GAME',
    'Creator is already in a game',
    'The player wanting to create a game is already in a game.',
  ],
  [
    30002,
    'GAME_CREATION_ERROR',
    'Error during game creation',
    'An unknown error occured during the game creation.',
    'error description',
  ],
  [30101, 'NO_GAME_NAME', 'No game name given', 'The game name is missing.'],
  [
    30102,
    'GAME_ALREADY_ON_SERVER',
    'Game already on server',
    'There is already a game with that name on server.',
    'game name',
  ],
  [
    30103,
    'ILLEGAL_GAME_NAME',
    'Game name contains illegal character(s)',
    'The game name contains characters that are not allowed.',
    'illegal character',
  ],
  [30104, 'NO_TIME_PER_TURN', 'No time per turn given', 'The time allowed to play a turn is missing.'],
  [
    30105,
    'NON_INTEGER_TIME_PER_TURN',
    'Non integer time per turn',
    'The time allowed to play a turn must be an integer.',
    'time per turn',
  ],
  [
    30106,
    'TIME_PER_TURN_TOO_SHORT',
    'Time per turn too short',
    'The time allowed to play a turn is too short.',
    'time per turn',
  ],
  [30107, 'NO_GAME_CODE', 'No predefined game code given', 'The code for the predefined game setting is missing.'],
  [
    30108,
    'UNKNOWN_GAME_CODE',
    'Unknown predefined game code',
    'The code for the predefined game setting does not exist.',
    'code',
  ],
  [30109, 'NO_MAX_PLAYERS', 'No maximum players given', 'The maximum number of players is missing.'],
  [
    30110,
    'NON_INTEGER_MAX_PLAYERS',
    'Non integer maximum players',
    'The maximum number of players must be an integer.',
    'max players',
  ],
  [
    30111,
    'MAX_PLAYERS_TOO_SMALL',
    'Number of maximum players too small',
    'The maximum number of players is too small; it has to be at least 1.',
    'max players',
  ],
  [
    30112,
    'ILLEGAL_GAME_DESCRIPTION',
    'Game description contains illegal character(s)',
    'The game description contains characters that are not allowed.',
    'illegal character',
  ],
  [35000, 'BAD_JOIN_FORMAT', 'Bad game joining format', 'The game joining request format is invalid.'],
  [
    35001,
    'PLAYER_ALREADY_IN_GAME',
    'Player is already in a game',
    'The player wanting to join a game is already playing a game.',
  ],
  [35002, 'NO_GAME_NAME_TO_JOIN', 'No game name to join given', 'The name of the game to join is missing.'],
  [35003, 'NO_SUCH_GAME', 'No such game', 'The game to join does not exist on server.', 'game name'],
  [
    35101,
    'GAME_FULL',
    'All player slots are full',
    'The maximum number of simultaneous players in this game has already been reached.',
  ],
  [
    35102,
    'PLAYER_BANNED',
    'Player is banned from game',
    'This player cannot join this game because they are banned from it.',
  ],
  [40001, 'NOT_OPERATOR', 'Not operator', 'The player is not the game creator or a game operator.'],
  [
    40002,
    'GAME_ALREADY_STARTED',
    'Game already started',
    "The game is already running. It cannot be restarted before it's over.",
  ],
  [40100, 'BAD_KICK_FORMAT', 'Bad kick message format', 'The kick message sent is in an unknown format.'],
  [40101, 'KICK_NOT_OPERATOR', 'Not operator', 'The player is not the game creator or a game operator.'],
  [40102, 'NO_SUCH_USER_IN_GAME', 'No such user in game', 'Player to kick is not in this game.', 'kicked player'],
  [
    50001,
    'NOT_IN_GAME',
    'Not connected to a game',
    'The player is not connected to any game, so they cannot ask for game data.',
  ],
  [60000, 'BAD_MOVES_FORMAT', 'Bad moves format', 'The moves message sent is in an unknown format.'],
  [60001, 'ALREADY_PLAYED', 'Already played', 'The player already played this turn.'],
  [60002, 'NOT_YOUR_TURN', 'Not your turn', "The player cannot play because it's not their turn."],
  [60003, 'NO_MOVES_SENT', 'No moves sent', "The player didn't submit any moves."],
  [60004, 'GAME_NOT_STARTED', "Game didn't start", "The player cannot play because the game didn't start yet."],
  [60005, 'GAME_OVER', 'Game is over', 'The player cannot play because the game is over.'],
  [60101, 'UNALIGNED_MOVES', 'Unaligned moves', 'The moves submitted were not aligned.'],
  [
    60102,
    'ILLEGAL_GLYPH',
    'Illegal or unavailable glyph(s)',
    'A letter that was not in the hand was used in the moves.',
    'illegal character',
  ],
  [
    60103,
    'OVERLAPPING_GLYPH',
    'Overlapping glyph(s)',
    'A letter was played over an existing letter on the board.',
    'overlapped letter',
  ],
  [60104, 'MOVES_NOT_CONTINUOUS', 'Moves not continuous', 'The moves submitted were not continuous.'],
  [
    60105,
    'FIRST_MOVE_TOO_SHORT',
    'First moves too short',
    'The first moves submitted have to be at least 2 letters wide.',
  ],
  [
    60106,
    'FIRST_MOVE_NOT_THROUGH_CENTER',
    'First moves not through center',
    "The first moves submitted didn't pass through the center of the board.",
  ],
  [
    60107,
    'ISOLATED_MOVES',
    'Isolated moves',
    "The moves submitted didn't touch at least one letter already on the board.",
  ],
  [60108, 'INCORRECT_WORDS', 'Incorrect word(s)', 'At least one of the words formed was incorrect.', 'word'],
  [60109, 'SAME_TILE_TWICE', 'Same tile used twice', 'A tile was used twice in the same moves (Boggle).'],
  [
    60110,
    'MOVES_NOT_CONTIGUOUS',
    'Moves not contiguous',
    'At least one tile is not neighbouring (horizontally, vertically or diagonally) the previous tile.',
  ],
  [60111, 'MOVES_TOO_SHORT', 'Moves too short', 'The moves played are not long enough.', 'minimum length'],
  [60200, 'BAD_TRADE_FORMAT', 'Bad trade letters format', 'The trade letters message sent is in an unknown format.'],
  [
    60201,
    'TILES_NOT_IN_HAND',
    'Tile(s) not in hand',
    'The player tried to change a letter that was not in their hand.',
    'letter',
  ],
  [60202, 'TRADING_IMPOSSIBLE', 'Trading impossible', 'The player cannot change their hand in this type of game.'],
  [60203, 'TRADE_ERROR', 'Error when trading letters', 'An unknown error occured when trading.'],
];

/**
 * The engine's extension codes: needed by the rule book but missing from the catalogue, numbered
 * in their category from the first free number. Category 90 is the engine's own (library errors
 * that never reach a game protocol: dictionary files, word lists, configuration, notation).
 */
const EXTENSION_ROWS: readonly Row[] = [
  [40003, 'NO_PLAYERS', 'No players', 'The game has no players to start with.'],
  [60006, 'NOT_IN_GAME_PLAYER', 'Player not in game', 'The player sending the move is not a player of this game.'],
  [
    60112,
    'WORD_ALREADY_SUBMITTED',
    'Word already submitted',
    'The player already submitted this word in this round (Boggle).',
    'word',
  ],
  [
    60113,
    'TOO_MANY_WORDS',
    'Too many words',
    'The player has submitted as many words as a round accepts (Boggle).',
    'words a round',
  ],
  [
    60204,
    'BAG_TOO_SMALL',
    'Not enough tiles in the bag',
    'Trading needs at least a full hand of tiles in the bag.',
    'tiles in bag',
  ],
  [90100, 'DICT_TRUNCATED', 'Truncated dictionary', 'The dictionary bytes end before the data they announce.'],
  [90101, 'DICT_BAD_MAGIC', 'Not a dictionary file', 'The bytes do not start with the dictionary magic number.'],
  [
    90102,
    'DICT_UNSUPPORTED_VERSION',
    'Unsupported dictionary version',
    'The dictionary file has a format version this engine cannot read.',
    'version',
  ],
  [
    90103,
    'DICT_CHECKSUM_MISMATCH',
    'Dictionary checksum mismatch',
    'The dictionary bytes are corrupted: the checksum does not match.',
  ],
  [90104, 'DICT_CORRUPT', 'Corrupt dictionary', 'The dictionary structure is invalid.'],
  [90105, 'DICT_TOO_LARGE', 'Dictionary too large', 'The automaton does not fit the packed arc format.'],
  [90106, 'FILE_UNREADABLE', 'File unreadable', 'The file cannot be read.', 'file'],
  [90200, 'BAD_ALPHABET', 'Bad alphabet', 'The alphabet definition is invalid.'],
  [
    90201,
    'BAD_QUERY',
    'Bad dictionary query',
    'A glyph of the query is not in the alphabet, or the query is malformed.',
    'text',
  ],
  [90202, 'ALPHABET_MISMATCH', 'Alphabet mismatch', 'The configuration and the dictionary use different alphabets.'],
  [90300, 'BAD_CONFIGURATION', 'Bad game configuration', 'The game configuration is invalid.'],
  [90400, 'BAD_NOTATION', 'Bad notation', 'The text could not be parsed.'],
  [90401, 'BAD_STATE', 'Bad state', 'The serialised state is invalid or inconsistent.'],
  [
    90402,
    'BAD_RECORD',
    'Bad game record',
    'The game record cannot be read: the detail names the problem (see GCG_PROBLEMS).',
    'line',
  ],
  [90500, 'USAGE', 'Usage error', 'A command was given unknown, missing or conflicting arguments.'],
  [
    90600,
    'ENGINE_FAILED',
    'Engine failed',
    'A match engine could not be started, or kept failing (timeouts, crashes) after restarts.',
    'engine',
  ],
  [
    90700,
    'LISTENER_ERROR',
    'Listener error',
    "A server's request handler failed in its own logic (the seed's LISTENER_ERROR); the cause says why, and the connection stays open.",
  ],
  [
    90701,
    'INVALID_SESSION_TOKEN',
    'Invalid session token',
    "A server's session token is missing, wrong, expired or revoked (the seed's INVALID_SESSION_TOKEN): log in again.",
  ],
  [
    90702,
    'MISSING_ACCESS_KEY_SCOPES',
    'Missing access key scope(s)',
    "The access key lacks a scope the request needs (the seed's MISSING_ACCESS_KEY_SCOPES).",
    'missing scopes',
  ],
  [
    90703,
    'INVALID_ACCESS_KEY',
    'Invalid access key',
    'The access key of an administration request is missing or unknown.',
  ],
  [
    90704,
    'TOO_MANY_ATTEMPTS',
    'Too many attempts',
    'Too many login or registration attempts in a short time: wait before trying again.',
    'seconds to wait',
  ],
  [
    90705,
    'NAME_REGISTERED',
    'Name registered',
    'The player name belongs to a registered account: a guest cannot take it, and it cannot be registered again.',
    'player name',
  ],
  [90706, 'WEAK_PASSWORD', 'Password refused', 'The password is too short, too long or not text.', 'minimum length'],
  [
    90800,
    'NOTHING_TO_CHALLENGE',
    'Nothing to challenge',
    'There is no play to challenge: the game has the void rule (every play is checked when made), or no play was made yet.',
  ],
  [
    90801,
    'CHALLENGE_WINDOW_CLOSED',
    'Challenge window closed',
    'The last play can no longer be challenged: the next player moved, or it was challenged already.',
  ],
  [90802, 'CHALLENGE_OWN_PLAY', 'Challenging your own play', 'A player cannot challenge their own play.'],
  [
    90803,
    'CHALLENGE_OR_PASS',
    'Challenge or pass',
    'The last play went out: the next player challenges it, or passes to end the game.',
  ],
  [90804, 'NO_CLOCK', 'No clock', 'A clock request (tick) in a game without clocks.'],
  [
    90805,
    'BAD_CLOCK_TIME',
    'Bad clock time',
    "A move of a game with clocks needs the time `at` (whole milliseconds), not earlier than the clock's last time.",
    'at',
  ],
];

function toEntry([code, name, title, description, param]: Row, extension: boolean): CatalogueEntry {
  const entry: { -readonly [K in keyof CatalogueEntry]: CatalogueEntry[K] } = { code, name, title, description };
  if (param !== undefined) entry.param = param;
  if (extension) entry.extension = true;
  return Object.freeze(entry);
}

/** Every code of the catalogue, in its order. */
export const CATALOGUE: readonly CatalogueEntry[] = Object.freeze(CATALOGUE_ROWS.map((r) => toEntry(r, false)));

/** The engine's extension codes (not in the catalogue). */
export const EXTENSIONS: readonly CatalogueEntry[] = Object.freeze(EXTENSION_ROWS.map((r) => toEntry(r, true)));

const BY_CODE = new Map<number, CatalogueEntry>([...CATALOGUE, ...EXTENSIONS].map((e) => [e.code, e]));

/** The catalogue or extension entry of a code, or undefined. */
export function catalogueEntry(code: number): CatalogueEntry | undefined {
  return BY_CODE.get(code);
}
