#!/usr/bin/env node
/** The `wordgame` command line: a registry of commands run by the framework in `framework.ts`. */
import { anagramGameCommand, duplicateCommand, gcgExport, gcgReplay } from './commands/games.js';
import { autoplayCommand, workerCommand } from './commands/autoplay.js';
import { boardCommand } from './commands/board.js';
import { positionCommand } from './commands/position.js';
import { matchCommand } from './commands/match.js';
import { analyzeCommand } from './commands/analyze.js';
import { endgameCommand, pegCommand } from './commands/endgame.js';
import { simCommand } from './commands/sim.js';
import { leavesBuild, leavesInfo } from './commands/leaves.js';
import { boggleCheck, boggleNew, boggleSolve } from './commands/boggle.js';
import { demoCommand } from './commands/demo.js';
import { dictAnagram, dictBuild, dictCheck, dictImport, dictInfo, dictPattern } from './commands/dict.js';
import { bestCommand, selfplayCommand } from './commands/play.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, EXIT_TABLE, helpText, runCommand, type Command } from './framework.js';
import type { CliIo, ExitCode } from './io.js';

/** Every command, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  dictBuild,
  dictImport,
  dictInfo,
  dictCheck,
  dictAnagram,
  dictPattern,
  boardCommand,
  positionCommand,
  validateCommand,
  bestCommand,
  endgameCommand,
  pegCommand,
  simCommand,
  selfplayCommand,
  autoplayCommand,
  workerCommand,
  matchCommand,
  leavesBuild,
  leavesInfo,
  boggleNew,
  boggleSolve,
  boggleCheck,
  gcgReplay,
  gcgExport,
  analyzeCommand,
  duplicateCommand,
  anagramGameCommand,
  demoCommand,
];

function overview(group?: string): string {
  const shown = COMMANDS.filter((c) => group === undefined || c.name.startsWith(group + ' '));
  const width = Math.max(...shown.map((c) => c.name.length)) + 2;
  const lines = [
    `usage: wordgame ${group ?? '<command>'}${group === undefined ? '' : ' <command>'} [arguments] [options]`,
    '',
    'commands:',
  ];
  for (const c of shown) lines.push(`  ${c.name.padEnd(width)}${c.summary.split('. ')[0]?.replace(/\.$/, '')}`);
  lines.push(
    '',
    'Every command takes --help (its usage, options and examples) and --json (one JSON document on stdout, errors included).',
  );
  lines.push(
    'Commands that read words use the embedded English dictionary unless --dict FILE is given.',
    '',
    EXIT_TABLE,
    '',
  );
  return lines.join('\n');
}

/** The command named by the first one or two arguments, and the arguments after its name. */
function lookup(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command !== undefined) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

const isGroup = (word: string | undefined) => word !== undefined && COMMANDS.some((c) => c.name.startsWith(word + ' '));

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(overview());
    return EXIT.USAGE;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    if (rest.length === 0) {
      io.out(overview());
      return EXIT.OK;
    }
    const found = lookup(rest);
    if (found !== undefined && found.rest.length === 0) {
      io.out(helpText(found.command));
      return EXIT.OK;
    }
    if (rest.length === 1 && isGroup(rest[0])) {
      io.out(overview(rest[0]));
      return EXIT.OK;
    }
    io.err(`wordgame: no command ${JSON.stringify(rest.join(' '))}\n\n${overview()}`);
    return EXIT.USAGE;
  }
  const found = lookup(argv);
  if (found !== undefined) return runCommand(found.command, found.rest, io);
  if (isGroup(first)) {
    const askedHelp = rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h');
    if (askedHelp) io.out(overview(first));
    else
      io.err(
        `${rest.length === 0 ? '' : `wordgame: no command ${JSON.stringify(`${first} ${rest[0]}`)}\n\n`}${overview(first)}`,
      );
    return askedHelp ? EXIT.OK : EXIT.USAGE;
  }
  io.err(`wordgame: no command ${JSON.stringify(first)}\n\n${overview()}`);
  return EXIT.USAGE;
}

/**
 * Standard streams. Writes go straight to the process's streams; when the reader of stdout goes
 * away (`wordgame dict pattern "*" | head -1`), the command ends quietly with the exit code it
 * has, instead of an EPIPE stack.
 */
export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  errIsTerminal: process.stderr.isTTY === true,
};

/** Runs the CLI as a process: arguments from `process.argv`, a quiet end on a closed stdout. */
export async function main(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    throw e;
  });
  process.exitCode = await runCli(process.argv.slice(2), processIo);
}

const invokedDirectly =
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  /[\\/]src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) void main();
