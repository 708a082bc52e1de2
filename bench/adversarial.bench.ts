/**
 * Adversarial inputs (issue 10): the slowest inputs we know for every call on untrusted data,
 * each timed several times (the least run counts: the machine is shared), with the worst of
 * each family printed against the 50 ms bound. Families: Boggle words on same-letter grids of
 * every size (long words and non-words, by word and by path), two-blank racks on every board
 * (validation and move search), maximal game records, maximal persisted games and requests on
 * them, word-list queries, and dictionary files.
 */
import { readFileSync } from 'node:fs';
import {
  gridFromFaces,
  MAX_GRID_SIDE,
  validateBoggleMove,
  BoggleSolver,
  presetConfig,
  type GameConfig,
  loadDictionary,
  gameFromJSON,
  gameToGcg,
  gameToJSON,
  playerView,
  SERVER_ID,
  type GameRequest,
  type GameState,
  createEngine,
  MoveGenerator,
  allPlays,
  bestPlay,
  topPlays,
  handFromLetters,
  parseGcg,
  replayGcg,
  moveInput,
  validateMove,
} from 'wordgame-engine';
import { packageDictionaryPath } from 'wordgame-engine/node';
import { englishSetup, printTable, saveResults } from './common.js';

/** The bound every call on untrusted input must keep. */
const BOUND_MS = 50;

interface Timing {
  readonly family: string;
  readonly input: string;
  /** The least of the runs, in ms. */
  readonly ms: number;
}

