import WebSocket from 'ws';
import { MemoryStorage, type Storage } from '../src/storage.js';
import { type RunningServer, type ServerOptions, startServer } from '../src/server.js';

/** Request ids, unique over every client of the run (the server answers an id it has seen with the first answer). */
let nextId = 0;

/** A test client: requests with ids, answers matched by id, every other message kept in order. */
export class Client {
  readonly ws: WebSocket;
  readonly pushed: Record<string, unknown>[] = [];
  readonly #waiting = new Map<string, (m: Record<string, unknown>) => void>();
  closed: { code: number; reason: string } | undefined;
  readonly #closedWaiters: (() => void)[] = [];

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as Record<string, unknown>;
      const id = (m.id ?? (m.data as { id?: string } | undefined)?.id) as string | undefined;
      const w = id === undefined ? undefined : this.#waiting.get(id);
      if (w !== undefined) {
        this.#waiting.delete(id as string);
        w(m);
      } else this.pushed.push(m);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const f of this.#closedWaiters) f();
    });
  }

  static async connect(url: string, token: string | undefined): Promise<Client> {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/v1/socket${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`);
    const c = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return c;
  }

  /** Connects and identifies `player` (token over HTTP, client type, player name). */
  static async login(url: string, player: string): Promise<Client> {
    const c = await Client.connect(url, await token(url, player));
    const a = await c.request('v1.client.identify', { name: 'test', version: '1.0', protocol: '1.0' });
    if (a.res === 'v1.error') throw new Error(JSON.stringify(a));
    const b = await c.request('v1.players.identify', { name: player });
    if (b.res === 'v1.error') throw new Error(JSON.stringify(b));
    return c;
  }

  request(req: string, data?: unknown): Promise<Record<string, unknown>> {
    const id = `r${++nextId}`;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ req, id, ...(data === undefined ? {} : { data }) }));
    });
  }

  raw(text: string): void {
    this.ws.send(text);
  }

  /** The next pushed message that `match` accepts (waiting up to `ms`). */
  async next(match: (m: Record<string, unknown>) => boolean, ms = 5000): Promise<Record<string, unknown>> {
    const start = Date.now();
    for (;;) {
      const i = this.pushed.findIndex(match);
      if (i >= 0) return this.pushed.splice(i, 1)[0] as Record<string, unknown>;
      if (Date.now() - start > ms) throw new Error(`no such message within ${ms} ms; got ${JSON.stringify(this.pushed).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async waitClosed(ms = 5000): Promise<{ code: number; reason: string }> {
    if (this.closed !== undefined) return this.closed;
    await Promise.race([new Promise<void>((r) => this.#closedWaiters.push(r)), new Promise((r) => setTimeout(r, ms))]);
    if (this.closed === undefined) throw new Error('not closed');
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}

/** POSTs (or with `method`, sends) JSON to the server: the status and the body. */
export async function http(url: string, path: string, data?: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const r = await fetch(`${url}${path}`, { method, headers, ...(data === undefined ? {} : { body: JSON.stringify(data) }) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: r.headers };
}

/**
 * The guest sessions opened so far, by player: a player logging in again reuses its session, as a
 * real client does (on another process of the same Redis too; on another server, where it is
 * unknown, a new one is opened).
 */
const guestSessions = new Map<string, string>();

/** A session token: a guest's for `player`, or with `password` a registered player's (registered first when new). */
export async function session(url: string, player: unknown, password?: string): Promise<string> {
  if (password === undefined) {
    const known = guestSessions.get(JSON.stringify(player));
    if (known !== undefined) return known;
  } else {
    const registered = await http(url, '/v1/accounts', { player, password });
    if (registered.status === 201) return registered.body.sessionToken as string;
  }
  const r = await http(url, '/v1/sessions', password === undefined ? { player, guest: true } : { player, password });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  if (password === undefined) guestSessions.set(JSON.stringify(player), r.body.sessionToken as string);
  return r.body.sessionToken as string;
}

/** A socket token for a player (a guest's session unless a session token is given). */
export async function token(url: string, player: unknown, sessionToken?: string): Promise<string> {
  let r = await http(url, '/v1/tokens', undefined, { authorization: `Bearer ${sessionToken ?? (await session(url, player))}` });
  if (r.status === 401 && sessionToken === undefined) {
    // A guest session of another server: a new one here.
    guestSessions.delete(JSON.stringify(player));
    r = await http(url, '/v1/tokens', undefined, { authorization: `Bearer ${await session(url, player)}` });
  }
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.socketToken as string;
}

/** Accounts as the tests run them: guests allowed, a cheap scrypt cost, no limit per address (many players from loopback). */
export const TEST_ACCOUNTS = { guests: true, passwordCost: { logN: 10, r: 8, p: 1 }, addressAttempts: 1_000_000 } as const;

/** Starts a server on memory storage (or the given one), with the tests' accounts unless others are given. */
export async function server(options: Partial<ServerOptions> = {}): Promise<{ server: RunningServer; storage: Storage }> {
  const storage = options.storage ?? new MemoryStorage();
  return { server: await startServer({ accounts: TEST_ACCOUNTS, ...options, storage }), storage };
}

/** The error data of an answer, or undefined. */
export function errorOf(m: Record<string, unknown>): { code: number; errorCode: string; param?: unknown; cause?: string; req: string; id?: string } | undefined {
  return m.res === 'v1.error' ? (m.data as never) : undefined;
}
