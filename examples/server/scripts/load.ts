/**
 * `npm run load [-- CONNECTIONS RATE SECONDS WARMUP]` (default 500 connections, 2,000 requests a
 * second, 20 s measured from the first request, after WARMUP seconds, default 0): starts the
 * server in its own process (in-memory storage), opens CONNECTIONS WebSocket clients on loopback,
 * seats them two by two in classic games and plays, game after game: on its turn a client asks
 * for its hand and plays the best play (the engine's search, in a worker thread of this process:
 * ai-worker.ts) or passes, after looking at the game twice; the others ask for game data; one
 * request in five is invalid on purpose (a bad format, an unknown command, an empty chat). When a
 * game is over, its two players check it, leave it and start the next. Every client sends at its
 * own pace, staggered: RATE requests a second in all.
 *
 * `LOAD_REDIS=1`: the deployment with several processes instead: a `redis-server` on a free
 * loopback port and two server processes on it, each player on the other process from its
 * partner (every move crosses Redis's pub/sub).
 *
 * Reports, over the measured seconds: the requests a second held, p50/p99 latency (send to
 * answer, as the client sees it), the clients' own event-loop delay (how much of the latency is
 * the load generator's), CPU per side, errors by code (expected and unexpected); and for every
 * game played (warm-up included), that the server's history (`v1.games.view`) holds each
 * acknowledged move exactly once. `SERVER_NODE_ARGS` passes options to the servers' Node (e.g.
 * `--cpu-prof`).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { startRedis, startServerProcess } from './processes.js';

const [connections = 500, rate = 2000, seconds = 20, warmup = 0] = process.argv.slice(2).map(Number);
// The move search, off the clients' event loop. A TypeScript worker: tsx's loader is registered
// in the worker first (Node 20's workers do not take it from --import).
const ai = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./ai-worker.ts', import.meta.url).href)}); });`, { eval: true });
interface Found {
  move?: Record<string, unknown>;
  notation?: string;
}
const searches = new Map<number, (answer: Found) => void>();
ai.on('message', (answer: Found & { id: number }) => {
  searches.get(answer.id)?.(answer);
  searches.delete(answer.id);
});
let searchId = 0;
const search = (board: string[], hand: string) =>
  new Promise<Found>((resolve) => {
    searches.set(++searchId, resolve);
    ai.postMessage({ id: searchId, board, hand });
  });

interface Player {
  name: string;
  ws: WebSocket;
  pair: Pair;
  pending: Map<string, { at: number; expectError: boolean; resolve: (m: Record<string, unknown>) => void }>;
  /** The game the player is in, and what its newest view (by version) says. */
  game: string;
  version: number;
  status: string;
  board: string[] | undefined;
  toMove: string | null;
  /** The moves of this game the server acknowledged. */
  acked: string[];
  /** Requests sent (for the pace). */
  sent: number;
  /** Steps taken on this turn (a player looks at the game twice before it moves). */
  thinking: number;
  /** The move request awaiting its answer. */
  moving: Promise<unknown> | undefined;
}

/** Two players who play game after game together; `switching` while they move to the next. */
interface Pair {
  a: Player;
  b: Player;
  index: number;
  round: number;
  switching: Promise<void> | undefined;
}

interface GameView {
  status?: string;
  classic?: { board: string[] };
  history?: { type: string; player: string; move?: string }[];
}

/** Keeps what the newest view of the player's game says. */
function see(p: Player, game: unknown, version: number, view: GameView | undefined, toMove: string | null): void {
  if (game !== p.game || view === undefined || version < p.version) return;
  p.version = version;
  p.status = view.status ?? '';
  p.toMove = toMove;
  if (view.classic !== undefined) p.board = view.classic.board;
}

// What is measured: requests sent from `measureFrom` to `measureTo`.
let measureFrom = Number.POSITIVE_INFINITY;
let measureTo = Number.POSITIVE_INFINITY;
const measured = (at: number) => at >= measureFrom && at < measureTo;
const latencies: number[] = [];
const errors = new Map<string, number>();
let sentMeasured = 0;
let movesMeasured = 0;
let next = 0;

function request(p: Player, req: string, data?: unknown, expectError = false): Promise<Record<string, unknown>> {
  const id = `q${++next}`;
  const at = performance.now();
  if (measured(at)) sentMeasured++;
  p.sent++;
  return new Promise((resolve) => {
    p.pending.set(id, { at, expectError, resolve });
    p.ws.send(JSON.stringify({ req, id, ...(data === undefined ? {} : { data }) }));
  });
}

