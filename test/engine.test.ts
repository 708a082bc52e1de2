import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLANK,
  Code,
  createEngine,
  type Engine,
  gameFromJSON,
  gameToGcg,
  gameToJSON,
  playerView,
  parseGcg,
  replayGcg,
  SERVER_ID,
  type GameEvent,
  type GameRequest,
  type GameSettingsInput,
  parseRequest,
  type GameState,
  MoveGenerator,
  bestPlay,
  moveInput,
  BoggleSolver,
  PREDEFINED_GAMES,
  gameInfo,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { tilesConserved } from 'wordgame-engine/internals';
import { FC, failure, unwrap } from './helpers.js';

const DICT = unwrap(loadDefaultDictionary());
const engine: Engine = createEngine({ dictionary: (a) => (a === 'en' ? DICT : undefined) });
const settings = (code: string, extra: Record<string, unknown> = {}) => ({
  name: 'Test game',
  timePerTurn: 60,
  code,
  maxPlayers: 3,
  seed: 1,
  ...extra,
});

function game(code: string, players = ['ann', 'bob'], start = true): GameState {
  let s = unwrap(engine.create(settings(code), players[0] as string)).state;
  for (const p of players.slice(1)) s = step(s, p, { type: 'join' });
  return start ? step(s, players[0] as string, { type: 'start' }) : s;
}

/** Applies a request; hostile ones are cast on purpose (`apply` checks every field at run time). */
function step(s: GameState, player: string, request: unknown): GameState {
  const r = engine.apply(s, player, request as GameRequest);
  if (!r.ok) throw new Error(`${JSON.stringify(request)}: ${r.error.code} ${r.error.cause ?? ''}`);
  return r.value.state;
}

function code(s: GameState, player: string, request: unknown): [number, string | number | undefined] {
  const r = engine.apply(s, player, request as GameRequest);
  if (r.ok) return [0, undefined];
  return [r.error.code, r.error.param];
}

/** A move request for the best play of a hand on a board. */
function bestRequest(s: GameState): GameRequest {
  const ctx = unwrap(engine.context(s));
  const board = s.classic?.tiles.board ?? s.duplicate?.board;
  const hand = s.classic?.tiles.hands[s.classic.toMove] ?? s.duplicate?.hand ?? [];
  const g = unwrap(MoveGenerator.create(ctx.config, DICT, board));
  const best = bestPlay(g, hand);
  if (best === undefined) return { type: 'pass' };
  return { type: 'play', ...moveInput(best.placements, ctx.config) };
}

describe('typed requests and parseRequest', () => {
  it('types every request, so a wrong shape is a compile error (checked by tsc in npm test)', () => {
    const typed: GameRequest[] = [
      { type: 'join' },
      { type: 'kick', player: 'bob' },
      { type: 'play', tiles: [{ row: 7, col: 7, glyph: 'A' }] },
      { type: 'play', word: 'QUIZ' },
      {
        type: 'play',
        path: [
          [0, 0],
          [0, 1],
        ],
      },
      { type: 'trade', glyphs: ['Q', '?'] },
      { type: 'hand' },
    ];
    // @ts-expect-error a trade takes glyphs, not tiles
    const wrong: GameRequest = { type: 'trade', tiles: ['Q'] };
    // @ts-expect-error an unknown request type
    const unknownType: GameRequest = { type: 'surrender' };
    expect(typed.map((r) => parseRequest(r).ok)).toEqual(typed.map(() => true));
    expect(failure(parseRequest(wrong)).code).toBe(Code.BAD_TRADE_FORMAT);
    expect(failure(parseRequest(unknownType))).toMatchObject({ code: Code.UNKNOWN_COMMAND, param: 'surrender' });
  });

  it('refuses untrusted JSON with the code apply gives for the same fault', () => {
    const s = game('scrabble-en');
    const cases: unknown[] = [
      null,
      7,
      [],
      {},
      { type: 3 },
      { type: 'dance' },
      { type: 'kick' },
      { type: 'trade', glyphs: 'AB' },
      { type: 'trade', glyphs: [1] },
      { type: 'play' },
      { type: 'play', tiles: 'A' },
    ];
    for (const c of cases) {
      const parsed = parseRequest(c);
      expect(parsed.ok, JSON.stringify(c)).toBe(false);
      if (!parsed.ok) expect(code(s, 'ann', c)[0], JSON.stringify(c)).toBe(parsed.error.code);
    }
    // A well-formed request is returned as it is, and apply decides the rest.
    const pass = unwrap(parseRequest(JSON.parse('{"type":"pass"}')));
    expect(engine.apply(s, 'ann', pass).ok).toBe(true);
  });
});

