import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, errorOf, server, token } from './harness.js';
import { MemoryStorage } from '../src/storage.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALPHABETS, Code, Dictionary, PERMISSIVE, emptyBoard, handFromLetters, moveInput, validateMove, parseGrid, saveDictionary, solveBoggle } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import type { RunningServer } from '../src/server.js';
import { bestFor, config, phonyFor } from '../scripts/best-play.js';

let s: RunningServer;
const open: Client[] = [];
const login = async (player: string) => {
  const c = await Client.login(s.url, player);
  open.push(c);
  return c;
};
const connect = async (t: string | undefined) => {
  const c = await Client.connect(s.url, t);
  open.push(c);
  return c;
};
const settings = (name: string, extra: Record<string, unknown> = {}) => ({ name, timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 7, ...extra });

beforeAll(async () => {
  ({ server: s } = await server({ adminKey: 'secret-admin-key-0123', idleMs: 60_000 }));
});
afterAll(async () => {
  for (const c of open) c.close();
  await s.close();
});

describe('connecting', () => {
  it('needs a socket token: a missing or wrong one gets 99003 and the connection closes', async () => {
    const none = await connect(undefined);
    const e = errorOf(await none.next(() => true));
    expect([e?.code, e?.cause]).toEqual([99003, expect.stringContaining('missing socket token')]);
    expect((await none.waitClosed()).code).toBe(4001);
    const wrong = await connect('nope');
    expect(errorOf(await wrong.next(() => true))?.cause).toMatch(/invalid or expired/);
    expect((await wrong.waitClosed()).code).toBe(4001);
  });

  it('replaces a player\'s token on each identification', async () => {
    const first = await token(s.url, 'tina');
    await token(s.url, 'tina');
    const old = await connect(first);
    expect(errorOf(await old.next(() => true))?.code).toBe(99003);
    const r = await fetch(`${s.url}/v1/sessions`, { method: 'POST', body: JSON.stringify({ player: 'bad<name>', guest: true }) });
    expect([r.status, ((await r.json()) as { data: { code: number } }).data.code]).toEqual([400, 10103]);
  });

  it('checks the client type (10000-10008)', async () => {
    const c = await connect(await token(s.url, 'carl'));
    const code = async (data: unknown) => errorOf(await c.request('v1.client.identify', data));
    expect((await code('x'))?.code).toBe(10000);
    expect((await code({ version: '1', protocol: '1.0' }))?.code).toBe(10002);
    expect(await code({ name: 'a<b', version: '1', protocol: '1.0' })).toMatchObject({ code: 10003, param: 'a<b' });
    expect((await code({ name: 'web', protocol: '1.0' }))?.code).toBe(10004);
    expect((await code({ name: 'web', version: '1 0', protocol: '1.0' }))?.code).toBe(10005);
    expect((await code({ name: 'web', version: '1' }))?.code).toBe(10006);
    expect((await code({ name: 'web', version: '1', protocol: '1/0' }))?.code).toBe(10007);
    expect(await code({ name: 'web', version: '1', protocol: '0.2' })).toMatchObject({ code: 10008, param: '0.2', req: 'v1.client.identify' });
    expect(errorOf(await c.request('v1.client.identify', { name: 'web', version: '1', protocol: '1.0' }))).toBeUndefined();
    expect((await code({ name: 'web', version: '1', protocol: '1.0' }))?.code).toBe(10001);
  });

  it('checks the player name (10100-10104) and the order of identification (99003)', async () => {
    const c = await connect(await token(s.url, 'pia'));
    expect(errorOf(await c.request('v1.players.identify', { name: 'pia' }))?.code).toBe(99003);
    await c.request('v1.client.identify', { name: 'web', version: '1', protocol: '1.0' });
    expect(errorOf(await c.request('v1.players.identify', 5))?.code).toBe(10100);
    expect(errorOf(await c.request('v1.players.identify', {}))?.code).toBe(10102);
    expect(errorOf(await c.request('v1.players.identify', { name: 'p#a' }))?.code).toBe(10103);
    expect(errorOf(await c.request('v1.players.identify', { name: 'bob' }))?.cause).toMatch(/another player/);
    expect(errorOf(await c.request('v1.players.identify', { name: 'pia' }))).toBeUndefined();
    expect(errorOf(await c.request('v1.players.identify', { name: 'pia' }))).toMatchObject({ code: 10101, param: 'pia' });
    const twin = await connect(await token(s.url, 'pia'));
    await twin.request('v1.client.identify', { name: 'web', version: '1', protocol: '1.0' });
    expect(errorOf(await twin.request('v1.players.identify', { name: 'pia' }))).toMatchObject({ code: 10104, param: 'pia' });
  });

  it('reports bad messages in the error envelope with the request id (99000-99003)', async () => {
    const c = await connect(await token(s.url, 'moe'));
    c.raw('not json');
    expect(errorOf(await c.next(() => true))).toMatchObject({ code: 99000, errorCode: 'BAD_MESSAGE_FORMAT', req: 'unknown' });
    c.raw('');
    expect(errorOf(await c.next(() => true))?.code).toBe(99001);
    expect(errorOf(await c.request('v1.nothing'))).toMatchObject({ code: 99002, param: 'v1.nothing', id: expect.stringMatching(/^r\d+$/) });
    expect(errorOf(await c.request('v1.chat.message', { text: 'hi' }))).toMatchObject({ code: 99003, req: 'v1.chat.message' });
    c.raw(JSON.stringify({ req: 'v1.chat.message', data: { text: 'x'.repeat(20_000) } }));
    expect(errorOf(await c.next(() => true))?.cause).toMatch(/over 16384 bytes/);
    // The limit counts bytes: 9,000 é are 18,000 bytes of UTF-8 in 9,000 characters.
    c.raw(JSON.stringify({ req: 'v1.chat.message', data: { text: 'é'.repeat(9_000) } }));
    expect(errorOf(await c.next(() => true))?.cause).toMatch(/over 16384 bytes/);
  });

  it('echoes an id with its type, and refuses a bad id with the request', async () => {
    const c = await login('ida');
    c.raw(JSON.stringify({ req: 'v1.games.predefined', id: 42 }));
    const answer = await c.next((m) => m.res === 'v1.games.predefined');
    expect(answer.id).toBe(42);
    // Only the games this server can create (it has the English dictionary only).
    const codes = (answer.data as { games: { code: string }[] }).games.map((g) => g.code);
    expect(codes).toContain('scrabble-en');
    expect(codes).not.toContain('scrabble-fr');
    c.raw(JSON.stringify({ req: 'v1.games.predefined', id: 'not an id!' }));
    const refused = await c.next(() => true);
    expect(errorOf(refused)).toMatchObject({ code: 99000, param: 'id', req: 'v1.games.predefined' });
    expect(refused.res).toBe('v1.error');
  });
});

