import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { formatPlay } from '../notation/move.js';
import type { PlayStore } from './store.js';

/**
 * A play as the generator reports it to a callback: a view on the generator's buffers, valid
 * only during the call. Copy what you keep ({@link PlayView.placements} does).
 */
export interface PlayView {
  /** Number of new tiles. */
  readonly tileCount: number;
  /** Square of the i-th new tile (in the order they were placed, not sorted). */
  square(i: number): number;
  /** Board cell value of the i-th new tile (glyph code, BLANK | code for a blank). */
  tile(i: number): number;
  readonly score: number;
  /** Score plus the value of the tiles kept (the score alone without leave values). */
  readonly equity: number;
  readonly across: boolean;
  /** First square of the main word (board tiles included). */
  readonly wordStart: number;
  readonly wordLength: number;
  /** The new tiles as placements sorted by square (allocates). */
  placements(): Placement[];
}

/**
 * The play a search is building and reports to a callback: its new tiles in buffers (squares,
 * line positions, cell values; the first `placed`), its direction and figures, read through the
 * {@link PlayView} getters. The move generator is one (`generator.ts`), so that its recursion
 * writes these fields directly and a callback reads them without a copy.
 */
export class ReportedPlay implements PlayView {
  protected readonly sqBuf: Int16Array;
  protected readonly posBuf: Int16Array;
  protected readonly tileBuf: Uint8Array;
  protected placed = 0;
  /** 0 across, 1 down. */
  protected dir = 0;
  protected playScore = 0;
  protected playEquity = 0;
  protected playStart = 0;
  protected playLength = 0;

  /** Buffers for plays of up to `maxTiles` new tiles. */
  constructor(maxTiles: number) {
    this.sqBuf = new Int16Array(maxTiles);
    this.posBuf = new Int16Array(maxTiles);
    this.tileBuf = new Uint8Array(maxTiles);
  }

  /** Number of new tiles of the play being reported. */
  get tileCount(): number {
    return this.placed;
  }

  /** Score of the play being reported. */
  get score(): number {
    return this.playScore;
  }

  /** Score plus the value of the tiles kept (the score alone without leave values). */
  get equity(): number {
    return this.playEquity;
  }

  /** True when the play being reported goes across. */
  get across(): boolean {
    return this.dir === 0;
  }

  /** First square of the main word (board tiles included). */
  get wordStart(): number {
    return this.playStart;
  }

  /** Length of the main word. */
  get wordLength(): number {
    return this.playLength;
  }

  /** Square of the i-th new tile (in the order they were placed). */
  square(i: number): number {
    return this.sqBuf[i] as number;
  }

  /** Cell value of the i-th new tile. */
  tile(i: number): number {
    return this.tileBuf[i] as number;
  }

  /** The new tiles as placements sorted by square (allocates). */
  placements(): Placement[] {
    const out: Placement[] = [];
    for (let i = 0; i < this.placed; i++)
      out.push({ square: this.sqBuf[i] as number, tile: this.tileBuf[i] as number });
    return out.sort((x, y) => x.square - y.square);
  }
}

/** A play of one or two tiles held in fields and reported as a {@link PlayView} (the plays of small hands). */
export class SmallPlay implements PlayView {
  tileCount = 0;
  square0 = 0;
  square1 = 0;
  tile0 = 0;
  tile1 = 0;
  score = 0;
  equity = 0;
  across = true;
  wordStart = 0;
  wordLength = 0;

  /** Square of the i-th new tile. */
  square(i: number): number {
    return i === 0 ? this.square0 : this.square1;
  }

  /** Cell value of the i-th new tile. */
  tile(i: number): number {
    return i === 0 ? this.tile0 : this.tile1;
  }

  /** The new tiles as placements sorted by square (allocates). */
  placements(): Placement[] {
    const first = { square: this.square0, tile: this.tile0 };
    if (this.tileCount === 1) return [first];
    const second = { square: this.square1, tile: this.tile1 };
    return this.square0 < this.square1 ? [first, second] : [second, first];
  }
}

/**
 * A generated play: its placements (sorted by square), score, equity and direction. Plays from
 * {@link allPlays} build their placements and record notation (`8H WO.D`) when first read.
 */
export class GeneratedPlay {
  readonly score: number;
  /** Score plus leave value (the score when ranked without leaves). */
  readonly equity: number;
  readonly direction: 'across' | 'down';
  #placements: readonly Placement[] | undefined;
  #store: PlayStore | undefined;
  #slot = 0;
  #notation: string | undefined;
  readonly #board: Board;
  readonly #config: GameConfig;

  /** A play: its tiles (or where a store keeps them), score, equity, direction, the board before it and the configuration. */
  constructor(
    placements: readonly Placement[] | { readonly store: PlayStore; readonly slot: number },
    score: number,
    equity: number,
    across: boolean,
    board: Board,
    config: GameConfig,
  ) {
    if (Array.isArray(placements)) this.#placements = placements;
    else {
      const ref = placements as { readonly store: PlayStore; readonly slot: number };
      this.#store = ref.store;
      this.#slot = ref.slot;
    }
    this.score = score;
    this.equity = equity;
    this.direction = across ? 'across' : 'down';
    this.#board = board;
    this.#config = config;
  }

  /** The new tiles, sorted by square. */
  get placements(): readonly Placement[] {
    if (this.#placements === undefined) {
      this.#placements = Object.freeze((this.#store as PlayStore).placements(this.#slot));
      this.#store = undefined;
    }
    return this.#placements;
  }

  /** Record notation against the board before the play (`8H WO.D`). */
  get notation(): string {
    if (this.#notation === undefined) {
      const r = formatPlay(this.placements, this.#board, this.#config.alphabet);
      this.#notation = r.ok ? r.value : '?';
    }
    return this.#notation;
  }

  /** A plain-data copy (what JSON.stringify writes). */
  toJSON(): {
    placements: readonly Placement[];
    score: number;
    equity: number;
    direction: 'across' | 'down';
    notation: string;
  } {
    return {
      placements: this.placements,
      score: this.score,
      equity: this.equity,
      direction: this.direction,
      notation: this.notation,
    };
  }
}

/**
 * The order of plays (defined with `compareSlots` in `play-slots.ts`, the form the searches use):
 * higher equity first (equity equals score when ranked without leaves); then higher score; then
 * across before down; then the new tiles' squares and cell values, in square order; then fewer
 * tiles. Deterministic, so the best play and top-N lists are reproducible.
 */
export function comparePlays(a: GeneratedPlay, b: GeneratedPlay): number {
  if (a.equity !== b.equity) return b.equity - a.equity;
  if (a.score !== b.score) return b.score - a.score;
  if (a.direction !== b.direction) return a.direction === 'across' ? -1 : 1;
  const n = Math.min(a.placements.length, b.placements.length);
  for (let i = 0; i < n; i++) {
    const x = a.placements[i] as Placement;
    const y = b.placements[i] as Placement;
    if (x.square !== y.square) return x.square - y.square;
    if (x.tile !== y.tile) return x.tile - y.tile;
  }
  return a.placements.length - b.placements.length;
}
