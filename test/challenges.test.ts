import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_RULES,
  Code,
  type ChallengeRule,
  gameFromJSON,
  gameToJSON,
  type GameEvent,
  type GameRequest,
  type GameState,
  playerView,
  engineRequest,
} from 'wordgame-engine';
import { tilesConserved } from 'wordgame-engine/internals';
import { bestOf, codeOf, ctx, engine, mover, phonyOf, step } from './classic.js';
import { FC, failure, unwrap } from './helpers.js';

/**
 * Challenge rules and resignation in classic games: a phony under a rule other than void is
 * accepted and scored, the next player may challenge it (withdrawn: tiles back, no score, turn
 * lost), a valid play challenged gives the rule's outcome; the phony status is never shown before
 * a challenge; the history replays; resigning ends the game with its loser.
 */
function game(rule: ChallengeRule | undefined, seed = 1, players = ['ann', 'bob']): GameState {
  const settings = {
    name: 'g',
    timePerTurn: 60,
    code: 'scrabble-en',
    maxPlayers: 4,
    seed,
    ...(rule === undefined ? {} : { challengeRule: rule }),
  };
  let s = unwrap(engine.create(settings, players[0] as string)).state;
  for (const p of players.slice(1)) s = step(s, p, { type: 'join' });
  return step(s, players[0] as string, { type: 'start' });
}
const last = (s: GameState): GameEvent => s.history.toArray().at(-1) as GameEvent;
/** The best play of the player to move, as a request (a pass when there is none). */
const validOf = (s: GameState): GameRequest => bestOf(s);

describe('challenge rules: settings', () => {
  it('takes a known rule for classic games only (30000 otherwise); void is the default and not stored', () => {
    const base = { name: 'g', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 1 };
    expect(unwrap(engine.create(base, 'ann')).state.settings).not.toHaveProperty('challengeRule');
    expect(unwrap(engine.create({ ...base, challengeRule: 'void' }, 'ann')).state.settings).not.toHaveProperty(
      'challengeRule',
    );
    expect(unwrap(engine.create({ ...base, challengeRule: 'double' }, 'ann')).state.settings.challengeRule).toBe(
      'double',
    );
    expect(failure(engine.create({ ...base, challengeRule: 'quadruple' } as never, 'ann'))).toMatchObject({
      code: 30000,
      cause: expect.stringMatching(/void, single, double/),
    });
    expect(failure(engine.create({ ...base, code: 'duplicate-en', challengeRule: 'double' }, 'ann'))).toMatchObject({
      code: 30000,
      cause: 'challenge rules are for classic games',
    });
  });
});

describe('the void rule (default) is unchanged', () => {
  it('refuses a phony with 60108 and has nothing to challenge (90800)', () => {
    const s = game(undefined);
    const phony = phonyOf(s) as GameRequest;
    expect(codeOf(s, mover(s), phony)).toBe(Code.INCORRECT_WORDS);
    const after = step(s, mover(s), validOf(s));
    expect(codeOf(after, mover(after), { type: 'challenge' })).toBe(90800);
  });
});

