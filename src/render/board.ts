import type { Board } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import { formatTiles } from '../notation/tokens.js';
import { columnLetter } from '../notation/square.js';
import type { Hand } from '../state/hand.js';

/** What to show beside the board. */
export interface RenderOptions {
  readonly hands?: readonly Hand[];
  readonly scores?: readonly number[];
  readonly names?: readonly string[];
  /** Index of the player to move, marked with `>`. */
  readonly toMove?: number;
  /** Tiles left in the bag. */
  readonly bag?: number;
}

const PREMIUM_MARK: Readonly<Record<string, string>> = {
  '2,1': '2L',
  '3,1': '3L',
  '4,1': '4L',
  '1,2': '2W',
  '1,3': '3W',
  '1,4': '4W',
};

/**
 * A board as text for people: column letters above, row numbers on the left, tiles (lower case
 * for blanks), premium squares on empty squares (2L 3L 4L 2W 3W 4W, `*` the start, `##` dead),
 * and the players' scores and hands beside it.
 */
export function renderBoard(board: Board, config: GameConfig, options: RenderOptions = {}): string {
  const { layout, alphabet } = config;
  const width = Math.max(2, ...alphabet.glyphs.map((g) => g.length));
  const pad = (s: string) => s.padEnd(width);
  const lines: string[] = [];
  lines.push('    ' + Array.from({ length: board.cols }, (_, c) => pad(columnLetter(c))).join(' '));
  for (let r = 0; r < board.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < board.cols; c++) {
      const i = r * board.cols + c;
      const v = board.cell(i);
      if (v !== 0) {
        const g = alphabet.glyph(v & 0x3f);
        cells.push(((v & BLANK) !== 0 ? g.toLowerCase() : g).padStart(width));
      } else if (layout.dead[i] === 1) cells.push(pad('##'));
      else if (i === layout.start) cells.push(pad(' *'));
      else cells.push(pad(PREMIUM_MARK[`${layout.letterMultiplier[i]},${layout.wordMultiplier[i]}`] ?? ' .'));
    }
    lines.push(`${String(r + 1).padStart(3)} ${cells.join(' ')}`);
  }
  const side: string[] = [];
  const players = Math.max(options.hands?.length ?? 0, options.scores?.length ?? 0);
  for (let p = 0; p < players; p++) {
    const name = options.names?.[p] ?? `Player ${p + 1}`;
    const mark = options.toMove === p ? '>' : ' ';
    const score = options.scores?.[p];
    const hand = options.hands?.[p];
    side.push(
      `${mark} ${name}${score === undefined ? '' : `  ${score}`}${hand === undefined ? '' : `  ${formatTiles(hand, alphabet) || '-'}`}`,
    );
  }
  if (options.bag !== undefined) side.push(`  bag: ${options.bag} tiles`);
  const boardWidth = Math.max(...lines.map((l) => l.length));
  return (
    lines
      .map((l, i) => (side[i - 1] !== undefined ? `${l.padEnd(boardWidth)}   ${side[i - 1]}` : l).trimEnd())
      .join('\n') + '\n'
  );
}
