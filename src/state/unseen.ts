import type { Board } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';

/** The tiles not on the board and not in `hand`: the letterset minus both (undefined when the hand is not drawable). */
export function unseenTiles(config: GameConfig, board: Board, hand: readonly Tile[]): Tile[] | undefined {
  const counts = [
    config.letters.blanks,
    ...Array.from({ length: config.letters.counts.length - 1 }, (_, i) => config.letters.counts[i + 1] as number),
  ];
  const take = (t: number) => {
    const slot = (t & BLANK) !== 0 ? 0 : t;
    counts[slot] = (counts[slot] ?? 0) - 1;
    return (counts[slot] as number) >= 0;
  };
  for (let s = 0; s < board.size; s++) {
    const c = board.cell(s);
    if (c !== 0 && !take(c)) return undefined;
  }
  for (const t of hand) if (!take(t)) return undefined;
  const out: Tile[] = [];
  for (let slot = 1; slot < counts.length; slot++) for (let k = 0; k < (counts[slot] as number); k++) out.push(slot);
  for (let k = 0; k < (counts[0] as number); k++) out.push(BLANK);
  return out;
}
