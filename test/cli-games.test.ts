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
    expect(r.out).toContain('turn player     rack     move                   score total\n');
    expect(r.out).toMatch(/the tiles left on the racks: static#1 [+-]?\d+, leave#2 [+-]?\d+ \(/);
    expect(r.out).toMatch(/Final scores: static#1 -?\d+, leave#2 -?\d+/);
    const j = JSON.parse((await cli(['selfplay', '--seed', '5', '--json'])).out) as {
      ok: boolean;
      seed: number;
      turns: unknown[];
      scores: number[];
    };
    expect(j).toMatchObject({ ok: true, seed: 5 });
    expect(j.turns.length).toBeGreaterThan(5);
    // Deterministic: the same seed gives the same document (timings only with --timings).
    expect((await cli(['selfplay', '--seed', '5', '--json'])).out).toBe(JSON.stringify(j) + '\n');
    expect(JSON.parse((await cli(['selfplay', '--seed', '5', '--json', '--timings'])).out)).toHaveProperty('ms');
    // The Spanish board over the English dictionary is refused (it used to play [RR]OMS).
    const es = await cli(['selfplay', '--config', 'es', '--seed', '1', '--json']);
    expect(es.code).toBe(2);
    expect(JSON.parse(es.out)).toMatchObject({ ok: false, error: { code: 90202 } });
  });

  it('warns when the dictionary is of another language than the game (the lexicon-language check)', async () => {
    const fr = await cli(['selfplay', '--config', 'fr', '--seed', '5', '--json']);
    expect(fr.code).toBe(0);
    expect(fr.err).toBe(
      "wordgame selfplay: warning: the game is in alphabet fr and the dictionary in en: words are checked against a dictionary of another language (--dict FILE names one of the game's)\n",
    );
    expect(JSON.parse(fr.out)).toMatchObject({ ok: true }); // the JSON on stdout is unchanged
    expect((await cli(['selfplay', '--config', 'wwf', '--seed', '5'])).err).toBe('');
    expect((await cli(['best', '--hand', 'AEINRST', '--config', 'de'])).err).toContain('alphabet de');
  });

  it('lists the best plays of a hand as JSON', async () => {
    const r = await cli(['best', '--hand', 'AEINRST', '-n', '3', '--json']);
    const j = JSON.parse(r.out) as {
      ok: boolean;
      plays: { move: string; score: number; words: string[] }[];
      count: number;
      truncated: boolean;
    };
    expect(j).toMatchObject({ ok: true, count: 2178, truncated: true });
    expect(j.plays).toHaveLength(3);
    expect(j.plays[0]).toEqual({ move: '8B ANESTRI', score: 66, words: ['ANESTRI'] });
    const all = JSON.parse((await cli(['best', '--hand', 'AEINRST', '--all', '--json'])).out) as {
      plays: unknown[];
      truncated: boolean;
    };
    expect([all.plays.length, all.truncated]).toEqual([2178, false]);
    expect((await cli(['best', '--hand', 'AEINRST', '--all', '-n', '3'])).code).toBe(2);
    expect((await cli(['best', '--hand', 'AEINRSTAEINRST'])).code).toBe(2);
  });

  it('exports a self-play game as GCG and replays it with every score matching', async () => {
    const gcg = await cli(['gcg', 'export', '--seed', '6']);
    expect(gcg.out).toMatch(/^#character-encoding UTF-8\n#player1 static static/);
    const file = join(dir, 'game.gcg');
    writeFileSync(file, gcg.out);
    const r = await cli(['gcg', 'replay', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      files: [{ file, ok: true, findings: [] }],
      summary: { files: 1, clean: 1 },
    });
    expect(gcg.out).toContain('#description Created with wordgame-engine (self-play, seed 6)');
    expect(JSON.parse((await cli(['gcg', 'export', '--seed', '6', '--json'])).out)).toEqual({
      ok: true,
      seed: 6,
      gcg: gcg.out,
    });
    writeFileSync(
      file,
      gcg.out.replace(/\+(\d+) (\d+)\n/, (_m, s: string, t: string) => `+${Number(s) + 1} ${Number(t) + 1}\n`),
    );
    const bad = await cli(['gcg', 'replay', file, '--permissive']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/: score: .* \(recorded \d+, engine \d+\)/);
    expect(bad.out).not.toMatch(/NaN/);
  });

  it('autoplay --timings gives games per second of wall time and per CPU-second', async () => {
    const r = JSON.parse((await cli(['autoplay', '--games', '4', '--json', '--timings'])).out);
    expect(r).toMatchObject({ ok: true, games: 4 });
    expect(r.cpuSeconds).toBeGreaterThan(0);
    expect(r.gamesPerCpuSecond).toBeCloseTo(4 / r.cpuSeconds, 6);
    const plain = JSON.parse((await cli(['autoplay', '--games', '4', '--json'])).out);
    expect(plain).not.toHaveProperty('cpuSeconds');
  });

  it('ranks by equity with --leaves (the shipped table) or --klv FILE', async () => {
    const byScore = JSON.parse((await cli(['best', '--hand', 'EINRSTX', '-n', '1', '--json'])).out);
    expect(byScore.plays[0]).not.toHaveProperty('equity');
    const r = JSON.parse((await cli(['best', '--hand', 'EINRSTX', '-n', '20', '--leaves', '--json'])).out);
    const equities = (r.plays as { equity: number; score: number }[]).map((p) => p.equity);
    expect(equities).toEqual([...equities].sort((a, b) => b - a));
    // Keeping EIRST (8F NIX 20) beats the highest score (8D EXIST 26): the best play by equity is not the best by score.
    expect(r.plays[0].score).toBeLessThan(byScore.plays[0].score);
    const klv = JSON.parse(
      (await cli(['best', '--hand', 'EINRSTX', '-n', '20', '--klv', 'dictionaries/en.klv2', '--json'])).out,
    );
    expect(klv.plays).toEqual(r.plays);
    expect((await cli(['best', '--hand', 'EINRSTX', '--klv', join(dir, 'missing.klv2')])).code).toBe(2);
  });

  it("notes a phony challenged off without failing the record, and names the record's lexicon and the dictionary used", async () => {
    const file = join(dir, 'challenged.gcg');
    writeFileSync(
      file,
      '#player1 a Ann\n#player2 b Bob\n#lexicon NWL20\n>a: AEINRST 8G AEI +6 6\n>a: AEINRST -- -6 0\n>b: ACDGOST 8F DOG +10 10\n',
    );
    const r = await cli(['gcg', 'replay', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  note: line 4: phony-withdrawn: INCORRECT_WORDS AEI');
    expect(r.out).toContain(
      '  words checked against the embedded English dictionary; the record names the lexicon NWL20',
    );
  });

  it('replays many files, one of them missing, with one result each and a summary', async () => {
    const good = join(dir, 'good.gcg');
    writeFileSync(good, (await cli(['gcg', 'export', '--seed', '2'])).out);
    const phony = join(dir, 'phony.gcg');
    writeFileSync(
      phony,
      (await cli(['gcg', 'export', '--seed', '2'])).out.replace(/^(>static: \S+ \S+ )(\S+)/m, '$1QZXQZX'),
    );
    const missing = join(dir, 'missing.gcg');
    const r = await cli(['gcg', 'replay', good, missing, phony, '--json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as {
      ok: boolean;
      files: { file: string; ok: boolean; error?: { code: number } }[];
      summary: unknown;
    };
    expect(j.ok).toBe(false);
    expect(j.files.map((f) => [f.file, f.ok])).toEqual([
      [good, true],
      [missing, false],
      [phony, false],
    ]);
    expect(j.files[1]?.error?.code).toBe(90106);
    expect(j.summary).toEqual({ files: 3, clean: 1, mismatched: 1, unreadable: 1 });
    const text = await cli(['gcg', 'replay', good, missing, phony]);
    expect(text.out).toMatch(/3 files: 1 clean, 1 with problems, 1 unreadable/);
    expect(text.err).toContain(missing);
    expect(text.out).not.toMatch(/NaN/);
    expect((await cli(['gcg', 'replay', good, '--permissive', '--dict', 'dictionaries/en.dawg'])).code).toBe(2);
  });

  it('plays duplicate and anagram games through the engine', async () => {
    const d = await cli(['duplicate', '--seed', '3', '--players', '2']);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/turn\s+1\s+top /);
    expect(d.out).toMatch(/game over/);
    const a = await cli(['anagram-game', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/game over \(the last turn is over\)/);
    const dj = JSON.parse((await cli(['duplicate', '--seed', '3', '--players', '2', '--json'])).out) as {
      ok: boolean;
      turns: unknown[];
      scores: unknown[];
    };
    expect(dj.ok).toBe(true);
    expect(dj.turns.length).toBeGreaterThan(3);
    expect(dj.scores).toHaveLength(2);
  });
});