describe('creating a game: the catalogue settings codes', () => {
  const cases: [string, unknown, number, (string | number)?][] = [
    ['not an object', 'x', Code.BAD_GAME_CREATION_FORMAT],
    ['no name', settings('scrabble-en', { name: '' }), Code.NO_GAME_NAME],
    ['illegal name', settings('scrabble-en', { name: 'bad<name>' }), Code.ILLEGAL_GAME_NAME, '<'],
    ['no time per turn', settings('scrabble-en', { timePerTurn: undefined }), Code.NO_TIME_PER_TURN],
    ['non-integer time', settings('scrabble-en', { timePerTurn: 1.5 }), Code.NON_INTEGER_TIME_PER_TURN, '1.5'],
    ['time too short', settings('scrabble-en', { timePerTurn: 5 }), Code.TIME_PER_TURN_TOO_SHORT, 5],
    ['no code', settings(''), Code.NO_GAME_CODE],
    ['unknown code', settings('chess'), Code.UNKNOWN_GAME_CODE, 'chess'],
    ['__proto__ code', settings('__proto__'), Code.UNKNOWN_GAME_CODE, '__proto__'],
    ['no max players', settings('scrabble-en', { maxPlayers: undefined }), Code.NO_MAX_PLAYERS],
    ['non-integer max', settings('scrabble-en', { maxPlayers: '4' }), Code.NON_INTEGER_MAX_PLAYERS, '4'],
    ['max below 1', settings('scrabble-en', { maxPlayers: 0 }), Code.MAX_PLAYERS_TOO_SMALL, 0],
    ['illegal description', settings('scrabble-en', { description: 'tab\there' }), Code.ILLEGAL_GAME_DESCRIPTION, '\t'],
  ];
  it.each(cases)('%s', (_n, input, c, param) => {
    const e = failure(engine.create(input as GameSettingsInput, 'ann'));
    expect(e.code).toBe(c);
    if (param !== undefined) expect(e.param).toBe(param);
  });

  it('names the game codes there are for an unknown one, and the missing dictionary of a game', () => {
    expect(failure(engine.create(settings('chess'), 'ann')).cause).toBe(
      `the game codes are ${Object.keys(PREDEFINED_GAMES).join(', ')}`,
    );
    const e = failure(engine.create(settings('scrabble-fr'), 'ann'));
    expect([e.code, e.param, e.cause]).toEqual([
      Code.GAME_CREATION_ERROR,
      'no dictionary for alphabet fr',
      'game scrabble-fr plays in alphabet fr, and the engine was given no dictionary for it',
    ]);
  });

  it('refuses a game whose dictionary is of another language, though English and French share their glyphs', () => {
    const lazy = createEngine({ dictionary: () => DICT }); // the English dictionary for every alphabet
    const e = failure(lazy.create(settings('scrabble-fr'), 'ann'));
    expect([e.code, e.param]).toEqual([Code.ALPHABET_MISMATCH, 'en']);
    expect(e.cause).toContain('game scrabble-fr plays in alphabet fr; its dictionary is in en');
    expect(lazy.create(settings('wwf-en'), 'ann').ok).toBe(true); // Words With Friends plays in English
  });
});

describe('what anyone may see', () => {
  it("gives a game's public summary without the seed (with it the deal, and every rack, could be replayed)", () => {
    const s = unwrap(engine.create(settings('scrabble-en', { seed: 987654321 }), 'ann')).state;
    const info = gameInfo(s);
    expect(info.settings).not.toHaveProperty('seed');
    expect(JSON.stringify(info)).not.toContain('987654321');
  });
});

