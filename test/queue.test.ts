import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSelfPlay, leavePlayer, presetConfig, selfPlay, staticPlayer } from 'wordgame-engine';
import {
  RecordAnalyzer,
  analyzeOnQueue,
  loadDefaultDictionary,
  loadDefaultLeaves,
  runAutoplay,
  runAutoplayOnQueue,
} from 'wordgame-engine/node';

/**
 * Autoplay on many machines, for real: a `redis-server` (Debian's package) on a free loopback
 * port, two `wordgame worker` processes, one of them killed in the middle of a shard. The shard
 * goes back to the queue when its lock expires, the other worker plays it, and the summary equals
 * the local run's exactly: no shard lost, none counted twice.
 */
const root = join(import.meta.dirname, '..');
const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
if (redisBinary === undefined) console.warn('queue test skipped: no redis-server (apt-get install -y redis-server)');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startWorker(url: string): { child: ChildProcess; log: () => string } {
  let log = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'worker', '--queue', url, '--lock-ms', '2000'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (d: Buffer) => void (log += d.toString()));
  return { child, log: () => log };
}

describe.skipIf(redisBinary === undefined)('autoplay through a BullMQ queue on Redis', () => {
  let redis: ChildProcess;
  let url = '';
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      redisBinary as string,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    url = `redis://127.0.0.1:${port}`;
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
  });

  afterAll(() => {
    for (const w of workers) w.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('gives the local summary exactly, with a worker killed mid-shard', async () => {
    const job = { pairs: 40, seed: 3, players: ['leave', 'static'] as [string, string] };
    const local = await runAutoplay(job, 1);
    expect(local.ok).toBe(true);

    const a = startWorker(url);
    workers.push(a.child);
    await until(() => a.log().includes('worker on'), 30_000);
    const run = runAutoplayOnQueue(job, url, { shardPairs: 10, pollMs: 100 });
    await until(() => a.log().includes('started shard'), 30_000);
    const killed = /started shard (\S+)/.exec(a.log())?.[1] as string;
    a.child.kill('SIGKILL');
    const b = startWorker(url);
    workers.push(b.child);

    const summary = await run;
    expect(summary).toEqual(local);
    expect(a.log()).not.toContain(`completed shard ${killed}`);
    expect(b.log()).toContain(`completed shard ${killed}`);
    b.child.kill('SIGTERM');
  }, 120_000);

  it('analyses records on the workers: the same JSON as a local run, errors as values', async () => {
    const en = presetConfig('en');
    const dictionary = loadDefaultDictionary();
    const leaves = loadDefaultLeaves();
    if (!en.ok || !dictionary.ok || !leaves.ok) throw new Error('no defaults');
    const records = [1, 2].map((seed) => {
      const game = selfPlay(en.value, dictionary.value, [leavePlayer(en.value, leaves.value), staticPlayer], seed);
      if (!game.ok) throw new Error(game.error.message);
      return exportSelfPlay(game.value, ['a', 'b'], en.value);
    });
    const job = { depth: 'sim' as const, sim: { iterations: 16, candidates: 3 } };
    const local = RecordAnalyzer.create(job, 1);
    const expected = [];
    for (const text of records) expected.push(await local.analyze(text));
    await local.close();
    const w = startWorker(url);
    workers.push(w.child);
    await until(() => w.log().includes('worker on'), 30_000);
    const queued = await analyzeOnQueue(
      [...records.map((text) => ({ text })), { text: '#player1 a A\n>a: ABC 8H ZZZ +99 99\n' }],
      job,
      url,
      { pollMs: 100 },
    );
    if (!queued.ok) throw new Error(queued.error.message);
    expect(JSON.stringify(queued.value.slice(0, 2))).toBe(JSON.stringify(expected));
    expect(queued.value[2]?.ok).toBe(false);
    w.child.kill('SIGTERM');
  }, 120_000);
});