/** The least time of `runs` calls (after one warm-up call). */
function least(fn: () => unknown, runs = 5): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export async function adversarialBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const engine = createEngine({ dictionary: (a) => (a === 'en' ? dict : undefined) });
  const timings: Timing[] = [];
  const time = (family: string, input: string, fn: () => unknown, runs?: number) =>
    timings.push({ family, input, ms: least(fn, runs) });

  // Boggle: same-letter grids of every size, long words and non-words, by word and by path.
  const solver = new BoggleSolver(dict);
  for (let side = 2; side <= MAX_GRID_SIDE; side++) {
    for (const face of ['E', 'S', 'Qu']) {
      const grid = gridFromFaces(
        Array.from({ length: side * side }, () => face),
        side,
        side,
        dict.alphabet,
      );
      if (!grid.ok) continue;
      const ctx = { grid: grid.value, dictionary: dict, alphabet: dict.alphabet };
      const letter = face === 'Qu' ? 'QU' : face;
      for (const length of [side * side, 16, 64]) {
        time('Boggle word', `${side}×${side} of ${face}: ${letter}×${length}`, () =>
          validateBoggleMove({ word: letter.repeat(length) }, ctx),
        );
        time('Boggle word', `${side}×${side} of ${face}: ${letter}×${length - 1}+X`, () =>
          validateBoggleMove({ word: letter.repeat(length - 1) + 'X' }, ctx),
        );
      }
      const path = Array.from({ length: side * side }, (_, i) => [Math.floor(i / side), i % side]);
      time('Boggle word', `${side}×${side} of ${face}: a path through every cell`, () =>
        validateBoggleMove({ path }, ctx),
      );
      if (side <= 5) time('Boggle solve', `${side}×${side} of ${face}`, () => solver.solveWords(grid.value));
    }
  }

  // Two blanks on every board: validation of a full-hand move, and the move searches.
  const game = engine.create({ name: 'x', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 4 }, 'a');
  if (!game.ok) throw new Error('create');
  for (const name of ['en', 'wwf', 'super']) {
    const c = presetConfig(name);
    if (!c.ok) continue;
    const cfg: GameConfig = c.value;
    const mid = midGameBoard(cfg, dict);
    for (const letters of ['??AEIRS', '??EEEEE', '??QZXJK', '??ESSST']) {
      const hand = handFromLetters(letters, cfg);
      if (!hand.ok) continue;
      for (const [where, board] of [
        ['empty board', undefined],
        ['mid-game board', mid],
      ] as const) {
        const g = MoveGenerator.create(cfg, dict, board);
        if (!g.ok) continue;
        time('two blanks: bestPlay', `${name}, ${where}, ${letters}`, () => bestPlay(g.value, hand.value), 3);
        time('two blanks: topPlays(10)', `${name}, ${where}, ${letters}`, () => topPlays(g.value, hand.value, 10), 3);
        const plays = allPlays(g.value, hand.value).length;
        time(
          'two blanks: allPlays (lists every play)',
          `${name}, ${where}, ${letters} (${plays.toLocaleString('en')} plays)`,
          () => allPlays(g.value, hand.value),
          3,
        );
        const best = bestPlay(g.value, hand.value);
        if (best !== undefined)
          time('two blanks: validateMove', `${name}, ${where}, ${letters}`, () =>
            validateMove(moveInput(best.placements, cfg), {
              board: g.value.currentBoard(),
              hand: hand.value,
              config: cfg,
              dictionary: dict,
            }),
          );
      }
    }
  }

  // Game records: the largest of each shape.
  const head = '#character-encoding UTF-8\n#player1 a a\n#player2 b b\n';
  const fill = (unit: string) => head + unit.repeat(Math.floor((1_000_000 - head.length) / unit.length));
  const records: Record<string, string> = {
    'notes (1 MB)': head + '>a: AEINRST 8D RETAINS +70 70\n' + fill('#note x\n').slice(head.length),
    'events (2,428, the most a record holds)':
      head + Array.from({ length: 1214 }, () => '>a: AEINRST - +0 0\n>b: AEINRST - +0 0\n').join(''),
    'plays over the same squares (2,428)':
      head +
      Array.from({ length: 1214 }, () => '>a: AEINRST 8D RETAINS +70 70\n>b: AEINRST 8D RETAINS +70 70\n').join(''),
    'one 1 MB line': head + '>a: ' + 'A'.repeat(999_000),
    'blank lines (1 MB)': fill('\n'),
    'pragmas (1 MB)': fill('#title x\n'),
  };
  for (const [name, text] of Object.entries(records)) {
    time('GCG record', `${name}: parseGcg`, () => parseGcg(text), 3);
    const r = parseGcg(text);
    if (r.ok) time('GCG record', `${name}: replayGcg`, () => replayGcg(r.value, dict), 3);
  }

  // Persisted games at their largest, and requests on them.
  for (const [name, state] of [
    ['Boggle 6×6, 64 players, 4,000 words', maxBoggle(engine, dict)],
    ['duplicate, 64 players', maxDuplicate(engine, config, dict)],
  ] as const) {
    const text = JSON.stringify(gameToJSON(state));
    const object = JSON.parse(text) as unknown;
    time(
      'persisted game',
      `${name} (${state.history.length} events, ${Math.round(text.length / 1024)} KB): gameFromJSON(text)`,
      () => gameFromJSON(text, engine),
      3,
    );
    time('persisted game', `${name}: gameFromJSON(object)`, () => gameFromJSON(object, engine), 3);
    time('persisted game', `${name}: gameToJSON`, () => gameToJSON(state), 3);
    time('persisted game', `${name}: playerView`, () => playerView(state, state.players[0]?.id ?? ''), 3);
    time('persisted game', `${name}: gameToGcg`, () => gameToGcg(state), 3);
    time('request', `${name}: a word or a play`, () =>
      engine.apply(state, state.players[1]?.id ?? '', { type: 'play', word: 'QUIZ', tiles: [] }),
    );
    time('request', `${name}: info`, () => engine.apply(state, state.players[1]?.id ?? '', { type: 'info' }));
    time('request', `${name}: close-turn`, () => engine.apply(state, SERVER_ID, { type: 'close-turn' }), 3);
  }
  // A duplicate turn closed with two blanks in the shared hand (the engine searches the top play).
  const dup = engine.create({ name: 'x', timePerTurn: 60, code: 'duplicate-en', maxPlayers: 2, seed: 4 }, 'a');
  if (!dup.ok) throw new Error('create');
  const started = engine.apply(dup.value.state, 'a', { type: 'start' });
  if (!started.ok || started.value.state.duplicate === undefined) throw new Error('start');
  for (const letters of ['??AEIRS', '??ESSST']) {
    const hand = handFromLetters(letters, config);
    if (!hand.ok) continue;
    const s0 = started.value.state;
    const state: GameState = Object.freeze({
      ...s0,
      duplicate: Object.freeze({ ...(s0.duplicate as NonNullable<GameState['duplicate']>), hand: hand.value }),
    });
    time(
      'request',
      `duplicate, empty board, ${letters}: close-turn (finds the top)`,
      () => engine.apply(state, SERVER_ID, { type: 'close-turn' }),
      3,
    );
  }

  // Word-list queries on untrusted text.
  for (const [name, fn] of [
    ['anagram of 64 blanks, sub-anagrams', () => dict.anagrams('?'.repeat(64), { subAnagrams: true })],
    ['anagram of 15 blanks', () => dict.anagrams('?'.repeat(15))],
    ['pattern *', () => dict.matchPattern('*')],
    ['pattern of stars and ? with no match', () => dict.matchPattern('*?*?*?*?*?*?*?*?*Q')],
    ['pattern of 30 ?', () => dict.matchPattern('?'.repeat(30))],
  ] as const)
    time('word query', name, fn);

  // Dictionary files.
  const shipped = readFileSync(packageDictionaryPath());
  time(
    'dictionary file',
    `the shipped English file (${(shipped.length / 1e6).toFixed(1)} MB, DAWG and GADDAG)`,
    () => loadDictionary(shipped),
    3,
  );

  const worst = new Map<string, Timing>();
  for (const t of timings) if ((worst.get(t.family)?.ms ?? -1) < t.ms) worst.set(t.family, t);
  printTable(
    `Adversarial inputs: the slowest of each family (least of several runs; bound ${BOUND_MS} ms)`,
    ['family', 'inputs', 'worst input', 'ms', 'within'],
    [...worst.values()].map((t) => [
      t.family,
      String(timings.filter((x) => x.family === t.family).length),
      t.input,
      t.ms,
      t.ms <= BOUND_MS ? 'yes' : t.family.includes('allPlays') ? 'no (a listing)' : 'NO',
    ]),
  );
  saveResults('adversarial', { boundMs: BOUND_MS, timings });
}

