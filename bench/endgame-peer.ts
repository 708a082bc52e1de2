/**
 * MAGPIE's endgame solver on one position, through `mpend` (bench/peers/mpend.c, our harness over
 * MAGPIE's API, built outside the project by bench/peers/mpend.sh): for the endgame benchmark's
 * side-by-side run (`ENDGAME_PEER=OUT/mpend`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/** One completed depth of MAGPIE's iterative deepening. */
export interface PeerDepth {
  readonly depth: number;
  /** The spread change for the side to move at this depth. */
  readonly value: number;
  /** Process CPU time since the solve started, when this depth completed. */
  readonly cpuMs: number;
  readonly nodes: number;
}

/** What MAGPIE did with a position: each depth it completed, its total CPU time and nodes. */
export interface PeerEndgame {
  readonly depths: readonly PeerDepth[];
  readonly cpuMs: number;
  readonly nodes: number;
}

/**
 * Runs `mpend` on a CGP with a wall-time deadline of `seconds` (MAGPIE's own; one thread, so
 * about its CPU time on an idle core). Undefined when the harness fails.
 */
export function magpieEndgame(peer: string, cgp: string, seconds: number): PeerEndgame | undefined {
  const data = join(dirname(peer), 'magpie', 'data');
  // MAGPIE stops itself at the deadline; the timeout only guards against a harness that hangs.
  const run = spawnSync(peer, [data, cgp, String(seconds)], { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  if (run.status !== 0) return undefined;
  const depths: PeerDepth[] = [];
  let done: PeerEndgame | undefined;
  for (const line of run.stdout.split('\n')) {
    const m = /^(depth|done depth) (\d+) value (-?\d+) cpu_ms ([\d.]+) nodes (\d+)$/.exec(line);
    if (m === null) continue;
    const d = { depth: Number(m[2]), value: Number(m[3]), cpuMs: Number(m[4]), nodes: Number(m[5]) };
    if (m[1] === 'depth') depths.push(d);
    else done = { depths, cpuMs: d.cpuMs, nodes: d.nodes };
  }
  return done;
}

/**
 * Whether MAGPIE solved the position within `limitMs` of CPU: it completed a depth at least the
 * one at which the project's search became exact (every line of the proof ends by then), in time.
 */
export function peerSolvedWithin(peer: PeerEndgame, exactDepth: number, limitMs: number): PeerDepth | undefined {
  return peer.depths.find((d) => d.depth >= exactDepth && d.cpuMs <= limitMs);
}
