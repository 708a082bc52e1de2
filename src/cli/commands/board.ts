import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { presetConfig } from '../../config/config.js';
import { parseBoard } from '../../notation/board-text.js';
import { renderBoard } from '../../render/board.js';
import { describeError } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const BOARD_USAGE = 'wordgame board FILE|- [--config en|fr|es|de|pl|wwf|super]';

/** `wordgame board FILE`: renders a board text file with premiums and coordinates. */
export async function boardCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string', default: 'en' } } });
  const file = positionals[0];
  if (file === undefined) {
    io.err(`usage: ${BOARD_USAGE}\n`);
    return 2;
  }
  const config = presetConfig(values.config);
  if (!config.ok) {
    io.err(describeError(config.error) + '\n');
    return 2;
  }
  const text = file === '-' ? await io.stdin() : readFileSync(file, 'utf8');
  const board = parseBoard(text, config.value.alphabet, config.value.layout);
  if (!board.ok) {
    io.err(describeError(board.error) + '\n');
    return 1;
  }
  io.out(renderBoard(board.value, config.value));
  return 0;
}
