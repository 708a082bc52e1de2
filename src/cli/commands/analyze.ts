import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnalysisDepth, GameAnalysis } from '../../analysis/analyze.js';
import { analysisReport } from '../../analysis/report.js';
import { presetConfig } from '../../config/config.js';
import type { EngineError } from '../../errors/error.js';
import { RecordAnalyzer } from '../../node/analyze.js';
import { analyzeOnQueue } from '../../node/analysis-queue.js';
import type { Result } from '../../result.js';
import { decodeGcg, parseGcg } from '../../records/gcg.js';
import { CommandError, EXIT, UsageError, emit, intOption, progress, type Command } from '../framework.js';

const DEPTHS: readonly AnalysisDepth[] = ['static', 'sim', 'full'];

/** `wordgame analyze`. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary:
    "Analyses game records turn by turn: each move against the best by static equity, and with --depth sim or full against a simulation, exact endgames and pre-endgames; a verdict a turn (best, good, inaccuracy, mistake, blunder) and each player's accuracy; a standalone HTML report",
  args: 'FILE|FOLDER…',
  options: {
    depth: {
      type: 'string',
      default: 'static',
      describe: 'static, sim (also simulates each turn) or full (also solves endgames and pre-endgames)',
    },
    iterations: { type: 'string', default: '300', describe: 'simulation iterations a turn (sim and full)' },
    candidates: { type: 'string', default: '8', describe: 'simulated moves a turn besides the move played' },
    time: {
      type: 'string',
      describe: 'a simulation time budget a turn in milliseconds (the result then depends on the machine)',
    },
    players: {
      type: 'string',
      describe: 'the players whose turns are analysed: numbers from 1 or nicknames, comma-separated (default: all)',
    },
    workers: { type: 'string', default: '1', describe: 'worker threads (the analysis does not depend on it)' },
    seed: { type: 'string', default: '1', describe: 'seed of the simulations' },
    dict: { type: 'string', describe: 'a dictionary file with a GADDAG (default: the embedded English dictionary)' },
    out: {
      type: 'string',
      describe: 'a folder for one NAME.json and NAME.html a record; records already there are skipped (resumable)',
    },
    html: { type: 'string', describe: 'write the HTML report of the (one) record to this file' },
    queue: {
      type: 'string',
      describe: 'analyse on the workers of a BullMQ queue instead: redis://HOST:PORT (start them with wordgame worker)',
    },
  },
  examples: [
    'wordgame analyze game.gcg',
    'wordgame analyze game.gcg --depth full --iterations 30 --candidates 3 --html report.html',
    'wordgame analyze records/ --out analyses/ --workers 2 --json',
    'wordgame analyze records/ --depth sim --iterations 30 --out analyses/ --queue redis://10.0.0.5:6379',
  ],
  async run(ctx) {
    const { values } = ctx;
    if (ctx.positionals.length === 0) throw new UsageError('give GCG files or folders of them');
    const depth = String(values.depth) as AnalysisDepth;
    if (!DEPTHS.includes(depth)) throw new UsageError('--depth is static, sim or full');
    const files = ctx.positionals.flatMap((p) => {
      if (existsSync(p) && statSync(p).isDirectory())
        return readdirSync(p)
          .filter((f) => f.toLowerCase().endsWith('.gcg'))
          .sort()
          .map((f) => join(p, f));
      return [p];
    });
    if (typeof values.html === 'string' && files.length !== 1)
      throw new UsageError("--html writes one record's report: use --out for several");
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined) mkdirSync(out, { recursive: true });
    const timeMs = intOption(values, 'time', 1, 3_600_000);
    const workers = intOption(values, 'workers', 1, 64) ?? 1;
    const job = {
      depth,
      sim: {
        iterations: intOption(values, 'iterations', 1, 1_000_000) ?? 300,
        candidates: intOption(values, 'candidates', 1, 100) ?? 8,
        ...(timeMs === undefined ? {} : { timeMs }),
      },
      seed: intOption(values, 'seed', 0, 2 ** 32 - 1) ?? 1,
      ...(typeof values.dict === 'string' ? { dictionary: values.dict } : {}),
    };
    // Read every record first: the progress bar counts turns.
    const texts = files.map((file) => {
      try {
        return { file, text: decodeGcg(readFileSync(file)) };
      } catch (e) {
        return { file, error: (e as Error).message };
      }
    });
    // The bar counts the moves of the records (plays, passes, exchanges), as the analysis does.
    const total = texts.reduce((n, t) => {
      const r = t.text === undefined ? undefined : parseGcg(t.text);
      if (r?.ok !== true) return n;
      return n + r.value.events.filter((e) => e.kind === 'play' || e.kind === 'pass' || e.kind === 'exchange').length;
    }, 0);
    const queue = typeof values.queue === 'string' ? values.queue : undefined;
    if (queue !== undefined && workers > 1)
      throw new UsageError(
        '--workers and --queue do not go together: start workers on the machines with wordgame worker',
      );
    const bar = progress(
      ctx,
      'analyze',
      queue === undefined ? 'moves' : 'records',
      queue === undefined ? total : texts.length,
    );
    let done = 0;
    type Entry = { file: string; analysis?: GameAnalysis; error?: EngineError | { message: string } };
    const results: Entry[] = [];
    // Records kept from an earlier run, unreadable ones, and the ones to analyse now.
    const todo: { index: number; file: string; name: string; text: string; players: number[] | undefined }[] = [];
    for (const t of texts) {
      const name = basename(t.file).replace(/\.gcg$/i, '');
      const kept = out === undefined ? undefined : keptAnalysis(join(out, `${name}.json`));
      if (kept !== undefined) results.push({ file: t.file, analysis: kept });
      else if (t.text === undefined)
        results.push({ file: t.file, error: { message: `cannot read ${t.file}: ${t.error}` } });
      else {
        todo.push({
          index: results.length,
          file: t.file,
          name,
          text: t.text,
          players: playersOption(values.players, t.text),
        });
        results.push({ file: t.file });
      }
    }
    const finish = (item: (typeof todo)[number], r: Result<GameAnalysis, EngineError>) => {
      if (!r.ok) {
        results[item.index] = { file: item.file, error: r.error };
        if (!ctx.json && ctx.io.errIsTerminal !== true)
          ctx.io.err(`${item.file}: ${r.error.cause ?? r.error.message}\n`);
        return;
      }
      results[item.index] = { file: item.file, analysis: r.value };
      const config = presetConfig(r.value.config);
      const title = `${item.file}: ${r.value.players.map((p) => p.name).join(' vs ')}`;
      if (out !== undefined) {
        writeFileSync(join(out, `${item.name}.json`), JSON.stringify(r.value) + '\n');
        if (config.ok) writeFileSync(join(out, `${item.name}.html`), analysisReport(r.value, config.value, title));
      }
      if (typeof values.html === 'string' && config.ok)
        writeFileSync(values.html, analysisReport(r.value, config.value, title));
      if (!ctx.json && ctx.io.errIsTerminal !== true)
        ctx.io.err(`analysed ${item.file}: ${r.value.turns.length} turns\n`);
    };
    if (queue !== undefined) {
      const r = await analyzeOnQueue(
        todo.map((t) => ({ text: t.text, ...(t.players === undefined ? {} : { players: t.players }) })),
        job,
        queue,
        { onRecord: (n) => bar.update(n) },
      );
      bar.stop();
      if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
      todo.forEach((item, i) => finish(item, r.value[i] as Result<GameAnalysis, EngineError>));
    } else {
      const analyzer = RecordAnalyzer.create(job, workers);
      try {
        for (const item of todo)
          finish(item, await analyzer.analyze(item.text, item.players, () => bar.update(++done)));
      } finally {
        bar.stop();
        await analyzer.close();
      }
    }
    const failed = results.filter((r) => r.error !== undefined).length;
    if (ctx.json) {
      emit(ctx.io, { ok: failed === 0, analyses: results });
      return failed === 0 ? EXIT.OK : EXIT.FAILED;
    }
    for (const r of results)
      ctx.io.out(r.analysis === undefined ? `${r.file}: ${describe(r.error)}\n` : formatAnalysis(r.file, r.analysis));
    return failed === 0 ? EXIT.OK : EXIT.FAILED;
  },
};

/** An analysis kept in the output folder by an earlier run, or undefined (absent, or not an analysis: analysed again). */
function keptAnalysis(file: string): GameAnalysis | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const a = JSON.parse(readFileSync(file, 'utf8')) as Partial<GameAnalysis> | null;
    return a !== null && typeof a === 'object' && Array.isArray(a.turns) && Array.isArray(a.players)
      ? (a as GameAnalysis)
      : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: EngineError | { message: string } | undefined): string {
  if (error === undefined) return '';
  return 'code' in error ? `${error.code} ${error.cause ?? error.message}` : error.message;
}

