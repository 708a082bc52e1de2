import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_RULES,
  type ChallengeRule,
  decodeGcg,
  formatGcg,
  gameToGcg,
  type GameRequest,
  type GameState,
  parseGcg,
  replayGcg,
} from 'wordgame-engine';
import { bestOf, engine, mover, phonyOf } from './classic.js';
import { unwrap } from './helpers.js';

/**
 * GCG records of challenged games, both ways: every record of the shared corpus (withdrawn
 * phonies, challenge bonuses, time penalties among them) written back with `formatGcg` reads to
 * the same players and events and replays as cleanly; and games the engine plays under every
 * challenge rule, with clocks, export (`gameToGcg`) to records that replay with every total.
 */
const DATA = '../shared/data/gcg';
const present = existsSync(`${DATA}/SOURCES.md`);
if (!present) console.log('skipping the GCG corpus round trip: ../shared/data/gcg is not here');

const withoutLines = <T extends { line: number }>(events: readonly T[]) => events.map(({ line: _line, ...e }) => e);

describe.skipIf(!present)('the corpus through formatGcg', () => {
  it('every record of the main folder reads back to the same events and replays as cleanly; the challenge-bearing ones included', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.gcg'));
    let challenged = 0;
    for (const f of files) {
      const record = unwrap(parseGcg(decodeGcg(readFileSync(`${DATA}/${f}`))));
      if (
        record.events.some((e) => e.kind === 'withdrawn' || e.kind === 'challenge-bonus' || e.kind === 'time-penalty')
      )
        challenged++;
      const again = unwrap(parseGcg(formatGcg(record)));
      expect([f, again.players, again.config, withoutLines(again.events)]).toEqual([
        f,
        record.players,
        record.config,
        withoutLines(record.events),
      ]);
      expect([f, unwrap(replayGcg(again)).findings.map((x) => x.problem)]).toEqual([
        f,
        unwrap(replayGcg(record)).findings.map((x) => x.problem),
      ]);
    }
    expect(challenged).toBeGreaterThanOrEqual(45);
  });
});

describe('games under challenge rules and clocks, exported', () => {
  const T0 = 1_000_000;

  function play(rule: ChallengeRule, seed: number): GameState {
    let s = unwrap(
      engine.create(
        {
          name: 'g',
          timePerTurn: 60,
          code: 'scrabble-en',
          maxPlayers: 2,
          seed,
          challengeRule: rule,
          clock: { initialSeconds: 300, overtimeSeconds: 600 },
        },
        'ann',
      ),
    ).state;
    s = unwrap(engine.apply(s, 'bob', { type: 'join' })).state;
    s = unwrap(engine.apply(s, 'ann', { type: 'start', at: T0 })).state;
    let now = T0;
    for (let k = 0; k < 100 && s.status === 'running'; k++) {
      now += 17_000;
      const who = mover(s);
      const request: GameRequest =
        k % 5 === 1
          ? (phonyOf(s, 0, now) ?? { type: 'pass', at: now })
          : k % 5 === 2
            ? { type: 'challenge', at: now }
            : bestOf(s, now);
      const r = engine.apply(s, who, request);
      s = r.ok ? r.value.state : unwrap(engine.apply(s, who, { type: 'pass', at: now })).state;
    }
    return s;
  }

  it('every rule: the record replays with no finding, totals equal to the scores', () => {
    for (const rule of CHALLENGE_RULES) {
      for (const seed of [1, 2, 3]) {
        const s = play(rule, seed);
        const text = gameToGcg(s) as string;
        const record = unwrap(parseGcg(text));
        const replay = unwrap(replayGcg(record));
        expect([rule, seed, replay.findings.map((f) => `${f.problem}@${f.line}`)]).toEqual([rule, seed, []]);
        const lastTotal = s.players.map((_, i) => record.events.filter((e) => e.player === i).at(-1)?.total ?? 0);
        if (s.classic?.endReason === 'out' || s.classic?.endReason === 'stalled' || s.classic?.endReason === undefined)
          expect([rule, seed, lastTotal]).toEqual([rule, seed, s.players.map((p) => p.score)]);
        if (rule !== 'void' && s.history.toArray().some((e) => e.type === 'challenged' && e.outcome === 'withdrawn'))
          expect(record.events.some((e) => e.kind === 'withdrawn')).toBe(true);
      }
    }
  }, 120_000);
});
