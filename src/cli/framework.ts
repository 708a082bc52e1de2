/**
 * The small framework every `wordgame` command runs in: options parsed strictly (unknown options
 * and conflicts are usage errors), `--help` with examples, `--json` (one JSON document on
 * stdout, errors included), one exit-code table, file errors that name the file, and a progress
 * bar on a terminal.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languageMismatch } from '../alphabet/alphabet.js';
import { presetConfig, type GameConfig } from '../config/config.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { loadDefaultDictionary, readDictionaryFile } from '../node/files.js';
import type { CliIo } from './io.js';
import { startProgress, type Progress } from './progress.js';

/** The exit codes of every command. */
export const EXIT = Object.freeze({
  /** The command did what was asked (and every check passed). */
  OK: 0,
  /** A rule or check failed: an invalid move, words missing from the dictionary, a score mismatch. */
  FAILED: 1,
  /** A usage error (unknown or conflicting options, missing arguments) or a file that cannot be read or parsed. */
  USAGE: 2,
});

/** The exit-code table, as `help` prints it. */
export const EXIT_TABLE = `exit codes: ${EXIT.OK} success; ${EXIT.FAILED} a rule or check failed (invalid move, missing words, score mismatch); ${EXIT.USAGE} usage or file error`;

type OptionSpec = {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly default?: string | boolean;
  readonly multiple?: boolean;
  readonly describe: string;
};

/** A command of the `wordgame` CLI. */
export interface Command {
  /** `dict build`, `best`... */
  readonly name: string;
  readonly summary: string;
  /** The arguments after the name: `LIST -o FILE`. */
  readonly args: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /** Pairs of options that cannot be given together. */
  readonly conflicts?: readonly (readonly [string, string])[];
  run(ctx: Context): Promise<number> | number;
}

/** What a running command gets. */
export interface Context {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly json: boolean;
  readonly command: Command;
  /** The options given on the command line (not those left at their default). */
  readonly explicit: ReadonlySet<string>;
  /** The dictionary of `--dict FILE` or the embedded default, loaded on first call (a file error ends the command, exit 2). */
  dictionary(): Dictionary;
}

/** A usage error: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** An engine error found by a command: printed (or emitted as JSON), with the exit code it calls for. */
export class CommandError extends Error {
  constructor(
    readonly error: EngineError,
    readonly exit: number,
  ) {
    super(error.message);
  }
}

/** The options every command takes. */
const COMMON: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', default: false, describe: 'print one JSON document on stdout (errors included)' },
  help: { type: 'boolean', short: 'h', default: false, describe: 'print this help' },
};

