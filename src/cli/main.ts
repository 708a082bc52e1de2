#!/usr/bin/env node
/** The `wordgame` command line. */
import { dictCommand, DICT_USAGE } from './commands/dict.js';
import { demoCommand } from './commands/demo.js';
import { boardCommand, BOARD_USAGE } from './commands/board.js';
import { validateCommand, VALIDATE_USAGE } from './commands/validate.js';
import { boggleCommand, BOGGLE_USAGE } from './commands/boggle.js';
import { bestCommand, selfplayCommand, PLAY_USAGE } from './commands/play.js';
import { anagramGameCommand, duplicateCommand, gcgCommand, GAMES_USAGE } from './commands/games.js';
import type { CliIo, ExitCode } from './io.js';

const USAGE = `usage: wordgame <command> ...

${DICT_USAGE}
${BOARD_USAGE}
${VALIDATE_USAGE}
${BOGGLE_USAGE}
${PLAY_USAGE}
${GAMES_USAGE}
wordgame demo

Every command uses the embedded English dictionary unless --dict FILE is given.
`;

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'dict':
        return await dictCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case 'board':
        return await boardCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'boggle':
        return await boggleCommand(rest, io);
      case 'best':
        return await bestCommand(rest, io);
      case 'selfplay':
        return await selfplayCommand(rest, io);
      case 'gcg':
        return await gcgCommand(rest, io);
      case 'duplicate':
        return await duplicateCommand(rest, io);
      case 'anagram-game':
        return await anagramGameCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command ${command}\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    // Bad command-line options (parseArgs) and unreadable files end here.
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
}

/** Standard streams. */
export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] !== undefined && /[\\/]src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
