import type { Placement } from '../board/board.js';
import type { Board } from '../board/board.js';
import type { BoggleGrid } from '../boggle/grid.js';
import type { GameConfig } from '../config/config.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import type { Bag } from '../state/bag.js';
import type { Hand } from '../state/hand.js';
import type { ClassicState } from './classic.js';
import type { EventLog } from './log.js';
import type { GameSettings, GameType, PredefinedGame } from './settings.js';

/** The id a server uses for its own requests (closing turns on its timers): allowed wherever the operator is. */
export const SERVER_ID = '@server';

/** A player of a game. */
export interface PlayerState {
  readonly id: string;
  readonly score: number;
  /** True once the player left or was kicked from a running game (their turns are skipped). */
  readonly left: boolean;
}

/** A duplicate submission: the placements, their score and notation (`-` for a pass). */
export interface DuplicateSubmission {
  readonly placements: readonly Placement[];
  readonly score: number;
  readonly move: string;
}

/** Duplicate: one board, one shared hand, simultaneous submissions. */
export interface DuplicateState {
  readonly board: Board;
  readonly hand: Hand;
  readonly bag: Bag;
  /** One entry a player: their submission this turn, null before it. */
  readonly submissions: readonly (DuplicateSubmission | null)[];
}

/** An anagram answer (the empty word for a pass). */
export interface AnagramSubmission {
  readonly word: string;
  readonly score: number;
}

/** Anagram: a shared draw each turn, one word a player. */
export interface AnagramState {
  readonly draw: Hand;
  readonly bag: Bag;
  readonly submissions: readonly (AnagramSubmission | null)[];
}

/** A Boggle word and the cells that spell it, as [row, col]. */
export interface BoggleEntry {
  readonly word: string;
  readonly path: readonly (readonly [number, number])[];
}

/** Boggle: a grid a round, many words a player. */
export interface BoggleState {
  readonly grid: BoggleGrid;
  /** The accepted words of each player this round (append-only lists). */
  readonly submissions: readonly EventLog<BoggleEntry>[];
}

/** A player's result of a closed turn. */
export interface TurnResult {
  readonly player: string;
  readonly score: number;
  readonly move: string;
}

/** A player's final score. */
export interface FinalScore {
  readonly player: string;
  readonly score: number;
  /** End-of-game rack adjustment (classic), else 0. */
  readonly adjustment: number;
  /** The tiles left in the player's hand (classic). */
  readonly rack?: string;
  /** Classic with clocks: the overtime penalty (0 or negative), in the score. */
  readonly penalty?: number;
}

/**
 * Something that happened. `apply` returns them; the state keeps all but data answers as its
 * history, which holds everything a replay needs (plays in record notation, the cells of Boggle
 * words). Joins and leaves before the start are not recorded: the start records the seats.
 */
