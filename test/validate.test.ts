import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Board,
  createConfig,
  presetConfig,
  type GameConfig,
  BLANK,
  Code,
  toSocketError,
  CATALOGUE,
  EXTENSIONS,
  parseBoard,
  parsePlay,
  parseTiles,
  listViolations,
  moveInput,
  scorePlacements,
  validateMove,
  type MoveContext,
  type MoveInput,
  PERMISSIVE,
  setLookup,
  validateTrade,
  makeHand,
  Alphabet,
} from 'wordgame-engine';
import { readMove, crosswordStateToJSON, sameGlyphs } from 'wordgame-engine/internals';
import { referenceValidate, refConfigOf, type RefConfig } from './reference/crossword.js';
import { FC, failure, unwrap } from './helpers.js';
import { DOUG_EMELY } from './fixtures/games.js';

const EN = unwrap(presetConfig('en'));
const ES = unwrap(presetConfig('es'));
const SUPER = unwrap(presetConfig('super'));

function hand(text: string, c: GameConfig = EN) {
  const t = parseTiles(text, c.alphabet);
  if (!t.ok) throw new Error(t.error.cause);
  return makeHand(t.value);
}

function boardOf(rows: Record<number, string>, c: GameConfig = EN): Board {
  const lines: string[] = [];
  for (let r = 0; r < c.layout.rows; r++) lines.push((rows[r + 1] ?? '').padEnd(c.layout.cols, '.'));
  return unwrap(parseBoard(lines.join('\n'), c.alphabet, c.layout));
}

/** A move in record notation as untrusted JSON input. */
function move(text: string, board: Board, c: GameConfig = EN): MoveInput {
  return moveInput(unwrap(parsePlay(text, board, c.alphabet)).placements, c);
}

const words = setLookup(
  ['WINDY', 'GALE', 'GI', 'AN', 'LI', 'EN', 'CAT', 'CATS', 'AT', 'TA', 'CHICO', 'CHE', 'AS', 'SI'],
  EN.alphabet,
);
const ctx = (board: Board, h: string, c: GameConfig = EN, dictionary = words): MoveContext => ({
  board,
  hand: hand(h, c),
  config: c,
  dictionary,
});
const EMPTY = Board.empty(15, 15);
const WINDY = boardOf({ 8: '...WINDY' });

describe('the error catalogue', () => {
  it('exports every category with stable names, and extensions apart', () => {
    const codes = CATALOGUE.map((e) => e.code);
    for (const c of [99000, 10008, 20201, 30112, 35101, 40102, 50001, 60000, 60111, 60203]) expect(codes).toContain(c);
    expect(new Set(CATALOGUE.map((e) => e.name)).size).toBe(CATALOGUE.length);
    expect(CATALOGUE.find((e) => e.code === 60108)).toMatchObject({ name: 'INCORRECT_WORDS', param: 'word' });
    expect(EXTENSIONS.every((e) => e.extension === true && !codes.includes(e.code))).toBe(true);
    for (const e of [...CATALOGUE, ...EXTENSIONS]) expect(e.name).toMatch(/^[A-Z0-9_]+$/);
  });

  it('wraps errors in the socket-error envelope', () => {
    const e = failure(validateMove(move('8D WINDQ', EMPTY), ctx(EMPTY, 'DINQWY?')));
    expect(toSocketError(e, 'v1.game.play')).toEqual({
      res: 'v1.error',
      data: { req: 'v1.game.play', message: e.message, errorCode: 'INCORRECT_WORDS', cause: e.cause },
    });
    expect(toSocketError(failure(validateMove({ tiles: [] }, ctx(EMPTY, 'A'))))).toEqual({
      res: 'v1.error',
      data: { req: 'unknown', message: expect.any(String), errorCode: 'NO_MOVES_SENT' },
    });
  });
});

