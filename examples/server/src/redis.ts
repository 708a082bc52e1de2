/**
 * Storage on Redis (Debian's `redis-server`), for several server processes: games are hashes
 * `{ version, json, deadline }` updated by a compare-and-set script, player seats and accounts
 * (password hashes) hashes, bans a set per game, sessions, tokens, guest names, attempt counts
 * and connected players keys with an expiry, and the bus a pub/sub channel.
 */
import { Redis } from 'ioredis';
import { type BusMessage, PENDING, type Session, type SocketToken, type Storage, type StoredGame } from './storage.js';

const CREATE = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', 1, 'json', ARGV[1], 'deadline', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return 1`;
const UPDATE = `if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', tonumber(ARGV[1]) + 1, 'json', ARGV[2], 'deadline', ARGV[3])
return 1`;
const LOAD = `local v = redis.call('HMGET', KEYS[1], 'version', 'deadline')
if not v[1] then return nil end
if v[1] == ARGV[1] then return { v[1], v[2] } end
return { v[1], v[2], redis.call('HGET', KEYS[1], 'json') }`;
const CLAIM = `local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
const ATTEMPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export class RedisStorage implements Storage {
  readonly #redis: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;

  private constructor(redis: Redis, sub: Redis, prefix: string) {
    this.#redis = redis;
    this.#sub = sub;
    this.#prefix = prefix;
  }

  /** Connects to `url` (`redis://HOST:PORT`); keys start with `prefix`. */
  static async connect(url: string, prefix = 'wordgame:'): Promise<RedisStorage> {
    // Commands issued in the same tick go out in one write (fewer system calls under load).
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true });
    await redis.connect();
    const sub = redis.duplicate();
    await sub.connect();
    return new RedisStorage(redis, sub, prefix);
  }

  #key(...parts: string[]): string {
    return this.#prefix + parts.join(':');
  }

  async loadGame(name: string, known?: number): Promise<(Omit<StoredGame, 'json'> & { json?: string }) | undefined> {
    // One round trip; the document only when the caller does not have this version.
    const got = (await this.#redis.eval(LOAD, 1, this.#key('game', name), known === undefined ? '' : String(known))) as [string, string | null, string?] | null;
    if (got === null) return undefined;
    const [version, deadline, json] = got;
    return { version: Number(version), deadline: Number(deadline ?? 0), ...(json === undefined ? {} : { json }) };
  }
  async createGame(name: string, json: string, deadline: number): Promise<boolean> {
    return (await this.#redis.eval(CREATE, 2, this.#key('game', name), this.#key('games'), json, String(deadline), name)) === 1;
  }
  async updateGame(name: string, expected: number, json: string, deadline: number): Promise<boolean> {
    return (await this.#redis.eval(UPDATE, 1, this.#key('game', name), String(expected), json, String(deadline))) === 1;
  }
  async listGames(): Promise<string[]> {
    return (await this.#redis.smembers(this.#key('games'))).sort();
  }
  async playerGame(player: string): Promise<string | undefined> {
    return (await this.#redis.hget(this.#key('seats'), player)) ?? undefined;
  }
  async setPlayerGame(player: string, game: string | undefined): Promise<void> {
    if (game === undefined) await this.#redis.hdel(this.#key('seats'), player);
    else await this.#redis.hset(this.#key('seats'), player, game);
  }
  async createAccount(player: string, passwordHash: string): Promise<boolean> {
    return (await this.#redis.hsetnx(this.#key('accounts'), player, passwordHash)) === 1;
  }
  async deleteAccount(player: string): Promise<void> {
    await this.#redis.hdel(this.#key('accounts'), player);
  }
  async passwordHash(player: string): Promise<string | undefined> {
    return (await this.#redis.hget(this.#key('accounts'), player)) ?? undefined;
  }
  async createSession(digest: string, session: Session, ttlMs: number): Promise<void> {
    const sessions = this.#key('sessions-of', session.player);
    await this.#redis.multi().set(this.#key('session', digest), JSON.stringify(session), 'PX', ttlMs).sadd(sessions, digest).pexpire(sessions, ttlMs).exec();
  }
  async session(digest: string): Promise<Session | undefined> {
    const text = await this.#redis.get(this.#key('session', digest));
    return text === null ? undefined : (JSON.parse(text) as Session);
  }
  async endSession(digest: string): Promise<void> {
    await this.#redis.del(this.#key('session', digest));
  }
  async endSessions(player: string): Promise<string[]> {
    const key = this.#key('sessions-of', player);
    const digests = await this.#redis.smembers(key);
    const m = this.#redis.multi().del(key);
    for (const d of digests) m.del(this.#key('session', d));
    await m.exec();
    return digests;
  }
  async holdGuestName(player: string, session: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.eval(CLAIM, 1, this.#key('guest', player), session, String(ttlMs))) === 1;
  }
  async releaseGuestName(player: string, session: string): Promise<void> {
    await this.#redis.eval(RELEASE, 1, this.#key('guest', player), session);
  }
  async guestNameHeld(player: string): Promise<boolean> {
    return (await this.#redis.exists(this.#key('guest', player))) === 1;
  }
  async countAttempt(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const [count, ttl] = (await this.#redis.eval(ATTEMPT, 1, this.#key('attempts', key), String(windowMs))) as [number, number];
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }
  async clearAttempts(key: string): Promise<void> {
    await this.#redis.del(this.#key('attempts', key));
  }
  async setBanned(game: string, player: string, banned: boolean): Promise<void> {
    if (banned) await this.#redis.sadd(this.#key('bans', game), player);
    else await this.#redis.srem(this.#key('bans', game), player);
  }
  async isBanned(game: string, player: string): Promise<boolean> {
    return (await this.#redis.sismember(this.#key('bans', game), player)) === 1;
  }
  async setToken(player: string, digest: string, ttlMs: number, session: string): Promise<void> {
    const old = await this.#redis.get(this.#key('token-of', player));
    const m = this.#redis.multi();
    if (old !== null) m.del(this.#key('token', old));
    m.set(this.#key('token', digest), JSON.stringify({ player, session }), 'PX', ttlMs);
    m.set(this.#key('token-of', player), digest, 'PX', ttlMs);
    await m.exec();
  }
  async socketToken(digest: string): Promise<SocketToken | undefined> {
    const text = await this.#redis.get(this.#key('token', digest));
    return text === null ? undefined : (JSON.parse(text) as SocketToken);
  }
  async claimPlayer(player: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.eval(CLAIM, 1, this.#key('player', player), owner, String(ttlMs))) === 1;
  }
  async releasePlayer(player: string, owner: string): Promise<void> {
    await this.#redis.eval(RELEASE, 1, this.#key('player', player), owner);
  }
  async isConnected(player: string): Promise<boolean> {
    return (await this.#redis.exists(this.#key('player', player))) === 1;
  }
  async claimRequest(player: string, id: string, ttlMs: number): Promise<string | undefined> {
    const key = this.#key('request', JSON.stringify([player, id]));
    if ((await this.#redis.set(key, PENDING, 'PX', ttlMs, 'NX')) === 'OK') return undefined;
    return (await this.#redis.get(key)) ?? PENDING;
  }
  async answerRequest(player: string, id: string, answer: string, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#key('request', JSON.stringify([player, id])), answer, 'PX', ttlMs);
  }
  async publish(message: BusMessage): Promise<void> {
    await this.#redis.publish(this.#key('bus'), JSON.stringify(message));
  }
  async subscribe(handler: (message: BusMessage) => void): Promise<void> {
    const channel = this.#key('bus');
    this.#sub.on('message', (ch: string, text: string) => {
      if (ch !== channel) return;
      try {
        handler(JSON.parse(text) as BusMessage);
      } catch {
        // A message this version cannot read: ignored.
      }
    });
    await this.#sub.subscribe(channel);
  }
  async close(): Promise<void> {
    this.#sub.disconnect();
    await this.#redis.quit();
  }
}
