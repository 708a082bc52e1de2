import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Autoplayer,
  selfPlay,
  presetConfig,
  Board,
  BLANK,
  Code,
  GeneratedPlay,
  MoveGenerator,
  parseBoard,
  handFromLetters,
  parseTiles,
  type SimJob,
  type SimPort,
  type SimReply,
  simWorkerHandler,
  simulateOnPorts,
  simPlayer,
  type SimCandidateInfo,
  type SimResult,
  SimTally,
  Simulator,
  DEFAULT_WIN_MODEL,
  WinTableBuilder,
  winProbability,
} from 'wordgame-engine';
import { unseenTiles, normalQuantile } from 'wordgame-engine/internals';
import { loadDefaultDictionary, loadDefaultLeaves, simulateOnWorkers } from 'wordgame-engine/node';
import { FC, SIM_BOARD, failure, unwrap } from './helpers.js';

const config = unwrap(presetConfig('en'));
const dictionary = unwrap(loadDefaultDictionary());
const leaves = unwrap(loadDefaultLeaves());
const sim = unwrap(Simulator.create(config, dictionary, leaves));

const board = unwrap(parseBoard(SIM_BOARD, config.alphabet));
const rack = [...unwrap(handFromLetters('EHMOSTY', config))];
const position = { board, rack, lead: 84 };
const withoutMs = (r: SimResult) => ({ ...r, ms: 0 });

describe('statistics', () => {
  it('normalQuantile matches the table', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(1 - 1e-6)).toBeCloseTo(4.753424, 4);
  });

  it('drops exactly the candidates a paired z-test on the raw samples drops (oracle)', () => {
    const arms = fc.integer({ min: 2, max: 6 });
    fc.assert(
      fc.property(
        arms.chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(fc.array(fc.integer({ min: -300, max: 300 }), { minLength: k, maxLength: k }), {
              minLength: 3,
              maxLength: 40,
            }),
            fc.array(fc.integer({ min: -80, max: 80 }), { minLength: k, maxLength: k }),
          ),
        ),
        ([k, rows, shift]) => {
          const u = rows.map((row) => row.map((x, a) => x + (shift[a] as number)));
          const m = u.length;
          const infos: SimCandidateInfo[] = Array.from({ length: k }, (_, a) => ({
            notation: `c${a}`,
            kind: 'play',
            placements: [],
            traded: [],
            score: 0,
            equity: 0,
          }));
          const tally = unwrap(
            SimTally.create(infos, 2, { minIterations: 1, checkEvery: 1, confidence: 0.9, iterations: 1000 }),
          );
          // The documented layout: 7 sums per candidate, then the pairwise products.
          const stats = new Float64Array(tally.stats.length);
          for (const row of u) {
            for (let a = 0; a < k; a++) {
              const x = row[a] as number;
              stats[a * 7] = (stats[a * 7] as number) + 1;
              stats[a * 7 + 1] = (stats[a * 7 + 1] as number) + x;
              stats[a * 7 + 2] = (stats[a * 7 + 2] as number) + x * x;
              for (let b = a + 1; b < k; b++)
                stats[k * 7 + a * k + b] = (stats[k * 7 + a * k + b] as number) + x * (row[b] as number);
            }
          }
          tally.merge(stats);
          tally.advance(m);
          tally.check();
          // The oracle, from the raw samples.
          const mean = (a: number) => u.reduce((s, r) => s + (r[a] as number), 0) / m;
          let leader = 0;
          for (let a = 1; a < k; a++) if (mean(a) > mean(leader)) leader = a;
          const z = normalQuantile(1 - 0.1 / (k - 1));
          const expected = Array.from({ length: k }, (_, a) => {
            if (a === leader) return 1;
            const d = u.map((r) => (r[leader] as number) - (r[a] as number));
            const md = d.reduce((s, x) => s + x, 0) / m;
            const v = d.reduce((s, x) => s + (x - md) ** 2, 0) / (m - 1);
            return (v === 0 ? md >= 0 : md - z * Math.sqrt(v / m) > 0) ? 0 : 1;
          });
          expect([...tally.live]).toEqual(expected);
        },
      ),
      { ...FC, numRuns: 300 },
    );
  });

  it('the win model grows with the lead and matters more with fewer tiles unseen', () => {
    for (const u of [3, 10, 30, 60, 93]) {
      let last = 0;
      for (let lead = -200; lead <= 200; lead += 10) {
        const p = winProbability(DEFAULT_WIN_MODEL, lead, u);
        expect(p).toBeGreaterThan(last);
        last = p;
      }
    }
    expect(winProbability(DEFAULT_WIN_MODEL, 50, 10)).toBeGreaterThan(winProbability(DEFAULT_WIN_MODEL, 50, 80));
    expect(DEFAULT_WIN_MODEL.source).toMatch(/autoplay: \d+ games/);
  });

  it('the fit recovers a known logistic curve', () => {
    const builder = new WinTableBuilder();
    let s = 12345;
    const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 60_000; k++) {
      const u = k % 2 === 0 ? 20 : 60;
      const lead = Math.round(rand() * 400 - 200);
      const p = 1 / (1 + Math.exp(-((u === 20 ? 0.03 : 0.015) * lead + 0.4)));
      builder.add(lead, u, rand() < p ? 1 : 0);
    }
    const model = builder.fit('test', 1000);
    expect(model.slope[20]).toBeCloseTo(0.03, 2);
    expect(model.slope[60]).toBeCloseTo(0.015, 2);
    expect(Math.abs((model.offset[20] as number) - 0.4)).toBeLessThan(0.08);
    expect(Math.abs((model.offset[60] as number) - 0.4)).toBeLessThan(0.08);
  });
});

