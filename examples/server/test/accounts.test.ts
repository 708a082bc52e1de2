import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAccessKeys } from '../src/access-keys.js';
import { hashPassword, verifyPassword } from '../src/passwords.js';
import type { RunningServer } from '../src/server.js';
import { MemoryStorage } from '../src/storage.js';
import { Client, errorOf, http, server, session, TEST_ACCOUNTS, token } from './harness.js';

/**
 * Accounts, sessions, guests, access keys and bans (PROTOCOL.md, "Accounts and sessions" and
 * "Administration"): nobody obtains a socket token for a name without its session, passwords are
 * kept as scrypt hashes, login attempts are limited, the administration needs a key with the
 * right scope, and a banned player cannot join.
 */
const CHEAP = { logN: 10, r: 8, p: 1 };
const KEYS = 'ops:ops-key-0123456789abcdef:write:kicks+write:bans,audit:audit-key-0123456789ab:write:sessions';

let s: RunningServer;
let storage: MemoryStorage;
const open: Client[] = [];
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const code = (r: { body: Record<string, unknown> }) => (r.body.data as { code?: number } | undefined)?.code;
/** Connects with a socket token and identifies the client and `player`: the identification's answer. */
const identify = async (socketToken: string, player: string) => {
  const c = await Client.connect(s.url, socketToken);
  open.push(c);
  await c.request('v1.client.identify', { name: 'test', version: '1.0', protocol: '1.0' });
  return { c, answer: await c.request('v1.players.identify', { name: player }) };
};

beforeAll(async () => {
  const keys = parseAccessKeys(KEYS);
  if (!keys.ok) throw new Error(keys.error);
  storage = new MemoryStorage();
  ({ server: s } = await server({ storage, accessKeys: keys.value, accounts: { ...TEST_ACCOUNTS, loginAttempts: 3 } }));
});
afterAll(async () => {
  for (const c of open) c.close();
  await s.close();
});