describe('validateMove: every code and parameter', () => {
  const table: [string, unknown, MoveContext, number, (string | number)?][] = [
    ['not an object', 'x', ctx(EMPTY, 'A'), Code.BAD_MOVES_FORMAT],
    ['tiles not an array', { tiles: 'H8=A' }, ctx(EMPTY, 'A'), Code.BAD_MOVES_FORMAT],
    ['off the board', { tiles: [{ row: 15, col: 0, glyph: 'A' }] }, ctx(EMPTY, 'A'), Code.BAD_MOVES_FORMAT],
    ['fractional row', { tiles: [{ row: 1.5, col: 0, glyph: 'A' }] }, ctx(EMPTY, 'A'), Code.BAD_MOVES_FORMAT],
    [
      'same square twice',
      {
        tiles: [
          { row: 7, col: 7, glyph: 'A' },
          { row: 7, col: 7, glyph: 'T' },
        ],
      },
      ctx(EMPTY, 'AT'),
      Code.BAD_MOVES_FORMAT,
    ],
    [
      'more tiles than a hand',
      { tiles: Array.from({ length: 8 }, (_, i) => ({ row: 7, col: i, glyph: 'A' })) },
      ctx(EMPTY, 'AAAAAAA'),
      Code.BAD_MOVES_FORMAT,
    ],
    ['no glyph of the letterset', { tiles: [{ row: 7, col: 7, glyph: '7' }] }, ctx(EMPTY, 'A'), Code.BAD_MOVES_FORMAT],
    [
      'K is no Spanish tile',
      {
        tiles: [
          { row: 7, col: 7, glyph: 'K' },
          { row: 7, col: 8, glyph: 'A' },
        ],
      },
      ctx(EMPTY, 'KA', ES),
      Code.BAD_MOVES_FORMAT,
    ],
    ['empty', { tiles: [] }, ctx(EMPTY, 'A'), Code.NO_MOVES_SENT],
    ['glyph not in hand', move('8G CAT', EMPTY), ctx(EMPTY, 'CAX'), Code.ILLEGAL_GLYPH, 'T'],
    ['glyph twice, hand has one', move('8G TAT', EMPTY), ctx(EMPTY, 'TAX'), Code.ILLEGAL_GLYPH, 'T'],
    ['blank not in hand', move('8G CaT', EMPTY), ctx(EMPTY, 'CAT'), Code.ILLEGAL_GLYPH, '?'],
    [
      'blank naming no letter',
      {
        tiles: [
          { row: 7, col: 7, glyph: '?' },
          { row: 7, col: 8, glyph: 'A' },
        ],
      },
      ctx(EMPTY, '?A'),
      Code.ILLEGAL_GLYPH,
      '?',
    ],
    ['Spanish CH not in hand', move('8H CHICO', EMPTY, ES), ctx(EMPTY, 'CICOSA', ES), Code.ILLEGAL_GLYPH, 'CH'],
    [
      'overlap',
      {
        tiles: [
          { row: 7, col: 4, glyph: 'A' },
          { row: 7, col: 9, glyph: 'S' },
        ],
      },
      ctx(WINDY, 'AS'),
      Code.OVERLAPPING_GLYPH,
      'I',
    ],
    [
      'unaligned',
      {
        tiles: [
          { row: 7, col: 7, glyph: 'A' },
          { row: 8, col: 8, glyph: 'T' },
        ],
      },
      ctx(EMPTY, 'AT'),
      Code.UNALIGNED_MOVES,
    ],
    [
      'gap',
      {
        tiles: [
          { row: 7, col: 6, glyph: 'A' },
          { row: 7, col: 8, glyph: 'T' },
        ],
      },
      ctx(EMPTY, 'AT'),
      Code.MOVES_NOT_CONTINUOUS,
    ],
    [
      'gap down',
      {
        tiles: [
          { row: 3, col: 3, glyph: 'A' },
          { row: 9, col: 3, glyph: 'T' },
        ],
      },
      ctx(WINDY, 'AT'),
      Code.MOVES_NOT_CONTINUOUS,
    ],
    ['first move one tile', { tiles: [{ row: 7, col: 7, glyph: 'A' }] }, ctx(EMPTY, 'A'), Code.FIRST_MOVE_TOO_SHORT],
    ['first move off centre', move('1A CAT', EMPTY), ctx(EMPTY, 'CAT'), Code.FIRST_MOVE_NOT_THROUGH_CENTER],
    ['isolated', move('1A CAT', WINDY), ctx(WINDY, 'CAT'), Code.ISOLATED_MOVES],
    ['isolated single tile', { tiles: [{ row: 0, col: 0, glyph: 'A' }] }, ctx(WINDY, 'A'), Code.ISOLATED_MOVES],
    ['incorrect main word', move('8G CAX', EMPTY), ctx(EMPTY, 'CAX'), Code.INCORRECT_WORDS, 'CAX'],
    ['incorrect cross-word', move('9D AX', WINDY), ctx(WINDY, 'AX'), Code.INCORRECT_WORDS, 'AX'],
    [
      'incorrect single-tile word',
      { tiles: [{ row: 6, col: 4, glyph: 'Q' }] },
      ctx(WINDY, 'Q'),
      Code.INCORRECT_WORDS,
      'QI',
    ],
  ];
  it.each(table)('%s', (_name, input, c, code, param) => {
    const e = failure(validateMove(input, c));
    expect(e.code).toBe(code);
    if (param !== undefined) expect(e.param).toBe(param);
    if (code === Code.BAD_MOVES_FORMAT) expect(e.cause).toEqual(expect.any(String));
  });

  it('returns every invalid word in detail, main word first', () => {
    const b = boardOf({ 8: '...WINDY', 9: '....Q' });
    const e = failure(
      validateMove(
        {
          tiles: [
            { row: 8, col: 2, glyph: 'Z' },
            { row: 8, col: 3, glyph: 'O' },
          ],
        },
        ctx(b, 'ZO'),
      ),
    );
    expect(e.param).toBe('ZOQ');
    expect(e.detail).toEqual({ words: ['ZOQ', 'WO'] });
  });

  it('lists every violation for user interfaces', () => {
    const all = listViolations(
      {
        tiles: [
          { row: 0, col: 0, glyph: 'Z' },
          { row: 2, col: 1, glyph: 'A' },
        ],
      },
      ctx(WINDY, 'A'),
    );
    expect(all.map((e) => e.code)).toEqual([Code.ILLEGAL_GLYPH, Code.UNALIGNED_MOVES, Code.ISOLATED_MOVES]);
    expect(listViolations(move('8G CAT', EMPTY), ctx(EMPTY, 'CAT'))).toEqual([]);
  });

  it('accepts single tiles in either direction, and Super Scrabble and Spanish moves', () => {
    const across = unwrap(
      validateMove({ tiles: [{ row: 7, col: 8, glyph: 'S' }] }, ctx(boardOf({ 8: '.....CAT' }), 'S')),
    );
    expect(across.words.map((w) => w.word)).toEqual(['CATS']);
    const down = unwrap(
      validateMove({ tiles: [{ row: 8, col: 7, glyph: 'S' }] }, ctx(boardOf({ 8: '.......A' }), 'S')),
    );
    expect(down.words.map((w) => [w.word, w.direction])).toEqual([['AS', 'down']]);
    const sup = unwrap(
      validateMove(move('11K CAT', Board.empty(21, 21), SUPER), ctx(Board.empty(21, 21), 'CAT', SUPER)),
    );
    expect(sup.score).toBe(5);
    const es = unwrap(
      validateMove(move('8H CHICO', Board.empty(15, 15), ES), ctx(Board.empty(15, 15), 'CHICOS', ES, PERMISSIVE)),
    );
    expect(es.words[0]?.word).toBe('CHICO');
    // Four glyphs CH-I-C-O on H8-K8: (5 + 1 + 3 + 1), doubled by the start square.
    expect(es.score).toBe(20);
  });
});

