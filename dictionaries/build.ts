/**
 * Builds the embedded default dictionary `dictionaries/en.dawg` and its manifest from the npm
 * package `an-array-of-english-words` (a devDependency). Run with `npm run dict:build`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALPHABETS } from '../src/alphabet/presets.js';
import { Dictionary } from '../src/dictionary/dictionary.js';
import { saveDictionary } from '../src/dictionary/file.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SOURCE = 'an-array-of-english-words';
const pkg = JSON.parse(readFileSync(require.resolve(`${SOURCE}/package.json`), 'utf8')) as {
  version: string;
  license: string;
};
const words = require(SOURCE) as string[];
const input = words.join('\n');

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
    package: SOURCE,
    version: pkg.version,
    license: pkg.license,
    sha256OfInput: createHash('sha256').update(input).digest('hex'),
    inputJoinedBy: '\\n',
  },
  note: 'A broad English word list (it includes most of the Collins list and many non-game words), not a tournament lexicon.',
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
