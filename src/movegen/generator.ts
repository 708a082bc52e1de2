import type { Board, Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { ARC_END_OF_WORD, ARC_TARGET_SHIFT, findArc, popcount } from '../dictionary/format.js';
import type { EngineError } from '../errors/error.js';
import { formatPlay } from '../notation/move.js';
import { ok, type Result } from '../result.js';
import type { Hand } from '../state/hand.js';
import { CrossChecks } from './crosschecks.js';

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
  readonly across: boolean;
  /** First square of the main word (board tiles included). */
  readonly wordStart: number;
  readonly wordLength: number;
  /** The new tiles as placements sorted by square (allocates). */
  placements(): Placement[];
}

/**
 * Generates every legal play of a hand on a board with a GADDAG (Gordon 1994): for each anchor
 * square and direction, the word is grown leftwards from the anchor, then turns at the GADDAG
 * separator and grows rightwards, checked against per-square cross-check bitmasks and scored as
 * it grows. A play covering several anchors is generated once (from its leftmost anchor); a
 * single tile once (across when it touches tiles across, else down). Buffers are reused:
 * generation allocates nothing per play. The generator keeps its own copy of the board, updated
 * incrementally with {@link MoveGenerator.applyPlacements}.
 */
export class MoveGenerator implements PlayView {
  readonly config: GameConfig;
  readonly dictionary: Dictionary;
  /** Cross-checks for across plays (cross-words run down) and for down plays. */
  readonly crossAcross: CrossChecks;
  readonly crossDown: CrossChecks;
  private board: Board | undefined;
  private readonly cells: Uint8Array;
  private readonly anchors: Uint8Array;
  private readonly gaddagRoot: number;
  private readonly maskWords: number;
  private readonly values: Uint8Array;
  private readonly rack = new Int8Array(64);
  private blanks = 0;
  private rackLo = 0;
  private rackHi = 0;
  private readonly sqBuf: Int16Array;
  private readonly tileBuf: Uint8Array;
  private placed = 0;
  // The line being generated.
  private lineBase = 0;
  private step = 1;
  private lineLength = 0;
  private anchorP = 0;
  private minLeft = 0;
  private cross: CrossChecks;
  private onPlay: (play: PlayView) => void = () => undefined;
  // The play being reported.
  score = 0;
  across = true;
  wordStart = 0;
  wordLength = 0;

  private constructor(config: GameConfig, dictionary: Dictionary, gaddagRoot: number) {
    this.config = config;
    this.dictionary = dictionary;
    this.gaddagRoot = gaddagRoot;
    this.maskWords = dictionary.maskWords;
    const size = config.layout.rows * config.layout.cols;
    this.cells = new Uint8Array(size);
    this.anchors = new Uint8Array(size);
    this.crossAcross = new CrossChecks(size, true, config.alphabet.size);
    this.crossDown = new CrossChecks(size, false, config.alphabet.size);
    this.cross = this.crossAcross;
    this.values = config.letters.values;
    const side = Math.max(config.layout.rows, config.layout.cols);
    this.sqBuf = new Int16Array(side);
    this.tileBuf = new Uint8Array(side);
  }

  /** A generator for a configuration and a dictionary that has a GADDAG (of the same alphabet). */
  static create(config: GameConfig, dictionary: Dictionary, board?: Board): Result<MoveGenerator, EngineError> {
    const root = dictionary.gaddag();
    if (!root.ok) return root;
    const g = new MoveGenerator(config, dictionary, root.value);
    if (board !== undefined) g.setBoard(board);
    else g.recomputeAll();
    return ok(g);
  }

  /** Takes a new board: copies its cells and recomputes every cross-check and anchor. */
  setBoard(board: Board): void {
    this.board = board;
    board.copyCellsInto(this.cells);
    this.recomputeAll();
  }

  /** The board the generator holds (undefined before any was set). */
  currentBoard(): Board | undefined {
    return this.board;
  }

