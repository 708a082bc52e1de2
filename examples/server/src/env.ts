/**
 * The server's settings from the environment (what `npm run server` reads), checked: timeouts and
 * limits are whole numbers within bounds, so a typo is refused at start, not discovered under
 * load. `PORT`, `HOST`, `TOKEN_TTL_MS`, `IDLE_MS`, `PRESENCE_TTL_MS`, `RATE_UNIDENTIFIED`,
 * `RATE_IDENTIFIED`, `FLOOD_WARNINGS`, `DICTIONARIES` (`fr=ods.dawg,es=…`: a dictionary file per
 * alphabet besides the embedded English one); accounts: `SESSION_TTL_MS`, `GUESTS=1` (guest
 * mode), `SCRYPT_LOG_N` (scrypt's cost, 2^N; default 17), `LOGIN_ATTEMPTS`, `ADDRESS_ATTEMPTS`,
 * `ATTEMPT_WINDOW_MS`; administration: `ACCESS_KEYS` (`NAME:SECRET:SCOPE+SCOPE,…`) and
 * `ADMIN_KEY` (a key with every scope) (the storage's `REDIS_URL` and `DATA_FILE` are read by
 * main.ts).
 */
import { accessKey, parseAccessKeys, SCOPES } from './access-keys.js';
import type { ServerOptions } from './server.js';

/** The settings the environment may give (everything but the storage and the client's files). */
export type EnvOptions = Omit<ServerOptions, 'storage' | 'files'>;

const NUMBERS = [
  ['PORT', 'port', 0, 65_535],
  ['TOKEN_TTL_MS', 'tokenTtlMs', 1_000, 30 * 86_400_000],
  ['IDLE_MS', 'idleMs', 100, 86_400_000],
  ['PRESENCE_TTL_MS', 'presenceTtlMs', 300, 3_600_000],
  ['RATE_UNIDENTIFIED', 'rateUnidentified', 1, 100_000],
  ['RATE_IDENTIFIED', 'rateIdentified', 1, 100_000],
  ['FLOOD_WARNINGS', 'floodWarnings', 0, 1_000],
] as const;

/** The numbers of the accounts' settings. */
const ACCOUNT_NUMBERS = [
  ['SESSION_TTL_MS', 'sessionTtlMs', 1_000, 365 * 86_400_000],
  ['LOGIN_ATTEMPTS', 'loginAttempts', 1, 1_000_000],
  ['ADDRESS_ATTEMPTS', 'addressAttempts', 1, 1_000_000],
  ['ATTEMPT_WINDOW_MS', 'attemptWindowMs', 1_000, 86_400_000],
] as const;

/** A whole number of `env[name]` within bounds: undefined when unset, else the number or the error. */
function whole(env: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number): number | string | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) return `${name}=${text}: a whole number from ${min} to ${max}`;
  return n;
}

/** The options of the environment `env`, or the first bad variable (its name and what it takes). */
export function envOptions(env: Readonly<Record<string, string | undefined>>): { ok: true; value: EnvOptions } | { ok: false; error: string } {
  const out: Record<string, unknown> = {};
  for (const [name, key, min, max] of NUMBERS) {
    const n = whole(env, name, min, max);
    if (typeof n === 'string') return { ok: false, error: n };
    if (n !== undefined) out[key] = n;
  }
  const accounts: Record<string, unknown> = {};
  for (const [name, key, min, max] of ACCOUNT_NUMBERS) {
    const n = whole(env, name, min, max);
    if (typeof n === 'string') return { ok: false, error: n };
    if (n !== undefined) accounts[key] = n;
  }
  const logN = whole(env, 'SCRYPT_LOG_N', 10, 20);
  if (typeof logN === 'string') return { ok: false, error: logN };
  if (logN !== undefined) accounts.passwordCost = { logN, r: 8, p: 1 };
  if (env.GUESTS !== undefined && env.GUESTS !== '') {
    if (env.GUESTS !== '0' && env.GUESTS !== '1') return { ok: false, error: `GUESTS=${env.GUESTS}: 1 (guest mode) or 0` };
    accounts.guests = env.GUESTS === '1';
  }
  if (Object.keys(accounts).length > 0) out.accounts = accounts;
  if (env.ACCESS_KEYS !== undefined && env.ACCESS_KEYS !== '') {
    const keys = parseAccessKeys(env.ACCESS_KEYS);
    if (!keys.ok) return { ok: false, error: keys.error };
    out.accessKeys = keys.value;
  }
  if (env.HOST !== undefined && env.HOST !== '') out.host = env.HOST;
  if (env.DICTIONARIES !== undefined && env.DICTIONARIES !== '') {
    const dictionaries: Record<string, string> = {};
    for (const entry of env.DICTIONARIES.split(',')) {
      const m = /^([a-z][a-z0-9-]{0,15})=(.+)$/.exec(entry.trim());
      if (m === null) return { ok: false, error: `DICTIONARIES: ${JSON.stringify(entry)} is not ALPHABET=FILE (fr=/srv/ods.dawg,es=/srv/fise.dawg)` };
      dictionaries[m[1] as string] = m[2] as string;
    }
    out.dictionaries = dictionaries;
  }
  if (env.ADMIN_KEY !== undefined && env.ADMIN_KEY !== '') {
    const admin = accessKey('admin', env.ADMIN_KEY, SCOPES);
    if (!admin.ok) return { ok: false, error: `ADMIN_KEY: 16 to 128 letters, digits, _ or -` };
    out.adminKey = env.ADMIN_KEY;
  }
  return { ok: true, value: out as EnvOptions };
}
