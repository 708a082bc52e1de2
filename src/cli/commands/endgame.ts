import type { Tile } from '../../config/letterset.js';
import { type EndgameResult, EndgameSolver } from '../../endgame/endgame.js';
import { unseenTiles } from '../../state/unseen.js';
import type { EngineError } from '../../errors/error.js';
import { solveEndgameParallel } from '../../node/endgame.js';
import type { Result } from '../../result.js';
import { PreEndgameSolver } from '../../endgame/peg.js';
import type { Progress } from '../progress.js';
import { formatTiles, handFromLetters } from '../../notation/tokens.js';
import {
  CONFIG_OPTION,
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  emit,
  intOption,
  progress,
  readBytes,
  type Command,
} from '../framework.js';
import { BOARD_OPTION, CGP_OPTION, cgpLead, commandPosition } from '../position.js';

/** `wordgame endgame`. */
export const endgameCommand: Command = {
  name: 'endgame',
  summary:
    'Solves an endgame (the bag is empty) exactly by search: the value for the side to move (final spread change, rack adjustments included), the best line and the nodes searched',
  args: '--hand LETTERS | --cgp CGP',
  options: {
    hand: { type: 'string', describe: 'the rack of the side to move (required without --cgp)' },
    cgp: CGP_OPTION,
    opponent: {
      type: 'string',
      describe:
        "the opponent's rack (default: the CGP's second rack when it is given, else the unseen tiles, which must fit a rack)",
    },
    board: BOARD_OPTION,
    depth: { type: 'string', default: '25', describe: 'plies at most' },
    time: {
      type: 'string',
      describe:
        'seconds of wall time at most (the best line of the last finished depth is kept; on a busy machine it searches less: --depth bounds the work instead)',
    },
    workers: {
      type: 'string',
      default: '1',
      describe: 'worker threads splitting the root (an exact answer does not depend on it)',
    },
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
    timings: { type: 'boolean', default: false, describe: 'also print the time and nodes a second (JSON included)' },
  },
  conflicts: [['cgp', 'board']],
  examples: [
    'wordgame endgame --board endgame.txt --hand IITTUVW',
    'wordgame endgame --board endgame.txt --hand IITTUVW --opponent AIL --time 5 --json',
    'wordgame endgame --cgp endgame.cgp --time 5',
  ],
  async run(ctx) {
    const { values } = ctx;
    const { config, board, hand, cgp } = await commandPosition(ctx);
    let opponent: Tile[];
    if (typeof values.opponent === 'string') {
      const o = handFromLetters(values.opponent, config);
      if (!o.ok) throw new UsageError(`--opponent: ${o.error.cause ?? o.error.message}`);
      opponent = [...o.value];
    } else if (cgp !== undefined && (cgp.racks[1]?.length ?? 0) > 0) opponent = [...(cgp.racks[1] ?? [])];
    else {
      const unseen = unseenTiles(config, board, hand);
      if (unseen === undefined)
        throw new UsageError('the board and the hand hold more of some tile than the letterset has');
      if (unseen.length > config.handSize)
        throw new UsageError(
          `${unseen.length} tiles are unseen: the bag is not empty (give --opponent, or see wordgame peg for one tile in the bag)`,
        );
      opponent = unseen;
    }
    const depth = intOption(values, 'depth', 1, 60) ?? 25;
    const seconds = typeof values.time === 'string' ? Number(values.time) : undefined;
    if (seconds !== undefined && !(seconds > 0 && seconds <= 86_400))
      throw new UsageError('--time takes seconds, more than 0');
    const workers = intOption(values, 'workers', 1, 64) ?? 1;
    let r: Result<EndgameResult, EngineError>;
    if (workers > 1) {
      r = await solveEndgameParallel(
        {
          config: config.spec,
          ...(typeof values.dict === 'string' ? { dictionary: readBytes(values.dict) } : {}),
          cells: board.cells(),
          racks: [[...hand], opponent],
          maxDepth: depth,
          ...(seconds === undefined ? {} : { timeMs: seconds * 1000 }),
        },
        workers,
      );
    } else {
      const solver = EndgameSolver.create(config, ctx.dictionary());
      if (!solver.ok) throw new CommandError(solver.error, EXIT.USAGE);
      r = solver.value.solve(board, [[...hand], opponent], {
        maxDepth: depth,
        ...(seconds === undefined ? {} : { timeMs: seconds * 1000 }),
        onIteration: (it) => {
          if (!ctx.json && ctx.io.errIsTerminal === true)
            ctx.io.err(`depth ${it.depth}: ${it.value} ${it.line.map((m) => m.notation).join(' ')}\n`);
        },
      });
    }
    if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
    const res = r.value;
    const line = res.line.map((m) => ({ move: m.notation, score: m.score }));
    const rate = res.ms > 0 ? Math.round((res.nodes / res.ms) * 1000) : 0;
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        value: res.value,
        exact: res.exact,
        depth: res.depth,
        line,
        opponent: formatTiles(opponent, config.alphabet),
        ...(values.timings === true ? { nodes: res.nodes, ms: Math.round(res.ms), nodesPerSecond: rate } : {}),
      });
      return EXIT.OK;
    }
    ctx.io.out(
      [
        `value         ${res.value > 0 ? '+' : ''}${res.value} (${res.exact ? 'exact' : `best found to depth ${res.depth}`})`,
        `opponent      ${formatTiles(opponent, config.alphabet)}`,
        `line          ${line.map((m) => `${m.move} ${m.score}`).join(', ')}`,
        ...(values.timings === true
          ? [`searched      ${res.nodes} nodes in ${Math.round(res.ms)} ms (${rate} a second), depth ${res.depth}`]
          : []),
      ].join('\n') + '\n',
    );
    return EXIT.OK;
  },
};

