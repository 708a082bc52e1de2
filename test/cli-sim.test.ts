import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { SIM_BOARD } from './helpers.js';

describe('wordgame sim', () => {
  it('prints the candidates with win chance, spread, intervals and iterations, the same for 1 or 2 workers', async () => {
    const args = [
      'sim',
      '--board',
      '-',
      '--hand',
      'EHMOSTY',
      '--lead',
      '84',
      '--iterations',
      '48',
      '--candidates',
      '5',
      '--seed',
      '3',
    ];
    const one = await cli([...args, '--json'], SIM_BOARD);
    expect(one.code).toBe(0);
    const r = JSON.parse(one.out) as {
      ok: boolean;
      move: string;
      stop: string;
      iterations: number;
      rollouts: number;
      plies: number;
      unseen: string;
      candidates: { move: string; win: number; winCI: number[]; spread: number; iterations: number }[];
      ms: number;
    };
    expect(r).toMatchObject({ ok: true, stop: 'iterations', iterations: 48, plies: 2 });
    expect(r.unseen).toHaveLength(49);
    expect(r.candidates[0]?.move).toBe(r.move);
    // Probabilities are fractions, as in every command's JSON.
    for (const c of r.candidates) expect(c.win >= 0 && c.win <= 1 && (c.winCI[1] as number) <= 1).toBe(true);
    expect(r.candidates.length).toBe(6); // five plays and the best trade
    expect(r.rollouts).toBe(r.candidates.reduce((s, c) => s + c.iterations, 0));
    const two = await cli([...args, '--json', '--workers', '2'], SIM_BOARD);
    expect({ ...JSON.parse(two.out), ms: 0 }).toEqual({ ...r, ms: 0 });
    const text = await cli(args, SIM_BOARD);
    expect(text.out).toMatch(/48 iterations, \d+ rollouts of 2 plies/);
    expect(text.out).toMatch(/play +score +equity +win % +95 % CI +spread +95 % CI +iterations/);
    expect(text.out).toContain(r.move);
  }, 120_000);

  it("infers the opponent's kept tiles from their last play (--opponent-play): other deals, another result", async () => {
    const args = [
      'sim',
      '--board',
      '-',
      '--hand',
      'EHMOSTY',
      '--lead',
      '84',
      '--iterations',
      '32',
      '--candidates',
      '4',
      '--seed',
      '3',
      '--json',
    ];
    const plain = JSON.parse((await cli(args, SIM_BOARD)).out) as { candidates: unknown[] };
    const inferred = await cli([...args, '--opponent-play', 'G8,H8,I8,J8'], SIM_BOARD);
    expect(inferred.code).toBe(0);
    expect(JSON.parse(inferred.out).candidates).not.toEqual(plain.candidates);
    const off = JSON.parse(
      (await cli([...args, '--opponent-play', 'G8,H8,I8,J8', '--inference', '0'], SIM_BOARD)).out,
    ) as { candidates: unknown[] };
    expect(off.candidates).toEqual(plain.candidates);
    expect((await cli([...args, '--opponent-play', 'A1'], SIM_BOARD)).code).toBe(2);
    const notPlay = await cli([...args, '--opponent-play', 'E2,G8'], SIM_BOARD);
    expect([notPlay.code, JSON.parse(notPlay.out).error?.param]).toEqual([2, 'opponentPlay']);
    expect((await cli([...args, '--opponent-play', 'G8', '--inference', '-1'], SIM_BOARD)).code).toBe(2);
  }, 120_000);

  it('refuses bad options with a usage error', async () => {
    expect((await cli(['sim', '--board', '-'], SIM_BOARD)).code).toBe(2);
    expect((await cli(['sim', '--board', '-', '--hand', 'EHMOSTY', '--time', 'soon'], SIM_BOARD)).code).toBe(2);
    expect((await cli(['sim', '--board', '-', '--hand', 'EHMOSTY', '--confidence', '2'], SIM_BOARD)).code).toBe(2);
    expect((await cli(['sim', '--board', '-', '--hand', 'EHMOSTY', '--plies', '0'], SIM_BOARD)).code).toBe(2);
    const r = await cli(['sim', '--board', '-', '--hand', 'EHMOSTY', '--unseen', '', '--json'], SIM_BOARD);
    expect([r.code, JSON.parse(r.out).error?.param]).toEqual([2, 'unseen']);
  });
});
