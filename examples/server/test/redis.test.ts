import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, gameFromJSON } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { RedisStorage } from '../src/redis.js';
import { redisBinary, startRedis, startServerProcess, until } from '../scripts/processes.js';
import { Client, errorOf, http, session, token } from './harness.js';

/**
 * Several server processes behind one real Redis (Debian's `redis-server`, started on a free
 * loopback port): games created on one process are played on the other, concurrent updates are
 * retried by compare-and-set, and a process killed mid-game loses no acknowledged move.
 */
if (redisBinary === undefined) console.warn('Redis tests skipped: no redis-server (apt-get install -y redis-server)');

/** Starts `npm run server` on Redis; resolves with its URL. */
const startProcess = (redisUrl: string) => startServerProcess({ REDIS_URL: redisUrl, PRESENCE_TTL_MS: '600' });

describe.skipIf(redisBinary === undefined)('several processes on Redis', () => {
  let redis: ChildProcess;
  let redisUrl = '';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.child;
    redisUrl = started.url;
  });

  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('serves one game from two processes; a process killed mid-game loses no acknowledged move', async () => {
    const a = await startProcess(redisUrl);
    const b = await startProcess(redisUrl);
    children.push(a.child, b.child);
    let ann = await Client.login(a.url, 'ann');
    const bob = await Client.login(b.url, 'bob');
    expect(errorOf(await ann.request('v1.games.create', { name: 'shared', timePerTurn: 600, code: 'scrabble-en', maxPlayers: 2, seed: 3 }))).toBeUndefined();
    expect(errorOf(await bob.request('v1.games.join', { game: 'shared' }))).toBeUndefined();
    expect(errorOf(await ann.request('v1.games.request', { type: 'start' }))).toBeUndefined();
    // Bob, on the other process, sees the start through the bus.
    await bob.next((m) => m.res === 'v1.event');
    const acked: string[] = [];
    const turn = async (c: Client, who: string) => {
      const hand = (await c.request('v1.games.request', { type: 'hand' })).data as { events: { value: string }[] };
      const tiles = hand.events[0]?.value ?? '';
      // Trade the first tile: a real move that changes the bag, acknowledged with the game's version.
      const r = await c.request('v1.games.request', { type: 'trade', glyphs: [tiles.slice(0, 1)] });
      if (errorOf(r) !== undefined) throw new Error(`${who}: ${JSON.stringify(r)} (hand ${JSON.stringify(hand)})`);
      acked.push(`${who} traded`);
    };
    // Trades (six scoreless turns end a game: two rounds now, one after the crash).
    for (let k = 0; k < 2; k++) {
      await turn(ann, 'ann');
      await turn(bob, 'bob');
    }
    // Kill process A with Ann's connection on it; she reconnects to B and carries on.
    a.child.kill('SIGKILL');
    await ann.waitClosed();
    await new Promise((r) => setTimeout(r, 700)); // her name is free once the dead process's presence expires
    ann = await Client.login(b.url, 'ann');
    // She resumes: the whole game, every acknowledged move in it.
    const resumed = (await ann.request('v1.games.view')).data as { game: string; view: { history: { type: string; player: string }[] } };
    expect(resumed.game).toBe('shared');
    expect(resumed.view.history.filter((e) => e.type === 'traded').map((e) => `${e.player} traded`)).toEqual(acked);
    await turn(ann, 'ann');
    await turn(bob, 'bob');
    ann.close();
    bob.close();
    // The stored game: every acknowledged move once, in order, and a state that replays.
    const storage = await RedisStorage.connect(redisUrl);
    const stored = await storage.loadGame('shared');
    // A process that holds this version reads only the version and the deadline.
    expect(await storage.loadGame('shared', stored?.version)).toEqual({ version: stored?.version, deadline: stored?.deadline });
    await storage.close();
    const dictionary = loadDefaultDictionary();
    if (!dictionary.ok || stored === undefined) throw new Error('no game');
    const engine = createEngine({ dictionary: () => dictionary.value });
    // verify: 'replay' rebuilds the game from its seed and recorded requests and compares.
    const state = gameFromJSON(JSON.parse(stored.json ?? ''), engine, { verify: 'replay' });
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    const moves = state.value.history.toArray().filter((e) => e.type === 'traded').map((e) => `${e.player} traded`);
    expect(moves).toEqual(acked);
    expect(state.value.status).toBe('over');
    expect(stored.version).toBe(3 + acked.length);
  }, 60_000);

  it('retries concurrent updates of one game from two processes (compare-and-set)', async () => {
    const a = await startProcess(redisUrl);
    const b = await startProcess(redisUrl);
    children.push(a.child, b.child);
    const players = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((p, i) => Client.login(i % 2 === 0 ? a.url : b.url, p)));
    const [p1] = players as [Client];
    await p1.request('v1.games.create', { name: 'race', timePerTurn: 600, code: 'duplicate-en', maxPlayers: 4, seed: 5 });
    // Three joins at once, from both processes.
    const joins = await Promise.all(players.slice(1).map((c) => c.request('v1.games.join', { game: 'race' })));
    for (const j of joins) expect(errorOf(j)).toBeUndefined();
    await p1.request('v1.games.request', { type: 'start' });
    // Four passes at once: each accepted exactly once, whatever process wins each race.
    const passes = await Promise.all(players.map((c) => c.request('v1.games.request', { type: 'pass' })));
    for (const p of passes) expect(errorOf(p)).toBeUndefined();
    const again = await players[0]?.request('v1.games.request', { type: 'pass' });
    expect(errorOf(again as Record<string, unknown>)?.code).toBe(60001);
    for (const c of players) c.close();
  }, 60_000);

  it('carries out a request id once across processes: the retry on the other process gets the first answer', async () => {
    const a = await startProcess(redisUrl);
    const b = await startProcess(redisUrl);
    children.push(a.child, b.child);
    const ann = await Client.login(a.url, 'once-a');
    await ann.request('v1.games.create', { name: 'once-r', timePerTurn: 600, code: 'scrabble-en', maxPlayers: 2, seed: 5 });
    const bob = await Client.login(b.url, 'once-b');
    await bob.request('v1.games.join', { game: 'once-r' });
    await ann.request('v1.games.request', { type: 'start' });
    ann.raw(JSON.stringify({ req: 'v1.games.request', id: 'redis-pass', data: { type: 'pass' } }));
    const first = await ann.next((m) => m.id === 'redis-pass');
    ann.close();
    await new Promise((r) => setTimeout(r, 300)); // the name is released on a clean close
    const again = await Client.login(b.url, 'once-a');
    again.raw(JSON.stringify({ req: 'v1.games.request', id: 'redis-pass', data: { type: 'pass' } }));
    const { view: _view, ...firstData } = first.data as Record<string, unknown>;
    expect(await again.next((m) => m.id === 'redis-pass')).toEqual({ ...first, data: firstData });
    const history = ((await again.request('v1.games.view')).data as { view: { history: { type: string }[] } }).view.history;
    expect(history.filter((e) => e.type === 'passed')).toHaveLength(1);
    again.close();
    bob.close();
  }, 60_000);

  it('keeps accounts, sessions, login attempts and bans in Redis: every process sees them', async () => {
    const a = await startServerProcess({ REDIS_URL: redisUrl, PRESENCE_TTL_MS: '600', LOGIN_ATTEMPTS: '2', ACCESS_KEYS: 'ops:ops-key-0123456789abcdef:write:bans+write:sessions' });
    const b = await startProcess(redisUrl);
    children.push(a.child, b.child);
    // Registered on A, logged in on B; the session of A gives a socket token on B.
    const st = await session(a.url, 'redis-rita', 'rita-password');
    expect((await http(b.url, '/v1/sessions', { player: 'redis-rita', password: 'rita-password' })).status).toBe(200);
    const rita = await Client.connect(b.url, await token(b.url, 'redis-rita', st));
    await rita.request('v1.client.identify', { name: 'test', version: '1.0', protocol: '1.0' });
    expect((await rita.request('v1.players.identify', { name: 'redis-rita' })).data).toMatchObject({ player: 'redis-rita', guest: false });
    // A guest cannot take the name on either process.
    expect(((await http(a.url, '/v1/sessions', { player: 'redis-rita', guest: true })).body.data as { code: number }).code).toBe(90705);
    // Failed logins count across processes (2 allowed).
    for (const url of [a.url, b.url]) await http(url, '/v1/sessions', { player: 'redis-rita', password: 'wrong-guess' });
    expect((await http(a.url, '/v1/sessions', { player: 'redis-rita', password: 'rita-password' })).status).toBe(429);
    // Banned through A's key, refused on B.
    const op = await Client.login(b.url, 'redis-op');
    await op.request('v1.games.create', { name: 'redis-bans', timePerTurn: 600, code: 'scrabble-en', maxPlayers: 2, seed: 5 });
    const key = { authorization: 'Bearer ops-key-0123456789abcdef' };
    expect((await http(a.url, '/v1/admin/bans', { game: 'redis-bans', player: 'redis-rita' }, key)).status).toBe(200);
    expect(errorOf(await rita.request('v1.games.join', { game: 'redis-bans' }))?.code).toBe(35102);
    // Sessions ended on A close the connection held by B.
    expect((await http(a.url, '/v1/admin/sessions/end', { player: 'redis-rita' }, key)).body).toEqual({ player: 'redis-rita', ended: 2 });
    expect((await rita.waitClosed()).code).toBe(4001);
    op.close();
  }, 60_000);
});