describe('chat', () => {
  it('checks chat, whispers and actions (20000-20201) and delivers them', async () => {
    const ann = await login('chat-ann');
    const bob = await login('chat-bob');
    expect(errorOf(await ann.request('v1.chat.message', 'x'))?.code).toBe(20000);
    expect(errorOf(await ann.request('v1.chat.message', { text: 5 }))?.code).toBe(20000);
    expect(errorOf(await ann.request('v1.chat.message', { text: ' ' }))?.code).toBe(20001);
    expect(errorOf(await ann.request('v1.chat.whisper', [1]))?.code).toBe(20100);
    expect(errorOf(await ann.request('v1.chat.whisper', { text: 'psst' }))?.code).toBe(20101);
    expect(errorOf(await ann.request('v1.chat.whisper', { to: 'nobody', text: 'psst' }))).toMatchObject({ code: 20102, param: 'nobody' });
    expect(errorOf(await ann.request('v1.chat.whisper', { to: 'chat-bob', text: '' }))?.code).toBe(20103);
    expect(errorOf(await ann.request('v1.chat.action', null))?.code).toBe(20201);
    expect(errorOf(await ann.request('v1.chat.action', 'dance'))?.code).toBe(20200);
    await ann.request('v1.chat.message', { text: 'hello all' });
    expect((await bob.next((m) => m.res === 'v1.chat')).data).toEqual({ from: 'chat-ann', text: 'hello all', action: false });
    await ann.request('v1.chat.whisper', { to: 'chat-bob', text: 'psst' });
    expect((await bob.next((m) => m.res === 'v1.whisper')).data).toEqual({ from: 'chat-ann', text: 'psst' });
  });
});

