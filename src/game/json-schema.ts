import { array, bool, int, literal, nullable, object, str, tuple, variant, type Infer } from '../schema/schema.js';
import { MAX_BOGGLE_WORDS } from './modes/boggle.js';

// The JSON form of a persisted game: its format version, its limits and its shape, checked field
// by field by `gameFromJSON` (`json.ts`) before anything is built from it.

/** The JSON format version this engine writes and reads. */
export const GAME_JSON_VERSION = 2;
/**
 * The most events a persisted game may hold. No game reaches it: a classic game holds at most
 * six turns a tile, a duplicate game with 64 players some 6,600 events, a Boggle game at most
 * 4,000 words ({@link MAX_BOGGLE_WORDS}). With {@link MAX_GAME_JSON_LENGTH} it keeps the largest
 * state loadable within tens of milliseconds.
 */
export const MAX_HISTORY = 10_000;
/** The longest JSON text `gameFromJSON` reads (1 MiB: the largest games write about 400 KB; parsing 1 MiB takes about 25 ms here). */
export const MAX_GAME_JSON_LENGTH = 1024 * 1024;

// ---- the JSON shape ---------------------------------------------------------------------------

const id = str(1, 64);
const points = int(-1_000_000, 1_000_000);
const text = str(0, 400);
const rows = array(str(1, 400), 1, 26);
const bag = object({ tiles: str(0, 4000), rng: int(0, 0xffffffff) });
const cell = tuple(int(0, 25), int(0, 25));
const path = array(cell, 1, 64);
/** A time in a game with clocks (the caller's ms). */
const time = int(0);
const at = { at: time };

const eventSchema = variant('type', {
  created: object({ type: literal('created'), player: id }),
  started: object({ type: literal('started'), player: id, players: array(id, 1, 64), operator: id }, at),
  left: object({ type: literal('left'), player: id }),
  kicked: object({ type: literal('kicked'), player: id, by: id }),
  played: object(
    {
      type: literal('played'),
      player: id,
      rack: text,
      move: str(1, 400),
      score: int(0, 1_000_000),
      words: array(str(1, 400), 1, 64),
    },
    at,
  ),
  traded: object({ type: literal('traded'), player: id, rack: text, tiles: str(1, 400) }, at),
  passed: object({ type: literal('passed'), player: id }, { rack: text, at: time }),
  submitted: object({ type: literal('submitted'), player: id, move: str(1, 400), score: int(0, 1_000_000) }),
  answered: object({ type: literal('answered'), player: id, word: str(0, 128), score: int(0, 1_000_000) }),
  found: object({ type: literal('found'), player: id, word: str(1, 128), path }),
  'turn-closed': object(
    {
      type: literal('turn-closed'),
      turn: int(1, 1_000_000),
      results: array(object({ player: id, score: points, move: str(0, 100_000) }), 0, 64),
    },
    { top: object({ move: str(1, 400), score: int(0, 1_000_000) }), best: array(str(1, 400), 0, 20) },
  ),
  challenged: object(
    {
      type: literal('challenged'),
      player: id,
      target: id,
      move: str(1, 400),
      outcome: literal('withdrawn', 'no-penalty', 'lost-turn', 'bonus', 'lost-game'),
      points: points,
    },
    at,
  ),
  resigned: object({ type: literal('resigned'), player: id }, at),
  'timed-out': object({ type: literal('timed-out'), player: id, at: time }),
  'game-over': object(
    {
      type: literal('game-over'),
      reason: str(1, 200),
      scores: array(object({ player: id, score: points, adjustment: points }, { rack: text, penalty: points }), 0, 64),
    },
    { forfeited: id },
  ),
});

/** The shape of a game's JSON, checked by `gameFromJSON`. */
export const gameSchema = object(
  {
    version: literal(GAME_JSON_VERSION),
    settings: object(
      {
        name: str(1, 64),
        description: str(0, 1000),
        timePerTurn: int(0, 1_000_000_000),
        code: str(1, 64),
        maxPlayers: int(1, 64),
        seed: int(),
      },
      {
        challengeRule: literal('single', 'double', 'triple', '5-point', '10-point'),
        clock: object({
          initialSeconds: int(1, 86_400),
          incrementSeconds: int(0, 3_600),
          overtimeSeconds: int(0, 3_600),
          penaltyPerMinute: int(0, 1_000),
        }),
      },
    ),
    type: literal('classic', 'duplicate', 'anagram', 'boggle'),
    operator: id,
    players: array(object({ id, score: points, left: bool }), 0, 64),
    status: literal('waiting', 'running', 'over'),
    turn: int(0, 1_000_000),
    history: array(eventSchema, 1, MAX_HISTORY),
  },
  {
    classic: object(
      {
        board: rows,
        hands: array(text, 1, 64),
        bag,
        scores: array(points, 1, 64),
        toMove: int(0, 63),
        scorelessTurns: int(0, 6),
        over: bool,
        adjustments: array(points, 1, 64),
      },
      {
        endReason: literal('out', 'stalled', 'resigned', 'challenge', 'time'),
        clock: object({ remaining: array(int(-1e15, 1e15), 1, 64), since: time }),
        penalties: array(points, 1, 64),
        forfeited: int(0, 63),
        pending: object({
          player: int(0, 63),
          placements: array(tuple(int(0, 675), int(1, 127)), 1, 64),
          score: int(0, 1_000_000),
          drawn: text,
          phony: bool,
          wentOut: bool,
          scorelessBefore: int(0, 5),
        }),
      },
    ),
    duplicate: object({
      board: rows,
      hand: text,
      bag,
      submissions: array(
        nullable(
          object({
            placements: array(tuple(int(0, 675), int(1, 127)), 0, 64),
            score: int(0, 1_000_000),
            move: str(1, 400),
          }),
        ),
        0,
        64,
      ),
    }),
    anagram: object({
      draw: text,
      bag,
      submissions: array(nullable(object({ word: str(0, 128), score: int(0, 1_000_000) })), 0, 64),
    }),
    boggle: object({
      grid: str(1, 1000),
      submissions: array(array(object({ word: str(1, 128), path }), 0, MAX_BOGGLE_WORDS), 0, 64),
    }),
  },
);

/** A game as plain JSON (boards and tiles as text). `gameFromJSON` reads it back exactly. */
export type GameJSON = Infer<typeof gameSchema>;
