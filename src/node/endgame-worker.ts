/** An endgame worker thread: searches its shard of the root (see endgame.ts) and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { type EndgameJob, solveEndgameShard } from './endgame.js';

const { job, index, count } = workerData as { job: EndgameJob; index: number; count: number };
parentPort?.postMessage(solveEndgameShard(job, index, count));
