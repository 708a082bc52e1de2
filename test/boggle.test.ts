import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  Alphabet,
  BOGGLE_SCORES,
  DICE_SETS,
  boggleScore,
  formatGrid,
  gridFromFaces,
  parseGrid,
  rollGrid,
  type BoggleGrid,
  scoreBoggleRound,
  validateBoggleMove,
  type BoggleContext,
  BoggleSolver,
  solveBoggle,
  Code,
} from 'wordgame-engine';
import { BIG_DELUXE_25, CLASSIC_16, NEW_16 } from 'wordgame-engine/internals';
import { FC, failure, mustBuild, unwrap } from './helpers.js';

const EN = ALPHABETS.en;
const dict = mustBuild(
  [
    'QUIT',
    'QUITE',
    'QUIET',
    'TIE',
    'TIES',
    'SIT',
    'SITE',
    'ITS',
    'EAST',
    'SEAT',
    'TEA',
    'TEAS',
    'ATE',
    'EAT',
    'EATS',
    'SET',
    'ZZZZ',
    'AB',
  ],
  EN,
);
const GRID = unwrap(parseGrid('QITE/ABSO/RSTE/LNOP', EN));
const ctx = (grid: BoggleGrid = GRID): BoggleContext => ({ grid, dictionary: dict, alphabet: EN });

describe('Boggle grids', () => {
  it('has the dice sets of game-data.md', () => {
    expect([NEW_16.dice.length, CLASSIC_16.dice.length, BIG_DELUXE_25.dice.length]).toEqual([16, 16, 25]);
    for (const set of Object.values(DICE_SETS)) {
      expect(set.dice.length).toBe(set.side * set.side);
      expect(set.dice.every((d) => d.length === 6)).toBe(true);
    }
    expect(BOGGLE_SCORES.slice(3)).toEqual([1, 1, 2, 3, 5, 11]);
    expect([3, 4, 5, 6, 7, 8, 12].map((n) => boggleScore(n))).toEqual([1, 1, 2, 3, 5, 11, 11]);
  });

  it('reads Qu as one cell of two letters, written Q or Qu', () => {
    const a = unwrap(parseGrid('QITE/ABSO/RSTE/LNOP', EN));
    const b = unwrap(parseGrid('quITE/ABSO/RSTE/LNOP', EN));
    expect(a.faces[0]).toBe('Qu');
    expect([a.first[0], a.second[0]]).toEqual([EN.code('Q'), EN.code('U')]);
    expect(formatGrid(a)).toBe(formatGrid(b));
    expect(formatGrid(a)).toBe('QuITE/ABSO/RSTE/LNOP');
    expect(unwrap(parseGrid('[TH]A/BC', EN)).faces[0]).toBe('Th');
    expect(failure(parseGrid('ABC/DE', EN)).code).toBe(Code.BAD_NOTATION);
    expect(failure(parseGrid('A1/BC', EN)).code).toBe(Code.BAD_NOTATION);
  });

  it('rolls the same grid from the same seed, and sizes 4, 5 and 6', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const set of Object.values(DICE_SETS)) {
          const g = unwrap(rollGrid(set, seed, EN));
          expect(formatGrid(unwrap(rollGrid(set, seed, EN)))).toBe(formatGrid(g));
          expect([g.rows, g.minLength]).toEqual([set.side, set.side === 4 ? 3 : 4]);
        }
      }),
      { ...FC, numRuns: 50 },
    );
    expect(formatGrid(unwrap(rollGrid(NEW_16, 1, EN)))).not.toBe(formatGrid(unwrap(rollGrid(NEW_16, 2, EN))));
  });
});

