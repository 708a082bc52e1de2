/**
 * Games for the fuzz suites: an engine over the embedded dictionary, plausible requests that move
 * a game forward (best plays, real words, turn closes), hostile requests, and the invariants any
 * state must keep, checked by simple oracles independent of the loader.
 */
import {
  BLANK,
  type Dictionary,
  Code,
  createEngine,
  type Engine,
  gameFromJSON,
  gameToGcg,
  gameToJSON,
  playerView,
  SERVER_ID,
  type ChallengeRule,
  type GameRequest,
  type GameState,
  BoggleSolver,
  MoveGenerator,
  bestPlay,
  topPlays,
  moveInput,
} from 'wordgame-engine';
import { tilesConserved } from 'wordgame-engine/internals';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import type { Rng } from './harness.js';

/**
 * The games fuzzed: every game type, the other boards, and classic games under challenge rules
 * and with clocks (`CODE/RULE+clock`).
 */
export const CODES = [
  'scrabble-en',
  'scrabble-en/double',
  'scrabble-en/single+clock',
  'scrabble-en/triple+clock',
  'scrabble-en/5-point',
  'scrabble-en/10-point+clock',
  'scrabble-en/void+clock',
  'duplicate-en',
  'anagram-en',
  'boggle-4x4',
  'boggle-5x5',
  'boggle-6x6',
  'wwf-en',
  'super-en',
] as const;

/** The players of fuzzed games, outsiders and odd ids. */
export const IDS = [
  'ann',
  'bob',
  'cid',
  'dee',
  'eve',
  SERVER_ID,
  '',
  'x'.repeat(65),
  '__proto__',
  'constructor',
] as const;

/** The engine and dictionary the suites share. */
export interface Table {
  readonly engine: Engine;
  readonly dictionary: Dictionary;
  readonly solver: BoggleSolver;
}

let table: Table | undefined;

/** The shared engine over the embedded English dictionary. */
export function sharedTable(): Table {
  if (table !== undefined) return table;
  const d = loadDefaultDictionary();
  if (!d.ok) throw new Error(`the embedded dictionary: ${d.error.message}`);
  const dictionary = d.value;
  table = {
    engine: createEngine({ dictionary: (a) => (a === dictionary.alphabet.spec.name ? dictionary : undefined) }),
    dictionary,
    solver: new BoggleSolver(dictionary),
  };
  return table;
}

/** A new game of `variant` (a code of {@link CODES}) with 2-4 players, started or not. */
export function newGame(t: Table, variant: string, rng: Rng): GameState {
  const count = 2 + rng.int(3);
  const [code = variant, extra = ''] = variant.split('/');
  const [rule, clock] = extra === '' ? ['void'] : extra.split('+');
  const created = t.engine.create(
    {
      name: 'fuzz',
      timePerTurn: 60,
      code,
      maxPlayers: count + rng.int(2),
      seed: rng.next(),
      challengeRule: rule as ChallengeRule,
      ...(clock === undefined
        ? {}
        : {
            clock: { initialSeconds: 1 + rng.int(120), incrementSeconds: rng.int(10), overtimeSeconds: rng.int(120) },
          }),
    },
    'ann',
  );
  if (!created.ok) throw new Error(`create ${code}: ${created.error.message}`);
  let s = created.value.state;
  for (const id of IDS.slice(1, count)) {
    const r = t.engine.apply(s, id, { type: 'join' });
    if (r.ok) s = r.value.state;
  }
  if (rng.chance(0.9)) {
    const r = t.engine.apply(s, 'ann', { type: 'start', at: FUZZ_T0 });
    if (r.ok) s = r.value.state;
  }
  return s;
}

/** The time games with clocks start at. */
export const FUZZ_T0 = 1_000_000_000;

/** A time for a request: mostly after the clock's last time, sometimes before it or missing. */
function timeFor(s: GameState, rng: Rng): { at?: number } {
  const since = s.classic?.clock?.since;
  if (since === undefined || rng.chance(0.03)) return {};
  return { at: rng.chance(0.03) ? since - 1 - rng.int(1000) : since + rng.int(rng.chance(0.9) ? 40_000 : 400_000) };
}

/** A phony of the player to move: the best play's letters rotated along its squares. */
function phonyRequest(
  s: GameState,
  best: { placements: readonly { square: number; tile: number }[] },
  config: Parameters<typeof moveInput>[1],
): GameRequest | undefined {
  if (best.placements.length < 2) return undefined;
  const tiles = best.placements.map((x) => x.tile);
  tiles.push(tiles.shift() as number);
  return {
    type: 'play',
    ...moveInput(
      best.placements.map((x, i) => ({ square: x.square, tile: tiles[i] as number })),
      config,
    ),
  };
}

