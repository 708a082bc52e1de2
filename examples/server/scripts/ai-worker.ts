/**
 * The load script's move search, in a worker thread: the clients' event loop only sends and
 * receives, so a search never delays the timing of an answer. Receives `{ id, board, hand }`
 * (the board's rows, the hand's letters), answers `{ id, move, notation }` (a play request, or a
 * pass when there is no play; no move when the board or hand cannot be read).
 */
import { parentPort } from 'node:worker_threads';
import { moveInput } from 'wordgame-engine';
import { bestFor, config } from './best-play.js';

parentPort?.on('message', ({ id, board, hand }: { id: number; board: string[]; hand: string }) => {
  const { readable, best } = bestFor(board, hand);
  if (!readable) return parentPort?.postMessage({ id });
  parentPort?.postMessage({ id, move: best === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(best.placements, config) }, notation: best?.notation });
});
