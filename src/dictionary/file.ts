import { Alphabet, type AlphabetSpec } from '../alphabet/alphabet.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { Dictionary } from './dictionary.js';

/**
 * The binary dictionary file, version 2. Little-endian throughout.
 *
 * ```
 * offset  size  field
 *  0      4     magic "WGDG"
 *  4      2     format version (2)
 *  6      2     flags: bit 0 DAWG, bit 1 GADDAG (no other bit may be set)
 *  8      4     checksum of every byte from offset 12 to the end (see {@link checksum})
 * 12      4     header length H (a multiple of 4): the arcs start at H
 * 16      4     word count
 * 20      4     count n of packed 32-bit words (the sentinel word 0 included)
 * 24      4     DAWG root node
 * 28      4     GADDAG root node (0: none)
 * 32      4     alphabet length L in bytes
 * 36      4     GADDAG path count (the words' total length; 0 without a GADDAG)
 * 40      L     the alphabet spec as UTF-8 JSON, then zero padding up to H
 *  H      4·n   the packed arcs (see format.ts)
 * ```
 *
 * Every header field is checked against the graph when the file is loaded.
 */
export const FILE_MAGIC = 0x47444757; // "WGDG" read as a little-endian uint32
/** The format version this engine writes and reads. */
export const FILE_VERSION = 2;
const FLAG_DAWG = 1;
const FLAG_GADDAG = 2;
const FIXED_HEADER = 40;
/** The longest alphabet spec a file may hold, in bytes. */
const MAX_ALPHABET_BYTES = 64 * 1024;

/** Serialises a dictionary to the binary file format. */
export function saveDictionary(dictionary: Dictionary): Uint8Array {
  const alphabet = new TextEncoder().encode(JSON.stringify(dictionary.alphabet.spec));
  const headerLength = align4(FIXED_HEADER + alphabet.length);
  const bytes = new Uint8Array(headerLength + dictionary.arcs.length * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, FILE_MAGIC, true);
  view.setUint16(4, FILE_VERSION, true);
  view.setUint16(6, FLAG_DAWG | (dictionary.gaddagRoot !== 0 ? FLAG_GADDAG : 0), true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, dictionary.wordCount, true);
  view.setUint32(20, dictionary.arcs.length, true);
  view.setUint32(24, dictionary.root, true);
  view.setUint32(28, dictionary.gaddagRoot, true);
  view.setUint32(32, alphabet.length, true);
  view.setUint32(36, dictionary.gaddagPaths, true);
  bytes.set(alphabet, FIXED_HEADER);
  const arcs = dictionary.arcs;
  if (LITTLE_ENDIAN) bytes.set(new Uint8Array(arcs.buffer, arcs.byteOffset, arcs.byteLength), headerLength);
  else for (let i = 0; i < arcs.length; i++) view.setUint32(headerLength + i * 4, arcs[i] as number, true);
  view.setUint32(8, checksum(bytes, 12, bytes.length), true);
  return bytes;
}

/** What a file says about itself (header only: the graph is not checked). */
export interface DictionaryFileInfo {
  readonly version: number;
  readonly hasGaddag: boolean;
  readonly words: number;
  /** Packed 32-bit words of the graph (the sentinel included). */
  readonly arcs: number;
  readonly gaddagPaths: number;
  readonly bytes: number;
  readonly alphabet: AlphabetSpec;
}

/**
 * Loads a dictionary from its binary file, in Node or a browser. The arcs are a view on the given
 * bytes (no copy) when they are 4-byte aligned on a little-endian machine, else a copy. Truncated,
 * corrupted, wrong-version or wrong-magic bytes give an error value (codes 90100-90104), and so
 * does a header that disagrees with the graph it describes.
 */
export function loadDictionary(input: ArrayBuffer | Uint8Array): Result<Dictionary, EngineError> {
  const parsed = parseHeader(input);
  if (!parsed.ok) return parsed;
  const h = parsed.value;
  let arcs: Uint32Array;
  if ((h.bytes.byteOffset + h.headerLength) % 4 === 0 && LITTLE_ENDIAN) {
    arcs = new Uint32Array(h.bytes.buffer, h.bytes.byteOffset + h.headerLength, h.arcCount);
  } else {
    arcs = new Uint32Array(h.arcCount);
    for (let i = 0; i < h.arcCount; i++) arcs[i] = h.view.getUint32(h.headerLength + i * 4, true);
  }
  const dictionary = Dictionary.fromArcs(arcs, h.root, h.gaddagRoot, h.alphabet);
  if (!dictionary.ok) return dictionary;
  const d = dictionary.value;
  const corrupt = (cause: string) => err(engineError(Code.DICT_CORRUPT, { cause }));
  if (d.wordCount !== h.words) return corrupt(`the header says ${h.words} words; the graph holds ${d.wordCount}`);
  if (d.gaddagPaths !== h.gaddagPaths)
    return corrupt(`the header says ${h.gaddagPaths} GADDAG paths; the graph holds ${d.gaddagPaths}`);
  return ok(d);
}

