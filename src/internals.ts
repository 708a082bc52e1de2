/**
 * `wordgame-engine/internals`: the building blocks under the curated entry, for tools, tests and
 * other engines: the packed arc layout and its packers, graph builders and checkers, the file
 * checksum, the seeded PRNG, bags, crossword-state transitions, mode handlers and the schema
 * checker. No stability promise: these may change in any minor version.
 *
 * @packageDocumentation
 */
export * from './index.js';

// Errors, alphabets, configurations
export { describeValue } from './errors/error.js';
/** The data-driven checker of untrusted plain data (persisted games, alphabet specs). */
export * as schema from './schema/schema.js';
export { MAX_GLYPH_CODE, sameGlyphs, sameAlphabet, languageMismatch } from './alphabet/alphabet.js';
export * from './alphabet/presets.js';
export * from './config/letterset.js';
export * from './config/layout.js';
export * from './config/config.js';

// Dictionaries: the packed layout, builders and checkers
export * from './dictionary/format.js';
export { buildWordGraph, type PackedGraph } from './dictionary/build.js';
export { normalizeWordList } from './dictionary/wordlist.js';
export { gaddagKeys } from './dictionary/gaddag.js';
export { checkGraph, COUNT_LIMIT, type GraphCounts } from './dictionary/check.js';
export { checksum, FILE_MAGIC, FILE_VERSION } from './dictionary/file.js';

// State, notation, rules
export * from './state/random.js';
export * from './state/hand.js';
export * from './state/bag.js';
export * from './state/state.js';
export { unseenTiles } from './state/unseen.js';
export * from './notation/tokens.js';
export * from './notation/json.js';
export { parsePlayText } from './notation/move.js';
export * from './rules/trade.js';
export * from './rules/crossword.js';

// Boggle
export { NEW_16, CLASSIC_16, BIG_DELUXE_25, BIG_ORIGINAL_25, ENGINE_36 } from './boggle/dice.js';
export { gridNeighbours } from './boggle/solver.js';
export { findPath, MAX_PATH_SEARCH_STEPS } from './boggle/rules.js';

// Move generation: the search graph, the full-hand index, plays in flat arrays
export { searchGraph, arcOf, type SearchGraph } from './movegen/graph.js';
export { AlphagramIndex, alphagramIndex, BEYOND, LETTER_HASH } from './movegen/alphagrams.js';
export { PlaySlots, compareSlots } from './movegen/play-slots.js';
export { PlayStore } from './movegen/store.js';

// Games, simulation, autoplay
export * from './game/classic.js';
export { refillDuplicateHand, MAX_DUPLICATE_REDRAWS } from './game/modes/crossword.js';
export { normalQuantile } from './sim/tally.js';
export {
  playPairs,
  pairSeed,
  summarizePairs,
  type PairResult,
  type AutoplaySummary,
  type TurnObserver,
} from './autoplay/autoplay.js';
