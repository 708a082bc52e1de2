import {
  Code,
  createEngine,
  type Engine,
  type GameRequest,
  type GameState,
  MoveGenerator,
  PERMISSIVE,
  allPlays,
  bestPlay,
  moveInput,
  validateMove,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { unwrap } from './helpers.js';

/**
 * Classic games through `apply` for the club-play tests (challenges, clocks, their records): an
 * engine over the embedded English dictionary, a step that throws on an error, the player to
 * move, and the moves a test plays: the best play, or a phony.
 */
export const DICT = unwrap(loadDefaultDictionary());
export const engine: Engine = createEngine({ dictionary: (a) => (a === 'en' ? DICT : undefined) });
export const ctx = unwrap(engine.context({ settings: { code: 'scrabble-en' } } as GameState));

/** Applies a request that must be accepted. */
export function step(s: GameState, player: string, request: GameRequest): GameState {
  const r = engine.apply(s, player, request);
  if (!r.ok) throw new Error(`${JSON.stringify(request)}: ${r.error.code} ${r.error.cause ?? ''}`);
  return r.value.state;
}

/** The code of a request's error (0 when it is accepted). */
export function codeOf(s: GameState, player: string, request: GameRequest): number {
  const r = engine.apply(s, player, request);
  return r.ok ? 0 : r.error.code;
}

/** The player to move of a classic game. */
export const mover = (s: GameState): string => s.players[s.classic?.toMove ?? 0]?.id as string;

/** `at` for a request of a game with clocks (nothing without one). */
const timed = (at: number | undefined) => (at === undefined ? {} : { at });

/** The highest-scoring play of the player to move, as a request (a pass when there is none). */
export function bestOf(s: GameState, at?: number): GameRequest {
  const c = s.classic!;
  const best = bestPlay(unwrap(MoveGenerator.create(ctx.config, DICT, c.tiles.board)), c.tiles.hands[c.toMove] ?? []);
  return best === undefined
    ? { type: 'pass', ...timed(at) }
    : { type: 'play', ...moveInput(best.placements, ctx.config), ...timed(at) };
}

/**
 * A phony of the player to move: the letters of one of their plays (from the `pick`-th on)
 * rotated along the same squares, which the dictionary refuses and every other rule accepts; or
 * undefined.
 */
export function phonyOf(s: GameState, pick = 0, at?: number): GameRequest | undefined {
  const c = s.classic!;
  const against = { board: c.tiles.board, hand: c.tiles.hands[c.toMove] ?? [], config: ctx.config };
  const plays = allPlays(unwrap(MoveGenerator.create(ctx.config, DICT, c.tiles.board)), against.hand);
  for (let k = 0; k < plays.length; k++) {
    const p = plays[(k + pick) % plays.length]!;
    if (p.placements.length < 2) continue;
    const tiles = p.placements.map((x) => x.tile);
    tiles.push(tiles.shift() as number);
    const placements = p.placements.map((x, i) => ({ square: x.square, tile: tiles[i] as number }));
    const request = { type: 'play' as const, ...moveInput(placements, ctx.config), ...timed(at) };
    const real = validateMove(request, { ...against, dictionary: DICT });
    if (
      !real.ok &&
      real.error.code === Code.INCORRECT_WORDS &&
      validateMove(request, { ...against, dictionary: PERMISSIVE }).ok
    )
      return request;
  }
  return undefined;
}