describe('games', () => {
  it('creates, joins, starts and plays through the engine, with the catalogue codes (30xxx-60xxx)', async () => {
    const ann = await login('g-ann');
    const bob = await login('g-bob');
    const cy = await login('g-cy');
    expect(errorOf(await ann.request('v1.games.create', 'x'))?.code).toBe(30000);
    expect(errorOf(await ann.request('v1.games.create', settings('', {})))?.code).toBe(30101);
    expect(errorOf(await ann.request('v1.games.create', settings('g1', { code: 'nope' })))).toMatchObject({ code: 30108, param: 'nope' });
    expect(errorOf(await bob.request('v1.games.request', { type: 'hand' }))?.code).toBe(50001);
    expect(errorOf(await bob.request('v1.games.view'))?.code).toBe(50001);
    const created = await ann.request('v1.games.create', settings('g1'));
    expect(created).toMatchObject({ res: 'v1.games.create', data: { game: 'g1', version: 1 } });
    expect(errorOf(await ann.request('v1.games.create', settings('g2')))?.code).toBe(30001);
    expect(errorOf(await cy.request('v1.games.create', settings('g1')))).toMatchObject({ code: 30102, param: 'g1' });
    expect(errorOf(await bob.request('v1.games.join', {}))?.code).toBe(35002);
    expect(errorOf(await bob.request('v1.games.join', { game: 'nope' }))).toMatchObject({ code: 35003, param: 'nope' });
    expect(errorOf(await bob.request('v1.games.join', 'g1'))?.code).toBe(35000);
    expect(errorOf(await bob.request('v1.games.join', { game: 'g1' }))).toBeUndefined();
    expect(errorOf(await cy.request('v1.games.join', { game: 'g1' }))?.code).toBe(35101);
    expect(errorOf(await bob.request('v1.games.request', { type: 'start' }))?.code).toBe(40001);
    const started = await ann.request('v1.games.request', { type: 'start' });
    expect(errorOf(started)).toBeUndefined();
    expect(errorOf(await ann.request('v1.games.request', { type: 'start' }))?.code).toBe(40002);
    expect(errorOf(await ann.request('v1.games.request', { type: 'kick', player: 'g-cy' }))).toMatchObject({ code: 40102 });
    // Bob sees the start, with his own hand and not Ann's.
    const event = await bob.next((m) => m.res === 'v1.event' && (m.data as { events: { type: string }[] }).events.some((e) => e.type === 'started'));
    const view = (event.data as { view: { classic: { hands: (string | null)[] } } }).view;
    expect(view.classic.hands[0]).toBeNull();
    expect(view.classic.hands[1]).toMatch(/^[A-Z?]{7}$/);
    // Pushes carry the view without the history; v1.games.view gives it whole, hiding the same.
    expect(view).not.toHaveProperty('history');
    const whole = (await bob.request('v1.games.view')).data as { game: string; version: number; view: { classic: { hands: (string | null)[] }; history: { type: string }[] } };
    expect(whole).toMatchObject({ game: 'g1', version: (event.data as { version: number }).version });
    expect(whole.view.history.map((e) => e.type)).toEqual(['created', 'started']);
    expect(whole.view.classic.hands).toEqual(view.classic.hands);
    expect(errorOf(await bob.request('v1.games.request', { type: 'pass' }))).toMatchObject({ code: 60002, errorCode: 'NOT_YOUR_TURN' });
    expect(errorOf(await ann.request('v1.games.request', { type: 'play', tiles: [{ row: 0, col: 0, glyph: 'Q' }] }))?.code).toBeGreaterThanOrEqual(60000);
    const passed = await ann.request('v1.games.request', { type: 'pass' });
    // The mover's answer carries the new view and turn; the others get them in a push.
    expect(passed).toMatchObject({ res: 'v1.games.request', data: { game: 'g1', toMove: 'g-bob', view: { turn: expect.any(Number) } } });
    expect(passed.data).not.toHaveProperty('view.history');
    const seen = await bob.next((m) => m.res === 'v1.event' && (m.data as { events: { type: string }[] }).events.some((e) => e.type === 'passed'));
    expect((seen.data as { toMove: string }).toMove).toBe('g-bob');
    // Others never see a rack in the events.
    expect(JSON.stringify(seen.data)).not.toMatch(/"rack"/);
  });

  it('closes a turn whose time is up, as @server', async () => {
    const { server: fast } = await server({ turnTimeScale: 0.02, timerIntervalMs: 50 });
    try {
      const a = await Client.login(fast.url, 't-ann');
      const b = await Client.login(fast.url, 't-bob');
      await a.request('v1.games.create', settings('timed', { code: 'duplicate-en', maxPlayers: 3, timePerTurn: 10 }));
      await b.request('v1.games.join', { game: 'timed' });
      await a.request('v1.games.request', { type: 'start' });
      const closed = await b.next((m) => m.res === 'v1.event' && (m.data as { events: { type: string }[] }).events.some((e) => e.type === 'turn-closed'), 5000);
      expect((closed.data as { view: { turn: number } }).view.turn).toBeGreaterThanOrEqual(2);
      a.close();
      b.close();
    } finally {
      await fast.close();
    }
  });
  it('stamps requests with its own time, shows the clocks, and ends a game on time (the engine\'s tick)', async () => {
    const { server: fast } = await server({ timerIntervalMs: 50 });
    try {
      const a = await Client.login(fast.url, 'c-ann');
      const b = await Client.login(fast.url, 'c-bob');
      await a.request('v1.games.create', settings('clocked', { challengeRule: 'double', clock: { initialSeconds: 1, overtimeSeconds: 0 } }));
      await b.request('v1.games.join', { game: 'clocked' });
      // A client's own time is ignored: the server's clock counts.
      const started = await a.request('v1.games.request', { type: 'start', at: 1 });
      const clock = (started.data as { view: { classic: { clock: { remaining: number[]; since: number } } } }).view.classic.clock;
      expect(clock.remaining).toEqual([1000, 1000]);
      expect(Math.abs(clock.since - Date.now())).toBeLessThan(5000);
      const over = await b.next((m) => m.res === 'v1.event' && (m.data as { events: { type: string }[] }).events.some((e) => e.type === 'timed-out'), 5000);
      const events = (over.data as { events: { type: string; forfeited?: string; scores?: { penalty?: number }[] }[] }).events;
      expect(events.map((e) => e.type)).toEqual(['timed-out', 'game-over']);
      expect(events[1]?.scores?.every((x) => x.penalty !== undefined)).toBe(true);
      a.close();
      b.close();
    } finally {
      await fast.close();
    }
  });
});

