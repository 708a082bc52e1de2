import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  EndgameLeaves,
  heuristicLeaves,
  leavePlayer,
  leaveValue,
  staticPlayer,
  selfPlay,
  Board,
  type Placement,
  createConfig,
  presetConfig,
  type GameConfig,
  BLANK,
  type Dictionary,
  MoveGenerator,
  type PlayView,
  allPlays,
  bestPlay,
  topPlays,
  Code,
  parseBoard,
  parsePlay,
  parseTiles,
  moveInput,
  scorePlacements,
  validateMove,
  makeHand,
  type Hand,
} from 'wordgame-engine';
import { loadDefaultDictionary, packageDictionaryPath, readDictionaryFile } from 'wordgame-engine/node';
import { AlphagramIndex, drawTiles, fullBag } from 'wordgame-engine/internals';
import { DOUG_EMELY } from './fixtures/games.js';
import { FC, failure, mustBuild, unwrap } from './helpers.js';
import { abcdConfig, wideConfig } from './helpers.js';

const EN = unwrap(presetConfig('en'));
const DICT = unwrap(loadDefaultDictionary());

function hand(text: string, c: GameConfig = EN): Hand {
  const t = parseTiles(text, c.alphabet);
  if (!t.ok) throw new Error(t.error.cause);
  return makeHand(t.value);
}

const key = (ps: readonly Placement[]) => ps.map((p) => `${p.square}:${p.tile}`).join(' ');

describe('move generation', () => {
  it('needs a GADDAG', () => {
    const noGaddag = mustBuild(['AB'], EN.alphabet);
    expect(MoveGenerator.create(EN, noGaddag).ok).toBe(false);
  });

  it('generates plays that all pass validateMove with the same score, over self-play positions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const game = unwrap(selfPlay(EN, DICT, [staticPlayer, staticPlayer], seed, 8));
        // Rebuild the position after the recorded turns and draw a random hand from the unseen tiles.
        let board = Board.empty(15, 15);
        for (const t of game.turns)
          if (t.kind === 'play') board = board.withTiles(unwrap(parsePlay(t.move, board, EN.alphabet)).placements);
        const h = makeHand(drawTiles(fullBag(EN.letters, seed), 7).drawn);
        const g = unwrap(MoveGenerator.create(EN, DICT, board));
        const plays = allPlays(g, h);
        expect(new Set(plays.map((p) => key(p.placements))).size).toBe(plays.length);
        for (const [i, p] of plays.entries()) {
          expect(scorePlacements(p.placements, { board, hand: h, config: EN, dictionary: DICT })).toBe(p.score);
          if (i % 25 === 0) {
            const m = unwrap(
              validateMove(moveInput(p.placements, EN), { board, hand: h, config: EN, dictionary: DICT }),
            );
            expect(m.score).toBe(p.score);
          }
        }
      }),
      { ...FC, numRuns: 6 },
    );
  });

  it('updates cross-checks incrementally exactly as a full recomputation does', () => {
    let board = Board.empty(15, 15);
    const inc = unwrap(MoveGenerator.create(EN, DICT, board));
    for (const [, play] of DOUG_EMELY) {
      const placements = unwrap(parsePlay(play, board, EN.alphabet)).placements;
      board = board.withTiles(placements);
      inc.applyPlacements(placements);
      const full = unwrap(MoveGenerator.create(EN, DICT, board));
      for (let s = 0; s < 225; s++) {
        expect(inc.crossCheck(true, s)).toEqual(full.crossCheck(true, s));
        expect(inc.crossCheck(false, s)).toEqual(full.crossCheck(false, s));
      }
      expect(allPlays(inc, hand('AEIRST?')).length).toBe(allPlays(full, hand('AEIRST?')).length);
    }
  });

  it('bounded searches after any sequence of plays and take-backs find what a fresh generator finds (property)', () => {
    // The extension sets the bounds use are kept per square and marked stale only beside the runs a change touches.
    const boards = [Board.empty(15, 15)];
    const moves: Placement[][] = [];
    for (const [, play] of DOUG_EMELY) {
      const board = boards[boards.length - 1] as Board;
      const placements = unwrap(parsePlay(play, board, EN.alphabet)).placements;
      moves.push([...placements]);
      boards.push(board.withTiles(placements));
    }
    const leaves = heuristicLeaves(EN);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('AEIRST?', 'QUIZ', 'ETAOINS', '??', 'XYLEM'),
        (steps, letters) => {
          const inc = unwrap(MoveGenerator.create(EN, DICT, Board.empty(15, 15)));
          let depth = 0;
          for (const forward of steps) {
            if (forward && depth < moves.length) inc.applyPlacements(moves[depth++] as Placement[]);
            else if (!forward && depth > 0) {
              inc.undo();
              depth--;
            }
            const full = unwrap(MoveGenerator.create(EN, DICT, boards[depth]));
            const h = hand(letters);
            expect(topPlays(inc, h, 3).map((p) => key(p.placements))).toEqual(
              topPlays(full, h, 3).map((p) => key(p.placements)),
            );
            expect(bestPlay(inc, h, { leaves })?.equity).toBe(bestPlay(full, h, { leaves })?.equity);
          }
        },
      ),
      { ...FC, numRuns: 25 },
    );
  });
});

