/**
 * wordgame-engine: a pure TypeScript rules engine for word games (crossword games, classic and
 * duplicate; anagram games; Boggle) over a packed DAWG/GADDAG dictionary, with move search.
 *
 * This entry is isomorphic (no Node built-ins) and curated: what a game server, a client or an
 * AI needs. File helpers live in `wordgame-engine/node`; bit layouts, packers and state
 * internals in `wordgame-engine/internals` (no stability promise there).
 *
 * Every public function that can fail returns a {@link Result}: `{ ok: true, value }` or
 * `{ ok: false, error }` with an {@link EngineError} of the catalogue.
 *
 * @packageDocumentation
 */

// Results and errors
export { ok, err, type Result } from './result.js';
export {
  Code,
  engineError,
  toSocketError,
  type EngineError,
  type ErrorCode,
  type ErrorOptions,
  type SocketError,
} from './errors/error.js';
export { CATALOGUE, EXTENSIONS, ERROR_CATEGORIES, catalogueEntry, type CatalogueEntry } from './errors/catalogue.js';

// Alphabets, configurations, tiles
export { Alphabet, type AlphabetSpec } from './alphabet/alphabet.js';
export { ALPHABETS, builtinAlphabet } from './alphabet/presets.js';
export {
  presetConfig,
  createConfig,
  CONFIG_SPECS,
  type GameConfig,
  type ConfigSpec,
  type Layout,
} from './config/config.js';
export { BLANK, isBlank, tileGlyph, type Tile, type LetterSet, type LetterSetSpec } from './config/letterset.js';
export { type LayoutSpec } from './config/layout.js';

// Dictionaries
export {
  Dictionary,
  DEFAULT_QUERY_LIMIT,
  DEFAULT_QUERY_STEPS,
  type WordLookup,
  type BuildOptions,
  type BuildReport,
  type AnagramOptions,
  type PatternOptions,
  type WordList,
  type DictionaryRegions,
} from './dictionary/dictionary.js';
export { type AutomatonStats } from './dictionary/build.js';
export { type WordListOptions, type WordListReport, MAX_WORD_LENGTH } from './dictionary/wordlist.js';
export { loadDictionary, saveDictionary, inspectDictionary, type DictionaryFileInfo } from './dictionary/file.js';
export { PERMISSIVE, setLookup } from './rules/lookup.js';
export { readKwg, writeKwg, KWG_MAX_NODES, KWG_MAX_WORDS, type KwgInfo } from './dictionary/kwg.js';

// Boards, hands, notation
export { Board, emptyBoard, type Placement } from './board/board.js';
export { makeHand, handValue, type Hand } from './state/hand.js';
export { handFromLetters, parseTiles, formatTiles } from './notation/tokens.js';
export { parseBoard, formatBoard } from './notation/board-text.js';
export { parsePlay, formatPlay, type NotatedPlay, type PlayNotationProblem } from './notation/move.js';
export {
  parsePosition,
  formatPosition,
  parseSquareName,
  formatSquareName,
  type Position,
  type Direction,
} from './notation/square.js';
export {
  parseCgp,
  formatCgp,
  cgpOperand,
  CGP_MAX_LENGTH,
  CGP_MAX_PLAYERS,
  CGP_MAX_OPERATIONS,
  type CgpPosition,
  type CgpOperation,
  type CgpProblem,
  type CgpOptions,
  type ParsedCgp,
} from './notation/cgp.js';
export { parseMoveString, formatMoveString, type EngineMove } from './notation/move-string.js';
export { renderBoard, type RenderOptions } from './render/board.js';

// Crossword rules
export {
  validateMove,
  validatePlacements,
  listViolations,
  scorePlacements,
  moveInput,
  type MoveContext,
  type MoveInput,
  type ScoredMove,
  type ScoredWord,
  type IncorrectWordsDetail,
} from './rules/crossword.js';
export { validateTrade, type TradeContext, type TradeInput } from './rules/trade.js';

// Leaves: the values of the tiles kept
export { type LeaveValues } from './leaves/values.js';
export { LeaveTable } from './leaves/table.js';
export { heuristicLeaves, leaveValue } from './leaves/heuristic.js';
export { EndgameLeaves } from './leaves/endgame.js';
export { LeaveLearner, type LearnerStats, type LeaveGameSource } from './leaves/learn.js';

// Move generation and players
export { MoveGenerator, type GeneratorOptions, type SearchOptions, type PlayView } from './movegen/generator.js';
export { allPlays, topPlays, bestPlay } from './movegen/search.js';
export { GeneratedPlay, comparePlays } from './movegen/play.js';
export { type Player, type Decision, type TurnView } from './players/player.js';
export { staticPlayer, leavePlayer, type LeavePlayerOptions } from './players/basic.js';

// Endgames
export { EndgameSolver, type EndgameMove, type EndgameResult, type EndgameOptions } from './endgame/endgame.js';
export {
  PreEndgameSolver,
  type PreEndgameCandidate,
  type PreEndgameOptions,
  type PreEndgameResult,
} from './endgame/peg.js';
export { endgamePlayer, type EndgameBudget } from './endgame/player.js';

// Simulation
export { Simulator, SimRun, iterationSeed, type SimPosition } from './sim/sim.js';
export { SimTally, type SimCandidate, type SimCandidateInfo, type SimResult } from './sim/tally.js';
export { type SimOptions, type SimProgress } from './sim/options.js';
export { RackInference } from './sim/inference.js';
export {
  simulateInWorkers,
  simulateOnPorts,
  simWorkerHandler,
  prepareSimJob,
  webWorkerPort,
  type SimJob,
  type SimRequest,
  type SimReply,
  type SimPort,
  type SimDefaults,
  type WebWorkerLike,
} from './sim/parallel.js';
export { simPlayer, type SimPlayerOptions } from './sim/player.js';
export { winProbability, DEFAULT_WIN_MODEL, WinTableBuilder, type WinModel } from './sim/winpct.js';

