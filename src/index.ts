/**
 * wordgame-engine: a pure TypeScript rules engine for word games. This entry point is isomorphic
 * (no Node built-ins); file helpers live in `wordgame-engine/node`.
 */
export { ok, err, type Result } from './result.js';
export * from './errors/catalogue.js';
export * from './errors/error.js';
export { Alphabet, MAX_GLYPH_CODE, type AlphabetSpec } from './alphabet/alphabet.js';
export * from './alphabet/presets.js';
export * from './dictionary/format.js';
export { Dictionary, type WordLookup, type BuildOptions, type BuildReport, type AnagramOptions, type PatternOptions } from './dictionary/dictionary.js';
export { buildWordGraph, type AutomatonStats, type PackedGraph } from './dictionary/build.js';
export { normalizeWordList, MAX_WORD_LENGTH, type WordListOptions, type WordListReport } from './dictionary/wordlist.js';
export { gaddagKeys } from './dictionary/gaddag.js';
export { checkArcs, graphCounts } from './dictionary/check.js';
export { loadDictionary, saveDictionary, inspectDictionary, checksum, FILE_MAGIC, FILE_VERSION, type DictionaryFileInfo } from './dictionary/file.js';
export * from './config/letterset.js';
export * from './config/layout.js';
export * from './config/config.js';
export { Board, type Placement } from './board/board.js';
export * from './state/random.js';
export * from './state/hand.js';
export * from './state/bag.js';
export * from './state/state.js';
export * from './notation/tokens.js';
export * from './notation/board-text.js';
export * from './notation/square.js';
export * from './notation/move.js';
export * from './notation/json.js';
export * from './render/board.js';
export * from './rules/lookup.js';
export * from './rules/crossword.js';
export * from './rules/trade.js';
export * from './boggle/dice.js';
export * from './boggle/grid.js';
export * from './boggle/solver.js';
export * from './boggle/rules.js';
export * from './movegen/generator.js';
export * from './game/classic.js';
export * from './ai/players.js';
export * from './ai/selfplay.js';
export * from './game/settings.js';
export * from './game/types.js';
export * from './game/engine.js';
export * from './game/json.js';
export { refillDuplicateHand } from './game/modes/crossword.js';
export * from './records/gcg.js';
