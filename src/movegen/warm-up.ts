import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import type { LeaveValues } from '../leaves/values.js';

/** What the warm-up drives: a move generator's searches (`generator.ts`). */
export interface WarmUpTarget {
  readonly config: GameConfig;
  readonly dictionary: Dictionary;
  readonly rows: number;
  readonly cols: number;
  setBoard(board: Board): void;
  applyPlacements(placements: readonly Placement[]): void;
  applyTopPlay(i: number): void;
  undo(): boolean;
  generate(hand: readonly Tile[], onPlay: () => void, options?: { readonly leaves?: LeaveValues }): void;
  collectAll(hand: readonly Tile[]): unknown;
  searchTop(hand: readonly Tile[], n: number, options?: { readonly leaves?: LeaveValues }): number;
}

/**
 * Runs every kind of search on small positions (blank and no blank, by score and by equity,
 * through board tiles on either side, with a callback) before any real work, hands growing from
 * one tile to seven so that the first searches are tiny: every branch of the recursion has run
 * before V8 finds it hot and compiles it. Why: V8 (Node 20) compiles the recursion while its first
 * long search is still running; a branch that had not run yet then deoptimizes it, and when that
 * happens while an on-stack-replacement compile of `place` is in flight, `place` stays for the
 * process's life in a mode that enters the replacement code at every call, about 3x slower.
 * Measured with `--trace-osr` (millions of OSR entries for `place` in a slow process, none in a
 * normal one): warming up with full hands first left about one process in eight slow.
 */
export function warmUp(g: WarmUpTarget): void {
  g.setBoard(Board.empty(g.rows, g.cols));
  const size = g.config.alphabet.size;
  const most = Math.min(7, g.config.handSize);
  const leaves: LeaveValues = { leaveValue: (_, n) => n * 0.5 };
  const noop = (): void => undefined;
  const handOf = (n: number, k: number): Tile[] => {
    const hand: Tile[] = [];
    for (let i = 0; i < n; i++) hand.push(1 + ((i * 5 + n * 3 + k) % size));
    if (n >= 3 && k === 0) hand[n - 1] = hand[n - 2] as Tile;
    if (k === 1) hand[0] = BLANK;
    return hand;
  };
  const play = (hand: Tile[]): void => {
    if (g.searchTop(hand, 1) > 0) g.applyTopPlay(0);
  };
  // Tiles on the board first: single tiles with gaps between them (words cross a gap and meet a
  // tile on either side; they need not be words for the search), then a two-letter play.
  const mr = g.rows >> 1;
  const mc = g.cols >> 1;
  const singles: Placement[] = [];
  for (const [dr, dc] of [
    [0, -2],
    [0, 1],
    [2, 1],
    [-2, 0],
  ] as const) {
    const r = mr + dr;
    const c = mc + dc;
    if (r >= 0 && r < g.rows && c >= 0 && c < g.cols)
      singles.push({ square: r * g.cols + c, tile: 1 + ((singles.length * 4) % size) });
  }
  g.applyPlacements(singles);
  play(handOf(2, 1));
  for (let n = 1; n <= most; n++) {
    for (let k = 1; k >= 0; k--) {
      const hand = handOf(n, k);
      g.generate(hand, noop);
      g.generate(hand, noop, { leaves });
      g.searchTop(hand, 1);
      g.searchTop(hand, 3, { leaves });
      g.collectAll(hand);
    }
    if (n === 3) play(handOf(3, 1));
  }
  while (g.undo());
  // A full hand with a blank (then two) that spells a word, on the empty board, then through a
  // board tile: its plays of the whole hand are listed from the words, and a search for many
  // plays lets the walk reach them too.
  const handSize = g.config.handSize;
  let alone = false;
  let through = false;
  for (const word of g.dictionary.wordCodes()) {
    if (!alone && word.length === handSize) {
      alone = true;
      fullHandWithBlank(g, Array.from(word) as Tile[], leaves);
    } else if (!through && word.length === handSize + 1) {
      through = true;
      g.applyPlacements([{ square: g.config.layout.start, tile: word[0] as number }]);
      fullHandWithBlank(g, Array.from(word.subarray(1)) as Tile[], leaves);
      g.undo();
    }
    if (alone && through) break;
  }
}

/** The searches of {@link warmUp} for a full hand, its first tile made a blank, then its first two. */
function fullHandWithBlank(g: WarmUpTarget, hand: Tile[], leaves: LeaveValues): void {
  for (let blanks = 1; blanks <= Math.min(2, hand.length); blanks++) {
    hand[blanks - 1] = BLANK;
    g.searchTop(hand, 1, { leaves });
    g.searchTop(hand, 200, { leaves });
    g.searchTop(hand, 1);
  }
}
