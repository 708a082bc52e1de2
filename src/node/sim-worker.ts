/** A simulation worker thread: answers the driver's messages (see sim.ts), with the embedded dictionary and leaves as defaults. */
import { parentPort } from 'node:worker_threads';
import { type SimRequest, simWorkerHandler } from '../sim/parallel.js';
import { loadDefaultDictionary, loadDefaultLeaves } from './files.js';

const handle = simWorkerHandler({ dictionary: loadDefaultDictionary, leaves: loadDefaultLeaves });
parentPort?.on('message', (request: SimRequest) => parentPort?.postMessage(handle(request)));
