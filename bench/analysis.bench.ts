/**
 * Game analysis: CPU time of a record's analysis after load, at static depth (every turn: the
 * best move by equity, the rank among every play, the missed bingo) and at sim depth with the
 * defaults (300 iterations, the move played and the 8 best), on self-play records (20-26 turns)
 * and, when the reference corpus is beside the project, on its 98 records at static depth. The
 * target: a 25-turn game well under 100 ms at static depth.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  GameAnalyzer,
  exportSelfPlay,
  leavePlayer,
  parseGcg,
  selfPlay,
  staticPlayer,
  type GcgRecord,
} from 'wordgame-engine';
import { loadDefaultLeaves } from 'wordgame-engine/node';
import { englishSetup, printTable, saveResults } from './common.js';

const cpuMs = (f: () => unknown): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function analysisBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const leaves = loadDefaultLeaves();
  if (!leaves.ok) throw new Error(leaves.error.message);
  const records: GcgRecord[] = [];
  for (let seed = 1; seed <= 8; seed++) {
    const game = selfPlay(config, dict, [leavePlayer(config, leaves.value), staticPlayer], seed);
    if (!game.ok) throw new Error(game.error.message);
    const r = parseGcg(exportSelfPlay(game.value, ['a', 'b'], config));
    if (!r.ok) throw new Error(r.error.message);
    records.push(r.value);
  }
  const rows: (string | number)[][] = [];
  const results: Record<string, number> = {};
  for (const depth of ['static', 'sim'] as const) {
    const analyzer = GameAnalyzer.create(config, dict, { depth, leaves: leaves.value });
    if (!analyzer.ok) throw new Error(analyzer.error.message);
    analyzer.value.analyze(records[0] as GcgRecord); // warm-up
    const perGame: number[] = [];
    const perTurn: number[] = [];
    for (const r of depth === 'static' ? [...records, ...records, ...records] : records.slice(0, 3)) {
      let turns = 0;
      const ms = cpuMs(() => {
        const a = analyzer.value.analyze(r);
        turns = a.ok ? a.value.turns.length : 0;
      });
      perGame.push((ms * 25) / turns);
      perTurn.push(ms / turns);
    }
    rows.push([depth, median(perTurn), median(perGame), depth === 'static' ? 100 / median(perGame) : '']);
    results[`${depth}MsPerTurn`] = median(perTurn);
    results[`${depth}MsPer25Turns`] = median(perGame);
  }
  printTable(
    'Game analysis, CPU ms after load (self-play records, median)',
    ['depth', 'ms a turn', 'ms a 25-turn game', '100 ms ÷ that'],
    rows,
  );
  const folder = join(process.cwd(), '..', 'shared', 'data', 'gcg');
  if (existsSync(folder)) {
    const analyzer = GameAnalyzer.create(config, dict, { depth: 'static', leaves: leaves.value });
    if (!analyzer.ok) throw new Error(analyzer.error.message);
    const texts = readdirSync(folder)
      .filter((f) => f.endsWith('.gcg'))
      .map((f) => parseGcg(readFileSync(join(folder, f), 'utf8')));
    let done = 0;
    const ms = cpuMs(() => {
      for (const t of texts) if (t.ok && t.value.config === 'en' && analyzer.value.analyze(t.value).ok) done++;
    });
    console.log(
      `\nthe reference corpus at static depth: ${done} of ${texts.length} records in ${(ms / 1000).toFixed(2)} s of CPU`,
    );
    results.corpusRecords = done;
    results.corpusCpuSeconds = ms / 1000;
  } else console.log('\ncorpus figure skipped: the reference data beside the project is absent');
  saveResults('analysis', results);
}
