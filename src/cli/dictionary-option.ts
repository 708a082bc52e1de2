import type { Dictionary } from '../dictionary/dictionary.js';
import type { EngineError } from '../errors/error.js';
import { loadDefaultDictionary, readDictionaryFile } from '../node/files.js';
import type { Result } from '../result.js';

/** The dictionary of `--dict FILE`, or the embedded default. */
export function dictionaryFromOption(file: string | undefined): Result<Dictionary, EngineError> {
  return file === undefined ? loadDefaultDictionary() : readDictionaryFile(file);
}

/** One-line text of an error value, for people. */
export function describeError(e: EngineError): string {
  const param = e.param === undefined ? '' : ` [${String(e.param)}]`;
  const cause = e.cause === undefined ? '' : `: ${e.cause}`;
  return `error ${e.code} ${e.name}${param}${cause}`;
}