describe('the turn number', () => {
  it('counts the moves of a classic game (plays, trades, passes), and a JSON round trip keeps it', () => {
    let s = game('scrabble-en');
    expect(s.turn).toBe(1);
    s = step(s, 'ann', bestRequest(s));
    s = step(s, 'bob', { type: 'pass' });
    s = step(s, 'ann', bestRequest(s));
    expect(s.turn).toBe(4);
    expect(unwrap(gameFromJSON(JSON.parse(JSON.stringify(gameToJSON(s))), engine)).turn).toBe(4);
    const wrong = { ...gameToJSON(s), turn: 1 };
    expect(failure(gameFromJSON(wrong, engine)).cause).toBe('classic: the turn is not 1 + the moves made');
  });
});

describe('the command API: lifecycle and playing codes', () => {
  it('answers every code in its place', () => {
    const waiting = game('scrabble-en', ['ann', 'bob'], false);
    const classic = game('scrabble-en');
    const dup = game('duplicate-en');
    const ana = game('anagram-en');
    const bog = game('boggle-4x4');
    const full = step(waiting, 'cid', { type: 'join' });
    const rows: [string, GameState, string, unknown, number, (string | number)?][] = [
      ['bad message', classic, 'ann', [1], Code.BAD_MESSAGE_FORMAT],
      ['no type', classic, 'ann', { kind: 'play' }, Code.BAD_MESSAGE_FORMAT],
      ['empty message', classic, 'ann', null, Code.EMPTY_MESSAGE],
      ['bad player id', classic, '', { type: 'pass' }, Code.BAD_MESSAGE_FORMAT],
      ['unknown command', classic, 'ann', { type: 'dance' }, Code.UNKNOWN_COMMAND, 'dance'],
      ['full', full, 'dan', { type: 'join' }, Code.GAME_FULL],
      ['already in', waiting, 'bob', { type: 'join' }, Code.PLAYER_ALREADY_IN_GAME],
      ['join after start', classic, 'cid', { type: 'join' }, Code.GAME_ALREADY_STARTED],
      ['start: not operator', waiting, 'bob', { type: 'start' }, Code.NOT_OPERATOR],
      ['start twice', classic, 'ann', { type: 'start' }, Code.GAME_ALREADY_STARTED],
      ['kick format', waiting, 'ann', { type: 'kick' }, Code.BAD_KICK_FORMAT],
      ['kick: not operator', waiting, 'bob', { type: 'kick', player: 'ann' }, Code.KICK_NOT_OPERATOR],
      ['kick: no such user', waiting, 'ann', { type: 'kick', player: 'zed' }, Code.NO_SUCH_USER_IN_GAME, 'zed'],
      ['data: not in game', classic, 'zed', { type: 'hand' }, Code.NOT_IN_GAME],
      ['leave: not in game', classic, 'zed', { type: 'leave' }, Code.NOT_IN_GAME],
      ['bad move format', classic, 'ann', { type: 'play', tiles: 'x' }, Code.BAD_MOVES_FORMAT],
      [
        'bad format before not started',
        waiting,
        'ann',
        { type: 'play', tiles: [{ row: 99, col: 0, glyph: 'A' }] },
        Code.BAD_MOVES_FORMAT,
      ],
      ['not started', waiting, 'ann', { type: 'play', tiles: [] }, Code.GAME_NOT_STARTED],
      ['not a player', classic, 'zed', { type: 'play', tiles: [] }, Code.NOT_IN_GAME_PLAYER],
      ['not your turn', classic, 'bob', { type: 'play', tiles: [] }, Code.NOT_YOUR_TURN],
      ['no moves sent', classic, 'ann', { type: 'play', tiles: [] }, Code.NO_MOVES_SENT],
      [
        'first move too short',
        classic,
        'ann',
        { type: 'play', tiles: [{ row: 7, col: 7, glyph: 'A' }] },
        Code.ILLEGAL_GLYPH,
      ],
      ['trade format', classic, 'ann', { type: 'trade', glyphs: 'AB' }, Code.BAD_TRADE_FORMAT],
      ['trade: not in hand', classic, 'ann', { type: 'trade', glyphs: ['Z', 'Z'] }, Code.TILES_NOT_IN_HAND, 'Z'],
      ['trade in duplicate', dup, 'ann', { type: 'trade', glyphs: ['A'] }, Code.TRADING_IMPOSSIBLE],
      ['trade in Boggle', bog, 'ann', { type: 'trade', glyphs: ['A'] }, Code.TRADING_IMPOSSIBLE],
      ['close turn: not operator', classic, 'bob', { type: 'close-turn' }, Code.NOT_OPERATOR],
      ['close turn before start', waiting, SERVER_ID, { type: 'close-turn' }, Code.GAME_NOT_STARTED],
      ['anagram: empty word', ana, 'ann', { type: 'play', word: '' }, Code.NO_MOVES_SENT],
      ['anagram: bad word', ana, 'ann', { type: 'play', word: 42 }, Code.BAD_MOVES_FORMAT],
      [
        'boggle: same cell twice',
        bog,
        'ann',
        {
          type: 'play',
          path: [
            [0, 0],
            [0, 1],
            [0, 0],
          ],
        },
        Code.SAME_TILE_TWICE,
      ],
      ['boggle: bad path', bog, 'ann', { type: 'play', path: [[9, 9]] }, Code.BAD_MOVES_FORMAT],
    ];
    for (const [name, s, player, request, c, param] of rows) {
      const [got, p] = code(s, player, request);
      expect([name, got]).toEqual([name, c]);
      if (param !== undefined) expect([name, p]).toEqual([name, param]);
    }
  });

  it('60001 after one accepted submission (duplicate, anagram), 60005 after the end, 60204 late in the bag', () => {
    const dup = step(game('duplicate-en'), 'ann', { type: 'pass' });
    expect(code(dup, 'ann', { type: 'pass' })[0]).toBe(Code.ALREADY_PLAYED);
    expect(code(dup, 'ann', bestRequest(dup))[0]).toBe(Code.ALREADY_PLAYED);
    const ana = step(game('anagram-en'), 'bob', { type: 'pass' });
    expect(code(ana, 'bob', { type: 'play', word: 'AB' })[0]).toBe(Code.ALREADY_PLAYED);
    let over = game('scrabble-en');
    for (let i = 0; i < 6; i++) over = step(over, i % 2 === 0 ? 'ann' : 'bob', { type: 'pass' });
    expect(over.status).toBe('over');
    expect(code(over, 'ann', { type: 'pass' })[0]).toBe(Code.GAME_OVER);
    // Play the classic game until the bag holds fewer than 7 tiles, then trade.
    let s = game('scrabble-en');
    while (s.status === 'running' && (s.classic?.tiles.bag.tiles.length ?? 0) >= 7)
      s = step(s, s.players[s.classic?.toMove ?? 0]?.id as string, bestRequest(s));
    expect(s.status).toBe('running');
    {
      const mover = s.players[s.classic?.toMove ?? 0]?.id as string;
      const g = s.classic?.tiles.hands[s.classic.toMove]?.[0] as number;
      const e = engine.apply(s, mover, {
        type: 'trade',
        glyphs: [g === BLANK ? '?' : unwrap(engine.context(s)).config.alphabet.glyph(g)],
      });
      expect(!e.ok && e.error.code).toBe(Code.BAG_TOO_SMALL);
    }
  });
});

