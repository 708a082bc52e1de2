import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Alphabet,
  type AlphabetSpec,
  ALPHABETS,
  Dictionary,
  inspectDictionary,
  loadDictionary,
  saveDictionary,
  Code,
} from 'wordgame-engine';
import { ARC_END_OF_WORD, ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT, checksum } from 'wordgame-engine/internals';
import { ABCD, FC, failure, mustBuild, smallWord, unwrap } from './helpers.js';

const enWords = ['cat', 'cats', 'car', 'cart', 'dog', 'dogs', 'do', 'a', 'zebra'];

describe('dictionary build and lookup', () => {
  it('agrees with a Set on random lists and random queries (near misses included)', () => {
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 60 }), fc.array(smallWord, { maxLength: 60 }), (list, queries) => {
        const dict = mustBuild(list, ABCD);
        const set = new Set(list.map((w) => w.toUpperCase()));
        for (const q of [...queries, ...list, ...list.map((w) => w + 'a'), ...list.map((w) => w.slice(1))]) {
          expect(dict.has(q)).toBe(set.has(q.toUpperCase()));
          expect(dict.hasPrefix(q)).toBe([...set].some((w) => w.startsWith(q.toUpperCase())));
        }
        expect(dict.wordCount).toBe(set.size);
      }),
      FC,
    );
  });

  it('enumerates the sorted, de-duplicated input', () => {
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 80 }), (list) => {
        const dict = mustBuild(list, ABCD);
        const expected = [...new Set(list.map((w) => w.toUpperCase()))].sort();
        expect([...dict.words()]).toEqual(expected);
      }),
      FC,
    );
  });

  it('is minimal: no two nodes share a right language, and state counts match a reference minimisation', () => {
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 80 }), (list) => {
        const r = Dictionary.build(list, ABCD);
        if (!r.ok) throw new Error();
        const { dictionary, report } = r.value;
        // Right language of every packed node, by brute force.
        const language = (node: number): string[] => {
          const out: string[] = [];
          if (node === 0) return out;
          for (let a = dictionary.firstArc(node); ; a++) {
            const g = ABCD.glyph(dictionary.arcGlyph(a));
            if (dictionary.arcIsWord(a)) out.push(g);
            for (const s of language(dictionary.arcTarget(a))) out.push(g + s);
            if (dictionary.arcIsLast(a)) return out;
          }
        };
        const nodes = new Set<number>();
        const collect = (node: number): void => {
          if (node === 0 || nodes.has(node)) return;
          nodes.add(node);
          for (let a = dictionary.firstArc(node); ; a++) {
            collect(dictionary.arcTarget(a));
            if (dictionary.arcIsLast(a)) return;
          }
        };
        collect(dictionary.root);
        const languages = [...nodes].map((n) => language(n).join(','));
        expect(new Set(languages).size).toBe(languages.length);
        // Reference: minimal DFA states = distinct right languages (with finality) over the trie's states.
        const words = [...new Set(list.map((w) => w.toUpperCase()))];
        const rightLanguages = new Set<string>();
        const prefixes = new Set<string>(['']);
        for (const w of words) for (let i = 1; i <= w.length; i++) prefixes.add(w.slice(0, i));
        for (const p of prefixes) {
          const suffixes = words
            .filter((w) => w.startsWith(p))
            .map((w) => w.slice(p.length))
            .sort();
          rightLanguages.add(suffixes.join(','));
        }
        expect(report.dawg.states).toBe(words.length === 0 ? 1 : rightLanguages.size);
      }),
      { ...FC, numRuns: 100 },
    );
  });

  it.skipIf(!existsSync('../shared/data/enable1.txt'))(
    'builds ENABLE to the published minimal size (54,166 states, 122,975 arcs)',
    () => {
      const r = Dictionary.build(readFileSync('../shared/data/enable1.txt', 'utf8'), ALPHABETS.en);
      if (!r.ok) throw new Error();
      expect(r.value.report.dawg.states).toBe(54166);
      expect(r.value.report.dawg.transitions).toBe(122975);
      expect(r.value.report.wordList.kept).toBe(172823);
    },
  );

  it('reports what it dropped and why', () => {
    const r = Dictionary.build(['cat', 'CAT', ' dog ', '', 'x-ray', 'a', 'supercalifragilistic'], ALPHABETS.en, {
      minLength: 2,
      maxLength: 10,
    });
    if (!r.ok) throw new Error();
    expect(r.value.report.wordList.dropped).toEqual({ empty: 1, invalid: 1, tooShort: 1, tooLong: 1, duplicate: 1 });
    expect(r.value.report.wordList.invalidExamples).toEqual(['x-ray']);
    expect([...r.value.dictionary.words()]).toEqual(['CAT', 'DOG']);
  });

  it('keeps every word when no length filter is given', () => {
    const dict = mustBuild(['a', 'i', 'antidisestablishmentarianism'], ALPHABETS.en);
    expect(dict.wordCount).toBe(3);
  });

  it('folds case and accents as the alphabet says', () => {
    const fr = mustBuild(['ÉTÉ', 'garçon', 'cœur'], ALPHABETS.fr);
    expect([...fr.words()]).toEqual(['COEUR', 'ETE', 'GARCON']);
    expect(fr.has('été')).toBe(true);
    expect(fr.has('ete')).toBe(true);
    expect(fr.has('Garçon')).toBe(true);
  });

  it('handles multi-character glyphs (Spanish CH, LL, RR) longest match first', () => {
    const es = mustBuild(['chico', 'llama', 'carro', 'cerro', 'cosa', 'dama', 'año'], ALPHABETS.es);
    expect(unwrap(ALPHABETS.es.encode('chico')).length).toBe(4);
    expect(unwrap(ALPHABETS.es.encode('carro')).length).toBe(4);
    expect(es.has('CHICO')).toBe(true);
    expect(es.has('llama')).toBe(true);
    expect(es.has('AÑO')).toBe(true);
    expect(es.has('ano')).toBe(false);
    // CH sorts after every C word, LL after every L word.
    expect([...es.words()]).toEqual(['AÑO', 'CARRO', 'CERRO', 'COSA', 'CHICO', 'DAMA', 'LLAMA']);
    const ch = ALPHABETS.es.code('CH');
    expect(es.child(es.root, ch)).toBeGreaterThan(0);
    expect(unwrap(es.anagrams('ocich')).words).toEqual(['CHICO']);
    expect(unwrap(es.matchPattern('?ico')).words).toEqual(['CHICO']); // CH is one glyph
    expect(unwrap(es.matchPattern('??ico')).words).toEqual([]);
  });

  it('exposes node traversal for other modules', () => {
    const dict = mustBuild(enWords, ALPHABETS.en);
    const c = ALPHABETS.en.code('C');
    const a = ALPHABETS.en.code('A');
    const t = ALPHABETS.en.code('T');
    const arcC = dict.arc(dict.root, c);
    expect(dict.arcIsWord(arcC)).toBe(false);
    const arcA = dict.arc(dict.arcTarget(arcC), a);
    const arcT = dict.arc(dict.arcTarget(arcA), t);
    expect(dict.arcIsWord(arcT)).toBe(true);
    expect(dict.arc(dict.root, ALPHABETS.en.code('Q'))).toBe(-1);
    const mask = dict.childMaskLo(dict.arcTarget(arcA));
    expect(mask).toBe((1 << ALPHABETS.en.code('R')) | (1 << t));
    expect(dict.childMaskHi(dict.root)).toBe(0);
    expect(dict.hasCodes([c, a, t])).toBe(true);
    expect(dict.hasCodes([9, c, a, t, 9], 1, 4)).toBe(true);
  });

  it('finds anagrams and sub-anagrams with blanks, as brute force does', () => {
    const rack = fc.stringMatching(/^[abcd?]{0,6}$/);
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 60 }), rack, fc.boolean(), (list, r, sub) => {
        const dict = mustBuild(list, ABCD);
        const got = dict.anagrams(r, { subAnagrams: sub });
        if (!got.ok) throw new Error();
        const fits = (w: string): boolean => {
          const pool = r.toUpperCase().split('');
          for (const ch of w) {
            const i = pool.indexOf(ch);
            if (i >= 0) pool.splice(i, 1);
            else {
              const b = pool.indexOf('?');
              if (b < 0) return false;
              pool.splice(b, 1);
            }
          }
          return sub ? w.length >= 2 : pool.length === 0;
        };
        const expected = [...new Set(list.map((w) => w.toUpperCase()))].filter(fits).sort();
        expect(got.value.words).toEqual(r.length === 0 ? [] : expected);
        expect(got.value.truncated).toBe(false);
      }),
      FC,
    );
  });

  it('matches patterns with ? and *, as a regular expression does', () => {
    const pattern = fc.stringMatching(/^[abcd?*]{0,6}$/);
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 60 }), pattern, (list, p) => {
        const dict = mustBuild(list, ABCD);
        const got = dict.matchPattern(p);
        if (!got.ok) throw new Error();
        const re = new RegExp('^' + p.toUpperCase().replaceAll('?', '.').replaceAll('*', '.*') + '$');
        const expected =
          p.length === 0 ? [] : [...new Set(list.map((w) => w.toUpperCase()))].filter((w) => re.test(w)).sort();
        expect(got.value.words).toEqual(expected);
      }),
      FC,
    );
  });

  it('says when a limit cuts the list', () => {
    const dict = mustBuild(['AB', 'ABC', 'ABD', 'BA'], ABCD);
    expect(unwrap(dict.matchPattern('*', { limit: 2 }))).toEqual({ words: ['AB', 'ABC'], truncated: true });
    expect(unwrap(dict.matchPattern('*', { limit: 4 }))).toEqual({
      words: ['AB', 'ABC', 'ABD', 'BA'],
      truncated: false,
    });
    expect(unwrap(dict.anagrams('abcd', { subAnagrams: true, limit: 1 })).truncated).toBe(true);
  });

  it('returns error values for bad queries', () => {
    const dict = mustBuild(enWords, ALPHABETS.en);
    expect(dict.has('c@t')).toBe(false);
    expect(dict.has('')).toBe(false);
    expect(dict.has(42 as unknown as string)).toBe(false);
    const a = failure(dict.anagrams('c@t'));
    expect(a.code).toBe(Code.BAD_QUERY);
    expect(a.param).toBe('@');
    expect(failure(dict.matchPattern('?'.repeat(40))).code).toBe(Code.BAD_QUERY);
    expect(dict.matchPattern(null as unknown as string).ok).toBe(false);
  });
});

