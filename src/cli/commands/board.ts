import { formatBoard, parseBoard } from '../../notation/board-text.js';
import { renderBoard } from '../../render/board.js';
import {
  CONFIG_OPTION,
  CommandError,
  EXIT,
  UsageError,
  configOption,
  emit,
  readText,
  type Command,
} from '../framework.js';

/** `wordgame board`: renders a board text file with premiums and coordinates. */
export const boardCommand: Command = {
  name: 'board',
  summary:
    'Renders a board file (one line a row: `.` empty, a glyph, lower case for a blank) with premiums and coordinates.',
  args: 'FILE|-',
  options: { config: CONFIG_OPTION },
  examples: ['wordgame board board.txt', 'wordgame board - < board.txt', 'wordgame board board.txt --json'],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (file === undefined || ctx.positionals.length > 1)
      throw new UsageError('give one board file, or - for standard input');
    const config = configOption(ctx.values);
    const text = await readText(ctx.io, file, 'board');
    const board = parseBoard(text, config.alphabet, config.layout);
    if (!board.ok)
      throw new CommandError(
        {
          ...board.error,
          cause: `${file === '-' ? 'standard input' : file}: ${board.error.cause ?? board.error.message}`,
        },
        EXIT.USAGE,
      );
    if (ctx.json)
      emit(ctx.io, {
        ok: true,
        config: config.name,
        rows: formatBoard(board.value, config.alphabet).trimEnd().split('\n'),
        tiles: board.value.tileCount,
      });
    else ctx.io.out(renderBoard(board.value, config));
    return EXIT.OK;
  },
};