describe('passwords', () => {
  it('are salted scrypt hashes that check the right password only, at the cost they were made with', async () => {
    const a = await hashPassword('correct horse', CHEAP);
    const b = await hashPassword('correct horse', { logN: 11, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(await hashPassword('correct horse', CHEAP)); // a new salt each time
    expect([await verifyPassword('correct horse', a), await verifyPassword('correct horse', b)]).toEqual([true, true]);
    expect([await verifyPassword('correct horsE', a), await verifyPassword('', a)]).toEqual([false, false]);
    for (const broken of ['', 'scrypt$10$8$1$x', 'bcrypt$10$8$1$aa$bb', 'scrypt$99$8$1$aa$bb', a.slice(0, -2)]) expect(await verifyPassword('correct horse', broken)).toBe(false);
  });
});

describe('accounts and sessions', () => {
  it('registers, logs in (10105 alike for a wrong password and an unknown name), and stores no password or token in clear', async () => {
    const log = vi.spyOn(console, 'log');
    const registered = await http(s.url, '/v1/accounts', { player: 'rita', password: 'rita-secret-1' });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ player: 'rita', guest: false, sessionToken: expect.stringMatching(/^[\w-]{43}$/) });
    expect(code(await http(s.url, '/v1/accounts', { player: 'rita', password: 'another-one' }))).toBe(90705);
    const wrong = await http(s.url, '/v1/sessions', { player: 'rita', password: 'rita-secret-2' });
    const unknown = await http(s.url, '/v1/sessions', { player: 'nobody', password: 'rita-secret-1' });
    expect([wrong.status, code(wrong), unknown.status, code(unknown)]).toEqual([401, 10105, 401, 10105]);
    expect((wrong.body.data as { message: string }).message).toBe((unknown.body.data as { message: string }).message);
    const right = await http(s.url, '/v1/sessions', { player: 'rita', password: 'rita-secret-1' });
    expect(right.status).toBe(200);
    const saved = JSON.stringify(storage.snapshot());
    for (const secret of ['rita-secret-1', registered.body.sessionToken, right.body.sessionToken]) expect(saved).not.toContain(secret);
    expect(storage.snapshot().accounts.rita).toMatch(/^scrypt\$/);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('refuses passwords under 8 characters (90706) and bad names (10102, 10103)', async () => {
    const short = await http(s.url, '/v1/accounts', { player: 'shorty', password: 'short' });
    expect([short.status, code(short), (short.body.data as { param: number }).param]).toEqual([400, 90706, 8]);
    expect(code(await http(s.url, '/v1/accounts', { password: 'long enough' }))).toBe(10102);
    expect(code(await http(s.url, '/v1/accounts', { player: 'a<b>', password: 'long enough' }))).toBe(10103);
  });

  it('issues a socket token only with a live session, and only for its player (90701)', async () => {
    const none = await http(s.url, '/v1/tokens', { player: 'rita' });
    const wrong = await http(s.url, '/v1/tokens', undefined, bearer('not-a-session'));
    expect([none.status, code(none), wrong.status, code(wrong)]).toEqual([401, 90701, 401, 90701]);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    // Mallory has her own session: her socket token is hers, and identifying as Rita with it fails.
    const mallory = await session(s.url, 'mallory', 'mallory-password');
    const t = await http(s.url, '/v1/tokens', { player: 'rita' }, bearer(mallory));
    expect(t.body).toMatchObject({ player: 'mallory', guest: false });
    const { answer } = await identify(t.body.socketToken as string, 'rita');
    expect(errorOf(answer)).toMatchObject({ code: 99003, param: 'rita' });
  });

  it('checks the session token a client may also send in v1.players.identify, as in the seed (90701)', async () => {
    const st = await session(s.url, 'sid', 'sid-password');
    const other = await session(s.url, 'sid-other', 'sid-password');
    const wrong = await identify(await token(s.url, 'sid', st), 'sid');
    wrong.c.close();
    const attempt = async (sessionToken: unknown) => {
      const c = await Client.connect(s.url, await token(s.url, 'sid', st));
      open.push(c);
      await c.request('v1.client.identify', { name: 'test', version: '1.0', protocol: '1.0' });
      const a = await c.request('v1.players.identify', { name: 'sid', sessionToken });
      c.close();
      await c.waitClosed();
      return a;
    };
    await new Promise((r) => setTimeout(r, 100)); // the first connection's name released
    expect(errorOf(await attempt(other))).toMatchObject({ code: 90701, req: 'v1.players.identify' });
    expect(errorOf(await attempt('nonsense'))?.code).toBe(90701);
    expect(errorOf(await attempt(42))?.code).toBe(90701);
    expect((await attempt(st)).data).toMatchObject({ player: 'sid', guest: false });
  });

  it('ends a session on logout: its connections close with 90701 and its tokens open nothing', async () => {
    const st = await session(s.url, 'lou', 'lou-password');
    const t1 = await token(s.url, 'lou', st);
    const { c, answer } = await identify(t1, 'lou');
    expect(answer.data).toMatchObject({ player: 'lou', guest: false });
    const t2 = await token(s.url, 'lou', st);
    expect((await http(s.url, '/v1/sessions', undefined, bearer(st), 'DELETE')).status).toBe(204);
    expect((await c.waitClosed()).code).toBe(4001);
    expect(c.pushed.some((m) => errorOf(m)?.code === 90701)).toBe(true);
    const late = await Client.connect(s.url, t2);
    open.push(late);
    expect(errorOf(await late.next(() => true))).toMatchObject({ code: 90701, req: 'v1.connect' });
    expect(code(await http(s.url, '/v1/tokens', undefined, bearer(st)))).toBe(90701);
  });

  it('expires sessions after SESSION_TTL (90701)', async () => {
    const { server: brief } = await server({ accounts: { ...TEST_ACCOUNTS, sessionTtlMs: 150 } });
    try {
      const st = await session(brief.url, 'brief', 'brief-password');
      expect((await http(brief.url, '/v1/tokens', undefined, bearer(st))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 250));
      expect(code(await http(brief.url, '/v1/tokens', undefined, bearer(st)))).toBe(90701);
    } finally {
      await brief.close();
    }
  });

  it('limits login attempts per name (90704 with Retry-After, a right password too), and forgets them after a success', async () => {
    await session(s.url, 'lock', 'lock-password');
    const attempt = (password: string) => http(s.url, '/v1/sessions', { player: 'lock', password });
    expect(code(await attempt('guess-1'))).toBe(10105);
    expect((await attempt('lock-password')).status).toBe(200); // a success resets the count
    for (const g of ['guess-2', 'guess-3', 'guess-4']) expect(code(await attempt(g))).toBe(10105);
    const locked = await attempt('lock-password');
    expect([locked.status, code(locked)]).toEqual([429, 90704]);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800); // the 15-minute window
    expect((locked.body.data as { param: number }).param).toBe(Number(locked.headers.get('retry-after')));
  });

  it('limits attempts per address', async () => {
    const { server: tight } = await server({ accounts: { ...TEST_ACCOUNTS, addressAttempts: 2 } });
    try {
      const codes = [];
      for (const p of ['x1', 'x2', 'x3']) codes.push(code(await http(tight.url, '/v1/sessions', { player: p, guest: true })) ?? 200);
      expect(codes).toEqual([200, 200, 90704]);
    } finally {
      await tight.close();
    }
  });
});

describe('guests', () => {
  it('play under an unregistered name they hold while their session lasts; never a registered one', async () => {
    const g = await http(s.url, '/v1/sessions', { player: 'gus', guest: true });
    expect(g.body).toMatchObject({ player: 'gus', guest: true });
    const { answer } = await identify(await token(s.url, 'gus', g.body.sessionToken as string), 'gus');
    expect(answer.data).toMatchObject({ player: 'gus', guest: true });
    // Another guest, or a registration, cannot take Gus's name meanwhile (10104).
    expect(code(await http(s.url, '/v1/sessions', { player: 'gus', guest: true }))).toBe(10104);
    expect(code(await http(s.url, '/v1/accounts', { player: 'gus', password: 'gus-password' }))).toBe(10104);
    // A registered name is not a guest's (90705).
    const r = await http(s.url, '/v1/sessions', { player: 'rita', guest: true });
    expect([r.status, code(r)]).toEqual([409, 90705]);
    // Once Gus logs out, the name is free.
    expect((await http(s.url, '/v1/sessions', undefined, bearer(g.body.sessionToken as string), 'DELETE')).status).toBe(204);
    expect((await http(s.url, '/v1/accounts', { player: 'gus', password: 'gus-password' })).status).toBe(201);
  });

  it('are refused where guest mode is off (the default)', async () => {
    const { server: members } = await server({ accounts: { passwordCost: CHEAP } });
    try {
      const r = await http(members.url, '/v1/sessions', { player: 'gil', guest: true });
      expect([r.status, code(r)]).toEqual([401, 10105]);
      expect((r.body.data as { cause: string }).cause).toMatch(/no guest mode/);
    } finally {
      await members.close();
    }
  });
});

describe('administration', () => {
  it('needs an access key (90703) with the scope of the request (90702, the scope in param)', async () => {
    const none = await http(s.url, '/v1/admin/bans', { game: 'g', player: 'p' });
    const wrong = await http(s.url, '/v1/admin/bans', { game: 'g', player: 'p' }, bearer('not-a-key-0123456789'));
    expect([none.status, code(none), wrong.status, code(wrong)]).toEqual([401, 90703, 401, 90703]);
    const scoped = await http(s.url, '/v1/admin/bans', { game: 'g', player: 'p' }, bearer('audit-key-0123456789ab'));
    expect([scoped.status, scoped.body.data]).toEqual([403, expect.objectContaining({ code: 90702, errorCode: 'MISSING_ACCESS_KEY_SCOPES', param: 'write:bans', cause: 'Missing access key scope(s): write:bans' })]);
  });

  it('ends a player\'s sessions (write:sessions): connections closed, tokens dead', async () => {
    const st = await session(s.url, 'eve', 'eve-password');
    const { c } = await identify(await token(s.url, 'eve', st), 'eve');
    const r = await http(s.url, '/v1/admin/sessions/end', { player: 'eve' }, bearer('audit-key-0123456789ab'));
    expect(r.body).toEqual({ player: 'eve', ended: 1 });
    expect((await c.waitClosed()).code).toBe(4001);
    expect(code(await http(s.url, '/v1/tokens', undefined, bearer(st)))).toBe(90701);
  });

  it('parses ACCESS_KEYS and refuses a bad entry', () => {
    expect(parseAccessKeys(KEYS).ok).toBe(true);
    expect(parseAccessKeys('ops:short:write:kicks')).toEqual({ ok: false, error: 'access key ops: the secret is 16 to 128 letters, digits, _ or -' });
    expect(parseAccessKeys('ops:ops-key-0123456789abcdef:write:all').ok).toBe(false);
  });
});

describe('bans (35102)', () => {
  const settings = { name: 'banned-room', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 3, seed: 1 };

  it('by the operator: the player is kicked and cannot join again; only the operator may; the ban can be lifted', async () => {
    const op = await Client.login(s.url, 'ban-op');
    const pest = await Client.login(s.url, 'ban-pest');
    const other = await Client.login(s.url, 'ban-other');
    open.push(op, pest, other);
    expect(errorOf(await op.request('v1.games.create', settings))).toBeUndefined();
    expect(errorOf(await pest.request('v1.games.join', { game: 'banned-room' }))).toBeUndefined();
    expect(errorOf(await other.request('v1.games.join', { game: 'banned-room' }))).toBeUndefined();
    expect(errorOf(await other.request('v1.games.ban', { player: 'ban-pest' }))?.code).toBe(40101);
    expect(errorOf(await op.request('v1.games.ban', { player: 'ban-op' }))?.code).toBe(40100);
    expect(errorOf(await op.request('v1.games.ban', {}))?.code).toBe(40100);
    expect((await op.request('v1.games.ban', { player: 'ban-pest' })).data).toEqual({ game: 'banned-room', player: 'ban-pest', banned: true });
    const kicked = await pest.next((m) => m.res === 'v1.event' && JSON.stringify(m).includes('"kicked"'));
    expect((kicked.data as { notices: unknown[] }).notices).toEqual([{ type: 'kicked', player: 'ban-pest', by: 'ban-op' }]);
    const again = errorOf(await pest.request('v1.games.join', { game: 'banned-room' }));
    expect(again).toMatchObject({ code: 35102, errorCode: 'PLAYER_BANNED' });
    expect((await op.request('v1.games.ban', { player: 'ban-pest', banned: false })).data).toMatchObject({ banned: false });
    expect(errorOf(await pest.request('v1.games.join', { game: 'banned-room' }))).toBeUndefined();
  });

  it('by an access key with write:bans, in any game', async () => {
    const op = await Client.login(s.url, 'kb-op');
    const pest = await Client.login(s.url, 'kb-pest');
    open.push(op, pest);
    expect(errorOf(await op.request('v1.games.create', { ...settings, name: 'key-banned' }))).toBeUndefined();
    const r = await http(s.url, '/v1/admin/bans', { game: 'key-banned', player: 'kb-pest' }, bearer('ops-key-0123456789abcdef'));
    expect(r.body).toEqual({ game: 'key-banned', player: 'kb-pest', banned: true });
    expect(errorOf(await pest.request('v1.games.join', { game: 'key-banned' }))?.code).toBe(35102);
    expect(code(await http(s.url, '/v1/admin/bans', { game: 'no-such-game', player: 'kb-pest' }, bearer('ops-key-0123456789abcdef')))).toBe(35003);
    expect((await http(s.url, '/v1/admin/bans', { game: 'key-banned', player: 'kb-pest' }, bearer('ops-key-0123456789abcdef'), 'DELETE')).body).toMatchObject({ banned: false });
    expect(errorOf(await pest.request('v1.games.join', { game: 'key-banned' }))).toBeUndefined();
  });
});
