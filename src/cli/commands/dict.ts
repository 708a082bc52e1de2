import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { builtinAlphabet } from '../../alphabet/presets.js';
import { Dictionary } from '../../dictionary/dictionary.js';
import { inspectDictionary } from '../../dictionary/file.js';
import { writeDictionaryFile } from '../../node/files.js';
import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const DICT_USAGE = `wordgame dict build LIST -o FILE [--alphabet en|fr|es|de|pl] [--min N] [--max N] [--gaddag] [--json]
wordgame dict info FILE [--json]
wordgame dict check [WORD...] [--stdin] [--dict FILE]
wordgame dict anagram RACK [--sub] [--dict FILE]
wordgame dict pattern PATTERN [--dict FILE]`;

/** `wordgame dict ...` */
export async function dictCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'build':
      return build(rest, io);
    case 'info':
      return info(rest, io);
    case 'check':
      return check(rest, io);
    case 'anagram':
    case 'pattern':
      return query(sub, rest, io);
    default:
      io.err(`usage:\n${DICT_USAGE}\n`);
      return 2;
  }
}

function build(args: string[], io: CliIo): ExitCode {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      alphabet: { type: 'string', default: 'en' },
      min: { type: 'string' },
      max: { type: 'string' },
      gaddag: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const list = positionals[0];
  if (list === undefined || values.output === undefined) {
    io.err('usage: wordgame dict build LIST -o FILE [--alphabet en|fr|es|de|pl] [--min N] [--max N] [--gaddag] [--json]\n');
    return 2;
  }
  const alphabet = builtinAlphabet(values.alphabet);
  if (alphabet === undefined) {
    io.err(`unknown alphabet ${values.alphabet}\n`);
    return 2;
  }
  const min = values.min === undefined ? undefined : Number(values.min);
  const max = values.max === undefined ? undefined : Number(values.max);
  if ((min !== undefined && !Number.isInteger(min)) || (max !== undefined && !Number.isInteger(max))) {
    io.err('--min and --max take whole numbers\n');
    return 2;
  }
  const text = readFileSync(list, 'utf8');
  const r = Dictionary.build(text, alphabet, { gaddag: values.gaddag, ...(min === undefined ? {} : { minLength: min }), ...(max === undefined ? {} : { maxLength: max }) });
  if (!r.ok) {
    io.err(describeError(r.error) + '\n');
    return 1;
  }
  const { dictionary, report } = r.value;
  const bytes = writeDictionaryFile(values.output, dictionary);
  const summary = {
    words: dictionary.wordCount,
    states: report.dawg.states,
    arcs: report.dawg.arcs,
    bytes,
    ...(report.gaddag ? { gaddagStates: report.gaddag.states, gaddagArcs: report.gaddag.arcs } : {}),
    dropped: report.wordList.dropped,
  };
  if (values.json) io.out(JSON.stringify(summary) + '\n');
  else {
    io.out(`words  ${summary.words}\nstates ${summary.states}\narcs   ${summary.arcs}\nbytes  ${bytes}\n`);
    if (report.gaddag) io.out(`GADDAG: ${report.gaddag.states} states, ${report.gaddag.arcs} arcs (sharing the DAWG's nodes)\n`);
    const d = report.wordList.dropped;
    const dropped = Object.entries(d).filter(([, n]) => n > 0);
    if (dropped.length > 0) io.out(`dropped ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
    if (report.wordList.invalidExamples.length > 0) io.out(`e.g. ${report.wordList.invalidExamples.slice(0, 5).join(' ')}\n`);
  }
  return 0;
}

function info(args: string[], io: CliIo): ExitCode {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (file === undefined) {
    io.err('usage: wordgame dict info FILE [--json]\n');
    return 2;
  }
  const r = inspectDictionary(readFileSync(file));
  if (!r.ok) {
    io.err(describeError(r.error) + '\n');
    return 1;
  }
  const i = r.value;
  if (values.json) io.out(JSON.stringify({ version: i.version, words: i.words, arcs: i.arcs, bytes: i.bytes, gaddag: i.hasGaddag, alphabet: i.alphabet.name, glyphs: i.alphabet.glyphs }) + '\n');
  else io.out(`format  ${i.version}\nwords   ${i.words}\narcs    ${i.arcs}\nbytes   ${i.bytes}\ngaddag  ${i.hasGaddag ? 'yes' : 'no'}\nalphabet ${i.alphabet.name}: ${i.alphabet.glyphs.join(' ')}\n`);
  return 0;
}

async function check(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { stdin: { type: 'boolean', default: false }, dict: { type: 'string' } },
  });
  const d = dictionaryFromOption(values.dict);
  if (!d.ok) {
    io.err(describeError(d.error) + '\n');
    return 2;
  }
  const words = [...positionals];
  if (values.stdin) for (const line of (await io.stdin()).split(/\r?\n/)) if (line.trim() !== '') words.push(line.trim());
  let missing = 0;
  let out = '';
  for (const w of words) {
    if (!d.value.has(w)) {
      missing++;
      out += w + '\n';
      if (out.length > 1 << 16) {
        io.out(out);
        out = '';
      }
    }
  }
  io.out(out);
  return missing > 0 ? 1 : 0;
}

function query(kind: 'anagram' | 'pattern', args: string[], io: CliIo): ExitCode {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sub: { type: 'boolean', default: false }, dict: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const text = positionals[0];
  if (text === undefined) {
    io.err(`usage: wordgame dict ${kind} ${kind === 'anagram' ? 'RACK [--sub]' : 'PATTERN'} [--dict FILE]\n`);
    return 2;
  }
  const d = dictionaryFromOption(values.dict);
  if (!d.ok) {
    io.err(describeError(d.error) + '\n');
    return 2;
  }
  const r = kind === 'anagram' ? d.value.anagrams(text, { subAnagrams: values.sub }) : d.value.matchPattern(text);
  if (!r.ok) {
    io.err(describeError(r.error) + '\n');
    return 1;
  }
  io.out(values.json ? JSON.stringify(r.value.words) + '\n' : r.value.words.map((w) => w + '\n').join(''));
  return 0;
}
