import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Code, type MatchSummary, parseCgp } from 'wordgame-engine';
import { type AutoplayJob, type MatchJob, externalEngine, runAutoplay, runMatch } from 'wordgame-engine/node';
import { cli } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wordgame-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An external engine of the test fixtures (a scripted, mostly broken, program). */
const scripted = (...args: string[]) => `cmd:${process.execPath} test/fixtures/engines/scripted.mjs ${args.join(' ')}`;

/** The autoplay part of a match summary. */
function autoplayPart(s: MatchSummary): unknown {
  const { voided: _v, illegal: _i, msPerMove: _m, ...rest } = s;
  return rest;
}

async function match(job: Partial<MatchJob> & Pick<MatchJob, 'engines'>, log?: string) {
  return runMatch({ pairs: 2, seed: 1, graceMs: 500, ...job }, log === undefined ? {} : { log });
}

async function autoplay(job: AutoplayJob) {
  const r = await runAutoplay(job);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('wordgame match: built-in engines', () => {
  it.each([
    ['leave', 'static'],
    ['leave+endgame:2000', 'leave'],
  ] as const)("gives autoplay's result for the same seed (%s vs %s)", async (a, b) => {
    const m = await match({ engines: [a, b], pairs: 6, seed: 11 });
    if (!m.ok) throw new Error(m.error.message);
    expect(autoplayPart(m.value)).toEqual(await autoplay({ players: [a, b], pairs: 6, seed: 11 }));
    expect(m.value).toMatchObject({ voided: 0, illegal: [0, 0] });
  });

  it('a simulating player plays within its time budget', async () => {
    const m = await match({ engines: ['sim:100000:5', 'leave'], pairs: 1, budgetMs: 40 });
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.games).toBe(2);
    expect(m.value.msPerMove[0]).toBeLessThan(400);
  });

  it('refuses an unknown player with BAD_QUERY', async () => {
    const m = await match({ engines: ['leave', 'grandmaster'] });
    expect(m.ok ? 0 : m.error.code).toBe(Code.BAD_QUERY);
  });
});

describe('wordgame match: external engines', () => {
  it("plays an external program (the best-play example over the protocol) as the built-in static player: autoplay's result", async () => {
    const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs');
    const m = await match({
      engines: ['static', `cmd:${process.execPath} ${tsx} examples/engines/best-play.ts`],
      pairs: 2,
      seed: 3,
      graceMs: 30_000,
    });
    if (!m.ok) throw new Error(m.error.message);
    expect(autoplayPart(m.value)).toEqual(await autoplay({ players: ['static', 'static'], pairs: 2, seed: 3 }));
  });

  it("gives each engine its own view as CGP: its rack only, the opponent's last move, the budget", async () => {
    const file = join(dir, 'seen.txt');
    const m = await match({ engines: ['leave', scripted('record', file)], pairs: 1, budgetMs: 50, lexicon: 'TEST' });
    if (!m.ok) throw new Error(m.error.message);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    let withoutLastMove = 0;
    for (const line of lines) {
      const read = parseCgp(line);
      if (!read.ok) throw new Error(`${read.error.message}: ${line}`);
      const { position } = read.value;
      expect(position.racks).toHaveLength(2);
      expect(position.racks[0]?.length).toBeGreaterThan(0);
      expect(position.racks[1]).toEqual([]);
      const opcodes = position.operations.map((o) => o.opcode);
      if (!opcodes.includes('lm')) withoutLastMove++;
      expect(opcodes.filter((o) => o !== 'lm')).toEqual(['ld', 'lex', 'mt']);
      expect(position.operations.find((o) => o.opcode === 'mt')?.operand).toBe('50');
    }
    // Only the opening of game 2, where the engine moves first, has no last move.
    expect(withoutLastMove).toBe(1);
    // In game 1 the engine moves second: its first line shows the built-in player's opening.
    expect(lines[0]).toMatch(/ lm (\d+[A-O]|[A-O]\d+) [A-Za-z.]+;/);
  });

  it('counts a phony as an illegal move (60108 in the log) and the turn is lost', async () => {
    const log = join(dir, 'phony.jsonl');
    const m = await match({ engines: [scripted('phony'), 'static'], pairs: 1 }, log);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.illegal).toEqual([1, 0]);
    const pair = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[1] as string);
    expect(pair.games[0].illegal).toEqual([expect.objectContaining({ turn: 1, code: Code.INCORRECT_WORDS })]);
    expect(pair.games[0].moves[0]).toMatch(/^8B /);
  });

  it.each(['garbage', 'illegal'])('answers of a %s engine are illegal moves: each costs its turn', async (mode) => {
    const m = await match({ engines: ['static', scripted(mode)] });
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.illegal[0]).toBe(0);
    expect(m.value.illegal[1]).toBeGreaterThan(10);
    expect(m.value.wins).toBe(4);
    expect(m.value.voided).toBe(0);
  });

  it('ignores comment and empty lines', async () => {
    const m = await match({ engines: ['static', scripted('noisy')] });
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value).toMatchObject({ illegal: [0, 0], voided: 0, games: 4 });
  });

  it.each([
    ['silent', ['silent'], 'timeout'],
    ['crashing', ['crash', '3'], 'crash'],
    ['line-flooding', ['long'], 'protocol'],
  ])('voids the pairs of a %s engine, restarts it, and stops after 3 voided pairs in a row', async (_, args, kind) => {
    const log = join(dir, `void-${kind}.jsonl`);
    const m = await match({ engines: ['static', scripted(...args)], pairs: 5, graceMs: 300 }, log);
    expect(m.ok ? 0 : m.error.code).toBe(Code.ENGINE_FAILED);
    const records = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(3);
    for (const r of records) expect(r.void).toContain(`: ${kind} at turn`);
  });

  it('goes on after a crash: the engine is restarted and only its pair is voided', async () => {
    const marker = join(dir, 'crashed-once');
    const m = await match({ engines: ['static', scripted('crash-once', marker, '4')], pairs: 3 });
    if (!m.ok) throw new Error(m.error.message);
    expect(existsSync(marker)).toBe(true);
    expect(m.value).toMatchObject({ voided: 1, pairs: 2, games: 4 });
  });

  it('reports a program that cannot be started as ENGINE_FAILED, and cmd: without one as BAD_QUERY', async () => {
    const m = await match({ engines: ['static', 'cmd:/nonexistent/engine --fast'] });
    expect(m.ok ? undefined : [m.error.code, m.error.param]).toEqual([
      Code.ENGINE_FAILED,
      '/nonexistent/engine --fast',
    ]);
    const none = await match({ engines: ['static', 'cmd: '] });
    expect(none.ok ? undefined : none.error.code).toBe(Code.BAD_QUERY);
    // spawn throws at once for an empty program name: an error value, not a throw.
    const empty = await externalEngine({ command: '' });
    expect(empty.ok ? undefined : empty.error.code).toBe(Code.ENGINE_FAILED);
  });
});

