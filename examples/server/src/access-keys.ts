/**
 * Access keys for the HTTP administration API, each with the scopes it grants (the seed's access
 * keys: a request whose key lacks a scope gets `MISSING_ACCESS_KEY_SCOPES` naming it). Keys are
 * configured at start (`ACCESS_KEYS=NAME:SECRET:SCOPE+SCOPE,...`; `ADMIN_KEY` is a key with every
 * scope); the server keeps only their SHA-256 digests, and a presented key is compared with every
 * digest in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Code, type EngineError, engineError, err, ok, type Result } from 'wordgame-engine';

/** What a key may do: kick a connected player, ban players from games, end a player's sessions. */
export const SCOPES = ['write:kicks', 'write:bans', 'write:sessions'] as const;
export type Scope = (typeof SCOPES)[number];

/** A configured key: its name (for logs), the digest of its secret, its scopes. */
export interface AccessKey {
  readonly name: string;
  readonly digest: Buffer;
  readonly scopes: ReadonlySet<Scope>;
}

/** The SHA-256 digest of a secret (what is kept of keys and tokens). */
export const digestOf = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** Secrets: 16 to 128 letters, digits, `_` or `-`. */
const SECRET = /^[A-Za-z0-9_-]{16,128}$/;

/** A key from its name, secret and scopes; an error naming what is wrong. */
export function accessKey(name: string, secret: string, scopes: readonly string[]): Result<AccessKey, string> {
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(name)) return err(`access key name ${JSON.stringify(name)}: 1 to 32 letters, digits, _ . -`);
  if (!SECRET.test(secret)) return err(`access key ${name}: the secret is 16 to 128 letters, digits, _ or -`);
  const unknown = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown !== undefined) return err(`access key ${name}: unknown scope ${JSON.stringify(unknown)} (scopes: ${SCOPES.join(', ')})`);
  return ok({ name, digest: digestOf(secret), scopes: new Set(scopes as Scope[]) });
}

/** The keys of `ACCESS_KEYS` (`ops:SECRET:write:kicks+write:bans,audit:SECRET2:write:sessions`). */
export function parseAccessKeys(text: string): Result<AccessKey[], string> {
  const keys: AccessKey[] = [];
  for (const entry of text.split(',')) {
    const m = /^([^:]*):([^:]*):(.*)$/.exec(entry.trim());
    if (m === null) return err(`ACCESS_KEYS: an entry is NAME:SECRET:SCOPE+SCOPE`);
    const key = accessKey(m[1] as string, m[2] as string, (m[3] as string).split('+').filter((s) => s !== ''));
    if (!key.ok) return key;
    if (keys.some((k) => k.name === key.value.name)) return err(`ACCESS_KEYS: two keys named ${key.value.name}`);
    keys.push(key.value);
  }
  return ok(keys);
}

/**
 * The key of an `Authorization: Bearer KEY` header if it grants `scope`: INVALID_ACCESS_KEY for a
 * missing or unknown key, MISSING_ACCESS_KEY_SCOPES (the scope in `param`) for a known key without it.
 */
export function authorize(keys: readonly AccessKey[], header: string | undefined, scope: Scope): Result<AccessKey, EngineError> {
  const given = digestOf(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  // Every key is compared, whichever matches: the time says nothing about which.
  let found: AccessKey | undefined;
  for (const k of keys) if (timingSafeEqual(k.digest, given)) found = k;
  if (found === undefined) return err(engineError(Code.INVALID_ACCESS_KEY, { cause: 'give Authorization: Bearer ACCESS_KEY' }));
  if (!found.scopes.has(scope)) return err(engineError(Code.MISSING_ACCESS_KEY_SCOPES, { param: scope, cause: `Missing access key scope(s): ${scope}` }));
  return ok(found);
}