/** A request that moves the game forward, and who sends it. */
export function realRequest(t: Table, s: GameState, rng: Rng): { player: string; request: GameRequest } {
  const any = s.players[rng.int(s.players.length)]?.id ?? 'ann';
  if (s.status === 'waiting')
    return rng.chance(0.5)
      ? { player: 'ann', request: { type: 'start' } }
      : { player: rng.pick(IDS), request: { type: 'join' } };
  if (s.status === 'over') return { player: any, request: { type: rng.pick(['hand', 'board', 'scores', 'info']) } };
  const ctx = t.engine.context(s);
  if (!ctx.ok) return { player: any, request: { type: 'pass' } };
  const { config } = ctx.value;
  if (s.classic !== undefined) {
    const mover = s.players[s.classic.toMove]?.id ?? 'ann';
    const hand = s.classic.tiles.hands[s.classic.toMove] ?? [];
    const at = timeFor(s, rng);
    if (rng.chance(0.08) && hand.length > 0)
      return {
        player: mover,
        request: {
          type: 'trade',
          glyphs: hand.slice(0, 1 + rng.int(hand.length)).map((x) => (x === BLANK ? '?' : config.alphabet.glyph(x))),
          ...at,
        },
      };
    if (rng.chance(0.05)) return { player: mover, request: { type: 'pass', ...at } };
    if (rng.chance(0.15)) return { player: rng.chance(0.8) ? mover : any, request: { type: 'challenge', ...at } };
    if (rng.chance(0.01)) return { player: any, request: { type: 'resign', ...at } };
    if (rng.chance(0.03))
      return { player: rng.chance(0.5) ? SERVER_ID : any, request: { type: 'tick', at: at.at ?? 0 } };
    const g = MoveGenerator.create(config, t.dictionary, s.classic.tiles.board);
    const best = g.ok ? bestPlay(g.value, hand) : undefined;
    const phony = best !== undefined && rng.chance(0.2) ? phonyRequest(s, best, config) : undefined;
    return {
      player: mover,
      request:
        phony !== undefined
          ? { ...phony, ...at }
          : best === undefined
            ? { type: 'pass', ...at }
            : { type: 'play', ...moveInput(best.placements, config), ...at },
    };
  }
  if (rng.chance(0.25)) return { player: SERVER_ID, request: { type: 'close-turn' } };
  if (s.duplicate !== undefined) {
    const g = MoveGenerator.create(config, t.dictionary, s.duplicate.board);
    const plays = g.ok ? topPlays(g.value, s.duplicate.hand, 20) : [];
    const play = plays[rng.int(plays.length)];
    return {
      player: any,
      request: play === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(play.placements, config) },
    };
  }
  if (s.anagram !== undefined) {
    const text = s.anagram.draw.map((x) => (x === BLANK ? '?' : config.alphabet.glyph(x))).join('');
    const words = t.dictionary.anagrams(text, { subAnagrams: true, minLength: 3, limit: 40 });
    const list = words.ok ? words.value.words : [];
    return { player: any, request: list.length === 0 ? { type: 'pass' } : { type: 'play', word: rng.pick(list) } };
  }
  if (s.boggle !== undefined) {
    const words = t.solver.solveWords(s.boggle.grid).words;
    const w = words[rng.int(words.length)];
    if (w === undefined) return { player: any, request: { type: 'pass' } };
    const cols = s.boggle.grid.cols;
    return {
      player: any,
      request: rng.chance(0.5)
        ? { type: 'play', word: w.word }
        : { type: 'play', path: w.path.map((i) => [Math.floor(i / cols), i % cols]) },
    };
  }
  return { player: any, request: { type: 'pass' } };
}

const BIG_TILES = Array.from({ length: 100_000 }, (_, i) => ({ row: i % 15, col: i % 7, glyph: 'A' }));
const BIG_PATH = Array.from({ length: 100_000 }, (_, i) => [i % 4, i % 3]);
const MEGA = 'E'.repeat(1 << 20);

/** A random JSON value, sometimes large, sometimes with an own `__proto__` key. */
function junk(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 8 : 12)) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 7, 15, 255, 65536]);
    case 2:
      return rng.pick(['', 'A', 'a', '?', 'QU', '[CH]', '__proto__', 'é', '💥', MEGA, ' ', 'play', '8H']);
    case 3:
      return rng.chance(0.5);
    case 4:
      return rng.pick(['A', 'E', 'Z', 'Q', 'S']);
    case 5:
      return rng.int(20) - 2;
    case 6:
      return 'x'.repeat(rng.int(300));
    case 7:
      return [];
    case 8:
      return Array.from({ length: rng.int(6) }, () => junk(rng, depth + 1));
    case 9:
      return Object.fromEntries(
        Array.from({ length: rng.int(4) }, () => [
          rng.pick(['row', 'col', 'glyph', 'blank', 'type', 'word', 'x']),
          junk(rng, depth + 1),
        ]),
      );
    case 10:
      return JSON.parse(
        `{"__proto__": ${JSON.stringify({ tiles: [{ row: 7, col: 7, glyph: 'A' }], type: 'play' })}}`,
      ) as unknown;
    default:
      return { constructor: junk(rng, depth + 1), toString: 'x' };
  }
}

