import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

/** Debian's `redis-server`, when installed (tests that need it skip with a message otherwise). */
export const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

const root = join(import.meta.dirname, '..');

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds, polling every 50 ms; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a throwaway `redis-server` on a free loopback port (no persistence) and waits for it. */
export async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const redis = spawn(
    redisBinary as string,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await until(
    () =>
      new Promise((resolve) => {
        const c = connect(port, '127.0.0.1', () => {
          c.end();
          resolve(true);
        });
        c.on('error', () => resolve(false));
      }),
    10_000,
  );
  return { url: `redis://127.0.0.1:${port}`, process: redis };
}

/** Starts `wordgame worker --queue URL [...args]` from the sources; `log()` is its stderr so far. */
export function startWorker(url: string, args: string[] = []): { child: ChildProcess; log: () => string } {
  let log = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'worker', '--queue', url, ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (d: Buffer) => void (log += d.toString()));
  return { child, log: () => log };
}
