/**
 * `npm run load [-- CONNECTIONS RATE SECONDS]` (default 500 connections, 2,000 requests a second,
 * 20 s): starts the server in its own process (in-memory storage), opens CONNECTIONS WebSocket
 * clients on loopback, seats them two by two in classic games and plays: on its turn a client
 * asks for its hand and plays the best play (the engine's search, in this process) or passes;
 * the others ask for game data; one request in five is invalid on purpose (out of turn, a bad
 * format, an unknown command). Requests are paced to RATE a second in all. Reports the requests a
 * second held, p50/p99 latency, errors by code (expected and unexpected), and checks every game
 * at the end: each acknowledged move is in its history exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Board, MoveGenerator, bestPlay, handFromLetters, moveInput, parseBoard, presetConfig } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import WebSocket from 'ws';

const [connections = 500, rate = 2000, seconds = 20] = process.argv.slice(2).map(Number);
const root = join(import.meta.dirname, '..');
const preset = presetConfig('en');
const dict = loadDefaultDictionary();
if (!preset.ok || !dict.ok) throw new Error('no embedded data');
const config = preset.value;
const created = MoveGenerator.create(config, dict.value);
if (!created.ok) throw new Error(created.error.message);
const generator = created.value;

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve({ child, url: m[1] as string });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Player {
  name: string;
  ws: WebSocket;
  game: string;
  seat: number;
  pending: Map<string, { at: number; resolve: (m: Record<string, unknown>) => void }>;
  toMove: string | null;
  board: string[] | undefined;
  running: boolean;
  /** The history of the last view seen, with its version. */
  history: { version: number; events: { type: string; player: string; move?: string }[] };
  acked: string[];
}

/** Keeps what a view says: the board and whether the game runs. */
function see(p: Player, view: { status?: string; classic?: { board: string[] }; history?: Player['history']['events'] } | undefined, version = 0): void {
  if (view === undefined) return;
  if (view.history !== undefined && version >= p.history.version) p.history = { version, events: view.history };
  p.running = view.status === 'running';
  if (view.classic !== undefined) p.board = view.classic.board;
}

const latencies: number[] = [];
const errors = new Map<string, number>();
let sent = 0;
let answered = 0;
let next = 0;

