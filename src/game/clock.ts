/**
 * Chess clocks for classic games, as pure data: the engine never reads the time, the caller
 * passes it (`at`, milliseconds from a clock of its choice, a server's `Date.now()`) with each
 * request. A player's time runs while they are to move; a move adds the increment; past zero the
 * player is in overtime, which costs `penaltyPerMinute` points per started minute at the end of
 * the game; past `overtimeSeconds` of overtime the player loses the game on time.
 */

/** A game's clock settings (checked). */
export interface ClockSettings {
  /** Each player's time, in seconds. */
  readonly initialSeconds: number;
  /** Added to a player's time after each of their moves (default 0). */
  readonly incrementSeconds: number;
  /** Overtime allowed before the player loses on time (default 600: NASPA's and WESPA's 10 minutes). */
  readonly overtimeSeconds: number;
  /** Points lost per started minute of overtime (default 10). */
  readonly penaltyPerMinute: number;
}

/** The clocks of a running game. */
export interface ClassicClock {
  /** Each player's time left in ms (negative: in overtime), as of `since` for the player to move. */
  readonly remaining: readonly number[];
  /** When the player to move's time started running (the caller's ms). */
  readonly since: number;
}

/** The defaults of the optional clock settings. */
export const CLOCK_DEFAULTS = Object.freeze({ incrementSeconds: 0, overtimeSeconds: 600, penaltyPerMinute: 10 });

/** Clocks at the start of a game: everyone's full time, the first player's running from `at`. */
export function startClock(players: number, settings: ClockSettings, at: number): ClassicClock {
  return Object.freeze({
    remaining: Object.freeze(new Array<number>(players).fill(settings.initialSeconds * 1000)),
    since: at,
  });
}

/** The mover's time left at `at` (ms; negative in overtime). */
export function timeLeft(clock: ClassicClock, mover: number, at: number): number {
  return (clock.remaining[mover] ?? 0) - (at - clock.since);
}

/** Whether the mover's overtime is used up at `at`: they lose on time. */
export function flagFallen(clock: ClassicClock, mover: number, at: number, settings: ClockSettings): boolean {
  return timeLeft(clock, mover, at) < -settings.overtimeSeconds * 1000;
}

/** The clocks with the mover's time run up to `at` (`since` becomes `at`). */
export function runClock(clock: ClassicClock, mover: number, at: number): ClassicClock {
  const remaining = clock.remaining.slice();
  remaining[mover] = timeLeft(clock, mover, at);
  return Object.freeze({ remaining: Object.freeze(remaining), since: at });
}

/** The clocks after `player`'s move: their increment added. */
export function addIncrement(clock: ClassicClock, player: number, settings: ClockSettings): ClassicClock {
  if (settings.incrementSeconds === 0) return clock;
  const remaining = clock.remaining.slice();
  remaining[player] = (remaining[player] ?? 0) + settings.incrementSeconds * 1000;
  return Object.freeze({ ...clock, remaining: Object.freeze(remaining) });
}

/** Each player's overtime penalty at the end of the game (0 or negative points): per started minute over. */
export function timePenalties(clock: ClassicClock, settings: ClockSettings): number[] {
  return clock.remaining.map((ms) => (ms < 0 ? -settings.penaltyPerMinute * Math.ceil(-ms / 60_000) : 0));
}
