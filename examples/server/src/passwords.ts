/**
 * Password hashes with scrypt from `node:crypto`: a memory-hard function of the OpenSSL that Node
 * ships and keeps patched, so no native package to build or trust (argon2id would need one;
 * bcrypt truncates at 72 bytes and is not memory-hard). The default cost is the OWASP password
 * storage cheat sheet's scrypt setting (N = 2^17, r = 8, p = 1: 128 MiB and about 0.6 s of one core
 * on the reference machine); the hash runs on libuv's thread pool, never on the event loop.
 *
 * A stored hash is `scrypt$LOG2N$r$p$SALT$HASH` (base64url), so a hash made at an older cost is
 * still checked after the cost is raised. A password in clear is never stored, logged or echoed.
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** The OWASP setting (N = 2^17, r = 8, p = 1). */
export const OWASP_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

/** Passwords are 8 to 256 characters (NIST SP 800-63B: at least 8, any characters, long ones allowed). */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128·N·r·p bytes; Node refuses more than `maxmem` (32 MiB by default).
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r * cost.p + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (e, key) => (e === null ? resolve(key) : reject(e))));
}

/** A new salted hash of `password`, to store. */
export async function hashPassword(password: string, cost: ScryptCost = OWASP_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches a stored hash (compared in constant time); false for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isSafeInteger) || logN < 1 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await derive(password, Buffer.from(parts[4] as string, 'base64url'), { logN, r, p });
  return timingSafeEqual(key, expected);
}
