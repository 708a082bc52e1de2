import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, gameFromJSON } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { RedisStorage } from '../src/redis.js';
import { Client, errorOf } from './harness.js';

/**
 * Several server processes behind one real Redis (Debian's `redis-server`, started on a free
 * loopback port): games created on one process are played on the other, concurrent updates are
 * retried by compare-and-set, and a process killed mid-game loses no acknowledged move.
 */
const root = join(import.meta.dirname, '..');
const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
if (redisBinary === undefined) console.warn('Redis tests skipped: no redis-server (apt-get install -y redis-server)');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `npm run server` on Redis; resolves with its URL. */
function startProcess(redisUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], { cwd: root, env: { ...process.env, REDIS_URL: redisUrl, PORT: '0', PRESENCE_TTL_MS: '600' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve({ child, url: m[1] as string });
    });
    child.stderr?.on('data', (d: Buffer) => void (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`no server address after 20 s: ${out}`)), 20_000);
  });
}

describe.skipIf(redisBinary === undefined)('several processes on Redis', () => {
  let redis: ChildProcess;
  let redisUrl = '';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(redisBinary as string, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${port}`;
    await until(() => new Promise((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    }), 10_000);
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
    await turn(ann, 'ann');
    await turn(bob, 'bob');
    ann.close();
    bob.close();
    // The stored game: every acknowledged move once, in order, and a state that replays.
    const storage = await RedisStorage.connect(redisUrl);
    const stored = await storage.loadGame('shared');
    await storage.close();
    const dictionary = loadDefaultDictionary();
    if (!dictionary.ok || stored === undefined) throw new Error('no game');
    const engine = createEngine({ dictionary: () => dictionary.value });
    const state = gameFromJSON(JSON.parse(stored.json), engine);
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
});
