import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { type GeneratedPlay, type LeaveValues, type MoveGenerator, bestPlay } from '../movegen/generator.js';
import type { Hand } from '../state/hand.js';

/** What an AI player decides on its turn. */
export type Decision = { readonly kind: 'play'; readonly play: GeneratedPlay } | { readonly kind: 'trade'; readonly tiles: readonly Tile[] } | { readonly kind: 'pass' };

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

/** Takes the highest-scoring play (ties broken by `comparePlays`); passes when there is none. */
export const staticPlayer: Player = Object.freeze({
  name: 'static',
  decide(view: TurnView): Decision {
    const play = bestPlay(view.generator, view.hand);
    return play === undefined ? { kind: 'pass' } : { kind: 'play', play };
  },
});

/**
 * The value of the tiles kept after a move (the "leave"), a simple, documented heuristic for any
 * letterset: each blank +20; each other tile +1 for a vowel or 1.5 for a consonant, minus 0.75
 * per point of face value above 1 (high tiles are hard to play); -3 for each duplicate of a
 * glyph already kept; -2 per step of imbalance between vowels and consonants beyond one.
 */
export function leaveValue(kept: readonly Tile[], config: GameConfig): number {
  let value = 0;
  let vowels = 0;
  let consonants = 0;
  const counts = new Int8Array(65);
  for (const t of kept) {
    const slot = (t & BLANK) !== 0 ? 64 : t & 0x3f;
    counts[slot] = (counts[slot] as number) + 1;
  }
  value += 20 * (counts[64] as number);
  for (let g = 1; g < 64; g++) {
    const c = counts[g] as number;
    if (c === 0) continue;
    const vowel = config.alphabet.isVowel(g);
    if (vowel) vowels += c;
    else consonants += c;
    value += c * ((vowel ? 1 : 1.5) - 0.75 * Math.max(0, (config.letters.values[g] as number) - 1)) - 3 * (c - 1);
  }
  return value - 2 * Math.max(0, Math.abs(vowels - consonants) - 1);
}

/** The heuristic {@link leaveValue} as the generator's leave values. */
export function heuristicLeaves(config: GameConfig): LeaveValues {
  return { leaveValue: (tiles, n) => leaveValue(Array.from(tiles.subarray(0, n)), config) };
}

/**
 * The static equity of a play with the bag empty and one opponent, as leave values (the
 * adjustment macondo's static player makes): going out is worth twice the opponent's rack (the
 * bonus the rules give), keeping tiles costs twice their face value plus 10 (the opponent may go
 * out next and collect them). So the leave of k > 0 tiles is
 * `-2 × (their face value + the opponent's rack's) - 10`, and going out 0. Set the opponent's
 * rack before each search; allocates nothing.
 */
export class EndgameLeaves implements LeaveValues {
  #opponent = 0;
  readonly #values: Int32Array;
  /** Leave values for `config`'s tiles (the opponent's rack empty until set). */
  constructor(config: GameConfig) {
    this.#values = new Int32Array(BLANK + 1);
    for (let g = 1; g < config.letters.values.length && g < BLANK; g++) this.#values[g] = config.letters.values[g] as number;
  }
  /** Sets the opponent's rack (tile codes; blanks count 0). */
  setOpponent(rack: ArrayLike<number>): void {
    let sum = 0;
    for (let i = 0; i < rack.length; i++) sum += this.#value(rack[i] as number);
    this.#opponent = sum;
  }
  leaveValue(tiles: Uint8Array, length: number): number {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += this.#value(tiles[i] as number);
    return -2 * (sum + this.#opponent) - 10;
  }
  #value(tile: number): number {
    return (tile & BLANK) !== 0 ? 0 : (this.#values[tile & 0x3f] as number);
  }
}

/** Options of {@link leavePlayer}. */
export interface LeavePlayerOptions {
  /** With the bag empty and the opponent's tiles in the view, rank plays by {@link EndgameLeaves} (default false: the leave values throughout). */
  readonly endgameEquity?: boolean;
}

/**
 * Maximises score plus the leave's value over every play (the generator's bounded equity
 * search), and considers every trade (any subset of the hand, when the bag allows) valued at
 * its leave alone; passes when nothing else is possible. Ties go to plays over trades. With
 * `endgameEquity`, an empty bag switches to {@link EndgameLeaves}.
 */
export function leavePlayer(config: GameConfig, leaves: LeaveValues = heuristicLeaves(config), options: LeavePlayerOptions = {}): Player {
  const endgame = options.endgameEquity === true ? new EndgameLeaves(config) : undefined;
  return Object.freeze({
    name: 'leave',
    decide(view: TurnView): Decision {
      let values = leaves;
      if (endgame !== undefined && view.bagSize === 0 && view.opponentTiles !== undefined) {
        endgame.setOpponent(view.opponentTiles);
        values = endgame;
      }
      const best = bestPlay(view.generator, view.hand, { leaves: values });
      const bestEquity = best === undefined ? -Infinity : best.equity;
      if (view.tradingAllowed && view.bagSize >= config.minBagToTrade) {
        const trade = bestTrade(view.hand, leaves);
        if (trade !== undefined && trade.equity > bestEquity) return { kind: 'trade', tiles: trade.tiles };
      }
      return best === undefined ? { kind: 'pass' } : { kind: 'play', play: best };
    },
  });
}

/** Removes one tile from a rack (order not kept): a cell value with the blank bit removes a blank. Allocates nothing. */
export function removeFromRack(rack: number[], tile: number): void {
  const i = rack.indexOf((tile & BLANK) !== 0 ? BLANK : tile);
  if (i >= 0) {
    rack[i] = rack[rack.length - 1] as number;
    rack.pop();
  }
}

/** The trade whose kept tiles have the best leave value (every distinct subset of the hand), or undefined for an empty hand. */
export function bestTrade(hand: Hand, leaves: LeaveValues): { tiles: Tile[]; equity: number } | undefined {
  const n = hand.length;
  if (n === 0 || n > 16) return undefined;
  const sorted = [...hand].sort((a, b) => a - b);
  const value = new Float64Array(1);
  const mask = bestTradeMask(sorted, leaves, new Uint8Array(n), value);
  const tiles: Tile[] = [];
  for (let i = 0; i < n; i++) if ((mask >> i) & 1) tiles.push(sorted[i] as Tile);
  return { tiles, equity: value[0] as number };
}

/**
 * The best trade of a sorted rack (at most 16 tiles) as a bitmask of the tiles to trade: every
 * distinct multiset once, valued by the leave kept (an empty leave is worth 0); the first best
 * in mask order wins. Writes the value to `value[0]`; `kept` is scratch space. Allocates nothing.
 */
export function bestTradeMask(sorted: readonly number[], leaves: LeaveValues, kept: Uint8Array, value: Float64Array): number {
  const n = sorted.length;
  let bestMask = 0;
  let best = -Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    // Each distinct multiset once: a tile equal to its predecessor is traded only if the predecessor is.
    let skip = false;
    for (let i = 1; i < n && !skip; i++) if (sorted[i] === sorted[i - 1] && (mask >> i) & 1 && !((mask >> (i - 1)) & 1)) skip = true;
    if (skip) continue;
    let k = 0;
    for (let i = 0; i < n; i++) if (!((mask >> i) & 1)) kept[k++] = sorted[i] as number;
    const e = k === 0 ? 0 : leaves.leaveValue(kept, k);
    if (e > best) {
      best = e;
      bestMask = mask;
    }
  }
  value[0] = best;
  return bestMask;
}
