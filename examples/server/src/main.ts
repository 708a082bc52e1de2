/**
 * `npm run server`: the reference server on the embedded storage (in memory; `DATA_FILE=games.json`
 * keeps games in a file), or on Redis with `REDIS_URL=redis://127.0.0.1:6379` (several processes
 * may share it). `PORT` (default 8080), `HOST` (default 127.0.0.1), `ADMIN_KEY` (enables
 * `POST /v1/admin/kick`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { MemoryStorage, type Storage } from './storage.js';
import { startServer } from './server.js';
import { clientFiles } from './client-files.js';

let storage: Storage;
if (process.env.REDIS_URL !== undefined) {
  const { RedisStorage } = await import('./redis.js');
  storage = await RedisStorage.connect(process.env.REDIS_URL);
} else {
  const file = process.env.DATA_FILE;
  storage = new MemoryStorage(file === undefined ? {} : { file, ...(existsSync(file) ? { initial: JSON.parse(readFileSync(file, 'utf8')) } : {}) });
}
const server = await startServer({ storage, port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1', files: await clientFiles(), ...(process.env.ADMIN_KEY === undefined ? {} : { adminKey: process.env.ADMIN_KEY }), ...(process.env.PRESENCE_TTL_MS === undefined ? {} : { presenceTtlMs: Number(process.env.PRESENCE_TTL_MS) }) });
console.log(`wordgame server on ${server.url} (${process.env.REDIS_URL === undefined ? 'in-memory storage' : `Redis ${process.env.REDIS_URL}`})`);
const stop = async () => {
  await server.close();
  await storage.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
