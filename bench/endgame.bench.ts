/**
 * Real endgames: in each record of the reference corpus (kept beside the project, not in it), the
 * first and the second position after the bag empties, the opponent's rack being the unseen tiles,
 * solved under ENABLE on one thread with a time limit. Prints how many are solved exactly within
 * 1 s and 5 s of CPU time, the time distribution and the nodes a second of CPU (ENDGAME_CLOCK=wall: wall time;
 * ENDGAME_NODES=N: a node budget instead, to compare two versions of the search on any machine).
 * ENDGAME_PEER=OUT/mpend (bench/peers/mpend.sh) runs MAGPIE's solver on each position right after
 * the project's, the two taking turns, and prints both side by side (see docs/endgames.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALPHABETS, Board, presetConfig, type Tile, Dictionary, EndgameSolver, formatCgp } from 'wordgame-engine';
import { cpuTimeMs } from 'wordgame-engine/node';
import { printTable, recordTurns, saveResults } from './common.js';
import { magpieEndgame, peerSolvedWithin, type PeerEndgame } from './endgame-peer.js';

const shared = join(process.cwd(), '..', 'shared', 'data');

export interface EndgamePosition {
  readonly id: string;
  readonly board: Board;
  readonly rack: Tile[];
  readonly opponent: Tile[];
}

/** The first two positions after the bag empties in each record. */
export function realEndgames(): EndgamePosition[] {
  const out: EndgamePosition[] = [];
  const found = new Map<string, number>();
  for (const t of recordTurns(join(shared, 'gcg'))) {
    const k = found.get(t.record) ?? 0;
    if (k >= 2 || t.unseen.length > 7 || t.unseen.length === 0) continue;
    out.push({ id: `${t.record}#${k + 1}`, board: t.board, rack: t.rack, opponent: t.unseen });
    found.set(t.record, k + 1);
  }
  return out;
}

