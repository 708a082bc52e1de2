/**
 * Accounts and sessions: a player registers a name with a password (kept as a scrypt hash,
 * passwords.ts) and logs in for a session token, which the HTTP API asks for before it issues a
 * socket token for that player. In guest mode a guest gets a session for an unregistered name,
 * which it holds while the session lasts, so nobody else (guest or not) can take it meanwhile.
 * Tokens are random (256 bits) and stored only as SHA-256 digests. Attempts are counted in the
 * storage (so every process shares the counts): per address for every login, registration or
 * guest session, and per name for logins since the last success.
 */
import { randomBytes } from 'node:crypto';
import { Code, type EngineError, engineError, err, ok, type Result } from 'wordgame-engine';
import { digestOf } from './access-keys.js';
import { hashPassword, OWASP_COST, PASSWORD_LENGTH, type ScryptCost, verifyPassword } from './passwords.js';
import { playerName } from './protocol.js';
import type { Session, Storage } from './storage.js';

/** Settings of accounts and sessions. */
export interface AccountOptions {
  /** Sessions last this long (default 7 days). */
  readonly sessionTtlMs?: number;
  /** Guest mode: guests may play under unregistered names (default off: only accounts). */
  readonly guests?: boolean;
  /** scrypt's cost for new password hashes (default OWASP's; tests use a small one). */
  readonly passwordCost?: ScryptCost;
  /** Logins of one name without a success allowed per window (default 5). */
  readonly loginAttempts?: number;
  /** Logins, registrations and guest sessions allowed from one address per window (default 30). */
  readonly addressAttempts?: number;
  /** The window of the attempt counts (default 15 minutes). */
  readonly attemptWindowMs?: number;
}

/** A new session. */
export interface Login {
  readonly player: string;
  /** A guest's session (guest mode). */
  readonly guest: boolean;
  readonly sessionToken: string;
  readonly expiresInMs: number;
}

/** A live session and the digest it is stored under. */
export type LiveSession = Session & { readonly digest: string };

/** The digest a token is stored under. */
export const tokenDigest = (token: string): string => digestOf(token).toString('base64url');

/** Registration, login, guest sessions, logout and the check of a session token, over a storage. */
export class Accounts {
  readonly #storage: Storage;
  readonly #ttl: number;
  readonly #guests: boolean;
  readonly #cost: ScryptCost;
  readonly #loginAttempts: number;
  readonly #addressAttempts: number;
  readonly #window: number;
  /** A hash checked when the name has no account, so that a login takes as long either way. */
  #decoy: Promise<string> | undefined;

  constructor(storage: Storage, options: AccountOptions = {}) {
    this.#storage = storage;
    this.#ttl = options.sessionTtlMs ?? 7 * 86_400_000;
    this.#guests = options.guests ?? false;
    this.#cost = options.passwordCost ?? OWASP_COST;
    this.#loginAttempts = options.loginAttempts ?? 5;
    this.#addressAttempts = options.addressAttempts ?? 30;
    this.#window = options.attemptWindowMs ?? 900_000;
  }

  /** Whether guests may play. */
  get guests(): boolean {
    return this.#guests;
  }

