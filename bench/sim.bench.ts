/**
 * Monte Carlo simulation on a panel of real positions: 200 positions of the records of the
 * reference corpus (kept beside the project, not in it) with more than 7 tiles in the bag, spread
 * over the games, under the embedded dictionary and leave table.
 *
 * - speed: play-rollouts a second at 2 plies (20 candidates, 256 iterations each, no stop), with
 *   the spread across positions (CPU time of this thread);
 * - the stop: with the 99 % stop (at most SIM_STOP_CAP iterations, 2,000 by default: macondo
 *   stops at 3,250), the choice and the samples used,
 *   against plain round-robin (every candidate every iteration until the same test stops it:
 *   candidates × the stop's iterations, measured in full on the first SIM_RR positions) and
 *   against a longer reference run (the same deals, a 99.9 % stop, at most SIM_REFERENCE
 *   iterations, 100,000 by default: about 85 minutes of CPU, most positions deciding long before
 *   the limit): would running on have changed the choice?
 *
 * SIM_POSITIONS=N uses the first N positions of the panel; SIM_PART=speed|stop runs one part;
 * SIM_FROM/SIM_TO run a slice of the stop part (to split it between processes); SIM_ROWS=1 prints
 * one JSON row per position.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Board, presetConfig, type Tile, Simulator } from 'wordgame-engine';
import { loadDefaultDictionary, loadDefaultLeaves } from 'wordgame-engine/node';
import { printTable, recordTurns, saveResults } from './common.js';

const shared = join(process.cwd(), '..', 'shared', 'data');

export interface SimPanelPosition {
  readonly id: string;
  readonly board: Board;
  readonly rack: Tile[];
  readonly unseen: Tile[];
  readonly lead: number;
}

/** 200 positions with more than 7 tiles in the bag, evenly spread over every record's turns. */
export function simPanel(size = 200): SimPanelPosition[] {
  const all: SimPanelPosition[] = [];
  for (const t of recordTurns(join(shared, 'gcg')))
    if (t.rack.length === 7 && t.unseen.length > 14)
      all.push({ id: `${t.record}@${t.turn}`, board: t.board, rack: t.rack, unseen: t.unseen, lead: t.lead });
  const out: SimPanelPosition[] = [];
  for (let k = 0; k < size && k < all.length; k++)
    out.push(all[Math.floor((k * all.length) / size)] as SimPanelPosition);
  return out;
}

/** A simulator on the embedded English data, or undefined (said) when the reference records beside the project are absent. */
export function referenceSimulator(suite: string): Simulator | undefined {
  if (!existsSync(join(shared, 'gcg'))) {
    console.log(`${suite} benchmark skipped: the reference data beside the project is absent`);
    return undefined;
  }
  const config = presetConfig('en');
  const dict = loadDefaultDictionary();
  const leaves = loadDefaultLeaves();
  if (!config.ok || !dict.ok || !leaves.ok) throw new Error('no embedded data');
  const sim = Simulator.create(config.value, dict.value, leaves.value);
  if (!sim.ok) throw new Error(sim.error.message);
  return sim.value;
}

