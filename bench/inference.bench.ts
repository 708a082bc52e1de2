/**
 * Opponent-rack inference on real positions: the records of the reference corpus (kept beside
 * the project) give the rack each player held, so the tiles the opponent kept after their last
 * play are known. For positions where the opponent just played (not the last word of a game),
 * each temperature draws INFER_DEALS deals (the simulation's deals of iterations 0..N-1) and
 * measures how many of the opponent's truly kept tiles the deal's kept tiles contain (the share
 * of the kept tiles, as multisets), against the uniform draw (no inference); plus the deals
 * tried per accepted deal and the CPU time per accepted deal.
 *
 * INFER_POSITIONS=N (default 120) positions evenly spread over the records; INFER_DEALS=N (default 200).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Board,
  type Placement,
  presetConfig,
  BLANK,
  type Tile,
  parseGcg,
  handFromLetters,
  parsePlay,
} from 'wordgame-engine';
import { unseenTiles } from 'wordgame-engine/internals';
import { printTable, saveResults } from './common.js';
import { referenceSimulator } from './sim.bench.js';

const shared = join(process.cwd(), '..', 'shared', 'data');

/** A position right after the opponent's play, with the tiles they truly kept. */
export interface InferencePosition {
  readonly id: string;
  readonly board: Board;
  readonly rack: Tile[];
  readonly unseen: Tile[];
  readonly opponentPlay: Placement[];
  readonly kept: Tile[];
}

/** Positions after an opponent's play whose rack is recorded, with 8 or more tiles in the bag. */
export function inferencePanel(size: number): InferencePosition[] {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no en');
  const all: InferencePosition[] = [];
  for (const file of readdirSync(join(shared, 'gcg'))
    .filter((f) => f.endsWith('.gcg'))
    .sort()) {
    const rec = parseGcg(readFileSync(join(shared, 'gcg', file), 'latin1'));
    if (!rec.ok) continue;
    let board = Board.empty(15, 15);
    let last: { player: number; placements: Placement[]; kept: Tile[] } | undefined;
    let turn = 0;
    for (const e of rec.value.events) {
      if (e.kind === 'withdrawn') break;
      if (e.kind !== 'play' && e.kind !== 'pass' && e.kind !== 'exchange') continue;
      const rack = handFromLetters(e.rack, config.value);
      if (last !== undefined && last.player !== e.player && rack.ok && e.rack !== '') {
        const unseen = unseenTiles(config.value, board, rack.value);
        if (unseen !== undefined && unseen.length > 14 && last.kept.length > 0)
          all.push({
            id: `${file.replace(/\.gcg$/, '')}@${turn}`,
            board,
            rack: [...rack.value],
            unseen,
            opponentPlay: last.placements,
            kept: last.kept,
          });
      }
      last = undefined;
      turn++;
      if (e.kind !== 'play') continue;
      const p = parsePlay(`${e.position} ${e.word}`, board, config.value.alphabet);
      if (!p.ok) break;
      board = board.withTiles(p.value.placements);
      if (rack.ok && e.rack !== '') {
        const kept = [...rack.value];
        let known = true;
        for (const q of p.value.placements) {
          const k = kept.indexOf((q.tile & BLANK) !== 0 ? BLANK : q.tile);
          if (k < 0) known = false;
          else kept.splice(k, 1);
        }
        if (known) last = { player: e.player, placements: [...p.value.placements], kept };
      }
    }
  }
  const out: InferencePosition[] = [];
  for (let k = 0; k < size && k < all.length; k++)
    out.push(all[Math.floor((k * all.length) / size)] as InferencePosition);
  return out;
}

/** The share of `truth` (a multiset) found in `tiles`. */
function overlap(tiles: readonly number[], truth: readonly number[]): number {
  const left = [...tiles];
  let n = 0;
  for (const t of truth) {
    const k = left.indexOf(t);
    if (k >= 0) {
      n++;
      left.splice(k, 1);
    }
  }
  return n / truth.length;
}

export async function inferenceBench(): Promise<void> {
  const sim = referenceSimulator('inference');
  if (sim === undefined) return;
  // Positions whose play is not a play of the embedded dictionary (another lexicon, a phony) are left out.
  const candidates = inferencePanel(Number(process.env.INFER_POSITIONS ?? 120));
  const panel = candidates.filter(
    (p) =>
      sim.prepare({ board: p.board, rack: p.rack, unseen: p.unseen, opponentPlay: p.opponentPlay }, { candidates: 1 })
        .ok,
  );
  const deals = Number(process.env.INFER_DEALS ?? 200);
  const temperatures = [0, 16, 8, 4, 2, 1];
  const rows: (string | number)[][] = [];
  const results: unknown[] = [];
  for (const temperature of temperatures) {
    let share = 0;
    let drawn = 0;
    let accepted = 0;
    let cpu = 0;
    for (const p of panel) {
      const c0 = process.cpuUsage();
      const run = sim.prepare(
        { board: p.board, rack: p.rack, unseen: p.unseen, opponentPlay: p.opponentPlay },
        { candidates: 1, inferenceTemperature: temperature, seed: 7 },
      );
      if (!run.ok) throw new Error(`${p.id}: ${run.error.message}`);
      let s = 0;
      for (let i = 0; i < deals; i++) s += overlap(run.value.opponentTiles(i).slice(0, p.kept.length), p.kept);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
      share += s / deals;
      drawn += run.value.dealsDrawn;
      accepted += deals;
    }
    const row = {
      temperature,
      keptShare: share / panel.length,
      dealsPerAccepted: drawn / accepted,
      msPerDeal: cpu / accepted,
    };
    results.push(row);
    rows.push([
      temperature === 0 ? 'none (uniform)' : `${temperature}`,
      `${(100 * row.keptShare).toFixed(1)} %`,
      row.dealsPerAccepted.toFixed(2),
      row.msPerDeal.toFixed(3),
    ]);
  }
  printTable(
    `Opponent-rack inference: ${panel.length} real positions after an opponent's play (${candidates.length - panel.length} more left out: the play is not one of the embedded dictionary), ${deals} deals each`,
    ['temperature', 'kept tiles found', 'deals / accepted', 'ms CPU / deal'],
    rows,
  );
  saveResults('inference', { positions: panel.length, deals, results });
}
