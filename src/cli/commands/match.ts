import { runMatch } from '../../node/match.js';
import { CommandError, EXIT, UsageError, emit, intOption, progress, type Command } from '../framework.js';

/** `wordgame match`. */
export const matchCommand: Command = {
  name: 'match',
  summary:
    'Plays two engines against each other over mirrored pairs of games: built-in players or external programs speaking the match protocol (a CGP line in, a move string out; docs/match.md); every move is checked by the validator',
  args: 'ENGINE ENGINE',
  options: {
    games: { type: 'string', default: '100', describe: 'games to play (rounded up to whole pairs)' },
    seed: { type: 'string', default: '1', describe: "seed of the match: pair p plays autoplay's deal of (seed, p)" },
    time: {
      type: 'string',
      describe:
        'milliseconds a move may take: the mt operation of each position, and the budget of built-in sim players',
    },
    grace: {
      type: 'string',
      default: '10000',
      describe: 'milliseconds an external engine may take beyond --time before it counts as timed out',
    },
    dict: { type: 'string', describe: 'the dictionary moves are checked against (default: the embedded English one)' },
    lexicon: { type: 'string', describe: "the lexicon's name, given to the engines as the lex operation" },
    log: {
      type: 'string',
      describe: 'a JSON-lines log of the pairs and their moves; run again with the same log to resume the match',
    },
    'engine-stderr': { type: 'boolean', default: false, describe: "show external engines' standard error" },
  },
  examples: [
    'wordgame match leave static --games 200 --json',
    'wordgame match sim:100 leave --games 2 --time 100 --log match.jsonl',
    "wordgame match static 'cmd:npx tsx examples/engines/best-play.ts' --games 20 --time 1000",
  ],
  async run(ctx) {
    const { values } = ctx;
    if (ctx.positionals.length !== 2)
      throw new UsageError(
        'match takes two engines: a built-in player (static, leave, klv:FILE, sim[:ITERATIONS[:CANDIDATES]], each with +endgame) or cmd:PROGRAM ARG…',
      );
    const engines = ctx.positionals.map((e) => e.trim()) as [string, string];
    const games = intOption(values, 'games', 2, 10_000_000) ?? 100;
    const seed = intOption(values, 'seed', 0, 2 ** 32 - 1) ?? 1;
    const budgetMs = intOption(values, 'time', 1, 3_600_000);
    const graceMs = intOption(values, 'grace', 0, 3_600_000) ?? 10_000;
    const pairs = Math.ceil(games / 2);
    const bar = progress(ctx, 'match', 'pairs', pairs);
    const r = await runMatch(
      {
        engines,
        pairs,
        seed,
        ...(typeof values.dict === 'string' ? { dictionary: values.dict } : {}),
        ...(typeof values.lexicon === 'string' ? { lexicon: values.lexicon } : {}),
        ...(budgetMs === undefined ? {} : { budgetMs }),
        graceMs,
      },
      {
        ...(typeof values.log === 'string' ? { log: values.log } : {}),
        onPair: (done) => bar.update(done),
        ...(values['engine-stderr'] === true ? { stderr: 'inherit' as const } : {}),
      },
    );
    bar.stop();
    if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
    const s = r.value;
    if (ctx.json) {
      emit(ctx.io, { ok: true, engines, seed, ...s });
      return EXIT.OK;
    }
    const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
    const [a, b] = engines;
    ctx.io.out(
      [
        `${a} vs ${b}: ${s.games} games (${s.pairs} mirrored pairs), seed ${seed}${s.voided > 0 ? `, ${s.voided} pairs voided` : ''}`,
        `${a} wins     ${s.wins} (${pct(s.winRate)}; 95 % CI ${pct(s.winRateCI[0])} to ${pct(s.winRateCI[1])})`,
        `spread        ${s.spread.toFixed(2)} a game (95 % CI ${s.spreadCI[0].toFixed(2)} to ${s.spreadCI[1].toFixed(2)})`,
        `points        ${a} ${s.pointsPerGame[0].toFixed(2)}, ${b} ${s.pointsPerGame[1].toFixed(2)} a game`,
        `bingos        ${a} ${s.bingosPerGame[0].toFixed(3)}, ${b} ${s.bingosPerGame[1].toFixed(3)} a game`,
        `illegal moves ${a} ${s.illegal[0]}, ${b} ${s.illegal[1]}`,
        `time a move   ${a} ${s.msPerMove[0].toFixed(1)} ms, ${b} ${s.msPerMove[1].toFixed(1)} ms`,
        `turns         ${s.turnsPerGame.toFixed(2)} a game`,
      ].join('\n') + '\n',
    );
    return EXIT.OK;
  },
};
