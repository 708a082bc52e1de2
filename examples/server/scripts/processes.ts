/**
 * Starting the real processes of the load script and the tests: a `redis-server` on a free
 * loopback port, and `npm run server` (src/main.ts) in its own Node process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Debian's `redis-server`, when installed. */
export const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds, polling every 50 ms; rejects after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a `redis-server` (no persistence) on a free loopback port, once it accepts connections. */
export async function startRedis(): Promise<{ child: ChildProcess; url: string }> {
  if (redisBinary === undefined) throw new Error('no redis-server (apt-get install -y redis-server)');
  const port = await freePort();
  const child = spawn(redisBinary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
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
  return { child, url: `redis://127.0.0.1:${port}` };
}

/**
 * The accounts' settings of test and load runs: guest mode (each simulated player a guest), no
 * limit per address (hundreds of players from loopback), a cheap scrypt cost.
 */
export const TEST_ACCOUNTS_ENV: Readonly<Record<string, string>> = { GUESTS: '1', ADDRESS_ATTEMPTS: '1000000', SCRYPT_LOG_N: '10' };

/** Starts `npm run server` on a free port with `env` added (REDIS_URL...; over {@link TEST_ACCOUNTS_ENV}) and `nodeArgs` for its Node; resolves with its URL. */
export function startServerProcess(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'src/main.ts')], { cwd: root, env: { ...process.env, ...TEST_ACCOUNTS_ENV, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no server address after 20 s: ${out}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      resolve({ child, url: m[1] as string });
    });
    child.stderr?.on('data', (d: Buffer) => void (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}