/** The players of `--players` (numbers from 1 or nicknames) as 0-based indices, or undefined for all. */
function playersOption(option: unknown, text: string): number[] | undefined {
  if (typeof option !== 'string') return undefined;
  const record = parseGcg(text);
  const nicks = record.ok ? record.value.players.map((p) => p.nick.toLowerCase()) : [];
  const chosen = option.split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const c of chosen) {
    const byNumber = /^\d+$/.test(c) ? Number(c) - 1 : -1;
    const index = byNumber >= 0 ? byNumber : nicks.indexOf(c.toLowerCase());
    if (index < 0 || (record.ok && index >= record.value.players.length))
      throw new UsageError(`--players: ${JSON.stringify(c)} is no player of the record`);
    out.push(index);
  }
  return out;
}

/** A record's analysis as text: one line a turn, then each player's totals. */
function formatAnalysis(file: string, a: GameAnalysis): string {
  const names = a.players.map((p) => p.name);
  const lines = [`${file}: ${names.join(' vs ')}, depth ${a.depth}, ${a.turns.length} turns`];
  lines.push(
    [
      'turn',
      'player'.padEnd(12),
      'rack'.padEnd(8),
      'played'.padEnd(22),
      'best'.padEnd(22),
      'win lost',
      'eq lost',
      'verdict',
    ].join(' '),
  );
  for (const t of a.turns)
    lines.push(
      [
        String(t.turn).padStart(4),
        (names[t.player] ?? '').slice(0, 12).padEnd(12),
        t.rack.padEnd(8),
        `${t.played.move} ${t.played.score}`.padEnd(22),
        `${t.sim?.best.move ?? t.endgame?.best.move ?? t.best.move}`.padEnd(22),
        `${(100 * Math.max(0, t.winLoss)).toFixed(1)} %`.padStart(8),
        t.equityLoss.toFixed(1).padStart(7),
        t.verdict,
      ].join(' '),
    );
  for (const p of a.players)
    lines.push(
      `${p.name}: accuracy ${(100 * p.accuracy).toFixed(1)} %, equity lost ${p.equityLostPerTurn.toFixed(2)} a turn, ${p.verdicts.inaccuracy} inaccuracies, ${p.verdicts.mistake} mistakes, ${p.verdicts.blunder} blunders, ${p.missedBingos} missed bingos`,
    );
  for (const s of a.skipped) lines.push(`turn ${s.turn} (line ${s.line}) not analysed: ${s.reason}`);
  return lines.join('\n') + '\n\n';
}
