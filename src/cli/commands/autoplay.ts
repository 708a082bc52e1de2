import { runAutoplay } from '../../node/autoplay.js';
import { runAutoplayOnQueue, startQueueWorker } from '../../node/queue.js';
import { startAnalysisWorker } from '../../node/analysis-queue.js';
import { CommandError, EXIT, UsageError, emit, intOption, progress, type Command } from '../framework.js';

/** `wordgame autoplay`. */
export const autoplayCommand: Command = {
  name: 'autoplay',
  summary:
    'Plays one AI player against another over many mirrored pairs of games (the same deal twice, seats swapped) and reports wins with a 95 % confidence interval, spread, points and bingos',
  args: '',
  options: {
    games: { type: 'string', default: '1000', describe: 'games to play (rounded up to whole pairs)' },
    players: {
      type: 'string',
      default: 'leave,static',
      describe:
        'two players: static (best score), leave (the embedded learned leaves; the endgame adjustment once the bag is empty), heuristic (the hand-written leave), klv:FILE (a KLV2 leave table, as leave), sim[:ITERATIONS[:CANDIDATES]][:infer] (simulates each move; 200 and 10 by default; :infer infers the tiles the opponent kept from their last play); each may end with +endgame',
    },
    seed: {
      type: 'string',
      default: '1',
      describe: 'seed of the run: pair p plays a deal from (seed, p), whatever the workers',
    },
    workers: { type: 'string', default: '1', describe: 'worker threads (the summary does not depend on it)' },
    dict: { type: 'string', describe: 'a dictionary file with a GADDAG (default: the embedded English dictionary)' },
    queue: {
      type: 'string',
      describe: 'play on the workers of a BullMQ queue instead: redis://HOST:PORT (start them with wordgame worker)',
    },
    'shard-pairs': { type: 'string', default: '250', describe: 'with --queue: pairs a shard' },
    timings: {
      type: 'boolean',
      default: false,
      describe: 'also print games per second of wall time and per CPU-second (JSON included)',
    },
  },
  examples: [
    'wordgame autoplay --games 200 --players leave,static',
    'wordgame autoplay --games 400 --players klv:dictionaries/en.klv2,heuristic --workers 2 --json',
    'wordgame autoplay --games 200 --queue redis://10.0.0.5:6379',
  ],
  async run(ctx) {
    const { values } = ctx;
    if (ctx.positionals.length > 0) throw new UsageError('autoplay takes no arguments');
    const games = intOption(values, 'games', 2, 100_000_000) ?? 1000;
    const seed = intOption(values, 'seed', 0, 2 ** 32 - 1) ?? 1;
    const workers = intOption(values, 'workers', 1, 256) ?? 1;
    const players = String(values.players)
      .split(',')
      .map((p) => p.trim());
    if (players.length !== 2 || players.some((p) => p === ''))
      throw new UsageError('--players takes two comma-separated players');
    const pairs = Math.ceil(games / 2);
    const bar = progress(ctx, 'autoplay', 'pairs', pairs);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const job = {
      pairs,
      seed,
      players: players as [string, string],
      ...(typeof values.dict === 'string' ? { dictionary: values.dict } : {}),
    };
    if (typeof values.queue === 'string' && values.workers !== '1')
      throw new UsageError(
        '--workers and --queue do not go together: start workers on the machines with wordgame worker',
      );
    const r =
      typeof values.queue === 'string'
        ? await runAutoplayOnQueue(job, values.queue, {
            shardPairs: intOption(values, 'shard-pairs', 1, 1_000_000) ?? 250,
            onPairs: (done) => bar.update(done),
          })
        : await runAutoplay(job, workers, (done) => bar.update(done));
    bar.stop();
    const seconds = (performance.now() - t0) / 1000;
    // CPU time of this process, every worker thread included (worker processes of a queue are elsewhere).
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (!r.ok) throw new CommandError(r.error, r.error.code === 90201 ? EXIT.USAGE : EXIT.USAGE);
    const s = r.value;
    const gps = s.games / seconds;
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        players,
        seed,
        ...s,
        ...(values.timings === true
          ? { seconds, gamesPerSecond: gps, cpuSeconds, gamesPerCpuSecond: s.games / cpuSeconds }
          : {}),
      });
      return EXIT.OK;
    }
    const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
    const [a, b] = players as [string, string];
    ctx.io.out(
      [
        `${a} vs ${b}: ${s.games} games (${s.pairs} mirrored pairs), seed ${seed}`,
        `${a} wins     ${s.wins} (${pct(s.winRate)}; 95 % CI ${pct(s.winRateCI[0])} to ${pct(s.winRateCI[1])})`,
        `spread        ${s.spread.toFixed(2)} a game (95 % CI ${s.spreadCI[0].toFixed(2)} to ${s.spreadCI[1].toFixed(2)})`,
        `points        ${a} ${s.pointsPerGame[0].toFixed(2)}, ${b} ${s.pointsPerGame[1].toFixed(2)} a game`,
        `bingos        ${a} ${s.bingosPerGame[0].toFixed(3)}, ${b} ${s.bingosPerGame[1].toFixed(3)} a game`,
        `turns         ${s.turnsPerGame.toFixed(2)} a game`,
        ...(values.timings === true
          ? [
              `speed         ${gps.toFixed(0)} games/s on ${workers} worker${workers === 1 ? '' : 's'} (${seconds.toFixed(1)} s); ${(s.games / cpuSeconds).toFixed(0)} games a CPU-second (${cpuSeconds.toFixed(1)} s of CPU)`,
            ]
          : []),
      ].join('\n') + '\n',
    );
    return EXIT.OK;
  },
};

/** `wordgame worker`. */
export const workerCommand: Command = {
  name: 'worker',
  summary:
    'Plays autoplay shards and analyses records from a BullMQ queue on Redis until stopped (one process a core; see autoplay --queue and analyze --queue)',
  args: '',
  options: {
    queue: { type: 'string', describe: 'the queue: redis://HOST:PORT (required)' },
    concurrency: { type: 'string', default: '1', describe: 'shards played at once in this process' },
    'lock-ms': {
      type: 'string',
      default: '30000',
      describe: "how long a shard stays locked without renewal: a dead worker's shard returns to the queue after it",
    },
  },
  examples: ['wordgame worker --queue redis://10.0.0.5:6379'],
  async run(ctx) {
    const { values } = ctx;
    if (typeof values.queue !== 'string') throw new UsageError('give the queue with --queue redis://HOST:PORT');
    const lockMs = intOption(values, 'lock-ms', 1000, 3_600_000) ?? 30_000;
    const started = await startQueueWorker(values.queue, {
      concurrency: intOption(values, 'concurrency', 1, 64) ?? 1,
      lockMs,
      onEvent: (event, id, detail) => ctx.io.err(`${event} shard ${id}${detail === undefined ? '' : `: ${detail}`}\n`),
    });
    if (!started.ok) throw new CommandError(started.error, EXIT.USAGE);
    const analysis = await startAnalysisWorker(values.queue, {
      lockMs,
      onEvent: (event, id, detail) => ctx.io.err(`${event} record ${id}${detail === undefined ? '' : `: ${detail}`}\n`),
    });
    if (!analysis.ok) throw new CommandError(analysis.error, EXIT.USAGE);
    ctx.io.err(`worker on ${values.queue}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void Promise.all([started.value.close(), analysis.value.close()]).then(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.OK;
  },
};
