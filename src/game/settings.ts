import { Code, describeValue, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { CLOCK_DEFAULTS, type ClockSettings } from './clock.js';

/** The kinds of game the engine runs. */
export type GameType = 'classic' | 'duplicate' | 'anagram' | 'boggle';

/** A predefined game: what a game code stands for. Plain data; servers may add their own. */
export interface PredefinedGame {
  readonly code: string;
  readonly type: GameType;
  /** Crossword configuration name (classic, duplicate, anagram lettersets). */
  readonly config?: string;
  /** Anagram: tiles drawn each turn, minimum word length, score of each word length, number of turns. */
  readonly drawSize?: number;
  readonly minLength?: number;
  readonly scoreByLength?: readonly number[];
  readonly turns?: number;
  /** Boggle: dice set name, number of rounds, whether words found by several players are cancelled. */
  readonly dice?: string;
  readonly rounds?: number;
  readonly cancelShared?: boolean;
  /** Duplicate: the vowel and consonant minimums of a hand (first value up to turn `vowelRuleTurns`, then the second). */
  readonly vowelRuleTurns?: number;
}

/** The predefined game codes. */
export const PREDEFINED_GAMES: Readonly<Record<string, PredefinedGame>> = Object.freeze({
  'scrabble-en': { code: 'scrabble-en', type: 'classic', config: 'en' },
  'scrabble-fr': { code: 'scrabble-fr', type: 'classic', config: 'fr' },
  'scrabble-es': { code: 'scrabble-es', type: 'classic', config: 'es' },
  'scrabble-de': { code: 'scrabble-de', type: 'classic', config: 'de' },
  'scrabble-pl': { code: 'scrabble-pl', type: 'classic', config: 'pl' },
  'wwf-en': { code: 'wwf-en', type: 'classic', config: 'wwf' },
  'super-en': { code: 'super-en', type: 'classic', config: 'super' },
  'duplicate-en': { code: 'duplicate-en', type: 'duplicate', config: 'en', vowelRuleTurns: 15 },
  'duplicate-fr': { code: 'duplicate-fr', type: 'duplicate', config: 'fr', vowelRuleTurns: 15 },
  'anagram-en': {
    code: 'anagram-en',
    type: 'anagram',
    config: 'en',
    drawSize: 9,
    minLength: 3,
    scoreByLength: [0, 0, 0, 3, 4, 5, 6, 8, 10, 12],
    turns: 10,
  },
  'boggle-4x4': { code: 'boggle-4x4', type: 'boggle', dice: 'new16', rounds: 3, cancelShared: true },
  'boggle-5x5': { code: 'boggle-5x5', type: 'boggle', dice: 'big-deluxe25', rounds: 3, cancelShared: true },
  'boggle-6x6': { code: 'boggle-6x6', type: 'boggle', dice: 'engine36', rounds: 3, cancelShared: true },
});

/**
 * How a classic game treats a play whose words are not all in the dictionary. `void` (the
 * default): such a play is refused (60108). Under any other rule it is accepted and scored, and
 * the next player may challenge it before doing anything else: a phony is withdrawn (tiles back,
 * no score, turn lost); a valid play gives the rule's outcome: `single` nothing, `double` the
 * challenger loses their turn, `5-point` and `10-point` that many points to the player
 * challenged, `triple` the challenger loses the game.
 */
export type ChallengeRule = 'void' | 'single' | 'double' | 'triple' | '5-point' | '10-point';

/** The challenge rules, as settings spell them. */
export const CHALLENGE_RULES: readonly ChallengeRule[] = Object.freeze([
  'void',
  'single',
  'double',
  'triple',
  '5-point',
  '10-point',
] as const);

/** Settings of a new game as a client sends them (untrusted JSON). */
export interface GameSettingsInput {
  readonly name: string;
  readonly description?: string;
  /** Seconds per turn: a whole number, at least {@link MIN_TIME_PER_TURN}. The engine runs no timers. */
  readonly timePerTurn: number;
  /** A predefined game code ({@link PREDEFINED_GAMES}). */
  readonly code: string;
  readonly maxPlayers: number;
  /**
   * Seed of every random draw of the game (a whole number). Without one, the game takes a random
   * 32-bit seed from `crypto.getRandomValues` and stores it in its settings, so that it stays
   * deterministic (and replayable) after creation.
   */
  readonly seed?: number;
  /** Classic games: the challenge rule ({@link ChallengeRule}; default `void`). */
  readonly challengeRule?: ChallengeRule;
  /**
   * Classic games: a chess clock per player (see `ClockSettings`): `initialSeconds` (1 to 86,400),
   * optional `incrementSeconds` (0 to 3,600; default 0), `overtimeSeconds` (0 to 3,600; default
   * 600) and `penaltyPerMinute` (0 to 1,000; default 10). Requests that move then carry `at`.
   */
  readonly clock?: Partial<ClockSettings> & { readonly initialSeconds: number };
}

/** Checked settings. */
export interface GameSettings {
  readonly name: string;
  readonly description: string;
  readonly timePerTurn: number;
  readonly code: string;
  readonly maxPlayers: number;
  readonly seed: number;
  /** Present when a classic game has a challenge rule other than `void`. */
  readonly challengeRule?: Exclude<ChallengeRule, 'void'>;
  /** Present when a classic game has clocks. */
  readonly clock?: ClockSettings;
}

const CLOCK_BOUNDS: readonly (readonly [keyof ClockSettings, number, number])[] = [
  ['initialSeconds', 1, 86_400],
  ['incrementSeconds', 0, 3_600],
  ['overtimeSeconds', 0, 3_600],
  ['penaltyPerMinute', 0, 1_000],
];

/** Checks clock settings: an object of whole numbers within bounds (defaults filled in), or why not. */
function checkClock(value: unknown): Result<ClockSettings, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('clock must be an object');
  const given = value as Record<string, unknown>;
  for (const k of Object.keys(given))
    if (!CLOCK_BOUNDS.some(([name]) => name === k)) return err(`clock: unknown field ${k.slice(0, 32)}`);
  const out: Record<string, number> = { ...CLOCK_DEFAULTS };
  for (const [name, min, max] of CLOCK_BOUNDS) {
    const v = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    if (v === undefined) {
      if (name === 'initialSeconds') return err('clock: initialSeconds is required');
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      return err(`clock: ${name} is a whole number from ${min} to ${max}`);
    out[name] = v;
  }
  return ok(Object.freeze(out) as unknown as ClockSettings);
}

/** A random 32-bit seed from the platform's cryptographic generator (Node, browsers, Deno, Bun, workers). */
export function randomSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c?.getRandomValues !== undefined) return c.getRandomValues(new Uint32Array(1))[0] as number;
  return Math.floor(Math.random() * 2 ** 32);
}