// ---- completeness against a brute-force enumerator ---------------------------------------------

const ABCD = abcdConfig();

/** Every placement of hand tiles on one contiguous span of a line, checked by the validator: as simple as possible. */
function bruteForce(board: Board, h: Hand, dict: Dictionary, config: GameConfig = ABCD): Map<string, number> {
  const letters = config.letters.spec.tiles.map((t) => config.alphabet.code(t.glyph));
  const out = new Map<string, number>();
  const n = 5;
  for (const across of [true, false]) {
    for (let line = 0; line < n; line++) {
      for (let a = 0; a < n; a++) {
        for (let b = a; b < n; b++) {
          const empties: number[] = [];
          for (let k = a; k <= b; k++) {
            const s = across ? line * n + k : k * n + line;
            if (board.cell(s) === 0) empties.push(s);
          }
          if (empties.length === 0 || empties.length > h.length) continue;
          // Every injective assignment of hand tiles (blanks as any glyph) to the empty squares.
          const assign = (i: number, left: number[], acc: Placement[]): void => {
            if (i === empties.length) {
              const placements = [...acc].sort((x, y) => x.square - y.square);
              const r = validateMove(moveInput(placements, config), { board, hand: h, config, dictionary: dict });
              if (r.ok) out.set(key(placements), r.value.score);
              return;
            }
            const tried = new Set<number>();
            for (let j = 0; j < left.length; j++) {
              const t = left[j] as number;
              if (tried.has(t)) continue;
              tried.add(t);
              const rest = left.filter((_, k) => k !== j);
              const options = t === BLANK ? letters.map((g) => g | BLANK) : [t];
              for (const tile of options) assign(i + 1, rest, [...acc, { square: empties[i] as number, tile }]);
            }
          };
          assign(0, [...h], []);
        }
      }
    }
  }
  return out;
}

describe('completeness', () => {
  // Four letters; over the wide alphabet they are glyph codes 1, 31, 32 and 33.
  for (const [name, config, L] of [
    ['A-D', ABCD, ['A', 'B', 'C', 'D']],
    ['a 40-glyph alphabet (codes past 31)', wideConfig(), ['A', 'Æ', 'Ø', 'Ç']],
  ] as const) {
    const wordArb = fc.array(fc.constantFrom(...L), { minLength: 2, maxLength: 5 }).map((w) => w.join(''));
    const cellArb = fc.oneof(
      { weight: 5, arbitrary: fc.constant('.') },
      { weight: 2, arbitrary: fc.constantFrom(...L, L[0].toLowerCase(), L[2].toLowerCase()) },
    );
    it(`finds exactly the plays and scores of a brute-force enumerator, blanks included: ${name}`, () => {
      let found = 0;
      let small = 0;
      fc.assert(
        fc.property(
          fc.array(wordArb, { minLength: 5, maxLength: 60 }),
          fc.array(cellArb, { minLength: 25, maxLength: 25 }),
          fc.boolean(),
          fc.array(fc.constantFrom(...L, '?'), { minLength: 1, maxLength: 4 }),
          (words, cells, empty, rack) => {
            const dict = mustBuild(words, config.alphabet, true);
            const text = empty ? '.....\n'.repeat(5) : cells.join('').match(/.{5}/gu)!.join('\n');
            const board = unwrap(parseBoard(text, config.alphabet, config.layout));
            const h = hand(rack.join(''), config);
            const g = unwrap(MoveGenerator.create(config, dict, board));
            const got = new Map(allPlays(g, h).map((p) => [key(p.placements), p.score]));
            const want = bruteForce(board, h, dict, config);
            expect(got).toEqual(want);
            // The visiting search too (hands of one and two tiles are read off the cross-checks and the DAWG, not walked).
            const visited = new Map<string, number>();
            g.generate(h, (p) => visited.set(key(p.placements()), p.score));
            expect(visited).toEqual(want);
            if (h.length <= 2) small += visited.size;
            // The bounded search (anchor bounds, extension sets, extent pruning): the best three scores.
            expect(topPlays(g, h, 3).map((p) => p.score)).toEqual([...want.values()].sort((a, b) => b - a).slice(0, 3));
            found += got.size;
          },
        ),
        { ...FC, numRuns: 150 },
      );
      expect(found).toBeGreaterThan(500);
      expect(small).toBeGreaterThan(50);
    });
  }

  it('bounds a square by the glyphs that can follow a tile on its left, in both words of a wide glyph set', () => {
    // Ç (33) is bit 1 of the second word, A (1) bit 1 of the first: after Ø only A can come, and
    // ruling Ç out must not rule A out.
    const config = wideConfig();
    const dict = mustBuild(['ØA', 'ÇÇ'], config.alphabet, true);
    const board = unwrap(parseBoard('.....\n.....\n..Ø..\n.....\n.....', config.alphabet, config.layout));
    const g = unwrap(MoveGenerator.create(config, dict, board));
    const h = hand('A', config);
    expect(allPlays(g, h).length).toBe(2);
    expect(
      topPlays(g, h, 5)
        .map((p) => p.notation)
        .sort(),
    ).toEqual(
      allPlays(g, h)
        .map((p) => p.notation)
        .sort(),
    );
  });
});