describe('scoring: a real game, move by move', () => {
  const plays = DOUG_EMELY;
  it('reproduces every score: premiums compound, cross-words through premiums, blanks, bingos', () => {
    let board = EMPTY;
    for (const [rack, notation, score] of plays) {
      const m = unwrap(validateMove(move(notation, board), ctx(board, rack, EN, PERMISSIVE)));
      expect([notation, m.score]).toEqual([notation, score]);
      board = board.withTiles(m.placements);
    }
  });

  it('compounds word premiums and adds the bonus once', () => {
    // A1-H1 through an A already on D1: both triple words are new (x9); D1's double letter is not.
    const board = boardOf({ 1: '...A' });
    const m = unwrap(validateMove(move('1A BBB.BBBB', board), ctx(board, 'BBBBBBB', EN, PERMISSIVE)));
    expect(m.score).toBe((7 * 3 + 1) * 9 + 50);
    expect(m.bonus).toBe(50);
    // The first move: B8-H8 covers D8 (double letter) and H8 (double word).
    const z = unwrap(validateMove(move('8B ZYZZYVA', EMPTY), ctx(EMPTY, 'AVYYZZZ', EN, PERMISSIVE)));
    expect(z.score).toBe((10 + 4 + 20 + 10 + 4 + 4 + 1) * 2 + 50);
  });
});

