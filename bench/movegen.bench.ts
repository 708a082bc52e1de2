/**
 * Move generation benchmark (issue 6): plays generated per position (empty, mid-game and late
 * boards; hands with 0, 1 and 2 blanks) by the GADDAG generator, side by side with a
 * straightforward generator (every span through an anchor filled left to right with the hand's
 * tiles, prefixes and cross-words checked with the DAWG at each square, no GADDAG, no cached
 * cross-checks); and full static self-play games: the lean path (`Autoplayer`, what `wordgame
 * autoplay` runs) in CPU time after a warm-up, as a long autoplay runs, and beside it `selfPlay`
 * (every play validated). Last, the full-hand word index (issue 29): its memory and build time,
 * and `bestPlay` by equity with it and without it (`fullHandIndex: false`) side by side.
 */
import {
  staticPlayer,
  selfPlay,
  Autoplayer,
  Board,
  type Placement,
  type GameConfig,
  BLANK,
  type Dictionary,
  MoveGenerator,
  bestPlay,
  heuristicLeaves,
  parsePlay,
  parseTiles,
  scorePlacements,
  makeHand,
  type Hand,
} from 'wordgame-engine';
import { AlphagramIndex, ARC_END_OF_WORD, ARC_TARGET_SHIFT } from 'wordgame-engine/internals';
import { DOUG_EMELY } from '../test/fixtures/games.js';
import { englishSetup, printTable, retainedBytes, runSuite, saveResults } from './common.js';

/** The straightforward generator; returns the number of plays. */
function naiveGenerate(board: Board, hand: Hand, config: GameConfig, dict: Dictionary): number {
  const { rows, cols, start } = config.layout;
  const cell = (r: number, c: number) => (r < 0 || c < 0 || r >= rows || c >= cols ? 0 : board.at(r, c));
  const empty = board.tileCount === 0;
  const isAnchor = (r: number, c: number) =>
    cell(r, c) === 0 &&
    (empty
      ? r * cols + c === start
      : cell(r - 1, c) !== 0 || cell(r + 1, c) !== 0 || cell(r, c - 1) !== 0 || cell(r, c + 1) !== 0);
  const seen = new Set<string>();
  const crossOk = (r: number, c: number, g: number, across: boolean): boolean => {
    // The perpendicular word through (r, c) with glyph g, checked with the DAWG.
    const dr = across ? 1 : 0;
    const dc = across ? 0 : 1;
    let r0 = r;
    let c0 = c;
    while (cell(r0 - dr, c0 - dc) !== 0) {
      r0 -= dr;
      c0 -= dc;
    }
    const codes: number[] = [];
    for (let rr = r0, cc = c0; rr === r && cc === c ? true : cell(rr, cc) !== 0; rr += dr, cc += dc)
      codes.push(rr === r && cc === c ? g : cell(rr, cc) & 0x3f);
    return codes.length < 2 || dict.hasCodes(codes);
  };
  let count = 0;
  for (const across of [true, false]) {
    const lines = across ? rows : cols;
    const len = across ? cols : rows;
    for (let line = 0; line < lines; line++) {
      const at = (p: number): [number, number] => (across ? [line, p] : [p, line]);
      for (let a = 0; a < len; a++) {
        const [ra, ca] = at(a);
        if (a > 0 && cell(...at(a - 1)) !== 0) continue;
        void ra;
        void ca;
        const rack = [...hand];
        const placed: Placement[] = [];
        const extend = (p: number, node: number, hasAnchor: boolean): void => {
          if (p >= len) return;
          const [r, c] = at(p);
          const here = cell(r, c);
          const step = (g: number, tile: number | undefined): void => {
            const arc = dict.arc(node, g);
            if (arc < 0) return;
            if (tile !== undefined) placed.push({ square: r * cols + c, tile });
            const anchor = hasAnchor || (tile !== undefined && isAnchor(r, c));
            const next = p + 1;
            const endsHere = next >= len || cell(...at(next)) === 0;
            if (endsHere && dict.arcIsWord(arc) && anchor && placed.length > 0 && next - a >= 2) {
              const sorted = [...placed].sort((x, y) => x.square - y.square);
              const k = sorted.map((x) => `${x.square}:${x.tile}`).join(' ');
              if (!seen.has(k)) {
                seen.add(k);
                count++;
              }
            }
            const target = (dict.arcs[arc] as number) >>> ARC_TARGET_SHIFT;
            if (target !== 0) extend(next, target, anchor);
            if (tile !== undefined) placed.pop();
          };
          if (here !== 0) return step(here & 0x3f, undefined);
          const tried = new Set<number>();
          for (let i = 0; i < rack.length; i++) {
            const t = rack[i] as number;
            if (tried.has(t)) continue;
            tried.add(t);
            rack.splice(i, 1);
            for (let g = t === BLANK ? 1 : t; g <= (t === BLANK ? config.alphabet.size : t); g++)
              if (crossOk(r, c, g, across)) step(g, t === BLANK ? g | BLANK : g);
            rack.splice(i, 0, t);
          }
        };
        extend(a, dict.root, false);
      }
    }
  }
  void ARC_END_OF_WORD;
  return count;
}