export async function simBench(): Promise<void> {
  const sim = referenceSimulator('sim');
  if (sim === undefined) return;
  const panel = simPanel(Number(process.env.SIM_POSITIONS ?? 200));
  const part = process.env.SIM_PART;
  const saved: Record<string, unknown> = { positions: panel.length };
  if (part === undefined || part === 'speed') {
    const rates: number[] = [];
    let samples = 0;
    let cpu = 0;
    for (const p of panel) {
      const t0 = process.cpuUsage();
      const r = sim.simulate(p, { iterations: 256, confidence: 1, candidates: 20, plies: 2, seed: 7 });
      const t = process.cpuUsage(t0);
      if (!r.ok) throw new Error(`${p.id}: ${r.error.message}`);
      const seconds = (t.user + t.system) / 1e6;
      samples += r.value.samples;
      cpu += seconds;
      rates.push(r.value.samples / seconds);
    }
    rates.sort((a, b) => a - b);
    const q = (f: number) => rates[Math.min(rates.length - 1, Math.floor(f * rates.length))] as number;
    printTable(
      'Simulation speed (2 plies, 20 candidates, 256 iterations; play-rollouts a second of CPU, one thread)',
      ['positions', 'overall', 'min', 'p10', 'median', 'p90', 'max'],
      [[panel.length, samples / cpu, q(0), q(0.1), q(0.5), q(0.9), q(1)]],
    );
    console.log(
      `target: at least 3,000 play-rollouts a second per core; macondo ≈ 7,000 (one late position), MAGPIE ≈ 2,000 per thread`,
    );
    saved.speed = { rolloutsPerSecond: samples / cpu, min: q(0), p10: q(0.1), median: q(0.5), p90: q(0.9), max: q(1) };
  }
  if (part === undefined || part === 'stop') {
    // The reference: the same deals run longer, with a stricter stop (99.9 %) and up to SIM_REFERENCE iterations.
    const reference = Number(process.env.SIM_REFERENCE ?? 100_000);
    const cap = Number(process.env.SIM_STOP_CAP ?? 2000);
    const from = Number(process.env.SIM_FROM ?? 0);
    const to = Math.min(panel.length, Number(process.env.SIM_TO ?? panel.length));
    const rrCount = Number(process.env.SIM_RR ?? 10);
    let same = 0;
    let stillLive = 0;
    let prunedSamples = 0;
    let roundRobinNeed = 0;
    let rrMeasured = 0;
    let rrMeasuredEstimate = 0;
    let rrMeasuredSamples = 0;
    const rows: (string | number)[][] = [];
    for (let i = from; i < to; i++) {
      const p = panel[i] as SimPanelPosition;
      const stop = sim.simulate(p, { iterations: cap, seed: 11 });
      const ref = sim.simulate(p, { iterations: reference, seed: 11, confidence: 0.999 });
      if (!stop.ok || !ref.ok) throw new Error(p.id);
      const a = stop.value.candidates[0]?.notation;
      const b = ref.value.candidates[0]?.notation;
      if (a === b) same++;
      else if (ref.value.candidates.find((c) => c.notation === a)?.live === true) stillLive++;
      prunedSamples += stop.value.samples;
      // Round-robin samples every candidate every iteration until the same test stops it.
      const need = stop.value.candidates.length * stop.value.iterations;
      roundRobinNeed += need;
      if (i - from < rrCount) {
        const rr = sim.simulate(p, { iterations: cap, seed: 11, prune: false });
        if (!rr.ok) throw new Error(p.id);
        rrMeasured++;
        rrMeasuredEstimate += need;
        rrMeasuredSamples += rr.value.samples;
      }
      rows.push([
        p.id,
        stop.value.iterations,
        stop.value.samples,
        need,
        stop.value.stop,
        String(a),
        String(b),
        ref.value.stop,
      ]);
      if (process.env.SIM_ROWS === '1') console.log(JSON.stringify(rows[rows.length - 1]));
    }
    console.log(
      `\n99 % stop on positions ${from}-${to - 1}: the same choice as the ${reference}-iteration 99.9 % reference on ${same} of ${to - from} (${((100 * same) / (to - from)).toFixed(1)} %; target 95 %); ` +
        `on ${stillLive} more the stop's choice was still undecided against the reference's; samples ${((100 * prunedSamples) / roundRobinNeed).toFixed(1)} % of what round-robin needs (target at most 30 %; ` +
        `round-robin measured on ${rrMeasured} positions: ${rrMeasuredSamples} samples, against ${rrMeasuredEstimate} estimated)`,
    );
    saved.stop = {
      reference,
      cap,
      from,
      to,
      same,
      stillLive,
      prunedSamples,
      roundRobinNeed,
      rrMeasured,
      rrMeasuredSamples,
      rrMeasuredEstimate,
      rows,
    };
  }
  // One part alone keeps the other's last results.
  if (panel.length === 200 && process.env.SIM_FROM === undefined)
    saveResults('sim', saved, { merge: process.env.SIM_PART !== undefined });
}