describe('wordgame match: the log', () => {
  const job = { engines: ['leave', 'static'], pairs: 4, seed: 9 } as const;

  it('resumes a match cut short (a torn last line played again) to the result of an uninterrupted one', async () => {
    const whole = await match(job, join(dir, 'whole.jsonl'));
    if (!whole.ok) throw new Error(whole.error.message);
    const lines = readFileSync(join(dir, 'whole.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(6); // the header, 4 pairs, the final newline
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, lines.slice(0, 3).join('\n') + '\n' + (lines[3] as string).slice(0, 40));
    const resumed = await match(job, cut);
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(autoplayPart(resumed.value)).toEqual(autoplayPart(whole.value));
    const pairs = (text: string) => text.split('\n').map((l) => l.replace(/"ms":\[[^\]]*\]/, ''));
    expect(pairs(readFileSync(cut, 'utf8'))).toEqual(pairs(lines.join('\n')));
  });

  it('lengthens a match: more pairs with the same log play only the new ones', async () => {
    const log = join(dir, 'longer.jsonl');
    await match({ ...job, pairs: 2 }, log);
    const longer = await match(job, log);
    const once = await match(job);
    if (!longer.ok || !once.ok) throw new Error('a match failed');
    expect(autoplayPart(longer.value)).toEqual(autoplayPart(once.value));
  });

  it('refuses the log of another match, and a log line that is not a pair', async () => {
    const log = join(dir, 'other.jsonl');
    await match({ ...job, pairs: 1 }, log);
    const other = await match({ ...job, seed: 10 }, log);
    expect(other.ok ? 0 : other.error.code).toBe(Code.BAD_QUERY);
    writeFileSync(log, readFileSync(log, 'utf8') + '{"pair":"x"}\n');
    const broken = await match(job, log);
    expect(broken.ok ? '' : broken.error.cause).toContain('line 3 is not a pair record');
  });
});

describe('wordgame match: the command', () => {
  it('prints the summary (JSON with --json) and takes exactly two engines', async () => {
    const r = await cli(['match', 'leave', 'static', '--games', '4', '--seed', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ ok: true, engines: ['leave', 'static'], games: 4, voided: 0, illegal: [0, 0] });
    const text = await cli(['match', 'leave', 'static', '--games', '2']);
    expect(text.out).toMatch(/^leave vs static: 2 games \(1 mirrored pairs\), seed 1\nleave wins/);
    expect(text.out).toContain('illegal moves leave 0, static 0');
    expect((await cli(['match', 'leave'])).code).toBe(2);
  });
});
