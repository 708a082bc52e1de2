import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Board,
  type Placement,
  CONFIG_SPECS,
  createConfig,
  presetConfig,
  type GameConfig,
  BLANK,
  Code,
  formatBoard,
  parseBoard,
  formatPlay,
  parsePlay,
  formatPosition,
  parsePosition,
  formatTiles,
  parseTiles,
  renderBoard,
  handValue,
  makeHand,
  type CrosswordState,
} from 'wordgame-engine';
import {
  ENGLISH_LETTERS,
  STANDARD_LAYOUT,
  crosswordStateFromJSON,
  crosswordStateToJSON,
  drawTiles,
  fullBag,
  returnTiles,
  addTiles,
  removeTiles,
  exchangeTiles,
  handTileOf,
  newCrosswordState,
  placeTiles,
  refillHand,
  tilesConserved,
} from 'wordgame-engine/internals';
import { FC, failure, unwrap } from './helpers.js';

const EN = unwrap(presetConfig('en'));
const ES = unwrap(presetConfig('es'));

describe('presets', () => {
  const totals: Record<string, number> = { en: 100, fr: 102, es: 100, de: 102, pl: 100, wwf: 104, super: 200 };
  it.each(Object.keys(CONFIG_SPECS))('%s loads with the right totals and renders', (name) => {
    const c = unwrap(presetConfig(name));
    expect(c.letters.total).toBe(totals[name]);
    const s = newCrosswordState(c, 2, 1);
    expect(tilesConserved(s, c.letters)).toBe(true);
    expect(renderBoard(s.board, c, { hands: s.hands, scores: s.scores }).split('\n').length).toBe(c.layout.rows + 2);
  });

  it('has the facts of game-data.md', () => {
    let face = 0;
    for (let g = 1; g < 64; g++) face += (EN.letters.counts[g] ?? 0) * (EN.letters.values[g] ?? 0);
    expect(face).toBe(187);
    const count = (c: GameConfig, l: number, w: number) => {
      let n = 0;
      for (let i = 0; i < c.layout.rows * c.layout.cols; i++)
        if (c.layout.letterMultiplier[i] === l && c.layout.wordMultiplier[i] === w) n++;
      return n;
    };
    expect([count(EN, 1, 3), count(EN, 1, 2), count(EN, 3, 1), count(EN, 2, 1)]).toEqual([8, 17, 12, 24]);
    expect(EN.layout.start).toBe(7 * 15 + 7);
    const wwf = unwrap(presetConfig('wwf'));
    expect(wwf.fullHandBonus).toBe(35);
    expect([count(wwf, 1, 3), count(wwf, 1, 2), count(wwf, 3, 1), count(wwf, 2, 1)]).toEqual([8, 12, 16, 24]);
    const sup = unwrap(presetConfig('super'));
    expect([sup.layout.rows, sup.layout.cols, sup.letters.blanks]).toEqual([21, 21, 4]);
    expect([
      count(sup, 1, 4),
      count(sup, 1, 3),
      count(sup, 1, 2),
      count(sup, 4, 1),
      count(sup, 3, 1),
      count(sup, 2, 1),
    ]).toEqual([4, 16, 40, 8, 20, 36]);
    expect(ES.letters.counts[ES.alphabet.code('CH')]).toBe(1);
    expect(ES.letters.values[ES.alphabet.code('RR')]).toBe(8);
  });

  it('gives clear errors for bad configurations', () => {
    const base = CONFIG_SPECS.en as (typeof CONFIG_SPECS)['en'] & object;
    const cases: [unknown, RegExp][] = [
      [{ ...base, letters: { ...ENGLISH_LETTERS, tiles: [{ glyph: 'A', count: -1, value: 1 }] } }, /count of A/],
      [
        { ...base, letters: { ...ENGLISH_LETTERS, tiles: [{ glyph: 'Ж', count: 1, value: 1 }] } },
        /missing from alphabet/,
      ],
      [{ ...base, letters: { ...ENGLISH_LETTERS, blanks: 1.5 } }, /blanks/],
      [
        {
          ...base,
          layout: {
            name: 'x',
            rows: STANDARD_LAYOUT.rows
              .slice(1)
              .map((r) => r.slice(1))
              .concat(['...']),
          },
        },
        /row 15 has 3 squares/,
      ],
      [{ ...base, layout: { name: 'x', rows: ['...', '...', '...'] } }, /no start square/],
      [{ ...base, layout: { name: 'x', rows: ['*.', '.*'] } }, /exactly one start/],
      [{ ...base, layout: { name: 'x', rows: ['*?'] } }, /unknown square/],
      [{ ...base, handSize: 0 }, /hand size/],
      [{ ...base, alphabet: 'xx' }, /unknown alphabet/],
      [null, /object/],
    ];
    for (const [spec, cause] of cases) {
      const e = failure(createConfig(spec as never));
      expect(e.code).toBe(Code.BAD_CONFIGURATION);
      expect(e.cause).toMatch(cause);
    }
    expect(failure(presetConfig('__proto__')).code).toBe(Code.BAD_CONFIGURATION);
  });

  it('accepts custom boards of other sizes with dead squares and custom lettersets', () => {
    const c = unwrap(
      createConfig({
        name: 'mini',
        alphabet: 'en',
        letters: {
          name: 'mini',
          tiles: [
            { glyph: 'A', count: 5, value: 1 },
            { glyph: 'B', count: 3, value: 3 },
          ],
          blanks: 1,
        },
        layout: { name: 'mini7', rows: ['T.....T', '.#...#.', '..d.d..', '...+...', '..d.d..', '.#...#.', 'T.....T'] },
        handSize: 3,
        fullHandBonus: 10,
      }),
    );
    expect([c.layout.rows, c.layout.cols, c.layout.start, c.letters.total, c.layout.dead[8]]).toEqual([7, 7, 24, 9, 1]);
    expect(renderBoard(Board.empty(7, 7), c)).toContain('##');
  });
});

