import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wordgame-gcg-'));

describe('wordgame selfplay, best, gcg, duplicate, anagram-game', () => {
  it('plays a full classic game and prints every turn and the final board', async () => {
    const r = await cli(['selfplay', '--seed', '5']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Game over/);
    expect(r.out).toMatch(/Final scores: static#1 -?\d+, leave#2 -?\d+/);
    const j = JSON.parse((await cli(['selfplay', '--seed', '5', '--json'])).out) as { turns: unknown[]; scores: number[] };
    expect(j.turns.length).toBeGreaterThan(5);
  });

  it('lists the best plays of a hand as JSON', async () => {
    const r = await cli(['best', '--hand', 'AEINRST', '-n', '3', '--json']);
    const plays = JSON.parse(r.out) as { notation: string; score: number; words: string[] }[];
    expect(plays).toHaveLength(3);
    expect(plays[0]).toEqual({ notation: '8B ANESTRI', score: 66, words: ['ANESTRI'] });
    const all = JSON.parse((await cli(['best', '--hand', 'AEINRST', '--all', '--json'])).out) as unknown[];
    expect(all.length).toBe(2982);
  });

  it('exports a self-play game as GCG and replays it with every score matching', async () => {
    const gcg = await cli(['gcg', 'export', '--seed', '6']);
    expect(gcg.out).toMatch(/^#character-encoding UTF-8\n#player1 static static/);
    const file = join(dir, 'game.gcg');
    writeFileSync(file, gcg.out);
    const r = await cli(['gcg', 'replay', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ mismatches: [] });
    writeFileSync(file, gcg.out.replace(/\+(\d+) (\d+)\n/, (_m, s: string, t: string) => `+${Number(s) + 1} ${Number(t) + 1}\n`));
    const bad = await cli(['gcg', 'replay', file, '--permissive']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/score recorded/);
  });

  it('plays duplicate and anagram games through the engine', async () => {
    const d = await cli(['duplicate', '--seed', '3', '--players', '2']);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/turn\s+1\s+top /);
    expect(d.out).toMatch(/game over/);
    const a = await cli(['anagram-game', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/game over \(the last turn is over\)/);
  });
});
