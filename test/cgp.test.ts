import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  BLANK,
  Board,
  CGP_MAX_LENGTH,
  Code,
  MoveGenerator,
  allPlays,
  classicFromCgp,
  classicToCgp,
  bestPlay,
  formatCgp,
  formatMoveString,
  handFromLetters,
  parseCgp,
  parseMoveString,
  presetConfig,
  selfPlay,
  staticPlayer,
  type CgpPosition,
  type GameConfig,
} from 'wordgame-engine';
import { applyClassicPlay } from 'wordgame-engine/internals';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { FC, failure, unwrap } from './helpers.js';

const EMPTY = Array.from({ length: 15 }, () => '15').join('/');
const OPENING = `${EMPTY} AELNOQT/ 0/0 0 lex NWL18; lm exchange 2;`;
const MAVEN =
  '5BERGS5/4PA3U5/2QAID3R5/3BEE3F2S2/1P1ET2VIATIC2/MA1TAW3c2H2/ES3IS2E2A2/AT1FOLIA4V2/LI1L1EX1E6/1N1O1D2N2Y3/1GNU2C1JETE3/2ER2OHO2N3/2O3GOY6/1INDOW1U7/4DORR7 IKLMTZ/AEINRU? 0/0 0 lex OSPD1;';
const en = unwrap(presetConfig('en'));

