/**
 * The server's settings from the environment (what `npm run server` reads), checked: timeouts and
 * limits are whole numbers within bounds, so a typo is refused at start, not discovered under
 * load. `PORT`, `HOST`, `ADMIN_KEY`, `TOKEN_TTL_MS`, `IDLE_MS`, `PRESENCE_TTL_MS`,
 * `RATE_UNIDENTIFIED`, `RATE_IDENTIFIED`, `FLOOD_WARNINGS`, `DICTIONARIES` (`fr=ods.dawg,es=…`:
 * a dictionary file per alphabet besides the embedded English one) (the storage's `REDIS_URL` and
 * `DATA_FILE` are read by main.ts).
 */
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

/** The options of the environment `env`, or the first bad variable (its name and what it takes). */
export function envOptions(env: Readonly<Record<string, string | undefined>>): { ok: true; value: EnvOptions } | { ok: false; error: string } {
  const out: Record<string, unknown> = {};
  for (const [name, key, min, max] of NUMBERS) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) return { ok: false, error: `${name}=${text}: a whole number from ${min} to ${max}` };
    out[key] = n;
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
    if (env.ADMIN_KEY.length < 16) return { ok: false, error: 'ADMIN_KEY: at least 16 characters' };
    out.adminKey = env.ADMIN_KEY;
  }
  return { ok: true, value: out as EnvOptions };
}
