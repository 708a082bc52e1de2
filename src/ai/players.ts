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
  let value = 0;
  let vowels = 0;
  let consonants = 0;
  const seen = new Int8Array(65);
  for (const t of kept) {
    if (t === BLANK) {
      value += 20;
      continue;
    }
    const g = t & 0x3f;
    const face = config.letters.values[g] as number;
    const vowel = config.alphabet.isVowel(g);
    if (vowel) vowels++;
    else consonants++;
    value += (vowel ? 1 : 1.5) - 0.75 * Math.max(0, face - 1);
    if ((seen[g] as number) > 0) value -= 3;
    seen[g] = (seen[g] as number) + 1;
  }
  value -= 2 * Math.max(0, Math.abs(vowels - consonants) - 1);
  return value;
}

function without(hand: Hand, used: readonly Tile[]): Tile[] {
  const rest = [...hand];
  for (const t of used) {
    const i = rest.indexOf(t);
    if (i >= 0) rest.splice(i, 1);
  }
  return rest;
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
      view.generator.generate(view.hand, (p) => {
        const used: Tile[] = [];
        for (let i = 0; i < p.tileCount; i++) used.push((p.tile(i) & BLANK) !== 0 ? BLANK : p.tile(i));
        const equity = p.score + leaveValue(without(view.hand, used), config);
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
