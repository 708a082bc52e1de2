import type { Placement } from '../board/board.js';
import type { Board } from '../board/board.js';
import type { BoggleGrid } from '../boggle/grid.js';
import type { GameConfig } from '../config/config.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import type { EngineError } from '../errors/error.js';
import type { Bag } from '../state/bag.js';
import type { Hand } from '../state/hand.js';
import type { ClassicState } from './classic.js';
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

/** A duplicate submission. */
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
  /** One entry a player: their submission this turn, null before it. A pass is a submission of nothing. */
  readonly submissions: readonly (DuplicateSubmission | null)[];
}

/** Anagram: a shared draw each turn, one word a player. */
export interface AnagramState {
  readonly draw: Hand;
  readonly bag: Bag;
  readonly submissions: readonly ({ readonly word: string; readonly score: number } | null)[];
}

/** Boggle: a grid a round, many words a player. */
export interface BoggleState {
  readonly grid: BoggleGrid;
  /** The accepted moves of each player this round, as paths of [row, col]. */
  readonly submissions: readonly (readonly { readonly word: string; readonly path: readonly (readonly [number, number])[] }[])[];
}

/** Something that happened; `apply` returns them and the state keeps them as its history. */
export type GameEvent =
  | { readonly type: 'created'; readonly player: string }
  | { readonly type: 'joined' | 'left' | 'kicked' | 'started' | 'submitted'; readonly player: string }
  | { readonly type: 'played'; readonly player: string; readonly rack: string; readonly move: string; readonly score: number; readonly words: readonly string[] }
  | { readonly type: 'traded'; readonly player: string; readonly rack: string; readonly tiles: string }
  | { readonly type: 'passed'; readonly player: string; readonly rack?: string }
  | {
      readonly type: 'turn-closed';
      readonly turn: number;
      readonly results: readonly { readonly player: string; readonly score: number; readonly move: string }[];
      readonly top?: { readonly move: string; readonly score: number };
      readonly best?: readonly string[];
    }
  | { readonly type: 'game-over'; readonly reason: string; readonly scores: readonly { readonly player: string; readonly score: number; readonly adjustment: number; readonly rack?: string }[] }
  | { readonly type: 'data'; readonly what: string; readonly value: unknown };

/** A game: plain immutable data, serialisable with `gameToJSON`. */
export interface GameState {
  readonly settings: GameSettings;
  readonly type: GameType;
  readonly operator: string;
  readonly players: readonly PlayerState[];
  readonly status: 'waiting' | 'running' | 'over';
  /** Turn (or round) number, from 1 once started. */
  readonly turn: number;
  readonly classic?: ClassicState;
  readonly duplicate?: DuplicateState;
  readonly anagram?: AnagramState;
  readonly boggle?: BoggleState;
  readonly history: readonly GameEvent[];
}

/** The result of `apply`. */
export type ApplyResult = { readonly ok: true; readonly state: GameState; readonly events: readonly GameEvent[] } | { readonly ok: false; readonly error: EngineError };

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