describe('validateTrade', () => {
  const t = (input: unknown, h: string, bagSize = 50, tradingAllowed = true) =>
    validateTrade(input, { hand: hand(h), bagSize, config: EN, tradingAllowed });
  it('checks in the rule book order with parameters', () => {
    expect(failure(t('x', 'AB')).code).toBe(Code.BAD_TRADE_FORMAT);
    expect(failure(t({ glyphs: [1] }, 'AB')).code).toBe(Code.BAD_TRADE_FORMAT);
    expect(failure(t({ glyphs: ['#'] }, 'AB')).code).toBe(Code.BAD_TRADE_FORMAT);
    expect(failure(t({ glyphs: Array(8).fill('A') }, 'AB')).code).toBe(Code.BAD_TRADE_FORMAT);
    expect(failure(t({ glyphs: ['A'] }, 'AB', 50, false)).code).toBe(Code.TRADING_IMPOSSIBLE);
    const e = failure(t({ glyphs: ['A', 'A'] }, 'AB'));
    expect([e.code, e.param]).toEqual([Code.TILES_NOT_IN_HAND, 'A']);
    expect(failure(t({ glyphs: ['?'] }, 'AB')).param).toBe('?');
    const small = failure(t({ glyphs: ['A'] }, 'AB', 6));
    expect([small.code, small.param]).toEqual([Code.BAG_TOO_SMALL, 6]);
    // An empty trade is a format fault, not the catalogue's "unknown error" 60203.
    expect(failure(t({ glyphs: [] }, 'AB'))).toMatchObject({
      code: Code.BAD_TRADE_FORMAT,
      cause: 'a trade puts back at least one tile',
    });
    expect(unwrap(t({ glyphs: ['b', '?'] }, 'AB?'))).toEqual([EN.alphabet.code('B'), BLANK]);
  });
});

// ---- property tests against the brute-force reference ----------------------------------------

const MINI = unwrap(
  createConfig({
    name: 'mini',
    alphabet: 'en',
    letters: {
      name: 'abcd',
      tiles: ['A', 'B', 'C', 'D'].map((g, i) => ({ glyph: g, count: 12, value: i + 1 })),
      blanks: 3,
    },
    layout: { name: 'mini7', rows: ['T..d..T', '.D...D.', '..t.t..', 'd..*..d', '..t.t..', '.D...D.', 'T..d..T'] },
    handSize: 4,
    fullHandBonus: 20,
  }),
);
const REF: RefConfig = refConfigOf(MINI);

const letter = fc.constantFrom('A', 'B', 'C', 'D');
const cellArb = fc.oneof(
  { weight: 14, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: letter },
  { weight: 1, arbitrary: letter.map((l) => l.toLowerCase()) },
);
const tileArb = fc.record({
  row: fc.integer({ min: 0, max: 7 }),
  col: fc.integer({ min: 0, max: 7 }),
  glyph: letter,
  blank: fc.boolean(),
});
const lineMoveArb = fc
  .record({
    r: fc.nat(6),
    c: fc.nat(6),
    across: fc.boolean(),
    len: fc.integer({ min: 1, max: 4 }),
    skip: fc.nat(3),
    glyphs: fc.array(fc.tuple(letter, fc.boolean()), { minLength: 4, maxLength: 4 }),
  })
  .map(({ r, c, across, len, skip, glyphs }) =>
    glyphs.slice(0, len).map(([g, b], k) => ({
      row: across ? r : r + k + (k > 0 ? Math.min(skip, 1) : 0),
      col: across ? c + k : c,
      glyph: g,
      blank: b,
    })),
  );

