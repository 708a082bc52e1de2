/**
 * The game server: HTTP for accounts, sessions, socket tokens, administration and the client page
 * (http-api.ts), a WebSocket for everything else.
 * Every game request goes through the engine's `apply` on the stored state, written back by
 * compare-and-set (a lost race retries on the fresh state); what happened is published on the
 * storage's bus, and every process delivers it to its own connections. So any number of
 * processes can serve the same games behind one Redis.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Applied, Code, type Dictionary, type Engine, type EngineError, type GameEvent, type GameRequest, type GameState, PREDEFINED_GAMES, eventView, SERVER_ID, createEngine, presetConfig, engineError, err, gameFromJSON, gameInfo, gameToJSON, ok, playerView, type Result, toMove } from 'wordgame-engine';
import { loadDefaultDictionary, readDictionaryFile } from 'wordgame-engine/node';
import { type WebSocket, WebSocketServer } from 'ws';
import { type AccessKey, accessKey, SCOPES } from './access-keys.js';
import { type AccountOptions, Accounts, tokenDigest } from './accounts.js';
import { httpApi } from './http-api.js';
import { MAX_MESSAGE_BYTES, type Request, decode, errorEnvelope, playerName } from './protocol.js';
import { type BusMessage, PENDING, type Storage } from './storage.js';

/** Settings of a server. */
export interface ServerOptions {
  readonly storage: Storage;
  /** Port (0: any free one) and address (default loopback). */
  readonly port?: number;
  readonly host?: string;
  /** Socket tokens last this long (default one hour). */
  readonly tokenTtlMs?: number;
  /** A connection that sends nothing for this long is closed with 99005 (default 5 minutes). */
  readonly idleMs?: number;
  /** Requests a second before and after the player is identified (default 10 and 100). */
  readonly rateUnidentified?: number;
  readonly rateIdentified?: number;
  /** Warnings before a flooding connection is closed with 99004 (default 3). */
  readonly floodWarnings?: number;
  /** Access keys of the administration API, each with its scopes (none: no administration). */
  readonly accessKeys?: readonly AccessKey[];
  /** A key with every scope (the `admin` key; 16 to 128 letters, digits, `_` or `-`). */
  readonly adminKey?: string;
  /** Accounts, sessions and guest mode (default: accounts only, sessions of 7 days, OWASP's scrypt cost). */
  readonly accounts?: AccountOptions;
  /** A connected player's name is held this long, refreshed every third of it (default 30 s): a crashed process's players are free again after it. */
  readonly presenceTtlMs?: number;
  /** Multiplies every game's time per turn (default 1; tests use a small one). */
  readonly turnTimeScale?: number;
  /** How often turn deadlines are checked (default 250 ms). */
  readonly timerIntervalMs?: number;
  /**
   * Dictionary files by alphabet name (`{ fr: 'ods.dawg' }`), besides the embedded English one (an
   * `en` entry replaces it). Each is loaded and checked at start: a file that cannot be read, or
   * whose alphabet is not its key (a dictionary of one language never judges a game of another),
   * stops the start with the reason. The games of an alphabet without a dictionary are not
   * offered, and creating one is refused (GAME_CREATION_ERROR, the alphabet in `param`).
   */
  readonly dictionaries?: Readonly<Record<string, string>>;
  /** How long a player's request id is remembered with its answer (default 2 minutes): see CHANGES. */
  readonly requestWindowMs?: number;
  /** Files served over HTTP: path → [content type, file]. */
  readonly files?: Readonly<Record<string, readonly [string, string]>>;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  /** Requests answered (acks and errors) since the start. */
  readonly stats: { requests: number; errors: number; conflicts: number };
  close(): Promise<void>;
}

interface Connection {
  readonly id: string;
  readonly ws: WebSocket;
  /** The player the socket token was issued to. */
  readonly tokenPlayer: string;
  /** The digest of the session the socket token was issued to (ending it closes the connection). */
  readonly session: string;
  /** A guest's connection. */
  readonly guest: boolean;
  client?: { name: string; version: string };
  player?: string;
  game?: string | undefined;
  /** When the connection's last requests came (ms), oldest first: the sliding window of the rate limit. */
  readonly recent: number[];
  /** When the last rate-limit warning was sent (ms; one a second at most). */
  warnedAt: number;
  warnings: number;
  idle?: NodeJS.Timeout;
  closed: boolean;
}

