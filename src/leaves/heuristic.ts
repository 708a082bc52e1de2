import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { LeaveValues } from './values.js';

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
