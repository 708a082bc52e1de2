import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_RULES,
  Code,
  gameFromJSON,
  gameToJSON,
  type GameEvent,
  type GameRequest,
  type GameState,
  playerView,
} from 'wordgame-engine';
import { bestOf, engine, mover, step } from './classic.js';
import { FC, failure, unwrap } from './helpers.js';

/**
 * Chess clocks in classic games: the caller passes the time (`at`) with each move, the player to
 * move's time runs, a move adds the increment, overtime costs points per started minute at the
 * end, and past the overtime allowance the player loses on time (on a tick or a late move).
 */
const T0 = 1_700_000_000_000;
const CLOCK = { initialSeconds: 60, incrementSeconds: 5, overtimeSeconds: 120, penaltyPerMinute: 10 };

function game(extra: Record<string, unknown> = {}, seed = 1): GameState {
  let s = unwrap(
    engine.create(
      { name: 'g', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed, clock: CLOCK, ...extra },
      'ann',
    ),
  ).state;
  s = step(s, 'bob', { type: 'join' });
  return step(s, 'ann', { type: 'start', at: T0 });
}
const other = (s: GameState) => s.players.find((p) => p.id !== mover(s))?.id as string;
const best = (s: GameState, at: number): GameRequest => bestOf(s, at);
const events = (s: GameState): GameEvent[] => s.history.toArray();

describe('clock settings', () => {
  it('are for classic games, checked, defaults filled in', () => {
    const base = { name: 'g', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 1 };
    expect(unwrap(engine.create({ ...base, clock: { initialSeconds: 1500 } }, 'ann')).state.settings.clock).toEqual({
      initialSeconds: 1500,
      incrementSeconds: 0,
      overtimeSeconds: 600,
      penaltyPerMinute: 10,
    });
    for (const clock of [
      {},
      { initialSeconds: 0 },
      { initialSeconds: 1.5 },
      { initialSeconds: 60, overtimeSeconds: -1 },
      { initialSeconds: 60, extra: 1 },
      'fast',
    ])
      expect(failure(engine.create({ ...base, clock } as never, 'ann')).code).toBe(Code.BAD_GAME_CREATION_FORMAT);
    expect(failure(engine.create({ ...base, code: 'duplicate-en', clock: { initialSeconds: 60 } }, 'ann')).cause).toBe(
      'clocks are for classic games',
    );
  });
});

describe('time running', () => {
  it("starts at the start's time; a move needs its time (90805), not earlier than the clock's", () => {
    let s = unwrap(
      engine.create({ name: 'g', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 1, clock: CLOCK }, 'ann'),
    ).state;
    s = step(s, 'bob', { type: 'join' });
    expect(failure(engine.apply(s, 'ann', { type: 'start' }))).toMatchObject({ code: 90805, param: 'at' });
    s = step(s, 'ann', { type: 'start', at: T0 });
    expect(s.classic?.clock).toEqual({ remaining: [60_000, 60_000], since: T0 });
    expect(events(s)[1]).toMatchObject({ type: 'started', at: T0 });
    expect(failure(engine.apply(s, mover(s), { type: 'pass' })).code).toBe(90805);
    expect(failure(engine.apply(s, mover(s), { type: 'pass', at: T0 - 1 })).code).toBe(90805);
    expect(failure(engine.apply(s, mover(s), { type: 'pass', at: 1.5 } as never)).code).toBe(90805);
  });

  it("runs the mover's time, adds the increment after a move, records when each move was made", () => {
    let s = game();
    const first = mover(s);
    s = step(s, first, best(s, T0 + 8_000));
    const i = s.players.findIndex((p) => p.id === first);
    expect(s.classic?.clock?.remaining[i]).toBe(60_000 - 8_000 + 5_000);
    expect(s.classic?.clock?.since).toBe(T0 + 8_000);
    expect(events(s).at(-1)).toMatchObject({ player: first, at: T0 + 8_000 });
    // Others see when it was played; views show the clocks.
    expect(playerView(s, other(s)).classic).toMatchObject({ clock: { since: T0 + 8_000 } });
    expect((playerView(s, other(s)).history as GameEvent[]).at(-1)).toMatchObject({ at: T0 + 8_000 });
  });
});

