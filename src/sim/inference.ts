import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { MoveGenerator, type SearchOptions } from '../movegen/generator.js';
import { type LeaveValues } from '../leaves/values.js';
import { err, ok, type Result } from '../result.js';

/**
 * Opponent-rack inference: what the opponent's last play says about the tiles they kept.
 *
 * A player who kept tiles K after playing P held P + K. Had they held it, the static equity
 * player's best play would have been worth `best(P + K)`, and P was worth `score(P) + leave(K)`;
 * the gap `best − P's equity` (0 when P was that best play) measures how unlikely K is. The
 * simulation draws the opponent's rack as before, then accepts the deal with probability
 * `exp(−gap / temperature)` and otherwise draws again (rejection sampling: the accepted kept
 * tiles follow the uniform draw weighted by that likelihood, a softmax over the equity given up
 * measured from the best play). The searches run on the board without the play's tiles; their
 * results are cached by kept tiles.
 */
export class RackInference {
  /** How many of the opponent's current tiles they kept from before their play. */
  readonly keptCount: number;
  /** The equity scale of the likelihood (points). */
  readonly temperature: number;
  readonly #gen: MoveGenerator;
  readonly #played: readonly number[];
  readonly #score: number;
  readonly #leaves: LeaveValues;
  readonly #search: SearchOptions;
  readonly #hand: number[] = [];
  readonly #sorted: Uint8Array;
  readonly #cache = new Map<number, number>();

  private constructor(
    gen: MoveGenerator,
    played: number[],
    score: number,
    leaves: LeaveValues,
    keptCount: number,
    temperature: number,
  ) {
    this.#gen = gen;
    this.#played = played;
    this.#score = score;
    this.#leaves = leaves;
    this.#search = { leaves };
    this.keptCount = keptCount;
    this.temperature = temperature;
    this.#sorted = new Uint8Array(Math.max(1, keptCount));
  }

  /**
   * The inference from the opponent's last play `play` (its tiles, on `board`), or undefined when
   * there is nothing to infer (the play used all their tiles). BAD_QUERY 90201 (`opponentPlay`)
   * when the tiles are not on the board or are not a play of the dictionary without them.
   */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    leaves: LeaveValues,
    board: Board,
    play: readonly Placement[],
    unseen: number,
    temperature: number,
  ): Result<RackInference | undefined, EngineError> {
    const bad = (cause: string) => err(engineError(Code.BAD_QUERY, { param: 'opponentPlay', cause }));
    if (!Array.isArray(play) || play.length === 0 || play.length > config.handSize)
      return bad(`the opponent's last play places 1 to ${config.handSize} tiles`);
    const cells = board.cells();
    const seen = new Set<number>();
    for (const p of play) {
      if (
        typeof p !== 'object' ||
        p === null ||
        !Number.isInteger(p.square) ||
        p.square < 0 ||
        p.square >= cells.length ||
        seen.has(p.square)
      )
        return bad('each tile of the play is on its own square of the board');
      if (p.tile === 0 || cells[p.square] !== p.tile) return bad(`square ${p.square} does not hold the play's tile`);
      seen.add(p.square);
      cells[p.square] = 0;
    }
    const before = Board.fromCells(board.rows, board.cols, cells);
    if (!before.ok) return before;
    const gen = MoveGenerator.create(config, dictionary, before.value);
    if (!gen.ok) return gen;
    const played = play.map((p) => ((p.tile & BLANK) !== 0 ? BLANK : p.tile));
    let score: number | undefined;
    gen.value.generate(played, (view) => {
      if (view.tileCount !== play.length) return;
      for (let i = 0; i < view.tileCount; i++)
        if (!play.some((p) => p.square === view.square(i) && p.tile === view.tile(i))) return;
      score = view.score;
    });
    if (score === undefined) return bad('the tiles are not a play of the dictionary on the board without them');
    const keptCount = Math.min(config.handSize - play.length, unseen);
    if (keptCount <= 0) return ok(undefined);
    return ok(new RackInference(gen.value, played, score, leaves, keptCount, temperature));
  }

  /**
   * The probability of accepting a deal whose first {@link keptCount} tiles (`tiles[0..)`) are
   * the ones the opponent kept: `exp(−gap / temperature)`.
   */
  acceptance(tiles: Uint8Array): number {
    return Math.exp(-this.gap(tiles) / this.temperature);
  }

  /** The equity the opponent's play gave up against their best play, had they kept `tiles[0..keptCount)`. */
  gap(tiles: Uint8Array): number {
    const k = this.keptCount;
    const sorted = this.#sorted;
    for (let i = 0; i < k; i++) {
      const t = tiles[i] as number;
      let j = i;
      for (; j > 0 && (sorted[j - 1] as number) > t; j--) sorted[j] = sorted[j - 1] as number;
      sorted[j] = t;
    }
    // Up to 7 tiles of 7 bits make an exact key.
    let key = -1;
    if (k <= 7) {
      key = 0;
      for (let i = 0; i < k; i++) key = key * 128 + (sorted[i] as number);
      const known = this.#cache.get(key);
      if (known !== undefined) return known;
    }
    const hand = this.#hand;
    hand.length = 0;
    for (const t of this.#played) hand.push(t);
    for (let i = 0; i < k; i++) hand.push(sorted[i] as number);
    const gen = this.#gen;
    const best = gen.searchTop(hand, 1, this.#search) > 0 ? gen.topPlayEquity(0) : -Infinity;
    const gap = Math.max(0, best - (this.#score + this.#leaves.leaveValue(sorted, k)));
    if (key >= 0 && this.#cache.size < 200_000) this.#cache.set(key, gap);
    return gap;
  }
}