describe('full games through apply alone', () => {
  it('classic: to the end, scores equal the plays plus rack adjustments', () => {
    let s = game('scrabble-en');
    const events: GameEvent[] = [];
    for (let i = 0; i < 200 && s.status === 'running'; i++) {
      const r = engine.apply(s, s.players[s.classic?.toMove ?? 0]?.id as string, bestRequest(s));
      if (!r.ok) throw new Error(r.error.name);
      s = r.value.state;
      events.push(...r.value.events);
    }
    expect(s.status).toBe('over');
    // The game's record replays with every score matching.
    const record = unwrap(replayGcg(unwrap(parseGcg(gameToGcg(s) ?? '')), DICT));
    expect(record.findings).toEqual([]);
    expect(record.totals).toEqual(s.players.map((p) => p.score));
    const over = events.find((e) => e.type === 'game-over');
    for (const p of s.players) {
      const plays = events
        .filter((e) => e.type === 'played' && e.player === p.id)
        .reduce((t, e) => t + (e.type === 'played' ? e.score : 0), 0);
      const adjust = over?.type === 'game-over' ? (over.scores.find((x) => x.player === p.id)?.adjustment ?? 0) : 0;
      expect(p.score).toBe(plays + adjust);
    }
  });

  it('duplicate: games closed in turn on one engine (and one reloaded) each get the top a fresh generator finds', () => {
    // The engine keeps a generator on the last board it closed a turn on: other games, other
    // boards and reloaded states must not see its tiles.
    const other = unwrap(engine.create({ ...settings('duplicate-en'), seed: 7 }, 'ann')).state;
    const games = [
      game('duplicate-en', ['ann', 'bob']),
      step(step(other, 'bob', { type: 'join' }), 'ann', { type: 'start' }),
    ];
    let closes = 0;
    for (let turn = 0; turn < 12; turn++) {
      for (let g = 0; g < games.length; g++) {
        let s = games[g] as GameState;
        if (s.status !== 'running') continue;
        if (turn === 5 && g === 0) s = unwrap(gameFromJSON(JSON.stringify(gameToJSON(s)), engine));
        const fresh = unwrap(MoveGenerator.create(unwrap(engine.context(s)).config, DICT, s.duplicate?.board));
        const expected = bestPlay(fresh, s.duplicate?.hand ?? []);
        const r = unwrap(engine.apply(s, SERVER_ID, { type: 'close-turn' }));
        const closed = r.events.find((e) => e.type === 'turn-closed');
        expect(closed?.type === 'turn-closed' ? closed.top : undefined).toEqual(
          expected === undefined ? undefined : { move: expected.notation, score: expected.score },
        );
        closes++;
        games[g] = r.state;
      }
    }
    expect(closes).toBeGreaterThan(12);
  });

  it('duplicate: each turn the top goes on the board and the hand keeps the vowel rule', () => {
    let s = game('duplicate-en', ['ann', 'bob', 'cid']);
    for (let turn = 0; turn < 40 && s.status === 'running'; turn++) {
      s = step(s, 'ann', bestRequest(s));
      s = step(s, 'bob', { type: 'pass' });
      const r = engine.apply(s, SERVER_ID, { type: 'close-turn' });
      if (!r.ok) throw new Error(r.error.name);
      const closed = r.value.events.find((e) => e.type === 'turn-closed');
      expect(closed?.type === 'turn-closed' && closed.results[0]?.score).toBe(
        closed?.type === 'turn-closed' ? closed.top?.score : -1,
      );
      s = r.value.state;
      const ctx = unwrap(engine.context(s));
      if (s.status === 'running') {
        const hand = s.duplicate?.hand ?? [];
        const vowels = hand.filter((t) => t !== BLANK && ctx.config.alphabet.isVowel(t)).length;
        const consonants = hand.filter((t) => t !== BLANK && !ctx.config.alphabet.isVowel(t)).length;
        const need = s.turn <= 15 ? 2 : 1;
        expect(vowels >= need && consonants >= need).toBe(true);
        expect(
          tilesConserved(
            { board: s.duplicate!.board, hands: [hand], bag: s.duplicate!.bag, scores: [0] },
            ctx.config.letters,
          ),
        ).toBe(true);
      }
    }
    expect(s.players[0]?.score).toBeGreaterThan(0);
    expect(s.players[1]?.score).toBe(0);
  });

  it('anagram and Boggle: words score at the close of the turn', () => {
    let a = game('anagram-en');
    const ctx = unwrap(engine.context(a));
    const text = (a.anagram?.draw ?? []).map((t) => (t === BLANK ? '?' : ctx.config.alphabet.glyph(t))).join('');
    const words = unwrap(DICT.anagrams(text, { subAnagrams: true, minLength: 3 })).words.filter((w) => w.length <= 9);
    expect(words.length).toBeGreaterThan(0);
    const longest = words.reduce((x, y) => (y.length > x.length ? y : x));
    a = step(a, 'ann', { type: 'play', word: longest });
    expect(code(a, 'ann', { type: 'play', word: longest })[0]).toBe(Code.ALREADY_PLAYED);
    a = unwrap(engine.apply(a, SERVER_ID, { type: 'close-turn' })).state;
    const table = [0, 0, 0, 3, 4, 5, 6, 8, 10, 12];
    expect(a.players.map((p) => p.score)).toEqual([table[Math.min(longest.length, 9)], 0]);

    let b = game('boggle-4x4');
    const found = new BoggleSolver(DICT).solveWords((b.boggle as NonNullable<GameState['boggle']>).grid).words;
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    b = step(b, 'ann', { type: 'play', word: first.word });
    b = step(b, 'bob', { type: 'play', word: first.word });
    b = step(b, 'bob', { type: 'play', word: found[1]!.word });
    b = step(b, 'ann', { type: 'close-turn' });
    // The word both found is cancelled; bob's second word counts.
    expect(b.players.map((p) => p.score)).toEqual([0, found[1]!.score]);
    for (let i = 0; i < 2; i++) b = step(b, 'ann', { type: 'close-turn' });
    expect(b.status).toBe('over');
  });

  it('records players who leave a finished game, and reloads such a state', () => {
    let s = game('anagram-en', ['ann', 'bob']);
    while (s.status === 'running') s = step(s, SERVER_ID, { type: 'close-turn' });
    s = step(s, 'bob', { type: 'leave' });
    expect(s.history.at(-1)).toEqual({ type: 'left', player: 'bob' });
    expect(s.players[1]?.left).toBe(true);
    const back = unwrap(gameFromJSON(JSON.stringify(gameToJSON(s)), engine, { verify: 'replay' }));
    expect(JSON.stringify(gameToJSON(back))).toBe(JSON.stringify(gameToJSON(s)));
    // Only departures may follow the game-over.
    const json = gameToJSON(s) as unknown as { history: unknown[] };
    json.history.push({ type: 'answered', player: 'ann', word: 'CAT', score: 3 });
    expect(failure(gameFromJSON(json, engine)).cause).toMatch(/only departures follow the game-over/);
  });

  it('hides what a player may not see', () => {
    const s = game('scrabble-en');
    const v = playerView(s, 'bob') as {
      classic: { hands: (string | null)[]; handSizes: number[]; bag: { size: number } };
      settings: { seed: unknown };
    };
    expect(v.classic.hands[0]).toBeNull();
    expect(typeof v.classic.hands[1]).toBe('string');
    expect(v.classic.handSizes).toEqual([7, 7]);
    expect(v.classic.bag).toEqual({ size: 86 });
    expect(v.settings.seed).toBeNull();
    expect(JSON.stringify(v)).not.toContain('"rng"');
    // Without the history: the same view, less the history.
    const lean = playerView(s, 'bob', { history: false });
    expect(lean).not.toHaveProperty('history');
    const { history, ...rest } = v as Record<string, unknown>;
    expect((history as unknown[]).length).toBeGreaterThan(0);
    expect(lean).toEqual(rest);
  });
});

