import type { ChildProcess } from 'node:child_process';
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
import { redisBinary, startRedis, startWorker, until } from './redis.js';

/**
 * Autoplay on many machines, for real: a `redis-server` (Debian's package) on a free loopback
 * port, two `wordgame worker` processes, one of them killed in the middle of a shard. The shard
 * goes back to the queue when its lock expires, the other worker plays it, and the summary equals
 * the local run's exactly: no shard lost, none counted twice.
 */
if (redisBinary === undefined) console.warn('queue test skipped: no redis-server (apt-get install -y redis-server)');

describe.skipIf(redisBinary === undefined)('autoplay through a BullMQ queue on Redis', () => {
  let redis: ChildProcess;
  let url = '';
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.process;
    url = started.url;
  });

  afterAll(() => {
    for (const w of workers) w.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('gives the local summary exactly, with a worker killed mid-shard', async () => {
    const job = { pairs: 40, seed: 3, players: ['leave', 'static'] as [string, string] };
    const local = await runAutoplay(job, 1);
    expect(local.ok).toBe(true);

    const a = startWorker(url, ['--lock-ms', '2000']);
    workers.push(a.child);
    await until(() => a.log().includes('worker on'), 30_000);
    const run = runAutoplayOnQueue(job, url, { shardPairs: 10, pollMs: 100 });
    await until(() => a.log().includes('started shard'), 30_000);
    const killed = /started shard (\S+)/.exec(a.log())?.[1] as string;
    a.child.kill('SIGKILL');
    const b = startWorker(url, ['--lock-ms', '2000']);
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
    const w = startWorker(url, ['--lock-ms', '2000']);
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
