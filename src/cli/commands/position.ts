import type { Tile } from '../../config/letterset.js';
import { type CgpPosition, formatCgp, parseCgp } from '../../notation/cgp.js';
import { formatBoard } from '../../notation/board-text.js';
import { formatTiles, handFromLetters } from '../../notation/tokens.js';
import { renderBoard } from '../../render/board.js';
import { makeHand } from '../../state/hand.js';
import { CONFIG_OPTION, EXIT, UsageError, configOption, emit, type Command } from '../framework.js';
import { BOARD_OPTION, CGP_OPTION, boardOption, cgpOption } from '../position.js';

const FORMATS = ['picture', 'cgp', 'board'] as const;

/** `wordgame position`: converts a position between CGP, the board-file form and a picture. */
export const positionCommand: Command = {
  name: 'position',
  summary:
    'Converts a position between CGP (the format of other engines and Woogles), the board-file form and a picture with premiums, racks and scores',
  args: '(--cgp CGP | --board FILE [--hand LETTERS] [--opponent LETTERS] [--scores A/B]) [--to picture|cgp|board]',
  options: {
    cgp: CGP_OPTION,
    board: BOARD_OPTION,
    hand: { type: 'string', describe: 'with --board: the rack of the player to move' },
    opponent: { type: 'string', describe: "with --board: the opponent's rack (default: unknown)" },
    scores: { type: 'string', default: '0/0', describe: 'with --board: the scores, the player to move first' },
    to: { type: 'string', default: 'picture', describe: `what to print: ${FORMATS.join(', ')}` },
    config: CONFIG_OPTION,
  },
  conflicts: [
    ['cgp', 'board'],
    ['cgp', 'hand'],
    ['cgp', 'opponent'],
    ['cgp', 'scores'],
  ],
  examples: [
    'wordgame position --cgp "15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0 lex NWL20;"',
    'wordgame position --board board.txt --hand AEEIRTY --scores 218/202 --to cgp',
    'wordgame position --cgp position.cgp --to board --json',
  ],
  async run(ctx) {
    const { values } = ctx;
    const to = String(values.to);
    if (!(FORMATS as readonly string[]).includes(to)) throw new UsageError(`--to takes ${FORMATS.join(', ')}`);
    const read = await cgpOption(ctx);
    const config = read?.config ?? configOption(values);
    let position: CgpPosition;
    if (read !== undefined) position = read.position;
    else {
      if (typeof values.board !== 'string') throw new UsageError('give the position with --cgp, or --board FILE');
      const board = await boardOption(ctx, config);
      const rack = (name: string): Tile[] => {
        const text = values[name];
        if (typeof text !== 'string') return [];
        const h = handFromLetters(text, config);
        if (!h.ok) throw new UsageError(`--${name}: ${h.error.cause ?? h.error.message}`);
        return [...h.value];
      };
      const scores = String(values.scores).split('/');
      if (scores.length !== 2 || scores.some((s) => !/^-?(0|[1-9][0-9]{0,5})$/.test(s)))
        throw new UsageError('--scores takes two whole numbers, the player to move first: 40/28');
      const racks = [rack('hand'), rack('opponent')];
      // Checked as any CGP is (the tiles against the letterset), by reading back what it writes.
      const checked = parseCgp(
        formatCgp({ board, racks, scores: scores.map(Number), scorelessTurns: 0, operations: [] }, config),
        { config },
      );
      if (!checked.ok) throw new UsageError(checked.error.cause ?? checked.error.message);
      position = checked.value.position;
    }
    const cgp = formatCgp(position, config);
    const rows = formatBoard(position.board, config.alphabet).trimEnd().split('\n');
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        config: config.name,
        cgp,
        rows,
        racks: position.racks.map((r) => formatTiles(r, config.alphabet)),
        scores: position.scores,
        scorelessTurns: position.scorelessTurns,
      });
      return EXIT.OK;
    }
    if (to === 'cgp') ctx.io.out(cgp + '\n');
    else if (to === 'board') ctx.io.out(rows.join('\n') + '\n');
    else
      ctx.io.out(
        renderBoard(position.board, config, {
          hands: position.racks.map((r) => makeHand(r)),
          scores: position.scores,
          names: position.racks.map((_, i) => (i === 0 ? 'to move' : `player ${i + 1}`)),
          toMove: 0,
        }),
      );
    return EXIT.OK;
  },
};