/** The usage text of a command, with its options and examples. */
export function helpText(c: Command): string {
  const opts = { ...c.options, ...COMMON };
  const lines = [
    `usage: wordgame ${c.name}${c.args === '' ? '' : ` ${c.args}`} [options]`,
    '',
    c.summary,
    '',
    'options:',
  ];
  for (const [name, o] of Object.entries(opts)) {
    const flag = `${o.short !== undefined ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    const def = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    lines.push(`  ${flag.padEnd(26)} ${o.describe}${def}`);
  }
  if (c.examples.length > 0) lines.push('', 'examples:', ...c.examples.map((e) => `  ${e}`));
  lines.push('', EXIT_TABLE, '');
  return lines.join('\n');
}

/**
 * The arguments with a negative number after an option that takes a value joined to it
 * (`--spread -12` as `--spread=-12`): node's parser would take `-12` for an option and refuse it
 * as ambiguous.
 */
export function joinNegativeValues(argv: readonly string[], options: ParseArgsConfig['options']): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (
      name !== undefined &&
      !name.includes('=') &&
      options?.[name]?.type === 'string' &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Runs a command on its arguments: parses, answers `--help`, runs, and turns errors into output and exit codes. */
export async function runCommand(c: Command, argv: readonly string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  const explicit = new Set<string>();
  try {
    const options: ParseArgsConfig['options'] = {};
    for (const [name, o] of Object.entries({ ...c.options, ...COMMON })) {
      options[name] = {
        type: o.type,
        ...(o.short === undefined ? {} : { short: o.short }),
        ...(o.default === undefined ? {} : { default: o.default }),
        ...(o.multiple === true ? { multiple: true } : {}),
      } as NonNullable<ParseArgsConfig['options']>[string];
    }
    const parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
    for (const t of parsed.tokens) if (t.kind === 'option') explicit.add(t.name);
  } catch (e) {
    return usage(c, io, wantsJson, (e as Error).message);
  }
  if (values.help === true) {
    io.out(helpText(c));
    return EXIT.OK;
  }
  for (const [a, b] of c.conflicts ?? []) {
    if (explicit.has(a) && explicit.has(b))
      return usage(c, io, wantsJson, `--${a} and --${b} cannot be given together`);
  }
  const json = values.json === true;
  try {
    let dictionary: Dictionary | undefined;
    return await c.run({
      values,
      positionals,
      io,
      json,
      command: c,
      explicit,
      dictionary: () => (dictionary ??= checkedLanguage(c, io, values, dictionaryOption(values))),
    });
  } catch (e) {
    if (e instanceof UsageError) return usage(c, io, json, e.message);
    if (e instanceof CommandError) return fail(io, json, e.error, e.exit);
    throw e;
  }
}

/** Prints a usage error (the message and the command's usage line, or JSON) and returns 2. */
export function usage(c: Command, io: CliIo, json: boolean, message: string): number {
  const error = engineError(Code.USAGE, { cause: message });
  if (json) io.out(JSON.stringify({ ok: false, error }) + '\n');
  else
    io.err(
      `wordgame ${c.name}: ${message}\nusage: wordgame ${c.name}${c.args === '' ? '' : ` ${c.args}`} [options]   (wordgame ${c.name} --help)\n`,
    );
  return EXIT.USAGE;
}

/** One-line text of an error value, for people. */
export function describeError(e: EngineError): string {
  const param = e.param === undefined ? '' : ` [${String(e.param)}]`;
  const cause = e.cause === undefined ? '' : `: ${e.cause}`;
  return `error ${e.code} ${e.name}${param}${cause}`;
}

/** Prints an error (text on stderr, or `{ ok: false, error }` on stdout) and returns `exit`. */
export function fail(io: CliIo, json: boolean, error: EngineError, exit: number): number {
  if (json) io.out(JSON.stringify({ ok: false, error }) + '\n');
  else io.err(describeError(error) + '\n');
  return exit;
}

/** Prints a JSON document. */
export function emit(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value) + '\n');
}

/** A whole number option, or a usage error naming it. */
export function intOption(
  values: Context['values'],
  name: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
  return n;
}

/** A file's text (UTF-8, no NUL bytes), or a file error (exit 2) naming the file. `-` reads standard input. */
export async function readText(io: CliIo, file: string, what = 'file'): Promise<string> {
  if (file === '-') return io.stdin();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CommandError(fileError(file, (e as Error).message), EXIT.USAGE);
  }
  if (bytes.includes(0)) throw new CommandError(fileError(file, `the ${what} is binary, not text`), EXIT.USAGE);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CommandError(fileError(file, `the ${what} is not UTF-8 text`), EXIT.USAGE);
  }
}

/** A file's bytes, or a file error (exit 2) naming the file. */
export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CommandError(fileError(file, (e as Error).message), EXIT.USAGE);
  }
}

/** The error value of a file that cannot be read. */
export function fileError(file: string, cause: string): EngineError {
  return engineError(Code.FILE_UNREADABLE, { param: file, cause: `${file}: ${cause}` });
}

/** The dictionary of `--dict FILE`, or the embedded default; errors name the file (exit 2). */
export function dictionaryOption(values: Context['values']): Dictionary {
  const file = values.dict;
  const r = typeof file === 'string' ? readDictionaryFile(file) : loadDefaultDictionary();
  if (!r.ok) throw new CommandError(r.error, EXIT.USAGE);
  return r.value;
}

/**
 * The lexicon-language check of a command with `--config`: a warning on stderr (the output, JSON
 * included, is unchanged) when the dictionary's language is not the game's, as when the embedded
 * English dictionary judges a French game.
 */
function checkedLanguage(c: Command, io: CliIo, values: Context['values'], dictionary: Dictionary): Dictionary {
  if (typeof values.config !== 'string') return dictionary;
  const config = presetConfig(values.config);
  const mismatch = config.ok ? languageMismatch(config.value, dictionary) : undefined;
  if (mismatch !== undefined)
    io.err(
      `wordgame ${c.name}: warning: ${mismatch}: words are checked against a dictionary of another language (--dict FILE names one of the game's)\n`,
    );
  return dictionary;
}

/** The configuration of `--config NAME` (a usage error for an unknown name). */
export function configOption(values: Context['values']): GameConfig {
  const c = presetConfig(String(values.config ?? 'en'));
  if (!c.ok) throw new UsageError(`--config takes ${CONFIG_NAMES}, not ${JSON.stringify(values.config)}`);
  return c.value;
}

/** The names `--config` takes. */
export const CONFIG_NAMES = 'en, fr, es, de, pl, wwf, super';

/** The `--config` option. */
export const CONFIG_OPTION: OptionSpec = {
  type: 'string',
  default: 'en',
  describe: `board, tiles and alphabet: ${CONFIG_NAMES}`,
};

/** The `--dict` option, shared by every command that reads a dictionary. */
export const DICT_OPTION: OptionSpec = {
  type: 'string',
  describe: 'dictionary file (default: the embedded English dictionary)',
};

/** The `--limit` option of commands whose output can be large. */
export function limitOption(defaultLimit: number): OptionSpec {
  return {
    type: 'string',
    default: String(defaultLimit),
    describe: 'print at most this many results (a notice on stderr, and truncated: true in JSON, when cut)',
  };
}

/** Says on stderr that a limit cut the output (in text mode; JSON carries `truncated`). */
export function noteTruncated(ctx: Context, shown: number): void {
  if (!ctx.json) ctx.io.err(`wordgame ${ctx.command.name}: output cut at ${shown} results (--limit)\n`);
}

/** Starts the progress line of a command: `total` steps of `unit` (quiet in JSON mode or off a terminal). */
export function progress(ctx: Context, label: string, unit: string, total: number): Progress {
  return startProgress(ctx.io, ctx.json, { label, unit, total });
}