// ---- model-based property tests ------------------------------------------------------------------

const PLAYERS = ['ann', 'bob', 'cid', 'zed'];
type Real = { state: GameState; accepted: { player: string; request: unknown }[]; events: GameEvent[] };

function check(real: Real): void {
  const s = real.state;
  const ctx = unwrap(engine.context(s));
  if (s.classic !== undefined) expect(tilesConserved(s.classic.tiles, ctx.config.letters)).toBe(true);
  if (s.duplicate !== undefined)
    expect(
      tilesConserved(
        { board: s.duplicate.board, hands: [s.duplicate.hand], bag: s.duplicate.bag, scores: [0] },
        ctx.config.letters,
      ),
    ).toBe(true);
  const json = JSON.stringify(gameToJSON(s));
  expect(JSON.stringify(gameToJSON(unwrap(gameFromJSON(JSON.parse(json), engine, { verify: 'replay' }))))).toBe(json);
  // Scores: the accepted plays plus end-of-game adjustments (classic), or the closed turns' results.
  for (const p of s.players) {
    let total = 0;
    for (const e of s.history) {
      if (e.type === 'played' && e.player === p.id) total += e.score;
      if (e.type === 'turn-closed') total += e.results.find((r) => r.player === p.id)?.score ?? 0;
      if (e.type === 'game-over' && s.type === 'classic')
        total += e.scores.find((r) => r.player === p.id)?.adjustment ?? 0;
    }
    expect(p.score).toBe(total);
  }
}