  /** Adds tiles to the board and updates only the cross-checks they change (their rows and columns). */
  applyPlacements(placements: readonly Placement[]): void {
    const cols = this.config.layout.cols;
    if (this.board !== undefined) this.board = this.board.withTiles(placements);
    for (const p of placements) this.cells[p.square] = p.tile;
    // Each touched column once (cross-words of across plays run down), each touched row once.
    const columns = new Set<number>();
    const rows = new Set<number>();
    for (const p of placements) {
      columns.add(p.square % cols);
      rows.add(Math.floor(p.square / cols));
    }
    for (const c of columns) this.crossAcross.computeLine(c, false, this.cells, this.config, this.dictionary);
    for (const r of rows) this.crossDown.computeLine(r, true, this.cells, this.config, this.dictionary);
    this.computeAnchors();
  }

  private recomputeAll(): void {
    this.crossAcross.computeAll(this.cells, this.config, this.dictionary);
    this.crossDown.computeAll(this.cells, this.config, this.dictionary);
    this.computeAnchors();
  }

  private computeAnchors(): void {
    const { rows, cols, start, dead } = this.config.layout;
    const cells = this.cells;
    let any = false;
    for (let s = 0; s < cells.length; s++) if (cells[s] !== 0) any = true;
    for (let s = 0; s < cells.length; s++) {
      if (!any) {
        this.anchors[s] = s === start ? 1 : 0;
        continue;
      }
      const r = Math.floor(s / cols);
      const c = s % cols;
      this.anchors[s] =
        cells[s] === 0 &&
        dead[s] === 0 &&
        ((c > 0 && cells[s - 1] !== 0) || (c < cols - 1 && cells[s + 1] !== 0) || (r > 0 && cells[s - cols] !== 0) || (r < rows - 1 && cells[s + cols] !== 0))
          ? 1
          : 0;
    }
  }

  /** Reports every legal play of `hand` on the current board to `onPlay`. */
  generate(hand: Hand, onPlay: (play: PlayView) => void): void {
    this.rack.fill(0);
    this.blanks = 0;
    this.rackLo = 0;
    this.rackHi = 0;
    for (const t of hand) {
      if (t === BLANK) this.blanks++;
      else {
        this.rack[t & 0x3f] = (this.rack[t & 0x3f] as number) + 1;
        this.setRackBit(t & 0x3f);
      }
    }
    this.onPlay = onPlay;
    this.placed = 0;
    const { rows, cols } = this.config.layout;
    // Across: one line a row.
    this.across = true;
    this.cross = this.crossAcross;
    this.step = 1;
    this.lineLength = cols;
    for (let r = 0; r < rows; r++) {
      this.lineBase = r * cols;
      this.generateLine();
    }
    this.across = false;
    this.cross = this.crossDown;
    this.step = cols;
    this.lineLength = rows;
    for (let c = 0; c < cols; c++) {
      this.lineBase = c;
      this.generateLine();
    }
    this.onPlay = () => undefined;
  }

  private generateLine(): void {
    let lastAnchor = -1;
    for (let p = 0; p < this.lineLength; p++) {
      if (this.anchors[this.lineBase + p * this.step] === 1) {
        this.anchorP = p;
        this.minLeft = lastAnchor + 1;
        this.left(p, this.gaddagRoot, 0, 1, 0);
        lastAnchor = p;
      }
    }
  }

  private setRackBit(g: number): void {
    if (g < 32) this.rackLo |= 1 << g;
    else this.rackHi |= 1 << (g - 32);
  }

  private clearRackBit(g: number): void {
    if (g < 32) this.rackLo &= ~(1 << g);
    else this.rackHi &= ~(1 << (g - 32));
  }

  /** Places at line position `p` (at or left of the anchor), from GADDAG node `node`. */
  private left(p: number, node: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const s = this.lineBase + p * this.step;
    const c = this.cells[s] as number;
    const arcs = this.dictionary.arcs;
    if (c !== 0) {
      const a = findArc(arcs, node, c & 0x3f, this.maskWords);
      if (a >= 0) this.goLeft(p, a, mainSum + ((c & BLANK) !== 0 ? 0 : (this.values[c & 0x3f] as number)), wordMult, crossTotal);
      return;
    }
    if (p < this.minLeft) return;
    this.placeEach(p, s, node, mainSum, wordMult, crossTotal, true, 0);
  }

