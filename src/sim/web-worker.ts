/**
 * `wordgame-engine/sim-worker`: the script of a simulation Web Worker (module worker). It answers
 * the driver's messages ({@link simulateInWorkers}); the job brings the dictionary and leave bytes.
 *
 * @module
 */
import { type SimRequest, simWorkerHandler } from './parallel.js';

interface WorkerScope {
  onmessage: ((event: { data: SimRequest }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = simWorkerHandler();
scope.onmessage = (event) => scope.postMessage(handle(event.data));