/**
 * What a change adds to a game's history (its `recorded` entries, whole: each recipient gets them
 * through `eventView`, as its view's history has them) and the notices that are not history
 * (comings and goings before the start), told to everyone in the game.
 */
function changeOf(before: GameState, after: GameState, events: readonly GameEvent[]): { recorded: GameEvent[]; notices: GameEvent[] } {
  const recorded = after.history.toArray().slice(before.history.length);
  const notices = events.filter((e) => e.type !== 'data' && !recorded.includes(e));
  return { recorded, notices };
}

/**
 * The requests that change something: sent with an `id` by an identified player, each is carried
 * out once within the request window; the same id again (after a reconnect, say) gets the first
 * answer instead of a second application.
 */
const CHANGES: ReadonlySet<string> = new Set(['v1.games.create', 'v1.games.join', 'v1.games.request', 'v1.games.ban', 'v1.chat.message', 'v1.chat.whisper', 'v1.chat.action']);

/** An answer as kept for a repeated request id: all of it but the game's view. */
function withoutView(answer: { readonly data: unknown }): object {
  const data = answer.data;
  if (data === null || typeof data !== 'object' || !('view' in data)) return answer;
  const { view: _view, ...rest } = data as Record<string, unknown>;
  return { ...answer, data: rest };
}