  /** Places at line position `p` (right of the anchor) from `node`; `leftStart` is where the word begins. */
  private right(p: number, node: number, mainSum: number, wordMult: number, crossTotal: number, leftStart: number): void {
    const s = this.lineBase + p * this.step;
    const c = this.cells[s] as number;
    if (c !== 0) {
      const a = findArc(this.dictionary.arcs, node, c & 0x3f, this.maskWords);
      if (a >= 0) this.goRight(p, a, mainSum + ((c & BLANK) !== 0 ? 0 : (this.values[c & 0x3f] as number)), wordMult, crossTotal, leftStart);
      return;
    }
    this.placeEach(p, s, node, mainSum, wordMult, crossTotal, false, leftStart);
  }

  /** Tries every glyph that the node, the cross-checks and the rack (or a blank) allow on empty square `s`. */
  private placeEach(p: number, s: number, node: number, mainSum: number, wordMult: number, crossTotal: number, leftward: boolean, leftStart: number): void {
    const arcs = this.dictionary.arcs;
    const w = this.maskWords;
    const rack = this.rack;
    const values = this.values;
    const tileBuf = this.tileBuf;
    const nodeLo = arcs[node] as number;
    const nodeHi = w === 2 ? (arcs[node + 1] as number) : 0;
    let lo = (this.cross.lo[s] as number) & nodeLo;
    let hi = (this.cross.hi[s] as number) & nodeHi;
    if (this.blanks === 0) {
      lo &= this.rackLo;
      hi &= this.rackHi;
    }
    if ((lo | hi) === 0) return;
    const layout = this.config.layout;
    const lm = layout.letterMultiplier[s] as number;
    const wm = layout.wordMultiplier[s] as number;
    const wmul = wordMult * wm;
    const crossSum = this.cross.sum[s] as number;
    const k = this.placed;
    this.sqBuf[k] = s;
    this.placed = k + 1;
    for (let half = 0; half < 2; half++) {
      let m = half === 0 ? lo : hi;
      while (m !== 0) {
        const bit = m & -m;
        m ^= bit;
        const g = 31 - Math.clz32(bit) + half * 32;
        const a = half === 0 ? node + w + popcount(nodeLo & (bit - 1)) : node + 2 + popcount(nodeLo) + popcount(nodeHi & (bit - 1));
        const count = rack[g] as number;
        if (count > 0) {
          // The hand's own tile.
          rack[g] = count - 1;
          if (count === 1) this.clearRackBit(g);
          tileBuf[k] = g;
          const lv = (values[g] as number) * lm;
          const ct = crossSum >= 0 ? crossTotal + (crossSum + lv) * wm : crossTotal;
          if (leftward) this.goLeft(p, a, mainSum + lv, wmul, ct);
          else this.goRight(p, a, mainSum + lv, wmul, ct, leftStart);
          rack[g] = count;
          this.setRackBit(g);
        }
        if (this.blanks > 0) {
          // A blank standing for g: worth 0.
          this.blanks--;
          tileBuf[k] = g | BLANK;
          const ct = crossSum >= 0 ? crossTotal + crossSum * wm : crossTotal;
          if (leftward) this.goLeft(p, a, mainSum, wmul, ct);
          else this.goRight(p, a, mainSum, wmul, ct, leftStart);
          this.blanks++;
        }
      }
    }
    this.placed = k;
  }

  private goLeft(p: number, a: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const arcs = this.dictionary.arcs;
    const v = arcs[a] as number;
    const cells = this.cells;
    const step = this.step;
    const s = this.lineBase + p * step;
    const leftEmpty = p === 0 || cells[s - step] === 0;
    const anchorSquare = this.lineBase + this.anchorP * step;
    const rightOfAnchorEmpty = this.anchorP + 1 >= this.lineLength || cells[anchorSquare + step] === 0;
    if ((v & ARC_END_OF_WORD) !== 0 && leftEmpty && rightOfAnchorEmpty) this.record(p, this.anchorP, mainSum, wordMult, crossTotal);
    const next = v >>> ARC_TARGET_SHIFT;
    if (next === 0) return;
    if (p > 0) this.left(p - 1, next, mainSum, wordMult, crossTotal);
    // Turn at the separator (glyph 0, so the node's first arc when it has one).
    if (leftEmpty && this.anchorP + 1 < this.lineLength && ((arcs[next] as number) & 1) !== 0) {
      const sepTarget = (arcs[next + this.maskWords] as number) >>> ARC_TARGET_SHIFT;
      if (sepTarget !== 0) this.right(this.anchorP + 1, sepTarget, mainSum, wordMult, crossTotal, p);
    }
  }

