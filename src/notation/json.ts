import type { Alphabet } from '../alphabet/alphabet.js';
import type { GameConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { makeHand } from '../state/hand.js';
import { type CrosswordState, tilesConserved } from '../state/state.js';
import { formatBoard, parseBoard } from './board-text.js';
import { formatTiles, parseTiles } from './tokens.js';

/** A crossword state as plain JSON: board and tiles as text, so any database can store it. */
export interface CrosswordStateJSON {
  readonly board: readonly string[];
  readonly hands: readonly string[];
  readonly bag: { readonly tiles: string; readonly rng: number };
  readonly scores: readonly number[];
}

/** The JSON form of a state. */
export function crosswordStateToJSON(state: CrosswordState, alphabet: Alphabet): CrosswordStateJSON {
  return {
    board: formatBoard(state.board, alphabet).trimEnd().split('\n'),
    hands: state.hands.map((h) => formatTiles(h, alphabet)),
    bag: { tiles: formatTiles(state.bag.tiles, alphabet), rng: state.bag.rng },
    scores: [...state.scores],
  };
}

/** A state from its JSON form (untrusted): shapes, glyphs, board size and tile conservation are checked. */
export function crosswordStateFromJSON(json: unknown, config: GameConfig): Result<CrosswordState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause }));
  if (typeof json !== 'object' || json === null) return bad('a state must be an object');
  const j = json as Record<string, unknown>;
  const isStringArray = (v: unknown, max: number): v is string[] =>
    Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string');
  if (!isStringArray(j.board, 26)) return bad('board must be an array of row strings');
  if (!isStringArray(j.hands, 64) || j.hands.length === 0) return bad('hands must be an array of strings');
  if (!Array.isArray(j.scores) || j.scores.length !== j.hands.length || !j.scores.every((s) => Number.isSafeInteger(s)))
    return bad('scores must be one whole number a hand');
  const bagJson = j.bag as Record<string, unknown> | null;
  if (
    typeof bagJson !== 'object' ||
    bagJson === null ||
    typeof bagJson.tiles !== 'string' ||
    !Number.isInteger(bagJson.rng) ||
    (bagJson.rng as number) < 0 ||
    (bagJson.rng as number) > 0xffffffff
  )
    return bad('bag must be { tiles: string, rng: uint32 }');
  const board = parseBoard(j.board.join('\n'), config.alphabet, config.layout);
  if (!board.ok) return bad(board.error.cause ?? 'bad board');
  const hands = [];
  for (const h of j.hands) {
    const t = parseTiles(h, config.alphabet);
    if (!t.ok) return bad(`bad hand ${JSON.stringify(h)}: ${t.error.cause ?? ''}`);
    if (t.value.length > config.handSize) return bad(`a hand holds at most ${config.handSize} tiles`);
    hands.push(makeHand(t.value));
  }
  const bagTiles = parseTiles(bagJson.tiles as string, config.alphabet);
  if (!bagTiles.ok) return bad(`bad bag: ${bagTiles.error.cause ?? ''}`);
  const state: CrosswordState = Object.freeze({
    board: board.value,
    hands: Object.freeze(hands),
    bag: Object.freeze({ tiles: Object.freeze([...bagTiles.value].sort((a, b) => a - b)), rng: bagJson.rng as number }),
    scores: Object.freeze([...(j.scores as number[])]),
  });
  if (!tilesConserved(state, config.letters))
    return bad("bag, hands and board do not hold exactly the letterset's tiles");
  return ok(state);
}
