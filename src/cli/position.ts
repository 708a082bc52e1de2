import { Board } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { type CgpPosition, type ParsedCgp, parseCgp } from '../notation/cgp.js';
import { parseBoard } from '../notation/board-text.js';
import { handFromLetters } from '../notation/tokens.js';
import { type Hand, makeHand } from '../state/hand.js';
import { CommandError, EXIT, UsageError, configOption, readText, type Context } from './framework.js';

/** The board of `--board FILE|-`, or the empty board; a bad board is a file error (exit 2). */
export async function boardOption(ctx: Context, config: GameConfig): Promise<Board> {
  const file = ctx.values.board;
  if (typeof file !== 'string') return Board.empty(config.layout.rows, config.layout.cols);
  const b = parseBoard(await readText(ctx.io, file, 'board'), config.alphabet, config.layout);
  if (!b.ok)
    throw new CommandError(
      { ...b.error, cause: `${file === '-' ? 'standard input' : file}: ${b.error.cause ?? b.error.message}` },
      EXIT.USAGE,
    );
  return b.value;
}

/** The `--board` option. */
export const BOARD_OPTION = {
  type: 'string',
  describe: 'the board: a board file, or - for standard input (default: empty)',
} as const;

/** The `--cgp` option. */
export const CGP_OPTION = {
  type: 'string',
  describe:
    'the position as CGP (its text, or a file or - holding it): board, racks from the player to move, scores; instead of --board and the rack',
} as const;

/**
 * The position of `--cgp` (its text when it has a space, else a file or - for standard input),
 * read in `--config` when that is given, else in the configuration its operations call for; or
 * undefined without `--cgp`. A bad position is a usage error (exit 2) with its code.
 */
export async function cgpOption(ctx: Context): Promise<ParsedCgp | undefined> {
  const value = ctx.values.cgp;
  if (typeof value !== 'string') return undefined;
  const text = value.includes(' ') ? value : (await readText(ctx.io, value, 'position')).trim();
  const r = parseCgp(text, ctx.explicit.has('config') ? { config: configOption(ctx.values) } : {});
  if (!r.ok) throw new CommandError({ ...r.error, cause: `--cgp: ${r.error.cause ?? r.error.message}` }, EXIT.USAGE);
  return r.value;
}

/** A command's position: the configuration, the board and the rack to move, from `--cgp` or from `--board` and the rack option. */
export interface CommandPosition {
  readonly config: GameConfig;
  readonly board: Board;
  readonly hand: Hand;
  /** The CGP position, when it came from `--cgp`. */
  readonly cgp: CgpPosition | undefined;
}

/**
 * The position of a command: `--cgp`, or `--config`, `--board` and the rack of option `rack`
 * (`--hand`). A rack given with `rack` wins over the CGP's rack to move.
 */
export async function commandPosition(ctx: Context, rack = 'hand'): Promise<CommandPosition> {
  const cgp = await cgpOption(ctx);
  const config = cgp?.config ?? configOption(ctx.values);
  const board = cgp?.position.board ?? (await boardOption(ctx, config));
  const text = ctx.values[rack];
  let hand: Hand;
  if (typeof text === 'string') {
    const h = handFromLetters(text, config);
    if (!h.ok) throw new UsageError(`--${rack}: ${h.error.cause ?? h.error.message}`);
    hand = h.value;
  } else if (cgp !== undefined && (cgp.position.racks[0]?.length ?? 0) > 0)
    hand = makeHand(cgp.position.racks[0] ?? []);
  else throw new UsageError(`give the rack to move with --${rack} LETTERS, or a position with --cgp`);
  return { config, board, hand, cgp: cgp?.position };
}

/** The lead of the player to move in a CGP position: their score minus the best other one. */
export function cgpLead(position: CgpPosition): number {
  const [mine = 0, ...others] = position.scores;
  return mine - Math.max(...others);
}
