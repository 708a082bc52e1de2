import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

const boardWith = (row8: string) => Array.from({ length: 15 }, (_, r) => (r === 7 ? row8.padEnd(15, '.') : '...............')).join('\n');

describe('wordgame validate', () => {
  it('scores a move in record notation on the empty board', async () => {
    const r = await cli(['validate', '--hand', 'DINNVWY', '--move', '8D WINDY', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, score: 32, words: [{ word: 'WINDY', position: '8D', score: 32 }] });
  });

  it('takes tiles as SQUARE=GLYPH, lower case for blanks, and a board from stdin', async () => {
    const r = await cli(['validate', '--board', '-', '--hand', 'ST?', '--tiles', 'H9=q I9=T', '--json'], boardWith('...WINDY'));
    expect(r.code).toBe(1);
    const e = JSON.parse(r.out) as { code: number; name: string; param: string };
    expect(e).toMatchObject({ ok: false, code: 60108, name: 'INCORRECT_WORDS' });
    const ok = await cli(['validate', '--board', '-', '--hand', 'A', '--tiles', 'H9=A', '--json'], boardWith('...WINDY'));
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, words: [{ word: 'YA', position: 'H8' }] });
  });

  it('prints every kind of error with its code, name and parameter', async () => {
    const cases: [string[], number, string?][] = [
      [['--hand', 'AB', '--tiles', 'Z99=A'], 60000],
      [['--hand', 'AB', '--tiles', 'nonsense'], 60000],
      [['--hand', 'AB', '--move', '8H AB(C'], 60000],
      [['--hand', 'AB', '--tiles', ''], 60003],
      [['--hand', 'AB', '--move', '8H AT'], 60102, 'T'],
      [['--hand', 'AT', '--tiles', 'H8=A I9=T'], 60101],
      [['--hand', 'AT', '--tiles', 'H8=A J8=T'], 60104],
      [['--hand', 'AT', '--tiles', 'H8=A'], 60105],
      [['--hand', 'AT', '--move', '1A AT'], 60106],
      [['--hand', 'QZX', '--move', '8H QZX'], 60108, 'QZX'],
    ];
    for (const [args, code, param] of cases) {
      const r = await cli(['validate', ...args, '--json']);
      const out = JSON.parse(r.out) as { code: number; param?: string };
      expect([args.join(' '), out.code]).toEqual([args.join(' '), code]);
      if (param !== undefined) expect(out.param).toBe(param);
      expect(r.code).toBe(1);
    }
    const overlap = await cli(['validate', '--board', '-', '--hand', 'A', '--tiles', 'E8=A', '--json'], boardWith('...WINDY'));
    expect(JSON.parse(overlap.out)).toMatchObject({ code: 60103, param: 'I' });
    const isolated = await cli(['validate', '--board', '-', '--hand', 'AT', '--move', '1A AT', '--json'], boardWith('...WINDY'));
    expect(JSON.parse(isolated.out)).toMatchObject({ code: 60107 });
  });

  it('accepts anything with --permissive and prints text without --json', async () => {
    const r = await cli(['validate', '--hand', 'QZX', '--move', '8H QZX', '--permissive']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valid: \d+ points/);
    expect((await cli(['validate', '--hand', 'A'])).code).toBe(2);
  });
});
