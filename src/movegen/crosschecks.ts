import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { ARC_END_OF_WORD, ARC_LAST, ARC_TARGET_SHIFT } from '../dictionary/format.js';

/**
 * Cross-checks of a board, for one direction of play: for every empty square, the glyphs that
 * form a valid word across the line of play (a bitmask: codes 0-31 in `lo`, 32-63 in `hi`) and
 * the points of the tiles already in that cross-word (`sum`, -1 when the square has no
 * neighbour across the line, so any glyph fits and no cross-word is formed). Dead squares
 * allow nothing.
 */
export class CrossChecks {
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  readonly sum: Int16Array;
  /** True for checks used by across plays (cross-words run down), false for down plays. */
  readonly forAcross: boolean;
  private readonly allLo: number;
  private readonly allHi: number;

  constructor(size: number, forAcross: boolean, glyphs: number) {
    this.lo = new Uint32Array(size);
    this.hi = new Uint32Array(size);
    this.sum = new Int16Array(size);
    this.forAcross = forAcross;
    let lo = 0;
    let hi = 0;
    for (let g = 1; g <= glyphs; g++) {
      if (g < 32) lo |= 1 << g;
      else hi |= 1 << (g - 32);
    }
    this.allLo = lo >>> 0;
    this.allHi = hi >>> 0;
  }

  /** True when glyph `g` may go on square `s`. */
  allows(s: number, g: number): boolean {
    return g < 32 ? (((this.lo[s] as number) >>> g) & 1) === 1 : (((this.hi[s] as number) >>> (g - 32)) & 1) === 1;
  }

  /** Recomputes the checks of every square. */
  computeAll(cells: Uint8Array, config: GameConfig, dictionary: Dictionary): void {
    for (let s = 0; s < cells.length; s++) this.computeSquare(s, cells, config, dictionary);
  }

  /** Recomputes the checks of the squares of one row (`line` a row index) or column, as `rowLine` says. */
  computeLine(line: number, rowLine: boolean, cells: Uint8Array, config: GameConfig, dictionary: Dictionary): void {
    const { rows, cols } = config.layout;
    if (rowLine) for (let c = 0; c < cols; c++) this.computeSquare(line * cols + c, cells, config, dictionary);
    else for (let r = 0; r < rows; r++) this.computeSquare(r * cols + line, cells, config, dictionary);
  }

  /** Recomputes one square's checks. */
  computeSquare(s: number, cells: Uint8Array, config: GameConfig, dictionary: Dictionary): void {
    const { layout, letters } = config;
    if (cells[s] !== 0 || layout.dead[s] === 1) {
      this.lo[s] = 0;
      this.hi[s] = 0;
      this.sum[s] = -1;
      return;
    }
    // The cross-word runs perpendicular to the play: down for across plays.
    const cols = layout.cols;
    const step = this.forAcross ? cols : 1;
    const low = this.forAcross ? s % cols : s - (s % cols);
    const high = this.forAcross ? low + (layout.rows - 1) * cols : low + cols - 1;
    let before = s;
    while (before - step >= low && cells[before - step] !== 0) before -= step;
    let after = s;
    while (after + step <= high && cells[after + step] !== 0) after += step;
    if (before === s && after === s) {
      this.lo[s] = this.allLo;
      this.hi[s] = this.allHi;
      this.sum[s] = -1;
      return;
    }
    let sum = 0;
    for (let t = before; t <= after; t += step) {
      const v = cells[t] as number;
      if (t !== s && (v & BLANK) === 0) sum += letters.values[v & 0x3f] as number;
    }
    const arcs = dictionary.arcs;
    let node = dictionary.root;
    if (before < s) {
      const a = walkSquares(dictionary, node, cells, before, s - step, step);
      node = a < 0 ? 0 : (arcs[a] as number) >>> ARC_TARGET_SHIFT;
    }
    let lo = 0;
    let hi = 0;
    if (node !== 0) {
      for (let a = dictionary.firstArc(node); ; a++) {
        const v = arcs[a] as number;
        const g = v & 0x3f;
        let ok: boolean;
        if (after === s) ok = (v & ARC_END_OF_WORD) !== 0;
        else {
          const end = walkSquares(dictionary, v >>> ARC_TARGET_SHIFT, cells, s + step, after, step);
          ok = end >= 0 && ((arcs[end] as number) & ARC_END_OF_WORD) !== 0;
        }
        if (ok) {
          if (g < 32) lo |= 1 << g;
          else hi |= 1 << (g - 32);
        }
        if ((v & ARC_LAST) !== 0) break;
      }
    }
    this.lo[s] = lo >>> 0;
    this.hi[s] = hi >>> 0;
    this.sum[s] = sum;
  }
}

/** Follows the tiles of squares `from..to` (by `step`) from `node`; the last arc, or -1. */
function walkSquares(dictionary: Dictionary, node: number, cells: Uint8Array, from: number, to: number, step: number): number {
  let a = -1;
  for (let t = from; t <= to; t += step) {
    if (node === 0) return -1;
    a = dictionary.arc(node, (cells[t] as number) & 0x3f);
    if (a < 0) return -1;
    node = (dictionary.arcs[a] as number) >>> ARC_TARGET_SHIFT;
  }
  return a;
}