const glyphs = (alphabetCodes: number) => fc.integer({ min: 1, max: alphabetCodes });
const boardArb = (rows: number, cols: number, size: number) =>
  fc.array(
    fc.oneof(
      fc.constant(0),
      fc.constant(0),
      glyphs(size),
      glyphs(size).map((g) => g | BLANK),
    ),
    { minLength: rows * cols, maxLength: rows * cols },
  );

describe('notation', () => {
  it('round-trips boards through text (English and Spanish, blanks, multi-character glyphs)', () => {
    for (const c of [EN, ES]) {
      fc.assert(
        fc.property(boardArb(15, 15, c.alphabet.size), (cells) => {
          const b = unwrap(Board.fromCells(15, 15, cells));
          const text = formatBoard(b, c.alphabet);
          expect(unwrap(parseBoard(text, c.alphabet, c.layout)).equals(b)).toBe(true);
        }),
        { ...FC, numRuns: 50 },
      );
    }
  });

  it('reads bare and bracketed multi-character glyphs', () => {
    const b = unwrap(parseBoard('CHa..\n[C][H][ll].', ES.alphabet));
    expect([b.cols - 1, b.at(0, 0), b.at(0, 1), b.at(1, 0), b.at(1, 1), b.at(1, 2)]).toEqual([
      3,
      ES.alphabet.code('CH'),
      ES.alphabet.code('A') | BLANK,
      ES.alphabet.code('C'),
      ES.alphabet.code('H'),
      ES.alphabet.code('LL') | BLANK,
    ]);
    expect(failure(parseBoard('AB\nA', EN.alphabet)).cause).toMatch(/row 2 has 1/);
    expect(failure(parseBoard('A1', EN.alphabet)).code).toBe(Code.BAD_NOTATION);
    expect(failure(parseBoard('', EN.alphabet)).code).toBe(Code.BAD_NOTATION);
  });

  it('parses and formats positions', () => {
    expect(unwrap(parsePosition('8H'))).toEqual({ row: 7, col: 7, direction: 'across' });
    expect(unwrap(parsePosition('h8'))).toEqual({ row: 7, col: 7, direction: 'down' });
    expect(formatPosition({ row: 0, col: 14, direction: 'down' })).toBe('O1');
    expect(failure(parsePosition('16A', { rows: 15, cols: 15 })).code).toBe(Code.BAD_NOTATION);
    expect(failure(parsePosition('8', { rows: 15, cols: 15 })).code).toBe(Code.BAD_NOTATION);
  });

  it('parses plays with dots, parentheses or letters for board tiles, and blanks', () => {
    const board = unwrap(
      parseBoard(['...............'.repeat(1)].concat(Array(14).fill('...............')).join('\n'), EN.alphabet),
    ).withTiles([{ square: 7 * 15 + 7, tile: EN.alphabet.code('A') }]);
    const a = unwrap(parsePlay('8G cAT', board, EN.alphabet));
    const b = unwrap(parsePlay('8G c(A)T', board, EN.alphabet));
    const d = unwrap(parsePlay('8g c.T', board, EN.alphabet));
    expect(a).toEqual(b);
    expect(a).toEqual(d);
    expect(a.placements).toEqual([
      { square: 7 * 15 + 6, tile: EN.alphabet.code('C') | BLANK },
      { square: 7 * 15 + 8, tile: EN.alphabet.code('T') },
    ]);
    expect(unwrap(formatPlay(a.placements, board, EN.alphabet))).toBe('8G c.T');
    expect(failure(parsePlay('8G CBT', board, EN.alphabet)).cause).toMatch(/board has A/);
    expect(failure(parsePlay('8N CAT', board, EN.alphabet)).cause).toMatch(/off the board/);
    expect(failure(parsePlay('1A .', board, EN.alphabet)).cause).toMatch(/no tile/);
    expect(failure(parsePlay('8G C(A', board, EN.alphabet)).cause).toMatch(/parentheses/);
  });

  it('round-trips random plays through record notation', () => {
    fc.assert(
      fc.property(
        boardArb(9, 9, 26),
        fc.boolean(),
        fc.nat(8),
        fc.nat(8),
        fc.integer({ min: 1, max: 9 }),
        fc.array(
          fc.oneof(
            glyphs(26),
            glyphs(26).map((g) => g | BLANK),
          ),
          { minLength: 9, maxLength: 9 },
        ),
        (cells, across, r0, c0, len, tiles) => {
          const board = unwrap(Board.fromCells(9, 9, cells));
          const placements: Placement[] = [];
          for (let k = 0; k < len; k++) {
            const r = across ? r0 : r0 + k;
            const c = across ? c0 + k : c0;
            if (r > 8 || c > 8) break;
            if (board.at(r, c) === 0) placements.push({ square: r * 9 + c, tile: tiles[k] as number });
          }
          if (placements.length === 0) return;
          // Only contiguous runs are plays.
          const text = formatPlay(placements, board, EN.alphabet);
          if (!text.ok) return;
          const back = unwrap(parsePlay(text.value, board, EN.alphabet));
          expect([...back.placements].sort((x, y) => x.square - y.square)).toEqual(
            [...placements].sort((x, y) => x.square - y.square),
          );
        },
      ),
      FC,
    );
  });

  it('round-trips hands with blanks and multi-character glyphs', () => {
    const t = parseTiles('A?CHRR', ES.alphabet);
    if (!t.ok) throw new Error(t.error.cause);
    const [A, CH, RR] = ['A', 'CH', 'RR'].map((g) => ES.alphabet.code(g));
    expect(t.value).toEqual([A, BLANK, CH, RR]);
    expect(formatTiles(t.value, ES.alphabet)).toBe('A?[CH][RR]');
    const ch = [ES.alphabet.code('C'), ES.alphabet.code('H')];
    expect(formatTiles(ch, ES.alphabet)).toBe('[C]H');
    const back = parseTiles('[C]H', ES.alphabet);
    expect(back.ok && back.value).toEqual(ch);
  });
});