class Request implements fc.Command<object, Real> {
  constructor(
    readonly player: string,
    readonly request: unknown,
    readonly label: string,
  ) {}
  check(): boolean {
    return true;
  }
  run(_m: object, real: Real): void {
    const request =
      this.request === 'BEST'
        ? bestRequest(real.state)
        : this.request === 'WORD'
          ? realWord(real.state, this.player)
          : this.request;
    const before = JSON.stringify(gameToJSON(real.state));
    const r = engine.apply(real.state, this.player, request as GameRequest);
    if (r.ok) {
      real.state = r.value.state;
      real.accepted.push({ player: this.player, request });
      check(real);
    } else {
      expect(r.error.code).not.toBe(Code.UNKNOWN_ERROR);
      expect(JSON.stringify(gameToJSON(real.state))).toBe(before);
      expect(typeof r.error.code).toBe('number');
    }
  }
  toString(): string {
    return `${this.player}: ${this.label}`;
  }
}

const player = fc.constantFrom(...PLAYERS, SERVER_ID);

/** A valid word for the state: from the anagram draw, or on the Boggle grid. */
function realWord(s: GameState, playerId: string): unknown {
  const pick = [...playerId].reduce((h, c) => h + c.charCodeAt(0), s.turn);
  if (s.anagram !== undefined) {
    const ctx = unwrap(engine.context(s));
    const text = s.anagram.draw.map((t) => (t === BLANK ? '?' : ctx.config.alphabet.glyph(t))).join('');
    const words = unwrap(DICT.anagrams(text, { subAnagrams: true, minLength: 3, limit: 50 })).words;
    return { type: 'play', word: words[pick % Math.max(1, words.length)] ?? 'zzz' };
  }
  if (s.boggle !== undefined) {
    const words = new BoggleSolver(DICT).solveWords(s.boggle.grid).words;
    const w = words[pick % Math.max(1, words.length)];
    return w === undefined ? { type: 'pass' } : { type: 'play', word: w.word };
  }
  return { type: 'pass' };
}

