/**
 * Builds the embedded default dictionary `dictionaries/en.dawg` and its manifest from the ENABLE
 * word list committed beside it (`dictionaries/source/enable1.txt`, public domain). Run with
 * `npm run dict:build`; the build refuses a source whose sha256 is not the published list's.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALPHABETS } from '../src/alphabet/presets.js';
import { Dictionary } from '../src/dictionary/dictionary.js';
import { saveDictionary } from '../src/dictionary/file.js';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE_FILE = 'source/enable1.txt';
/** The sha256 of ENABLE (enable1.txt, 172,823 lowercase words, one a line, `\n` endings). */
const ENABLE_SHA256 = '3f16130220645692ed49c7134e24a18504c2ca55b3c012f7290e3e77c63b1a89';

const input = readFileSync(join(here, SOURCE_FILE));
const sha256OfInput = createHash('sha256').update(input).digest('hex');
if (sha256OfInput !== ENABLE_SHA256) {
  console.error(`${SOURCE_FILE}: sha256 ${sha256OfInput} is not ENABLE's (${ENABLE_SHA256})`);
  process.exit(1);
}
const words = input.toString('utf8').split('\n');
if (words.at(-1) === '') words.pop();

const built = Dictionary.build(words, ALPHABETS.en, { gaddag: true });
if (!built.ok) {
  console.error(built.error);
  process.exit(1);
}
const { dictionary, report } = built.value;
const bytes = saveDictionary(dictionary);
writeFileSync(join(here, 'en.dawg'), bytes);
const manifest = {
  file: 'en.dawg',
  source: {
    name: 'ENABLE (Enhanced North American Benchmark Lexicon), enable1.txt',
    file: `dictionaries/${SOURCE_FILE}`,
    license: 'public domain',
    sha256OfInput,
    inputJoinedBy: '\\n',
  },
  note: 'The word list most free word games use; close to, but not, a current tournament lexicon (NWL, CSW).',
  alphabet: 'en',
  counts: {
    read: report.wordList.read,
    afterDroppingEmpty: report.wordList.read - report.wordList.dropped.empty,
    afterDroppingInvalidCharacters:
      report.wordList.read - report.wordList.dropped.empty - report.wordList.dropped.invalid,
    afterLengthFilter:
      report.wordList.read -
      report.wordList.dropped.empty -
      report.wordList.dropped.invalid -
      report.wordList.dropped.tooShort -
      report.wordList.dropped.tooLong,
    afterDeduplication: report.wordList.kept,
    dropped: report.wordList.dropped,
  },
  words: dictionary.wordCount,
  dawg: report.dawg,
  gaddag: report.gaddag,
  bytes: bytes.length,
  sha256OfFile: createHash('sha256').update(bytes).digest('hex'),
};
writeFileSync(join(here, 'en.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote dictionaries/en.dawg: ${dictionary.wordCount} words, ${bytes.length} bytes`);
