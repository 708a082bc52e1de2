import { describe, expect, it } from 'vitest';
import { envOptions } from '../src/env.js';
import { startServerProcess } from '../scripts/processes.js';
import { Client, errorOf, http, session, token } from './harness.js';

/** The server's timeouts and limits come from the environment, checked, so that tests (and operators) can set them. */
describe('settings from the environment', () => {
  it('reads the timeouts and limits, and refuses a bad value with the variable named', () => {
    expect(envOptions({ IDLE_MS: '200', TOKEN_TTL_MS: '60000', RATE_IDENTIFIED: '50', HOST: '0.0.0.0' })).toEqual({
      ok: true,
      value: { idleMs: 200, tokenTtlMs: 60_000, rateIdentified: 50, host: '0.0.0.0' },
    });
    expect(envOptions({})).toEqual({ ok: true, value: {} });
    expect(envOptions({ IDLE_MS: '2e3' })).toEqual({ ok: false, error: 'IDLE_MS=2e3: a whole number from 100 to 86400000' });
    expect(envOptions({ PORT: '70000' }).ok).toBe(false);
    expect(envOptions({ ADMIN_KEY: 'short' })).toEqual({ ok: false, error: 'ADMIN_KEY: 16 to 128 letters, digits, _ or -' });
    expect(envOptions({ DICTIONARIES: 'fr=/srv/ods.dawg, es=fise.dawg' })).toEqual({ ok: true, value: { dictionaries: { fr: '/srv/ods.dawg', es: 'fise.dawg' } } });
    expect(envOptions({ DICTIONARIES: '/srv/ods.dawg' }).ok).toBe(false);
  });

  it('closes an idle connection of `npm run server` after IDLE_MS (99005)', async () => {
    const { child, url } = await startServerProcess({ IDLE_MS: '300' });
    try {
      const c = await Client.login(url, 'env-idle');
      expect((await c.waitClosed()).code).toBe(4005);
      expect(c.pushed.some((m) => errorOf(m)?.code === 99005)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('expires socket tokens after TOKEN_TTL_MS (99003) and sessions after SESSION_TTL_MS (90701)', async () => {
    const { child, url } = await startServerProcess({ TOKEN_TTL_MS: '1000', SESSION_TTL_MS: '2000' });
    try {
      const st = await session(url, 'env-ttl', 'ttl-password');
      const early = await token(url, 'env-ttl', st);
      await new Promise((r) => setTimeout(r, 1200));
      const c = await Client.connect(url, early);
      expect(errorOf(await c.next(() => true))).toMatchObject({ code: 99003, cause: 'invalid or expired socket token' });
      expect((await http(url, '/v1/tokens', undefined, { authorization: `Bearer ${st}` })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1000));
      expect(((await http(url, '/v1/tokens', undefined, { authorization: `Bearer ${st}` })).body.data as { code: number }).code).toBe(90701);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('reads the accounts\' and access keys\' settings', () => {
    expect(envOptions({ GUESTS: '1', SESSION_TTL_MS: '60000', SCRYPT_LOG_N: '15', LOGIN_ATTEMPTS: '3' })).toEqual({
      ok: true,
      value: { accounts: { guests: true, sessionTtlMs: 60_000, loginAttempts: 3, passwordCost: { logN: 15, r: 8, p: 1 } } },
    });
    expect(envOptions({ GUESTS: 'yes' })).toEqual({ ok: false, error: 'GUESTS=yes: 1 (guest mode) or 0' });
    expect(envOptions({ SCRYPT_LOG_N: '8' }).ok).toBe(false);
    const keys = envOptions({ ACCESS_KEYS: 'ops:ops-key-0123456789abcdef:write:kicks+write:bans' });
    expect(keys.ok && keys.value.accessKeys?.map((k) => [k.name, [...k.scopes]])).toEqual([['ops', ['write:kicks', 'write:bans']]]);
    expect(envOptions({ ACCESS_KEYS: 'ops:ops-key-0123456789abcdef:write:everything' })).toEqual({ ok: false, error: 'access key ops: unknown scope "write:everything" (scopes: write:kicks, write:bans, write:sessions)' });
  });
});
