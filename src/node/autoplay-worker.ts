/** An autoplay worker thread: plays its shard of pairs (see autoplay.ts) and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { playPairs } from '../autoplay/autoplay.js';
import { type AutoplayJob, prepareJob } from './autoplay.js';

const { job, from, to } = workerData as { job: AutoplayJob; from: number; to: number };
const prepared = prepareJob(job);
if (!prepared.ok) parentPort?.postMessage({ error: prepared.error });
else {
  let pending = 0;
  const pairs = playPairs(prepared.value, job.seed, from, to, () => {
    if (++pending === 16) {
      parentPort?.postMessage({ done: pending });
      pending = 0;
    }
  });
  if (pending > 0) parentPort?.postMessage({ done: pending });
  parentPort?.postMessage({ pairs });
}