export async function movegenBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const hand = (t: string) => {
    const r = parseTiles(t, config.alphabet);
    if (!r.ok) throw new Error(t);
    return makeHand(r.value);
  };
  const after = (n: number) => {
    let b = Board.empty(15, 15);
    for (const [, p] of DOUG_EMELY.slice(0, n)) {
      const x = parsePlay(p, b, config.alphabet);
      if (!x.ok) throw new Error(p);
      b = b.withTiles(x.value.placements);
    }
    return b;
  };
  const positions: [string, Board, string][] = [
    ['empty, 0 blanks', Board.empty(15, 15), 'AEINRST'],
    ['mid-game, 0 blanks', after(6), 'DEIILTZ'],
    ['mid-game, 0 blanks (2)', after(8), 'ADEGLRT'],
    ['mid-game, 1 blank', after(6), 'ADEGLR?'],
    ['mid-game, 2 blanks', after(6), 'AEGLR??'],
    ['late game, 0 blanks', after(16), 'ADEGLRT'],
    ['late game, 1 blank', after(16), 'AQUIRT?'],
  ];
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  for (const [name, board, rack] of positions) {
    const h = hand(rack);
    const g = MoveGenerator.create(config, dict, board);
    if (!g.ok) throw new Error('generator');
    let plays = 0;
    g.value.generate(h, () => void plays++);
    const naivePlays = naiveGenerate(board, h, config, dict);
    if (naivePlays !== plays)
      throw new Error(`${name}: the straightforward generator finds ${naivePlays} plays, ours ${plays}`);
    void scorePlacements;
    const timings = await runSuite(
      `move generation: ${name} (${rack}, ${plays} plays)`,
      [
        {
          name: `${name}: GADDAG generator`,
          units: 1,
          fn: () => {
            let n = 0;
            g.value.generate(h, () => void n++);
            return n;
          },
        },
        { name: `${name}: straightforward`, units: 1, fn: () => naiveGenerate(board, h, config, dict) },
      ],
      { maxTime: 1 },
    );
    const [ours, naive] = timings.map((t) => t.usPerUnit / 1000) as [number, number];
    rows.push([name, rack, plays, ours, naive, naive / ours]);
    results[name] = { rack, plays, msOurs: ours, msNaive: naive, ratio: naive / ours };
  }
  const games = [1, 2, 3, 4, 5, 6, 7, 8];
  const lean = Autoplayer.create(config, dict, [{ name: 'static' }, { name: 'static' }]);
  if (!lean.ok) throw new Error(lean.error.message);
  const gameTimings = await runSuite(
    'full static self-play games (default dictionary)',
    [
      {
        name: 'lean autoplay game (static vs static)',
        units: games.length,
        fn: () => games.reduce((s, seed) => s + lean.value.playGame(seed).turns, 0),
      },
      {
        name: 'selfPlay game (every play validated, notation, immutable states)',
        units: games.length,
        fn: () =>
          games.reduce((s, seed) => s + (selfPlay(config, dict, [staticPlayer, staticPlayer], seed).ok ? 1 : 0), 0),
      },
    ],
    { maxTime: 3 },
  );
  // The lean path's figure: CPU time over 3 rounds of 500 games after 500 of warm-up (the first
  // few hundred games of a process run slower while V8 compiles and the caches fill), median.
  for (let seed = 1000; seed < 1500; seed++) lean.value.playGame(seed);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    const c0 = process.cpuUsage();
    for (let seed = 2000 + 500 * round; seed < 2500 + 500 * round; seed++) lean.value.playGame(seed);
    const c = process.cpuUsage(c0);
    rounds.push((c.user + c.system) / 1000 / 500);
  }
  const leanMs = rounds.sort((a, b) => a - b)[1] as number;
  const gameMs = (gameTimings[1]?.usPerUnit ?? NaN) / 1000;
  printTable(
    'Move generation: milliseconds per position',
    ['position', 'rack', 'plays', 'ms (ours)', 'ms (straightforward)', 'speed-up'],
    rows,
  );
  console.log(
    `full static game: lean autoplay ${leanMs.toFixed(2)} ms of CPU (${(1000 / leanMs).toFixed(0)} games/s, rounds ${rounds.map((r) => (1000 / r).toFixed(0)).join('-')}; target at least 300), selfPlay ${gameMs.toFixed(1)} ms (wall)`,
  );
  const fullHandIndex = await fullHandIndexBench(config, dict, positions, hand);
  saveResults('movegen', {
    positions: results,
    leanGameMs: leanMs,
    leanGamesPerSecond: 1000 / leanMs,
    selfPlayGameMs: gameMs,
    fullHandIndex,
  });
}

