import { describe, expect, it, vi } from 'vitest';
import {
  Autoplayer,
  LeaveLearner,
  heuristicLeaves,
  leavePlayer,
  staticPlayer,
  selfPlay,
  presetConfig,
  type LeaveValues,
} from 'wordgame-engine';
import { AlphagramIndex, type PairResult, summarizePairs } from 'wordgame-engine/internals';
import {
  runAutoplay,
  learnLeaves,
  loadDefaultDictionary,
  packageDictionaryPath,
  readDictionaryFile,
} from 'wordgame-engine/node';
import { unwrap } from './helpers.js';

describe('lean autoplay', () => {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no preset');
  const dict = unwrap(loadDefaultDictionary());

  it.each([false, true])(
    'plays the same games as selfPlay (validated move by move), for static and leave players (endgame equity: %s)',
    (endgameEquity) => {
      const leaves = heuristicLeaves(config.value);
      const lean = Autoplayer.create(config.value, dict, [
        { name: 'static' },
        { name: 'leave', leaves, endgameEquity },
      ]);
      if (!lean.ok) throw new Error(lean.error.message);
      const plain = Autoplayer.create(config.value, dict, [{ name: 'static' }, { name: 'leave', leaves }]);
      if (!plain.ok) throw new Error(plain.error.message);
      let allBingos = 0;
      let changed = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const full = selfPlay(
          config.value,
          dict,
          [staticPlayer, leavePlayer(config.value, leaves, { endgameEquity })],
          seed,
        );
        if (!full.ok) throw new Error(full.error.message);
        const game = lean.value.playGame(seed);
        if (game.scores.join() !== plain.value.playGame(seed).scores.join()) changed++;
        expect(game.scores, `seed ${seed}`).toEqual(full.value.final.tiles.scores);
        expect(game.turns).toBe(full.value.turns.length);
        expect(game.end).toBe(full.value.final.endReason === 'out' ? 'out' : 'stalled');
        const bingos = [0, 1].map(
          (p) =>
            full.value.turns.filter(
              (t) => t.player === p && t.kind === 'play' && /^\S+ \S+$/.test(t.move) && countTiles(t.move) === 7,
            ).length,
        );
        expect(game.bingos, `seed ${seed}`).toEqual(bingos);
        allBingos += bingos[0]! + bingos[1]!;
      }
      expect(allBingos).toBeGreaterThan(0);
      // The adjustment changes some endgames (and nothing else).
      if (endgameEquity) expect(changed).toBeGreaterThan(0);
      else expect(changed).toBe(0);
    },
  );

  it('builds its move generator with the options given: without the full-hand index, the same games and no index', () => {
    // A dictionary of its own (the default one is shared, and its index built by other tests).
    const fresh = unwrap(readDictionaryFile(packageDictionaryPath()));
    const build = vi.spyOn(AlphagramIndex, 'build');
    try {
      const leaves = heuristicLeaves(config.value);
      const players = [
        { name: 'a', leaves },
        { name: 'b', leaves },
      ];
      const plain = unwrap(Autoplayer.create(config.value, fresh, players, { fullHandIndex: false }));
      const indexed = unwrap(Autoplayer.create(config.value, dict, players));
      for (let seed = 1; seed <= 6; seed++) expect(plain.playGame(seed)).toEqual(indexed.playGame(seed));
      expect(build.mock.calls.filter((call) => call[0] === fresh)).toEqual([]);
    } finally {
      build.mockRestore();
    }
  });

  it('trades when the best trade beats the best play, as selfPlay does (a leave table that favours trading)', () => {
    // Keeping exactly one tile is worth a lot: most turns, trading six beats every play (few play six).
    const leaves: LeaveValues = { leaveValue: (tiles, n) => (n === 1 ? 40 + (tiles[0] as number) * 0.1 : 0) };
    const lean = unwrap(Autoplayer.create(config.value, dict, [{ name: 'static' }, { name: 'trader', leaves }]));
    let trades = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const full = unwrap(selfPlay(config.value, dict, [staticPlayer, leavePlayer(config.value, leaves)], seed));
      trades += full.turns.filter((t) => t.kind === 'trade').length;
      const game = lean.playGame(seed);
      expect(game.scores, `seed ${seed}`).toEqual(full.final.tiles.scores);
      expect(game.turns, `seed ${seed}`).toBe(full.turns.length);
    }
    expect(trades).toBeGreaterThan(5);
  });

  it('a mirrored game swaps the seats: the same deal, the other player first', () => {
    const lean = Autoplayer.create(config.value, dict, [{ name: 'a' }, { name: 'b' }]);
    if (!lean.ok) throw new Error(lean.error.message);
    // Two identical static players: the mirrored game is the same game with the scores swapped.
    const g = lean.value.playGame(5, 0);
    const m = lean.value.playGame(5, 1);
    expect(m.scores).toEqual([...g.scores].reverse());
    expect(m.turns).toBe(g.turns);
  });
});