/** The player to move in a classic game, else anyone. */
function mover(s: GameState, fallback: string): string {
  return s.classic !== undefined ? (s.players[s.classic.toMove]?.id ?? fallback) : fallback;
}

class MoverRequest extends Request {
  override run(m: object, real: Real): void {
    new Request(mover(real.state, this.player), this.request, this.label).run(m, real);
  }
}
const glyph = fc.constantFrom('A', 'E', 'S', 'T', 'Q', 'Z', '?', 'qu', '', '__proto__');
const commands = [
  player.map((p) => new Request(p, { type: 'join' }, 'join')),
  player.map((p) => new Request(p, { type: 'start' }, 'start')),
  player.map((p) => new MoverRequest(p, 'BEST', 'best play')),
  player.map((p) => new MoverRequest(p, 'BEST', 'best play')),
  player.map((p) => new MoverRequest(p, 'BEST', 'best play')),
  player.map((p) => new Request(p, 'WORD', 'a real word')),
  player.map((p) => new Request(p, 'WORD', 'a real word')),
  player.map((p) => new MoverRequest(p, { type: 'pass' }, 'pass (mover)')),
  fc.constant(new Request(SERVER_ID, { type: 'close-turn' }, 'close')),
  fc
    .tuple(
      player,
      fc.array(fc.record({ row: fc.integer({ min: -1, max: 15 }), col: fc.integer({ min: -1, max: 15 }), glyph }), {
        maxLength: 8,
      }),
    )
    .map(([p, tiles]) => new Request(p, { type: 'play', tiles }, `tiles ${JSON.stringify(tiles)}`)),
  fc
    .tuple(player, fc.string({ maxLength: 9 }))
    .map(([p, word]) => new Request(p, { type: 'play', word }, `word ${word}`)),
  fc
    .tuple(
      player,
      fc.array(fc.tuple(fc.integer({ min: -1, max: 5 }), fc.integer({ min: -1, max: 5 })), { maxLength: 6 }),
    )
    .map(([p, path]) => new Request(p, { type: 'play', path }, `path ${JSON.stringify(path)}`)),
  fc
    .tuple(player, fc.array(glyph, { maxLength: 8 }))
    .map(([p, glyphs]) => new Request(p, { type: 'trade', glyphs }, `trade ${glyphs.join('')}`)),
  player.map((p) => new Request(p, { type: 'pass' }, 'pass')),
  player.map((p) => new Request(p, { type: 'close-turn' }, 'close')),
  fc.tuple(player, player).map(([p, q]) => new Request(p, { type: 'kick', player: q }, `kick ${q}`)),
  player.map((p) => new Request(p, { type: 'leave' }, 'leave')),
  fc.tuple(player, fc.constantFrom('hand', 'board', 'scores', 'info')).map(([p, t]) => new Request(p, { type: t }, t)),
  fc.tuple(player, fc.anything()).map(([p, a]) => new Request(p, a, `anything ${JSON.stringify(a)}`)),
];