  /** Registers `name` with `password` and logs it in. */
  async register(name: unknown, password: unknown, address: string): Promise<Result<Login, EngineError>> {
    const limited = await this.#limit(`address:${address}`, this.#addressAttempts);
    if (!limited.ok) return limited;
    const player = playerName(name);
    if (!player.ok) return player;
    if (typeof password !== 'string' || password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max)
      return err(engineError(Code.WEAK_PASSWORD, { param: PASSWORD_LENGTH.min, cause: `a password is ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters` }));
    const held = () => engineError(Code.NAME_IN_USE, { param: player.value, cause: 'a guest is playing under this name' });
    if (await this.#storage.guestNameHeld(player.value)) return err(held());
    const hash = await hashPassword(password, this.#cost);
    if (!(await this.#storage.createAccount(player.value, hash))) return err(engineError(Code.NAME_REGISTERED, { param: player.value, cause: 'log in instead' }));
    // A guest that took the name meanwhile: it checks for the account after taking the name, so one of the two gives way.
    if (await this.#storage.guestNameHeld(player.value)) {
      await this.#storage.deleteAccount(player.value);
      return err(held());
    }
    return ok(await this.#open(player.value, false));
  }

  /** Logs `name` in with `password`: 10105 for an unknown name or a wrong password alike. */
  async login(name: unknown, password: unknown, address: string): Promise<Result<Login, EngineError>> {
    const limited = await this.#limit(`address:${address}`, this.#addressAttempts);
    if (!limited.ok) return limited;
    const player = playerName(name);
    if (!player.ok) return player;
    if (typeof password !== 'string' || password.length > PASSWORD_LENGTH.max) return err(engineError(Code.INCORRECT_PASSWORD));
    const tries = await this.#limit(`login:${player.value}`, this.#loginAttempts);
    if (!tries.ok) return tries;
    const stored = await this.#storage.passwordHash(player.value);
    this.#decoy ??= hashPassword(randomBytes(16).toString('base64url'), this.#cost);
    const matches = await verifyPassword(password, stored ?? (await this.#decoy));
    if (stored === undefined || !matches) return err(engineError(Code.INCORRECT_PASSWORD));
    await this.#storage.clearAttempts(`login:${player.value}`);
    return ok(await this.#open(player.value, false));
  }

  /** A guest session for an unregistered name no other guest holds (guest mode only). */
  async guest(name: unknown, address: string): Promise<Result<Login, EngineError>> {
    if (!this.#guests) return err(engineError(Code.INCORRECT_PASSWORD, { cause: 'this server has no guest mode: register, then log in with a password' }));
    const limited = await this.#limit(`address:${address}`, this.#addressAttempts);
    if (!limited.ok) return limited;
    const player = playerName(name);
    if (!player.ok) return player;
    const registered = () => engineError(Code.NAME_REGISTERED, { param: player.value, cause: 'a registered name: log in with its password' });
    if ((await this.#storage.passwordHash(player.value)) !== undefined) return err(registered());
    const token = randomBytes(32).toString('base64url');
    const digest = tokenDigest(token);
    if (!(await this.#storage.holdGuestName(player.value, digest, this.#ttl))) return err(engineError(Code.NAME_IN_USE, { param: player.value, cause: 'another guest is playing under this name' }));
    if ((await this.#storage.passwordHash(player.value)) !== undefined) {
      await this.#storage.releaseGuestName(player.value, digest);
      return err(registered());
    }
    await this.#storage.createSession(digest, { player: player.value, guest: true, expires: Date.now() + this.#ttl }, this.#ttl);
    return ok({ player: player.value, guest: true, sessionToken: token, expiresInMs: this.#ttl });
  }

  /** The live session of a token: INVALID_SESSION_TOKEN when it is missing, unknown, expired or ended. */
  async session(token: string | undefined): Promise<Result<LiveSession, EngineError>> {
    if (token === undefined || token === '') return err(engineError(Code.INVALID_SESSION_TOKEN, { cause: 'missing session token: give Authorization: Bearer SESSION_TOKEN (POST /v1/sessions)' }));
    const digest = tokenDigest(token);
    const session = await this.#storage.session(digest);
    if (session === undefined) return err(engineError(Code.INVALID_SESSION_TOKEN, { cause: 'unknown, expired or ended session: log in again' }));
    return ok({ ...session, digest });
  }

  /** Ends a session (and frees a guest's name). */
  async logout(session: LiveSession): Promise<void> {
    await this.#storage.endSession(session.digest);
    if (session.guest) await this.#storage.releaseGuestName(session.player, session.digest);
  }

  /** Ends every session of a player (and frees a guest's name); the digests ended. */
  async endSessions(player: string): Promise<string[]> {
    const ended = await this.#storage.endSessions(player);
    for (const d of ended) await this.#storage.releaseGuestName(player, d);
    return ended;
  }

  async #open(player: string, guest: boolean): Promise<Login> {
    const token = randomBytes(32).toString('base64url');
    await this.#storage.createSession(tokenDigest(token), { player, guest, expires: Date.now() + this.#ttl }, this.#ttl);
    return { player, guest, sessionToken: token, expiresInMs: this.#ttl };
  }

  /** Counts an attempt under `key`: TOO_MANY_ATTEMPTS (seconds to wait in `param`) past `limit` in the window. */
  async #limit(key: string, limit: number): Promise<Result<void, EngineError>> {
    const { count, resetInMs } = await this.#storage.countAttempt(key, this.#window);
    if (count <= limit) return ok(undefined);
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    return err(engineError(Code.TOO_MANY_ATTEMPTS, { param: seconds, cause: `too many attempts: try again in ${seconds} s` }));
  }
}
