import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { FC, smallWord } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wordgame-'));

describe('wordgame dict', () => {
  it('builds a dictionary whose check --stdin agrees with the list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(smallWord, { maxLength: 40 }), fc.array(smallWord, { maxLength: 20 }), async (list, others) => {
        const listFile = join(dir, 'list.txt');
        const dictFile = join(dir, 'list.dawg');
        writeFileSync(listFile, list.join('\n') + '\n');
        const built = await cli(['dict', 'build', listFile, '-o', dictFile, '--json']);
        expect(built.code).toBe(0);
        const summary = JSON.parse(built.out) as Record<string, number>;
        expect(Object.keys(summary)).toEqual(expect.arrayContaining(['words', 'states', 'arcs', 'bytes']));
        expect(summary.words).toBe(new Set(list).size);
        const all = await cli(['dict', 'check', '--stdin', '--dict', dictFile], list.join('\n'));
        expect(all.out).toBe('');
        expect(all.code).toBe(0);
        const missing = others.filter((w) => !list.includes(w));
        const some = await cli(['dict', 'check', '--dict', dictFile, ...others]);
        expect(some.out).toBe(missing.map((w) => w + '\n').join(''));
        expect(some.code).toBe(missing.length > 0 ? 1 : 0);
      }),
      { ...FC, numRuns: 15 },
    );
  });

  it('keeps every word without --min/--max and filters with them', async () => {
    const listFile = join(dir, 'lengths.txt');
    writeFileSync(listFile, 'a\nab\nabc\nabcd\n');
    const all = JSON.parse((await cli(['dict', 'build', listFile, '-o', join(dir, 'l.dawg'), '--json'])).out) as { words: number };
    expect(all.words).toBe(4);
    const some = JSON.parse((await cli(['dict', 'build', listFile, '-o', join(dir, 'l2.dawg'), '--min', '2', '--max', '3', '--json'])).out) as { words: number };
    expect(some.words).toBe(2);
  });

  it('reports file information', async () => {
    const info = await cli(['dict', 'info', 'dictionaries/en.dawg', '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ version: 2, gaddag: true, alphabet: 'en' });
    const bad = join(dir, 'bad.dawg');
    writeFileSync(bad, 'not a dictionary');
    const r = await cli(['dict', 'info', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('90101 DICT_BAD_MAGIC');
  });

  it('checks words against the embedded dictionary by default', async () => {
    const r = await cli(['dict', 'check', 'hello', 'world', 'qzxv']);
    expect(r.out).toBe('qzxv\n');
    expect(r.code).toBe(1);
  });

  it('finds anagrams and patterns', async () => {
    expect((await cli(['dict', 'anagram', 'tinsel'])).out.split('\n')).toContain('LISTEN');
    expect((await cli(['dict', 'pattern', 'qu?ck'])).out.split('\n')).toEqual(expect.arrayContaining(['QUACK', 'QUICK']));
    const bad = await cli(['dict', 'anagram', 'ab#']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('90201');
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await cli(['dict'])).code).toBe(2);
    expect((await cli(['nope'])).code).toBe(2);
    expect((await cli(['dict', 'build', '--bogus'])).code).toBe(2);
  });

  it('runs the demo', async () => {
    const r = await cli(['demo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('anagrams of RETAINS');
  });
});