  private goRight(p: number, a: number, mainSum: number, wordMult: number, crossTotal: number, leftStart: number): void {
    const v = this.dictionary.arcs[a] as number;
    const s = this.lineBase + p * this.step;
    const rightEmpty = p + 1 >= this.lineLength || this.cells[s + this.step] === 0;
    if ((v & ARC_END_OF_WORD) !== 0 && rightEmpty) this.record(leftStart, p, mainSum, wordMult, crossTotal);
    const next = v >>> ARC_TARGET_SHIFT;
    if (next !== 0 && p + 1 < this.lineLength) this.right(p + 1, next, mainSum, wordMult, crossTotal, leftStart);
  }

  private record(startP: number, endP: number, mainSum: number, wordMult: number, crossTotal: number): void {
    const length = endP - startP + 1;
    if (length < 2 || this.placed === 0) return;
    // A single tile is reported once: down only when it touches no tile across.
    if (this.placed === 1 && !this.across && (this.crossDown.sum[this.sqBuf[0] as number] as number) >= 0) return;
    const bonus = this.placed === this.config.handSize ? this.config.fullHandBonus : 0;
    this.score = mainSum * wordMult + crossTotal + bonus;
    this.wordStart = this.lineBase + startP * this.step;
    this.wordLength = length;
    this.onPlay(this);
  }

  // ---- PlayView ------------------------------------------------------------------------

  get tileCount(): number {
    return this.placed;
  }

  square(i: number): number {
    return this.sqBuf[i] as number;
  }

  tile(i: number): number {
    return this.tileBuf[i] as number;
  }

  placements(): Placement[] {
    const out: Placement[] = [];
    for (let i = 0; i < this.placed; i++) out.push({ square: this.sqBuf[i] as number, tile: this.tileBuf[i] as number });
    return out.sort((x, y) => x.square - y.square);
  }
}

/** A generated play, materialised. */
export interface GeneratedPlay {
  /** New tiles sorted by square. */
  readonly placements: readonly Placement[];
  readonly score: number;
  readonly direction: 'across' | 'down';
  /** Record notation (`8H WO.D`). */
  readonly notation: string;
}

/**
 * The order of plays: higher score first; then across before down; then the main word's first
 * square; then the new tiles' squares and cell values, in square order. Deterministic, so the
 * best play and top-N lists are reproducible.
 */
export function comparePlays(a: GeneratedPlay, b: GeneratedPlay): number {
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

function materialise(play: PlayView, board: Board, config: GameConfig): GeneratedPlay {
  const placements = play.placements();
  const notation = formatPlay(placements, board, config.alphabet);
  return { placements, score: play.score, direction: play.across ? 'across' : 'down', notation: notation.ok ? notation.value : '?' };
}

/** Every legal play of a hand, sorted by {@link comparePlays}. */
export function allPlays(generator: MoveGenerator, hand: Hand): GeneratedPlay[] {
  const board = generator.currentBoard();
  if (board === undefined) return [];
  const out: GeneratedPlay[] = [];
  generator.generate(hand, (p) => out.push(materialise(p, board, generator.config)));
  return out.sort(comparePlays);
}

/** The best `n` plays, in order. */
export function topPlays(generator: MoveGenerator, hand: Hand, n: number): GeneratedPlay[] {
  return allPlays(generator, hand).slice(0, Math.max(0, n));
}

/**
 * The best play (highest score, ties broken by {@link comparePlays}), or undefined when there is
 * none. Streams: only plays that beat the best so far are materialised.
 */
export function bestPlay(generator: MoveGenerator, hand: Hand): GeneratedPlay | undefined {
  const board = generator.currentBoard();
  if (board === undefined) return undefined;
  let best: GeneratedPlay | undefined;
  generator.generate(hand, (p) => {
    if (best !== undefined && p.score < best.score) return;
    const candidate = materialise(p, board, generator.config);
    if (best === undefined || comparePlays(candidate, best) < 0) best = candidate;
  });
  return best;
}