/** `wordgame peg`. */
export const pegCommand: Command = {
  name: 'peg',
  summary:
    'Ranks the plays of a pre-endgame (one tile in the bag) by solving the endgame after each play for every tile the bag may hold: win chance and mean spread',
  args: '--hand LETTERS | --cgp CGP',
  options: {
    hand: { type: 'string', describe: 'the rack of the side to move (required without --cgp)' },
    board: BOARD_OPTION,
    cgp: CGP_OPTION,
    spread: {
      type: 'string',
      default: '0',
      describe: "the current score difference of the side to move (default: the CGP's scores, else 0)",
    },
    candidates: { type: 'string', default: '10', describe: 'plays examined, best by score first' },
    time: { type: 'string', default: '1', describe: 'seconds of wall time for each endgame' },
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
    timings: {
      type: 'boolean',
      default: false,
      describe: 'also print the endgames solved, nodes and time (JSON included)',
    },
  },
  conflicts: [['cgp', 'board']],
  examples: [
    'wordgame peg --board pre-endgame.txt --hand DEMORVW --spread -12 --candidates 2 --time 0.2',
    'wordgame peg --board pre-endgame.txt --hand DEMORVW --candidates 3 --time 0.2 --json',
  ],
  async run(ctx) {
    const { values } = ctx;
    const { config, board, hand, cgp } = await commandPosition(ctx);
    const unseen = unseenTiles(config, board, hand);
    if (unseen === undefined)
      throw new UsageError('the board and the hand hold more of some tile than the letterset has');
    if (unseen.length !== config.handSize + 1)
      throw new UsageError(
        `${unseen.length} tiles are unseen; a pre-endgame with one tile in the bag has ${config.handSize + 1}`,
      );
    const spread = cgp !== undefined && !ctx.explicit.has('spread') ? cgpLead(cgp) : Number(values.spread);
    if (!Number.isInteger(spread)) throw new UsageError('--spread takes a whole number');
    const seconds = Number(values.time);
    if (!(seconds > 0 && seconds <= 3600)) throw new UsageError('--time takes seconds, more than 0');
    const solver = PreEndgameSolver.create(config, ctx.dictionary());
    if (!solver.ok) throw new CommandError(solver.error, EXIT.USAGE);
    // A progress line while the endgames are solved (one for each candidate and possible bag tile).
    let bar: Progress | undefined;
    const r = solver.value.solve(board, hand, unseen, {
      spread,
      candidates: intOption(values, 'candidates', 1, 1000) ?? 10,
      timeMsPerEndgame: seconds * 1000,
      onEndgame: (done, total) => (bar ??= progress(ctx, 'peg', 'endgames', total)).update(done),
    });
    bar?.stop();
    if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
    const rows = r.value.candidates.map((c) => ({
      move: c.notation,
      score: c.score,
      win: c.win,
      spread: c.spread,
      exact: c.exact,
    }));
    const timing = { endgames: r.value.endgames, nodes: r.value.nodes, ms: Math.round(r.value.ms) };
    if (ctx.json)
      emit(ctx.io, {
        ok: true,
        unseen: formatTiles(unseen, config.alphabet),
        candidates: rows,
        ...(values.timings === true ? timing : {}),
      });
    else {
      let out = `unseen        ${formatTiles(unseen, config.alphabet)}\n`;
      out += `${'win'.padStart(8)}  ${'spread'.padStart(8)}  play\n`;
      for (const c of rows)
        out += `${(100 * c.win).toFixed(1).padStart(6)} %  ${c.spread.toFixed(2).padStart(8)}  ${c.move} ${c.score}${c.exact ? '' : ' (not all endgames exact)'}\n`;
      if (values.timings === true)
        out += `searched      ${timing.endgames} endgames, ${timing.nodes} nodes in ${timing.ms} ms\n`;
      ctx.io.out(out);
    }
    return EXIT.OK;
  },
};
