import type { Alphabet } from '../../alphabet/alphabet.js';
import { builtinAlphabet } from '../../alphabet/presets.js';
import { Dictionary, type DictionaryRegions } from '../../dictionary/dictionary.js';
import { inspectDictionary, loadDictionary } from '../../dictionary/file.js';
import { readKwg } from '../../dictionary/kwg.js';
import { writeDictionaryFile } from '../../node/files.js';
import {
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  emit,
  fileError,
  intOption,
  limitOption,
  noteTruncated,
  progress,
  readBytes,
  readText,
  type Command,
  type Context,
} from '../framework.js';

const ALPHABET_NAMES = 'en, fr, es, de, pl';

/** The sizes of a dictionary's regions, as every dict command prints them. */
function regionLines(r: DictionaryRegions, words: number, bytes: number): string {
  const lines = [`words         ${words}`, `DAWG          ${r.dawg.nodes} nodes, ${r.dawg.arcs} arcs`];
  if (r.gaddag !== undefined)
    lines.push(`GADDAG        ${r.gaddag.nodes} nodes, ${r.gaddag.arcs} arcs (sharing the DAWG's suffix nodes)`);
  lines.push(`graph         ${r.arcs} arcs in all (shared nodes once)`, `file          ${bytes} bytes`);
  return lines.join('\n') + '\n';
}

/** The one input file, the `-o` output and the `--alphabet` of a command that writes a dictionary. */
function inputOutputAlphabet(ctx: Context, what: string): { input: string; output: string; alphabet: Alphabet } {
  const input = ctx.positionals[0];
  if (input === undefined || ctx.positionals.length > 1) throw new UsageError(`give one ${what}`);
  if (typeof ctx.values.output !== 'string') throw new UsageError('give the output file with -o FILE');
  const alphabet = builtinAlphabet(String(ctx.values.alphabet));
  if (alphabet === undefined)
    throw new UsageError(`--alphabet takes ${ALPHABET_NAMES}, not ${JSON.stringify(ctx.values.alphabet)}`);
  return { input, output: ctx.values.output, alphabet };
}