describe('a phony challenged off (every rule)', () => {
  for (const rule of CHALLENGE_RULES.filter((r) => r !== 'void')) {
    it(`${rule}: accepted and scored, hidden, then withdrawn: tiles, bag and score back, the turn lost`, () => {
      const s = game(rule);
      const [ann, bob] = [mover(s), s.players.find((p) => p.id !== mover(s))!.id];
      const phony = phonyOf(s) as GameRequest;
      const played = step(s, ann, phony);
      const e = last(played);
      expect(e).toMatchObject({ type: 'played', player: ann });
      expect(played.players.find((p) => p.id === ann)?.score).toBeGreaterThan(0);
      // Nobody sees that it is a phony, nor the tiles drawn after it.
      const seen = JSON.stringify(playerView(played, bob));
      expect(seen).not.toMatch(/phony|drawn|scorelessBefore/);
      expect(JSON.stringify(playerView(played, ann))).not.toMatch(/phony|drawn/);
      expect(mover(played)).toBe(bob);
      const challenged = step(played, bob, { type: 'challenge' });
      expect(last(challenged)).toMatchObject({
        type: 'challenged',
        player: bob,
        target: ann,
        outcome: 'withdrawn',
        points: -(e as { score: number }).score,
      });
      const c0 = s.classic!;
      const c1 = challenged.classic!;
      expect(c1.tiles.board.equals(c0.tiles.board)).toBe(true);
      expect(c1.tiles.hands[c0.toMove]).toEqual(c0.tiles.hands[c0.toMove]);
      expect(c1.tiles.bag.tiles).toEqual(c0.tiles.bag.tiles);
      expect(challenged.players.map((p) => p.score)).toEqual([0, 0]);
      expect(mover(challenged)).toBe(bob); // Ann lost her turn
      expect(challenged.turn).toBe(played.turn);
      expect(c1.scorelessTurns).toBe(1);
      expect(tilesConserved(c1.tiles, ctx.config.letters)).toBe(true);
      // The window is closed now; the game replays from its history.
      expect(codeOf(challenged, bob, { type: 'challenge' })).toBe(90801);
      expect(gameFromJSON(gameToJSON(challenged), engine, { verify: 'replay' }).ok).toBe(true);
    });
  }
});

describe('a valid play challenged', () => {
  const outcome = (rule: ChallengeRule) => {
    const s = game(rule, 2);
    const ann = mover(s);
    const bob = s.players.find((p) => p.id !== ann)!.id;
    const played = step(s, ann, validOf(s));
    const score = played.players.find((p) => p.id === ann)!.score;
    return { played, after: step(played, bob, { type: 'challenge' }), ann, bob, score };
  };
  it('single: no penalty, the challenger plays on', () => {
    const { after, bob } = outcome('single');
    expect(last(after)).toMatchObject({ type: 'challenged', outcome: 'no-penalty', points: 0 });
    expect(mover(after)).toBe(bob);
  });
  it('double: the challenger loses the turn (a scoreless turn)', () => {
    const { played, after, ann } = outcome('double');
    expect(last(after)).toMatchObject({ type: 'challenged', outcome: 'lost-turn', points: 0 });
    expect(mover(after)).toBe(ann);
    expect(after.turn).toBe(played.turn + 1);
    expect(after.classic?.scorelessTurns).toBe(1);
  });
  it('5-point and 10-point: the bonus to the player challenged', () => {
    for (const [rule, bonus] of [
      ['5-point', 5],
      ['10-point', 10],
    ] as const) {
      const { after, ann, bob, score } = outcome(rule);
      expect(last(after)).toMatchObject({ type: 'challenged', outcome: 'bonus', points: bonus });
      expect(after.players.find((p) => p.id === ann)?.score).toBe(score + bonus);
      expect(mover(after)).toBe(bob);
    }
  });
  it('triple: the challenger loses the game, whatever the scores', () => {
    const { after, bob } = outcome('triple');
    expect(after.status).toBe('over');
    expect(last(after)).toMatchObject({ type: 'game-over', reason: `${bob} lost a triple challenge`, forfeited: bob });
    expect(after.classic).toMatchObject({
      endReason: 'challenge',
      forfeited: after.players.findIndex((p) => p.id === bob),
    });
    expect(gameFromJSON(gameToJSON(after), engine, { verify: 'replay' }).ok).toBe(true);
  });
});

describe('challenge errors', () => {
  it('90800 before any play, 90802 for your own play, 60002 for another than the next player, 90801 once the next player moved', () => {
    const s = game('double', 3, ['ann', 'bob', 'cy']);
    const first = mover(s);
    expect(codeOf(s, first, { type: 'challenge' })).toBe(90800);
    const played = step(s, first, validOf(s));
    expect(codeOf(played, first, { type: 'challenge' })).toBe(90802);
    const third = played.players.map((p) => p.id).find((id) => id !== first && id !== mover(played)) as string;
    expect(codeOf(played, third, { type: 'challenge' })).toBe(Code.NOT_YOUR_TURN);
    const moved = step(played, mover(played), { type: 'pass' });
    expect(codeOf(moved, mover(moved), { type: 'challenge' })).toBe(90801);
    // A data request does not close the window.
    const looked = engine.apply(played, mover(played), { type: 'hand' });
    expect(looked.ok && looked.value.state).toBe(played);
    expect(codeOf(game(undefined), 'ann', { type: 'challenge' })).toBe(90800);
  });
  it('is a request of classic games (60000 elsewhere)', () => {
    let d = unwrap(
      engine.create({ name: 'd', timePerTurn: 60, code: 'duplicate-en', maxPlayers: 2, seed: 1 }, 'ann'),
    ).state;
    d = step(d, 'ann', { type: 'start' });
    expect(codeOf(d, 'ann', { type: 'challenge' })).toBe(Code.BAD_MOVES_FORMAT);
    expect(codeOf(d, 'ann', { type: 'resign' })).toBe(Code.BAD_MOVES_FORMAT);
  });
});

