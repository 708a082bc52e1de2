import type { Tile } from '../config/letterset.js';
import type { MoveGenerator } from '../movegen/generator.js';
import type { GeneratedPlay } from '../movegen/play.js';
import type { Hand } from '../state/hand.js';

/** What an AI player decides on its turn. */
export type Decision =
  | { readonly kind: 'play'; readonly play: GeneratedPlay }
  | { readonly kind: 'trade'; readonly tiles: readonly Tile[] }
  | { readonly kind: 'pass' };

/** What a player sees on its turn. */
export interface TurnView {
  readonly generator: MoveGenerator;
  readonly hand: Hand;
  readonly bagSize: number;
  /** False in game types without trading. */
  readonly tradingAllowed: boolean;
  /** The player's score minus the best opponent's, when the caller knows it (simulating players use it). */
  readonly lead?: number;
  /** The opponent's tiles, when the caller gives them: one opponent and the bag empty (they are the unseen tiles then). */
  readonly opponentTiles?: readonly Tile[];
}

/** An AI player: a pure function of what it sees. */
export interface Player {
  readonly name: string;
  /** What the player does on its turn. */
  decide(view: TurnView): Decision;
}