describe('dictionary file', () => {
  const dict = mustBuild(enWords, ALPHABETS.en, true);
  const bytes = saveDictionary(dict);

  it('round-trips through save and load, GADDAG included', () => {
    const r = loadDictionary(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.words()]).toEqual([...dict.words()]);
    expect(Array.from(r.value.arcs)).toEqual(Array.from(dict.arcs));
    expect(r.value.gaddag().ok).toBe(true);
    expect(unwrap(inspectDictionary(bytes)).words).toBe(enWords.length);
  });

  /** A copy of the file bytes with `edit` applied to the header view and the arcs, the checksum recomputed. */
  function crafted(edit: (view: DataView, arcs: Uint32Array) => void): Uint8Array {
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    const header = view.getUint32(12, true);
    edit(view, new Uint32Array(copy.buffer, header, (copy.length - header) / 4));
    view.setUint32(8, checksum(copy, 12, copy.length), true);
    return copy;
  }

  it('checks every header field against the graph (checksum recomputed)', () => {
    const corrupt = (edit: (view: DataView, arcs: Uint32Array) => void) => failure(loadDictionary(crafted(edit)));
    expect(corrupt((v) => v.setUint32(16, 0xffffffff, true)).cause).toContain('words');
    expect(corrupt((v) => v.setUint32(16, 1, true)).code).toBe(Code.DICT_CORRUPT);
    expect(corrupt((v) => v.setUint32(36, 7, true)).cause).toContain('GADDAG paths');
    expect(corrupt((v) => v.setUint32(24, 2, true)).cause).toContain('root');
    expect(corrupt((v) => v.setUint32(28, 0, true)).code).toBe(Code.DICT_CORRUPT);
    expect(corrupt((v) => v.setUint16(6, 7, true)).cause).toContain('flags');
  });

  it('rejects graphs a walk could loop in or read past: backward targets, targets into a list, unended lists', () => {
    const firstTarget = (arcs: Uint32Array) => arcs.findIndex((v, i) => i > 0 && v >>> ARC_TARGET_SHIFT !== 0);
    expect(
      failure(
        loadDictionary(
          crafted((_, a) => {
            const i = firstTarget(a);
            a[i] = ((a[i] as number) & 0xff) | (1 << ARC_TARGET_SHIFT);
          }),
        ),
      ).cause,
    ).toContain('bad target');
    expect(
      failure(
        loadDictionary(
          crafted((_, a) => {
            // Point an arc at the second arc of a list (not a node).
            const i = firstTarget(a);
            let t = (a[i] as number) >>> ARC_TARGET_SHIFT;
            while (((a[t] as number) & ARC_LAST) !== 0) t++;
            a[i] = ((a[i] as number) & 0xff) | ((t + 1) << ARC_TARGET_SHIFT);
          }),
        ),
      ).cause,
    ).toMatch(/not the start of a node|out of order|bad target/);
    expect(
      failure(loadDictionary(crafted((_, a) => void (a[a.length - 1] = (a[a.length - 1] as number) & ~ARC_LAST))))
        .cause,
    ).toContain('does not end');
    expect(
      failure(loadDictionary(crafted((_, a) => void (a[1] = ((a[1] as number) & ~ARC_GLYPH_MASK) | 40)))).cause,
    ).toContain('outside the alphabet');
  });

  it('rejects words longer than 64 glyphs (so recursive walks stay shallow)', () => {
    // A chain of 70 A arcs, each the last of its list: one word of 70 letters.
    const n = 70;
    const arcs = new Uint32Array(n + 1);
    for (let i = 1; i <= n; i++)
      arcs[i] = 1 | ARC_LAST | (i === n ? ARC_END_OF_WORD : 0) | ((i === n ? 0 : i + 1) << ARC_TARGET_SHIFT);
    expect(failure(Dictionary.fromArcs(arcs, 1, 0, ALPHABETS.en)).cause).toContain('longer than 64');
  });

  it('rejects dead ends (arcs that lead to no word), so that listing the words stays linear', () => {
    // The word A, then B into 30 lists of two arcs (A and B), each list's arcs both pointing at
    // the next and the last list's at nothing: 2^30 paths to no word in 63 arcs.
    const arcs = new Uint32Array(63);
    arcs[1] = 1 | ARC_END_OF_WORD;
    arcs[2] = 2 | ARC_LAST | (3 << ARC_TARGET_SHIFT);
    for (let j = 1; j <= 30; j++) {
      const next = j === 30 ? 0 : 2 * j + 3;
      arcs[2 * j + 1] = 1 | (next << ARC_TARGET_SHIFT);
      arcs[2 * j + 2] = 2 | ARC_LAST | (next << ARC_TARGET_SHIFT);
    }
    expect(failure(Dictionary.fromArcs(arcs, 1, 0, ALPHABETS.en)).cause).toContain('leads to no word');
    // The same shape with the last list's arcs ending words has no dead end: it loads (2^31 words,
    // each path a word, so listing them costs what they are).
    arcs[61] = (arcs[61] as number) | ARC_END_OF_WORD;
    arcs[62] = (arcs[62] as number) | ARC_END_OF_WORD;
    expect(Dictionary.fromArcs(arcs, 1, 0, ALPHABETS.en).ok).toBe(true);
  });

  it('answers -1 for glyph codes outside the alphabet', () => {
    expect(dict.arc(dict.root, 40)).toBe(-1);
    expect(dict.arc(dict.root, -1)).toBe(-1);
    expect(dict.arc(dict.root, 1.5)).toBe(-1);
    expect(dict.hasCodes([40, 41])).toBe(false);
  });

  it('round-trips random dictionaries', () => {
    fc.assert(
      fc.property(fc.array(smallWord, { maxLength: 40 }), (list) => {
        const d = mustBuild(list, ABCD);
        const r = loadDictionary(saveDictionary(d).buffer as ArrayBuffer);
        if (!r.ok) throw new Error(r.error.message);
        expect([...r.value.words()]).toEqual([...d.words()]);
      }),
      { ...FC, numRuns: 50 },
    );
  });

  it('loads without copying when aligned, and copies when not', () => {
    expect(unwrap(loadDictionary(bytes)).arcs.buffer).toBe(bytes.buffer);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect([...unwrap(loadDictionary(shifted.subarray(1))).words()]).toEqual([...dict.words()]);
  });

  it('gives an error value for every truncation', () => {
    for (let n = 0; n < bytes.length; n++) {
      const r = loadDictionary(bytes.slice(0, n));
      expect(r.ok).toBe(false);
      if (!r.ok) expect([Code.DICT_TRUNCATED, Code.DICT_BAD_MAGIC]).toContain(r.error.code);
    }
  });

  it('gives an error value for every single-byte corruption', () => {
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const copy = bytes.slice();
        copy[i] = (copy[i] as number) ^ flip;
        expect(loadDictionary(copy).ok).toBe(false);
      }
    }
  });

  it('names wrong magic, wrong version and checksum failures', () => {
    const magic = bytes.slice();
    magic[0] = 0;
    expect(failure(loadDictionary(magic)).code).toBe(Code.DICT_BAD_MAGIC);
    const version = bytes.slice();
    version[4] = 1;
    const v = failure(loadDictionary(version));
    expect(v.code).toBe(Code.DICT_UNSUPPORTED_VERSION);
    expect(v.param).toBe(1);
    expect(v.cause).toContain('rebuild');
    const body = bytes.slice();
    body[body.length - 3] = (body[body.length - 3] as number) ^ 0x10;
    expect(failure(loadDictionary(body)).code).toBe(Code.DICT_CHECKSUM_MISMATCH);
    expect(loadDictionary('nope' as unknown as Uint8Array).ok).toBe(false);
  });
});