/** The full-hand word index: memory and build time, and what it buys `bestPlay` by equity on the positions with a full hand. */
async function fullHandIndexBench(
  config: GameConfig,
  dict: Dictionary,
  positions: readonly [string, Board, string][],
  hand: (t: string) => Hand,
): Promise<Record<string, unknown>> {
  // The first build of the process (what a user waits for), timed inside the collections that measure its memory.
  let buildMs = 0;
  const { bytes } = retainedBytes(() => {
    const t0 = performance.now();
    const index = AlphagramIndex.build(dict, config.handSize, config.handSize + 3);
    buildMs = performance.now() - t0;
    return index;
  });
  const leaves = heuristicLeaves(config);
  const rows: (string | number)[][] = [];
  const ratios: Record<string, number> = {};
  for (const [name, board, rack] of positions) {
    const h = hand(rack);
    const indexed = MoveGenerator.create(config, dict, board);
    const plain = MoveGenerator.create(config, dict, board, { fullHandIndex: false });
    if (!indexed.ok || !plain.ok) throw new Error('generator');
    const a = bestPlay(indexed.value, h, { leaves });
    const b = bestPlay(plain.value, h, { leaves });
    if (a?.notation !== b?.notation || a?.score !== b?.score)
      throw new Error(`${name}: ${a?.notation} with the index, ${b?.notation} without`);
    const [withIndex, without] = (
      await runSuite(
        `bestPlay by equity: ${name} (${rack}), with and without the full-hand index`,
        [
          { name: `${name}: with the index`, units: 1, fn: () => bestPlay(indexed.value, h, { leaves }) },
          { name: `${name}: without`, units: 1, fn: () => bestPlay(plain.value, h, { leaves }) },
        ],
        { maxTime: 1 },
      )
    ).map((t) => t.usPerUnit) as [number, number];
    rows.push([name, rack, withIndex, without, without / withIndex]);
    ratios[name] = without / withIndex;
  }
  printTable(
    `The full-hand word index: ${(bytes / 1e6).toFixed(1)} MB, built in ${buildMs.toFixed(0)} ms; bestPlay by equity, µs`,
    ['position', 'rack', 'with', 'without', 'without ÷ with'],
    rows,
  );
  return { megabytes: bytes / 1e6, buildMs, withoutOverWith: ratios };
}
