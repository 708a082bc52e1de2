/**
 * The server's HTTP API (PROTOCOL.md, "Accounts and sessions", "Administration"): registration,
 * login and logout, socket tokens for a session's player, the administration endpoints behind
 * scoped access keys, and the browser client's files. Every error is the socket's error envelope
 * with an HTTP status that says the same (401 credentials, 403 scope, 409 a name taken, 429 too
 * many attempts with `Retry-After`).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Code, type EngineError, engineError, type Result } from 'wordgame-engine';
import { type AccessKey, authorize, type Scope } from './access-keys.js';
import { type Accounts, type Login, tokenDigest } from './accounts.js';
import { errorEnvelope } from './protocol.js';
import type { Storage } from './storage.js';

/** What the HTTP API needs from the server. */
export interface HttpContext {
  readonly storage: Storage;
  readonly accounts: Accounts;
  readonly accessKeys: readonly AccessKey[];
  /** Socket tokens last this long. */
  readonly tokenTtlMs: number;
  /** Files served: path → [content type, file]. */
  readonly files: Readonly<Record<string, readonly [string, string]>>;
  /** Bans a player from a game (or lets them back) as the server, kicking them out of it. */
  ban(game: string, player: string, banned: boolean): Promise<Result<unknown, EngineError>>;
}

/** Request bodies are JSON objects of at most this many bytes. */
export const MAX_BODY_BYTES = 4096;

const STATUS: Readonly<Partial<Record<number, number>>> = {
  [Code.INCORRECT_PASSWORD]: 401,
  [Code.INVALID_SESSION_TOKEN]: 401,
  [Code.INVALID_ACCESS_KEY]: 401,
  [Code.MISSING_ACCESS_KEY_SCOPES]: 403,
  [Code.NAME_REGISTERED]: 409,
  [Code.NAME_IN_USE]: 409,
  [Code.TOO_MANY_ATTEMPTS]: 429,
  [Code.NO_SUCH_USER]: 404,
  [Code.NO_SUCH_GAME]: 404,
  [Code.LISTENER_ERROR]: 500,
};

/** The request handler of the HTTP API. */
export function httpApi(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const send = (res: ServerResponse, status: number, data: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(data === undefined ? undefined : JSON.stringify(data));
  };
  const fail = (res: ServerResponse, error: EngineError, name: string): void => {
    const status = STATUS[error.code] ?? 400;
    if (status === 429) res.setHeader('retry-after', String(error.param));
    if (status === 401) res.setHeader('www-authenticate', 'Bearer');
    send(res, status, errorEnvelope(error, name));
  };
  const bearer = (req: IncomingMessage): string | undefined => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const address = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';
  const login = (res: ServerResponse, name: string, r: Result<Login, EngineError>, status = 200): void => (r.ok ? send(res, status, r.value) : fail(res, r.error, name));

  /** An administration request: the key's scope checked, then `run` with the body. */
  async function admin(req: IncomingMessage, res: ServerResponse, name: string, scope: Scope, run: (data: Record<string, unknown>) => Promise<void>): Promise<void> {
    const key = authorize(ctx.accessKeys, req.headers.authorization, scope);
    if (!key.ok) return fail(res, key.error, name);
    const data = await body(req);
    if (data === undefined) return fail(res, engineError(Code.BAD_MESSAGE_FORMAT, { cause: `a JSON object of at most ${MAX_BODY_BYTES} bytes` }), name);
    return run(data);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'POST /v1/accounts': {
        const data = await body(req);
        return login(res, 'v1.accounts', await ctx.accounts.register(data?.player, data?.password, address(req)), 201);
      }
      case 'POST /v1/sessions': {
        const data = await body(req);
        if (data?.guest === true) return login(res, 'v1.sessions', await ctx.accounts.guest(data.player, address(req)));
        return login(res, 'v1.sessions', await ctx.accounts.login(data?.player, data?.password, address(req)));
      }
      case 'DELETE /v1/sessions': {
        const session = await ctx.accounts.session(bearer(req));
        if (!session.ok) return fail(res, session.error, 'v1.sessions');
        await ctx.accounts.logout(session.value);
        await ctx.storage.publish({ kind: 'sessions-ended', sessions: [session.value.digest] });
        return send(res, 204, undefined);
      }
      case 'POST /v1/tokens': {
        // A socket token for the session's player only, replacing the player's last one.
        const session = await ctx.accounts.session(bearer(req));
        if (!session.ok) return fail(res, session.error, 'v1.tokens');
        const token = randomBytes(24).toString('base64url');
        await ctx.storage.setToken(session.value.player, tokenDigest(token), ctx.tokenTtlMs, session.value.digest);
        return send(res, 200, { player: session.value.player, guest: session.value.guest, socketToken: token, expiresInMs: ctx.tokenTtlMs });
      }
      case 'POST /v1/admin/kick':
        return admin(req, res, 'v1.admin.kick', 'write:kicks', async (data) => {
          if (typeof data.player !== 'string') return fail(res, engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'give { "player": NAME }' }), 'v1.admin.kick');
          // Only a connected player can be kicked: anything else is answered as such, not as a kick.
          if (!(await ctx.storage.isConnected(data.player))) return fail(res, engineError(Code.NO_SUCH_USER, { param: data.player, cause: 'the player is not connected' }), 'v1.admin.kick');
          await ctx.storage.publish({ kind: 'kick', player: data.player });
          return send(res, 200, { kicked: data.player });
        });
      case 'POST /v1/admin/bans':
      case 'DELETE /v1/admin/bans':
        return admin(req, res, 'v1.admin.bans', 'write:bans', async (data) => {
          if (typeof data.game !== 'string' || typeof data.player !== 'string') return fail(res, engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'give { "game": NAME, "player": NAME }' }), 'v1.admin.bans');
          const banned = req.method === 'POST';
          const r = await ctx.ban(data.game, data.player, banned);
          return r.ok ? send(res, 200, { game: data.game, player: data.player, banned }) : fail(res, r.error, 'v1.admin.bans');
        });
      case 'POST /v1/admin/sessions/end':
        return admin(req, res, 'v1.admin.sessions', 'write:sessions', async (data) => {
          if (typeof data.player !== 'string') return fail(res, engineError(Code.BAD_MESSAGE_FORMAT, { cause: 'give { "player": NAME }' }), 'v1.admin.sessions');
          const ended = await ctx.accounts.endSessions(data.player);
          if (ended.length > 0) await ctx.storage.publish({ kind: 'sessions-ended', sessions: ended });
          return send(res, 200, { player: data.player, ended: ended.length });
        });
    }
    const file = ctx.files[url.pathname];
    if (req.method === 'GET' && file !== undefined) {
      try {
        return void res.writeHead(200, { 'content-type': file[0] }).end(await readFile(file[1]));
      } catch {
        return void res.writeHead(500).end();
      }
    }
    res.writeHead(404).end();
  };
}

/** A request's JSON object body, or undefined (too large, not JSON, not an object). */
async function body(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const data: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
