/**
 * Where the server keeps what several processes must share: games (a JSON document with a
 * version, updated by compare-and-set), which game each player is in, socket tokens, which
 * process holds each connected player, and a pub/sub bus for events. `MemoryStorage` is the
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
  | { readonly kind: 'games' };

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
  /** Issues a socket token for a player, replacing the last one; it expires after `ttlMs`. */
  setToken(player: string, token: string, ttlMs: number): Promise<void>;
  /** The player a token was issued to (undefined when unknown, replaced or expired). */
  tokenPlayer(token: string): Promise<string | undefined>;
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

/** Everything in this process's memory; with `file`, saved there (games and player seats) after each change. */
export class MemoryStorage implements Storage {
  readonly #games = new Map<string, StoredGame>();
  readonly #seats = new Map<string, string>();
  readonly #tokens = new Map<string, { player: string; expires: number }>();
  /** Each player's recent request ids, oldest first, with their answers. */
  readonly #requests = new Map<string, Map<string, { answer: string; expires: number }>>();
  readonly #tokenOf = new Map<string, string>();
  readonly #players = new Map<string, { owner: string; expires: number }>();
  readonly #handlers: ((m: BusMessage) => void)[] = [];
  readonly #file: string | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(options: { file?: string; initial?: { games: Record<string, StoredGame>; seats: Record<string, string> } } = {}) {
    this.#file = options.file;
    for (const [k, v] of Object.entries(options.initial?.games ?? {})) this.#games.set(k, v);
    for (const [k, v] of Object.entries(options.initial?.seats ?? {})) this.#seats.set(k, v);
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
  async setToken(player: string, token: string, ttlMs: number) {
    const old = this.#tokenOf.get(player);
    if (old !== undefined) this.#tokens.delete(old);
    this.#tokens.set(token, { player, expires: Date.now() + ttlMs });
    this.#tokenOf.set(player, token);
  }
  async tokenPlayer(token: string) {
    const t = this.#tokens.get(token);
    return t !== undefined && t.expires > Date.now() ? t.player : undefined;
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
  snapshot(): { games: Record<string, StoredGame>; seats: Record<string, string> } {
    return { games: Object.fromEntries(this.#games), seats: Object.fromEntries(this.#seats) };
  }

  #save(): void {
    const file = this.#file;
    if (file === undefined) return;
    const text = JSON.stringify(this.snapshot());
    this.#saving = this.#saving.then(async () => {
      const { writeFile, rename } = await import('node:fs/promises');
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    });
  }
}
