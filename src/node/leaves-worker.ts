/** A leave-learning worker thread: plays its shard of a generation (see leaves.ts) and posts the statistics. */
import { parentPort, workerData } from 'node:worker_threads';
import { type LeavesShard, playLeavesShard } from './leaves.js';

let pending = 0;
const r = playLeavesShard(workerData as LeavesShard, () => {
  if (++pending === 32) {
    parentPort?.postMessage({ games: pending });
    pending = 0;
  }
});
if (pending > 0) parentPort?.postMessage({ games: pending });
parentPort?.postMessage(r.ok ? { stats: r.value } : { error: r.error });
