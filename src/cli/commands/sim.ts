import type { Placement } from '../../board/board.js';
import { parseSquareName } from '../../notation/square.js';
import { formatTiles, parseTiles } from '../../notation/tokens.js';
import { LeaveTable } from '../../leaves/table.js';
import { loadDefaultLeaves } from '../../node/files.js';
import { simulateOnWorkers } from '../../node/sim.js';
import type { SimJob } from '../../sim/parallel.js';
import type { SimOptions } from '../../sim/options.js';
import { unseenTiles } from '../../state/unseen.js';
import {
  CONFIG_OPTION,
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  emit,
  intOption,
  readBytes,
  type Command,
} from '../framework.js';
import { BOARD_OPTION, CGP_OPTION, cgpLead, commandPosition } from '../position.js';

/** `wordgame sim`. */
export const simCommand: Command = {
  name: 'sim',
  summary:
    'Chooses a play by Monte Carlo simulation: the top plays by equity, each played out against the same random opponent racks and draws for a few turns; win chance, spread and confidence intervals, stopping when one play is best at 99 %',
  args: '--hand LETTERS | --cgp CGP',
  options: {
    hand: { type: 'string', describe: 'the rack of the side to move (required without --cgp)' },
    board: BOARD_OPTION,
    cgp: CGP_OPTION,
    unseen: {
      type: 'string',
      describe:
        'the tiles the side to move cannot see, bag and opponent rack (default: computed from the board, the hand and the letterset)',
    },
    lead: {
      type: 'string',
      default: '0',
      describe: "the score of the side to move minus the opponent's (default: the CGP's scores, else 0)",
    },
    plies: {
      type: 'string',
      default: '2',
      describe: 'turns played after each candidate (to the end of the game with 14 or fewer tiles unseen)',
    },
    candidates: {
      type: 'string',
      default: '20',
      describe: 'plays simulated, best by equity first (plus the best trade)',
    },
    iterations: { type: 'string', default: '10000', describe: 'iterations at most' },
    time: { type: 'string', describe: 'seconds at most (`5` or `5s`)' },
    confidence: {
      type: 'string',
      default: '0.99',
      describe: 'stop when one play is best at this confidence (1: never stop early)',
    },
    seed: { type: 'string', default: '1', describe: 'seed of the random racks and draws' },
    workers: {
      type: 'string',
      default: '1',
      describe: 'worker threads sharing the iterations (the result does not depend on it)',
    },
    'opponent-play': {
      type: 'string',
      describe:
        "the squares of the opponent's last play, e.g. H8,I8,J8 (its tiles are on the board): the tiles they kept are inferred from it",
    },
    inference: {
      type: 'string',
      default: '4',
      describe: 'with --opponent-play: the equity scale (points) of how unlikely an opponent rack is (0: no inference)',
    },
    leaves: { type: 'string', describe: 'a KLV2 or KLV1 leave file (default: the embedded English table)' },
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
  },
  conflicts: [['cgp', 'board']],
  examples: [
    'wordgame sim --board board.txt --hand AEEIRTY --lead 16 --time 2',
    'wordgame sim --cgp "15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0 lex NWL20;" --iterations 100',
    'wordgame sim --board board.txt --hand AEEIRTY --opponent-play I1,J1,K1,L1,M1,N1,O1 --iterations 300',
    'wordgame sim --board board.txt --hand AEEIRTY --time 2s --workers 2 --json',
  ],
  async run(ctx) {
    const { values } = ctx;
    const { config, board, hand, cgp } = await commandPosition(ctx);
    let unseen = unseenTiles(config, board, hand);
    if (typeof values.unseen === 'string') {
      const u = parseTiles(values.unseen, config.alphabet);
      if (!u.ok) throw new UsageError(`--unseen: ${u.error.cause ?? u.error.message}`);
      unseen = [...u.value];
    }
    if (unseen === undefined)
      throw new UsageError('the board and the hand hold more of some tile than the letterset has');
    const lead = cgp !== undefined && !ctx.explicit.has('lead') ? cgpLead(cgp) : Number(values.lead);
    if (!Number.isInteger(lead)) throw new UsageError('--lead takes a whole number');
    let timeMs: number | undefined;
    if (typeof values.time === 'string') {
      const m = /^(\d+(?:\.\d+)?)s?$/.exec(values.time);
      if (m === null || !(Number(m[1]) > 0)) throw new UsageError('--time takes seconds, e.g. 5 or 5s');
      timeMs = Number(m[1]) * 1000;
    }
    let opponentPlay: Placement[] | undefined;
    if (typeof values['opponent-play'] === 'string') {
      opponentPlay = [];
      for (const name of values['opponent-play'].split(',')) {
        const sq = parseSquareName(name, { rows: board.rows, cols: board.cols });
        if (!sq.ok) throw new UsageError(`--opponent-play: ${sq.error.cause ?? sq.error.message}`);
        const square = sq.value.row * board.cols + sq.value.col;
        if (board.cell(square) === 0) throw new UsageError(`--opponent-play: ${name.trim()} is empty on the board`);
        opponentPlay.push({ square, tile: board.cell(square) });
      }
    }
    const inference = Number(values.inference);
    if (!(inference >= 0 && inference <= 1000)) throw new UsageError('--inference takes a number from 0 to 1000');
    const confidence = Number(values.confidence);
    if (!(confidence >= 0.5 && confidence <= 1)) throw new UsageError('--confidence takes a number from 0.5 to 1');
    let leaves: Uint8Array | undefined;
    if (typeof values.leaves === 'string') {
      leaves = readBytes(values.leaves);
      const table = LeaveTable.fromKlv(leaves, config.alphabet.size);
      if (!table.ok)
        throw new CommandError(
          { ...table.error, cause: `${values.leaves}: ${table.error.cause ?? table.error.message}` },
          EXIT.USAGE,
        );
    } else if (config.name !== 'en')
      throw new UsageError('give a leave file with --leaves for a configuration other than en');
    else if (!loadDefaultLeaves().ok) throw new UsageError('the embedded leave table is missing');
    const options: Omit<SimOptions, 'onProgress'> = {
      plies: intOption(values, 'plies', 1, 10) ?? 2,
      candidates: intOption(values, 'candidates', 1, 100) ?? 20,
      iterations: intOption(values, 'iterations', 1, 1_000_000) ?? 10_000,
      seed: intOption(values, 'seed', 0, 0xffffffff) ?? 1,
      confidence,
      inferenceTemperature: inference,
      ...(timeMs === undefined ? {} : { timeMs }),
    };
    const job: SimJob = {
      config: config.spec,
      ...(typeof values.dict === 'string' ? { dictionary: readBytes(values.dict) } : {}),
      ...(leaves === undefined ? {} : { leaves }),
      cells: board.cells(),
      rack: [...hand],
      unseen,
      lead,
      ...(opponentPlay === undefined ? {} : { opponentPlay }),
      options,
    };
    const workers = intOption(values, 'workers', 1, 64) ?? 1;
    const showProgress = !ctx.json && ctx.io.errIsTerminal === true;
    const r = await simulateOnWorkers(
      job,
      workers,
      showProgress
        ? (p) => ctx.io.err(`\r${p.iterations} iterations, ${p.live} plays left, ${p.samples} rollouts   `)
        : undefined,
    );
    if (showProgress) ctx.io.err('\n');
    if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
    const res = r.value;
    const rows = res.candidates.map((c) => ({
      move: c.notation,
      score: c.score,
      equity: round(c.equity, 2),
      win: round(c.win, 4),
      winCI: [round(c.winCI[0], 4), round(c.winCI[1], 4)],
      spread: round(c.spread, 2),
      spreadCI: [round(c.spreadCI[0], 2), round(c.spreadCI[1], 2)],
      iterations: c.iterations,
      live: c.live,
    }));
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        move: rows[0]?.move,
        stop: res.stop,
        iterations: res.iterations,
        rollouts: res.samples,
        plies: res.plies,
        unseen: formatTiles(unseen, config.alphabet),
        candidates: rows,
        ms: Math.round(res.ms),
      });
      return EXIT.OK;
    }
    const header = ['', 'play', 'score', 'equity', 'win %', '95 % CI', 'spread', '95 % CI', 'iterations'];
    const cells = rows.map((c, i) => [
      String(i + 1),
      c.move + (c.live ? '' : ' (dropped)'),
      String(c.score),
      c.equity.toFixed(1),
      (100 * c.win).toFixed(1),
      `${(100 * (c.winCI[0] ?? 0)).toFixed(1)}–${(100 * (c.winCI[1] ?? 0)).toFixed(1)}`,
      (c.spread > 0 ? '+' : '') + c.spread.toFixed(1),
      `${c.spreadCI[0]?.toFixed(1)}–${c.spreadCI[1]?.toFixed(1)}`,
      String(c.iterations),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
    const line = (r: readonly string[]) =>
      r
        .map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    const stop = {
      confident: `one play is best at ${100 * confidence} %`,
      iterations: 'iteration limit',
      time: 'time limit',
      single: 'a single candidate',
    }[res.stop];
    ctx.io.out(
      `unseen   ${formatTiles(unseen, config.alphabet)} (${unseen.length})\n` +
        `${res.iterations} iterations, ${res.samples} rollouts of ${res.plies} plies in ${(res.ms / 1000).toFixed(1)} s; stopped: ${stop}\n\n` +
        [line(header), ...cells.map(line)].join('\n') +
        '\n',
    );
    return EXIT.OK;
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