describe('CGP', () => {
  it('reads the format examples: board, racks, scores, scoreless turns and operations, and writes them back', () => {
    const maven = unwrap(parseCgp(MAVEN));
    expect(maven.config.name).toBe('en');
    const { board, racks, scores, scorelessTurns, operations } = maven.position;
    expect(board.at(0, 5)).toBe(ALPHABETS.en.code('B'));
    expect(board.at(5, 9)).toBe(BLANK | ALPHABETS.en.code('C')); // `c`: a blank played as C
    expect(board.tileCount).toBe((MAVEN.split(' ')[0] as string).replace(/[0-9/]/g, '').length);
    expect(racks.map((r) => r.length)).toEqual([6, 7]);
    expect(racks[1]?.[6]).toBe(BLANK);
    expect([scores, scorelessTurns, operations]).toEqual([[0, 0], 0, [{ opcode: 'lex', operand: 'OSPD1' }]]);
    for (const text of [MAVEN, OPENING]) {
      const r = unwrap(parseCgp(text));
      expect(formatCgp(r.position, r.config)).toBe(text);
    }
    const opening = unwrap(parseCgp(OPENING)).position;
    expect(opening.racks.map((r) => r.length)).toEqual([7, 0]); // the opponent's rack unknown
    expect(opening.operations).toEqual([
      { opcode: 'lex', operand: 'NWL18' },
      { opcode: 'lm', operand: 'exchange 2' },
    ]);
  });

  it('keeps every operation, known or not, in order; checks those with a meaning', () => {
    const text = `${EMPTY} A/B 1/-2 3 bb 35; cr double; tmr 10000/-2500; etl 7; mcnz 6; ti 0; to 60000; gid abc-1; var classic; zz unknown thing; lm 8H WORD; lm pass;`;
    const r = unwrap(parseCgp(text));
    expect(r.position.scores).toEqual([1, -2]);
    expect(r.position.operations.map((o) => o.opcode)).toEqual([
      'bb',
      'cr',
      'tmr',
      'etl',
      'mcnz',
      'ti',
      'to',
      'gid',
      'var',
      'zz',
      'lm',
      'lm',
    ]);
    expect(formatCgp(r.position, r.config)).toBe(text);
    // The offset of a faulty operation is where it starts, with or without an operand.
    for (const op of ['bb;', 'bb x;', 'cr quadruple;'])
      expect(failure(parseCgp(`${EMPTY} A/B 0/0 0 lex NWL20; ${op}`)).detail).toEqual({
        reason: 'operation',
        at: EMPTY.length + 22,
      });
    for (const [op, reason] of [
      ['bb x;', 'operation'],
      ['cr quadruple;', 'operation'],
      ['tmr 10000;', 'operation'],
      ['lex NWL20', 'operation'],
      ['LEX NWL20;', 'operation'],
      ['lex  NWL20;', 'operation'],
    ] as const) {
      expect(failure(parseCgp(`${EMPTY} A/B 0/0 0 ${op}`)).detail).toMatchObject({ reason });
    }
  });

  it("chooses the configuration from ld, then bdn, then the lexicon, else English; or takes the caller's", () => {
    const row = (n: number) => Array.from({ length: n }, () => String(n)).join('/');
    expect(unwrap(parseCgp(`${EMPTY} AB/ 0/0 0 ld french;`)).config.name).toBe('fr');
    expect(unwrap(parseCgp(`${EMPTY} AB/ 0/0 0 lex FRA20;`)).config.name).toBe('fr');
    expect(unwrap(parseCgp(`${EMPTY} AB/ 0/0 0 lex OSPS49;`)).config.name).toBe('pl');
    expect(unwrap(parseCgp(`${EMPTY} AB/ 0/0 0 lex CSW21;`)).config.name).toBe('en');
    expect(unwrap(parseCgp(`${row(21)} AB/ 0/0 0 bdn SuperCrosswordGame;`)).config.name).toBe('super');
    expect(unwrap(parseCgp(`${row(15)} AB/ 0/0 0`, { config: unwrap(presetConfig('wwf')) })).config.name).toBe('wwf');
    expect(failure(parseCgp(`${EMPTY} AB/ 0/0 0 ld klingon;`)).detail).toMatchObject({ reason: 'config' });
    // Spanish: multi-character glyphs in brackets, a blank CH lower case.
    const es = `${'15/'.repeat(7)}6[CH]A[ch]O5/${'15/'.repeat(6)}15 [LL][RR]?/A 0/0 0 ld spanish;`;
    const r = unwrap(parseCgp(es));
    expect(r.config.name).toBe('es');
    expect(r.position.board.tileCount).toBe(4);
    expect(formatCgp(r.position, r.config)).toBe(es);
  });

  it('refuses what is not a position, with the reason and the offset of the fault', () => {
    const R = EMPTY.length + 1; // where the racks start
    const cases: [string, string, number][] = [
      ['', 'syntax', 0],
      [`${EMPTY}  A/ 0/0 0`, 'syntax', R],
      [`${EMPTY} A/ 0/0`, 'syntax', R + 6],
      [`15/15 A/ 0/0 0`, 'board', 0],
      [`${EMPTY.replace('15', '16')} A/ 0/0 0`, 'board', 0],
      [`${EMPTY.replace('15', '015')} A/ 0/0 0`, 'board', 0],
      [`${EMPTY.replace('15', '7!7')} A/ 0/0 0`, 'board', 1],
      [`${EMPTY.replace('/15/', '/7#7/')} A/ 0/0 0`, 'board', 4],
      [`${EMPTY} AB 0 0`, 'rack', R],
      [`${EMPTY} Ab/ 0/0 0`, 'rack', R + 1],
      [`${EMPTY} AAAAAAAA/ 0/0 0`, 'rack', R],
      [`${EMPTY} A/B/C 0/0 0`, 'score', R + 6],
      [`${EMPTY} A/B 0/x 0`, 'score', R + 6],
      [`${EMPTY} A/B 0/0 -1`, 'turns', R + 8],
      [`${EMPTY} QQ/ 0/0 0`, 'tiles', 0],
      [`${EMPTY} ???/ 0/0 0`, 'tiles', R],
      [`${EMPTY} A/ 0/0 0 lex NWL20;`.padEnd(CGP_MAX_LENGTH + 1, ' '), 'syntax', CGP_MAX_LENGTH],
    ];
    for (const [text, reason, at] of cases) {
      const e = failure(parseCgp(text));
      expect([text.slice(0, 60), e.code, e.detail]).toEqual([text.slice(0, 60), Code.BAD_NOTATION, { reason, at }]);
    }
    expect(failure(parseCgp(42 as unknown as string)).code).toBe(Code.BAD_NOTATION);
  });

  it('round-trips random positions of every preset (property)', () => {
    const presets = ['en', 'fr', 'es', 'de', 'pl', 'wwf', 'super'].map((n) => unwrap(presetConfig(n)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: presets.length - 1 }),
        fc.array(fc.nat(), { minLength: 30, maxLength: 120 }),
        fc.array(fc.integer({ min: -500, max: 900 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 6 }),
        (k, choices, scores, turns) => {
          const config = presets[k] as GameConfig;
          const position = randomPosition(config, choices, scores, turns);
          const text = formatCgp(position, config);
          const back = unwrap(parseCgp(text, { config }));
          expect(formatCgp(back.position, config)).toBe(text);
          expect(Array.from(back.position.board.cells())).toEqual(Array.from(position.board.cells()));
          expect(back.position.racks).toEqual(position.racks);
          expect(back.position.scores).toEqual(position.scores);
        },
      ),
      FC,
    );
  });

  it('never throws on mutated or random text, and refuses it or reads a position that writes back (property)', () => {
    const alphabet = ' 0123456789/;?.[]()-abcxyzABCQXYZ\u00e9\u0000';
    fc.assert(
      fc.property(
        fc.constantFrom(MAVEN, OPENING, `${EMPTY} A/B 1/-2 3 bb 35; cr double;`),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: alphabet.length - 1 }), fc.integer({ min: 0, max: 2 })), {
          maxLength: 6,
        }),
        (base, edits) => {
          let text = base;
          for (const [at, c, kind] of edits) {
            const i = at % (text.length + 1);
            const ch = alphabet[c] as string;
            text =
              kind === 0
                ? text.slice(0, i) + ch + text.slice(i)
                : kind === 1
                  ? text.slice(0, i) + text.slice(i + 1)
                  : text.slice(0, i) + ch + text.slice(i + 1);
          }
          const r = parseCgp(text);
          if (r.ok)
            expect(parseCgp(formatCgp(r.value.position, r.value.config), { config: r.value.config }).ok).toBe(true);
          else expect(r.error.code).toBe(Code.BAD_NOTATION);
        },
      ),
      { ...FC, numRuns: 2000 },
    );
  });

  it("writes a classic game's position for the player to move, or as one player sees it", () => {
    const dictionary = unwrap(loadDefaultDictionary());
    const game = unwrap(selfPlay(en, dictionary, [staticPlayer, staticPlayer], 5, 11));
    const state = game.final;
    const whole = unwrap(parseCgp(formatCgp(classicToCgp(state, en), en)));
    expect(Array.from(whole.position.board.cells())).toEqual(Array.from(state.tiles.board.cells()));
    expect(whole.position.scores).toEqual([state.tiles.scores[state.toMove], state.tiles.scores[1 - state.toMove]]);
    expect(whole.position.racks[0]).toEqual(state.tiles.hands[state.toMove]);
    expect(whole.position.operations).toEqual([{ opcode: 'ld', operand: 'english' }]);
    const seen = classicToCgp(state, en, { viewer: state.toMove });
    expect(seen.racks[1]).toEqual([]);
  });

  it('reads a position back into a running game: known racks kept, unknown ones dealt from the unseen tiles, the game goes on', () => {
    const dictionary = unwrap(loadDefaultDictionary());
    const total = en.letters.counts.reduce((a, b) => a + b, 0) + en.letters.blanks;
    for (let seed = 1; seed <= 6; seed++) {
      const state = unwrap(selfPlay(en, dictionary, [staticPlayer, staticPlayer], seed, 4 + 2 * seed)).final;
      const whole = unwrap(parseCgp(formatCgp(classicToCgp(state, en), en))).position;
      const game = unwrap(classicFromCgp(whole, en, 7));
      expect(formatCgp(classicToCgp(game, en), en)).toBe(formatCgp(whole, en));
      const tiles = (g: typeof game) =>
        g.tiles.board.cells().filter((c) => c !== 0).length + g.tiles.hands.flat().length + g.tiles.bag.tiles.length;
      expect(tiles(game)).toBe(total);
      // One player's view: the opponent's rack is dealt from the unseen tiles, the same for a seed.
      const seen = classicToCgp(state, en, { viewer: state.toMove });
      const a = unwrap(classicFromCgp(seen, en, seed));
      expect(a.tiles.hands[0]).toEqual(state.tiles.hands[state.toMove]);
      expect(a.tiles.hands[1]).toHaveLength(en.handSize);
      expect(tiles(a)).toBe(total);
      expect(unwrap(classicFromCgp(seen, en, seed))).toEqual(a);
      // And the game is played on to its end.
      let g = a;
      for (let turn = 0; !g.over && turn < 100; turn++) {
        const gen = unwrap(MoveGenerator.create(en, dictionary, g.tiles.board));
        const play = bestPlay(gen, g.tiles.hands[g.toMove] ?? []);
        if (play === undefined) break;
        g = applyClassicPlay(g, en, play.placements, play.score) ?? g;
      }
      expect(g.tiles.board.cells().filter((c) => c !== 0).length).toBeGreaterThan(
        a.tiles.board.cells().filter((c) => c !== 0).length,
      );
    }
  });

  it('refuses a position that is not a game that can go on (BAD_STATE)', () => {
    expect(failure(classicFromCgp(unwrap(parseCgp(`${EMPTY} AB/CD 0/0 6`)).position, en, 1)).code).toBe(Code.BAD_STATE);
    const full = unwrap(parseCgp(MAVEN)).position;
    expect(classicFromCgp(full, en, 1).ok).toBe(true);
  });
});