/** `wordgame dict build`. */
export const dictBuild: Command = {
  name: 'dict build',
  summary: 'Builds a dictionary file from a word list (one word a line; case and accents folded by the alphabet).',
  args: 'LIST -o FILE',
  options: {
    output: { type: 'string', short: 'o', describe: 'the dictionary file to write (required)' },
    alphabet: { type: 'string', default: 'en', describe: `alphabet of the words: ${ALPHABET_NAMES}` },
    min: { type: 'string', describe: 'drop words shorter than this' },
    max: { type: 'string', describe: 'drop words longer than this (at most 64)' },
    gaddag: { type: 'boolean', default: false, describe: 'also build the GADDAG that move generation needs' },
    timings: { type: 'boolean', default: false, describe: 'also print the build time' },
  },
  examples: [
    'wordgame dict build words.txt -o words.dawg --gaddag',
    'wordgame dict build mots.txt -o fr.dawg --alphabet fr --max 15 --json',
  ],
  async run(ctx) {
    const { values } = ctx;
    const { input: list, output, alphabet } = inputOutputAlphabet(ctx, 'word list');
    const min = intOption(values, 'min', 1, 64);
    const max = intOption(values, 'max', 1, 64);
    const text = await readText(ctx.io, list, 'word list');
    const t0 = performance.now();
    const bar = progress(ctx, 'building', '%', 100);
    const r = Dictionary.build(text, alphabet, {
      gaddag: values.gaddag === true,
      ...(min === undefined ? {} : { minLength: min }),
      ...(max === undefined ? {} : { maxLength: max }),
      onProgress: (done, total) => bar.update(Math.floor((100 * done) / total)),
    });
    bar.stop();
    if (!r.ok) throw new CommandError(r.error, EXIT.FAILED);
    const { dictionary, report } = r.value;
    let bytes: number;
    try {
      bytes = writeDictionaryFile(output, dictionary);
    } catch (e) {
      throw new CommandError(fileError(output, (e as Error).message), EXIT.USAGE);
    }
    const ms = Math.round(performance.now() - t0);
    const regions = dictionary.regions();
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        file: output,
        words: dictionary.wordCount,
        dawg: report.dawg,
        gaddag: report.gaddag ?? null,
        arcs: regions.arcs,
        bytes,
        dropped: report.wordList.dropped,
        ...(values.timings === true ? { ms } : {}),
      });
      return EXIT.OK;
    }
    ctx.io.out(regionLines(regions, dictionary.wordCount, bytes));
    ctx.io.out(
      `minimal DAWG  ${report.dawg.states} states, ${report.dawg.transitions} transitions (the classic count, final states apart)\n`,
    );
    const dropped = Object.entries(report.wordList.dropped).filter(([, n]) => n > 0);
    if (dropped.length > 0) ctx.io.out(`dropped       ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
    if (report.wordList.invalidExamples.length > 0)
      ctx.io.out(`  e.g.        ${report.wordList.invalidExamples.slice(0, 5).join(' ')}\n`);
    if (values.timings === true) ctx.io.out(`built in ${ms} ms\n`);
    return EXIT.OK;
  },
};

/** `wordgame dict import`. */
export const dictImport: Command = {
  name: 'dict import',
  summary: 'Imports a KWG lexicon (the word graphs of wolges, MAGPIE and macondo) as a dictionary file with a GADDAG.',
  args: 'FILE.kwg -o FILE',
  options: {
    output: { type: 'string', short: 'o', describe: 'the dictionary file to write (required)' },
    alphabet: {
      type: 'string',
      default: 'en',
      describe: `alphabet of the lexicon (tile k is the alphabet's k-th glyph): ${ALPHABET_NAMES}`,
    },
  },
  examples: [
    'wordgame dict import lexicon.kwg -o lexicon.dawg',
    'wordgame dict import lexicon.kwg -o lexicon.dawg --json',
  ],
  async run(ctx) {
    const { input: file, output, alphabet } = inputOutputAlphabet(ctx, 'KWG file');
    const r = readKwg(readBytes(file), alphabet);
    if (!r.ok)
      throw new CommandError({ ...r.error, cause: `${file}: ${r.error.cause ?? r.error.message}` }, EXIT.USAGE);
    let bytes: number;
    try {
      bytes = writeDictionaryFile(output, r.value.dictionary);
    } catch (e) {
      throw new CommandError(fileError(output, (e as Error).message), EXIT.USAGE);
    }
    const regions = r.value.dictionary.regions();
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        file: output,
        words: r.value.info.words,
        kwg: r.value.info,
        dawg: regions.dawg,
        gaddag: regions.gaddag ?? null,
        arcs: regions.arcs,
        bytes,
      });
      return EXIT.OK;
    }
    ctx.io.out(
      `kwg           ${r.value.info.nodes} nodes${r.value.info.gaddag ? ', DAWG and GADDAG' : ', DAWG only'}\n`,
    );
    ctx.io.out(regionLines(regions, r.value.dictionary.wordCount, bytes));
    return EXIT.OK;
  },
};

/** `wordgame dict info`. */
export const dictInfo: Command = {
  name: 'dict info',
  summary:
    'Loads a dictionary file (checking all of it) and prints its contents: words, alphabet, DAWG and GADDAG sizes.',
  args: 'FILE',
  options: {},
  examples: ['wordgame dict info dictionaries/en.dawg', 'wordgame dict info words.dawg --json'],
  run(ctx) {
    const file = ctx.positionals[0];
    if (file === undefined || ctx.positionals.length > 1) throw new UsageError('give one dictionary file');
    const bytes = readBytes(file);
    const info = inspectDictionary(bytes);
    const loaded = info.ok ? loadDictionary(bytes) : info;
    if (!loaded.ok)
      throw new CommandError(
        { ...loaded.error, cause: `${file}: ${loaded.error.cause ?? loaded.error.message}` },
        EXIT.USAGE,
      );
    if (!info.ok) throw new Error('unreachable: the file loaded');
    const d = loaded.value;
    const regions = d.regions();
    const a = info.value.alphabet;
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        file,
        version: info.value.version,
        words: d.wordCount,
        dawg: regions.dawg,
        gaddag: regions.gaddag ?? null,
        gaddagPaths: d.gaddagPaths,
        arcs: regions.arcs,
        bytes: bytes.length,
        longestWord: d.longestWord,
        alphabet: { name: a.name, glyphs: a.glyphs },
      });
      return EXIT.OK;
    }
    ctx.io.out(
      `format        ${info.value.version}\n${regionLines(regions, d.wordCount, bytes.length)}longest word  ${d.longestWord} glyphs\nalphabet      ${a.name}: ${a.glyphs.join(' ')}\n`,
    );
    return EXIT.OK;
  },
};

