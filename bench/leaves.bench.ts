/**
 * Leave tables: a full English table (every multiset of 1 to 6 tiles the 100-tile bag can hold:
 * 914,624 leaves, as the other engines store them), its build and size, the cost of one lookup
 * (against a `Map` from sorted-leave strings, the naive way), and an equity-ranked best play
 * against a score-ranked one on mid-game positions (target: at most 1.2×).
 */
import { BLANK } from '../src/config/letterset.js';
import { LeaveTable } from '../src/leaves/leaves.js';
import { MoveGenerator, bestPlay } from '../src/movegen/generator.js';
import { parsePlay } from '../src/notation/move.js';
import { Board } from '../src/board/board.js';
import { makeHand } from '../src/state/hand.js';
import { DOUG_EMELY } from '../test/fixtures/games.js';
import { englishSetup, printTable, runSuite, saveResults, seededRandom } from './common.js';

export async function leavesBench(): Promise<void> {
  const { config, dict } = englishSetup();
  // Every leave of 1-6 tiles (KLV order: blank 0 first, letters ascending), with a made-up value.
  const counts = [config.letters.blanks, ...Array.from({ length: 26 }, (_, i) => config.letters.counts[i + 1] as number)];
  const keyed = new Map<string, number>();
  const path: number[] = [];
  const grow = (from: number) => {
    if (path.length > 0) keyed.set(String.fromCharCode(...path), ((path.length * 7919 + (path[0] as number) * 31) % 61) - 30);
    if (path.length === 6) return;
    for (let t = from; t < counts.length; t++) {
      const used = path.filter((x) => x === t).length;
      if (used >= (counts[t] as number)) continue;
      path.push(t);
      grow(t);
      path.pop();
    }
  };
  grow(0);
  const t0 = performance.now();
  const table = LeaveTable.fromKeys(keyed);
  const buildMs = performance.now() - t0;
  if (!table.ok) throw new Error(table.error.message);
  const bytes = table.value.toKlv2().length;

  // Lookups: random leaves in the engine's order (ascending codes, blanks last).
  const random = seededRandom(7);
  const leaves: Uint8Array[] = [];
  const keys: string[] = [...keyed.keys()];
  for (let i = 0; i < 4096; i++) {
    const key = keys[Math.floor(random() * keys.length)] as string;
    const codes = [...key].map((c) => c.charCodeAt(0));
    const letters = codes.filter((c) => c !== 0);
    leaves.push(Uint8Array.from([...letters, ...codes.filter((c) => c === 0).map(() => BLANK)]));
  }
  const asText = leaves.map((l) => String.fromCharCode(...[...l].map((c) => (c === BLANK ? 0 : c)).sort((a, b) => a - b)));
  const naive = new Map(keyed);
  let sink = 0;
  const lookups = await runSuite('leave lookups (914,624-leave English table)', [
    { name: 'LeaveTable.leaveValue', units: leaves.length, fn: () => { for (const l of leaves) sink += table.value.leaveValue(l, l.length); } },
    { name: 'Map<string, number> (sort and join the leave, then get)', units: leaves.length, fn: () => { for (const l of leaves) sink += naive.get(String.fromCharCode(...[...l].map((c) => (c === BLANK ? 0 : c)).sort((a, b) => a - b))) ?? 0; } },
    { name: 'Map<string, number> (key ready)', units: asText.length, fn: () => { for (const k of asText) sink += naive.get(k) ?? 0; } },
  ], { maxTime: 2 });

  // Equity-ranked against score-ranked best play, on the positions of a real game.
  const gen = MoveGenerator.create(config, dict);
  if (!gen.ok) throw new Error(gen.error.message);
  const positions: { board: Board; hand: number[] }[] = [];
  let board = Board.empty(15, 15);
  for (const [rack, move] of DOUG_EMELY) {
    const hand = makeHand([...rack].map((c) => (c === '?' ? BLANK : c.charCodeAt(0) - 64)));
    positions.push({ board, hand: [...hand] });
    const p = parsePlay(move, board, config.alphabet);
    if (p.ok) board = board.withTiles(p.value.placements);
  }
  const run = (options: object) => () => {
    for (const p of positions) {
      gen.value.setBoard(p.board);
      sink += bestPlay(gen.value, p.hand, options)?.score ?? 0;
    }
  };
  const best = await runSuite('best play by score and by equity (leave table)', [
    { name: 'bestPlay by score', units: positions.length, fn: run({}) },
    { name: 'bestPlay by equity (score + leave table)', units: positions.length, fn: run({ leaves: table.value }) },
  ], { maxTime: 2 });
  const ns = (lookups[0]?.usPerUnit ?? NaN) * 1000;
  const ratio = (best[1]?.usPerUnit ?? NaN) / (best[0]?.usPerUnit ?? NaN);
  printTable('Leave tables', ['figure', 'value'], [
    ['leaves', table.value.size],
    ['build (ms)', buildMs.toFixed(0)],
    ['KLV2 bytes', bytes],
    ['lookup (ns)', ns.toFixed(1)],
    ['Map lookup with sort+join (ns)', ((lookups[1]?.usPerUnit ?? NaN) * 1000).toFixed(1)],
    ['Map lookup, key ready (ns)', ((lookups[2]?.usPerUnit ?? NaN) * 1000).toFixed(1)],
    ['equity best ÷ score best', ratio.toFixed(2)],
  ]);
  console.log(`leave lookup ${ns.toFixed(0)} ns (target at most 100); equity-ranked best play ${ratio.toFixed(2)}× the score-ranked one (target at most 1.2×)${sink === 0.5 ? '' : ''}`);
  saveResults('leaves', { leaves: table.value.size, buildMs, bytes, lookupNs: ns, equityOverScore: ratio });
}
