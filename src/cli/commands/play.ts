import { defaultLeaveValues } from '../../node/files.js';
import { LeaveTable } from '../../leaves/table.js';
import type { LeaveValues } from '../../leaves/values.js';
import type { Dictionary } from '../../dictionary/dictionary.js';
import { EndgameSolver } from '../../endgame/endgame.js';
import { PreEndgameSolver } from '../../endgame/peg.js';
import { endgamePlayer } from '../../endgame/player.js';
import { Simulator } from '../../sim/sim.js';
import { simPlayer } from '../../sim/player.js';
import { leavePlayer, staticPlayer } from '../../players/basic.js';
import { type Player } from '../../players/player.js';
import { selfPlay } from '../../autoplay/selfplay.js';
import type { GameConfig } from '../../config/config.js';
import { Code } from '../../errors/error.js';
import { randomSeed } from '../../game/settings.js';
import { MoveGenerator } from '../../movegen/generator.js';
import { allPlays } from '../../movegen/search.js';
import { renderBoard } from '../../render/board.js';
import { moveInput, validateMove } from '../../rules/crossword.js';
import {
  CONFIG_OPTION,
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  configOption,
  emit,
  intOption,
  readBytes,
  type Command,
  type Context,
} from '../framework.js';
import { BOARD_OPTION, CGP_OPTION, commandPosition } from '../position.js';

/** AI players by name. */
export function playerByName(name: string, config: GameConfig, dictionary?: () => Dictionary): Player | undefined {
  // `NAME+endgame`: the same player, searching the endgame and the pre-endgame (two players).
  if (name.endsWith('+endgame') && dictionary !== undefined) {
    const base = playerByName(name.slice(0, -'+endgame'.length), config);
    const endgame = EndgameSolver.create(config, dictionary());
    const peg = PreEndgameSolver.create(config, dictionary());
    return base === undefined || !endgame.ok || !peg.ok
      ? undefined
      : endgamePlayer(config, endgame.value, peg.value, base);
  }
  if (name === 'sim') {
    const leaves = defaultLeaveValues(config);
    if (!leaves.ok) throw new CommandError(leaves.error, EXIT.USAGE);
    const sim = dictionary === undefined ? undefined : Simulator.create(config, dictionary(), leaves.value);
    if (sim === undefined || !sim.ok) return undefined;
    return simPlayer(sim.value);
  }
  if (name === 'static') return staticPlayer;
  if (name === 'heuristic') return leavePlayer(config);
  if (name !== 'leave') return undefined;
  const leaves = defaultLeaveValues(config);
  if (!leaves.ok) throw new CommandError(leaves.error, EXIT.USAGE);
  return leavePlayer(config, leaves.value, { endgameEquity: true });
}

/** `wordgame best`: the best plays of a hand on a board. */
export const bestCommand: Command = {
  name: 'best',
  summary:
    'Lists the highest-scoring plays of a hand on a board, with the words each forms; with --leaves, the best by equity (score plus the leave kept).',
  args: '--hand LETTERS | --cgp CGP',
  options: {
    hand: {
      type: 'string',
      describe: 'the hand: glyphs, ? for a blank (required without --cgp, whose rack to move it replaces)',
    },
    board: BOARD_OPTION,
    cgp: CGP_OPTION,
    n: { type: 'string', short: 'n', default: '10', describe: 'how many plays to print' },
    all: { type: 'boolean', default: false, describe: 'print every valid play' },
    leaves: {
      type: 'boolean',
      default: false,
      describe: 'rank by equity (score plus the value of the tiles kept) with the shipped leave table',
    },
    klv: { type: 'string', describe: 'rank by equity with this KLV2 leave table instead (implies --leaves)' },
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
  },
  conflicts: [
    ['n', 'all'],
    ['cgp', 'board'],
  ],
  examples: [
    'wordgame best --hand AEINRST',
    'wordgame best --cgp "15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0 lex NWL20;" -n 3',
    'wordgame best --board board.txt --hand AEEIRT? -n 3 --json',
    'wordgame best --hand RETAINS --all --json',
    'wordgame best --hand EINRSTX --leaves -n 5',
  ],
  async run(ctx) {
    const { values } = ctx;
    const n = intOption(values, 'n', 1, 10_000_000) as number;
    const { config, board, hand } = await commandPosition(ctx);
    const dictionary = ctx.dictionary();
    // One search and done: the warm-up would cost more than it saves.
    const gen = MoveGenerator.create(config, dictionary, board, { warmUp: false });
    if (!gen.ok) throw new CommandError(gen.error, EXIT.USAGE);
    const leaves = leavesOption(values, config);
    const plays = allPlays(gen.value, hand, leaves === undefined ? {} : { leaves });
    const shown = values.all === true ? plays : plays.slice(0, n);
    const detail = shown.map((p) => {
      const m = validateMove(moveInput(p.placements, config), { board, hand, config, dictionary });
      return {
        move: p.notation,
        score: p.score,
        ...(leaves === undefined ? {} : { equity: Math.round(p.equity * 100) / 100 }),
        words: m.ok ? m.value.words.map((w) => w.word) : [],
      };
    });
    const truncated = shown.length < plays.length;
    if (ctx.json) emit(ctx.io, { ok: true, plays: detail, count: plays.length, truncated });
    else {
      let out = leaves === undefined ? '' : 'score  equity  play                 words\n';
      for (const d of detail)
        out += `${String(d.score).padStart(4)}  ${d.equity === undefined ? '' : `${d.equity.toFixed(2).padStart(7)}  `}${d.move.padEnd(20)} ${d.words.join(', ')}\n`;
      ctx.io.out(out + `${plays.length} plays${truncated ? `, the best ${shown.length} shown` : ''}\n`);
    }
    return EXIT.OK;
  },
};