describe('resignation', () => {
  it('ends the game at any time with its loser; no rack adjustments; replays', () => {
    let s = game('double');
    s = step(s, mover(s), validOf(s));
    const quitter = s.players.find((p) => p.id !== mover(s))!.id; // not the player to move
    const over = step(s, quitter, { type: 'resign' });
    expect(over.status).toBe('over');
    expect(over.history.toArray().slice(-2)).toEqual([
      { type: 'resigned', player: quitter },
      expect.objectContaining({ type: 'game-over', reason: `${quitter} resigned`, forfeited: quitter }),
    ]);
    expect(over.classic?.adjustments).toEqual([0, 0]);
    expect(codeOf(over, quitter, { type: 'resign' })).toBe(Code.GAME_OVER);
    expect(gameFromJSON(gameToJSON(over), engine, { verify: 'replay' }).ok).toBe(true);
    expect(codeOf(game(undefined), 'zed', { type: 'resign' })).toBe(Code.NOT_IN_GAME_PLAYER);
  });
});

describe('random games under every rule (properties)', () => {
  /** Plays a game: each turn a valid play, a phony, a challenge, a pass or a trade, chosen by `choices`. */
  function playOut(rule: ChallengeRule, seed: number, choices: number[]): { s: GameState; errors: number } {
    let s = game(rule, seed);
    let errors = 0;
    for (let k = 0; k < 120 && s.status === 'running'; k++) {
      const who = mover(s);
      const choice = choices[k % choices.length] as number;
      const request: GameRequest =
        choice === 0
          ? { type: 'challenge' }
          : choice === 1
            ? (phonyOf(s, k) ?? validOf(s))
            : choice === 2
              ? { type: 'pass' }
              : validOf(s);
      const before = JSON.stringify(gameToJSON(s));
      const r = engine.apply(s, who, request);
      // Nothing changes on an error.
      expect(JSON.stringify(gameToJSON(s))).toBe(before);
      if (!r.ok) {
        errors++;
        expect([90800, 90801, 90803, Code.INCORRECT_WORDS]).toContain(r.error.code);
        if (r.error.code === Code.INCORRECT_WORDS) expect(rule).toBe('void');
        s = step(s, who, r.error.code === 90803 ? { type: 'pass' } : validOf(s));
        continue;
      }
      s = r.value.state;
      // Tiles conserved; no view shows a phony status, drawn tiles or another player's rack.
      expect(tilesConserved(s.classic!.tiles, ctx.config.letters)).toBe(true);
      for (const p of s.players) {
        const v = playerView(s, p.id) as { classic: { hands: (string | null)[] } };
        if (s.status !== 'over') {
          expect(JSON.stringify(v)).not.toMatch(/"phony"|"drawn"/);
          expect(v.classic.hands.filter((h) => h !== null)).toHaveLength(1);
        }
      }
    }
    return { s, errors };
  }

  it('tile conservation, the score identity, no error changes the state, the history replays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHALLENGE_RULES),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }),
        (rule, seed, choices) => {
          const { s } = playOut(rule, seed, choices);
          // Final (or current) scores = plays + challenge points + end adjustments.
          const totals = new Map(s.players.map((p) => [p.id, 0]));
          for (const e of s.history) {
            if (e.type === 'played') totals.set(e.player, (totals.get(e.player) ?? 0) + e.score);
            if (e.type === 'challenged') totals.set(e.target, (totals.get(e.target) ?? 0) + e.points);
          }
          s.players.forEach((p, i) => expect(p.score).toBe((totals.get(p.id) ?? 0) + (s.classic?.adjustments[i] ?? 0)));
          expect(unwrap(gameFromJSON(gameToJSON(s), engine, { verify: 'replay' })).turn).toBe(s.turn);
        },
      ),
      { ...FC, numRuns: 24 },
    );
  }, 120_000);

  it('a play that goes out is open to a challenge: play and trade refused (90803), a pass ends the game', () => {
    // Valid plays only, until someone goes out.
    for (let seed = 1; seed < 40; seed++) {
      let s = game('double', seed);
      for (let k = 0; k < 80 && s.status === 'running' && s.classic?.pending?.wentOut !== true; k++)
        s = step(s, mover(s), validOf(s));
      if (s.classic?.pending?.wentOut !== true) continue;
      expect(s.status).toBe('running');
      expect(codeOf(s, mover(s), validOf(s).type === 'play' ? validOf(s) : { type: 'play', tiles: [] })).toBe(90803);
      const ended = step(s, mover(s), { type: 'pass' });
      expect(ended.status).toBe('over');
      expect(ended.classic?.endReason).toBe('out');
      const challenged = step(s, mover(s), { type: 'challenge' });
      expect(challenged.status).toBe('over'); // a valid out-play stands: the game ends after the outcome
      return;
    }
    throw new Error('no game went out');
  }, 120_000);
});

