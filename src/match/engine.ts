import type { CgpPosition } from '../notation/cgp.js';
import type { Result } from '../result.js';

/**
 * What a match asks an engine on its turn. The position is the mover's view: their rack, the
 * opponent's left empty (unknown), scores and the scoreless-turn count, and these operations:
 * `ld` (the letterset), `lex` (the lexicon's name, when the match has one), `lm` (the
 * opponent's last move as an engine move string, `.` for tiles that were already on the board)
 * and `mt` (the move's budget in milliseconds, when the match has one: an operation of this
 * protocol, which other CGP readers keep and ignore).
 */
export interface MoveRequest {
  /** The position as one CGP line (what an external engine reads). */
  readonly cgp: string;
  /** The same position, read (what a built-in engine uses). */
  readonly position: CgpPosition;
  /** The most milliseconds the move may take, when the match gives a budget. */
  readonly budgetMs?: number;
  /** A seed for engines that draw random numbers: a function of the match seed, the pair, the game and the turn. */
  readonly seed: number;
}

/** Why an engine gave no move: it took too long, its process died, or it broke the protocol (a line too long). */
export interface EngineFault {
  readonly kind: 'timeout' | 'crash' | 'protocol';
  readonly detail: string;
}

/**
 * A player of a match: a built-in player or an external program. `move` answers a move string
 * (`8H WORD`, `H8 WORD`, `ex ABC`, `pass`), which the match checks with the validator like any
 * other; a fault makes the match restart the engine and void the pair.
 */
export interface MatchEngine {
  readonly name: string;
  /** The engine's move string for the position, or why it gave none. */
  move(request: MoveRequest): Promise<Result<string, EngineFault>>;
  /** Starts the engine again after a fault (an external program is killed and started anew). */
  restart(): Promise<Result<void, EngineFault>>;
  /** Stops the engine for good. */
  close(): Promise<void>;
}