describe('the simulator', () => {
  it("plays every candidate against the same deals: a candidate's sums do not depend on which others are sampled", () => {
    const run = unwrap(sim.prepare(position, { candidates: 6 }));
    const n = run.candidates.length;
    const all = new Float64Array(run.tally.stats.length);
    run.sample(0, 24, new Uint8Array(n).fill(1), all);
    for (const c of [0, 3, n - 1]) {
      const alone = new Float64Array(run.tally.stats.length);
      const live = new Uint8Array(n);
      live[c] = 1;
      run.sample(0, 24, live, alone);
      expect([...alone.subarray(c * 7, c * 7 + 7)]).toEqual([...all.subarray(c * 7, c * 7 + 7)]);
    }
  });

  it('any split of the iterations sums to the same figures, to the last bit', () => {
    const run = unwrap(sim.prepare(position, { candidates: 5 }));
    const live = new Uint8Array(run.candidates.length).fill(1);
    const whole = new Float64Array(run.tally.stats.length);
    run.sample(0, 30, live, whole);
    const parts = new Float64Array(run.tally.stats.length);
    for (const [a, b] of [
      [20, 30],
      [0, 7],
      [7, 20],
    ] as const) {
      const part = new Float64Array(run.tally.stats.length);
      run.sample(a, b, live, part);
      for (let k = 0; k < part.length; k++) parts[k] = (parts[k] as number) + (part[k] as number);
    }
    expect([...parts]).toEqual([...whole]);
  });

  it('on an empty board keeps one of each play and its transpose (the same play by symmetry), still as many candidates', () => {
    const empty = Board.empty(15, 15);
    const hand = [...unwrap(handFromLetters('VOXAEIR', config))];
    const own = unwrap(Simulator.create(config, dictionary, leaves));
    const run = unwrap(own.prepare({ board: empty, rack: hand, lead: 0 }, { candidates: 12 }));
    const plays = run.candidates.filter((c) => c.kind === 'play');
    expect(plays).toHaveLength(12);
    const key = (c: SimCandidateInfo, t: boolean) =>
      c.placements
        .map((p) => `${t ? (p.square % 15) * 15 + Math.floor(p.square / 15) : p.square}:${p.tile}`)
        .sort()
        .join(' ');
    const keys = new Set(plays.map((c) => key(c, false)));
    for (const c of plays) expect(keys.has(key(c, true))).toBe(false);
    // Each is one of the generator's top plays, in equity order.
    const top = unwrap(MoveGenerator.create(config, dictionary, empty));
    const n = top.searchTop(hand, 24, { leaves });
    const order = Array.from({ length: n }, (_, i) => top.topPlay(i)?.notation);
    expect(plays.map((c) => order.indexOf(c.notation))).toEqual(
      [...plays.map((c) => order.indexOf(c.notation))].sort((a, b) => a - b),
    );
    expect(plays.every((c) => order.includes(c.notation))).toBe(true);
  });

  it('leaves the board as it found it', () => {
    const before = [...sim.generator.currentBoard().cells()];
    unwrap(sim.simulate(position, { iterations: 40, candidates: 4 }));
    expect([...sim.generator.currentBoard().cells()]).toEqual(before);
  });

  it('without an early stop, samples every candidate every iteration; with it, drops candidates and keeps the leader', () => {
    const full = unwrap(sim.simulate(position, { iterations: 64, candidates: 8, confidence: 1 }));
    expect(full.stop).toBe('iterations');
    expect(full.candidates.map((c) => c.iterations)).toEqual(full.candidates.map(() => 64));
    expect(full.samples).toBe(64 * full.candidates.length);
    const utilities = full.candidates.map((c) => c.utility);
    expect(utilities).toEqual([...utilities].sort((a, b) => b - a));
    expect(full.candidates.some((c) => c.kind === 'trade')).toBe(true);
    const stopped = unwrap(
      sim.simulate(position, { iterations: 160, candidates: 8, minIterations: 32, checkEvery: 16 }),
    );
    expect(stopped.candidates[0]?.live).toBe(true);
    expect(stopped.candidates.filter((c) => !c.live).length).toBeGreaterThan(0);
    expect(stopped.samples).toBe(stopped.candidates.reduce((s, c) => s + c.iterations, 0));
    expect(stopped.samples).toBeLessThan(stopped.iterations * stopped.candidates.length);
    for (const c of stopped.candidates) {
      expect(c.winCI[0]).toBeLessThanOrEqual(c.win);
      expect(c.win).toBeLessThanOrEqual(c.winCI[1]);
      expect(c.spreadCI[0]).toBeLessThanOrEqual(c.spread);
    }
  }, 60_000);

  it('plays to the end with 14 or fewer tiles unseen: every sample is a win, a tie or a loss', () => {
    const unseen = [...unwrap(parseTiles('AEIRSTNLOD', config.alphabet))];
    const r = unwrap(sim.simulate({ board, rack, unseen, lead: 3 }, { iterations: 32, candidates: 5, confidence: 1 }));
    expect(r.plies).toBeGreaterThan(20);
    for (const c of r.candidates) expect(Number.isInteger(Math.round(c.win * c.iterations * 2 * 1e6) / 1e6)).toBe(true);
    expect(r.candidates.every((c) => c.kind === 'play')).toBe(true);
  });

  it('reports bad input as error values', () => {
    expect(failure(sim.simulate({ board, rack: [...rack, 1], lead: 0 })).code).toBe(Code.BAD_QUERY);
    expect(failure(sim.simulate({ board, rack: [...rack, 1] })).param).toBe('rack');
    expect(failure(sim.simulate({ board: Board.empty(11, 11), rack })).param).toBe('board');
    expect(failure(sim.simulate({ board, rack, unseen: [] })).param).toBe('unseen');
    expect(failure(sim.simulate({ board, rack, lead: Number.NaN })).param).toBe('lead');
    expect(failure(sim.simulate({ board, rack, unseen: [99] })).param).toBe('rack');
    expect(failure(sim.simulate({ board, rack: [1.5, 2] })).param).toBe('rack');
    expect(failure(sim.simulate({ board, rack: 'AB' as never })).param).toBe('rack');
    expect(failure(sim.simulate({ board, rack, unseen: ['x', 1] as never })).param).toBe('rack');
    for (const [options, param] of [
      [{ plies: 0 }, 'plies'],
      [{ candidates: 1000 }, 'candidates'],
      [{ confidence: 0.2 }, 'confidence'],
      [{ iterations: 1.5 }, 'iterations'],
      [{ timeMs: -1 }, 'timeMs'],
    ] as const)
      expect(failure(sim.simulate(position, options)).param).toBe(param);
  });
});