describe('engine players under challenge rules', () => {
  it('never play a phony, and challenge a play exactly when it is one', () => {
    for (const rule of ['double', 'single', '5-point'] as const) {
      let s = game(rule, 11);
      let challenges = 0;
      let phonies = 0;
      for (let k = 0; k < 120 && s.status === 'running'; k++) {
        const who = mover(s);
        if (who === 'ann') {
          // The engine player: its request, judged against the truth the state hides.
          const pending = s.classic?.pending;
          const request = unwrap(engineRequest(s, 'ann', ctx));
          expect(request.type === 'challenge').toBe(pending?.phony === true);
          if (request.type === 'challenge') challenges++;
          s = step(s, 'ann', request);
          if (request.type === 'play') expect(s.classic?.pending?.phony).toBe(false);
        } else {
          // A test player that bluffs every other turn.
          const bluff = k % 4 === 1 ? phonyOf(s, k) : undefined;
          if (bluff !== undefined) phonies++;
          s = step(s, who, s.classic?.pending?.wentOut === true ? { type: 'pass' } : (bluff ?? validOf(s)));
        }
      }
      expect(phonies).toBeGreaterThan(0);
      expect(challenges).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('the challenge window when players leave', () => {
  it('passes to the next player present; closes when nobody but the player is left (a solo game too)', () => {
    let s = game('double', 5, ['ann', 'bob', 'cy']);
    const a = mover(s);
    s = step(s, a, validOf(s));
    const b = mover(s);
    s = step(s, b, { type: 'leave' });
    const c = mover(s);
    expect(c).not.toBe(a);
    expect(s.classic?.pending?.player).toBe(s.players.findIndex((p) => p.id === a));
    s = step(s, c, { type: 'leave' });
    expect(mover(s)).toBe(a);
    expect(s.classic?.pending).toBeUndefined();
    expect(gameFromJSON(gameToJSON(s), engine, { verify: 'replay' }).ok).toBe(true);
    let solo = game('triple', 6, ['ann']);
    solo = step(solo, 'ann', validOf(solo));
    expect(solo.classic?.pending).toBeUndefined();
    expect(codeOf(solo, 'ann', { type: 'challenge' })).toBe(90801);
  });

  it('a solo game under a challenge rule ends when its player goes out, with its game-over event', () => {
    let s = game('double', 9, ['ann']);
    for (let k = 0; k < 100 && s.status === 'running'; k++) s = step(s, 'ann', validOf(s));
    expect(s.status).toBe('over');
    expect(last(s)).toMatchObject({ type: 'game-over' });
    expect(gameFromJSON(gameToJSON(s), engine, { verify: 'replay' }).ok).toBe(true);
  });
});
