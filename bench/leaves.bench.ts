/**
 * Leave tables: a full English table (every multiset of 1 to 6 tiles the 100-tile bag can hold:
 * 914,624 leaves, as the other engines store them), its build and size, the cost of one lookup
 * (against a `Map` from sorted-leave strings, the naive way), and an equity-ranked best play
 * against a score-ranked one (target: at most 1.2×), with this table and with the learned table the
 * package ships (`dictionaries/en.klv2`), on every fourth turn of the real records in
 * `../shared/data/gcg` (on one game's positions when they are absent).
 */
import { BLANK, LeaveTable, MoveGenerator, bestPlay, parsePlay, Board, makeHand } from 'wordgame-engine';
import { DOUG_EMELY } from '../test/fixtures/games.js';
import { loadDefaultLeaves } from 'wordgame-engine/node';
import { englishSetup, printTable, recordTurns, runSuite, saveResults, seededRandom } from './common.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function leavesBench(): Promise<void> {
  const { config, dict } = englishSetup();
  // Every leave of 1-6 tiles (KLV order: blank 0 first, letters ascending), with a made-up value.
  const counts = [
    config.letters.blanks,
    ...Array.from({ length: 26 }, (_, i) => config.letters.counts[i + 1] as number),
  ];
  const keyed = new Map<string, number>();
  const path: number[] = [];
  const grow = (from: number) => {
    if (path.length > 0)
      keyed.set(String.fromCharCode(...path), ((path.length * 7919 + (path[0] as number) * 31) % 61) - 30);
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
  const asText = leaves.map((l) =>
    String.fromCharCode(...[...l].map((c) => (c === BLANK ? 0 : c)).sort((a, b) => a - b)),
  );
  const naive = new Map(keyed);
  let sink = 0;
  const lookups = await runSuite(
    'leave lookups (914,624-leave English table)',
    [
      {
        name: 'LeaveTable.leaveValue',
        units: leaves.length,
        fn: () => {
          for (const l of leaves) sink += table.value.leaveValue(l, l.length);
        },
      },
      {
        name: 'Map<string, number> (sort and join the leave, then get)',
        units: leaves.length,
        fn: () => {
          for (const l of leaves)
            sink +=
              naive.get(String.fromCharCode(...[...l].map((c) => (c === BLANK ? 0 : c)).sort((a, b) => a - b))) ?? 0;
        },
      },
      {
        name: 'Map<string, number> (key ready)',
        units: asText.length,
        fn: () => {
          for (const k of asText) sink += naive.get(k) ?? 0;
        },
      },
    ],
    { maxTime: 2 },
  );

  // Equity-ranked against score-ranked best play, on the positions of a real game.
  const gen = MoveGenerator.create(config, dict);
  if (!gen.ok) throw new Error(gen.error.message);
  const positions: { board: Board; hand: number[] }[] = [];
  const records = join(process.cwd(), '..', 'shared', 'data', 'gcg');
  if (existsSync(records)) {
    let n = 0;
    for (const t of recordTurns(records)) if (n++ % 4 === 0) positions.push({ board: t.board, hand: [...t.rack] });
  } else {
    let board = Board.empty(15, 15);
    for (const [rack, move] of DOUG_EMELY) {
      const hand = makeHand([...rack].map((c) => (c === '?' ? BLANK : c.charCodeAt(0) - 64)));
      positions.push({ board, hand: [...hand] });
      const p = parsePlay(move, board, config.alphabet);
      if (p.ok) board = board.withTiles(p.value.placements);
    }
  }
  const run = (options: object) => () => {
    for (const p of positions) {
      gen.value.setBoard(p.board);
      sink += bestPlay(gen.value, p.hand, options)?.score ?? 0;
    }
  };
  const shipped = loadDefaultLeaves();
  if (!shipped.ok) throw new Error(shipped.error.message);
  const best = await runSuite(
    'best play by score and by equity (leave table)',
    [
      { name: 'bestPlay by score', units: positions.length, fn: run({}) },
      { name: 'bestPlay by equity (score + leave table)', units: positions.length, fn: run({ leaves: table.value }) },
      {
        name: 'bestPlay by equity (score + shipped en.klv2)',
        units: positions.length,
        fn: run({ leaves: shipped.value }),
      },
      // Each run sets the position's board first: that part is timed alone and taken out of the ratios.
      {
        name: 'setBoard alone',
        units: positions.length,
        fn: () => {
          for (const p of positions) gen.value.setBoard(p.board);
        },
      },
    ],
    { maxTime: 2 },
  );
  const ns = (lookups[0]?.usPerUnit ?? NaN) * 1000;
  const boardUs = best[3]?.usPerUnit ?? NaN;
  const ratio = ((best[1]?.usPerUnit ?? NaN) - boardUs) / ((best[0]?.usPerUnit ?? NaN) - boardUs);
  const shippedRatio = ((best[2]?.usPerUnit ?? NaN) - boardUs) / ((best[0]?.usPerUnit ?? NaN) - boardUs);
  printTable(
    'Leave tables',
    ['figure', 'value'],
    [
      ['leaves', table.value.size],
      ['build (ms)', buildMs.toFixed(0)],
      ['KLV2 bytes', bytes],
      ['lookup (ns)', ns.toFixed(1)],
      ['Map lookup with sort+join (ns)', ((lookups[1]?.usPerUnit ?? NaN) * 1000).toFixed(1)],
      ['Map lookup, key ready (ns)', ((lookups[2]?.usPerUnit ?? NaN) * 1000).toFixed(1)],
      ['search by score (µs, board set apart)', ((best[0]?.usPerUnit ?? NaN) - boardUs).toFixed(1)],
      ['equity best (made-up table) ÷ score best', ratio.toFixed(2)],
      ['equity best (shipped en.klv2) ÷ score best', shippedRatio.toFixed(2)],
    ],
  );
  console.log(
    `best play: ${positions.length} positions (${existsSync(records) ? 'every fourth turn of the records' : 'one game'})`,
  );
  console.log(
    `leave lookup ${ns.toFixed(0)} ns (target at most 100); equity-ranked best play with the shipped learned table ${shippedRatio.toFixed(2)}× the score-ranked one (target at most 1.2×); with the made-up table of spread values ${ratio.toFixed(2)}×${sink === 0.5 ? '' : ''}`,
  );
  saveResults('leaves', {
    leaves: table.value.size,
    buildMs,
    bytes,
    lookupNs: ns,
    equityOverScore: ratio,
    shippedEquityOverScore: shippedRatio,
  });
}