describe('on several threads', () => {
  const job: SimJob = { cells: board.cells(), rack, lead: 84, options: { iterations: 96, candidates: 6, seed: 9 } };
  const defaults = { dictionary: loadDefaultDictionary, leaves: loadDefaultLeaves };

  /** In-process workers: the handler answers asynchronously, as a real worker would. */
  const fakePorts = (k: number): SimPort[] =>
    Array.from({ length: k }, () => {
      const handle = simWorkerHandler(defaults);
      let listener: (r: SimReply) => void = () => undefined;
      return {
        post: (request) => void setTimeout(() => listener(handle(request)), 0),
        listen: (onReply) => void (listener = onReply),
      };
    });

  it('gives the result of one thread whatever the number of workers', async () => {
    const here = unwrap(sim.simulate(position, { iterations: 96, candidates: 6, seed: 9 }));
    for (const k of [1, 3])
      expect(withoutMs(unwrap(await simulateOnPorts(job, fakePorts(k))))).toEqual(withoutMs(here));
    expect(withoutMs(unwrap(await simulateOnWorkers(job, 2)))).toEqual(withoutMs(here));
  }, 60_000);

  it('reports a job that cannot be prepared as an error value', async () => {
    expect(failure(await simulateOnPorts({ ...job, rack: [] }, fakePorts(2))).param).toBe('rack');
    expect(failure(await simulateOnPorts(job, [])).code).toBe(Code.BAD_QUERY);
  });
});