describe('ticks and losing on time', () => {
  it('a tick changes nothing before the overtime is used up; after it, the player to move loses on time', () => {
    const s = game();
    const ticked = engine.apply(s, '@server', { type: 'tick', at: T0 + 60_000 + 120_000 });
    expect(ticked.ok && ticked.value.state).toBe(s);
    const late = T0 + 60_000 + 120_001;
    const over = step(s, '@server', { type: 'tick', at: late });
    const loser = mover(s);
    expect(over.status).toBe('over');
    expect(events(over).slice(-2)).toEqual([
      { type: 'timed-out', player: loser, at: late },
      expect.objectContaining({ type: 'game-over', reason: `${loser} ran out of time`, forfeited: loser }),
    ]);
    // 120,001 ms of overtime: 3 started minutes, 30 points.
    const i = over.players.findIndex((p) => p.id === loser);
    expect(over.classic?.penalties?.[i]).toBe(-30);
    expect(over.players[i]?.score).toBe(-30);
    expect(unwrap(gameFromJSON(gameToJSON(over), engine, { verify: 'replay' })).status).toBe('over');
  });

  it('a move after the overtime is used up ends the game on time instead of being made', () => {
    const s = game();
    const r = unwrap(engine.apply(s, mover(s), best(s, T0 + 200_000)));
    expect(r.state.status).toBe('over');
    expect(r.events.map((e) => e.type)).toEqual(['timed-out', 'game-over']);
    expect(r.state.classic?.tiles.board.tileCount).toBe(0);
  });

  it('NO_CLOCK (90804) in a game without clocks; a tick of someone outside the game is refused', () => {
    let s = unwrap(
      engine.create({ name: 'g', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 1 }, 'ann'),
    ).state;
    s = step(step(s, 'bob', { type: 'join' }), 'ann', { type: 'start' });
    expect(failure(engine.apply(s, 'ann', { type: 'tick', at: T0 })).code).toBe(90804);
    expect(failure(engine.apply(game(), 'zed', { type: 'tick', at: T0 })).code).toBe(Code.NOT_IN_GAME);
  });

  it('overtime penalties at any end: a resignation in overtime', () => {
    let s = game();
    const first = mover(s);
    s = step(s, first, best(s, T0 + 1_000)); // first: 64 s left
    s = step(s, mover(s), { type: 'pass', at: T0 + 1_000 + 125_000 }); // second: 65 s into overtime, then +5 s
    const over = step(s, first, { type: 'resign', at: T0 + 1_000 + 125_000 + 2_000 });
    const second = over.players.findIndex((p) => p.id !== first);
    expect(over.classic?.clock?.remaining[second]).toBe(60_000 - 125_000 + 5_000);
    expect(over.classic?.penalties?.[second]).toBe(-10); // 60 s over: one started minute
    const end = events(over).at(-1) as Extract<GameEvent, { type: 'game-over' }>;
    expect(end.scores[second]).toMatchObject({ penalty: -10 });
    expect(gameFromJSON(gameToJSON(over), engine, { verify: 'replay' }).ok).toBe(true);
  });
});

describe('random games with clocks and challenge rules (properties)', () => {
  it('the score identity holds with penalties; every state stores and replays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHALLENGE_RULES),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 10 }),
        (rule, seed, gaps) => {
          let s = game({ challengeRule: rule }, seed);
          let now = T0;
          for (let k = 0; k < 60 && s.status === 'running'; k++) {
            now += gaps[k % gaps.length] as number;
            const r = engine.apply(s, mover(s), k % 7 === 3 ? { type: 'challenge', at: now } : best(s, now));
            if (r.ok) s = r.value.state;
            else s = step(s, mover(s), { type: 'pass', at: now });
          }
          const totals = new Map(s.players.map((p) => [p.id, 0]));
          for (const e of s.history) {
            if (e.type === 'played') totals.set(e.player, (totals.get(e.player) ?? 0) + e.score);
            if (e.type === 'challenged') totals.set(e.target, (totals.get(e.target) ?? 0) + e.points);
          }
          s.players.forEach((p, i) =>
            expect(p.score).toBe(
              (totals.get(p.id) ?? 0) + (s.classic?.adjustments[i] ?? 0) + (s.classic?.penalties?.[i] ?? 0),
            ),
          );
          expect(gameFromJSON(gameToJSON(s), engine, { verify: 'replay' }).ok).toBe(true);
        },
      ),
      { ...FC, numRuns: 16 },
    );
  }, 120_000);
});