async function connect(url: string, name: string): Promise<Player> {
  // A guest's session (the server runs in guest mode), then a socket token for it.
  const session = await fetch(`${url}/v1/sessions`, { method: 'POST', body: JSON.stringify({ player: name, guest: true }) });
  const { sessionToken } = (await session.json()) as { sessionToken: string };
  const r = await fetch(`${url}/v1/tokens`, { method: 'POST', headers: { authorization: `Bearer ${sessionToken}` } });
  const { socketToken } = (await r.json()) as { socketToken: string };
  const ws = new WebSocket(`${url.replace('http', 'ws')}/v1/socket?token=${socketToken}`);
  const p: Player = { name, ws, pair: undefined as unknown as Pair, pending: new Map(), game: '', version: 0, status: '', board: undefined, toMove: null, acked: [], sent: 0, thinking: 0, moving: undefined };
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { res: string; id?: string; data?: Record<string, unknown> };
    const id = m.id ?? (m.data?.id as string | undefined);
    const w = id === undefined ? undefined : p.pending.get(id);
    if (w !== undefined) {
      p.pending.delete(id as string);
      if (measured(w.at)) {
        latencies.push(performance.now() - w.at);
        if (m.res === 'v1.error') {
          const key = `${(m.data as { code: number }).code}${w.expectError ? ' (expected)' : ''}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
      w.resolve(m);
    } else if (m.res === 'v1.event') {
      const d = m.data as { game: string; version: number; view: GameView; toMove: string | null };
      see(p, d.game, d.version, d.view, d.toMove);
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await request(p, 'v1.client.identify', { name: 'load', version: '1.0', protocol: '1.0' });
  await request(p, 'v1.players.identify', { name });
  return p;
}

let games = 0;
let lost = 0;
let duplicated = 0;
let diverged = 0;

/**
 * Checks the pair's game against the server's history: each acknowledged move in it exactly once;
 * and both players see the same game (with Redis, from two processes: one wrote each change, the
 * other applied the same request to its copy).
 */
async function check(pair: Pair): Promise<void> {
  const [whole, other] = await Promise.all([request(pair.a, 'v1.games.view'), request(pair.b, 'v1.games.view')]);
  const seen = [whole, other].map((m) => {
    const d = m.data as { version?: number; view?: GameView & { players?: unknown } } | undefined;
    return JSON.stringify([d?.version, d?.view?.classic?.board, d?.view?.players, d?.view?.history?.map((e) => [e.type, e.player, e.move])]);
  });
  if (seen[0] !== seen[1]) diverged++;
  const history = ((whole.data as { view?: GameView } | undefined)?.view?.history ?? []).filter((e) => e.type === 'played' || e.type === 'passed').map((e) => (e.type === 'passed' ? `${e.player} passed` : `${e.player} ${e.move}`));
  // As multisets: a pass is the same text every time.
  const count = new Map<string, number>();
  for (const m of [...pair.a.acked, ...pair.b.acked]) count.set(m, (count.get(m) ?? 0) + 1);
  for (const h of history) count.set(h, (count.get(h) ?? 0) - 1);
  for (const n of count.values()) {
    if (n > 0) lost += n;
    if (n < 0) duplicated -= n;
  }
  games++;
}

/** Seats the pair in a new game and starts it. */
async function newGame(pair: Pair): Promise<void> {
  const { a, b } = pair;
  const name = `load-${pair.index}-${++pair.round}`;
  for (const p of [a, b]) Object.assign(p, { game: name, version: 0, status: '', board: undefined, toMove: null, acked: [] });
  await request(a, 'v1.games.create', { name, timePerTurn: 600, code: 'scrabble-en', maxPlayers: 2, seed: pair.index * 1000 + pair.round });
  await request(b, 'v1.games.join', { game: name });
  const started = (await request(a, 'v1.games.request', { type: 'start' })).data as { version: number; view: GameView; toMove: string | null };
  see(a, name, started.version, started.view, started.toMove);
}

/** A finished game: checked (once the last move's answer is in: its push may come first), left, and the next one started. */
async function rotate(pair: Pair): Promise<void> {
  await Promise.all([pair.a.moving, pair.b.moving]);
  await check(pair);
  await request(pair.a, 'v1.games.request', { type: 'leave' });
  await request(pair.b, 'v1.games.request', { type: 'leave' });
  await newGame(pair);
}

/** One step of a player: its move when it is its turn, else a data request; one in five invalid. */
async function step(p: Player, k: number): Promise<void> {
  const pair = p.pair;
  if (pair.switching === undefined && p.status === 'over') {
    pair.switching = rotate(pair).finally(() => {
      pair.switching = undefined;
    });
  }
  if (pair.switching !== undefined) return pair.switching;
  if (k % 5 === 4) {
    const bad = [
      () => request(p, 'v1.games.request', { type: 'play', tiles: 'nope' }, true),
      () => request(p, 'v1.no.such', undefined, true),
      () => request(p, 'v1.chat.message', { text: '' }, true),
    ][k % 3] as () => Promise<unknown>;
    await bad();
    return;
  }
  if (p.toMove !== p.name || p.thinking++ < 2) {
    await request(p, 'v1.games.request', { type: ['board', 'scores', 'info'][k % 3] });
    return;
  }
  p.thinking = 0;
  const hand = await request(p, 'v1.games.request', { type: 'hand' });
  const data = hand.data as { events?: { value: string }[] } | undefined;
  if (p.status !== 'running' || p.board === undefined) return;
  const { move, notation } = await search(p.board, data?.events?.[0]?.value ?? '');
  if (move === undefined) return;
  const answer = request(p, 'v1.games.request', move);
  p.moving = answer;
  const r = await answer;
  p.moving = undefined;
  if (r.res !== 'v1.error') {
    p.acked.push(notation === undefined ? `${p.name} passed` : `${p.name} ${notation}`);
    const d = r.data as { game: string; version: number; view: GameView; toMove: string | null };
    see(p, d.game, d.version, d.view, d.toMove);
    if (measured(performance.now())) movesMeasured++;
  }
}

/** A process's CPU seconds so far (Linux /proc; NaN elsewhere). */
const cpuOf = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
};

const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
const redis = process.env.LOAD_REDIS === '1' ? await startRedis() : undefined;
const servers = await Promise.all(redis === undefined ? [startServerProcess({}, nodeArgs)] : [0, 1].map(() => startServerProcess({ REDIS_URL: redis.url }, nodeArgs)));
const players: Player[] = [];
for (let i = 0; i < connections; i += 50) players.push(...(await Promise.all(Array.from({ length: Math.min(50, connections - i) }, (_, j) => connect((servers[(i + j) % servers.length] as (typeof servers)[number]).url, `load${i + j}`)))));
const pairs: Pair[] = [];
for (let i = 0; i + 1 < players.length; i += 2) {
  const pair: Pair = { a: players[i] as Player, b: players[i + 1] as Player, index: i / 2, round: 0, switching: undefined };
  pair.a.pair = pair.b.pair = pair;
  pairs.push(pair);
  await newGame(pair);
}

const start = performance.now();
measureFrom = start + warmup * 1000;
measureTo = measureFrom + seconds * 1000;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
const serversCpu = () => servers.reduce((sum, s) => sum + cpuOf(s.child.pid), redis === undefined ? 0 : cpuOf(redis.child.pid));
let serverCpu0 = Number.NaN;
let ownCpu0 = process.cpuUsage();
setTimeout(() => {
  serverCpu0 = serversCpu();
  ownCpu0 = process.cpuUsage();
  loopDelay.enable();
}, measureFrom - performance.now());
// Each player sends on its own schedule, staggered: one request every `interval` ms, RATE a second in all.
const interval = (1000 * players.length) / rate;
await Promise.all(
  players.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, (interval * i) / players.length));
    for (let k = 0; performance.now() < measureTo; k++) {
      const [t, sent] = [performance.now(), p.sent];
      await step(p, k + i);
      const wait = interval * (p.sent - sent) - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }),
);
const elapsed = (performance.now() - measureFrom) / 1000;
loopDelay.disable();
const serverCpu = (serversCpu() - serverCpu0) / elapsed;
const ownCpu = process.cpuUsage(ownCpu0);
const clientCpu = (ownCpu.user + ownCpu.system) / 1e6 / elapsed;
const held = sentMeasured / seconds;
const sorted = [...latencies].sort((a, b) => a - b);
const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? Number.NaN;
// The games still running: checked as they stand.
for (const pair of pairs) {
  await pair.switching;
  await check(pair);
}
const unexpected = [...errors].filter(([k]) => !k.includes('expected')).reduce((s, [, n]) => s + n, 0);
console.log(`${redis === undefined ? 'one server process, in-memory storage' : 'two server processes on one Redis'}; ${players.length} connections, ${seconds} s measured${warmup > 0 ? ` after ${warmup} s of warm-up` : ''}: ${held.toFixed(0)} requests a second held (target ${rate}); latency p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${q(1).toFixed(1)} ms; the clients' event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`);
console.log(`CPU: the server${redis === undefined ? '' : 's and Redis'} ${(100 * serverCpu).toFixed(0)} % of a core, the clients and their search ${(100 * clientCpu).toFixed(0)} % (${((1e6 * serverCpu) / held).toFixed(0)} µs of server CPU a request)`);
console.log(`moves acknowledged ${movesMeasured} while measured; errors by code: ${JSON.stringify(Object.fromEntries(errors))}; unexpected ${unexpected}`);
console.log(`games checked ${games} (warm-up included): moves lost ${lost}, duplicated ${duplicated}; games the two players see differently ${diverged}`);
for (const p of players) p.ws.close();
for (const s of servers) s.child.kill('SIGTERM');
redis?.child.kill('SIGTERM');
await ai.terminate();
process.exit(lost + duplicated + diverged + unexpected > 0 ? 1 : 0);