describe('engine move strings', () => {
  const board = unwrap(parseCgp(MAVEN)).position.board;
  const dictionary = unwrap(loadDefaultDictionary());

  it('read and write every play of a position, through-tiles as letters or dots, and exchanges and passes', () => {
    const gen = unwrap(MoveGenerator.create(en, dictionary, board));
    const plays = allPlays(gen, unwrap(handFromLetters('IKLMTZ', en)));
    expect(plays.length).toBeGreaterThan(50);
    for (const play of plays) {
      for (const through of ['letters', 'dots'] as const) {
        const text = unwrap(
          formatMoveString({ kind: 'play', placements: play.placements }, board, en.alphabet, { through }),
        );
        const back = unwrap(parseMoveString(text, board, en.alphabet));
        expect(back).toEqual({ kind: 'play', placements: play.placements });
        if (through === 'dots') expect(text).toBe(play.notation);
      }
    }
    expect(unwrap(parseMoveString('ex AB?', board, en.alphabet))).toEqual({ kind: 'exchange', tiles: [1, 2, BLANK] });
    expect(unwrap(formatMoveString({ kind: 'exchange', tiles: [1, 2, BLANK] }, board, en.alphabet))).toBe('ex AB?');
    expect(unwrap(parseMoveString('pass', board, en.alphabet))).toEqual({ kind: 'pass' });
    expect(unwrap(formatMoveString({ kind: 'pass' }, board, en.alphabet))).toBe('pass');
  });

  it('refuse what is not a move: BAD_NOTATION with the reason', () => {
    for (const text of ['', 'ex', 'ex ab', 'passs', '8H', 'Z9 WORD', '1A BERGSS', 'x'.repeat(300)])
      expect(failure(parseMoveString(text, board, en.alphabet)).code).toBe(Code.BAD_NOTATION);
    expect(failure(parseMoveString('1F BERGZ', board, en.alphabet)).detail).toEqual({ reason: 'board' });
  });
});

