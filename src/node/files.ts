/**
 * File helpers for Node (the only part of the library besides the CLI that touches Node
 * built-ins): read and write dictionary files, and find the embedded default dictionary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dictionary } from '../dictionary/dictionary.js';
import { loadDictionary, saveDictionary } from '../dictionary/file.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { LeaveTable } from '../leaves/table.js';
import { err, ok, type Result } from '../result.js';
import { heuristicLeaves } from '../leaves/heuristic.js';
import type { GameConfig } from '../config/config.js';
import type { LeaveValues } from '../leaves/values.js';

/** File name of the embedded default English dictionary, inside the package's `dictionaries/`. */
export const DEFAULT_DICTIONARY_FILE = 'en.dawg';

/**
 * Reads a dictionary file. A missing or unreadable file is FILE_UNREADABLE (90106, param: the
 * path); a file that is not a sound dictionary has the loader's code (90100-90105), and its
 * cause names the file.
 */
export function readDictionaryFile(path: string): Result<Dictionary, EngineError> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return err(engineError(Code.FILE_UNREADABLE, { param: path, cause: `${path}: ${(e as Error).message}` }));
  }
  const d = loadDictionary(bytes);
  return d.ok ? d : err({ ...d.error, cause: `${path}: ${d.error.cause ?? d.error.message}` });
}

/** Writes a dictionary file; returns its size in bytes. */
export function writeDictionaryFile(path: string, dictionary: Dictionary): number {
  const bytes = saveDictionary(dictionary);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** The path of a file in the package's `dictionaries/` folder, found from this module upwards. */
export function packageDictionaryPath(file = DEFAULT_DICTIONARY_FILE): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries', file);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dictionaries', file);
}

let cachedDefault: Result<Dictionary, EngineError> | undefined;

/** The embedded default English dictionary (a broad word list, not a tournament lexicon), loaded once. */
export function loadDefaultDictionary(): Result<Dictionary, EngineError> {
  cachedDefault ??= readDictionaryFile(packageDictionaryPath());
  return cachedDefault;
}

/** The dictionary in `path`, or the embedded default dictionary when there is no path. */
export function dictionaryOrDefault(path: string | undefined): Result<Dictionary, EngineError> {
  return path === undefined ? loadDefaultDictionary() : readDictionaryFile(path);
}

/**
 * The leave values the `leave` player uses on a configuration: the embedded learned table for
 * the English letterset, the hand-written heuristic for others.
 */
export function defaultLeaveValues(config: GameConfig): Result<LeaveValues, EngineError> {
  if (config.name !== 'en') return ok(heuristicLeaves(config));
  return loadDefaultLeaves();
}

/** The file name of the embedded English leave table. */
export const DEFAULT_LEAVES_FILE = 'en.klv2';

let cachedLeaves: Result<LeaveTable, EngineError> | undefined;

/**
 * The embedded English leave table (learned by self-play on the embedded dictionary; see
 * `dictionaries/en.leaves.manifest.json`), loaded once. It values leaves of the English letterset.
 */
export function loadDefaultLeaves(): Result<LeaveTable, EngineError> {
  if (cachedLeaves === undefined) {
    const path = packageDictionaryPath(DEFAULT_LEAVES_FILE);
    try {
      cachedLeaves = LeaveTable.fromKlv(readFileSync(path));
    } catch (e) {
      cachedLeaves = err(engineError(Code.FILE_UNREADABLE, { param: path, cause: (e as Error).message }));
    }
  }
  return cachedLeaves;
}
