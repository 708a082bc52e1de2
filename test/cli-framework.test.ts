import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../src/cli/framework.js';
import { COMMANDS } from '../src/cli/main.js';
import { cli } from './cli-helpers.js';

describe('the wordgame command line', () => {
  it('gives every command its own help, with examples and the exit-code table', async () => {
    for (const c of COMMANDS) {
      const a = await cli([...c.name.split(' '), '--help']);
      const b = await cli(['help', ...c.name.split(' ')]);
      expect([c.name, a.code, b.code]).toEqual([c.name, 0, 0]);
      expect(a.out).toBe(b.out);
      expect(a.out).toContain(`usage: wordgame ${c.name}`);
      expect(a.out).toContain('examples:');
      expect(a.out).toMatch(/exit codes: 0 success; 1 .*; 2 usage or file error/);
    }
    const general = await cli(['help']);
    expect(general.code).toBe(0);
    for (const c of COMMANDS) expect(general.out).toContain(c.name);
    expect(general.out).toMatch(/exit codes: 0 success/);
    expect((await cli(['dict', '--help'])).out).toContain('dict build');
    expect((await cli(['help', 'nope'])).code).toBe(2);
  });

  it('takes a negative number as the value of an option (--lead -25), as --lead=-25', async () => {
    const options = { lead: { type: 'string' as const }, json: { type: 'boolean' as const } };
    expect(joinNegativeValues(['--lead', '-25', '--json', '-5'], options)).toEqual(['--lead=-25', '--json', '-5']);
    expect(joinNegativeValues(['--json', '-5'], options)).toEqual(['--json', '-5']);
    const cgp = '15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0;';
    const run = (lead: string[]) =>
      cli(['sim', '--cgp', cgp.replace(';', ''), ...lead, '--iterations', '8', '--candidates', '2', '--json']);
    const result = (out: string) => ({ ...JSON.parse(out), ms: undefined });
    const spaced = await run(['--lead', '-25']);
    const joined = await run(['--lead=-25']);
    const fromScores = await run([]);
    expect(spaced.code).toBe(0);
    expect(result(spaced.out)).toEqual(result(joined.out));
    expect(result(spaced.out)).not.toEqual(result(fromScores.out)); // the lead counts: 12 from the scores
  });

  it('answers usage errors with exit 2 and names the problem', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['dict'])).code).toBe(2);
    expect((await cli(['nope'])).code).toBe(2);
    const unknown = await cli(['best', '--hand', 'A', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/bogus/);
    expect(unknown.err).toMatch(/wordgame best --help/);
    const j = await cli(['best', '--hand', 'A', '--bogus', '--json']);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: { code: 90500, name: 'USAGE' } });
    expect((await cli(['selfplay', '--seed', 'x'])).code).toBe(2);
  });

  it('prints one JSON document with ok: true exactly when the exit code is 0', async () => {
    const runs: string[][] = [
      ['dict', 'check', 'cat'],
      ['dict', 'check', 'qzxv'],
      ['dict', 'anagram', 'tinsel'],
      ['dict', 'pattern', 'ab#'],
      ['validate', '--hand', 'AT', '--move', '8H AT'],
      ['validate', '--hand', 'AT', '--move', '1A AT'],
      ['best', '--hand', 'CAT', '-n', '1'],
      ['boggle', 'new', '--seed', '1'],
      ['boggle', 'solve', 'ABCD/EFGH/IJKL/MNOP', '--limit', '2'],
      ['boggle', 'check', 'ABCD/EFGH/IJKL/MNOP', 'zzz'],
      ['gcg', 'replay', '/nonexistent.gcg'],
      ['demo'],
      ['dict', 'info', '/nonexistent.dawg'],
      ['board', '/nonexistent.txt'],
    ];
    for (const args of runs) {
      const r = await cli([...args, '--json']);
      const lines = r.out.trim().split('\n');
      expect([args.join(' '), lines.length]).toEqual([args.join(' '), 1]);
      const doc = JSON.parse(lines[0] as string) as { ok: boolean };
      expect([args.join(' '), doc.ok]).toEqual([args.join(' '), r.code === 0]);
      expect([args.join(' '), r.err]).toEqual([args.join(' '), '']);
    }
  });

  it('ends quietly when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dict', 'pattern', '*'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 30_000);
});