describe('validateMove against a brute-force reference', () => {
  const dictWords = new Set<string>();
  // A dictionary of about half of the short words over A-D, so that moves are often valid.
  for (const a of 'ABCD')
    for (const b of 'ABCD') {
      if ((a.charCodeAt(0) + b.charCodeAt(0)) % 3 !== 0) dictWords.add(a + b);
      for (const c of 'ABCD')
        if ((a.charCodeAt(0) * 7 + b.charCodeAt(0) * 3 + c.charCodeAt(0)) % 2 === 0) dictWords.add(a + b + c);
    }
  const lookup = setLookup(dictWords, MINI.alphabet);

  it('agrees on random small boards and random moves (codes, params, scores)', () => {
    expect([REF.values.A, REF.values.B, REF.values.C, REF.values.D, REF.start]).toEqual([1, 2, 3, 4, [3, 3]]);
    let valid = 0;
    fc.assert(
      fc.property(
        fc.array(cellArb, { minLength: 49, maxLength: 49 }),
        fc.boolean(),
        fc.array(fc.oneof(letter, fc.constant('?')), { minLength: 1, maxLength: 4 }),
        fc.oneof({ weight: 4, arbitrary: lineMoveArb }, { weight: 1, arbitrary: fc.array(tileArb, { maxLength: 5 }) }),
        fc.boolean(),
        (cells, emptyBoard, randomHand, tiles, handFits) => {
          // Most hands hold the move's tiles, so that the later rules are reached.
          const handGlyphs = handFits ? tiles.slice(0, 4).map((t) => (t.blank ? '?' : t.glyph)) : randomHand;
          const grid = Array.from({ length: 7 }, (_, r) =>
            Array.from({ length: 7 }, (_, c) => (emptyBoard ? '' : (cells[r * 7 + c] as string))),
          );
          const board = unwrap(
            parseBoard(grid.map((r) => r.map((x) => x || '.').join('')).join('\n'), MINI.alphabet, MINI.layout),
          );
          const context = { board, hand: hand(handGlyphs.join(''), MINI), config: MINI, dictionary: lookup };
          const got = validateMove({ tiles }, context);
          const want = referenceValidate(grid, handGlyphs, tiles, REF, dictWords);
          const placements = readMove({ tiles }, context);
          if (placements.ok) expect(scorePlacements(placements.value, context)).toBe(want.ok ? want.score : -1);
          if (want.ok) {
            valid++;
            const m = unwrap(got);
            expect([m.score, m.words.map((w) => w.word)]).toEqual([want.score, want.words]);
          } else {
            const e = failure(got);
            expect(e.code).toBe(want.code);
            if (want.param !== undefined) expect(e.param).toBe(want.param);
          }
        },
      ),
      { ...FC, numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(50);
  });

  it('never throws and never changes its input, whatever it is given', () => {
    const board = WINDY;
    const h = hand('AEINST?');
    const before = JSON.stringify(
      crosswordStateToJSON({ board, hands: [h], bag: { tiles: [], rng: 0 }, scores: [0] }, EN.alphabet),
    );
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ tiles: fc.anything() }),
      fc.record({ tiles: fc.array(fc.anything(), { maxLength: 9 }) }),
      fc.record({
        tiles: fc.array(
          fc.record({ row: fc.anything(), col: fc.anything(), glyph: fc.anything(), blank: fc.anything() }),
          { maxLength: 9 },
        ),
      }),
      fc.record({
        tiles: fc.array(
          tileArb.map((t) => ({ ...t, row: t.row + 4, col: t.col + 3 })),
          { maxLength: 8 },
        ),
      }),
      fc.constant(JSON.parse('{"tiles":[{"row":7,"col":7,"glyph":"A","__proto__":{"blank":true}}]}')),
      fc.constant({ tiles: new Array(1e6) }),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        const r = validateMove(input, { board, hand: h, config: EN, dictionary: words });
        expect(typeof r.ok).toBe('boolean');
        listViolations(input, { board, hand: h, config: EN, dictionary: words });
      }),
      { ...FC, numRuns: 2000 },
    );
    expect(
      JSON.stringify(crosswordStateToJSON({ board, hands: [h], bag: { tiles: [], rng: 0 }, scores: [0] }, EN.alphabet)),
    ).toBe(before);
  });
});

describe('alike alphabets (a configuration and a dictionary loaded apart)', () => {
  it('are remembered as alike once compared, and any other pair is still compared', () => {
    const make = (glyphs: string[]) => unwrap(Alphabet.create({ name: 'x', glyphs }));
    const a = make(['A', 'B']);
    const b = make(['A', 'B']);
    const c = make(['A', 'C']);
    expect(sameGlyphs(a, b)).toBe(true);
    expect(sameGlyphs(a, b)).toBe(true);
    expect(sameGlyphs(a, c)).toBe(false);
    expect(sameGlyphs(c, b)).toBe(false);
    expect(sameGlyphs(b, a)).toBe(true);
    expect(sameGlyphs(a, c)).toBe(false);
  });
});
