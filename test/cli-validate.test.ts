import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

const boardWith = (row8: string) =>
  Array.from({ length: 15 }, (_, r) => (r === 7 ? row8.padEnd(15, '.') : '...............')).join('\n');

describe('wordgame validate', () => {
  it('scores a move in record notation on the empty board', async () => {
    const r = await cli(['validate', '--hand', 'DINNVWY', '--move', '8D WINDY', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      score: 32,
      words: [{ word: 'WINDY', position: '8D', score: 32 }],
    });
  });

  it('takes tiles as SQUARE=GLYPH, lower case for blanks, and a board from stdin', async () => {
    const r = await cli(
      ['validate', '--board', '-', '--hand', 'ST?', '--tiles', 'H9=q I9=T', '--json'],
      boardWith('...WINDY'),
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 60108, name: 'INCORRECT_WORDS' } });
    const ok = await cli(
      ['validate', '--board', '-', '--hand', 'A', '--tiles', 'H9=A', '--json'],
      boardWith('...WINDY'),
    );
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
      const out = JSON.parse(r.out) as { ok: boolean; error: { code: number; param?: string } };
      expect([args.join(' '), out.ok, out.error.code]).toEqual([args.join(' '), false, code]);
      if (param !== undefined) expect(out.error.param).toBe(param);
      expect(r.code).toBe(1);
    }
    const overlap = await cli(
      ['validate', '--board', '-', '--hand', 'A', '--tiles', 'E8=A', '--json'],
      boardWith('...WINDY'),
    );
    expect(JSON.parse(overlap.out)).toMatchObject({ ok: false, error: { code: 60103, param: 'I' } });
    const isolated = await cli(
      ['validate', '--board', '-', '--hand', 'AT', '--move', '1A AT', '--json'],
      boardWith('...WINDY'),
    );
    expect(JSON.parse(isolated.out)).toMatchObject({ ok: false, error: { code: 60107 } });
  });

  it('accepts anything with --permissive and prints text without --json', async () => {
    const r = await cli(['validate', '--hand', 'QZX', '--move', '8H QZX', '--permissive']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valid: \d+ points/);
    expect((await cli(['validate', '--hand', 'A'])).code).toBe(2);
  });

  it('rejects conflicting options, bad hands and other alphabets as usage errors', async () => {
    for (const args of [
      ['--hand', 'AB', '--move', '8H AB', '--tiles', 'H8=A'],
      ['--hand', 'AB', '--move', '8H AB', '--permissive', '--dict', 'dictionaries/en.dawg'],
      ['--hand', 'A'.repeat(80), '--move', '8H AB'],
      ['--hand', 'AB', '--move', '8H AB', '--config', 'nope'],
    ]) {
      const r = await cli(['validate', ...args, '--json']);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 90500, name: 'USAGE' } });
    }
    // The Spanish board over the English dictionary: refused, not scored.
    const es = await cli(['validate', '--hand', 'ROMS', '--move', '8H ROMS', '--config', 'es', '--json']);
    expect(es.code).toBe(1);
    expect(JSON.parse(es.out)).toMatchObject({ ok: false, error: { code: 90202, name: 'ALPHABET_MISMATCH' } });
  });
});