/** A board after some plays of a self-played game of this configuration. */
function midGameBoard(config: GameConfig, dict: ReturnType<typeof englishSetup>['dict']) {
  const g = MoveGenerator.create(config, dict);
  if (!g.ok) return undefined;
  const racks = ['AEINRST', 'DEILOTV', 'BCEHKMU', 'AGLNORS', 'EIOPRTW', 'ADFIRSY', 'CEGNOTU', 'AEHLMRS'];
  for (const letters of racks) {
    const hand = handFromLetters(letters, config);
    if (!hand.ok) continue;
    const best = bestPlay(g.value, hand.value);
    if (best !== undefined) g.value.applyPlacements(best.placements);
  }
  return g.value.currentBoard();
}

/** A started game of `code` with 64 players p0..p63, and a step function that applies a request when it is accepted. */
function table(
  engine: ReturnType<typeof createEngine>,
  code: string,
): { players: string[]; state: () => GameState; step: (player: string, request: GameRequest) => void } {
  const players = Array.from({ length: 64 }, (_, i) => `p${i}`);
  const created = engine.create({ name: 'max', timePerTurn: 60, code, maxPlayers: 64, seed: 3 }, 'p0');
  if (!created.ok) throw new Error('create');
  let s = created.value.state;
  const step = (p: string, request: GameRequest) => {
    const r = engine.apply(s, p, request);
    if (r.ok) s = r.value.state;
  };
  for (const p of players.slice(1)) step(p, { type: 'join' });
  step('p0', { type: 'start' });
  return { players, state: () => s, step };
}

/** A Boggle 6×6 game of 64 players at the word limit (20 words a player a round, 3 rounds). */
function maxBoggle(engine: ReturnType<typeof createEngine>, dict: ReturnType<typeof englishSetup>['dict']): GameState {
  const t = table(engine, 'boggle-6x6');
  const solver = new BoggleSolver(dict);
  for (let round = 0; round < 3; round++) {
    const grid = t.state().boggle?.grid;
    const words = grid === undefined ? [] : solver.solveWords(grid).words;
    for (const p of t.players) for (const w of words.slice(0, 25)) t.step(p, { type: 'play', word: w.word });
    if (round < 2) t.step(SERVER_ID, { type: 'close-turn' });
  }
  return t.state();
}

/** A duplicate game of 64 players played to its end (each submits the top), as it stood before its last close. */
function maxDuplicate(
  engine: ReturnType<typeof createEngine>,
  config: GameConfig,
  dict: ReturnType<typeof englishSetup>['dict'],
): GameState {
  const t = table(engine, 'duplicate-en');
  let last = t.state();
  for (let s = t.state(); s.status === 'running' && s.duplicate !== undefined; s = t.state()) {
    const g = MoveGenerator.create(config, dict, s.duplicate.board);
    const best = g.ok ? bestPlay(g.value, s.duplicate.hand) : undefined;
    for (const p of t.players)
      t.step(p, best === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(best.placements, config) });
    last = t.state();
    t.step(SERVER_ID, { type: 'close-turn' });
  }
  return last;
}