function request(p: Player, req: string, data?: unknown, expectError = false): Promise<Record<string, unknown>> {
  const id = `q${++next}`;
  sent++;
  return new Promise((resolve) => {
    p.pending.set(id, {
      at: performance.now(),
      resolve: (m) => {
        if (m.res === 'v1.error') {
          const d = m.data as { code: number };
          const key = `${d.code}${expectError ? ' (expected)' : ''}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        resolve(m);
      },
    });
    p.ws.send(JSON.stringify({ req, id, ...(data === undefined ? {} : { data }) }));
  });
}

async function connect(url: string, name: string): Promise<Player> {
  const r = await fetch(`${url}/v1/tokens`, { method: 'POST', body: JSON.stringify({ player: name }) });
  const { socketToken } = (await r.json()) as { socketToken: string };
  const ws = new WebSocket(`${url.replace('http', 'ws')}/v1/socket?token=${socketToken}`);
  const p: Player = { name, ws, game: '', seat: 0, pending: new Map(), toMove: null, board: undefined, running: false, history: { version: 0, events: [] }, acked: [] };
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as Record<string, unknown>;
    const id = (m.id ?? (m.data as { id?: string } | undefined)?.id) as string | undefined;
    const w = id === undefined ? undefined : p.pending.get(id);
    if (w !== undefined) {
      p.pending.delete(id as string);
      answered++;
      latencies.push(performance.now() - w.at);
      see(p, (m.data as { view?: Parameters<typeof see>[1] } | undefined)?.view, (m.data as { version?: number } | undefined)?.version ?? 0);
      w.resolve(m);
    } else if (m.res === 'v1.event') {
      p.toMove = (m.data as { toMove: string | null }).toMove;
      see(p, (m.data as { view: Parameters<typeof see>[1] }).view, (m.data as { version: number }).version);
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

/** One step of a player: its move when it is its turn, else a data request; one in five invalid. */
async function step(p: Player, k: number): Promise<void> {
  if (k % 5 === 4) {
    const bad = [
      () => request(p, 'v1.games.request', { type: 'play', tiles: 'nope' }, true),
      () => request(p, 'v1.no.such', undefined, true),
      () => request(p, 'v1.chat.message', { text: '' }, true),
    ][k % 3] as () => Promise<unknown>;
    await bad();
    return;
  }
  if (p.toMove !== p.name) {
    await request(p, 'v1.games.request', { type: ['board', 'scores', 'info'][k % 3] });
    return;
  }
  const hand = await request(p, 'v1.games.request', { type: 'hand' });
  const data = hand.data as { events?: { value: string }[] } | undefined;
  if (!p.running || p.board === undefined) return;
  const board = parseBoard(p.board.join('\n'), config.alphabet);
  const tiles = handFromLetters(data?.events?.[0]?.value ?? '', config);
  if (!board.ok || !tiles.ok) return;
  generator.setBoard(board.value as Board);
  const best = bestPlay(generator, tiles.value);
  const move = best === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(best.placements, config) };
  const r = await request(p, 'v1.games.request', move);
  if (r.res !== 'v1.error') {
    p.acked.push(best === undefined ? `${p.name} passed` : `${p.name} ${best.notation}`);
    p.toMove = null;
  }
}

const { child, url } = await startServer();
const players: Player[] = [];
for (let i = 0; i < connections; i += 50) players.push(...(await Promise.all(Array.from({ length: Math.min(50, connections - i) }, (_, j) => connect(url, `load${i + j}`)))));
for (let i = 0; i + 1 < players.length; i += 2) {
  const [a, b] = [players[i] as Player, players[i + 1] as Player];
  a.game = b.game = `load-game-${i / 2}`;
  b.seat = 1;
  await request(a, 'v1.games.create', { name: a.game, timePerTurn: 600, code: 'scrabble-en', maxPlayers: 2, seed: i });
  await request(b, 'v1.games.join', { game: a.game });
  const started = await request(a, 'v1.games.request', { type: 'start' });
  a.toMove = (started.data as { view?: { players: { id: string }[] } } | undefined)?.view?.players[0]?.id ?? a.name;
}
latencies.length = 0;
errors.clear();
const sent0 = sent;
const start = performance.now();
// Each player sends on its own schedule: RATE a second in all.
const interval = (1000 * players.length) / rate;
await Promise.all(
  players.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, (interval * i) / players.length));
    for (let k = 0; performance.now() - start < seconds * 1000; k++) {
      const t = performance.now();
      await step(p, k + i);
      const wait = interval - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
const held = (sent - sent0) / elapsed;
const sorted = [...latencies].sort((a, b) => a - b);
const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
const errorsDuringRun = new Map(errors);
// Every acknowledged move in its game's history exactly once (the latest view either player saw, once the last pushes are in).
await new Promise((r) => setTimeout(r, 1000));
let lost = 0;
let duplicated = 0;
for (let i = 0; i + 1 < players.length; i += 2) {
  const [a, b] = [players[i] as Player, players[i + 1] as Player];
  const latest = a.history.version >= b.history.version ? a.history : b.history;
  const history = latest.events.filter((e) => e.type === 'played' || e.type === 'passed').map((e) => (e.type === 'passed' ? `${e.player} passed` : `${e.player} ${e.move}`));
  // As multisets: a pass is the same text every time.
  const count = new Map<string, number>();
  for (const m of [...a.acked, ...b.acked]) count.set(m, (count.get(m) ?? 0) + 1);
  for (const h of history) count.set(h, (count.get(h) ?? 0) - 1);
  for (const n of count.values()) {
    if (n > 0) lost += n;
    if (n < 0) duplicated -= n;
  }
}
const unexpected = [...errorsDuringRun].filter(([k]) => !k.includes('expected')).reduce((s, [, n]) => s + n, 0);
const moves = players.reduce((s, p) => s + p.acked.length, 0);
console.log(`${players.length} connections, ${elapsed.toFixed(1)} s: ${held.toFixed(0)} requests a second held (target ${rate}); latency p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${q(1).toFixed(1)} ms`);
console.log(`moves acknowledged ${moves}: lost ${lost}, duplicated ${duplicated}; errors by code: ${JSON.stringify(Object.fromEntries(errorsDuringRun))}; unexpected ${unexpected}`);
for (const p of players) p.ws.close();
child.kill('SIGTERM');
process.exit(lost + duplicated + unexpected > 0 ? 1 : 0);