/** A hostile or malformed request (JSON values only: what a server hands over after JSON.parse). */
export function hostileRequest(rng: Rng): unknown {
  const tile = () =>
    rng.chance(0.7)
      ? {
          row: rng.int(17) - 1,
          col: rng.int(17) - 1,
          glyph: rng.pick(['A', 'E', 'S', 'q', '?', 'QU', '', '__proto__', 'é']),
          ...(rng.chance(0.2) ? { blank: junk(rng) } : {}),
        }
      : junk(rng, 2);
  switch (rng.int(14)) {
    case 0:
      return junk(rng);
    case 1:
      return { type: junk(rng) };
    case 2:
      return { type: 'play', tiles: Array.from({ length: rng.int(9) }, tile) };
    case 3:
      return { type: 'play', tiles: rng.chance(0.5) ? BIG_TILES : junk(rng) };
    case 4:
      return { type: 'play', word: rng.chance(0.2) ? MEGA : junk(rng) };
    case 5:
      return {
        type: 'play',
        path: rng.chance(0.2)
          ? BIG_PATH
          : Array.from({ length: rng.int(20) }, () =>
              rng.chance(0.8) ? [rng.int(8) - 1, rng.int(8) - 1] : junk(rng, 2),
            ),
      };
    case 6:
      return {
        type: 'trade',
        glyphs: rng.chance(0.5)
          ? Array.from({ length: rng.int(12) }, () => rng.pick(['A', 'E', '?', 'Z', '', 'QU', '__proto__']))
          : junk(rng),
      };
    case 7:
      return { type: 'kick', player: rng.chance(0.7) ? rng.pick(IDS) : junk(rng) };
    case 8:
      return {
        type: rng.pick([
          'join',
          'leave',
          'start',
          'pass',
          'close-turn',
          'hand',
          'board',
          'scores',
          'info',
          'challenge',
          'resign',
          'tick',
        ]),
        extra: junk(rng),
        ...(rng.chance(0.5) ? { at: rng.chance(0.5) ? junk(rng) : FUZZ_T0 + rng.int(10_000_000) } : {}),
      };
    case 9:
      return JSON.parse(
        '{"type":"play","__proto__":{"word":"CAT"},"tiles":[{"row":7,"col":7,"glyph":"A","__proto__":{"blank":true}}]}',
      ) as unknown;
    case 10:
      return {
        type: 'play',
        tiles: [
          { row: 7, col: 7, glyph: 'A', blank: true },
          { row: 7, col: 7, glyph: 'A' },
        ],
      };
    case 11:
      return [{ type: 'play' }];
    case 12:
      return { type: 'play', word: 'E'.repeat(10 + rng.int(60)) + rng.pick(['', 'X', 'S']) };
    default:
      return {
        type: 'play',
        tiles: Array.from({ length: 1 + rng.int(7) }, (_, i) => ({
          row: 7,
          col: 3 + i,
          glyph: rng.pick(['A', 'E', 'S', 'T', 'R', 'N']),
        })),
      };
  }
}

/**
 * The invariants of a state, by simple oracles: tiles conserved, every player's score equal to
 * what the history adds up to (and the crossword state's), the JSON form reading back to the
 * same JSON, and views and exports answering. Returns the broken one, or undefined.
 */
export function brokenInvariant(t: Table, s: GameState): string | undefined {
  const ctx = t.engine.context(s);
  if (!ctx.ok) return `no context: ${ctx.error.message}`;
  const letters = ctx.value.config.letters;
  if (s.classic !== undefined && !tilesConserved(s.classic.tiles, letters)) return 'classic tiles not conserved';
  if (
    s.duplicate !== undefined &&
    !tilesConserved({ board: s.duplicate.board, hands: [s.duplicate.hand], bag: s.duplicate.bag, scores: [0] }, letters)
  )
    return 'duplicate tiles not conserved';
  for (const [i, p] of s.players.entries()) {
    let total = 0;
    for (const e of s.history) {
      if (e.type === 'played' && e.player === p.id) total += e.score;
      if (e.type === 'turn-closed') total += e.results.find((r) => r.player === p.id)?.score ?? 0;
      if (e.type === 'challenged' && e.target === p.id) total += e.points;
      if (e.type === 'game-over' && s.type === 'classic') {
        const final = e.scores.find((r) => r.player === p.id);
        total += (final?.adjustment ?? 0) + (final?.penalty ?? 0);
      }
    }
    if (p.score !== total) return `player ${p.id}: score ${p.score}, history ${total}`;
    if (s.classic !== undefined && s.classic.tiles.scores[i] !== p.score)
      return `player ${p.id}: score ${p.score}, board state ${s.classic.tiles.scores[i]}`;
  }
  const json = JSON.stringify(gameToJSON(s));
  const back = gameFromJSON(JSON.parse(json), t.engine);
  if (!back.ok) return `its JSON does not load: ${back.error.cause ?? back.error.message}`;
  if (JSON.stringify(gameToJSON(back.value)) !== json) return 'its JSON does not read back the same';
  for (const p of [...s.players.map((x) => x.id), 'outsider']) playerView(s, p);
  gameToGcg(s);
  return undefined;
}

/** True when a result is the engine's internal-error value (a throw caught inside `apply`). */
export function isInternalError(r: { ok: boolean; error?: { code: number } }): boolean {
  return !r.ok && r.error?.code === Code.UNKNOWN_ERROR;
}
