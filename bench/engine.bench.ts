/**
 * Engine benchmark (issue 7): requests applied per second through `apply` during a classic
 * self-play game (valid plays, and a mix with invalid requests), with the cost of the
 * validator and of the state update measured apart; the same game under the double challenge
 * rule, and with clocks too, side by side with the void rule (issue 32's bar: within 1.2×); and
 * a full duplicate game between 4 AI players through `apply` alone.
 */
import {
  createEngine,
  SERVER_ID,
  type GameRequest,
  type GameState,
  MoveGenerator,
  allPlays,
  bestPlay,
  moveInput,
  validateMove,
} from 'wordgame-engine';
import { applyClassicPlay, readMove } from 'wordgame-engine/internals';
import { englishSetup, printTable, runSuite, saveResults } from './common.js';

export async function engineBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const engine = createEngine({ dictionary: (a) => (a === 'en' ? dict : undefined) });
  const start = (code: string, players: string[], extra: Record<string, unknown> = {}): GameState => {
    const c = engine.create(
      { name: 'bench', timePerTurn: 60, code, maxPlayers: players.length, seed: 11, ...extra },
      players[0] as string,
    );
    if (!c.ok) throw new Error('create');
    let s = c.value.state;
    const step = (st: GameState, p: string, request: GameRequest): GameState => {
      const r = engine.apply(st, p, request);
      if (!r.ok) throw new Error(r.error.name);
      return r.value.state;
    };
    for (const p of players.slice(1)) s = step(s, p, { type: 'join' });
    return step(s, players[0] as string, { type: 'start', at: 0 });
  };
  const toRequest = (placements: readonly { square: number; tile: number }[]): GameRequest => ({
    type: 'play',
    ...moveInput(placements, config),
  });

  // Record a classic game: the states and the requests that move it (under a rule, with clocks).
  const record = (extra: Record<string, unknown> = {}) => {
    const recorded: { state: GameState; player: string; request: GameRequest }[] = [];
    let s = start('scrabble-en', ['ann', 'bob'], extra);
    while (s.status === 'running' && recorded.length < 100) {
      const c = s.classic;
      if (c === undefined) break;
      const g = MoveGenerator.create(config, dict, c.tiles.board);
      if (!g.ok) throw new Error('gen');
      const best = bestPlay(g.value, c.tiles.hands[c.toMove] ?? []);
      const at = { at: (recorded.length + 1) * 1000 };
      const request: GameRequest =
        best === undefined ? { type: 'pass', ...at } : { ...toRequest(best.placements), ...at };
      const player = s.players[c.toMove]?.id as string;
      recorded.push({ state: s, player, request });
      const r = engine.apply(s, player, request);
      if (!r.ok) throw new Error('apply');
      s = r.value.state;
    }
    return recorded;
  };
  const steps = record();
  const doubleSteps = record({ challengeRule: 'double' });
  const clockSteps = record({ challengeRule: 'double', clock: { initialSeconds: 1500 } });
  // Invalid requests on the same states: wrong player, malformed, overlapping, unknown type.
  const invalid = steps.flatMap((st): { state: GameState; player: string; request: GameRequest }[] => [
    { state: st.state, player: st.player === 'ann' ? 'bob' : 'ann', request: st.request },
    { state: st.state, player: st.player, request: { type: 'play', tiles: [{ row: 99, col: 0, glyph: 'A' }] } },
    { state: st.state, player: st.player, request: { type: 'dance' } as unknown as GameRequest }, // hostile on purpose
  ]);
  const mixed = steps.flatMap((st, i) => [
    st,
    invalid[i * 3] as (typeof invalid)[number],
    invalid[i * 3 + 1] as (typeof invalid)[number],
  ]);
  const plays = steps.filter((st) => (st.request as { type: string }).type === 'play');
  const placementsOf = plays.map((st) => {
    const c = st.state.classic;
    const hand = c?.tiles.hands[c.toMove] ?? [];
    const m = validateMove(st.request, { board: c!.tiles.board, hand, config, dictionary: dict });
    if (!m.ok) throw new Error('validate');
    return m.value;
  });
  const timings = await runSuite(`engine: a classic game (${steps.length} turns) through apply`, [
    {
      name: 'apply: valid requests',
      units: steps.length,
      fn: () => steps.reduce((n, st) => n + (engine.apply(st.state, st.player, st.request).ok ? 1 : 0), 0),
    },
    {
      name: 'apply: valid requests, double challenge',
      units: doubleSteps.length,
      fn: () => doubleSteps.reduce((n, st) => n + (engine.apply(st.state, st.player, st.request).ok ? 1 : 0), 0),
    },
    {
      name: 'apply: valid requests, double challenge and clocks',
      units: clockSteps.length,
      fn: () => clockSteps.reduce((n, st) => n + (engine.apply(st.state, st.player, st.request).ok ? 1 : 0), 0),
    },
    {
      name: 'apply: mix (1 valid, 2 invalid)',
      units: mixed.length,
      fn: () => mixed.reduce((n, st) => n + (engine.apply(st.state, st.player, st.request).ok ? 1 : 0), 0),
    },
    {
      name: 'validation alone (validateMove)',
      units: plays.length,
      fn: () =>
        plays.reduce((n, st) => {
          const c = st.state.classic!;
          return (
            n +
            (validateMove(st.request, {
              board: c.tiles.board,
              hand: c.tiles.hands[c.toMove] ?? [],
              config,
              dictionary: dict,
            }).ok
              ? 1
              : 0)
          );
        }, 0),
    },
    {
      name: 'state update alone (place, refill, score)',
      units: plays.length,
      fn: () =>
        plays.reduce(
          (n, st, i) =>
            n +
            (applyClassicPlay(st.state.classic!, config, placementsOf[i]!.placements, placementsOf[i]!.score) ? 1 : 0),
          0,
        ),
    },
    {
      name: 'reading the move alone (readMove)',
      units: plays.length,
      fn: () =>
        plays.reduce(
          (n, st) =>
            n +
            (readMove(st.request, { board: st.state.classic!.tiles.board, hand: [], config, dictionary: dict }).ok
              ? 1
              : 0),
          0,
        ),
    },
  ]);
  const us = (name: string) => timings.find((t) => t.name === name)?.usPerUnit ?? NaN;

  // A full duplicate game, 4 AI players, through apply alone.
  const duplicateGame = (): number => {
    let g = start('duplicate-en', ['p1', 'p2', 'p3', 'p4']);
    let requests = 0;
    while (g.status === 'running' && g.duplicate !== undefined) {
      const gen = MoveGenerator.create(config, dict, g.duplicate.board);
      if (!gen.ok) break;
      const ranked = allPlays(gen.value, g.duplicate.hand);
      for (const [i, p] of ['p1', 'p2', 'p3', 'p4'].entries()) {
        const play = ranked[Math.min(i, ranked.length - 1)];
        const r = engine.apply(g, p, play === undefined ? { type: 'pass' } : toRequest(play.placements));
        if (r.ok) g = r.value.state;
        requests++;
      }
      const r = engine.apply(g, SERVER_ID, { type: 'close-turn' });
      requests++;
      if (!r.ok) break;
      g = r.value.state;
    }
    return requests;
  };
  const dupTimings = await runSuite(
    'engine: a full duplicate game, 4 AI players',
    [{ name: 'duplicate game (4 AI players)', units: 1, fn: duplicateGame }],
    { maxTime: 5 },
  );
  const dupMs = (dupTimings[0]?.usPerUnit ?? NaN) / 1000;
  printTable(
    'Engine: microseconds per request',
    ['', 'µs', 'per second'],
    [
      ['apply: valid requests', us('apply: valid requests'), 1e6 / us('apply: valid requests')],
      [
        'apply: mix (1 valid, 2 invalid)',
        us('apply: mix (1 valid, 2 invalid)'),
        1e6 / us('apply: mix (1 valid, 2 invalid)'),
      ],
      [
        '  of which validation (validateMove)',
        us('validation alone (validateMove)'),
        1e6 / us('validation alone (validateMove)'),
      ],
      [
        '  of which state update',
        us('state update alone (place, refill, score)'),
        1e6 / us('state update alone (place, refill, score)'),
      ],
      [
        '  of which reading the move',
        us('reading the move alone (readMove)'),
        1e6 / us('reading the move alone (readMove)'),
      ],
    ],
  );
  const voidUs = us('apply: valid requests');
  console.log(
    `a valid apply under the double challenge rule: ${(us('apply: valid requests, double challenge') / voidUs).toFixed(2)}x the void rule's; with clocks too: ${(us('apply: valid requests, double challenge and clocks') / voidUs).toFixed(2)}x (target: at most 1.2x)`,
  );
  console.log(`full duplicate game with 4 AI players (AI move generation included): ${dupMs.toFixed(0)} ms`);
  saveResults('engine', { turns: steps.length, timings, duplicateGameMs: dupMs });
}
