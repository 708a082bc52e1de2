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
      fc.asyncProperty(
        fc.array(smallWord, { maxLength: 40 }),
        fc.array(smallWord, { maxLength: 20 }),
        async (list, others) => {
          const listFile = join(dir, 'list.txt');
          const dictFile = join(dir, 'list.dawg');
          writeFileSync(listFile, list.join('\n') + '\n');
          const built = await cli(['dict', 'build', listFile, '-o', dictFile, '--json']);
          expect(built.code).toBe(0);
          const summary = JSON.parse(built.out) as {
            ok: boolean;
            words: number;
            dawg: { arcs: number };
            gaddag: null;
            arcs: number;
            bytes: number;
          };
          expect(summary).toMatchObject({ ok: true, words: new Set(list).size, gaddag: null });
          if (summary.words > 0) expect(summary.dawg.arcs).toBe(summary.arcs);
          const all = await cli(['dict', 'check', '--stdin', '--dict', dictFile], list.join('\n'));
          expect(all.out).toBe('');
          expect(all.code).toBe(list.length === 0 ? 2 : 0);
          const missing = others.filter((w) => !list.includes(w));
          if (others.length === 0) return;
          const some = await cli(['dict', 'check', '--dict', dictFile, ...others]);
          expect(some.out).toBe(missing.map((w) => w + '\n').join(''));
          expect(some.code).toBe(missing.length > 0 ? 1 : 0);
        },
      ),
      { ...FC, numRuns: 15 },
    );
  });

  it('keeps every word without --min/--max and filters with them', async () => {
    const listFile = join(dir, 'lengths.txt');
    writeFileSync(listFile, 'a\nab\nabc\nabcd\n');
    const all = JSON.parse((await cli(['dict', 'build', listFile, '-o', join(dir, 'l.dawg'), '--json'])).out) as {
      words: number;
    };
    expect(all.words).toBe(4);
    const some = JSON.parse(
      (await cli(['dict', 'build', listFile, '-o', join(dir, 'l2.dawg'), '--min', '2', '--max', '3', '--json'])).out,
    ) as { words: number };
    expect(some.words).toBe(2);
  });

  it('reports file information', async () => {
    const info = await cli(['dict', 'info', 'dictionaries/en.dawg', '--json']);
    expect(info.code).toBe(0);
    const j = JSON.parse(info.out) as { dawg: { arcs: number }; gaddag: { arcs: number }; arcs: number };
    expect(j).toMatchObject({ ok: true, version: 2, alphabet: { name: 'en' } });
    // The regions are labelled apart: the whole graph is smaller than DAWG + GADDAG (they share nodes).
    expect(j.arcs).toBeGreaterThan(j.gaddag.arcs);
    expect(j.arcs).toBeLessThan(j.dawg.arcs + j.gaddag.arcs);
    const text = (await cli(['dict', 'info', 'dictionaries/en.dawg'])).out;
    expect(text).toContain(`DAWG          `);
    expect(text).toContain(`${j.dawg.arcs} arcs`);
    expect(text).toContain(`${j.gaddag.arcs} arcs`);
    const bad = join(dir, 'bad.dawg');
    writeFileSync(bad, 'not a dictionary');
    const r = await cli(['dict', 'info', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('90101 DICT_BAD_MAGIC');
    expect(r.err).toContain(bad);
  });

  it('prints the same region sizes after a build as dict info does', async () => {
    const listFile = join(dir, 'regions.txt');
    writeFileSync(listFile, 'cat\ncats\ndog\ndogs\ncar\ncare\n');
    const file = join(dir, 'regions.dawg');
    const built = JSON.parse((await cli(['dict', 'build', listFile, '-o', file, '--gaddag', '--json'])).out) as {
      dawg: { nodes: number; arcs: number };
      gaddag: { nodes: number; arcs: number };
      arcs: number;
      bytes: number;
    };
    const info = JSON.parse((await cli(['dict', 'info', file, '--json'])).out) as typeof built;
    expect(info.dawg).toEqual({ nodes: built.dawg.nodes, arcs: built.dawg.arcs });
    expect(info.gaddag).toEqual({ nodes: built.gaddag.nodes, arcs: built.gaddag.arcs });
    expect([info.arcs, info.bytes]).toEqual([built.arcs, built.bytes]);
  });

  it('names the file it cannot read, with exit 2', async () => {
    const missing = join(dir, 'no-such-file.dawg');
    for (const args of [
      ['dict', 'info', missing],
      ['dict', 'check', 'cat', '--dict', missing],
      ['dict', 'build', missing, '-o', join(dir, 'x.dawg')],
    ]) {
      const r = await cli(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain('90106 FILE_UNREADABLE');
      expect(r.err).toContain(missing);
      const j = await cli([...args, '--json']);
      expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: { code: 90106, param: missing } });
    }
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, new Uint8Array([0x63, 0x61, 0x74, 0, 1, 2, 0xff]));
    const b = await cli(['dict', 'build', binary, '-o', join(dir, 'b.dawg')]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/binary/);
    const timed = JSON.parse(
      (await cli(['dict', 'build', join(dir, 'regions.txt'), '-o', join(dir, 't.dawg'), '--json', '--timings'])).out,
    ) as { ms: number };
    expect(typeof timed.ms).toBe('number');
  });

  it('checks words against the embedded dictionary by default', async () => {
    const r = await cli(['dict', 'check', 'hello', 'world', 'qzxv']);
    expect(r.out).toBe('qzxv\n');
    expect(r.code).toBe(1);
    expect(JSON.parse((await cli(['dict', 'check', 'hello', 'qzxv', '--json'])).out)).toEqual({
      ok: false,
      checked: 2,
      missing: ['qzxv'],
    });
    expect(JSON.parse((await cli(['dict', 'check', 'hello', '--json'])).out)).toEqual({
      ok: true,
      checked: 1,
      missing: [],
    });
    // Nothing to check is a usage error, not a success.
    expect((await cli(['dict', 'check'])).code).toBe(2);
    expect((await cli(['dict', 'check', '--stdin'], '\n')).code).toBe(2);
  });

  it('finds anagrams and patterns', async () => {
    expect((await cli(['dict', 'anagram', 'tinsel'])).out.split('\n')).toContain('LISTEN');
    expect((await cli(['dict', 'pattern', 'qu?ck'])).out.split('\n')).toEqual(
      expect.arrayContaining(['QUACK', 'QUICK']),
    );
    const bad = await cli(['dict', 'anagram', 'ab#']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('90201');
    expect(JSON.parse((await cli(['dict', 'pattern', 'qu?ck', '--json'])).out)).toMatchObject({
      ok: true,
      truncated: false,
    });
  });

  it('says when a limit cuts the output', async () => {
    const cut = await cli(['dict', 'pattern', '*', '--limit', '5']);
    expect(cut.out.trim().split('\n')).toHaveLength(5);
    expect(cut.err).toMatch(/output cut at 5 results \(--limit\)/);
    const j = JSON.parse((await cli(['dict', 'anagram', '??????????', '--sub', '--limit', '7', '--json'])).out) as {
      words: string[];
      truncated: boolean;
    };
    expect(j.words).toHaveLength(7);
    expect(j.truncated).toBe(true);
    // The default limit is 100,000, announced when reached.
    const all = await cli(['dict', 'pattern', '*']);
    expect(all.out.split('\n').length - 1).toBe(100_000);
    expect(all.err).toMatch(/output cut at 100000 results/);
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
    expect(JSON.parse((await cli(['demo', '--json'])).out)).toMatchObject({
      ok: true,
      has: { quixotic: true, zyzzyva: true },
    });
  });
});