const stats = { accepted: 0, turns: 0 };

describe('random request sequences against every game type', () => {
  it.each(['scrabble-en', 'duplicate-en', 'anagram-en', 'boggle-4x4'])(
    '%s: never throws, rejections change nothing, tiles and scores add up, replay and JSON reproduce the state',
    (gameCode) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e6 }),
          fc.boolean(),
          fc.commands(commands, { maxCommands: 40, size: 'large' }),
          (seed, prestart, cmds) => {
            const created = unwrap(engine.create(settings(gameCode, { seed, maxPlayers: 3 }), 'ann'));
            const real: Real = { state: created.state, accepted: [], events: [] };
            if (prestart) {
              // Most runs start with two players in a running game.
              for (const [p, request] of [
                ['bob', { type: 'join' }],
                ['ann', { type: 'start' }],
              ] as const) {
                const r = engine.apply(real.state, p, request);
                if (r.ok) {
                  real.state = r.value.state;
                  real.accepted.push({ player: p, request });
                }
              }
            }
            fc.modelRun(() => ({ model: {}, real }), cmds);
            // Replay from the seed and the accepted requests.
            let replay = unwrap(engine.create(settings(gameCode, { seed, maxPlayers: 3 }), 'ann')).state;
            for (const { player: p, request } of real.accepted) {
              const r = engine.apply(replay, p, request as GameRequest);
              if (!r.ok) throw new Error(`replay rejected ${JSON.stringify(request)}`);
              replay = r.value.state;
            }
            expect(JSON.stringify(gameToJSON(replay))).toBe(JSON.stringify(gameToJSON(real.state)));
            stats.accepted += real.accepted.length;
            stats.turns += real.state.history
              .toArray()
              .filter((e) => e.type === 'played' || e.type === 'turn-closed').length;
          },
        ),
        { ...FC, numRuns: 40 },
      );
      // The sequences do reach the rules: many accepted requests and many plays or closed turns.
      expect(stats.accepted).toBeGreaterThan(100);
      expect(stats.turns).toBeGreaterThan(10);
      stats.accepted = 0;
      stats.turns = 0;
    },
  );
});
