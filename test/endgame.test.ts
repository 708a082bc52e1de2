import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Board,
  BLANK,
  type Tile,
  type Dictionary,
  EndgameSolver,
  PreEndgameSolver,
  MoveGenerator,
  allPlays,
} from 'wordgame-engine';
import { cpuTimeMs } from 'wordgame-engine/node';
import { FC, mustBuild, unwrap } from './helpers.js';
import { abcdConfig } from './helpers.js';

const ABCD = abcdConfig();

const value = (rack: readonly Tile[]) => rack.reduce((s, t) => s + (t === BLANK ? 0 : t), 0);

/**
 * The oracle: plain minimax over every play and the pass, to the end of the game, with no pruning
 * and no move ordering (positions already valued are remembered, which changes nothing but the
 * time); the rules of the solver's doc comment (going out: the play plus twice the opponent's
 * rack; two passes in a row: each side loses its own rack).
 */
function minimax(
  gen: MoveGenerator,
  board: Board,
  racks: readonly [Tile[], Tile[]],
  p: number,
  passed: boolean,
  memo = new Map<string, number>(),
): number {
  const key = `${[...board.cells()].join(',')}|${[...racks[0]].sort().join(',')}|${[...racks[1]].sort().join(',')}|${p}|${passed}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const v = minimaxFresh(gen, board, racks, p, passed, memo);
  memo.set(key, v);
  return v;
}

function minimaxFresh(
  gen: MoveGenerator,
  board: Board,
  racks: readonly [Tile[], Tile[]],
  p: number,
  passed: boolean,
  memo: Map<string, number>,
): number {
  const q = 1 - p;
  const own = racks[p] as Tile[];
  const other = racks[q] as Tile[];
  let best = passed ? value(other) - value(own) : -minimax(gen, board, racks, q, true, memo);
  gen.setBoard(board);
  for (const play of allPlays(gen, own)) {
    const rest = [...own];
    for (const pl of play.placements) rest.splice(rest.indexOf((pl.tile & BLANK) !== 0 ? BLANK : pl.tile), 1);
    const v =
      rest.length === 0
        ? play.score + 2 * value(other)
        : play.score -
          minimax(
            gen,
            board.withTiles(play.placements),
            (p === 0 ? [rest, other] : [other, rest]) as [Tile[], Tile[]],
            q,
            false,
            memo,
          );
    if (v > best) best = v;
  }
  // A pass negates the opponent's value: a drawn line would come back as -0, which `toBe` tells
  // from the solver's 0.
  return best === 0 ? 0 : best;
}

const tile = fc.constantFrom<Tile>(1, 1, 1, 2, 2, 3, 4, 1, 2, BLANK);

describe('endgame solver', () => {
  const words = [
    'AB',
    'BA',
    'AD',
    'DA',
    'CAB',
    'BAD',
    'DAB',
    'ABC',
    'CAD',
    'ACD',
    'BAA',
    'AA',
    'DAD',
    'ADD',
    'ABBA',
    'CABA',
    'DACA',
    'BADA',
    'ACA',
    'ABA',
  ];
  const dict: Dictionary = mustBuild(words, ABCD.alphabet, true);
  const solver = unwrap(EndgameSolver.create(ABCD, dict));
  const gen = unwrap(MoveGenerator.create(ABCD, dict));
  // Opening positions: one word through the centre.
  const openings = [
    [
      [2, 1, 1],
      [2, 2, 2],
      [2, 3, 1],
    ], // ABA across
    [
      [1, 2, 3],
      [2, 2, 1],
      [3, 2, 2],
    ], // CAB down
    [
      [2, 2, 4],
      [2, 3, 1],
    ], // DA
  ].map((tiles) =>
    Board.empty(5, 5).withTiles(
      tiles.map(([r, c, t]) => ({ square: (r as number) * 5 + (c as number), tile: t as number })),
    ),
  );

  it('finds the exact minimax value on 500 small endgames (racks of 1-3 tiles), with a legal line', () => {
    let exact = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: openings.length - 1 }),
        fc.array(tile, { minLength: 1, maxLength: 3 }),
        fc.array(tile, { minLength: 1, maxLength: 3 }),
        (o, a, b) => {
          // A real position: no more blanks than the letterset has (the solver refuses more, as it
          // should; seed 17 drew five).
          fc.pre([...a, ...b].filter((t) => t === BLANK).length <= ABCD.letters.blanks);
          const board = openings[o] as Board;
          const want = minimax(gen, board, [[...a], [...b]], 0, false);
          const r = unwrap(solver.solve(board, [a, b], { maxDepth: 20 }));
          expect(r.exact).toBe(true);
          expect(r.value).toBe(want);
          // The line's first move scores what it says and the line ends the game or passes twice.
          if (r.line.length > 0 && r.line[0]?.kind === 'play') {
            gen.setBoard(board);
            const first = r.line[0];
            expect(allPlays(gen, a).some((pl) => pl.score === first.score && pl.notation === first.notation)).toBe(
              true,
            );
          }
          exact++;
        },
      ),
      { ...FC, numRuns: 500 },
    );
    expect(exact).toBe(500);
  });

  it('agrees with minimax on 4-tile racks too, with the default table and the smallest', () => {
    const small = unwrap(EndgameSolver.create(ABCD, dict, { tableBits: 4 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: openings.length - 1 }),
        fc.array(tile, { minLength: 4, maxLength: 4 }),
        fc.array(tile, { minLength: 1, maxLength: 3 }),
        (o, a, b) => {
          // The oracle's time grows with every blank and every tile of the opponent's: with four
          // tiles a side and two blanks a single example took it 33 s (the solver 9 ms).
          fc.pre([...a, ...b].filter((t) => t === BLANK).length <= 1);
          const board = openings[o] as Board;
          const r = unwrap(solver.solve(board, [a, b]));
          const want = minimax(gen, board, [[...a], [...b]], 0, false);
          expect(r.value).toBe(want);
          // The smallest table (16 entries, many positions to a slot) costs speed, never the value.
          expect(unwrap(small.solve(board, [a, b])).value).toBe(want);
        },
      ),
      // The first example is a position where a move searched under a null window beats the best so
      // far and must be searched again in full (a search that skips this gets it wrong).
      { ...FC, numRuns: 20, examples: [[1, [4, BLANK, 2, 3], [1, 2, 2]]] },
    );
  });

  it('sizes a table to a node budget: at least two entries a node, from 2^12 to the default 2^21', () => {
    const bits = [1, 2048, 2049, 20_000, 50_000, 500_000, 1 << 20, 1e9, Infinity, 0, Number.NaN].map((n) =>
      EndgameSolver.tableBitsFor(n),
    );
    expect(bits).toEqual([12, 12, 13, 16, 17, 20, 21, 21, 21, 21, 21]);
    for (const n of [3000, 50_000, 500_000]) expect(2 ** EndgameSolver.tableBitsFor(n)).toBeGreaterThanOrEqual(2 * n);
  });

  it("starts each solve on an empty table without clearing it: an earlier solve's entries are never read, also after the stamp wraps", () => {
    // The same endgame solved again visits the same nodes (a search that read the first solve's
    // entries would visit fewer). The solves' stamp wraps after 65,535 solves, and the table is
    // cleared then: the solve after the wrap has the first solve's stamp, and the tiny endgames
    // between them leave most of the first solve's entries in place.
    const board = openings[1] as Board;
    const racks: [Tile[], Tile[]] = [
      [4, BLANK, 2, 3],
      [1, 2, 2],
    ];
    const fresh = unwrap(unwrap(EndgameSolver.create(ABCD, dict, { tableBits: 8 })).solve(board, racks));
    expect(fresh.nodes).toBeGreaterThan(50);
    const again = unwrap(EndgameSolver.create(ABCD, dict, { tableBits: 8 }));
    for (let i = 0; i < 2; i++) expect(unwrap(again.solve(board, racks)).nodes).toBe(fresh.nodes);
    const wrapping = unwrap(EndgameSolver.create(ABCD, dict, { tableBits: 12 }));
    let first = fresh;
    for (let i = 1; i <= 0x10000; i++) {
      if (i === 1 || i === 0x10000) {
        const r = unwrap(wrapping.solve(board, racks));
        if (i === 1) first = r;
        expect([i, r.value, r.nodes]).toEqual([i, fresh.value, first.nodes]);
      } else if (!wrapping.solve(board, [[1], [2]]).ok) throw new Error('a tiny endgame refused');
    }
  });

  it('refuses a board of another size, racks beyond a hand or the letterset and an empty rack to move, with error values', () => {
    for (const tableBits of [3, 27, 20.5, Number.NaN])
      expect(EndgameSolver.create(ABCD, dict, { tableBits })).toMatchObject({
        ok: false,
        error: { code: 90201, cause: 'tableBits is an integer from 4 to 26' },
      });
    expect(solver.solve(Board.empty(15, 15), [[1], [2]])).toMatchObject({ ok: false, error: { code: 90201 } });
    expect(solver.solve(openings[0] as Board, [[1, 1, 1, 1, 1], [2]])).toMatchObject({
      ok: false,
      error: { code: 90201 },
    });
    expect(solver.solve(openings[0] as Board, [[], [2]])).toMatchObject({ ok: false, error: { code: 90201 } });
    // Five blanks where the letterset has four: racks that cannot exist.
    expect(
      solver.solve(openings[0] as Board, [
        [BLANK, BLANK, BLANK],
        [BLANK, BLANK],
      ]),
    ).toMatchObject({
      ok: false,
      error: { code: 90201, cause: 'the board and the racks hold more tiles of some letter than the letterset has' },
    });
    expect(
      solver.solve(openings[0] as Board, [
        [BLANK, BLANK],
        [BLANK, BLANK],
      ]).ok,
    ).toBe(true);
    const peg = unwrap(PreEndgameSolver.create(ABCD, dict));
    expect(peg.solve(Board.empty(15, 15), [1], [1, 2, 3, 4, 1])).toMatchObject({ ok: false, error: { code: 90201 } });
    expect(peg.solve(openings[0] as Board, [1], [1, 2])).toMatchObject({ ok: false, error: { code: 90201 } });
  });

  it('stops at a depth limit with a best-so-far answer marked inexact', () => {
    const r = unwrap(
      solver.solve(
        openings[0] as Board,
        [
          [1, 2, 3, 4],
          [1, 1, 2, 4],
        ],
        { maxDepth: 1 },
      ),
    );
    expect(r.depth).toBe(1);
    expect(r.exact).toBe(false);
    expect(r.line.length).toBe(1);
  });

  it('deepens by depths 1, 2, 4, 6 and so on, the last the depth limit', () => {
    const racks: [Tile[], Tile[]] = [
      [1, 2, 3, 4],
      [1, 1, 2, 4],
    ];
    const depths: number[] = [];
    const r = unwrap(solver.solve(openings[0] as Board, racks, { onIteration: (it) => depths.push(it.depth) }));
    expect(depths).toEqual([1, 2, 4]);
    expect(r).toMatchObject({ depth: 4, exact: true });
    depths.length = 0;
    const limited = unwrap(
      solver.solve(openings[0] as Board, racks, { maxDepth: 3, onIteration: (it) => depths.push(it.depth) }),
    );
    expect(depths).toEqual([1, 2, 3]);
    expect(limited).toMatchObject({ depth: 3, exact: false });
  });

  it('reads its time limit and the time it reports on the clock it is given', () => {
    const racks: [Tile[], Tile[]] = [
      [1, 2, 3, 4],
      [1, 1, 2, 4],
    ];
    const plain = unwrap(solver.solve(openings[0] as Board, racks));
    // A clock that never moves: no limit is ever reached, and no time passes.
    const frozen = unwrap(solver.solve(openings[0] as Board, racks, { timeMs: 0, clock: () => 0 }));
    expect(frozen).toMatchObject({ value: plain.value, exact: true, ms: 0 });
    // A clock that moves a second a read.
    let now = 0;
    const ticking = unwrap(solver.solve(openings[0] as Board, racks, { clock: () => (now += 1000) }));
    expect(ticking.value).toBe(plain.value);
    expect(ticking.ms).toBeGreaterThan(0);
    expect(ticking.ms % 1000).toBe(0);
    // The process's CPU time (the benches' clock): it moves on with work done.
    const before = cpuTimeMs();
    const onCpu = unwrap(solver.solve(openings[0] as Board, racks, { clock: cpuTimeMs }));
    expect(onCpu.value).toBe(plain.value);
    expect(cpuTimeMs()).toBeGreaterThan(before);
  });

  it('ranks pre-endgame candidates by the endgames after each bag tile (against the minimax oracle)', () => {
    const peg = unwrap(PreEndgameSolver.create(ABCD, dict));
    const smallPeg = unwrap(PreEndgameSolver.create(ABCD, dict, { tableBits: 4 }));
    expect(PreEndgameSolver.create(ABCD, dict, { tableBits: 30 })).toMatchObject({ ok: false, error: { code: 90201 } });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: openings.length - 1 }),
        fc.array(tile, { minLength: 3, maxLength: 3 }),
        fc.array(tile, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: -10, max: 10 }),
        (o, rack, unseen, spread) => {
          const board = openings[o] as Board;
          const r = unwrap(peg.solve(board, rack, unseen, { candidates: 2, spread }));
          // Its endgame solver's table sized down to 16 entries: the same ranking.
          expect(unwrap(smallPeg.solve(board, rack, unseen, { candidates: 2, spread })).candidates).toEqual(
            r.candidates,
          );
          for (const c of r.candidates) {
            let total = 0;
            let wins = 0;
            for (let i = 0; i < unseen.length; i++) {
              const bagTile = unseen[i] as Tile;
              const opponent = unseen.filter((_, j) => j !== i);
              const mine = [...rack];
              for (const p of c.placements) mine.splice(mine.indexOf((p.tile & BLANK) !== 0 ? BLANK : p.tile), 1);
              mine.push(bagTile);
              const outcome = c.score - minimax(gen, board.withTiles(c.placements), [opponent, mine], 0, false);
              total += outcome;
              wins += spread + outcome > 0 ? 1 : spread + outcome === 0 ? 0.5 : 0;
            }
            expect(c.spread).toBeCloseTo(total / unseen.length, 9);
            expect(c.win).toBeCloseTo(wins / unseen.length, 9);
            expect(c.exact).toBe(true);
          }
        },
      ),
      { ...FC, numRuns: 6 },
    );
  });
});

describe('endgame players', () => {
  it('play whole validated self-play games, searching the pre-endgame and the endgame', async () => {
    const { loadDefaultDictionary } = await import('wordgame-engine/node');
    const { presetConfig } = await import('wordgame-engine');
    const { selfPlay } = await import('wordgame-engine');
    const { staticPlayer } = await import('wordgame-engine');
    const { endgamePlayer } = await import('wordgame-engine');
    const { PreEndgameSolver } = await import('wordgame-engine');
    const en = unwrap(presetConfig('en'));
    const dictionary = unwrap(loadDefaultDictionary());
    const player = endgamePlayer(
      en,
      unwrap(EndgameSolver.create(en, dictionary)),
      unwrap(PreEndgameSolver.create(en, dictionary)),
      staticPlayer,
      { endgameNodes: 5000, pegNodes: 500, pegCandidates: 3 },
    );
    for (const seed of [1, 2]) {
      const game = unwrap(selfPlay(en, dictionary, [player, staticPlayer], seed));
      expect(game.final.over).toBe(true);
    }
  }, 120_000);
});

describe('parallel endgames', () => {
  it('give the same value and move on 1, 2 and 3 worker threads as one search', async () => {
    const { solveEndgameParallel } = await import('wordgame-engine/node');
    const { saveDictionary } = await import('wordgame-engine');
    const dictionary = mustBuild(
      [
        'AB',
        'BA',
        'AD',
        'DA',
        'CAB',
        'BAD',
        'DAB',
        'ABC',
        'CAD',
        'ACD',
        'BAA',
        'AA',
        'DAD',
        'ADD',
        'ABBA',
        'CABA',
        'DACA',
        'BADA',
        'ACA',
        'ABA',
      ],
      ABCD.alphabet,
      true,
    );
    const solver = unwrap(EndgameSolver.create(ABCD, dictionary));
    const bytes = saveDictionary(dictionary);
    const board = Board.empty(5, 5).withTiles([
      { square: 11, tile: 1 },
      { square: 12, tile: 2 },
      { square: 13, tile: 1 },
    ]);
    const cases: [Tile[], Tile[]][] = [
      [
        [2, 2, 4],
        [1, 2, 1],
      ],
      [
        [1, 1, 3, 4],
        [2, 1, 1],
      ],
      [
        [1, 2],
        [4, BLANK],
      ],
      [
        [3, 3, 1],
        [1, 1, 1, 2],
      ],
    ];
    for (const racks of cases) {
      const one = unwrap(solver.solve(board, racks));
      for (const workers of [1, 2, 3]) {
        const r = unwrap(
          await solveEndgameParallel({ config: ABCD.spec, dictionary: bytes, cells: board.cells(), racks }, workers),
        );
        expect(r.exact).toBe(true);
        expect([r.value, r.rootIndex, r.line[0]?.notation]).toEqual([one.value, one.rootIndex, one.line[0]?.notation]);
      }
    }
  }, 120_000);
});