describe('Boggle moves: every code and parameter', () => {
  const table: [string, unknown, number, (string | number)?, BoggleGrid?][] = [
    ['not an object', 42, Code.BAD_MOVES_FORMAT],
    ['no path or word', { cells: [] }, Code.BAD_MOVES_FORMAT],
    ['cell not a pair', { path: [[0, 0], [1]] }, Code.BAD_MOVES_FORMAT],
    [
      'off the grid',
      {
        path: [
          [0, 0],
          [4, 0],
        ],
      },
      Code.BAD_MOVES_FORMAT,
    ],
    ['huge path', { path: Array.from({ length: 100 }, () => [0, 0]) }, Code.BAD_MOVES_FORMAT],
    ['word outside the alphabet', { word: 'té1' }, Code.BAD_MOVES_FORMAT],
    ['empty path', { path: [] }, Code.NO_MOVES_SENT],
    ['empty word', { word: '  ' }, Code.NO_MOVES_SENT],
    [
      'same cell twice',
      {
        path: [
          [0, 2],
          [0, 3],
          [0, 2],
        ],
      },
      Code.SAME_TILE_TWICE,
    ],
    [
      'not neighbours',
      {
        path: [
          [0, 0],
          [0, 2],
          [0, 3],
        ],
      },
      Code.MOVES_NOT_CONTIGUOUS,
    ],
    ['no path spells the word', { word: 'EATS' }, Code.MOVES_NOT_CONTIGUOUS, 'EATS'],
    [
      'too short on 4×4',
      {
        path: [
          [1, 0],
          [1, 1],
        ],
      },
      Code.MOVES_TOO_SHORT,
      3,
    ],
    [
      'too short on 5×5',
      { word: 'TEA' },
      Code.MOVES_TOO_SHORT,
      4,
      unwrap(gridFromFaces([...'TEAXXXXXXXXXXXXXXXXXXXXXX'], 5, 5, EN)),
    ],
    [
      'not a word',
      {
        path: [
          [1, 0],
          [1, 1],
          [1, 2],
          [1, 3],
        ],
      },
      Code.INCORRECT_WORDS,
      'ABSO',
    ],
  ];
  it.each(table)('%s', (_name, input, code, param, grid) => {
    const e = failure(validateBoggleMove(input, ctx(grid)));
    expect(e.code).toBe(code);
    if (param !== undefined) expect(e.param).toBe(param);
  });

  it('counts Qu as two letters for length and score', () => {
    const quit = unwrap(validateBoggleMove({ word: 'quit' }, ctx()));
    expect([quit.word, quit.letters, quit.score, quit.path]).toEqual(['QUIT', 4, 1, [0, 1, 2]]);
    const quite = unwrap(
      validateBoggleMove(
        {
          path: [
            [0, 0],
            [0, 1],
            [0, 2],
            [0, 3],
          ],
        },
        ctx(),
      ),
    );
    expect([quite.word, quite.letters, quite.score]).toEqual(['QUITE', 5, 2]);
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ path: fc.anything() }),
          fc.record({ word: fc.anything() }),
          fc.record({ path: fc.array(fc.tuple(fc.integer(), fc.integer()), { maxLength: 20 }) }),
        ),
        (input) => {
          expect(typeof validateBoggleMove(input, ctx()).ok).toBe('boolean');
        },
      ),
      { ...FC, numRuns: 1000 },
    );
  });
});

describe('Boggle rounds', () => {
  it('rejects a word submitted twice (60112), cancels shared words on request, and totals', () => {
    const subs = [
      { player: 'ann', moves: [{ word: 'QUIT' }, { word: 'SITE' }, { word: 'quit' }, { word: 'XX' }] },
      { player: 'bob', moves: [{ word: 'SITE' }, { word: 'QUITE' }] },
    ];
    const plain = scoreBoggleRound(subs, ctx());
    expect(plain.map((p) => p.score)).toEqual([2, 3]);
    expect(plain[0]?.rejected.map((r) => [r.index, r.error.code, r.error.param])).toEqual([
      [2, Code.WORD_ALREADY_SUBMITTED, 'QUIT'],
      // A word is checked for length and dictionary before any path search.
      [3, Code.MOVES_TOO_SHORT, 3],
    ]);
    const cancel = scoreBoggleRound(subs, ctx(), { cancelShared: true });
    expect(cancel.map((p) => p.score)).toEqual([1, 2]);
    expect(cancel[1]?.cancelled.map((w) => w.word)).toEqual(['SITE']);
  });
});