describe('the embedded default dictionary', () => {
  const manifest = JSON.parse(readFileSync('dictionaries/en.manifest.json', 'utf8')) as {
    words: number;
    sha256OfFile: string;
    bytes: number;
    source: { file: string; sha256OfInput: string };
    dawg: { states: number; transitions: number };
  };
  const file = readFileSync('dictionaries/en.dawg');

  it('matches its manifest', () => {
    expect(createHash('sha256').update(file).digest('hex')).toBe(manifest.sha256OfFile);
    expect(file.length).toBe(manifest.bytes);
    const r = loadDictionary(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.wordCount).toBe(manifest.words);
    expect(r.value.gaddag().ok).toBe(true);
  });

  it('holds exactly the words of its source, ENABLE (and every DAWG state is needed)', () => {
    const source = readFileSync(manifest.source.file);
    expect(createHash('sha256').update(source).digest('hex')).toBe(manifest.source.sha256OfInput);
    const words = source
      .toString('utf8')
      .split('\n')
      .filter((w) => w !== '');
    const r = loadDictionary(file);
    if (!r.ok) throw new Error();
    expect(r.value.wordCount).toBe(words.length);
    for (const w of words) if (!r.value.has(w)) throw new Error(`missing ${w}`);
    expect([...r.value.words()]).toEqual(words.map((w) => w.toUpperCase()));
    // ENABLE's published minimal DAWG: 54,166 states and 122,975 arcs.
    expect(manifest.dawg).toMatchObject({ states: 54_166, transitions: 122_975 });
    expect(r.value.has('qzxj')).toBe(false);
  });
});

