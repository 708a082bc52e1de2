/**
 * History cost (issue 10): the cost of a request must not grow with the game's history. The
 * same states are given histories of 100, 10,000 (above any real game: the loader's limit) and
 * 100,000 events (appended in memory, as no game records that many), and the same requests are
 * timed on each, side by side; the ratio of the longest to the shortest history is the result
 * (target: within 1.5×).
 */
import {
  createEngine,
  type Engine,
  type GameEvent,
  type GameRequest,
  type GameState,
  SERVER_ID,
  MoveGenerator,
  bestPlay,
  BoggleSolver,
  moveInput,
} from 'wordgame-engine';
import { englishSetup, printTable, runSuite, saveResults } from './common.js';

const SIZES = [100, 10_000, 100_000] as const;

/** The state with its history padded to `size` events (copies of its own events after the start). */
function padded(s: GameState, size: number): GameState {
  const events = s.history.toArray();
  const filler = events.slice(2).filter((e) => e.type !== 'game-over');
  const extra: GameEvent[] = [];
  for (let i = 0; events.length + extra.length < size; i++) extra.push(filler[i % filler.length] as GameEvent);
  return Object.freeze({ ...s, history: s.history.append(extra) });
}

export async function historyBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const engine: Engine = createEngine({ dictionary: (a) => (a === 'en' ? dict : undefined) });
  const start = (code: string): GameState => {
    const c = engine.create({ name: 'bench', timePerTurn: 60, code, maxPlayers: 4, seed: 9 }, 'ann');
    if (!c.ok) throw new Error('create');
    let s = c.value.state;
    for (const [p, request] of [
      ['bob', { type: 'join' }],
      ['ann', { type: 'start' }],
    ] as const) {
      const r = engine.apply(s, p, request);
      if (!r.ok) throw new Error(r.error.name);
      s = r.value.state;
    }
    return s;
  };
  // A classic game a few moves in, and a Boggle round with some words found.
  let classic = start('scrabble-en');
  for (let i = 0; i < 6; i++) {
    const c = classic.classic;
    if (c === undefined) break;
    const g = MoveGenerator.create(config, dict, c.tiles.board);
    const best = g.ok ? bestPlay(g.value, c.tiles.hands[c.toMove] ?? []) : undefined;
    const r = engine.apply(
      classic,
      classic.players[c.toMove]?.id ?? '',
      best === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(best.placements, config) },
    );
    if (r.ok) classic = r.value.state;
  }
  let boggle = start('boggle-4x4');
  const words = boggle.boggle === undefined ? [] : new BoggleSolver(dict).solveWords(boggle.boggle.grid).words;
  for (const w of words.slice(0, 20)) {
    const r = engine.apply(boggle, words.indexOf(w) % 2 === 0 ? 'ann' : 'bob', { type: 'play', word: w.word });
    if (r.ok) boggle = r.value.state;
  }
  const c = classic.classic;
  if (c === undefined) throw new Error('classic');
  const g = MoveGenerator.create(config, dict, c.tiles.board);
  const best = g.ok ? bestPlay(g.value, c.tiles.hands[c.toMove] ?? []) : undefined;
  const mover = classic.players[c.toMove]?.id ?? '';
  const play: GameRequest =
    best === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(best.placements, config) };
  const fresh = words[21]?.word ?? 'ZZZ';
  const requests: { name: string; state: GameState; player: string; request: GameRequest }[] = [
    { name: 'classic: a valid play', state: classic, player: mover, request: play },
    {
      name: 'classic: an invalid play',
      state: classic,
      player: mover,
      request: { type: 'play', tiles: [{ row: 0, col: 0, glyph: 'Q' }] },
    },
    { name: 'classic: info', state: classic, player: 'bob', request: { type: 'info' } },
    { name: 'Boggle: a new word', state: boggle, player: 'ann', request: { type: 'play', word: fresh } },
    {
      name: 'Boggle: a word found before',
      state: boggle,
      player: 'ann',
      request: { type: 'play', word: words[0]?.word ?? 'ZZZ' },
    },
    { name: 'Boggle: a pass (not recorded)', state: boggle, player: 'ann', request: { type: 'pass' } },
    { name: 'Boggle: close-turn', state: boggle, player: SERVER_ID, request: { type: 'close-turn' } },
  ];
  const cases = requests.flatMap((r) =>
    SIZES.map((size) => {
      const state = padded(r.state, size);
      return { name: `${r.name} @ ${size}`, units: 1, fn: () => (engine.apply(state, r.player, r.request).ok ? 1 : 0) };
    }),
  );
  const timings = await runSuite('request cost by history length', cases);
  const us = (name: string) => timings.find((t) => t.name === name)?.usPerUnit ?? NaN;
  const rows = requests.map((r) => {
    const at = SIZES.map((size) => us(`${r.name} @ ${size}`));
    return [r.name, ...at, (at[2] as number) / (at[0] as number)];
  });
  printTable(
    'µs per request by history length (ratio: 100,000 events ÷ 100; target ≤ 1.5)',
    ['request', '100', '10,000', '100,000', 'ratio'],
    rows,
  );
  saveResults('history', { sizes: SIZES, rows });
}