describe('the Boggle solver', () => {
  it('finds every word with a path the validator accepts, total and longest', () => {
    const s = solveBoggle(GRID, dict);
    expect(s.words.map((w) => w.word)).toEqual(['ITS', 'QUIT', 'QUITE', 'SET', 'SIT', 'SITE']);
    expect(s.total).toBe(1 + 1 + 2 + 1 + 1 + 1);
    expect(s.longest).toEqual(['QUITE']);
    const cols = GRID.cols;
    for (const w of s.words) {
      const r = unwrap(validateBoggleMove({ path: w.path.map((i) => [Math.floor(i / cols), i % cols]) }, ctx()));
      expect(r.word).toBe(w.word);
    }
  });

  // Random grids over a few letters (and Qu), random small dictionaries.
  const faceArb = fc.constantFrom('A', 'E', 'S', 'T', 'Q', 'I');
  const wordArb = fc.stringMatching(/^(?:[AESTI]|QU){1,7}$/);
  // Minimum lengths of 1 and 2 too: the solver counts words of one and two glyphs apart.
  const gridArb = fc
    .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }))
    .chain(([side, minLength]) =>
      fc
        .array(faceArb, { minLength: side * side, maxLength: side * side })
        .map((faces) => unwrap(gridFromFaces(faces, side, side, EN, minLength))),
    );

  /** Brute force: a word is on the grid when some path of distinct neighbouring cells spells it. */
  function onGrid(grid: BoggleGrid, word: string): boolean {
    const faces = grid.faces.map((f) => f.toUpperCase());
    const n = grid.rows * grid.cols;
    const near = (a: number, b: number) =>
      a !== b &&
      Math.abs(Math.floor(a / grid.cols) - Math.floor(b / grid.cols)) <= 1 &&
      Math.abs((a % grid.cols) - (b % grid.cols)) <= 1;
    const go = (cell: number, rest: string, used: Set<number>): boolean => {
      const f = faces[cell] as string;
      if (!rest.startsWith(f)) return false;
      const left = rest.slice(f.length);
      if (left === '') return true;
      const u = new Set(used).add(cell);
      for (let nb = 0; nb < n; nb++) if (!u.has(nb) && near(cell, nb) && go(nb, left, u)) return true;
      return false;
    };
    for (let c = 0; c < n; c++) if (go(c, word, new Set())) return true;
    return false;
  }

  it('equals a brute force over the dictionary on random grids', () => {
    fc.assert(
      fc.property(gridArb, fc.array(wordArb, { maxLength: 40 }), (grid, words) => {
        const d = mustBuild(words, EN);
        const solver = new BoggleSolver(d);
        const expected = [...new Set(words)].filter((w) => w.length >= grid.minLength && onGrid(grid, w)).sort();
        const got = solver.solveWords(grid);
        expect(got.words.map((w) => w.word)).toEqual(expected);
        expect(solver.solve(grid)).toBe(expected.length);
        expect(solver.total).toBe(expected.reduce((s, w) => s + boggleScore(w.length), 0));
        for (const w of got.words) {
          const cols = grid.cols;
          expect(
            validateBoggleMove(
              { path: w.path.map((i) => [Math.floor(i / cols), i % cols]) },
              { grid, dictionary: d, alphabet: EN },
            ).ok,
          ).toBe(true);
        }
      }),
      { ...FC, numRuns: 300 },
    );
  });

  // An alphabet of 40 glyphs (codes 32 and up among them): grids may show glyphs that the
  // dictionary never uses, and the solver's tables hold glyphs 1-31 by bit.
  const BIG = unwrap(Alphabet.create({ name: 'big', glyphs: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍ'] }));
  it('equals a brute force with glyph codes of 32 and more on the grid, in the dictionary or not', () => {
    const bigFace = fc.constantFrom('A', 'B', 'E', 'S', 'T', 'Ä', 'Å', 'Ç');
    const lowWord = fc.stringMatching(/^[ABEST]{1,6}$/);
    const anyWord = fc.stringMatching(/^[ABESTÄÅÇ]{1,6}$/);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((side) =>
            fc
              .array(bigFace, { minLength: side * side, maxLength: side * side })
              .map((faces) => unwrap(gridFromFaces(faces, side, side, BIG, 1))),
          ),
        fc.boolean().chain((low) => fc.array(low ? lowWord : anyWord, { maxLength: 30 })),
        (grid, words) => {
          const solver = new BoggleSolver(mustBuild(words, BIG));
          const expected = [...new Set(words)].filter((w) => onGrid(grid, w));
          expect(solver.solve(grid)).toBe(expected.length);
          expect(solver.total).toBe(expected.reduce((s, w) => s + boggleScore(w.length), 0));
        },
      ),
      { ...FC, numRuns: 300 },
    );
  });

  it('judges random paths as a brute-force reference does', () => {
    fc.assert(
      fc.property(
        gridArb,
        fc.array(wordArb, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 7 }),
        (grid, words, raw) => {
          const d = mustBuild(words, EN);
          const path = raw.map(([r, c]) => [r, c] as [number, number]);
          const got = validateBoggleMove({ path }, { grid, dictionary: d, alphabet: EN });
          // Reference, in the rule book's order.
          const cols = grid.cols;
          let want: number | undefined;
          if (path.some(([r, c]) => r >= grid.rows || c >= cols)) want = Code.BAD_MOVES_FORMAT;
          else if (path.length === 0) want = Code.NO_MOVES_SENT;
          else if (new Set(path.map(([r, c]) => r * cols + c)).size !== path.length) want = Code.SAME_TILE_TWICE;
          else if (
            path.some(
              ([r, c], k) =>
                k > 0 &&
                (Math.abs(r - (path[k - 1] as [number, number])[0]) > 1 ||
                  Math.abs(c - (path[k - 1] as [number, number])[1]) > 1),
            )
          )
            want = Code.MOVES_NOT_CONTIGUOUS;
          else {
            const word = path.map(([r, c]) => (grid.faces[r * cols + c] as string).toUpperCase()).join('');
            if (word.length < grid.minLength) want = Code.MOVES_TOO_SHORT;
            else if (!words.includes(word)) want = Code.INCORRECT_WORDS;
          }
          if (want === undefined) expect(got.ok).toBe(true);
          else expect(failure(got).code).toBe(want);
        },
      ),
      { ...FC, numRuns: 1000 },
    );
  });
});