export type GameEvent =
  | { readonly type: 'created'; readonly player: string }
  | { readonly type: 'joined'; readonly player: string }
  | {
      readonly type: 'started';
      readonly player: string;
      readonly players: readonly string[];
      readonly operator: string;
      /** Classic with clocks: when the clocks started (the caller's ms). */
      readonly at?: number;
    }
  | { readonly type: 'left'; readonly player: string }
  | { readonly type: 'kicked'; readonly player: string; readonly by: string }
  | {
      readonly type: 'played';
      readonly player: string;
      readonly rack: string;
      readonly move: string;
      readonly score: number;
      readonly words: readonly string[];
      /** Classic with clocks: when the move was made (the caller's ms), as for every move below. */
      readonly at?: number;
    }
  | {
      readonly type: 'traded';
      readonly player: string;
      readonly rack: string;
      readonly tiles: string;
      readonly at?: number;
    }
  | { readonly type: 'passed'; readonly player: string; readonly rack?: string; readonly at?: number }
  /** Duplicate: the play's notation (`-` for a pass) and score. */
  | { readonly type: 'submitted'; readonly player: string; readonly move: string; readonly score: number }
  /** Anagram: the word (empty for a pass) and its score. */
  | { readonly type: 'answered'; readonly player: string; readonly word: string; readonly score: number }
  /** Boggle: a word and its cells. */
  | {
      readonly type: 'found';
      readonly player: string;
      readonly word: string;
      readonly path: readonly (readonly [number, number])[];
    }
  | {
      readonly type: 'turn-closed';
      readonly turn: number;
      readonly results: readonly TurnResult[];
      /** Duplicate: the play put on the board. */
      readonly top?: { readonly move: string; readonly score: number };
      /** Anagram and Boggle: the longest words that were possible. */
      readonly best?: readonly string[];
    }
  /**
   * Classic, under a challenge rule: `player` challenged `target`'s play `move`. `withdrawn`: a
   * phony, taken off (`points` its score, negative); for a valid play the rule's outcome:
   * `no-penalty`, `lost-turn` (the challenger's), `bonus` (`points` to the target), `lost-game`.
   */
  | {
      readonly type: 'challenged';
      readonly player: string;
      readonly target: string;
      readonly move: string;
      readonly outcome: 'withdrawn' | 'no-penalty' | 'lost-turn' | 'bonus' | 'lost-game';
      readonly points: number;
      readonly at?: number;
    }
  /** Classic: the player resigned (and lost the game). */
  | { readonly type: 'resigned'; readonly player: string; readonly at?: number }
  /** Classic with clocks: the player to move used up their overtime at `at` (and lost the game). */
  | { readonly type: 'timed-out'; readonly player: string; readonly at: number }
  | {
      readonly type: 'game-over';
      readonly reason: string;
      readonly scores: readonly FinalScore[];
      /** Classic: the player who lost the game whatever the scores (resigned, or lost a triple challenge). */
      readonly forfeited?: string;
    }
  | DataAnswer;

/** What a game looks like to anyone (the `info` data request). */
export interface GameInfo {
  /** The settings without the seed (with it anyone could replay the deal and read every rack). */
  readonly settings: Omit<GameSettings, 'seed'>;
  readonly type: GameType;
  readonly status: GameState['status'];
  readonly turn: number;
  readonly operator: string;
  readonly players: readonly string[];
  /** The player to move (classic games), or null. */
  readonly toMove: string | null;
}

/** The answer to a data request (not recorded in the history). */
export type DataAnswer =
  | { readonly type: 'data'; readonly what: 'hand'; readonly value: string | null }
  | { readonly type: 'data'; readonly what: 'board'; readonly value: readonly string[] | null }
  | {
      readonly type: 'data';
      readonly what: 'scores';
      readonly value: readonly { readonly player: string; readonly score: number }[];
    }
  | { readonly type: 'data'; readonly what: 'info'; readonly value: GameInfo };

/** A game: plain immutable data (frozen objects shared between successive states). */
export interface GameState {
  readonly settings: GameSettings;
  readonly type: GameType;
  readonly operator: string;
  readonly players: readonly PlayerState[];
  readonly status: 'waiting' | 'running' | 'over';
  /**
   * From 1 once started: in a classic game the number of the move to make (1 + the moves made:
   * plays, trades, passes); in duplicate, anagram and Boggle games the round.
   */
  readonly turn: number;
  readonly classic?: ClassicState;
  readonly duplicate?: DuplicateState;
  readonly anagram?: AnagramState;
  readonly boggle?: BoggleState;
  /** Every recorded event, oldest first (an append-only list shared between states). */
  readonly history: EventLog<GameEvent>;
}

/** What the engine needs besides the state: dictionaries, by alphabet name ('en', 'fr'...). */
export interface EngineEnvironment {
  /** The dictionary of an alphabet; duplicate games need one with a GADDAG. */
  dictionary(alphabet: string): Dictionary | undefined;
}

/** Everything a mode handler needs. */
export interface ModeContext {
  readonly game: PredefinedGame;
  readonly config: GameConfig;
  readonly dictionary: Dictionary;
}