// Whole games between players
export { selfPlay, exportSelfPlay, type SelfPlayGame, type SelfPlayTurn } from './autoplay/selfplay.js';
export {
  Autoplayer,
  AUTOPLAY_MAX_TURNS,
  type AutoplayPlayer,
  type AutoplayGame,
  type AutoplaySummary,
  type PairResult,
} from './autoplay/autoplay.js';

// Game analysis: every turn of a record judged by the engine
export {
  GameAnalyzer,
  type AnalysisDepth,
  type AnalysisOptions,
  type GameAnalysis,
  type TurnAnalysis,
  type PlayerAnalysis,
  type MoveFigures,
} from './analysis/analyze.js';
export { VERDICT_THRESHOLDS, VERDICTS, verdictOf, type Verdict } from './analysis/grade.js';
export { recordTurns, type RecordTurn, type RecordMove } from './analysis/turns.js';
export { analysisReport } from './analysis/report.js';

// Matches between engines (built-in players, or external programs through wordgame-engine/node)
export { type MatchEngine, type MoveRequest, type EngineFault } from './match/engine.js';
export { builtinEngine } from './match/builtin.js';
export { playMatchGame, type MatchGame, type MatchGameOptions, type MatchTurn, type MatchFault } from './match/game.js';
export {
  playMatch,
  summarizeMatch,
  type MatchOptions,
  type MatchSummary,
  type MatchPairResult,
  type PairRecord,
} from './match/match.js';

// Boggle
export { DICE_SETS, defaultDiceSet, boggleScore, BOGGLE_SCORES, type DiceSet } from './boggle/dice.js';
export {
  parseGrid,
  formatGrid,
  rollGrid,
  gridFromFaces,
  renderGrid,
  MAX_GRID_SIDE,
  type BoggleGrid,
} from './boggle/grid.js';
export { BoggleSolver, solveBoggle, type BoggleSolution, type FoundWord } from './boggle/solver.js';
export {
  validateBoggleMove,
  scoreBoggleRound,
  type BoggleMoveInput,
  type BoggleWord,
  type BoggleContext,
  type BoggleSubmission,
  type BogglePlayerResult,
} from './boggle/rules.js';

// The game engine: games as plain data, one pure apply
export { createEngine, toMove, gameInfo, MAX_PLAYER_ID, type Engine, type Applied } from './game/engine.js';
export {
  parseRequest,
  REQUEST_TYPES,
  type GameRequest,
  type RequestType,
  type ClassicRequest,
  type DuplicateRequest,
  type AnagramRequest,
  type BoggleRequest,
  type CommonRequest,
  type JoinRequest,
  type LeaveRequest,
  type StartRequest,
  type KickRequest,
  type CrosswordPlayRequest,
  type AnagramPlayRequest,
  type BogglePlayRequest,
  type TradeRequest,
  type PassRequest,
  type CloseTurnRequest,
  type DataRequest,
  type ChallengeRequest,
  type ResignRequest,
} from './game/requests.js';
export {
  PREDEFINED_GAMES,
  MAX_PLAYERS,
  MIN_TIME_PER_TURN,
  randomSeed,
  checkSettings,
  CHALLENGE_RULES,
  type ChallengeRule,
  type GameType,
  type PredefinedGame,
  type GameSettings,
  type GameSettingsInput,
} from './game/settings.js';
export {
  SERVER_ID,
  type GameState,
  type GameEvent,
  type GameInfo,
  type DataAnswer,
  type PlayerState,
  type TurnResult,
  type FinalScore,
  type DuplicateState,
  type DuplicateSubmission,
  type AnagramState,
  type AnagramSubmission,
  type BoggleState,
  type BoggleEntry,
  type EngineEnvironment,
  type ModeContext,
} from './game/types.js';
export { type ClassicState, type PendingPlay } from './game/classic.js';
export { challengeOutcome, type ValidChallengeOutcome } from './game/challenges.js';
export { CLOCK_DEFAULTS, type ClockSettings, type ClassicClock } from './game/clock.js';
export { engineRequest, lastPlayIsPhony } from './game/ai.js';
export { type CrosswordState } from './state/state.js';
export { EventLog } from './game/log.js';
export { gameToJSON, gameFromJSON, type LoadOptions } from './game/json.js';
export { GAME_JSON_VERSION, MAX_HISTORY, MAX_GAME_JSON_LENGTH, type GameJSON } from './game/json-schema.js';
export { replayGame } from './game/replay.js';
export { playerView, eventView, type SeenEvent } from './game/view.js';
export { gameToGcg } from './game/gcg.js';
export { classicToCgp, classicFromCgp } from './game/cgp.js';
export { MAX_BOGGLE_WORDS, boggleWordLimit } from './game/modes/boggle.js';

// Game records
export {
  parseGcg,
  decodeGcg,
  GCG_PROBLEMS,
  GCG_MAX_LENGTH,
  GCG_MAX_EVENTS,
  type GcgRecord,
  type GcgEvent,
  type GcgProblem,
  type GcgParseOptions,
} from './records/gcg.js';
export { replayGcg, MAX_FINDINGS, type GcgReplay, type GcgFinding } from './records/replay.js';
export { exportGcg, formatGcg, type ExportTurn } from './records/export.js';
