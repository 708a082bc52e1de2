import type { Alphabet } from '../alphabet/alphabet.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { nextState, randomOf, seedState } from '../state/random.js';
import type { DiceSet } from './dice.js';

/**
 * A Boggle grid: `rows × cols` cells, each a face of one or two glyphs (the "Qu" face is Q then
 * U). Glyph codes are flat typed arrays for the solver: `first[i]`, and `second[i]` (0 for a
 * single-glyph face).
 */
export interface BoggleGrid {
  readonly rows: number;
  readonly cols: number;
  /** Each cell's face as text ('A', 'Qu'). */
  readonly faces: readonly string[];
  readonly first: Uint8Array;
  readonly second: Uint8Array;
  /** Minimum word length on this grid, in letters (3 on 4×4, 4 on larger grids unless the set says otherwise). */
  readonly minLength: number;
}

/** The largest grid side. */
export const MAX_GRID_SIDE = 8;

/** The default minimum word length of a grid side. */
export function defaultMinLength(side: number): number {
  return side <= 4 ? 3 : 4;
}

/** Face text to codes: `Q` alone is Qu; otherwise the alphabet splits the text (at most two glyphs). */
function faceCodes(face: string, alphabet: Alphabet): number[] | undefined {
  const text = face.toUpperCase() === 'Q' ? 'QU' : face;
  const r = alphabet.encode(text);
  if (!r.ok || r.value.length < 1 || r.value.length > 2) return undefined;
  return [...r.value];
}

/** A grid from faces, row by row. */
export function gridFromFaces(
  faces: readonly string[],
  rows: number,
  cols: number,
  alphabet: Alphabet,
  minLength = defaultMinLength(Math.max(rows, cols)),
): Result<BoggleGrid, EngineError> {
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 2 ||
    cols < 2 ||
    rows > MAX_GRID_SIDE ||
    cols > MAX_GRID_SIDE ||
    faces.length !== rows * cols
  )
    return err(
      engineError(Code.BAD_NOTATION, { cause: `a grid is 2 to ${MAX_GRID_SIDE} cells a side with one face a cell` }),
    );
  const first = new Uint8Array(faces.length);
  const second = new Uint8Array(faces.length);
  const names: string[] = [];
  for (let i = 0; i < faces.length; i++) {
    const codes = faceCodes(faces[i] as string, alphabet);
    if (codes === undefined)
      return err(
        engineError(Code.BAD_NOTATION, { cause: `${JSON.stringify(faces[i])} is not a face of one or two glyphs` }),
      );
    first[i] = codes[0] as number;
    second[i] = codes[1] ?? 0;
    const text = alphabet.decode(codes);
    names.push(text.length > 1 ? text[0] + text.slice(1).toLowerCase() : text);
  }
  return ok(Object.freeze({ rows, cols, faces: Object.freeze(names), first, second, minLength }));
}

/**
 * Parses a grid written as rows joined by `/` (`ABCD/EFGH/IJKL/MNOP`); `Q` or `Qu` is the Qu face;
 * any other face of two glyphs goes in brackets (`[TH]`). Spaces are ignored.
 */
export function parseGrid(text: string, alphabet: Alphabet): Result<BoggleGrid, EngineError> {
  if (typeof text !== 'string' || text.length > 1000)
    return err(engineError(Code.BAD_NOTATION, { cause: 'a grid must be a short text' }));
  const rows = text.replace(/\s+/g, '').split('/');
  const faces: string[] = [];
  let cols = -1;
  for (const row of rows) {
    const cells: string[] = [];
    for (let i = 0; i < row.length;) {
      if (row[i] === '[') {
        const close = row.indexOf(']', i);
        if (close < 0) return err(engineError(Code.BAD_NOTATION, { cause: `unclosed bracket in ${row}` }));
        cells.push(row.slice(i + 1, close));
        i = close + 1;
      } else if ((row[i] === 'Q' || row[i] === 'q') && (row[i + 1] === 'u' || row[i + 1] === 'U')) {
        cells.push('QU');
        i += 2;
      } else {
        cells.push(String.fromCodePoint(row.codePointAt(i) ?? 0));
        i += cells[cells.length - 1]?.length ?? 1;
      }
    }
    if (cols >= 0 && cells.length !== cols)
      return err(engineError(Code.BAD_NOTATION, { cause: 'every row of a grid has the same number of cells' }));
    cols = cells.length;
    faces.push(...cells);
  }
  return gridFromFaces(faces, rows.length, cols, alphabet);
}

/** Formats a grid as rows joined by `/` (Qu as `Qu`, other two-glyph faces in brackets). */
export function formatGrid(grid: BoggleGrid): string {
  const rows: string[] = [];
  for (let r = 0; r < grid.rows; r++) {
    let s = '';
    for (let c = 0; c < grid.cols; c++) {
      const f = grid.faces[r * grid.cols + c] as string;
      s += f.length === 1 || f === 'Qu' ? f : `[${f}]`;
    }
    rows.push(s);
  }
  return rows.join('/');
}

/** Rolls a dice set with a seeded PRNG: the dice are shuffled into the cells, each shows a random face. Same seed, same grid. */
export function rollGrid(set: DiceSet, seed: number, alphabet: Alphabet): Result<BoggleGrid, EngineError> {
  if (set.dice.length !== set.side * set.side)
    return err(
      engineError(Code.BAD_CONFIGURATION, { cause: `a ${set.side}×${set.side} set needs ${set.side * set.side} dice` }),
    );
  let rng = seedState(seed);
  const dice = [...set.dice];
  for (let i = dice.length - 1; i > 0; i--) {
    rng = nextState(rng);
    const j = Math.floor(randomOf(rng) * (i + 1));
    [dice[i], dice[j]] = [dice[j] as string, dice[i] as string];
  }
  const faces = dice.map((die) => {
    rng = nextState(rng);
    const sides = [...die];
    return sides[Math.floor(randomOf(rng) * sides.length)] as string;
  });
  return gridFromFaces(faces, set.side, set.side, alphabet, set.minLength);
}

/** Renders a grid for people, one row a line. */
export function renderGrid(grid: BoggleGrid): string {
  const lines: string[] = [];
  for (let r = 0; r < grid.rows; r++)
    lines.push(
      grid.faces
        .slice(r * grid.cols, (r + 1) * grid.cols)
        .map((f) => f.padEnd(3))
        .join('')
        .trimEnd(),
    );
  return lines.join('\n') + '\n';
}
