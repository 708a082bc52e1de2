import { Alphabet, type AlphabetSpec } from './alphabet.js';

const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const VOWELS = ['A', 'E', 'I', 'O', 'U', 'Y'];

/** English: A-Z. Accented letters fold to their base letter. Y counts as a vowel for draws. */
export const ENGLISH_SPEC: AlphabetSpec = {
  name: 'en',
  glyphs: LATIN,
  fold: {
    À: 'A',
    Á: 'A',
    Â: 'A',
    Ä: 'A',
    Ç: 'C',
    É: 'E',
    È: 'E',
    Ê: 'E',
    Ë: 'E',
    Í: 'I',
    Î: 'I',
    Ï: 'I',
    Ñ: 'N',
    Ó: 'O',
    Ô: 'O',
    Ö: 'O',
    Ú: 'U',
    Û: 'U',
    Ü: 'U',
  },
  vowels: VOWELS,
};

/** French: A-Z with every accent folded (no accented tiles); Œ and Æ become two letters. */
export const FRENCH_SPEC: AlphabetSpec = {
  name: 'fr',
  glyphs: LATIN,
  fold: {
    À: 'A',
    Â: 'A',
    Ä: 'A',
    Á: 'A',
    Ç: 'C',
    É: 'E',
    È: 'E',
    Ê: 'E',
    Ë: 'E',
    Î: 'I',
    Ï: 'I',
    Í: 'I',
    Ô: 'O',
    Ö: 'O',
    Ó: 'O',
    Ù: 'U',
    Û: 'U',
    Ü: 'U',
    Ú: 'U',
    Ÿ: 'Y',
    Ñ: 'N',
    Œ: 'OE',
    Æ: 'AE',
  },
  vowels: VOWELS,
};

/**
 * Spanish: CH, LL and RR are single glyphs (sorted after C, L and R), Ñ is its own letter; other
 * accents fold. Text is split longest match first, so "CHICO" is CH-I-C-O.
 */
export const SPANISH_SPEC: AlphabetSpec = {
  name: 'es',
  glyphs: [
    'A',
    'B',
    'C',
    'CH',
    'D',
    'E',
    'F',
    'G',
    'H',
    'I',
    'J',
    'K',
    'L',
    'LL',
    'M',
    'N',
    'Ñ',
    'O',
    'P',
    'Q',
    'R',
    'RR',
    'S',
    'T',
    'U',
    'V',
    'W',
    'X',
    'Y',
    'Z',
  ],
  fold: { Á: 'A', É: 'E', Í: 'I', Ó: 'O', Ú: 'U', Ü: 'U' },
  vowels: ['A', 'E', 'I', 'O', 'U'],
};

/** German: A-Z plus Ä, Ö, Ü; ß folds to SS (upper-casing does it). */
export const GERMAN_SPEC: AlphabetSpec = {
  name: 'de',
  glyphs: [...LATIN, 'Ä', 'Ö', 'Ü'],
  vowels: ['A', 'E', 'I', 'O', 'U', 'Ä', 'Ö', 'Ü', 'Y'],
};

/** Polish: the 32 letters of the Polish alphabet (no Q, V, X). */
export const POLISH_SPEC: AlphabetSpec = {
  name: 'pl',
  glyphs: [
    'A',
    'Ą',
    'B',
    'C',
    'Ć',
    'D',
    'E',
    'Ę',
    'F',
    'G',
    'H',
    'I',
    'J',
    'K',
    'L',
    'Ł',
    'M',
    'N',
    'Ń',
    'O',
    'Ó',
    'P',
    'R',
    'S',
    'Ś',
    'T',
    'U',
    'W',
    'Y',
    'Z',
    'Ź',
    'Ż',
  ],
  vowels: ['A', 'Ą', 'E', 'Ę', 'I', 'O', 'Ó', 'U', 'Y'],
};

function build(spec: AlphabetSpec): Alphabet {
  const r = Alphabet.create(spec);
  if (!r.ok) throw new Error(`built-in alphabet ${spec.name}: ${r.error.cause ?? r.error.message}`);
  return r.value;
}

/** The built-in alphabets, by name. */
export const ALPHABETS: Readonly<Record<'en' | 'fr' | 'es' | 'de' | 'pl', Alphabet>> = Object.freeze({
  en: build(ENGLISH_SPEC),
  fr: build(FRENCH_SPEC),
  es: build(SPANISH_SPEC),
  de: build(GERMAN_SPEC),
  pl: build(POLISH_SPEC),
});

/** A built-in alphabet by name, or undefined. */
export function builtinAlphabet(name: string): Alphabet | undefined {
  return Object.prototype.hasOwnProperty.call(ALPHABETS, name) ? ALPHABETS[name as keyof typeof ALPHABETS] : undefined;
}