describe('simulating players', () => {
  it('play whole games that the validator accepts (selfplay)', () => {
    const game = unwrap(
      selfPlay(
        config,
        dictionary,
        [simPlayer(sim, { iterations: 6, candidates: 3 }), simPlayer(sim, { iterations: 6, candidates: 3 })],
        4,
      ),
    );
    expect(game.turns.length).toBeGreaterThan(8);
  }, 60_000);

  it('play the same lean game twice from a seed', () => {
    const auto = unwrap(
      Autoplayer.create(config, dictionary, [
        { name: 'sim', leaves, sim: { options: { iterations: 6, candidates: 3 } } },
        { name: 'leave', leaves },
      ]),
    );
    expect(auto.playGame(77, 1)).toEqual(auto.playGame(77, 1));
    expect(failure(Autoplayer.create(config, dictionary, [{ name: 'sim', sim: {} }, { name: 'static' }])).code).toBe(
      Code.BAD_QUERY,
    );
  }, 60_000);

  it("infer from the opponent's last play in lean games when asked: the same game from a seed, not the game without inference", () => {
    const players = (infer: boolean) => [
      { name: 'sim', leaves, sim: { options: { iterations: 8, candidates: 3, inferenceTemperature: 1 }, infer } },
      { name: 'leave', leaves },
    ];
    const inferring = unwrap(Autoplayer.create(config, dictionary, players(true)));
    const game = inferring.playGame(78, 0);
    expect(inferring.playGame(78, 0)).toEqual(game);
    const games = [78, 79, 80].map((s) => [
      inferring.playGame(s, 0),
      unwrap(Autoplayer.create(config, dictionary, players(false))).playGame(s, 0),
    ]);
    expect(games.some(([a, b]) => JSON.stringify(a) !== JSON.stringify(b))).toBe(true);
  }, 120_000);
});

