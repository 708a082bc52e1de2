import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

describe('wordgame boggle', () => {
  it('prints a grid from a seed, the same each time', async () => {
    const a = await cli(['boggle', 'new', '--seed', '7']);
    const b = await cli(['boggle', 'new', '--seed', '7']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(
      a.out
        .split('\n')
        .slice(0, 4)
        .every((l) => l.split(/\s+/).length === 4),
    ).toBe(true);
    const big = JSON.parse((await cli(['boggle', 'new', '--size', '5', '--seed', '1', '--json'])).out) as {
      ok: boolean;
      grid: string;
      dice: string;
    };
    expect(big).toMatchObject({ ok: true, dice: 'big-deluxe25' });
    expect(big.grid.split('/').length).toBe(5);
    expect((await cli(['boggle', 'new', '--size', '6', '--seed', '1', '--json'])).code).toBe(0);
    expect((await cli(['boggle', 'new', '--size', '9'])).code).toBe(2);
    // A dice set fixes the size: a disagreeing --size is refused, not ignored.
    const clash = await cli(['boggle', 'new', '--size', '4', '--dice', 'big-deluxe25', '--json']);
    expect(clash.code).toBe(2);
    expect(JSON.parse(clash.out)).toMatchObject({ ok: false, error: { code: 90500 } });
    const bySet = JSON.parse((await cli(['boggle', 'new', '--dice', 'big-deluxe25', '--seed', '2', '--json'])).out) as {
      grid: string;
    };
    expect(bySet.grid.split('/').length).toBe(5);
    // Without a seed, a random one, printed so that the grid can be rolled again.
    const random = JSON.parse((await cli(['boggle', 'new', '--json'])).out) as { seed: number; grid: string };
    expect(JSON.parse((await cli(['boggle', 'new', '--seed', String(random.seed), '--json'])).out)).toMatchObject({
      grid: random.grid,
    });
  });

  it('solves a grid with paths and a total', async () => {
    const r = await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      ok: boolean;
      words: { word: string; path: [number, number][]; score: number }[];
      total: number;
      count: number;
      truncated: boolean;
    };
    expect(j).toMatchObject({ ok: true, truncated: false });
    expect(j.words.find((w) => w.word === 'QUITE')).toEqual({
      word: 'QUITE',
      path: [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      score: 2,
    });
    expect(j.total).toBe(j.words.reduce((s, w) => s + w.score, 0));
    expect(j.count).toBe(j.words.length);
    expect((await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP'])).out).toMatch(/\d+ words, \d+ points; longest: /);
    const cut = await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP', '--json', '--limit', '3']);
    expect(JSON.parse(cut.out)).toMatchObject({ ok: true, truncated: true, count: j.count, total: j.total });
    expect((JSON.parse(cut.out) as { words: unknown[] }).words).toHaveLength(3);
    const cutText = await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP', '--limit', '3']);
    expect(cutText.err).toMatch(/output cut at 3 results/);
  });

  it('solves square grids of the game sizes only', async () => {
    for (const grid of ['ABC/DEF/GHI/JKL', 'ABC/DEF/GHI', 'ABCDEFG/ABCDEFG/ABCDEFG/ABCDEFG/ABCDEFG/ABCDEFG/ABCDEFG'])
      expect([grid, (await cli(['boggle', 'solve', grid])).code]).toEqual([grid, 2]);
    expect((await cli(['boggle', 'solve', 'ABCDE/ABCDE/ABCDE/ABCDE/ABCDE'])).code).toBe(0);
  });

  it('checks words and prints each result', async () => {
    const r = await cli(['boggle', 'check', 'QITE/ABSO/RSTE/LNOP', 'quite', 'QI', 'ABSO']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/quite: valid, 2 points/);
    expect(r.out).toMatch(/QI: error 60111 MOVES_TOO_SHORT \[3\]/);
    expect(r.out).toMatch(/ABSO: error 60108 INCORRECT_WORDS \[ABSO\]/);
    expect((await cli(['boggle', 'check', 'AB/C'])).code).toBe(2);
    expect((await cli(['boggle', 'check', 'QITE/ABSO/RSTE/LNOP'])).code).toBe(2);
    const j = await cli(['boggle', 'check', 'QITE/ABSO/RSTE/LNOP', 'quite', 'ABSO', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toEqual({
      ok: false,
      results: [
        {
          word: 'quite',
          ok: true,
          score: 2,
          path: [
            [0, 0],
            [0, 1],
            [0, 2],
            [0, 3],
          ],
        },
        { word: 'ABSO', ok: false, error: expect.objectContaining({ code: 60108, param: 'ABSO' }) },
      ],
    });
  });
});