const SHARED = '../shared/data/movegen/positions.jsonl.gz';
describe.skipIf(!existsSync(SHARED))('the shared real positions', () => {
  it('read from their CGP to the board and rack of their other fields, and written as CGP give the same plays', () => {
    const dictionary = unwrap(loadDefaultDictionary());
    const positions = gunzipSync(readFileSync(SHARED))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { cgp: string; cells: number[]; rack: string });
    expect(positions.length).toBeGreaterThan(2000);
    const gen = unwrap(MoveGenerator.create(en, dictionary));
    const gen2 = unwrap(MoveGenerator.create(en, dictionary));
    positions.forEach((p, k) => {
      const read = unwrap(parseCgp(p.cgp, { config: en })).position;
      expect(Array.from(read.board.cells())).toEqual(p.cells);
      expect(read.racks[0]?.map((t) => (t === BLANK ? '?' : ALPHABETS.en.glyph(t))).join('')).toBe(p.rack);
      if (k % 25 !== 0) return;
      // Written by this library and read back: the same plays.
      const again = unwrap(parseCgp(formatCgp(read, en), { config: en })).position;
      gen.setBoard(unwrap(Board.fromCells(15, 15, p.cells)));
      gen2.setBoard(again.board);
      const hand = [...(read.racks[0] ?? [])];
      expect(allPlays(gen2, hand).map((x) => `${x.notation} ${x.score}`)).toEqual(
        allPlays(gen, hand).map((x) => `${x.notation} ${x.score}`),
      );
    });
  });
});

/** A random position of `config`: tiles drawn from its letterset onto random squares, racks from the rest. */
function randomPosition(
  config: GameConfig,
  choices: readonly number[],
  scores: readonly number[],
  turns: number,
): CgpPosition {
  const pool: number[] = [];
  for (let g = 1; g < config.letters.counts.length; g++)
    for (let k = 0; k < (config.letters.counts[g] as number); k++) pool.push(g);
  for (let k = 0; k < config.letters.blanks; k++) pool.push(BLANK);
  const take = (c: number) => pool.splice(c % pool.length, 1)[0] as number;
  const { rows, cols } = config.layout;
  const cells = new Uint8Array(rows * cols);
  let i = 0;
  for (; i < choices.length - 16; i++) {
    const c = choices[i] as number;
    const t = take(c);
    // A blank on the board stands for a glyph.
    cells[c % cells.length] = t === BLANK ? BLANK | (1 + (c % config.alphabet.size)) : t;
  }
  const racks = scores.map(() => {
    const rack: number[] = [];
    for (let k = 0; k < config.handSize && i < choices.length; k++, i++)
      if ((choices[i] as number) % 5 !== 0) rack.push(take(choices[i] as number));
    return rack;
  });
  return {
    board: unwrap(Board.fromCells(rows, cols, cells)),
    racks,
    scores,
    scorelessTurns: turns,
    operations: [{ opcode: 'gid', operand: 'x' }],
  };
}
