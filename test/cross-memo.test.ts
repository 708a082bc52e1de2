import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Board, MoveGenerator, presetConfig } from 'wordgame-engine';
import { FC, mustBuild, unwrap } from './helpers.js';

/**
 * The move generator keeps the cross-checks it computes in a memo keyed by the perpendicular
 * word's tiles around the square (src/movegen/lines.ts). One generator sees many boards over a
 * small dictionary of four letters (so words around squares repeat and differ in a tile or in
 * where the square sits, the cases an inexact key would confuse), and every square's check is
 * compared with the words themselves (a Set).
 */
describe('the cross-check memo', () => {
  const config = unwrap(presetConfig('en'));
  const letters = ['A', 'B', 'C', 'D'];
  const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 11 }).map((w) => w.join(''));
  // A board: runs of letters (the tiles of a few words, which need not be words), across or down.
  const run = fc.record({
    row: fc.integer({ min: 0, max: 14 }),
    col: fc.integer({ min: 0, max: 14 }),
    across: fc.boolean(),
    tiles: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 10 }),
  });
  const board = fc.array(run, { minLength: 1, maxLength: 12 }).map((runs) => {
    const cells = new Uint8Array(225);
    for (const r of runs)
      r.tiles.forEach((t, k) => {
        const row = r.across ? r.row : r.row + k;
        const col = r.across ? r.col + k : r.col;
        if (row < 15 && col < 15) cells[row * 15 + col] = t;
      });
    return cells;
  });

  it('gives every square the glyphs that spell a word with the tiles around it, board after board', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 60 }),
        fc.array(board, { minLength: 2, maxLength: 6 }),
        (list, boards) => {
          const dictionary = mustBuild(list, config.alphabet, true);
          const words = new Set(list);
          const gen = unwrap(MoveGenerator.create(config, dictionary));
          for (const cells of boards) {
            gen.setBoard(unwrap(Board.fromCells(15, 15, cells)));
            for (let s = 0; s < 225; s++) {
              if (cells[s] !== 0) continue;
              for (const across of [true, false]) {
                // The perpendicular word: tiles before and after the square.
                const step = across ? 15 : 1;
                const inLine = (q: number) => (across ? q >= 0 && q < 225 : Math.floor(q / 15) === Math.floor(s / 15));
                let before = '';
                for (let q = s - step; inLine(q) && cells[q] !== 0; q -= step)
                  before = config.alphabet.glyph(cells[q] as number) + before;
                let after = '';
                for (let q = s + step; inLine(q) && cells[q] !== 0; q += step)
                  after += config.alphabet.glyph(cells[q] as number);
                const check = gen.crossCheck(across, s);
                if (before === '' && after === '') {
                  expect(check.sum).toBe(-1);
                  continue;
                }
                for (let g = 1; g <= 4; g++) {
                  const allowed = ((check.lo >>> g) & 1) === 1;
                  expect(allowed, `${before}[${config.alphabet.glyph(g)}]${after}`).toBe(
                    words.has(before + config.alphabet.glyph(g) + after),
                  );
                }
              }
            }
          }
        },
      ),
      { ...FC, numRuns: 40 },
    );
  });
});
