import type { Alphabet } from '../alphabet/alphabet.js';
import type { Board, Placement } from '../board/board.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { formatPlay, parsePlay, type PlayNotationProblem } from './move.js';
import { formatTiles, parseTiles } from './tokens.js';

/**
 * A move as engines exchange it (the move strings of MAGPIE's console and UCGI-style tools):
 * `8H WORD` across from row 8 column H, `H8 WORD` down, tiles already on the board written as
 * their letters (or `.`), lower case for a blank; `ex ABC` an exchange (`?` a blank); `pass`.
 */
export type EngineMove =
  | { readonly kind: 'play'; readonly placements: readonly Placement[] }
  | { readonly kind: 'exchange'; readonly tiles: readonly Tile[] }
  | { readonly kind: 'pass' };

const MAX_MOVE_STRING = 256;

/**
 * Reads a move string against the board it is played on (plays are checked against the board's
 * tiles, not against the rules: validate them with `validateMove`). BAD_NOTATION (90400) with
 * `detail.reason` when it is not one.
 */
export function parseMoveString(
  text: string,
  board: Board,
  alphabet: Alphabet,
): Result<EngineMove, EngineError<PlayNotationProblem>> {
  const bad = (cause: string) =>
    err(engineError<PlayNotationProblem>(Code.BAD_NOTATION, { cause, detail: { reason: 'syntax' } }));
  if (typeof text !== 'string' || text.length > MAX_MOVE_STRING)
    return bad(`a move string is a text of at most ${MAX_MOVE_STRING} characters`);
  const trimmed = text.trim();
  if (trimmed === 'pass') return ok({ kind: 'pass' });
  const exchange = /^(?:ex|exchange)\s+(\S+)$/.exec(trimmed);
  if (exchange !== null) {
    const tiles = parseTiles(exchange[1] as string, alphabet);
    if (!tiles.ok) return bad(tiles.error.cause ?? `${JSON.stringify(exchange[1])} is not a run of tiles`);
    const written = exchange[1] as string;
    const blanks = tiles.value.filter((t) => t === BLANK).length;
    if (blanks !== [...written].filter((ch) => ch === '?').length)
      return bad('exchanged tiles are upper case, ? a blank');
    return ok({ kind: 'exchange', tiles: tiles.value });
  }
  const play = parsePlay(trimmed, board, alphabet);
  return play.ok ? ok({ kind: 'play', placements: play.value.placements }) : play;
}

/**
 * Writes a move string against the board before the move: a play with the tiles it goes through
 * as their letters (`through: 'dots'` writes `.`), an exchange as `ex` and its tiles, `pass`.
 */
export function formatMoveString(
  move: EngineMove,
  board: Board,
  alphabet: Alphabet,
  options: { readonly through?: 'dots' | 'letters' } = {},
): Result<string, EngineError> {
  if (move.kind === 'pass') return ok('pass');
  if (move.kind === 'exchange') {
    if (move.tiles.length === 0) return err(engineError(Code.BAD_NOTATION, { cause: 'an exchange of no tiles' }));
    return ok(`ex ${formatTiles(move.tiles, alphabet)}`);
  }
  return formatPlay(move.placements, board, alphabet, { through: options.through ?? 'letters' });
}