/** New tiles in a play's notation (`8H WO.D`): every glyph that is not a '.' through-tile. */
function countTiles(move: string): number {
  const word = move.split(' ')[1] ?? '';
  return word.replace(/\./g, '').length;
}

describe('autoplay runs', () => {
  it('summarises pairs: win rate, spread and their 95 % intervals by the pair (against a direct computation)', () => {
    const pairs: PairResult[] = [
      { spreads: [10, -4], points: [800, 794], bingos: [2, 1], turns: 50 },
      { spreads: [-30, -2], points: [700, 732], bingos: [0, 3], turns: 48 },
      { spreads: [0, 12], points: [812, 800], bingos: [1, 1], turns: 46 },
    ];
    const s = summarizePairs(pairs);
    expect(s.games).toBe(6);
    expect(s.wins).toBe(1 + 0 + 0 + 0 + 0.5 + 1);
    const w = [0.5, 0, 0.75];
    const mean = w.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(s.winRate).toBeCloseTo(mean, 12);
    expect(s.winRateCI[0]).toBeCloseTo(Math.max(0, mean - (1.96 * sd) / Math.sqrt(3)), 12);
    expect(s.spread).toBeCloseTo((3 - 16 + 6) / 3, 12);
    expect(s.pointsPerGame).toEqual([2312 / 6, 2326 / 6]);
    expect(s.bingosPerGame).toEqual([0.5, 5 / 6]);
  });

  it('gives the same summary on 1 and 2 worker threads', async () => {
    const job = { pairs: 6, seed: 9, players: ['leave', 'static'] as [string, string] };
    const one = await runAutoplay(job, 1);
    const two = await runAutoplay(job, 2);
    expect(one.ok && two.ok).toBe(true);
    expect(two).toEqual(one);
    if (one.ok) expect(one.value.games).toBe(12);
  }, 60_000);

  it('refuses unknown players and unreadable leave files with error values', async () => {
    expect(await runAutoplay({ pairs: 1, seed: 1, players: ['static', 'magic'] })).toMatchObject({
      ok: false,
      error: { code: 90201 },
    });
    expect(await runAutoplay({ pairs: 1, seed: 1, players: ['static', 'klv:/nonexistent.klv2'] })).toMatchObject({
      ok: false,
      error: { code: 90106 },
    });
  });
});

describe('leave learning', () => {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no preset');
  const dict = unwrap(loadDefaultDictionary());

  it('is deterministic, values every leave of 1-6 tiles, and smooths toward its prior', () => {
    const learn = () => {
      const leaves = heuristicLeaves(config.value);
      const a = unwrap(
        Autoplayer.create(config.value, dict, [
          { name: 'a', leaves },
          { name: 'b', leaves },
        ]),
      );
      const learner = new LeaveLearner(config.value, leaves);
      for (let s = 0; s < 20; s++) learner.playGame(a, s);
      return { learner, table: unwrap(learner.table()) };
    };
    const one = learn();
    const two = learn();
    expect(Buffer.from(one.table.toKlv2()).equals(Buffer.from(two.table.toKlv2()))).toBe(true);
    expect(one.table.size).toBe(914_624);
    expect(one.learner.observations).toBeGreaterThan(200);
    // Smoothing: with an overwhelming prior weight every value is its prior, which chains down to 0.
    const flat = unwrap(one.learner.table(1e12));
    let largest = 0;
    for (const [, v] of flat.entries()) largest = Math.max(largest, Math.abs(v));
    expect(largest).toBeLessThan(1e-6);
    // With no smoothing a seen single tile is its raw mean against the empty leave.
    const raw = one.learner.rawStats(String.fromCharCode(5)); // E
    expect(raw.count).toBeGreaterThan(0);
    expect(unwrap(one.learner.table(0)).valueOf('E', config.value.alphabet)).toBeCloseTo(raw.value, 3);
  });
});

describe('leave learning on worker threads', () => {
  it('learns the same table, byte for byte, on 1 and 2 workers, over 2 generations', async () => {
    const job = { games: 12, generations: 2, seed: 4 };
    const one = unwrap(await learnLeaves(job, 1));
    const two = unwrap(await learnLeaves(job, 2));
    expect(two.observations).toBe(one.observations);
    expect(Buffer.from(two.table.toKlv2()).equals(Buffer.from(one.table.toKlv2()))).toBe(true);
  }, 120_000);
});

describe('endgame players in autoplay', () => {
  it('are deterministic (a node budget, not a time) on 1 and 2 workers, and refuse bad suffixes', async () => {
    const job = { pairs: 2, seed: 11, players: ['static+endgame:3000', 'static'] as [string, string] };
    const one = await runAutoplay(job, 1);
    const two = await runAutoplay(job, 2);
    expect(one.ok).toBe(true);
    expect(two).toEqual(one);
    expect(await runAutoplay({ pairs: 1, seed: 1, players: ['static+magic', 'static'] })).toMatchObject({
      ok: false,
      error: { code: 90201 },
    });
  }, 120_000);
});