export async function endgameBench(): Promise<void> {
  if (!existsSync(join(shared, 'enable1.txt'))) {
    console.log('endgame benchmark skipped: the reference data beside the project is absent');
    return;
  }
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no en');
  const built = Dictionary.build(readFileSync(join(shared, 'enable1.txt'), 'utf8'), ALPHABETS.en, { gaddag: true });
  if (!built.ok) throw new Error(built.error.message);
  const solver = EndgameSolver.create(config.value, built.value.dictionary);
  if (!solver.ok) throw new Error(solver.error.message);
  // ENDGAME_IDS=FILE: only the positions listed (one id a line), e.g. those a 5 s run left unsolved.
  const only =
    process.env.ENDGAME_IDS === undefined
      ? undefined
      : new Set(
          readFileSync(process.env.ENDGAME_IDS, 'utf8')
            .split('\n')
            .filter((l) => l !== ''),
        );
  const positions = realEndgames().filter((p) => only === undefined || only.has(p.id));
  const limit = Number(process.env.ENDGAME_SECONDS ?? 5);
  // ENDGAME_NODES=N: a node budget instead of a time limit, so two versions of the search compare
  // on any machine, however loaded (the count solved and the nodes they took are deterministic).
  const budget = process.env.ENDGAME_NODES === undefined ? undefined : Number(process.env.ENDGAME_NODES);
  let exactInBudget = 0;
  let nodesOfExact = 0;
  const rows: (string | number)[][] = [];
  const times: number[] = [];
  let nodes = 0;
  let ms = 0;
  let exact1 = 0;
  let exact5 = 0;
  // CPU time: the budget and the rate hold on a loaded machine (ENDGAME_CLOCK=wall for wall time).
  const clock = process.env.ENDGAME_CLOCK === 'wall' ? undefined : cpuTimeMs;
  const peer = process.env.ENDGAME_PEER;
  const side = { solved: 0, nodes: 0, ms: 0, bothSolved: 0, agree: 0, onlyPeer: 0, onlyProject: 0, failed: 0 };
  for (const [i, p] of positions.entries()) {
    // With a peer, the two take turns going first, so neither always runs on a cooler machine.
    const cgp =
      peer === undefined
        ? ''
        : formatCgp(
            { board: p.board, racks: [p.rack, p.opponent], scores: [0, 0], scorelessTurns: 0, operations: [] },
            config.value,
          );
    let theirs: PeerEndgame | undefined;
    if (peer !== undefined && i % 2 === 1) theirs = magpieEndgame(peer, cgp, limit);
    const r = solver.value.solve(
      p.board,
      [p.rack, p.opponent],
      budget !== undefined ? { maxNodes: budget } : { timeMs: limit * 1000, ...(clock === undefined ? {} : { clock }) },
    );
    if (peer !== undefined && i % 2 === 0) theirs = magpieEndgame(peer, cgp, limit);
    if (!r.ok) continue;
    let peerColumn = '';
    if (peer !== undefined && theirs === undefined) {
      side.failed++;
      peerColumn = 'harness failed';
    }
    if (theirs !== undefined) {
      side.nodes += theirs.nodes;
      side.ms += theirs.cpuMs;
      const inTime = r.value.exact && r.value.ms <= limit * 1000;
      // The search deepens two plies at a time after the second: the least depth at which it is
      // exact may be one below the one it reports. The peer is held to the least (a second,
      // untimed solve tells, within four times the first one's nodes).
      let exactDepth = r.value.depth;
      if (inTime && exactDepth > 2) {
        const below = solver.value.solve(p.board, [p.rack, p.opponent], {
          maxDepth: exactDepth - 1,
          maxNodes: 4 * r.value.nodes,
        });
        if (below.ok && below.value.exact) exactDepth--;
      }
      const got = inTime ? peerSolvedWithin(theirs, exactDepth, limit * 1000) : undefined;
      const deepest = theirs.depths.at(-1);
      if (got !== undefined) side.solved++;
      if (got !== undefined && inTime) {
        side.bothSolved++;
        if (got.value === r.value.value) side.agree++;
      }
      if (inTime && got === undefined) side.onlyProject++;
      // Where the project did not finish, MAGPIE's 25 plies completed in time is a solve too.
      if (!inTime && deepest !== undefined && deepest.depth >= 25 && deepest.cpuMs <= limit * 1000) {
        side.solved++;
        side.onlyPeer++;
      }
      peerColumn =
        got !== undefined
          ? `${got.value} at depth ${got.depth}, ${Math.round(got.cpuMs)} ms`
          : `depth ${deepest?.depth ?? 0} in ${Math.round(theirs.cpuMs)} ms`;
    }
    if (budget !== undefined && r.value.exact) {
      exactInBudget++;
      nodesOfExact += r.value.nodes;
    }
    nodes += r.value.nodes;
    ms += r.value.ms;
    if (r.value.exact) {
      times.push(r.value.ms);
      if (r.value.ms <= 1000) exact1++;
      if (r.value.ms <= limit * 1000) exact5++;
    }
    rows.push([
      p.id,
      `${p.rack.length}v${p.opponent.length}`,
      r.value.value,
      r.value.exact ? 'exact' : `depth ${r.value.depth}`,
      Math.round(r.value.ms),
      r.value.line[0]?.notation ?? '-',
      ...(peer === undefined ? [] : [peerColumn]),
    ]);
  }
  if (budget !== undefined) {
    console.log(
      `${positions.length} positions; exact within ${budget} nodes: ${exactInBudget}, taking ${nodesOfExact} nodes in all (results not saved)`,
    );
    return;
  }
  times.sort((a, b) => a - b);
  printTable(
    'Endgames (first and second position after the bag empties)',
    ['position', 'tiles', 'value', 'result', 'ms', 'best move', ...(peer === undefined ? [] : ['MAGPIE'])],
    rows,
  );
  const rate = Math.round((nodes / ms) * 1000);
  const unit = process.env.ENDGAME_CLOCK === 'wall' ? 'wall time' : 'CPU time';
  console.log(
    `${positions.length} positions (${unit}); exact within 1 s: ${exact1}, within ${limit} s: ${exact5}${peer === undefined ? ' (ENDGAME_PEER runs MAGPIE beside it)' : ''}; median exact time ${Math.round(times[Math.floor(times.length / 2)] ?? 0)} ms; ${rate} nodes a second (target at least 50,000)`,
  );
  const peerRate = Math.round((side.nodes / side.ms) * 1000);
  if (peer !== undefined) {
    console.log(
      `MAGPIE, taking turns (CPU time): solved within ${limit} s ${side.solved} (a depth at least the project's exact one completed in time, or all 25 plies); both ${side.bothSolved}, the same value ${side.agree}; only the project ${side.onlyProject}, only MAGPIE ${side.onlyPeer}; the harness failed on ${side.failed}; ${peerRate} nodes a second (its own count); project ÷ MAGPIE nodes a second ${(rate / peerRate).toFixed(2)}×`,
    );
  }
  if (only !== undefined) {
    console.log(`(a subset: ${positions.length} positions; results not saved)`);
    return;
  }
  saveResults('endgame', {
    positions: positions.length,
    exactWithin1s: exact1,
    exactWithinLimit: exact5,
    limitSeconds: limit,
    clock: process.env.ENDGAME_CLOCK === 'wall' ? 'wall' : 'cpu',
    nodesPerSecond: rate,
    ...(peer === undefined
      ? {}
      : {
          magpie: {
            solvedWithinLimit: side.solved,
            bothSolved: side.bothSolved,
            sameValue: side.agree,
            nodesPerSecond: peerRate,
          },
        }),
    rows,
  });
}