/** Random operations on a state: refill, play some hand tiles anywhere empty, exchange. */
type Op = { kind: 'refill' | 'place' | 'exchange'; player: number; pick: number[] };
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('refill', 'place', 'exchange'),
  player: fc.nat(2),
  pick: fc.array(fc.nat(40), { maxLength: 7 }),
});

function applyOp(s: CrosswordState, op: Op, c: GameConfig): CrosswordState {
  const hand = s.hands[op.player] as readonly number[];
  const picked = [...new Set(op.pick.map((i) => i % Math.max(hand.length, 1)))]
    .filter((i) => i < hand.length)
    .map((i) => hand[i] as number);
  if (op.kind === 'refill') return refillHand(s, op.player, c.handSize);
  if (op.kind === 'exchange') return exchangeTiles(s, op.player, picked) ?? s;
  const empties: number[] = [];
  for (let i = 0; i < s.board.size && empties.length < picked.length; i += 7) if (s.board.isEmpty(i)) empties.push(i);
  const placements = picked
    .slice(0, empties.length)
    .map((t, k) => ({ square: empties[k] as number, tile: t === BLANK ? BLANK | 5 : t }));
  return placeTiles(s, op.player, placements, placements.length) ?? s;
}

describe('immutable state', () => {
  it('draws are a permutation of the bag, and the same seed gives the same draws', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 120 }), (seed, n) => {
        const bag = fullBag(EN.letters, seed);
        const all = drawTiles(bag, 1000);
        expect([...all.drawn].sort((a, b) => a - b)).toEqual([...bag.tiles]);
        expect(all.bag.tiles.length).toBe(0);
        expect(drawTiles(fullBag(EN.letters, seed), n)).toEqual(drawTiles(bag, n));
      }),
      FC,
    );
    expect(drawTiles(fullBag(EN.letters, 1), 7).drawn).not.toEqual(drawTiles(fullBag(EN.letters, 2), 7).drawn);
  });

  it('conserves tiles, round-trips JSON and never changes its input, over random operations', () => {
    for (const c of [EN, ES]) {
      fc.assert(
        fc.property(fc.integer(), fc.array(opArb, { maxLength: 25 }), (seed, ops) => {
          let s = newCrosswordState(c, 3, seed);
          for (const op of ops) {
            const before = JSON.stringify(crosswordStateToJSON(s, c.alphabet));
            const next = applyOp(s, op, c);
            expect(JSON.stringify(crosswordStateToJSON(s, c.alphabet))).toBe(before);
            expect(Object.isFrozen(next) && Object.isFrozen(next.hands) && Object.isFrozen(next.bag.tiles)).toBe(true);
            s = next;
            expect(tilesConserved(s, c.letters)).toBe(true);
            const json = JSON.parse(JSON.stringify(crosswordStateToJSON(s, c.alphabet))) as unknown;
            const back = unwrap(crosswordStateFromJSON(json, c));
            expect(crosswordStateToJSON(back, c.alphabet)).toEqual(json);
            expect(back.board.equals(s.board)).toBe(true);
            expect(back.bag).toEqual(s.bag);
            expect(back.hands).toEqual(s.hands);
          }
        }),
        { ...FC, numRuns: 60 },
      );
    }
  });

  it('hand and bag helpers leave their inputs alone', () => {
    const hand = makeHand([3, 1, BLANK, 2]);
    const copy = [...hand];
    expect(removeTiles(hand, [1, BLANK])).toEqual({ ok: true, value: [2, 3] });
    expect(removeTiles(hand, [1, 1])).toEqual({ ok: false, error: 1 });
    expect(addTiles(hand, [1])).toEqual([1, 1, 2, 3, BLANK]);
    expect(hand).toEqual(copy);
    expect(Object.isFrozen(hand)).toBe(true);
    const bag = fullBag(EN.letters, 3);
    const tiles = [...bag.tiles];
    returnTiles(drawTiles(bag, 5).bag, [1]);
    expect(bag.tiles).toEqual(tiles);
    expect(handValue(makeHand([EN.alphabet.code('Q'), BLANK]), EN.letters)).toBe(10);
    const board = Board.empty(3, 3);
    const b2 = board.withTiles([{ square: 4, tile: 1 }]);
    expect([board.tileCount, b2.tileCount, board.cell(4)]).toEqual([0, 1, 0]);
    expect(handTileOf({ square: 0, tile: BLANK | 4 })).toBe(BLANK);
  });

  it('rejects inconsistent JSON states', () => {
    const s = newCrosswordState(EN, 2, 9);
    const json = crosswordStateToJSON(s, EN.alphabet);
    const bad = (j: unknown, cause: RegExp) => {
      const e = failure(crosswordStateFromJSON(j, EN));
      expect(e.code).toBe(Code.BAD_STATE);
      expect(e.cause).toMatch(cause);
    };
    bad({ ...json, hands: ['ZZ' + (json.hands[0] as string).slice(2), json.hands[1]] }, /letterset/);
    bad({ ...json, scores: [1] }, /scores/);
    bad({ ...json, bag: { tiles: json.bag.tiles, rng: -1 } }, /bag/);
    bad({ ...json, board: json.board.slice(1) }, /layout/);
    bad({ ...json, hands: ['AAAAAAAAA', json.hands[1]] }, /at most 7/);
    bad('x', /object/);
    bad(JSON.parse('{"__proto__": {"board": []}}'), /board/);
  });
});