describe('AI players', () => {
  it('play a full deterministic game, every play checked by the validator', () => {
    const a = unwrap(selfPlay(EN, DICT, [staticPlayer, leavePlayer(EN)], 42));
    const b = unwrap(selfPlay(EN, DICT, [staticPlayer, leavePlayer(EN)], 42));
    expect(a.turns).toEqual(b.turns);
    expect(a.final.over).toBe(true);
    const total = (p: number) =>
      a.turns.filter((t) => t.player === p).reduce((s, t) => s + t.score, 0) + (a.final.adjustments[p] ?? 0);
    expect(a.final.tiles.scores).toEqual([total(0), total(1)]);
  });

  it('values leaves as documented', () => {
    expect(leaveValue(hand('?S'), EN)).toBe(20 + 1.5);
    // Two Es: 1 + 1, -3 for the duplicate, -2 for a vowel surplus of two.
    expect(leaveValue(hand('EE'), EN)).toBe(2 - 3 - 2);
    // Q: a consonant worth 10 points: 1.5 - 0.75 * 9.
    expect(leaveValue(hand('Q'), EN)).toBe(1.5 - 6.75);
    expect(leaveValue([], EN)).toBe(0);
  });

  it("values an endgame leave as documented: twice the tiles kept and the opponent's rack, plus 10", () => {
    const endgame = new EndgameLeaves(EN);
    endgame.setOpponent(hand('QZ?'));
    const kept = Uint8Array.from(hand('AB?'));
    // A 1 + B 3 + blank 0 kept, Q 10 + Z 10 + blank 0 held by the opponent.
    expect(endgame.leaveValue(kept, 3)).toBe(-2 * (4 + 20) - 10);
    expect(endgame.leaveValue(kept, 1)).toBe(-2 * (1 + 20) - 10);
  });

  it('with the bag empty, the endgame-equity leave player goes out when it can (whatever the leave table says)', () => {
    const positionsOut = [] as { board: Board; hand: Hand; opponent: Hand }[];
    for (const seed of [3, 5, 8]) {
      const game = unwrap(selfPlay(EN, DICT, [staticPlayer, staticPlayer], seed, 16));
      let board = Board.empty(15, 15);
      for (const t of game.turns)
        if (t.kind === 'play') board = board.withTiles(unwrap(parsePlay(t.move, board, EN.alphabet)).placements);
      positionsOut.push({ board, hand: hand('AT'), opponent: hand('QV') });
    }
    // A table that loves keeping tiles: without the adjustment the player keeps them.
    const hoarder = { leaveValue: (_: Uint8Array, n: number) => 100 * n };
    let tested = 0;
    for (const { board, hand: h, opponent } of positionsOut) {
      const g = unwrap(MoveGenerator.create(EN, DICT, board));
      const all = allPlays(g, h);
      const out = all.filter((p) => p.placements.length === h.length);
      if (out.length === 0) continue;
      tested++;
      const plain = leavePlayer(EN, hoarder).decide({
        generator: g,
        hand: h,
        bagSize: 0,
        tradingAllowed: true,
        opponentTiles: opponent,
      });
      const adjusted = leavePlayer(EN, hoarder, { endgameEquity: true }).decide({
        generator: g,
        hand: h,
        bagSize: 0,
        tradingAllowed: true,
        opponentTiles: opponent,
      });
      expect(plain.kind === 'play' && plain.play.placements.length).toBe(1);
      // Going out: the highest-scoring play that uses both tiles (its bonus is the same for all).
      expect(adjusted.kind === 'play' && adjusted.play.score).toBe(Math.max(...out.map((p) => p.score)));
      expect(adjusted.kind === 'play' && adjusted.play.placements.length).toBe(2);
    }
    expect(tested).toBeGreaterThan(0);
  });

  it('the static player takes the best play; the leave player may trade', () => {
    const g = unwrap(MoveGenerator.create(EN, DICT, Board.empty(15, 15)));
    const best = bestPlay(g, hand('AEINST?'));
    expect(staticPlayer.decide({ generator: g, hand: hand('AEINST?'), bagSize: 86, tradingAllowed: true })).toEqual({
      kind: 'play',
      play: best,
    });
    const ugly = leavePlayer(EN).decide({ generator: g, hand: hand('QQVVWWU'), bagSize: 86, tradingAllowed: true });
    expect(ugly.kind).toBe('trade');
    expect(staticPlayer.decide({ generator: g, hand: hand('QQVVWWX'), bagSize: 86, tradingAllowed: true }).kind).toBe(
      'pass',
    );
  });
});