describe('opponent-rack inference', () => {
  // The opponent, a static equity player, holds `theirs` on `before` and plays its best play.
  const before = board;
  const unseenBefore = [...(unseenTiles(config, before, rack) as number[])];
  const theirs = [0, 6, 12, 18, 24, 30, 36].map((k) => unseenBefore[k] as number);
  const gen = unwrap(MoveGenerator.create(config, dictionary, before));
  expect(gen.searchTop(theirs, 1, { leaves })).toBe(1);
  const opponentPlay = (gen.topPlay(0) as GeneratedPlay).placements.map((p) => ({ square: p.square, tile: p.tile }));
  const after = before.withTiles(opponentPlay);
  const played = opponentPlay.map((p) => ((p.tile & BLANK) !== 0 ? BLANK : p.tile));
  const playedScore = gen.topPlayScore(0);

  /** The equity the play gave up against the best play of `played + kept` (every play generated). */
  const gap = (kept: readonly number[]): number => {
    const all = gen.collectAll([...played, ...kept], { leaves });
    let best = -Infinity;
    for (let s = 0; s < all.count; s++) best = Math.max(best, all.equity(s));
    const sorted = Uint8Array.from([...kept].sort((a, b) => a - b));
    return best - (playedScore + leaves.leaveValue(sorted, sorted.length));
  };

  /** The kept tiles of the first `n` deals that were accepted before the last try, and the share of deals with a gap over 0.5. */
  const deals = (temperature: number, n: number) => {
    const run = unwrap(
      sim.prepare({ board: after, rack, opponentPlay }, { candidates: 1, inferenceTemperature: temperature, seed: 3 }),
    );
    const keptN = 7 - opponentPlay.length;
    let over = 0;
    let counted = 0;
    for (let i = 0; i < n; i++) {
      const drawn = run.dealsDrawn;
      const kept = run.opponentTiles(i).slice(0, keptN);
      if (run.dealsDrawn - drawn >= 64) continue;
      counted++;
      if (gap(kept) > 0.5) over++;
    }
    return { over: over / counted, counted };
  };

  it("keeps only deals whose kept tiles make the opponent's play (nearly) their best at a low temperature; uniform deals do not", () => {
    expect(opponentPlay.length).toBeLessThan(7);
    const inferred = deals(0.05, 24);
    expect(inferred.counted).toBeGreaterThan(12);
    expect(inferred.over).toBe(0);
    const uniform = deals(0, 24);
    expect(uniform.over).toBeGreaterThan(0.2);
  }, 60_000);

  it('gives the same result on any number of workers', async () => {
    const options = { iterations: 64, candidates: 4, seed: 5, inferenceTemperature: 2 };
    const here = unwrap(sim.simulate({ board: after, rack, opponentPlay }, options));
    const ports: SimPort[] = [0, 1].map(() => {
      const handle = simWorkerHandler({ dictionary: loadDefaultDictionary, leaves: loadDefaultLeaves });
      let listener: (r: SimReply) => void = () => undefined;
      return {
        post: (request) => void setTimeout(() => listener(handle(request)), 0),
        listen: (onReply) => void (listener = onReply),
      };
    });
    const job: SimJob = { cells: after.cells(), rack, opponentPlay, options };
    expect(withoutMs(unwrap(await simulateOnPorts(job, ports)))).toEqual(withoutMs(here));
    const plain = unwrap(sim.simulate({ board: after, rack }, options));
    expect(withoutMs(plain)).not.toEqual(withoutMs(here));
  }, 60_000);

  it('reports an opponent play that is not on the board, or not a play, as an error value', () => {
    const [first] = opponentPlay as [{ square: number; tile: number }];
    expect(
      failure(
        sim.prepare({ board: after, rack, opponentPlay: [{ square: first.square, tile: first.tile === 1 ? 2 : 1 }] }),
      ).param,
    ).toBe('opponentPlay');
    expect(failure(sim.prepare({ board: after, rack, opponentPlay: [] })).param).toBe('opponentPlay');
    expect(failure(sim.prepare({ board: after, rack, opponentPlay: [first, first] })).param).toBe('opponentPlay');
    expect(failure(sim.prepare({ board: after, rack, opponentPlay: [{ square: 10_000, tile: 1 }] })).param).toBe(
      'opponentPlay',
    );
    // Two tiles of the board in neither the same row nor the same column: no play.
    const scattered = [1 * 15 + 4, 7 * 15 + 6].map((square) => ({ square, tile: after.cell(square) }));
    expect(scattered.every((p) => p.tile !== 0)).toBe(true);
    expect(failure(sim.prepare({ board: after, rack, opponentPlay: scattered })).param).toBe('opponentPlay');
    expect(failure(sim.prepare({ board: after, rack, opponentPlay }, { inferenceTemperature: -1 })).param).toBe(
      'inferenceTemperature',
    );
  });
});