/** `wordgame dict check`. */
export const dictCheck: Command = {
  name: 'dict check',
  summary: 'Checks words against a dictionary and prints those that are missing (exit 1 when any is).',
  args: 'WORD... | --stdin',
  options: {
    stdin: { type: 'boolean', default: false, describe: 'also read words from standard input, one a line' },
    dict: DICT_OPTION,
  },
  examples: [
    'wordgame dict check quixotic qwertz',
    'wordgame dict check quixotic quiz --json',
    'wordgame dict check --stdin < words.txt --dict words.dawg',
  ],
  async run(ctx) {
    const words = [...ctx.positionals];
    if (ctx.values.stdin === true)
      for (const line of (await ctx.io.stdin()).split(/\r?\n/)) if (line.trim() !== '') words.push(line.trim());
    if (words.length === 0) throw new UsageError('give words to check (or --stdin)');
    const d = dictionaryOf(ctx);
    const missing = words.filter((w) => !d.has(w));
    if (ctx.json) emit(ctx.io, { ok: missing.length === 0, checked: words.length, missing });
    else writeLines(ctx, missing);
    return missing.length === 0 ? EXIT.OK : EXIT.FAILED;
  },
};

function dictionaryOf(ctx: Context): Dictionary {
  return ctx.dictionary();
}

function writeLines(ctx: Context, lines: readonly string[]): void {
  let chunk = '';
  for (const l of lines) {
    chunk += l + '\n';
    if (chunk.length > 1 << 16) {
      ctx.io.out(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') ctx.io.out(chunk);
}

function query(kind: 'anagram' | 'pattern'): Command {
  return {
    name: `dict ${kind}`,
    summary:
      kind === 'anagram'
        ? 'Lists the words that use every tile of a rack (`?` a blank), or some of them with --sub.'
        : 'Lists the words matching a pattern: `?` any one glyph, `*` any run, `[AEI]` one of a set.',
    args: kind === 'anagram' ? 'RACK' : 'PATTERN',
    options: {
      ...(kind === 'anagram'
        ? { sub: { type: 'boolean', default: false, describe: 'also words that use only some of the tiles' } }
        : {}),
      limit: limitOption(100_000),
      dict: DICT_OPTION,
    },
    examples:
      kind === 'anagram'
        ? [
            'wordgame dict anagram retains',
            'wordgame dict anagram "qu?ck" --json',
            'wordgame dict anagram aeinrst --sub --limit 20',
          ]
        : ['wordgame dict pattern "qu?ck"', 'wordgame dict pattern "*xyz*" --json'],
    run(ctx) {
      const text = ctx.positionals[0];
      if (text === undefined || ctx.positionals.length > 1)
        throw new UsageError(`give one ${kind === 'anagram' ? 'rack' : 'pattern'}`);
      const limit = intOption(ctx.values, 'limit', 1, 10_000_000) as number;
      const d = dictionaryOf(ctx);
      // A person asked for this listing: no step budget, only the --limit.
      const r =
        kind === 'anagram'
          ? d.anagrams(text, { subAnagrams: ctx.values.sub === true, limit, maxSteps: Infinity })
          : d.matchPattern(text, { limit, maxSteps: Infinity });
      if (!r.ok) throw new CommandError(r.error, EXIT.FAILED);
      if (ctx.json) emit(ctx.io, { ok: true, words: r.value.words, truncated: r.value.truncated });
      else writeLines(ctx, r.value.words);
      if (r.value.truncated) noteTruncated(ctx, r.value.words.length);
      return EXIT.OK;
    },
  };
}

/** `wordgame dict anagram`. */
export const dictAnagram: Command = query('anagram');
/** `wordgame dict pattern`. */
export const dictPattern: Command = query('pattern');