/** The shortest time per turn accepted, in seconds. */
export const MIN_TIME_PER_TURN = 10;
/** The most players a game accepts. */
export const MAX_PLAYERS = 64;
const NAME_CHARS = /^[\p{L}\p{N} _.,'!?()#&+-]{1,64}$/u;
const DESCRIPTION_CHARS = /^[\p{L}\p{N}\p{P}\p{Zs}+=<>$^`|~]*$/u;

function firstIllegal(text: string, allowed: RegExp): string {
  for (const ch of text) if (!allowed.test(ch)) return ch;
  return text.slice(0, 1);
}

/**
 * Checks game settings with the catalogue's game-creation codes: 30000 (not an object), 30101 (no
 * name), 30103 (illegal character in the name; param: the character), 30104/30105/30106 (time per
 * turn missing, not an integer, too short), 30107/30108 (game code missing, unknown), 30109/30110/
 * 30111 (maximum players missing, not an integer, below 1), 30112 (illegal character in the
 * description). A bad seed, a challenge rule or clock that is malformed or given to a game
 * that is not classic, is 30000.
 */
export function checkSettings(input: unknown): Result<{ settings: GameSettings; game: PredefinedGame }, EngineError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'settings must be an object' }));
  const own = (k: string): unknown =>
    Object.prototype.hasOwnProperty.call(input, k) ? (input as Record<string, unknown>)[k] : undefined;
  const name = own('name');
  if (name === undefined || name === '') return err(engineError(Code.NO_GAME_NAME));
  if (typeof name !== 'string')
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'name must be a string' }));
  if (!NAME_CHARS.test(name))
    return err(
      engineError(Code.ILLEGAL_GAME_NAME, {
        param: name.length > 64 ? name.slice(64, 65) : firstIllegal(name, /[\p{L}\p{N} _.,'!?()#&+-]/u),
      }),
    );
  const description = own('description') ?? '';
  if (typeof description !== 'string')
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'description must be a string' }));
  if (description.length > 1000 || !DESCRIPTION_CHARS.test(description))
    return err(
      engineError(Code.ILLEGAL_GAME_DESCRIPTION, {
        param:
          description.length > 1000
            ? description.slice(1000, 1001)
            : firstIllegal(description, /[\p{L}\p{N}\p{P}\p{Zs}+=<>$^`|~]/u),
      }),
    );
  const time = own('timePerTurn');
  if (time === undefined || time === null || time === '') return err(engineError(Code.NO_TIME_PER_TURN));
  if (typeof time !== 'number' || !Number.isInteger(time))
    return err(engineError(Code.NON_INTEGER_TIME_PER_TURN, { param: describeValue(time) }));
  if (time < MIN_TIME_PER_TURN)
    return err(
      engineError(Code.TIME_PER_TURN_TOO_SHORT, { param: time, cause: `at least ${MIN_TIME_PER_TURN} seconds` }),
    );
  const code = own('code');
  if (code === undefined || code === '') return err(engineError(Code.NO_GAME_CODE));
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(PREDEFINED_GAMES, code))
    return err(
      engineError(Code.UNKNOWN_GAME_CODE, {
        param: describeValue(code),
        cause: `the game codes are ${Object.keys(PREDEFINED_GAMES).join(', ')}`,
      }),
    );
  const max = own('maxPlayers');
  if (max === undefined || max === null || max === '') return err(engineError(Code.NO_MAX_PLAYERS));
  if (typeof max !== 'number' || !Number.isInteger(max))
    return err(engineError(Code.NON_INTEGER_MAX_PLAYERS, { param: describeValue(max) }));
  if (max < 1) return err(engineError(Code.MAX_PLAYERS_TOO_SMALL, { param: max }));
  if (max > MAX_PLAYERS)
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: `at most ${MAX_PLAYERS} players` }));
  const seed = own('seed') ?? randomSeed();
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'seed must be a whole number' }));
  const game = PREDEFINED_GAMES[code] as PredefinedGame;
  const rule = own('challengeRule') ?? 'void';
  if (!(CHALLENGE_RULES as readonly unknown[]).includes(rule))
    return err(
      engineError(Code.BAD_GAME_CREATION_FORMAT, {
        cause: `challengeRule is one of ${CHALLENGE_RULES.join(', ')}`,
      }),
    );
  if (rule !== 'void' && game.type !== 'classic')
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'challenge rules are for classic games' }));
  const clockInput = own('clock');
  const clock = clockInput === undefined ? undefined : checkClock(clockInput);
  if (clock !== undefined && !clock.ok) return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: clock.error }));
  if (clock !== undefined && game.type !== 'classic')
    return err(engineError(Code.BAD_GAME_CREATION_FORMAT, { cause: 'clocks are for classic games' }));
  return ok({
    settings: Object.freeze({
      name,
      description,
      timePerTurn: time,
      code,
      maxPlayers: max,
      seed,
      ...(rule === 'void' ? {} : { challengeRule: rule as Exclude<ChallengeRule, 'void'> }),
      ...(clock === undefined ? {} : { clock: clock.value }),
    }),
    game,
  });
}
