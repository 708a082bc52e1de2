/** An analysis worker thread: analyses the turns of records it is sent (see analyze.ts) and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { GameAnalyzer } from '../analysis/analyze.js';
import { parseGcg } from '../records/gcg.js';
import { type AnalyzeJob, prepareAnalyzer } from './analyze.js';

const { job } = workerData as { job: AnalyzeJob };
const analyzers = new Map<string, GameAnalyzer>();

parentPort?.on('message', (task: { text: string; indices: readonly number[] }) => {
  const record = parseGcg(task.text);
  if (!record.ok) return parentPort?.postMessage({ error: record.error });
  let analyzer = analyzers.get(record.value.config);
  if (analyzer === undefined) {
    const made = prepareAnalyzer(job, record.value.config);
    if (!made.ok) return parentPort?.postMessage({ error: made.error });
    analyzer = made.value;
    analyzers.set(record.value.config, analyzer);
  }
  const turns = analyzer.turns(record.value);
  if (!turns.ok) return parentPort?.postMessage({ error: turns.error });
  const out = [];
  for (const i of task.indices) {
    const one = analyzer.analyzeTurns(record.value, [i], turns.value);
    if (!one.ok) return parentPort?.postMessage({ error: one.error });
    out.push(...one.value);
    parentPort?.postMessage({ done: 1 });
  }
  parentPort?.postMessage({ turns: out });
});