describe('bounded best-play search', () => {
  const leaves = heuristicLeaves(EN);
  const positions = (() => {
    // Positions from self-play games at several stages, with hands drawn from the unseen tiles.
    const out: { board: Board; hand: Hand }[] = [];
    for (const seed of [3, 5, 8, 13]) {
      const game = unwrap(selfPlay(EN, DICT, [staticPlayer, staticPlayer], seed, 20));
      let board = Board.empty(15, 15);
      for (const [i, t] of game.turns.entries()) {
        if (t.kind === 'play') board = board.withTiles(unwrap(parsePlay(t.move, board, EN.alphabet)).placements);
        if (i % 4 === 0) out.push({ board, hand: makeHand(drawTiles(fullBag(EN.letters, seed * 100 + i), 7).drawn) });
      }
    }
    return out;
  })();

  it('reports the plays of hands of one and two tiles as the walk does, with their directions and main words, on real positions', () => {
    // The main word of a play: the run of tiles through its first tile along its direction, once it is down.
    const mainWord = (b: Board, square: number, across: boolean): [number, number] => {
      const step = across ? 1 : b.cols;
      const inLine = (s: number, t: number) => (across ? Math.floor(s / b.cols) === Math.floor(t / b.cols) : true);
      let a = square;
      while (a - step >= 0 && inLine(a, a - step) && b.cell(a - step) !== 0) a -= step;
      let z = square;
      while (z + step < b.size && inLine(z, z + step) && b.cell(z + step) !== 0) z += step;
      return [a, (z - a) / step + 1];
    };
    const tilesOf = (ps: readonly Placement[]) =>
      [...ps]
        .sort((x, y) => x.square - y.square)
        .map((p) => `${p.square}:${p.tile}`)
        .join(',');
    const plays = [0, 0, 0];
    for (const { board } of positions.slice(0, 12) as { board: Board }[]) {
      const g = unwrap(MoveGenerator.create(EN, DICT, board));
      for (const t of ['A', 'E', 'Q', 'X', 'Z', '?', 'AE', 'QU', 'EE', 'ZX', 'S?', '??']) {
        const h = hand(t);
        const walked = allPlays(g, h)
          .map((p) => {
            const [start, length] = mainWord(
              board.withTiles(p.placements),
              (p.placements[0] as Placement).square,
              p.direction === 'across',
            );
            return `${tilesOf(p.placements)}=${p.score} ${p.direction} ${start}+${length}`;
          })
          .sort();
        const read: string[] = [];
        g.generate(h, (p) => {
          read.push(
            `${tilesOf(p.placements())}=${p.score} ${p.across ? 'across' : 'down'} ${p.wordStart}+${p.wordLength}`,
          );
          plays[p.tileCount] = (plays[p.tileCount] as number) + 1;
        });
        expect(read.sort()).toEqual(walked);
        if (h.length > 1) continue;
        // Ranked by equity, a one-tile play's leave is the table's value of keeping nothing (7.5 in this one).
        const leaves = {
          leaveValue: (_: Uint8Array, n: number) => n,
          subRackValues: (_t: ArrayLike<number>, counts: ArrayLike<number>, groups: number, out: Float64Array) => {
            let combos = 1;
            for (let k = 0; k < groups; k++) combos *= (counts[k] as number) + 1;
            for (let i = 0; i < combos; i++) out[i] = i === 0 ? 7.5 : 1;
            return true;
          },
        };
        const equities = (ps: { equity: number; key: string }[]) => ps.map((p) => `${p.key}=${p.equity}`).sort();
        const byWalk = allPlays(g, h, { leaves }).map((p) => ({ key: tilesOf(p.placements), equity: p.equity }));
        const byRead: { key: string; equity: number }[] = [];
        g.generate(h, (p) => byRead.push({ key: tilesOf(p.placements()), equity: p.equity }), { leaves });
        expect(equities(byRead)).toEqual(equities(byWalk));
        expect(byRead.every((p) => p.equity % 1 === 0.5)).toBe(true);
      }
    }
    expect(plays[1]).toBeGreaterThan(1000);
    expect(plays[2]).toBeGreaterThan(1000);
  });

  it('finds exactly the best play and the top N of exhaustive search, by score and by equity', () => {
    for (const { board, hand: h } of positions) {
      const g = unwrap(MoveGenerator.create(EN, DICT, board));
      for (const options of [{}, { leaves }]) {
        const all = allPlays(g, h, options);
        const best = bestPlay(g, h, options);
        expect(best?.placements).toEqual(all[0]?.placements);
        expect(best?.equity).toBe(all[0]?.equity);
        const top = topPlays(g, h, 10, options);
        expect(top.map((p) => key(p.placements))).toEqual(all.slice(0, 10).map((p) => key(p.placements)));
        expect(top.map((p) => p.score)).toEqual(all.slice(0, 10).map((p) => p.score));
      }
    }
  });

  it('ranks by score plus the leave value of the tiles kept', () => {
    const { board, hand: h } = positions[3] as { board: Board; hand: Hand };
    const g = unwrap(MoveGenerator.create(EN, DICT, board));
    for (const p of allPlays(g, h, { leaves }).slice(0, 50)) {
      const kept = [...h];
      for (const x of p.placements) kept.splice(kept.indexOf((x.tile & BLANK) !== 0 ? BLANK : x.tile), 1);
      expect(p.equity).toBeCloseTo(p.score + leaveValue(kept, EN), 9);
    }
  });

  it('finds the same best play on random hands with blanks as exhaustive search (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 1, maxLength: 7 }),
        (i, rack) => {
          const g = unwrap(MoveGenerator.create(EN, DICT, (positions[i] as { board: Board }).board));
          const h = hand(rack.join(''));
          const all = allPlays(g, h);
          expect(bestPlay(g, h)?.placements).toEqual(all[0]?.placements);
          expect(topPlays(g, h, 3).map((p) => p.score)).toEqual(all.slice(0, 3).map((p) => p.score));
        },
      ),
      { ...FC, numRuns: 60 },
    );
  });

  it('finds the same top plays as exhaustive search on other boards, hand sizes and bonuses (property)', () => {
    // Random layouts (premiums up to quadruple, dead squares), hand sizes 4-9 and bonuses, a board
    // grown by a few best plays; hands of 1 to 3 tiles more than a full hand, with blanks.
    const square = fc.constantFrom('.', '.', '.', 'd', 't', 'D', 'T', 'q', 'Q', '#');
    const tile = fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 11 }),
        fc.integer({ min: 5, max: 11 }),
        fc.array(square, { minLength: 121, maxLength: 121 }),
        fc.integer({ min: 4, max: 9 }),
        fc.constantFrom(0, 35, 50),
        fc.array(fc.array(tile, { minLength: 1, maxLength: 12 }), { minLength: 4, maxLength: 4 }),
        (rows, cols, squares, handSize, bonus, hands) => {
          const lines = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) =>
              r === rows >> 1 && c === cols >> 1 ? '*' : (squares[r * 11 + c] as string),
            ).join(''),
          );
          const config = unwrap(
            createConfig({
              name: 'random',
              alphabet: 'en',
              letters: EN.spec.letters,
              layout: { name: 'random', rows: lines },
              handSize,
              fullHandBonus: bonus,
            }),
          );
          const g = unwrap(MoveGenerator.create(config, DICT));
          const leaves = heuristicLeaves(config);
          for (const [k, letters] of hands.entries()) {
            const h = hand(letters.slice(0, handSize + 3).join(''));
            for (const options of [{}, { leaves }]) {
              const all = allPlays(g, h, options);
              expect(topPlays(g, h, 4, options).map((p) => [p.notation, p.equity])).toEqual(
                all.slice(0, 4).map((p) => [p.notation, p.equity]),
              );
            }
            // Grow the board with this hand's best play (the last hand is only searched).
            const best = k < hands.length - 1 ? bestPlay(g, h) : undefined;
            if (best !== undefined) g.applyPlacements(best.placements);
          }
        },
      ),
      { ...FC, numRuns: 25 },
    );
  });

  it('finds the same top plays as exhaustive search on hands of more tiles than a full hand (property)', () => {
    // With 8 to 10 tiles, playing 7 earns the bonus and may beat playing more: the bounds by
    // score cannot take the most tiles as the best.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 8, maxLength: 10 }),
        (i, rack) => {
          const g = unwrap(MoveGenerator.create(EN, DICT, (positions[i] as { board: Board }).board));
          const h = hand(rack.join(''));
          for (const options of [{}, { leaves }]) {
            const all = allPlays(g, h, options);
            expect(topPlays(g, h, 5, options).map((p) => p.equity)).toEqual(all.slice(0, 5).map((p) => p.equity));
          }
        },
      ),
      { ...FC, numRuns: 40 },
    );
  });

  it('finds the same best plays by equity as exhaustive search on hands with blanks, once blanks are placed too (property)', () => {
    // With leaves, the bounds after a blank is placed count only the leaves without it: wrong
    // bounds there would lose plays that play the blanks.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ'.split('')), { minLength: 3, maxLength: 6 }),
        fc.integer({ min: 1, max: 2 }),
        (i, letters, blanks) => {
          const g = unwrap(MoveGenerator.create(EN, DICT, (positions[i] as { board: Board }).board));
          const h = hand(letters.slice(0, 7 - blanks).join('') + '?'.repeat(blanks));
          const all = allPlays(g, h, { leaves });
          expect(bestPlay(g, h, { leaves })?.placements).toEqual(all[0]?.placements);
          expect(topPlays(g, h, 5, { leaves }).map((p) => p.equity)).toEqual(all.slice(0, 5).map((p) => p.equity));
        },
      ),
      { ...FC, numRuns: 60 },
    );
  });

  it('lists every play of a whole hand with two blanks from the words, each way the blanks may stand (against the walk)', () => {
    // SESSION from EINOS??: both blanks may be an S, on any two of its three S squares; the
    // bounded searches take these plays from the words and leave them out of the walk.
    const boards = [
      Board.empty(15, 15),
      (positions[6] as { board: Board }).board,
      (positions[12] as { board: Board }).board,
    ];
    for (const board of boards)
      for (const text of ['EINOS??', 'AEIRT??', 'EEST??S']) {
        const g = unwrap(MoveGenerator.create(EN, DICT, board));
        const h = hand(text);
        for (const options of [{}, { leaves }]) {
          const all = allPlays(g, h, options).filter((p) => p.placements.length === 7);
          const top = topPlays(g, h, 100_000, options).filter((p) => p.placements.length === 7);
          expect(top.length).toBeGreaterThan(0);
          expect(top.map((p) => `${key(p.placements)}=${p.score}`)).toEqual(
            all.map((p) => `${key(p.placements)}=${p.score}`),
          );
        }
      }
    const g = unwrap(MoveGenerator.create(EN, DICT, Board.empty(15, 15)));
    const session = topPlays(g, hand('EINOS??'), 100_000).filter(
      (p) =>
        p.placements.length === 7 && p.placements.map((x) => EN.alphabet.glyph(x.tile & 0x3f)).join('') === 'SESSION',
    );
    // Each placement of SESSION has its blanks on 3 pairs of its S squares (the natural S on the third).
    const bySquares = new Map<string, number>();
    for (const p of session) {
      const squares = p.placements.map((x) => x.square).join(',');
      bySquares.set(squares, (bySquares.get(squares) ?? 0) + 1);
    }
    expect(bySquares.size).toBeGreaterThanOrEqual(7);
    expect([...bySquares.values()].every((n) => n === 3)).toBe(true);
  });

  it("tells the best trade's equity from the search's leave values (against every subset kept)", () => {
    const penalty = { leaveValue: (_: ArrayLike<number>, n: number) => -n };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 1, maxLength: 7 }),
        fc.boolean(),
        (i, rack, heuristic) => {
          const values = heuristic ? leaves : penalty;
          const g = unwrap(MoveGenerator.create(EN, DICT, (positions[i] as { board: Board }).board));
          const tiles = hand(rack.join(''));
          g.searchTop(tiles, 1, { leaves: values });
          // The oracle: the best value kept over every way of trading at least one tile.
          let best = -Infinity;
          for (let mask = 1; mask < 1 << tiles.length; mask++) {
            const kept = Uint8Array.from(tiles.filter((_, t) => ((mask >> t) & 1) === 0));
            const v = kept.length === 0 ? 0 : values.leaveValue(kept, kept.length);
            if (v > best) best = v;
          }
          expect(g.bestTradeEquity()).toBeCloseTo(best, 9);
          g.searchTop(tiles, 1);
          expect(g.bestTradeEquity()).toBe(-Infinity);
        },
      ),
      { ...FC, numRuns: 60 },
    );
    // A hand larger than a search takes: nothing is known.
    const g = unwrap(MoveGenerator.create(EN, DICT));
    g.searchTop(hand('AEINRST'), 1, { leaves });
    g.searchTop(hand('A'.repeat(17)), 1, { leaves });
    expect(g.bestTradeEquity()).toBe(-Infinity);
  });

  it('without the full-hand index finds the same plays, and never builds the index', () => {
    // A dictionary of its own (the default one is shared, and its index built by other searches).
    const fresh = unwrap(readDictionaryFile(packageDictionaryPath()));
    expect(fresh).not.toBe(DICT);
    const build = vi.spyOn(AlphagramIndex, 'build');
    try {
      for (const i of [0, 6, 12, positions.length - 1]) {
        const { board } = positions[i] as { board: Board };
        const plain = unwrap(MoveGenerator.create(EN, fresh, board, { fullHandIndex: false }));
        const indexed = unwrap(MoveGenerator.create(EN, DICT, board));
        for (const text of ['AEINRST', 'EINOS??', 'AEIRT?S', 'QUIZBAG', 'EEST??S'])
          for (const options of [{}, { leaves }]) {
            const sig = (g: MoveGenerator) =>
              topPlays(g, hand(text), 20, options).map((p) => `${key(p.placements)}=${p.score}`);
            expect(sig(plain)).toEqual(sig(indexed));
          }
      }
      expect(build.mock.calls.filter((call) => call[0] === fresh)).toEqual([]);
      // Options from plain JavaScript: null is the defaults.
      expect(MoveGenerator.create(EN, DICT, undefined, null as never).ok).toBe(true);
    } finally {
      build.mockRestore();
    }
  });

  it('after tiles are added, searchTopAfter finds exactly what searchTop finds (property: kept plays, changed lines)', () => {
    // The best play of one hand after each of another hand's top plays, from the first hand's kept plays.
    const sig = (g: MoveGenerator): string => {
      const parts = [g.topPlayEquity(0), g.topPlayScore(0), g.topPlayAcross(0) ? 'a' : 'd'];
      for (let t = 0; t < g.topPlayTileCount(0); t++) parts.push(g.topPlaySquare(0, t), g.topPlayTile(0, t));
      return parts.join(',');
    };
    let checks = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (i, rack, kept, withLeaves) => {
          const { board, hand: mine } = positions[i] as { board: Board; hand: Hand };
          const g = unwrap(MoveGenerator.create(EN, DICT, board));
          const opp = hand(rack.join(''));
          const options = withLeaves ? { leaves } : {};
          const n = g.searchTop(mine, 12, options);
          const candidates = Array.from({ length: n }, (_, c) =>
            Array.from({ length: g.topPlayTileCount(c) }, (_, t) => ({
              square: g.topPlaySquare(c, t),
              tile: g.topPlayTile(c, t),
            })),
          );
          g.searchTop(opp, kept, options);
          g.keepPrior();
          for (const play of candidates) {
            const squares = play.map((p) => p.square);
            g.applyTiles(
              squares,
              play.map((p) => p.tile),
              play.length,
            );
            const found = g.searchTopAfter(opp, options, squares, squares.length);
            const after = found > 0 ? sig(g) : 'none';
            const full = g.searchTop(opp, 1, options) > 0 ? sig(g) : 'none';
            expect(after).toBe(full);
            checks++;
            g.undo();
          }
        },
      ),
      { ...FC, numRuns: 40 },
    );
    expect(checks).toBeGreaterThan(200);
  });

  it('after tiles are added, generateAfter and the kept plays are every play, each once (property: against generate)', () => {
    interface Seen {
      readonly key: string;
      readonly squares: number[];
      readonly start: number;
      readonly length: number;
      readonly across: boolean;
    }
    const seen = (p: PlayView): Seen => {
      const squares = Array.from({ length: p.tileCount }, (_, t) => p.square(t));
      const tiles = squares.map((s, t) => `${s}:${p.tile(t)}`).sort();
      return {
        key: `${tiles.join(',')}=${p.score}`,
        squares,
        start: p.wordStart,
        length: p.wordLength,
        across: p.across,
      };
    };
    const list = (g: MoveGenerator, h: Hand): Seen[] => {
      const out: Seen[] = [];
      g.generate(h, (p) => out.push(seen(p)));
      return out;
    };
    let checks = 0;
    let derivedPlays = 0;
    const smallDerived = [0, 0];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: positions.length - 1 }),
        // Hands of one and two tiles a third of the time each: their plays are read off the cross-checks and the DAWG, not walked.
        fc.oneof(
          fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 1, maxLength: 1 }),
          fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 2, maxLength: 2 }),
          fc.array(fc.constantFrom(...'AEIOURSTLNDGBCMPHKXZQ?'.split('')), { minLength: 3, maxLength: 7 }),
        ),
        fc.integer({ min: 0, max: 1_000 }),
        (i, rack, pick) => {
          const { board, hand: mine } = positions[i] as { board: Board; hand: Hand };
          const g = unwrap(MoveGenerator.create(EN, DICT, board));
          const opp = hand(rack.join(''));
          const moves = allPlays(g, mine);
          const kept = list(g, opp);
          // A few of the mover's plays, spread over the list (the best ones and the small ones).
          for (let k = pick % 7; k < moves.length; k += Math.max(1, Math.floor(moves.length / 6))) {
            const play = (moves[k] as { placements: readonly Placement[] }).placements;
            const squares = play.map((p) => p.square);
            g.applyTiles(
              squares,
              play.map((p) => p.tile),
              play.length,
            );
            const derived: string[] = [];
            g.generateAfter(opp, (p) => derived.push(seen(p).key), squares, squares.length);
            derivedPlays += derived.length;
            if (rack.length <= 2)
              smallDerived[rack.length - 1] = (smallDerived[rack.length - 1] as number) + derived.length;
            for (const p of kept)
              if (g.keptAfter(p.squares, 0, p.squares.length, p.start, p.length, p.across)) derived.push(p.key);
            const full = list(g, opp).map((p) => p.key);
            expect(derived.sort()).toEqual(full.sort());
            checks++;
            g.undo();
          }
        },
      ),
      { ...FC, numRuns: 40 },
    );
    expect(checks).toBeGreaterThan(150);
    expect(derivedPlays).toBeGreaterThan(0);
    expect(smallDerived[0]).toBeGreaterThan(20);
    expect(smallDerived[1]).toBeGreaterThan(20);
  });

  it('keptAfter says no before any generateAfter and after another search that adds tiles', () => {
    const { board, hand: mine } = positions[5] as { board: Board; hand: Hand };
    const g = unwrap(MoveGenerator.create(EN, DICT, board));
    const plays: { squares: number[]; start: number; length: number; across: boolean }[] = [];
    g.generate(mine, (p) =>
      plays.push({
        squares: Array.from({ length: p.tileCount }, (_, t) => p.square(t)),
        start: p.wordStart,
        length: p.wordLength,
        across: p.across,
      }),
    );
    const kept = () => plays.filter((p) => g.keptAfter(p.squares, 0, p.squares.length, p.start, p.length, p.across));
    expect(plays.length).toBeGreaterThan(10);
    expect(kept()).toEqual([]);
    g.generateAfter(mine, () => undefined, [], 0);
    expect(kept().length).toBe(plays.length);
    g.searchTop(mine, 1);
    g.keepPrior();
    g.searchTopAfter(mine, {}, [], 0);
    expect(kept()).toEqual([]);
  });

  it('searchTopAfter ignores plays kept for another hand, other values or another board', () => {
    const { board, hand: mine } = positions[5] as { board: Board; hand: Hand };
    const g = unwrap(MoveGenerator.create(EN, DICT, board));
    const best = (found: number) =>
      found > 0 ? `${g.topPlayEquity(0)} ${g.topPlaySquare(0, 0)} ${g.topPlayTile(0, 0)}` : 'none';
    const other = hand('QZXJKVW');
    g.searchTop(other, 8, { leaves });
    g.keepPrior();
    // Another hand, the same board.
    expect(best(g.searchTopAfter(mine, { leaves }, [], 0))).toBe(best(g.searchTop(mine, 1, { leaves })));
    // The same hand without leave values.
    expect(best(g.searchTopAfter(other, {}, [], 0))).toBe(best(g.searchTop(other, 1, {})));
    // The same hand and values, but tiles added that the call does not name.
    g.searchTop(mine, 8, {});
    g.keepPrior();
    const first = Array.from(
      { length: g.topPlayTileCount(0) },
      (_, t) => [g.topPlaySquare(0, t), g.topPlayTile(0, t)] as const,
    );
    g.applyTiles(
      first.map(([sq]) => sq),
      first.map(([, tile]) => tile),
      first.length,
    );
    expect(best(g.searchTopAfter(mine, {}, [], 0))).toBe(best(g.searchTop(mine, 1, {})));
  });

  it('takes moves back exactly with undo', () => {
    let board = Board.empty(15, 15);
    const g = unwrap(MoveGenerator.create(EN, DICT, board));
    const fresh = unwrap(MoveGenerator.create(EN, DICT, board));
    for (const [, play] of DOUG_EMELY) {
      const placements = unwrap(parsePlay(play, board, EN.alphabet)).placements;
      board = board.withTiles(placements);
      g.applyPlacements(placements);
    }
    while (g.undo());
    expect(g.boardTiles).toBe(0);
    expect(g.currentBoard().equals(Board.empty(15, 15))).toBe(true);
    for (let s = 0; s < 225; s++) {
      expect(g.crossCheck(true, s)).toEqual(fresh.crossCheck(true, s));
      expect(g.crossCheck(false, s)).toEqual(fresh.crossCheck(false, s));
    }
    expect(g.undo()).toBe(false);
  });

  it('refuses a configuration of another alphabet', () => {
    const fr = unwrap(presetConfig('es'));
    expect(failure(MoveGenerator.create(fr, DICT)).code).toBe(Code.ALPHABET_MISMATCH);
  });
});
