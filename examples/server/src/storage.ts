/**
 * Where the server keeps what several processes must share: games (a JSON document with a
 * version, updated by compare-and-set), which game each player is in, accounts (password hashes),
 * sessions and socket tokens (under the SHA-256 digests of the tokens: nothing stored is a usable
 * credential), bans, login attempt counts, which process holds each connected player, and a
 * pub/sub bus for events. `MemoryStorage` is the
 * embedded default (one process; optionally saved to a JSON file); `RedisStorage` (redis.ts) is
 * for several processes behind one Redis.
 */
import type { GameEvent, GameRequest } from 'wordgame-engine';

/** A stored game. */
export interface StoredGame {
  /** Bumped by every update: an update names the version it read (compare-and-set). */
  readonly version: number;
  /** `gameToJSON(state)`, as text. */
  readonly json: string;
  /** When the current turn ends (ms since the epoch), for the turn timers; 0 for none. */
  readonly deadline: number;
}

/** A message on the bus: every process gets every message and delivers what concerns its connections. */
export type BusMessage =
  | {
      readonly kind: 'game';
      readonly game: string;
      /** The version the change made. */
      readonly version: number;
      /** The history entries the change added, whole (each process shows each player what it may see of them). */
      readonly recorded: readonly GameEvent[];
      /** What the change did that is not history (comings and goings before the start). */
      readonly notices: readonly GameEvent[];
      /** The request that made it: any process holding the version before applies it too. */
      readonly change: { readonly player: string; readonly request: GameRequest };
      /** The connection that asked (its answer carries the view). */
      readonly origin?: string;
    }
  | { readonly kind: 'chat'; readonly game: string | null; readonly from: string; readonly text: string; readonly action: boolean }
  | { readonly kind: 'whisper'; readonly to: string; readonly from: string; readonly text: string }
  | { readonly kind: 'kick'; readonly player: string }
  /** Sessions ended (a logout, or an admin ending a player's sessions): their connections close. */
  | { readonly kind: 'sessions-ended'; readonly sessions: readonly string[] }
  | { readonly kind: 'games' };

/** A login session, stored under the digest of its token. */
export interface Session {
  readonly player: string;
  /** A guest's session (guest mode): it holds an unregistered name while it lasts. */
  readonly guest: boolean;
  /** When it expires (ms since the epoch). */
  readonly expires: number;
}

/** A socket token, stored under its digest: its player and the session it was issued to. */
export interface SocketToken {
  readonly player: string;
  readonly session: string;
}

/** The sessions the in-memory storage keeps a player (the oldest ended first). */
export const SESSIONS_KEPT = 16;

/** What {@link Storage.claimRequest} gives for a request that is being carried out. */
export const PENDING = 'pending';

/** The request ids the in-memory storage keeps a player (the oldest dropped first). */
export const REQUESTS_KEPT = 64;

