/**
 * `wordgame-engine/node`: the Node-only part. Reads and writes dictionary files, loads the
 * embedded English dictionary, runs autoplay on worker threads or, through a BullMQ queue on
 * Redis (optional dependencies), on many machines, and plays matches against external engines.
 * Classes are the core's own (one copy across entries).
 *
 * @packageDocumentation
 */
export * from './node/files.js';
export { runAutoplay, prepareJob, playerFromSpec, type AutoplayJob } from './node/autoplay.js';
export { runMatch, type MatchJob, type RunMatchOptions } from './node/match.js';
export { RecordAnalyzer, prepareAnalyzer, readGcgFile, type AnalyzeJob } from './node/analyze.js';
export {
  analyzeOnQueue,
  startAnalysisWorker,
  ANALYSIS_QUEUE,
  type AnalysisJobData,
  type QueuedRecord,
  type AnalysisWorker,
} from './node/analysis-queue.js';
export { externalEngine, MAX_ENGINE_LINE, type ExternalEngineOptions } from './node/external-engine.js';
export { learnLeaves, playLeavesShard, type LeavesJob, type LeavesShard } from './node/leaves.js';
export { simulateOnWorkers } from './node/sim.js';
export { solveEndgameParallel, solveEndgameShard, type EndgameJob } from './node/endgame.js';
export { cpuTimeMs } from './node/cpu-clock.js';
export {
  runAutoplayOnQueue,
  startQueueWorker,
  runId,
  AUTOPLAY_QUEUE,
  type ShardData,
  type QueueRunOptions,
  type QueueWorkerOptions,
  type QueueWorker,
} from './node/queue.js';