/** Starts a server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const storage = options.storage;
  const tokenTtl = options.tokenTtlMs ?? 3_600_000;
  const idleMs = options.idleMs ?? 300_000;
  const rates = [options.rateUnidentified ?? 10, options.rateIdentified ?? 100] as const;
  const maxWarnings = options.floodWarnings ?? 3;
  const presenceTtl = options.presenceTtlMs ?? 30_000;
  const requestWindow = options.requestWindowMs ?? 120_000;
  const accounts = new Accounts(storage, options.accounts);
  const accessKeys = [...(options.accessKeys ?? [])];
  if (options.adminKey !== undefined) {
    const admin = accessKey('admin', options.adminKey, SCOPES);
    if (!admin.ok) throw new Error(admin.error);
    accessKeys.push(admin.value);
  }
  /**
   * The first answer (as sent) to a player's request id within the window, or undefined when the
   * id is new (claimed now). While another connection is still carrying it out, waits for its
   * answer, 10 s at most.
   */
  const firstAnswer = async (player: string, key: string, req: string, id: string | number): Promise<string | undefined> => {
    for (let waited = 0; ; waited += 50) {
      // A claim lasts 30 s, so a request whose process died is carried out again after that.
      const known = await storage.claimRequest(player, key, 30_000);
      if (known !== PENDING) return known;
      if (waited >= 10_000) return JSON.stringify(errorEnvelope(engineError(Code.LISTENER_ERROR, { cause: `request ${String(id)} is still being carried out` }), req, id));
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const dictionaries = new Map<string, Dictionary>();
  const embedded = loadDefaultDictionary();
  if (!embedded.ok) throw new Error(embedded.error.message);
  dictionaries.set('en', embedded.value);
  for (const [alphabet, file] of Object.entries(options.dictionaries ?? {})) {
    const d = readDictionaryFile(file);
    if (!d.ok) throw new Error(`dictionary ${alphabet}=${file}: ${d.error.cause ?? d.error.message}`);
    if (d.value.alphabet.spec.name !== alphabet) throw new Error(`dictionary ${alphabet}=${file}: its alphabet is ${d.value.alphabet.spec.name}, not ${alphabet}`);
    dictionaries.set(alphabet, d.value);
  }
  const engine: Engine = createEngine({ dictionary: (alphabet) => dictionaries.get(alphabet) });
  /** The predefined games this server can create: those whose alphabet has a dictionary. */
  const creatable = Object.values(PREDEFINED_GAMES).filter((g) => {
    const c = presetConfig(g.config ?? 'en');
    return c.ok && dictionaries.has(c.value.alphabet.spec.name);
  });
  const stats = { requests: 0, errors: 0, conflicts: 0 };
  const connections = new Set<Connection>();
  /** This process's identified connections by the game they are in (null: the hall), and by player. */
  const rooms = new Map<string | null, Set<Connection>>();
  const byPlayer = new Map<string, Connection>();
  /** Moves a connection to a game (undefined: the hall), keeping the rooms. */
  const place = (c: Connection, game: string | undefined) => {
    const from = rooms.get(c.game ?? null);
    from?.delete(c);
    if (from?.size === 0) rooms.delete(c.game ?? null);
    c.game = game;
    if (c.player === undefined || c.closed) return;
    const to = rooms.get(game ?? null) ?? new Set<Connection>();
    rooms.set(game ?? null, to.add(c));
  };
  /** The last state this process read or wrote of each game, by version (trusted: no replay needed). */
  const cache = new Map<string, { version: number; state: GameState }>();

  const send = (c: Connection, message: unknown) => {
    if (!c.closed && c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(message));
  };
  const fail = (c: Connection, error: EngineError, req: string, id?: string | number) => {
    stats.errors++;
    send(c, errorEnvelope(error, req, id));
  };
  const close = (c: Connection, error: EngineError | undefined, wsCode = 4000) => {
    if (c.closed) return;
    if (error !== undefined) send(c, errorEnvelope(error));
    c.closed = true;
    if (c.idle !== undefined) clearTimeout(c.idle);
    connections.delete(c);
    place(c, undefined);
    if (c.player !== undefined) {
      if (byPlayer.get(c.player) === c) byPlayer.delete(c.player);
      void storage.releasePlayer(c.player, c.id);
    }
    c.ws.close(wsCode, error?.name ?? 'bye');
  };

  /** A game's state (from the cache when this process has seen its version) and stored deadline. */
  async function load(name: string): Promise<Result<{ version: number; state: GameState; deadline: number }, EngineError>> {
    const cached = cache.get(name);
    const stored = await storage.loadGame(name, cached?.version);
    if (stored === undefined) return err(engineError(Code.NO_SUCH_GAME, { param: name }));
    if (cached !== undefined && cached.version === stored.version) return ok({ ...cached, deadline: stored.deadline });
    let json: unknown;
    try {
      json = JSON.parse(stored.json ?? '');
    } catch {
      return err(engineError(Code.BAD_STATE, { cause: `game ${name}: stored text is not JSON` }));
    }
    const state = gameFromJSON(json, engine);
    if (!state.ok) return state;
    cache.set(name, { version: stored.version, state: state.value });
    return ok({ version: stored.version, state: state.value, deadline: stored.deadline });
  }

  const deadlineOf = (before: GameState | undefined, after: GameState, old: number) => {
    if (after.status !== 'running') return 0;
    if (before !== undefined && before.status === 'running' && before.turn === after.turn && old !== 0) return old;
    return Date.now() + after.settings.timePerTurn * 1000 * (options.turnTimeScale ?? 1);
  };

  /**
   * Applies a player's request to a game by compare-and-set, retrying on the fresh state when
   * another update wins (`guard`: a condition on the state, else the request is dropped), and
   * publishes what changed with the request that changed it (`origin`: the connection that
   * asked, which gets its view in its answer rather than in a push). `changed` is false for a
   * request that changes nothing.
   */
  async function update(name: string, player: string, request: GameRequest, origin?: string, guard?: (state: GameState) => boolean): Promise<Result<Applied & { version: number; changed: boolean; recorded: readonly GameEvent[]; notices: readonly GameEvent[] }, EngineError>> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const loaded = await load(name);
      if (!loaded.ok) return loaded;
      if (guard !== undefined && !guard(loaded.value.state)) return err(engineError(Code.UNKNOWN_ERROR, { cause: 'the game moved on' }));
      // The time of every request is the server's, never a client's (games with clocks read it;
      // never before the clock's last time, should two processes' clocks disagree slightly).
      const since = loaded.value.state.classic?.clock?.since ?? 0;
      const timed = { ...request, at: Math.max(Date.now(), since) } as GameRequest;
      const r = engine.apply(loaded.value.state, player, timed);
      if (!r.ok) return r;
      // A data request (hand, board, scores, info) changes nothing: nothing to write.
      if (r.value.state === loaded.value.state) return ok({ ...r.value, version: loaded.value.version, changed: false, recorded: [], notices: [] });
      const version = loaded.value.version + 1;
      const deadline = deadlineOf(loaded.value.state, r.value.state, loaded.value.deadline);
      if (await storage.updateGame(name, loaded.value.version, JSON.stringify(gameToJSON(r.value.state)), deadline)) {
        cache.set(name, { version, state: r.value.state });
        const { recorded, notices } = changeOf(loaded.value.state, r.value.state, r.value.events);
        await storage.publish({ kind: 'game', game: name, version, recorded, notices, change: { player, request: timed }, ...(origin === undefined ? {} : { origin }) });
        return ok({ ...r.value, version, changed: true, recorded, notices });
      }
      stats.conflicts++;
    }
    return err(engineError(Code.LISTENER_ERROR, { cause: `game ${name}: too many concurrent updates` }));
  }

  async function deliver(message: BusMessage): Promise<void> {
    if (message.kind === 'game') {
      // Another process's change to a game this process holds the version before: the engine
      // applies the same request to it (its moves are deterministic), so the new state needs no
      // reading and checking of the stored document.
      const cached = cache.get(message.game);
      if (cached !== undefined && cached.version === message.version - 1) {
        const r = engine.apply(cached.state, message.change.player, message.change.request);
        if (r.ok && cache.get(message.game) === cached) cache.set(message.game, { version: message.version, state: r.value.state });
      }
      // The connection that made the change has its view in its answer.
      const targets = [...(rooms.get(message.game) ?? [])].filter((c) => c.id !== message.origin);
      if (targets.length === 0) return;
      const loaded = await load(message.game);
      if (!loaded.ok) return;
      const state = loaded.value.state;
      for (const c of targets) {
        const seated = state.players.some((p) => p.id === c.player);
        if (!seated && state.status !== 'over') place(c, undefined);
        const me = c.player as string;
        send(c, { res: 'v1.event', data: { game: message.game, version: message.version, events: message.recorded.map((e) => eventView(e, me)), notices: message.notices, view: playerView(state, me, { history: false }), toMove: toMove(state) ?? null } });
      }
    } else if (message.kind === 'chat') {
      for (const c of rooms.get(message.game) ?? []) send(c, { res: 'v1.chat', data: { from: message.from, text: message.text, action: message.action } });
    } else if (message.kind === 'whisper') {
      const c = byPlayer.get(message.to);
      if (c !== undefined) send(c, { res: 'v1.whisper', data: { from: message.from, text: message.text } });
    } else if (message.kind === 'kick') {
      const c = byPlayer.get(message.player);
      if (c !== undefined) close(c, engineError(Code.ADMIN_KICK, { param: message.player }), 4006);
    } else if (message.kind === 'sessions-ended') {
      const ended = new Set(message.sessions);
      for (const c of [...connections]) if (ended.has(c.session)) close(c, engineError(Code.INVALID_SESSION_TOKEN, { cause: 'the session ended: log in again' }), 4001);
    } else if (message.kind === 'games') {
      for (const c of rooms.get(null) ?? []) send(c, { res: 'v1.games.changed', data: {} });
    }
  }

  /**
   * Bans a player from a game (or lets them back in), `by` the game's operator or the server
   * (an access key): a banned player who is in the game is kicked out of it (the engine's kick,
   * pushed to everyone as usual), and joining it again is refused with 35102.
   */
  async function ban(game: string, target: unknown, banned: boolean, by: string = SERVER_ID): Promise<Result<{ game: string; player: string; banned: boolean }, EngineError>> {
    const player = playerName(target);
    if (!player.ok) return err(engineError(Code.BAD_KICK_FORMAT, { param: typeof target === 'string' ? target.slice(0, 64) : 'player', cause: player.error.cause ?? 'give the player to ban' }));
    if (player.value === by) return err(engineError(Code.BAD_KICK_FORMAT, { param: player.value, cause: 'leave the game instead of banning yourself' }));
    const loaded = await load(game);
    if (!loaded.ok) return loaded;
    if (by !== SERVER_ID && !(loaded.value.state.operator === by && loaded.value.state.players.some((p) => p.id === by && !p.left))) return err(engineError(Code.KICK_NOT_OPERATOR));
    await storage.setBanned(game, player.value, banned);
    if (banned && loaded.value.state.players.some((p) => p.id === player.value && !p.left)) {
      const kicked = await update(game, by, { type: 'kick', player: player.value });
      if (kicked.ok) await storage.setPlayerGame(player.value, undefined);
    }
    return ok({ game, player: player.value, banned });
  }
  await storage.subscribe((m) => void deliver(m));

  /** Answers one request; resolves with the answer's data (or an error value). */
  async function handle(c: Connection, r: Request): Promise<Result<unknown, EngineError>> {
    if (r.req === 'v1.client.identify') {
      if (c.client !== undefined) return err(engineError(Code.CLIENT_ALREADY_CONNECTED));
      c.client = { name: r.name, version: r.version };
      return ok({ protocol: r.protocol });
    }
    if (r.req === 'v1.players.identify') {
      if (c.client === undefined) return err(engineError(Code.BAD_IDENTIFICATION, { cause: 'identify the client first (v1.client.identify)' }));
      if (c.player !== undefined) return err(engineError(Code.PLAYER_ALREADY_CONNECTED, { param: c.player }));
      if (r.name !== c.tokenPlayer) return err(engineError(Code.BAD_IDENTIFICATION, { param: r.name, cause: 'the socket token was issued to another player' }));
      if (r.sessionToken !== undefined) {
        // As in the seed, a client may also send its session token: it must be a live session of this player.
        const s = await accounts.session(r.sessionToken);
        if (!s.ok) return s;
        if (s.value.player !== r.name) return err(engineError(Code.INVALID_SESSION_TOKEN, { cause: 'the session is another player\'s' }));
      }
      if (!(await storage.claimPlayer(r.name, c.id, presenceTtl))) return err(engineError(Code.NAME_IN_USE, { param: r.name }));
      c.player = r.name;
      byPlayer.set(r.name, c);
      place(c, await storage.playerGame(r.name));
      return ok({ player: r.name, guest: c.guest, game: c.game ?? null });
    }
    const player = c.player;
    if (player === undefined) return err(engineError(Code.BAD_IDENTIFICATION, { cause: 'identify the player first (v1.players.identify)' }));
    switch (r.req) {
      case 'v1.chat.message':
      case 'v1.chat.action':
        await storage.publish({ kind: 'chat', game: c.game ?? null, from: player, text: r.text, action: r.req === 'v1.chat.action' });
        return ok({});
      case 'v1.chat.whisper':
        if (!(await storage.isConnected(r.to))) return err(engineError(Code.NO_SUCH_USER, { param: r.to }));
        await storage.publish({ kind: 'whisper', to: r.to, from: player, text: r.text });
        return ok({});
      case 'v1.games.predefined':
        // Only the games this server can create: a dictionary for their alphabet.
        return ok({ games: creatable });
      case 'v1.games.list': {
        const games = [];
        for (const name of await storage.listGames()) {
          const g = await load(name);
          if (g.ok) games.push({ ...gameInfo(g.value.state), version: g.value.version });
        }
        return ok({ games });
      }
      case 'v1.games.create': {
        if ((await storage.playerGame(player)) !== undefined) return err(engineError(Code.CREATOR_ALREADY_IN_GAME));
        const created = engine.create(r.settings, player);
        if (!created.ok) return created;
        const name = created.value.state.settings.name;
        if (!(await storage.createGame(name, JSON.stringify(gameToJSON(created.value.state)), 0))) return err(engineError(Code.GAME_ALREADY_ON_SERVER, { param: name }));
        cache.set(name, { version: 1, state: created.value.state });
        await storage.setPlayerGame(player, name);
        place(c, name);
        await storage.publish({ kind: 'games' });
        return ok({ game: name, version: 1, view: playerView(created.value.state, player) });
      }
      case 'v1.games.join': {
        const current = await storage.playerGame(player);
        if (current !== undefined && current !== r.game) return err(engineError(Code.PLAYER_ALREADY_IN_GAME, { param: current }));
        if (await storage.isBanned(r.game, player)) return err(engineError(Code.PLAYER_BANNED, { cause: `${player} is banned from ${r.game}` }));
        const applied = await update(r.game, player, { type: 'join' }, c.id);
        if (!applied.ok) return applied;
        await storage.setPlayerGame(player, r.game);
        place(c, r.game);
        return ok({ game: r.game, version: applied.value.version, view: playerView(applied.value.state, player) });
      }
      case 'v1.games.ban': {
        const game = c.game ?? (await storage.playerGame(player));
        if (game === undefined) return err(engineError(Code.NOT_IN_GAME));
        return ban(game, r.player, r.banned, player);
      }
      case 'v1.games.view': {
        const game = c.game ?? (await storage.playerGame(player));
        if (game === undefined) return err(engineError(Code.NOT_IN_GAME));
        const loaded = await load(game);
        if (!loaded.ok) return loaded;
        return ok({ game, version: loaded.value.version, view: playerView(loaded.value.state, player), toMove: toMove(loaded.value.state) ?? null });
      }
      case 'v1.games.request': {
        const game = c.game ?? (await storage.playerGame(player));
        if (game === undefined) return err(engineError(Code.NOT_IN_GAME));
        const applied = await update(game, player, r.request, c.id);
        if (!applied.ok) return applied;
        const type = r.request.type;
        if (type === 'leave') {
          await storage.setPlayerGame(player, undefined);
          place(c, undefined);
        }
        for (const e of applied.value.events) if (e.type === 'kicked') await storage.setPlayerGame(e.player, undefined);
        // A change: the view and the turn come with the answer (the others get them in a push).
        // A data request: its answer in `events`. A change: its history entries as this player sees them, and its notices.
        const { state, version, events, changed, recorded, notices } = applied.value;
        if (!changed) return ok({ game, version, events });
        return ok({ game, version, events: recorded.map((e) => eventView(e, player)), notices, view: playerView(state, player, { history: false }), toMove: toMove(state) ?? null });
      }
    }
    return err(engineError(Code.UNKNOWN_COMMAND));
  }

  const touch = (c: Connection) => {
    if (c.idle !== undefined) clearTimeout(c.idle);
    c.idle = setTimeout(() => close(c, engineError(Code.IDLE_DISCONNECTION, { cause: `nothing received for ${idleMs} ms` }), 4005), idleMs);
  };

  /**
   * Counts a request against the connection's rate over a sliding window of one second (not
   * wall-clock seconds, which let twice the limit through across a boundary); false when it must
   * be dropped. A dropped request is not counted; a warning goes out at most once a second.
   */
  const withinRate = (c: Connection): boolean => {
    const now = Date.now();
    const limit = rates[c.player === undefined ? 0 : 1];
    while (c.recent.length > 0 && (c.recent[0] as number) <= now - 1000) c.recent.shift();
    if (c.recent.length < limit) {
      c.recent.push(now);
      return true;
    }
    if (now - c.warnedAt < 1000) return false; // one warning a second at most
    c.warnedAt = now;
    c.warnings++;
    if (c.warnings > maxWarnings) close(c, engineError(Code.EXCESS_FLOOD, { cause: `over ${rates[c.player === undefined ? 0 : 1]} requests a second after ${maxWarnings} warnings` }), 4004);
    else {
      stats.errors++;
      send(c, { res: 'v1.error', data: { req: 'unknown', code: Code.EXCESS_FLOOD, errorCode: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', cause: `warning ${c.warnings} of ${maxWarnings}: at most ${rates[c.player === undefined ? 0 : 1]} requests a second` } });
    }
    return false;
  };

  const api = httpApi({ storage, accounts, accessKeys, tokenTtlMs: tokenTtl, files: options.files ?? {}, ban: (game, player, banned) => ban(game, player, banned) });
  const http = createServer((req, res) => {
    // A failure of the API's own (the storage unreachable): 500 with LISTENER_ERROR, the server goes on.
    api(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(errorEnvelope(engineError(Code.LISTENER_ERROR, { cause: String((e as Error)?.message ?? e).slice(0, 200) }), 'v1.http')));
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_MESSAGE_BYTES });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/v1/socket') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => void open(ws, url.searchParams.get('token')));
  });

  async function open(ws: WebSocket, token: string | null): Promise<void> {
    // Listen at once: messages that arrive while the token is checked wait in order.
    const early: [Buffer, boolean][] = [];
    let onMessage: (raw: Buffer, isBinary: boolean) => void = (raw, isBinary) => void early.push([raw, isBinary]);
    ws.on('message', (raw: Buffer, isBinary: boolean) => onMessage(raw, isBinary));
    const issued = token === null || token === '' ? undefined : await storage.socketToken(tokenDigest(token));
    // A token whose session ended (a logout, an admin) or expired opens nothing either.
    const session = issued === undefined ? undefined : await storage.session(issued.session);
    if (issued === undefined || session === undefined) {
      // A missing or wrong token: a clear error, then the connection closes.
      const error =
        issued !== undefined
          ? engineError(Code.INVALID_SESSION_TOKEN, { cause: 'the session of this socket token ended: log in again' })
          : engineError(Code.BAD_IDENTIFICATION, { cause: token === null || token === '' ? 'missing socket token: POST /v1/tokens, then connect with ?token=' : 'invalid or expired socket token' });
      ws.send(JSON.stringify(errorEnvelope(error, 'v1.connect')));
      ws.close(4001, 'INVALID_SOCKET_TOKEN');
      return;
    }
    const c: Connection = { id: randomUUID(), ws, tokenPlayer: issued.player, session: issued.session, guest: session.guest, recent: [], warnedAt: -Infinity, warnings: 0, closed: false };
    connections.add(c);
    touch(c);
    let queue = Promise.resolve();
    onMessage = (raw, isBinary) => {
      if (c.closed) return;
      touch(c);
      if (!withinRate(c)) return;
      const text = isBinary ? '' : raw.toString('utf8');
      const decoded = isBinary ? { req: 'unknown', result: err(engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'binary message' })) } : decode(text);
      // One request at a time per connection, in order.
      queue = queue.then(async () => {
        stats.requests++;
        if (!decoded.result.ok) return fail(c, decoded.result.error, decoded.req, decoded.id);
        const request = decoded.result.value;
        // Exactly once: a change sent again with the same id (after a reconnect) gets the first answer.
        // The key keeps the id's type: 42 and "42" are two ids, each answered with itself.
        const once = decoded.id !== undefined && c.player !== undefined && CHANGES.has(request.req) ? { player: c.player, key: JSON.stringify(decoded.id) } : undefined;
        if (once !== undefined && decoded.id !== undefined) {
          const first = await firstAnswer(once.player, once.key, decoded.req, decoded.id);
          if (first !== undefined) return send(c, JSON.parse(first));
        }
        let r: Result<unknown, EngineError>;
        try {
          r = await handle(c, request);
        } catch (e) {
          // A handler's own failure (storage down, a bug): LISTENER_ERROR with why; the connection and the process go on.
          r = err(engineError(Code.LISTENER_ERROR, { cause: String((e as Error)?.message ?? e).slice(0, 200) }));
        }
        const answer = r.ok ? { res: decoded.req, ...(decoded.id === undefined ? {} : { id: decoded.id }), data: r.value } : errorEnvelope(r.error, decoded.req, decoded.id);
        if (!r.ok) stats.errors++;
        // Kept without the view (the bulk of an answer; a client that needs it asks v1.games.view).
        if (once !== undefined) await storage.answerRequest(once.player, once.key, JSON.stringify(withoutView(answer)), requestWindow);
        send(c, answer);
      });
    };
    for (const [raw, isBinary] of early.splice(0)) onMessage(raw, isBinary);
    ws.on('close', () => close(c, undefined));
    ws.on('error', () => close(c, undefined));
  }

  // Presence: refresh the names this process's connections hold.
  const presence = setInterval(() => {
    for (const c of connections) if (c.player !== undefined) void storage.claimPlayer(c.player, c.id, presenceTtl);
  }, Math.max(50, presenceTtl / 3));

  // Turn timers: the server closes a turn whose time is up, as `@server`.
  const timer = setInterval(() => void sweep(), options.timerIntervalMs ?? 250);
  let sweeping = false;
  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      const now = Date.now();
      for (const name of await storage.listGames()) {
        const loaded = await load(name);
        if (!loaded.ok) continue;
        const state = loaded.value.state;
        // Clocks: the engine's tick ends the game once the player to move's overtime is used up
        // (and changes nothing before): tried on the state in hand, written only when it ends it.
        if (state.status === 'running' && state.settings.clock !== undefined) {
          const ticked = engine.apply(state, SERVER_ID, { type: 'tick', at: Math.max(now, state.classic?.clock?.since ?? 0) });
          if (ticked.ok && ticked.value.state !== state) {
            await update(name, SERVER_ID, { type: 'tick', at: now }, undefined, (s) => s.status === 'running');
            continue;
          }
        }
        if (loaded.value.deadline === 0 || loaded.value.deadline > now) continue;
        const turn = state.turn;
        await update(name, SERVER_ID, { type: 'close-turn' }, undefined, (s) => s.turn === turn && s.status === 'running');
      }
    } finally {
      sweeping = false;
    }
  }

  await new Promise<void>((resolve) => http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    http,
    stats,
    async close() {
      clearInterval(timer);
      clearInterval(presence);
      for (const c of [...connections]) close(c, undefined, 1001);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