/** What the server needs from its storage. Every method may be called by several processes at once. */
export interface Storage {
  /**
   * A game, or undefined. With `known` (the version the caller holds), `json` may be left out
   * when the stored version is that one: a process that has the game in memory reads only its
   * version and deadline.
   */
  loadGame(name: string, known?: number): Promise<(Omit<StoredGame, 'json'> & { readonly json?: string }) | undefined>;
  /** Stores a new game; false when the name is taken. */
  createGame(name: string, json: string, deadline: number): Promise<boolean>;
  /** Replaces version `expected` of a game by version `expected + 1`; false when another update came first. */
  updateGame(name: string, expected: number, json: string, deadline: number): Promise<boolean>;
  /** Every game's name. */
  listGames(): Promise<string[]>;
  /** The game a player is in. */
  playerGame(player: string): Promise<string | undefined>;
  /** Records (or clears, with undefined) the game a player is in. */
  setPlayerGame(player: string, game: string | undefined): Promise<void>;
  /** Registers an account (its password hash); false when the name is taken. */
  createAccount(player: string, passwordHash: string): Promise<boolean>;
  /** Removes an account (a registration that lost a race with a guest). */
  deleteAccount(player: string): Promise<void>;
  /** An account's password hash, or undefined. */
  passwordHash(player: string): Promise<string | undefined>;
  /** Stores a session under the digest of its token, for `ttlMs`. */
  createSession(digest: string, session: Session, ttlMs: number): Promise<void>;
  /** A live session, or undefined (unknown, ended or expired). */
  session(digest: string): Promise<Session | undefined>;
  /** Ends a session (a logout). */
  endSession(digest: string): Promise<void>;
  /** Ends every session of a player; the digests ended. */
  endSessions(player: string): Promise<string[]>;
  /** Holds an unregistered name for a guest session for `ttlMs`; false when another guest session holds it. */
  holdGuestName(player: string, session: string, ttlMs: number): Promise<boolean>;
  /** Releases a guest name held by `session`. */
  releaseGuestName(player: string, session: string): Promise<void>;
  /** True when a live guest session holds the name. */
  guestNameHeld(player: string): Promise<boolean>;
  /** Counts one attempt under `key` in a fixed window of `windowMs`: the count so far and when the window ends. */
  countAttempt(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Forgets the attempts under `key` (a successful login). */
  clearAttempts(key: string): Promise<void>;
  /** Bans (or, with false, lets back) a player from a game. */
  setBanned(game: string, player: string, banned: boolean): Promise<void>;
  /** True when the player is banned from the game. */
  isBanned(game: string, player: string): Promise<boolean>;
  /** Issues a socket token (its digest) for a player's session, replacing the player's last one; it expires after `ttlMs`. */
  setToken(player: string, digest: string, ttlMs: number, session: string): Promise<void>;
  /** What a socket token (its digest) was issued to (undefined when unknown, replaced or expired). */
  socketToken(digest: string): Promise<SocketToken | undefined>;
  /** Marks a player connected by `owner` (a connection id); false when another connection holds the name. */
  claimPlayer(player: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases a player name held by `owner`. */
  releasePlayer(player: string, owner: string): Promise<void>;
  /** True when some connection holds the player's name. */
  isConnected(player: string): Promise<boolean>;
  /**
   * Claims a player's request id for `ttlMs` (the idempotency window): undefined when it is new
   * (the caller carries it out, then {@link answerRequest}), else what is known of the first one:
   * its answer, or `pending` while it is being carried out.
   */
  claimRequest(player: string, id: string, ttlMs: number): Promise<string | undefined>;
  /** Keeps the answer of a claimed request for the rest of the window. */
  answerRequest(player: string, id: string, answer: string, ttlMs: number): Promise<void>;
  /** Sends a message to every process (this one included). */
  publish(message: BusMessage): Promise<void>;
  /** Receives every message published. */
  subscribe(handler: (message: BusMessage) => void): Promise<void>;
  close(): Promise<void>;
}

/** What the in-memory storage saves to its file: games, seats, accounts (password hashes), sessions (by digest), bans. */
export interface Snapshot {
  readonly games: Record<string, StoredGame>;
  readonly seats: Record<string, string>;
  readonly accounts: Record<string, string>;
  readonly sessions: Record<string, Session>;
  readonly bans: Record<string, string[]>;
}

/** Everything in this process's memory; with `file`, saved there (games, seats, accounts, sessions, bans) after each change. */
export class MemoryStorage implements Storage {
  readonly #games = new Map<string, StoredGame>();
  readonly #seats = new Map<string, string>();
  readonly #tokens = new Map<string, SocketToken & { expires: number }>();
  readonly #accounts = new Map<string, string>();
  readonly #sessions = new Map<string, Session>();
  readonly #guestNames = new Map<string, { session: string; expires: number }>();
  readonly #attempts = new Map<string, { count: number; ends: number }>();
  readonly #bans = new Map<string, Set<string>>();
  /** Each player's recent request ids, oldest first, with their answers. */
  readonly #requests = new Map<string, Map<string, { answer: string; expires: number }>>();
  readonly #tokenOf = new Map<string, string>();
  readonly #players = new Map<string, { owner: string; expires: number }>();
  readonly #handlers: ((m: BusMessage) => void)[] = [];
  readonly #file: string | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(options: { file?: string; initial?: Partial<Snapshot> } = {}) {
    this.#file = options.file;
    const initial = options.initial ?? {};
    for (const [k, v] of Object.entries(initial.games ?? {})) this.#games.set(k, v);
    for (const [k, v] of Object.entries(initial.seats ?? {})) this.#seats.set(k, v);
    for (const [k, v] of Object.entries(initial.accounts ?? {})) this.#accounts.set(k, v);
    for (const [k, v] of Object.entries(initial.sessions ?? {})) if (v.expires > Date.now()) this.#sessions.set(k, v);
    for (const [k, v] of Object.entries(initial.bans ?? {})) this.#bans.set(k, new Set(v));
    for (const [k, v] of this.#sessions) if (v.guest) this.#guestNames.set(v.player, { session: k, expires: v.expires });
  }

  async loadGame(name: string) {
    return this.#games.get(name);
  }
  async createGame(name: string, json: string, deadline: number) {
    if (this.#games.has(name)) return false;
    this.#games.set(name, { version: 1, json, deadline });
    this.#save();
    return true;
  }
  async updateGame(name: string, expected: number, json: string, deadline: number) {
    const g = this.#games.get(name);
    if (g === undefined || g.version !== expected) return false;
    this.#games.set(name, { version: expected + 1, json, deadline });
    this.#save();
    return true;
  }
  async listGames() {
    return [...this.#games.keys()];
  }
  async playerGame(player: string) {
    return this.#seats.get(player);
  }
  async setPlayerGame(player: string, game: string | undefined) {
    if (game === undefined) this.#seats.delete(player);
    else this.#seats.set(player, game);
    this.#save();
  }
  async createAccount(player: string, passwordHash: string) {
    if (this.#accounts.has(player)) return false;
    this.#accounts.set(player, passwordHash);
    this.#save();
    return true;
  }
  async deleteAccount(player: string) {
    this.#accounts.delete(player);
    this.#save();
  }
  async passwordHash(player: string) {
    return this.#accounts.get(player);
  }
  async createSession(digest: string, session: Session, ttlMs: number) {
    this.#sessions.set(digest, { ...session, expires: Math.min(session.expires, Date.now() + ttlMs) }); // never past the ttl
    // A player keeps at most SESSIONS_KEPT sessions: the oldest end first (the map keeps insertion order).
    const mine = [...this.#sessions].filter(([, v]) => v.player === session.player);
    for (const [k] of mine.slice(0, Math.max(0, mine.length - SESSIONS_KEPT))) this.#sessions.delete(k);
    this.#purge();
    this.#save();
  }
  async session(digest: string) {
    const s = this.#sessions.get(digest);
    return s !== undefined && s.expires > Date.now() ? s : undefined;
  }
  async endSession(digest: string) {
    this.#sessions.delete(digest);
    this.#save();
  }
  async endSessions(player: string) {
    const ended = [...this.#sessions].filter(([, v]) => v.player === player).map(([k]) => k);
    for (const k of ended) this.#sessions.delete(k);
    this.#save();
    return ended;
  }
  async holdGuestName(player: string, session: string, ttlMs: number) {
    const held = this.#guestNames.get(player);
    if (held !== undefined && held.session !== session && held.expires > Date.now()) return false;
    this.#guestNames.set(player, { session, expires: Date.now() + ttlMs });
    return true;
  }
  async releaseGuestName(player: string, session: string) {
    if (this.#guestNames.get(player)?.session === session) this.#guestNames.delete(player);
  }
  async guestNameHeld(player: string) {
    const held = this.#guestNames.get(player);
    return held !== undefined && held.expires > Date.now();
  }
  async countAttempt(key: string, windowMs: number) {
    const now = Date.now();
    let a = this.#attempts.get(key);
    if (a === undefined || a.ends <= now) this.#attempts.set(key, (a = { count: 0, ends: now + windowMs }));
    a.count++;
    this.#purge();
    return { count: a.count, resetInMs: a.ends - now };
  }
  async clearAttempts(key: string) {
    this.#attempts.delete(key);
  }
  async setBanned(game: string, player: string, banned: boolean) {
    const set = this.#bans.get(game) ?? new Set<string>();
    if (banned) this.#bans.set(game, set.add(player));
    else set.delete(player);
    this.#save();
  }
  async isBanned(game: string, player: string) {
    return this.#bans.get(game)?.has(player) === true;
  }
  async setToken(player: string, digest: string, ttlMs: number, session: string) {
    const old = this.#tokenOf.get(player);
    if (old !== undefined) this.#tokens.delete(old);
    this.#tokens.set(digest, { player, session, expires: Date.now() + ttlMs });
    this.#tokenOf.set(player, digest);
  }
  async socketToken(digest: string) {
    const t = this.#tokens.get(digest);
    return t !== undefined && t.expires > Date.now() ? { player: t.player, session: t.session } : undefined;
  }
  async claimPlayer(player: string, owner: string, ttlMs: number) {
    const held = this.#players.get(player);
    if (held !== undefined && held.owner !== owner && held.expires > Date.now()) return false;
    this.#players.set(player, { owner, expires: Date.now() + ttlMs });
    return true;
  }
  async releasePlayer(player: string, owner: string) {
    if (this.#players.get(player)?.owner === owner) this.#players.delete(player);
  }
  async isConnected(player: string) {
    const held = this.#players.get(player);
    return held !== undefined && held.expires > Date.now();
  }
  async claimRequest(player: string, id: string, ttlMs: number) {
    const now = Date.now();
    let mine = this.#requests.get(player);
    const known = mine?.get(id);
    if (known !== undefined && known.expires > now) return known.answer;
    if (mine === undefined) this.#requests.set(player, (mine = new Map()));
    mine.delete(id);
    mine.set(id, { answer: PENDING, expires: now + ttlMs });
    // The player's oldest ids go first: at most REQUESTS_KEPT a player, whatever the window.
    for (const k of mine.keys()) {
      if (mine.size <= REQUESTS_KEPT) break;
      mine.delete(k);
    }
    return undefined;
  }
  async answerRequest(player: string, id: string, answer: string, ttlMs: number) {
    const mine = this.#requests.get(player);
    if (mine?.has(id) === true) mine.set(id, { answer, expires: Date.now() + ttlMs });
  }
  async publish(message: BusMessage) {
    // Delivered asynchronously, as a real bus does.
    queueMicrotask(() => {
      for (const h of this.#handlers) h(message);
    });
  }
  async subscribe(handler: (m: BusMessage) => void) {
    this.#handlers.push(handler);
  }
  async close() {
    await this.#saving;
  }

  /** What a file holds. */
  snapshot(): Snapshot {
    return {
      games: Object.fromEntries(this.#games),
      seats: Object.fromEntries(this.#seats),
      accounts: Object.fromEntries(this.#accounts),
      sessions: Object.fromEntries(this.#sessions),
      bans: Object.fromEntries([...this.#bans].map(([k, v]) => [k, [...v]])),
    };
  }

  /** Drops expired sessions, guest names and attempt windows once they are many (memory stays bounded by the live ones). */
  #purge(): void {
    if (this.#attempts.size + this.#sessions.size + this.#guestNames.size < 10_000) return;
    const now = Date.now();
    for (const map of [this.#attempts, this.#guestNames] as Map<string, { expires?: number; ends?: number }>[]) for (const [k, v] of map) if ((v.expires ?? v.ends ?? 0) <= now) map.delete(k);
    for (const [k, v] of this.#sessions) if (v.expires <= now) this.#sessions.delete(k);
  }

  #save(): void {
    const file = this.#file;
    if (file === undefined) return;
    const text = JSON.stringify(this.snapshot());
    this.#saving = this.#saving.then(async () => {
      const { writeFile, rename } = await import('node:fs/promises');
      // Password hashes and session digests inside: readable by the server's user only.
      await writeFile(`${file}.tmp`, text, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
  }
}
