import { describe, expect, it } from 'vitest';
import { envOptions } from '../src/env.js';
import { startServerProcess } from '../scripts/processes.js';
import { Client, errorOf } from './harness.js';

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
    expect(envOptions({ ADMIN_KEY: 'short' })).toEqual({ ok: false, error: 'ADMIN_KEY: at least 16 characters' });
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
});