describe('the history a client keeps', () => {
  /** A player's history as a client keeps it: the view at entry, then each change's events (pushes and its own answers) in version order. */
  class Kept {
    readonly #changes = new Map<number, unknown[]>();
    #base: unknown[] = [];
    #from = 0;
    constructor(readonly client: Client) {}
    enter(answer: Record<string, unknown>): void {
      const d = answer.data as { version: number; view: { history: unknown[] } };
      this.#base = d.view.history;
      this.#from = d.version;
    }
    answered(answer: Record<string, unknown>): void {
      const d = answer.data as { version: number; events: unknown[]; view?: unknown };
      if (d.view !== undefined) this.#changes.set(d.version, d.events);
    }
    history(): unknown[] {
      for (const m of this.client.pushed.filter((m) => m.res === 'v1.event')) {
        const d = m.data as { version: number; events: unknown[] };
        this.#changes.set(d.version, d.events);
      }
      const versions = [...this.#changes.keys()].filter((v) => v > this.#from).sort((a, b) => a - b);
      return [...this.#base, ...versions.flatMap((v) => this.#changes.get(v) as unknown[])];
    }
  }

  it.each(['scrabble-en', 'duplicate-en', 'anagram-en', 'boggle-4x4'])('%s: appending the pushes gives v1.games.view\'s history exactly', async (code) => {
    const { server: t } = await server({ turnTimeScale: 0.005, timerIntervalMs: 20 });
    try {
      const [a, b] = [await Client.login(t.url, `h-${code}-a`), await Client.login(t.url, `h-${code}-b`)];
      const ka = new Kept(a);
      const kb = new Kept(b);
      ka.enter(await a.request('v1.games.create', settings(`h-${code}`, { code })));
      kb.enter(await b.request('v1.games.join', { game: `h-${code}` }));
      ka.answered(await a.request('v1.games.request', { type: 'start' }));
      // Each player trades (classic: tiles the other may not see) or passes when it may; turns also close on time.
      for (let i = 0; i < 12; i++) {
        const view = (await a.request('v1.games.view')).data as { view: { status: string; classic?: { hands: (string | null)[] } }; toMove: string | null };
        if (view.view.status === 'over') break;
        for (const [k, c, id] of [[ka, a, 0], [kb, b, 1]] as const) {
          if (code === 'scrabble-en' && view.toMove !== `h-${code}-${id === 0 ? 'a' : 'b'}`) continue;
          const mine = ((await c.request('v1.games.view')).data as { view: { classic?: { hands: (string | null)[] } } }).view.classic?.hands[id];
          const request = code === 'scrabble-en' && i < 4 && typeof mine === 'string' ? { type: 'trade', glyphs: [mine[0]] } : { type: 'pass' };
          const answer = await c.request('v1.games.request', request);
          if (errorOf(answer) === undefined) k.answered(answer);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
      for (const [k, c] of [[ka, a], [kb, b]] as const) {
        // At any moment (here after a dozen rounds, or at the end), once the pushes are in.
        const whole = (await c.request('v1.games.view')).data as { view: { history: unknown[]; status: string } };
        expect(whole.view.history.length).toBeGreaterThan(3);
        expect(k.history()).toEqual(whole.view.history);
      }
      // Trades were made, and the other player never saw the tiles.
      if (code === 'scrabble-en') expect(JSON.stringify(kb.history())).toMatch(/"traded"/);
      a.close();
      b.close();
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('no hidden information', () => {
  const SEED = 987_654_321;
  /** Every leak in a message to `me`: the seed, the bag's contents, another player's hand, rack, tiles or submission while the game runs. */
  function leaks(message: unknown, me: string, players: readonly string[]): string[] {
    const found: string[] = [];
    if (JSON.stringify(message).includes(String(SEED))) found.push('the seed');
    const walk = (v: unknown, path: string, running: boolean) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, running));
      if (v === null || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      const live = typeof o.status === 'string' ? o.status !== 'over' : running;
      if ('seed' in o && o.seed !== null && o.seed !== undefined) found.push(`${path}.seed`);
      if (o.bag !== undefined && o.bag !== null && live && Object.keys(o.bag as object).some((k) => k !== 'size')) found.push(`${path}.bag`);
      if (Array.isArray(o.hands) && live) o.hands.forEach((h, i) => h !== null && players[i] !== me && found.push(`${path}.hands[${i}]`));
      // A play open to a challenge: never whether it is a phony, nor the tiles drawn after it.
      if (o.pending !== undefined && o.pending !== null && live && Object.keys(o.pending as object).some((k) => k === 'phony' || k === 'drawn')) found.push(`${path}.pending`);
      if (Array.isArray(o.submissions) && live)
        o.submissions.forEach((x, i) => players[i] !== me && typeof x === 'object' && x !== null && found.push(`${path}.submissions[${i}]`));
      if (typeof o.type === 'string' && typeof o.player === 'string' && o.player !== me) {
        if ('rack' in o || 'tiles' in o) found.push(`${path}: another player's ${o.type} with its tiles`);
        if (['submitted', 'answered', 'found'].includes(o.type) && Object.keys(o).some((k) => k !== 'type' && k !== 'player')) found.push(`${path}: another player's ${o.type} in full`);
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`, live);
    };
    walk(message, '', true);
    return found;
  }

  it.each(['scrabble-en', 'scrabble-en+double', 'duplicate-en', 'anagram-en', 'boggle-4x4'])('%s: nothing a player or an observer receives shows what they may not see', async (variant) => {
    // `+double`: the double challenge rule and clocks, with a phony played and challenged.
    const [code = variant, rule] = variant.split('+');
    const { server: t } = await server({ turnTimeScale: 0.005, timerIntervalMs: 20 });
    const dict = loadDefaultDictionary();
    if (!dict.ok) throw new Error(dict.error.message);
    try {
      const names = [`s-${code}-a`, `s-${code}-b`, `s-${code}-o`];
      const [a, b, o] = [await Client.login(t.url, names[0] as string), await Client.login(t.url, names[1] as string), await Client.login(t.url, names[2] as string)];
      const received = new Map<Client, unknown[]>([[a, []], [b, []], [o, []]]);
      const ask = async (c: Client, req: string, data?: unknown) => {
        const m = await c.request(req, data);
        received.get(c)?.push(m);
        return m;
      };
      const extra = rule === undefined ? {} : { challengeRule: rule, clock: { initialSeconds: 600 } };
      await ask(a, 'v1.games.create', settings(`s-${code}`, { code, seed: SEED, ...extra }));
      await ask(b, 'v1.games.join', { game: `s-${code}` });
      await ask(a, 'v1.games.request', { type: 'start' });
      for (let i = 0; i < 10; i++) {
        await ask(o, 'v1.games.list');
        for (const [c, me] of [[a, 0], [b, 1]] as const) {
          const v = (await ask(c, 'v1.games.view')).data as { view: { status: string; classic?: { hands: (string | null)[]; board: string[]; pending?: unknown }; boggle?: { grid: string } }; toMove: string | null };
          if (v.view.status !== 'running') continue;
          await ask(c, 'v1.games.request', { type: 'hand' });
          const hand = v.view.classic?.hands[me];
          let request: Record<string, unknown> = { type: 'pass' };
          if (code === 'scrabble-en' && typeof hand === 'string' && i < 3) request = { type: 'trade', glyphs: [hand[0]] };
          if (rule !== undefined && typeof hand === 'string' && v.view.classic !== undefined) {
            // A phony first, challenged; then plays, each open to a challenge nobody makes.
            const board = v.view.classic.board;
            const phony = i === 0 ? phonyFor(board, hand) : undefined;
            const best = bestFor(board, hand).best;
            const placements = phony ?? best?.placements;
            request = v.view.classic.pending !== undefined && i === 0 ? { type: 'challenge' } : placements === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(placements, config) };
          }
          if (v.view.boggle !== undefined) {
            const grid = parseGrid(v.view.boggle.grid, dict.value.alphabet);
            const words = grid.ok ? solveBoggle(grid.value, dict.value).words : [];
            request = { type: 'play', word: words[(i + me) % Math.max(1, words.length)]?.word ?? 'ZZZ' };
          }
          if (code !== 'scrabble-en' || v.toMove === names[me]) await ask(c, 'v1.games.request', request);
        }
        await new Promise((r) => setTimeout(r, 30));
      }
      await new Promise((r) => setTimeout(r, 100));
      for (const [c, me] of [[a, names[0]], [b, names[1]], [o, names[2]]] as const) {
        const all = [...(received.get(c) ?? []), ...c.pushed];
        expect(all.length).toBeGreaterThan(5);
        expect([me, all.flatMap((m) => leaks(m, me as string, names.slice(0, 2)))]).toEqual([me, []]);
        // Under the challenge rule, a play was open to a challenge while they looked, and was challenged.
        if (rule !== undefined && c !== o) expect(JSON.stringify(all)).toMatch(/"pending".*"challenged"/s);
      }
      for (const c of [a, b, o]) c.close();
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the check finds a leak when there is one', () => {
    const players = ['ann', 'bob'];
    expect(leaks({ data: { view: { status: 'running', classic: { hands: ['AEINRST', null] } } } }, 'bob', players)).toEqual(['.data.view.classic.hands[0]']);
    expect(leaks({ data: { events: [{ type: 'traded', player: 'ann', tiles: 'QZ' }] } }, 'bob', players)).toHaveLength(1);
    expect(leaks({ data: { games: [{ settings: { seed: SEED } }] } }, 'bob', players).length).toBeGreaterThan(0);
    expect(leaks({ data: { view: { status: 'running', classic: { pending: { player: 0, phony: true } } } } }, 'bob', players)).toEqual(['.data.view.classic.pending']);
  });
});

describe('dictionaries per alphabet', () => {
  it('offers and creates the games of every alphabet given a dictionary, and refuses the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'server-dict-'));
    const fr = Dictionary.build(['ÉTÉ', 'ÊTRE', 'LETTRE', 'MOTS', 'JEU', 'JEUX'], ALPHABETS.fr, { gaddag: true });
    if (!fr.ok) throw new Error(fr.error.message);
    writeFileSync(join(dir, 'fr.dawg'), saveDictionary(fr.value.dictionary));
    const { server: t } = await server({ dictionaries: { fr: join(dir, 'fr.dawg') } });
    try {
      const c = await Client.login(t.url, 'margot');
      const games = ((await c.request('v1.games.predefined')).data as { games: { code: string }[] }).games.map((g) => g.code);
      expect(games).toContain('scrabble-fr');
      expect(games).toContain('duplicate-fr');
      expect(games).not.toContain('scrabble-es');
      const created = await c.request('v1.games.create', { name: 'partie', timePerTurn: 60, code: 'scrabble-fr', maxPlayers: 2 });
      expect(created.res).toBe('v1.games.create');
      const d = await Client.login(t.url, 'pilar');
      const refused = await d.request('v1.games.create', { name: 'partida', timePerTurn: 60, code: 'scrabble-es', maxPlayers: 2 });
      expect(errorOf(refused)).toMatchObject({ errorCode: 'GAME_CREATION_ERROR', param: 'no dictionary for alphabet es' });
      c.close();
      d.close();
    } finally {
      await t.close();
    }
    // A dictionary of another language under an alphabet's name stops the start.
    const en = Dictionary.build(['CAT'], ALPHABETS.en, { gaddag: true });
    if (!en.ok) throw new Error(en.error.message);
    writeFileSync(join(dir, 'en.dawg'), saveDictionary(en.value.dictionary));
    await expect(server({ dictionaries: { fr: join(dir, 'en.dawg') } })).rejects.toThrow('its alphabet is en, not fr');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('exactly once across reconnects', () => {
  it('answers a change sent again with the same id (after a reconnect) with the first answer, applying it once', async () => {
    const ann = await login('once-ann');
    const bob = await login('once-bob');
    await ann.request('v1.games.create', settings('once'));
    await bob.request('v1.games.join', { game: 'once' });
    await ann.request('v1.games.request', { type: 'start' });
    // Ann passes and loses her connection before reading the answer; she reconnects and sends it again.
    ann.raw(JSON.stringify({ req: 'v1.games.request', id: 'pass-1', data: { type: 'pass' } }));
    await new Promise((r) => setTimeout(r, 200));
    ann.close();
    await new Promise((r) => setTimeout(r, 100));
    const again = await Client.login(s.url, 'once-ann');
    open.push(again);
    again.raw(JSON.stringify({ req: 'v1.games.request', id: 'pass-1', data: { type: 'pass' } }));
    const answer = await again.next((m) => m.id === 'pass-1');
    expect(errorOf(answer)).toBeUndefined();
    expect(answer).toMatchObject({ res: 'v1.games.request', id: 'pass-1', data: { game: 'once', events: [{ type: 'passed', player: 'once-ann' }] } });
    const history = ((await again.request('v1.games.view')).data as { view: { history: { type: string }[] } }).view.history;
    expect(history.filter((e) => e.type === 'passed')).toHaveLength(1);
    // A new id is a new request: not Ann's turn now.
    expect(errorOf(await again.request('v1.games.request', { type: 'pass' }))?.code).toBe(60002);
    // The same id twice in a row: one application, the same answer twice.
    for (let k = 0; k < 2; k++) bob.raw(JSON.stringify({ req: 'v1.games.request', id: 'bob-pass', data: { type: 'pass' } }));
    const first = await bob.next((m) => m.id === 'bob-pass');
    const second = await bob.next((m) => m.id === 'bob-pass');
    expect(errorOf(first)).toBeUndefined();
    // The repeat is the first answer without the view (kept small; v1.games.view gives it).
    const { view: _view, ...firstData } = first.data as Record<string, unknown>;
    expect(second).toEqual({ ...first, data: firstData });
    const after = ((await bob.request('v1.games.view')).data as { view: { history: { type: string; player?: string }[] } }).view.history;
    expect(after.filter((e) => e.type === 'passed' && e.player === 'once-bob')).toHaveLength(1);
  });
});

describe('a failing handler', () => {
  it('answers LISTENER_ERROR (90700) with the cause, and the connection and the server go on', async () => {
    // A storage whose game list fails (a store down, a bug in a handler).
    const storage = new MemoryStorage();
    let broken = true;
    const list = storage.listGames.bind(storage);
    storage.listGames = async () => {
      if (broken) throw new Error('the store is down');
      return list();
    };
    const { server: t } = await server({ storage });
    try {
      const c = await Client.login(t.url, 'lola');
      const failed = await c.request('v1.games.list');
      expect(errorOf(failed)).toMatchObject({ code: 90700, errorCode: 'LISTENER_ERROR', cause: 'the store is down', req: 'v1.games.list' });
      broken = false;
      expect((await c.request('v1.games.list')).res).toBe('v1.games.list');
      expect(c.closed).toBeUndefined();
      c.close();
    } finally {
      await t.close();
    }
  });
});

describe('limits', () => {
  it('warns a flooding connection three times, then closes it with 99004', async () => {
    const { server: strict } = await server({ rateUnidentified: 5 });
    try {
      const c = await Client.connect(strict.url, await token(strict.url, 'flood'));
      const warnings: unknown[] = [];
      for (let second = 0; second < 6 && c.closed === undefined; second++) {
        for (let k = 0; k < 8; k++) c.raw(JSON.stringify({ req: 'v1.games.list' }));
        await new Promise((r) => setTimeout(r, 1000));
      }
      for (const m of c.pushed) if (errorOf(m)?.errorCode === 'RATE_LIMIT_EXCEEDED') warnings.push(m);
      expect(warnings.length).toBe(3);
      expect(c.pushed.some((m) => errorOf(m)?.errorCode === 'EXCESS_FLOOD')).toBe(true);
      expect((await c.waitClosed()).code).toBe(4004);
    } finally {
      await strict.close();
    }
  }, 20_000);

  it('closes an idle connection with 99005', async () => {
    const { server: sleepy } = await server({ idleMs: 200 });
    try {
      const c = await Client.login(sleepy.url, 'idle');
      expect((await c.waitClosed()).code).toBe(4005);
      expect(c.pushed.some((m) => errorOf(m)?.code === 99005)).toBe(true);
    } finally {
      await sleepy.close();
    }
  });

  it('lets the administrator kick a player (99006)', async () => {
    const c = await login('kick-me');
    expect((await fetch(`${s.url}/v1/admin/kick`, { method: 'POST', body: JSON.stringify({ player: 'kick-me' }) })).status).toBe(401);
    const r = await fetch(`${s.url}/v1/admin/kick`, { method: 'POST', headers: { authorization: 'Bearer secret-admin-key-0123' }, body: JSON.stringify({ player: 'kick-me' }) });
    expect(r.status).toBe(200);
    expect((await c.waitClosed()).code).toBe(4006);
    expect(c.pushed.some((m) => errorOf(m)?.code === 99006)).toBe(true);
    // A player who is not connected is not kicked, and the answer says so.
    const absent = await fetch(`${s.url}/v1/admin/kick`, { method: 'POST', headers: { authorization: 'Bearer secret-admin-key-0123' }, body: JSON.stringify({ player: 'nobody-here' }) });
    expect(absent.status).toBe(404);
    expect(errorOf((await absent.json()) as Record<string, unknown>)).toMatchObject({ code: 20102, param: 'nobody-here' });
  });
});

describe('the test players (scripts/best-play.ts)', () => {
  const empty = Array.from({ length: 15 }, () => '.'.repeat(15));
  const dict = loadDefaultDictionary();
  if (!dict.ok) throw new Error('no embedded dictionary');
  it('find a phony for any hand, also one with no play (seven consonants): refused for its words only', () => {
    for (const hand of ['DNRLBTN', 'RETAINS', 'QUIZ?ED']) {
      expect(bestFor(empty, hand).readable).toBe(true);
      const phony = phonyFor(empty, hand);
      if (phony === undefined) throw new Error(`no phony for ${hand}`);
      const against = { board: emptyBoard(config), hand: handFromLetters(hand, config), config };
      if (!against.hand.ok) throw new Error('unreadable hand');
      const context = { ...against, hand: against.hand.value };
      expect(validateMove(moveInput(phony, config), { ...context, dictionary: dict.value })).toMatchObject({ ok: false, error: { code: Code.INCORRECT_WORDS } });
      expect(validateMove(moveInput(phony, config), { ...context, dictionary: PERMISSIVE }).ok).toBe(true);
    }
    expect(bestFor(empty, 'DNRLBTN').best).toBeUndefined();
  });
});
