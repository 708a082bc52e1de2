import type { Worker } from 'node:worker_threads';
import type { EngineError } from '../errors/error.js';
import type { Result } from '../result.js';
import { type SimJob, type SimPort, type SimReply, prepareSimJob, simulateOnPorts } from '../sim/parallel.js';
import type { SimResult } from '../sim/tally.js';
import type { SimOptions } from '../sim/options.js';
import { startWorker } from './autoplay.js';
import { loadDefaultDictionary, loadDefaultLeaves } from './files.js';

/**
 * Simulates a job on `workers` worker threads (`node:worker_threads`, started for the call and
 * ended after it; 1: in this thread). The dictionary and leave table default to the embedded
 * ones. The result is the same whatever the number of workers (unless a time limit stops it).
 */
export async function simulateOnWorkers(
  job: SimJob,
  workers = 1,
  onProgress?: SimOptions['onProgress'],
): Promise<Result<SimResult, EngineError>> {
  if (workers <= 1) {
    const run = prepareSimJob(job, { dictionary: loadDefaultDictionary, leaves: loadDefaultLeaves }, onProgress);
    if (!run.ok) return run;
    return { ok: true, value: run.value.runToEnd() };
  }
  const threads: Worker[] = Array.from({ length: Math.min(64, Math.trunc(workers)) }, () =>
    startWorker('sim-worker', undefined),
  );
  const ports: SimPort[] = threads.map((w) => ({
    post: (request) => w.postMessage(request),
    listen: (onReply, onFailure) => {
      w.on('message', (reply: SimReply) => onReply(reply));
      w.on('error', onFailure);
      w.on('exit', (code) => code !== 0 && onFailure(`exit code ${code}`));
    },
  }));
  try {
    return await simulateOnPorts(job, ports, onProgress);
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}
