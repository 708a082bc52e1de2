/**
 * `npm run server`: the reference server on the embedded storage (in memory; `DATA_FILE=games.json`
 * keeps games, accounts, sessions and bans in a file), or on Redis with
 * `REDIS_URL=redis://127.0.0.1:6379` (several processes may share it). `PORT` (default 8080),
 * `HOST` (default 127.0.0.1), and the settings of env.ts: timeouts and limits, dictionaries,
 * accounts (`GUESTS=1` for guest mode, `SESSION_TTL_MS`, `SCRYPT_LOG_N`, login limits) and the
 * administration's access keys (`ACCESS_KEYS`, `ADMIN_KEY`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { MemoryStorage, type Storage } from './storage.js';
import { startServer } from './server.js';
import { clientFiles } from './client-files.js';
import { envOptions } from './env.js';

let storage: Storage;
if (process.env.REDIS_URL !== undefined) {
  const { RedisStorage } = await import('./redis.js');
  storage = await RedisStorage.connect(process.env.REDIS_URL);
} else {
  const file = process.env.DATA_FILE;
  storage = new MemoryStorage(file === undefined ? {} : { file, ...(existsSync(file) ? { initial: JSON.parse(readFileSync(file, 'utf8')) } : {}) });
}
const settings = envOptions(process.env);
if (!settings.ok) {
  console.error(`wordgame server: ${settings.error}`);
  process.exit(2);
}
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({ port: 8080, host: '127.0.0.1', ...settings.value, storage, files: await clientFiles() });
} catch (e) {
  console.error(`wordgame server: ${(e as Error).message}`);
  process.exit(2);
}
console.log(`wordgame server on ${server.url} (${process.env.REDIS_URL === undefined ? 'in-memory storage' : `Redis ${process.env.REDIS_URL}`})`);
const stop = async () => {
  await server.close();
  await storage.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
