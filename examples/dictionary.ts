// Build a dictionary from a word list, query it, and save it as bytes that load anywhere.
import { ALPHABETS, Dictionary, saveDictionary, loadDictionary } from 'wordgame-engine';

// A list (one string, lines, or any iterable): trimmed, folded, de-duplicated, sorted, minimised.
const built = Dictionary.build(['cat', 'cats', 'act', 'acts', 'scat', 'tact', 'tacts', 'bad word!'], ALPHABETS.en, {
  gaddag: true,
});
if (!built.ok) throw new Error(built.error.message);
const { dictionary, report } = built.value;
console.log(report.wordList.kept, report.wordList.dropped.invalid); // → 7 1

console.log(dictionary.has('tacts'), dictionary.has('tac'), dictionary.hasPrefix('tac')); // → true false true
const anagrams = dictionary.anagrams('STAC', { subAnagrams: true }); // ? is a blank
if (anagrams.ok) console.log(anagrams.value.words.join(' ')); // → ACT ACTS CAT CATS SCAT
const pattern = dictionary.matchPattern('?A*'); // ? one glyph, * any run
if (pattern.ok) console.log(pattern.value.words.join(' ')); // → CAT CATS TACT TACTS

// The file format: a checked header, the alphabet, the packed graph. Loads in Node or a browser.
const bytes = saveDictionary(dictionary);
const loaded = loadDictionary(bytes);
console.log(loaded.ok && loaded.value.wordCount); // → 7
bytes[bytes.length - 1]! ^= 1; // a corrupted byte is an error value, never a throw
const corrupted = loadDictionary(bytes);
if (!corrupted.ok) console.log(corrupted.error.code, corrupted.error.name); // → 90103 DICT_CHECKSUM_MISMATCH