/** Reads and checks a file's header (magic, version, length, checksum, fields, alphabet) without loading the graph. */
export function inspectDictionary(input: ArrayBuffer | Uint8Array): Result<DictionaryFileInfo, EngineError> {
  const parsed = parseHeader(input);
  if (!parsed.ok) return parsed;
  const h = parsed.value;
  return ok({
    version: FILE_VERSION,
    hasGaddag: h.gaddagRoot !== 0,
    words: h.words,
    arcs: h.arcCount,
    gaddagPaths: h.gaddagPaths,
    bytes: h.bytes.length,
    alphabet: h.alphabet.spec,
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type FileCode =
  | typeof Code.DICT_TRUNCATED
  | typeof Code.DICT_BAD_MAGIC
  | typeof Code.DICT_UNSUPPORTED_VERSION
  | typeof Code.DICT_CHECKSUM_MISMATCH
  | typeof Code.DICT_CORRUPT;

function parseHeader(input: ArrayBuffer | Uint8Array) {
  const fail = (code: FileCode, cause: string, param?: number) =>
    err(engineError(code, param === undefined ? { cause } : { cause, param }));
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else return fail(Code.DICT_CORRUPT, 'expected an ArrayBuffer or a Uint8Array');
  if (bytes.length < 4) return fail(Code.DICT_TRUNCATED, `${bytes.length} bytes is shorter than the magic number`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== FILE_MAGIC) return fail(Code.DICT_BAD_MAGIC, 'the bytes do not start with "WGDG"');
  if (bytes.length < 6) return fail(Code.DICT_TRUNCATED, `${bytes.length} bytes is shorter than the header`);
  const version = view.getUint16(4, true);
  if (version !== FILE_VERSION)
    return fail(
      Code.DICT_UNSUPPORTED_VERSION,
      `format version ${version}; this engine reads ${FILE_VERSION}${version < FILE_VERSION ? ' (rebuild the file with `wordgame dict build`)' : ''}`,
      version,
    );
  if (bytes.length < FIXED_HEADER) return fail(Code.DICT_TRUNCATED, `${bytes.length} bytes is shorter than the header`);
  const headerLength = view.getUint32(12, true);
  const arcCount = view.getUint32(20, true);
  const expected = headerLength + arcCount * 4;
  if (bytes.length < expected)
    return fail(Code.DICT_TRUNCATED, `the file announces ${expected} bytes and has ${bytes.length}`);
  if (bytes.length > expected)
    return fail(Code.DICT_CORRUPT, `the file announces ${expected} bytes and has ${bytes.length}`);
  if (checksum(bytes, 12, bytes.length) !== view.getUint32(8, true))
    return fail(Code.DICT_CHECKSUM_MISMATCH, 'checksum mismatch');
  const flags = view.getUint16(6, true);
  const alphabetLength = view.getUint32(32, true);
  if (
    headerLength % 4 !== 0 ||
    alphabetLength > MAX_ALPHABET_BYTES ||
    FIXED_HEADER + alphabetLength > headerLength ||
    headerLength - (FIXED_HEADER + alphabetLength) > 3
  )
    return fail(Code.DICT_CORRUPT, 'inconsistent header lengths');
  if (arcCount < 2) return fail(Code.DICT_CORRUPT, 'a graph has at least the sentinel and one arc');
  if ((flags & ~(FLAG_DAWG | FLAG_GADDAG)) !== 0 || (flags & FLAG_DAWG) === 0)
    return fail(Code.DICT_CORRUPT, `unknown flags ${flags}`);
  for (let i = FIXED_HEADER + alphabetLength; i < headerLength; i++)
    if (bytes[i] !== 0) return fail(Code.DICT_CORRUPT, 'the header padding is not zero');
  let spec: AlphabetSpec;
  try {
    spec = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_HEADER, FIXED_HEADER + alphabetLength)),
    ) as AlphabetSpec;
  } catch {
    return fail(Code.DICT_CORRUPT, 'the alphabet is not valid UTF-8 JSON');
  }
  const alphabet = Alphabet.create(spec);
  if (!alphabet.ok) return fail(Code.DICT_CORRUPT, `bad alphabet: ${alphabet.error.cause ?? ''}`);
  const root = view.getUint32(24, true);
  const gaddagRoot = view.getUint32(28, true);
  const gaddagPaths = view.getUint32(36, true);
  if (((flags & FLAG_GADDAG) !== 0) !== (gaddagRoot !== 0))
    return fail(Code.DICT_CORRUPT, 'GADDAG flag and root disagree');
  if (gaddagRoot === 0 && gaddagPaths !== 0) return fail(Code.DICT_CORRUPT, 'GADDAG paths without a GADDAG');
  return ok({
    bytes,
    view,
    headerLength,
    arcCount,
    root,
    gaddagRoot,
    gaddagPaths,
    words: view.getUint32(16, true),
    alphabet: alphabet.value,
  });
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The file checksum: FNV-1a over the little-endian 32-bit words of `bytes[start..end)` (a multiple
 * of 4 bytes). Each step is a bijection of the running hash, so any change confined to one word,
 * and so any single corrupted byte, always changes the result; it runs a word at a time.
 */
export function checksum(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  const at = bytes.byteOffset + start;
  if (at % 4 === 0 && LITTLE_ENDIAN) {
    const words = new Uint32Array(bytes.buffer, at, (end - start) >>> 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = start; i + 4 <= end; i += 4) h = Math.imul(h ^ view.getUint32(i, true), 0x01000193);
  }
  return h >>> 0;
}