describe('alphabet specs are checked field by field', () => {
  const base = { name: 'ab', glyphs: ['A', 'B', 'C'] };
  const reject = (spec: unknown, cause: RegExp) => {
    const r = Alphabet.create(spec as AlphabetSpec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(Code.BAD_ALPHABET);
      expect(r.error.cause).toMatch(cause);
    }
  };

  it('rejects each kind of bad field with an error value, never a throw', () => {
    reject({ ...base, vowels: 5 }, /vowels: expected an array/);
    reject({ ...base, vowels: ['Z'] }, /vowels: "Z" is not a glyph/);
    reject({ ...base, vowels: ['A', 'A'] }, /listed twice/);
    reject({ ...base, fold: { A: 'B', B: 'A' } }, /is in a glyph/);
    reject({ ...base, fold: { a: 'B' } }, /is in a glyph/);
    reject({ ...base, fold: { X: 'A'.repeat(1 << 20) } }, /fold\.X: expected a string of 1 to 8/);
    reject({ ...base, fold: { X: 'AZ' } }, /not a run of glyphs/);
    reject({ ...base, fold: { XY: 'A' } }, /one character/);
    reject(
      {
        ...base,
        fold: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [String.fromCharCode(0x100 + i), 'A'])),
      },
      /at most 256 keys/,
    );
    reject({ ...base, glyphs: ['A', 'A'] }, /listed twice/);
    reject({ ...base, glyphs: ['a'] }, /upper case/);
    reject({ ...base, glyphs: ['?'] }, /reserved/);
    reject({ ...base, glyphs: [] }, /1 to 63 items/);
    reject(
      { ...base, glyphs: Array.from({ length: 64 }, (_, i) => String.fromCharCode(0x100 + i).toUpperCase()) },
      /1 to 63 items/,
    );
    reject({ ...base, name: '' }, /name/);
    reject({ ...base, name: 'a b' }, /name/);
    reject({ ...base, colour: 'red' }, /unknown key "colour"/);
    reject(null, /expected an object/);
    const boo = () => {
      throw new Error('boo');
    };
    reject(new Proxy({}, { ownKeys: boo, getOwnPropertyDescriptor: boo, get: boo, has: boo }), /could not be read/);
  });

  it('accepts every built-in alphabet, and keeps a frozen copy of the spec', () => {
    for (const a of Object.values(ALPHABETS)) expect(Alphabet.create(a.spec).ok).toBe(true);
    const spec = { name: 'ab', glyphs: ['A', 'B'], fold: { Á: 'A' }, vowels: ['A'] };
    const a = unwrap(Alphabet.create(spec));
    spec.glyphs.push('C');
    spec.fold.Á = 'B';
    expect(a.size).toBe(2);
    expect(a.normalize('Á')).toBe('A');
    expect(Object.isFrozen(a.spec)).toBe(true);
  });

  it('node queries answer -1 for glyph codes outside the alphabet', () => {
    const d = mustBuild(['cat', 'dog'], ALPHABETS.en);
    for (const g of [0, 27, 40, 63, 64, -1, 1.5, NaN]) expect(d.arc(d.root, g)).toBe(-1);
    expect(d.arc(d.root, ALPHABETS.en.code('C'))).toBeGreaterThan(0);
  });
});
