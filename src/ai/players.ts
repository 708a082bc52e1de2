import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { type GeneratedPlay, type MoveGenerator, bestPlay, comparePlays } from '../movegen/generator.js';
import { formatPlay } from '../notation/move.js';
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
}

/** An AI player: a pure function of what it sees. */
export interface Player {
  readonly name: string;
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
  const counts = new Int8Array(65);
  for (const t of kept) counts[slotOf(t)] = (counts[slotOf(t)] as number) + 1;
  return leaveOfCounts(counts, distinctSlots(kept), config);
}

/** A tile's count slot: its glyph code, 64 for a blank. */
function slotOf(tile: Tile): number {
  return (tile & BLANK) !== 0 ? 64 : tile & 0x3f;
}

function distinctSlots(tiles: readonly Tile[]): number[] {
  return [...new Set(tiles.map(slotOf))];
}

/** {@link leaveValue} over tile counts (index: count slot), looking only at `slots`. */
function leaveOfCounts(counts: Int8Array, slots: readonly number[], config: GameConfig): number {
  let value = 20 * (counts[64] as number);
  let vowels = 0;
  let consonants = 0;
  for (const g of slots) {
    const c = counts[g] as number;
    if (g === 64 || c <= 0) continue;
    const vowel = config.alphabet.isVowel(g);
    if (vowel) vowels += c;
    else consonants += c;
    value += c * ((vowel ? 1 : 1.5) - 0.75 * Math.max(0, (config.letters.values[g] as number) - 1)) - 3 * (c - 1);
  }
  return value - 2 * Math.max(0, Math.abs(vowels - consonants) - 1);
}

/**
 * Maximises score plus the leave's value over every play, and considers every trade (any subset
 * of the hand, when the bag allows) valued at its leave alone; passes when nothing else is possible.
 * Ties go to the play order of `comparePlays`, then to plays over trades.
 */
export function leavePlayer(config: GameConfig): Player {
  return Object.freeze({
    name: 'leave',
    decide(view: TurnView): Decision {
      let best: GeneratedPlay | undefined;
      let bestEquity = -Infinity;
      // The leave of each play from the hand's counts, without allocating per play.
      const counts = new Int8Array(65);
      for (const t of view.hand) counts[slotOf(t)] = (counts[slotOf(t)] as number) + 1;
      const slots = distinctSlots(view.hand);
      view.generator.generate(view.hand, (p) => {
        for (let i = 0; i < p.tileCount; i++) counts[slotOf(p.tile(i))] = (counts[slotOf(p.tile(i))] as number) - 1;
        const equity = p.score + leaveOfCounts(counts, slots, config);
        for (let i = 0; i < p.tileCount; i++) counts[slotOf(p.tile(i))] = (counts[slotOf(p.tile(i))] as number) + 1;
        if (equity < bestEquity) return;
        const candidate = materialise(p.placements(), p.score, p.across);
        if (equity > bestEquity || best === undefined || comparePlays(candidate, best) < 0) {
          best = candidate;
          bestEquity = equity;
        }
      });
      if (view.tradingAllowed && view.bagSize >= config.minBagToTrade) {
        let bestTrade: Tile[] | undefined;
        let tradeEquity = -Infinity;
        const n = view.hand.length;
        for (let mask = 1; mask < 1 << n; mask++) {
          const kept: Tile[] = [];
          const traded: Tile[] = [];
          for (let i = 0; i < n; i++) ((mask >> i) & 1 ? traded : kept).push(view.hand[i] as Tile);
          const e = leaveValue(kept, config);
          if (e > tradeEquity) {
            tradeEquity = e;
            bestTrade = traded;
          }
        }
        if (bestTrade !== undefined && tradeEquity > bestEquity) return { kind: 'trade', tiles: bestTrade };
      }
      if (best !== undefined) return { kind: 'play', play: { ...best, notation: notationOf(best, view.generator) } };
      return { kind: 'pass' };
    },
  });
}

function materialise(placements: GeneratedPlay['placements'], score: number, across: boolean): GeneratedPlay {
  return { placements, score, direction: across ? 'across' : 'down', notation: '' };
}

function notationOf(play: GeneratedPlay, generator: MoveGenerator): string {
  const board = generator.currentBoard();
  if (board === undefined) return '';
  const r = formatPlay(play.placements, board, generator.config.alphabet);
  return r.ok ? r.value : '';
}