/** The leave values of `--leaves` (the shipped table) or `--klv FILE`, or undefined to rank by score. */
function leavesOption(values: Context['values'], config: GameConfig): LeaveValues | undefined {
  if (typeof values.klv === 'string') {
    const table = LeaveTable.fromKlv(readBytes(values.klv), config.alphabet.size);
    if (!table.ok)
      throw new CommandError(
        { ...table.error, cause: `${values.klv}: ${table.error.cause ?? table.error.message}` },
        EXIT.USAGE,
      );
    return table.value;
  }
  if (values.leaves !== true) return undefined;
  const shipped = defaultLeaveValues(config);
  if (!shipped.ok) throw new CommandError(shipped.error, EXIT.USAGE);
  return shipped.value;
}

/** `wordgame selfplay`: a full classic game between two AI players. */
export const selfplayCommand: Command = {
  name: 'selfplay',
  summary:
    'Plays a full classic game between AI players, every play checked again by the validator, and prints each turn and the final board.',
  args: '',
  options: {
    seed: { type: 'string', describe: 'seed of the game (default: a random one, printed)' },
    players: {
      type: 'string',
      default: 'static,leave',
      describe:
        'the players, comma-separated: static (highest score), leave (score plus the learned leave value; with the bag empty, the endgame adjustment), heuristic (score plus the hand-written leave value) or sim (simulates each move, 200 iterations at most); NAME+endgame searches the endgame and the pre-endgame',
    },
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
    timings: { type: 'boolean', default: false, describe: 'also print how long the game took' },
  },
  examples: [
    'wordgame selfplay',
    'wordgame selfplay --seed 5 --json',
    'wordgame selfplay --players leave,leave,static --seed 2',
  ],
  run(ctx) {
    const { values } = ctx;
    const seed = intOption(values, 'seed', 0, 2 ** 32 - 1) ?? randomSeed();
    const config = configOption(values);
    const names = String(values.players).split(',');
    const players = names.map((n) => playerByName(n.trim(), config, () => ctx.dictionary()));
    if (players.length < 1 || players.length > 4 || players.some((p) => p === undefined))
      throw new UsageError(
        '--players takes 1 to 4 comma-separated names: static, leave, heuristic, sim, each optionally +endgame',
      );
    const dictionary = ctx.dictionary();
    const t0 = performance.now();
    const game = selfPlay(config, dictionary, players as Player[], seed);
    const ms = Math.round(performance.now() - t0);
    if (!game.ok)
      throw new CommandError(
        game.error,
        game.error.code === Code.ALPHABET_MISMATCH || game.error.code === Code.BAD_QUERY ? EXIT.USAGE : EXIT.FAILED,
      );
    const { turns, final } = game.value;
    const label = (p: number) => `${names[p]}#${p + 1}`;
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        seed,
        config: config.name,
        players: names.map((_, p) => label(p)),
        turns,
        scores: final.tiles.scores,
        adjustments: final.adjustments,
        endReason: final.endReason,
        ...(values.timings === true ? { ms } : {}),
      });
      return EXIT.OK;
    }
    let out = `Self-play, seed ${seed}: ${names.map((_, p) => label(p)).join(' vs ')} (every play checked by the validator)\n\n`;
    out += `${'turn'.padStart(4)} ${'player'.padEnd(10)} ${'rack'.padEnd(8)} ${'move'.padEnd(22)} ${'score'.padStart(5)} ${'total'.padStart(5)}\n`;
    for (const [i, t] of turns.entries())
      out += `${String(i + 1).padStart(3)}. ${label(t.player).padEnd(10)} ${t.rack.padEnd(8)} ${t.move.padEnd(22)} ${String(t.score).padStart(5)} ${String(t.total).padStart(5)}\n`;
    out += `\n${renderBoard(final.tiles.board, config, { hands: final.tiles.hands, scores: final.tiles.scores, names: names.map((_, p) => label(p)) })}`;
    const adjustments = final.adjustments.map((a, p) => `${label(p)} ${a > 0 ? '+' : ''}${a}`).join(', ');
    out += `\nGame over (${final.endReason === 'out' ? 'a player went out' : 'six scoreless turns'}); the tiles left on the racks: ${adjustments} (${final.endReason === 'out' ? "the player who went out gains the others' racks, each other loses their own" : 'each player loses their own rack'}).\n`;
    out += `Final scores: ${final.tiles.scores.map((s, p) => `${label(p)} ${s}`).join(', ')}. ${turns.length} turns${values.timings === true ? ` in ${ms} ms` : ''}.\n`;
    ctx.io.out(out);
    return EXIT.OK;
  },
};
