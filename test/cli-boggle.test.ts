import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

describe('wordgame boggle', () => {
  it('prints a grid from a seed, the same each time', async () => {
    const a = await cli(['boggle', 'new', '--seed', '7']);
    const b = await cli(['boggle', 'new', '--seed', '7']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out.split('\n').slice(0, 4).every((l) => l.split(/\s+/).length === 4)).toBe(true);
    const big = JSON.parse((await cli(['boggle', 'new', '--size', '5', '--seed', '1', '--json'])).out) as { grid: string };
    expect(big.grid.split('/').length).toBe(5);
    expect((await cli(['boggle', 'new', '--size', '6', '--seed', '1', '--json'])).code).toBe(0);
    expect((await cli(['boggle', 'new', '--size', '9'])).code).toBe(2);
  });

  it('solves a grid with paths and a total', async () => {
    const r = await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { words: { word: string; path: [number, number][]; score: number }[]; total: number };
    expect(j.words.find((w) => w.word === 'QUITE')).toEqual({ word: 'QUITE', path: [[0, 0], [0, 1], [0, 2], [0, 3]], score: 2 });
    expect(j.total).toBe(j.words.reduce((s, w) => s + w.score, 0));
    expect((await cli(['boggle', 'solve', 'QITE/ABSO/RSTE/LNOP'])).out).toMatch(/\d+ words, \d+ points; longest: /);
  });

  it('checks words and prints each result', async () => {
    const r = await cli(['boggle', 'check', 'QITE/ABSO/RSTE/LNOP', 'quite', 'QI', 'ABSO']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/quite: valid, 2 points/);
    expect(r.out).toMatch(/QI: error 60110/);
    expect(r.out).toMatch(/ABSO: error 60108 INCORRECT_WORDS \[ABSO\]/);
    expect((await cli(['boggle', 'check', 'AB/C'])).code).toBe(2);
  });
});
