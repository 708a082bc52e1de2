import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Code,
  EndgameLeaves,
  EndgameSolver,
  GameAnalyzer,
  MoveGenerator,
  VERDICT_THRESHOLDS,
  analysisReport,
  bestPlay,
  exportSelfPlay,
  leavePlayer,
  parseGcg,
  presetConfig,
  recordTurns,
  selfPlay,
  staticPlayer,
  verdictOf,
  type GameAnalysis,
} from 'wordgame-engine';
import { RecordAnalyzer, loadDefaultDictionary, loadDefaultLeaves } from 'wordgame-engine/node';
import { chromiumPath } from './chromium.js';
import { cli } from './cli-helpers.js';
import { unwrap } from './helpers.js';

const en = unwrap(presetConfig('en'));
const dictionary = unwrap(loadDefaultDictionary());
const leaves = unwrap(loadDefaultLeaves());
const dir = mkdtempSync(join(tmpdir(), 'wordgame-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shared = join(import.meta.dirname, '..', '..', 'shared', 'data', 'gcg');

/** A self-play game as a record: the learned-leaves player (with the endgame adjustment) against `other`. */
function record(seed: number, other = leavePlayer(en, leaves, { endgameEquity: true })): string {
  const game = unwrap(selfPlay(en, dictionary, [leavePlayer(en, leaves, { endgameEquity: true }), other], seed));
  return exportSelfPlay(game, ['leave', 'other'], en);
}

function analyzer(depth: 'static' | 'sim' | 'full' = 'static') {
  return unwrap(GameAnalyzer.create(en, dictionary, { depth, leaves, sim: { iterations: 40, candidates: 4 } }));
}

describe('game analysis', () => {
  it('grades by the win chance lost: the thresholds and their order', () => {
    expect(VERDICT_THRESHOLDS).toEqual({ inaccuracy: 0.05, mistake: 0.1, blunder: 0.15 });
    expect(verdictOf(0, 0)).toBe('best');
    expect(verdictOf(0, 0.5)).toBe('good');
    expect(verdictOf(0.049, 3)).toBe('good');
    expect(verdictOf(0.05, 3)).toBe('inaccuracy');
    expect(verdictOf(0.1, 3)).toBe('mistake');
    expect(verdictOf(0.15, 3)).toBe('blunder');
  });

  /** The oracle of the best static move: bestPlay by equity on the turn's position (the endgame adjustment once the bag is empty). */
  function expectBestIsBestPlay(text: string, analysis: GameAnalysis): void {
    const turns = unwrap(recordTurns(unwrap(parseGcg(text)), en));
    const gen = unwrap(MoveGenerator.create(en, dictionary));
    for (const t of analysis.turns) {
      const turn = turns[t.turn - 1]!;
      gen.setBoard(turn.board);
      const endgame = new EndgameLeaves(en);
      if (turn.bag === 0) endgame.setOpponent(turn.unseen!);
      const best = bestPlay(gen, turn.rack, { leaves: turn.bag === 0 ? endgame : leaves });
      if (t.best.kind === 'play') expect(t.best.placements).toEqual(best?.placements.map((p) => ({ ...p })));
      else expect(t.best.equity).toBeGreaterThan(best?.equity ?? -Infinity);
      expect(t.equityLoss).toBe(Math.max(0, t.best.equity - t.played.equity));
    }
  }

  it("finds no loss in the learned-leaves player's own games, and its best move is bestPlay's on every turn", () => {
    const a = analyzer();
    for (let seed = 1; seed <= 4; seed++) {
      const text = record(seed);
      const analysis = unwrap(a.analyze(unwrap(parseGcg(text))));
      expect(analysis.turns.length).toBeGreaterThan(15);
      for (const t of analysis.turns)
        expect([t.turn, t.equityLoss, t.played.rank, t.verdict]).toEqual([t.turn, 0, 1, 'best']);
      expectBestIsBestPlay(text, analysis);
    }
  });

  it("finds the static player's losses: equity lost, ranks below 1, missed bingos, each player's totals", () => {
    const analysis = unwrap(analyzer().analyze(unwrap(parseGcg(record(3, staticPlayer)))));
    const other = analysis.turns.filter((t) => t.player === 1);
    expect(other.some((t) => t.equityLoss > 0 && t.played.rank > 1)).toBe(true);
    expect(analysis.players[0]).toMatchObject({ name: 'leave', equityLost: 0, accuracy: 1 });
    const p1 = analysis.players[1]!;
    expect(p1.turns).toBe(other.length);
    expect(p1.equityLost).toBeCloseTo(
      other.reduce((s, t) => s + t.equityLoss, 0),
      9,
    );
    expect(Object.values(p1.verdicts).reduce((a, b) => a + b, 0)).toBe(p1.turns);
    expect(analysis.turns.every((t) => t.cgp.includes(' ld english;'))).toBe(true);
  });

  it("writes the record's #lexicon into each turn's CGP unless the options name one", () => {
    const text = record(2).replace(/^(#character-encoding.*\n)?/, (first) => `${first}#lexicon NWL20\n`);
    expect(unwrap(parseGcg(text)).lexicon).toBe('NWL20');
    const a = unwrap(analyzer().analyze(unwrap(parseGcg(text))));
    expect(a.turns.every((t) => t.cgp.endsWith(' ld english; lex NWL20;'))).toBe(true);
    const named = unwrap(GameAnalyzer.create(en, dictionary, { leaves, lexicon: 'ENABLE' }));
    expect(unwrap(named.analyze(unwrap(parseGcg(text)))).turns[0]?.cgp).toMatch(/ lex ENABLE;$/);
  });

  it('analyses only the players asked for', () => {
    const analysis = unwrap(analyzer().analyze(unwrap(parseGcg(record(2))), [1]));
    expect(analysis.turns.every((t) => t.player === 1)).toBe(true);
    expect(analysis.players[0]?.turns).toBe(0);
  });

  it("simulates the move played among the candidates, and solves the endgames exactly: their values are the solver's", () => {
    const text = record(5, staticPlayer);
    const analysis = unwrap(analyzer('full').analyze(unwrap(parseGcg(text))));
    const sims = analysis.turns.filter((t) => t.sim !== undefined);
    expect(sims.length).toBeGreaterThan(10);
    for (const t of sims) {
      if (t.played.kind === 'play') expect(t.sim?.played).toBeDefined();
      expect(t.sim?.top.length).toBeGreaterThan(0);
      expect(t.sim?.top.length).toBeLessThanOrEqual(5);
      expect(t.sim?.top[0]?.move).toBe(t.sim?.best.move);
    }
    const endgames = analysis.turns.filter((t) => t.endgame !== undefined);
    expect(endgames.length).toBeGreaterThan(0);
    const turns = unwrap(recordTurns(unwrap(parseGcg(text)), en));
    const solver = unwrap(EndgameSolver.create(en, dictionary));
    for (const t of endgames) {
      const turn = turns[t.turn - 1]!;
      const solved = unwrap(solver.solve(turn.board, [turn.rack, turn.unseen!], { maxNodes: 500_000 }));
      expect(t.endgame?.best.value).toBe(solved.value);
      expect(t.gradedBy).toBe('endgame');
    }
  });

  it('gives the same analysis on 1 and 2 worker threads', async () => {
    const text = record(6, staticPlayer);
    const runs: GameAnalysis[] = [];
    for (const workers of [1, 2]) {
      const a = RecordAnalyzer.create({ depth: 'sim', sim: { iterations: 24, candidates: 3 } }, workers);
      try {
        runs.push(unwrap(await a.analyze(text)));
      } finally {
        await a.close();
      }
    }
    expect(JSON.stringify(runs[1])).toBe(JSON.stringify(runs[0]));
  });

  it('returns a record that does not replay as BAD_RECORD with the line and the cause', () => {
    const text = record(7).replace(
      /^(>leave: \S+ \S+ \S+ \+)(\d+)/m,
      (_, head: string, score: string) => `${head}${Number(score) + 1}`,
    );
    const r = analyzer().analyze(unwrap(parseGcg(text)));
    expect(r.ok ? undefined : [r.error.code, typeof r.error.param]).toEqual([Code.BAD_RECORD, 'number']);
    expect(r.ok ? '' : r.error.cause).toMatch(/^the record does not replay: turn 1, line \d+/);
    expect(r.ok ? undefined : r.error.detail).toMatchObject({ turn: 1 });
  });

  it.skipIf(!existsSync(shared))(
    'analyses every real record of the shared corpus (or returns its replay error)',
    () => {
      const a = analyzer();
      let analysed = 0;
      for (const f of readdirSync(shared).filter((x) => x.endsWith('.gcg'))) {
        const parsed = parseGcg(readFileSync(join(shared, f), 'utf8'));
        if (!parsed.ok || parsed.value.config !== 'en') continue;
        const r = a.analyze(parsed.value);
        if (!r.ok) {
          expect(r.error.code).toBe(Code.BAD_RECORD);
          continue;
        }
        analysed++;
        expectBestIsBestPlay(readFileSync(join(shared, f), 'utf8'), r.value);
      }
      expect(analysed).toBeGreaterThan(80);
    },
  );

  it.skipIf(!existsSync(shared))(
    "solves the endgames of real records at depth full: each value is the endgame solver's",
    () => {
      const nodes = 20_000;
      const a = unwrap(
        GameAnalyzer.create(en, dictionary, {
          depth: 'full',
          leaves,
          sim: { iterations: 4, candidates: 2 },
          endgameNodes: nodes,
          pegNodes: 1_000,
        }),
      );
      const solver = unwrap(EndgameSolver.create(en, dictionary));
      let endgames = 0;
      for (const f of readdirSync(shared)
        .filter((x) => x.startsWith('woogles-io_liwords_josh_nationals_round_1'))
        .slice(0, 4)) {
        const text = readFileSync(join(shared, f), 'utf8');
        const analysis = unwrap(a.analyze(unwrap(parseGcg(text))));
        const turns = unwrap(recordTurns(unwrap(parseGcg(text)), en));
        for (const t of analysis.turns.filter((x) => x.endgame !== undefined)) {
          const turn = turns[t.turn - 1]!;
          const solved = unwrap(solver.solve(turn.board, [turn.rack, turn.unseen!], { maxNodes: nodes }));
          expect(t.endgame?.best.value).toBe(solved.value);
          endgames++;
        }
      }
      expect(endgames).toBeGreaterThan(3);
    },
  );
});

describe('wordgame analyze', () => {
  const file = join(dir, 'game.gcg');
  writeFileSync(file, record(8, staticPlayer));

  it('prints each turn and the totals, as JSON with --json, and resumes a folder', async () => {
    const text = await cli(['analyze', file]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/game\.gcg: leave vs other, depth static, \d+ turns/);
    expect(text.out).toMatch(/^leave: accuracy 100\.0 %/m);
    const json = await cli(['analyze', file, '--json']);
    const out = JSON.parse(json.out);
    expect(out.ok).toBe(true);
    expect(out.analyses[0].analysis.turns.length).toBeGreaterThan(15);
    const folder = join(dir, 'out');
    expect((await cli(['analyze', file, '--out', folder])).code).toBe(0);
    expect(existsSync(join(folder, 'game.html'))).toBe(true);
    // What is done is kept: a second run reads it back instead of analysing again.
    const kept = JSON.parse(readFileSync(join(folder, 'game.json'), 'utf8'));
    writeFileSync(join(folder, 'game.json'), JSON.stringify({ ...kept, depth: 'kept' }));
    const again = JSON.parse((await cli(['analyze', file, '--out', folder, '--json'])).out);
    expect(again.analyses[0].analysis.depth).toBe('kept');
    // A kept file that is not an analysis (cut short by a crash) is analysed again, not a crash.
    writeFileSync(join(folder, 'game.json'), '{"turns": [');
    const redone = JSON.parse((await cli(['analyze', file, '--out', folder, '--json'])).out);
    expect(redone.analyses[0].analysis.depth).toBe('static');
    expect((await cli(['analyze', file, '--depth', 'deep'])).code).toBe(2);
  });
});

if (chromiumPath === undefined) console.warn('analysis report test skipped: no Chromium found');

describe.skipIf(chromiumPath === undefined)('the HTML report in headless Chromium', () => {
  it('renders offline with no error, shows the counts of the JSON, and moves between turns with the keyboard', async () => {
    const analysis = unwrap(analyzer().analyze(unwrap(parseGcg(record(9, staticPlayer)))));
    const html = analysisReport(analysis, en, 'A <b>game</b>');
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html' }).end(req.url === '/' ? html : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath as string,
      args: ['--no-sandbox', '--headless=new'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const counts = JSON.parse((await page.textContent('#counts')) ?? '{}');
      const expected: Record<string, number> = { turns: analysis.turns.length };
      for (const t of analysis.turns) expected[t.verdict] = (expected[t.verdict] ?? 0) + 1;
      expect(counts).toEqual(expected);
      expect(await page.textContent('#title')).toBe('A <b>game</b>');
      expect(await page.locator('#board rect').count()).toBeGreaterThan(225);
      expect(await page.locator('#chart circle').count()).toBe(analysis.turns.length);
      expect(await page.textContent('#turn-title')).toMatch(/^Turn 1 /);
      await page.keyboard.press('ArrowRight');
      expect(await page.textContent('#turn-title')).toMatch(/^Turn 2 /);
      await page.keyboard.press('End');
      expect(await page.textContent('#turn-title')).toContain(`Turn ${analysis.turns.at(-1)?.turn} `);
      await page.screenshot({ path: join(dir, 'report.png') });
      expect(errors).toEqual([]);
      expect(requests).toEqual(['/']);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
