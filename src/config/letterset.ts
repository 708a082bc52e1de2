import type { Alphabet } from '../alphabet/alphabet.js';

/** A tile: a glyph code 1..63, or {@link BLANK} (a blank not yet given a letter). */
export type Tile = number;

/** The blank tile in hands and bags. On the board a blank is `BLANK | code` (the letter it stands for). */
export const BLANK = 0x40;

/** The glyph of a tile or board cell (0 for an undesignated blank). */
export function tileGlyph(tile: Tile): number {
  return tile & 0x3f;
}

/** True when a tile or board cell is a blank. */
export function isBlank(tile: Tile): boolean {
  return (tile & BLANK) !== 0;
}

/** A letterset as plain data: what a user writes to define their own. */
export interface LetterSetSpec {
  readonly name: string;
  /** Each glyph of the game with its number of tiles and its points. */
  readonly tiles: readonly { readonly glyph: string; readonly count: number; readonly value: number }[];
  /** Number of blank tiles (worth 0). */
  readonly blanks: number;
}

/** A checked letterset bound to its alphabet: counts and values indexed by glyph code. */
export interface LetterSet {
  readonly spec: LetterSetSpec;
  readonly alphabet: Alphabet;
  /** Tiles of each glyph code (index 0 unused). */
  readonly counts: Uint8Array;
  /** Points of each glyph code (index 0, the blank, is 0). */
  readonly values: Uint8Array;
  readonly blanks: number;
  /** Total number of tiles, blanks included. */
  readonly total: number;
}

/** The points of a tile or board cell: 0 for blanks. */
export function tileValue(letterset: LetterSet, tile: Tile): number {
  return (tile & BLANK) !== 0 ? 0 : (letterset.values[tile & 0x3f] ?? 0);
}

/** Turns `{ 1: 'E12 A9', 2: 'D4' }` (points: glyph+count ...) into tile entries. */
export function tilesByValue(groups: Readonly<Record<number, string>>): LetterSetSpec['tiles'] {
  const out: { glyph: string; count: number; value: number }[] = [];
  for (const [value, list] of Object.entries(groups)) {
    for (const item of list.split(/\s+/).filter(Boolean)) {
      const m = /^(\D+)(\d+)$/u.exec(item);
      if (m === null) throw new Error(`bad tile entry ${item}`);
      out.push({ glyph: (m[1] as string).toUpperCase(), count: Number(m[2]), value: Number(value) });
    }
  }
  return out;
}

/** English Scrabble: 100 tiles (98 letters, 2 blanks), face total 187. */
export const ENGLISH_LETTERS: LetterSetSpec = {
  name: 'english',
  tiles: tilesByValue({
    1: 'E12 A9 I9 O8 N6 R6 T6 L4 S4 U4',
    2: 'D4 G3',
    3: 'B2 C2 M2 P2',
    4: 'F2 H2 V2 W2 Y2',
    5: 'K1',
    8: 'J1 X1',
    10: 'Q1 Z1',
  }),
  blanks: 2,
};

/** French Scrabble: 102 tiles (100 letters, 2 jokers). */
export const FRENCH_LETTERS: LetterSetSpec = {
  name: 'french',
  tiles: tilesByValue({
    1: 'E15 A9 I8 N6 O6 R6 S6 T6 U6 L5',
    2: 'D3 M3 G2',
    3: 'B2 C2 P2',
    4: 'F2 H2 V2',
    8: 'J1 Q1',
    10: 'K1 W1 X1 Y1 Z1',
  }),
  blanks: 2,
};

/** Spanish Scrabble: 100 tiles with CH, LL, RR and Ñ as single tiles (no K, no W). */
export const SPANISH_LETTERS: LetterSetSpec = {
  name: 'spanish',
  tiles: tilesByValue({
    1: 'A12 E12 O9 I6 S6 N5 R5 U5 L4 T4',
    2: 'D5 G2',
    3: 'C4 B2 M2 P2',
    4: 'H2 F1 V1 Y1',
    5: 'CH1 Q1',
    8: 'J1 LL1 Ñ1 RR1 X1',
    10: 'Z1',
  }),
  blanks: 2,
};

/** German Scrabble: 102 tiles. */
export const GERMAN_LETTERS: LetterSetSpec = {
  name: 'german',
  tiles: tilesByValue({
    1: 'E15 N9 S7 I6 R6 T6 U6 A5 D4',
    2: 'H4 G3 L3 O3',
    3: 'M4 B2 W1 Z1',
    4: 'C2 F2 K2 P1',
    6: 'Ä1 J1 Ü1 V1',
    8: 'Ö1 X1',
    10: 'Q1 Y1',
  }),
  blanks: 2,
};

/** Polish Scrabble: 100 tiles. */
export const POLISH_LETTERS: LetterSetSpec = {
  name: 'polish',
  tiles: tilesByValue({
    1: 'A9 I8 E7 O6 N5 Z5 R4 S4 W4',
    2: 'Y4 C3 D3 K3 L3 M3 P3 T3',
    3: 'B2 G2 H2 J2 Ł2 U2',
    5: 'Ą1 Ę1 F1 Ó1 Ś1 Ż1',
    6: 'Ć1',
    7: 'Ń1',
    9: 'Ź1',
  }),
  blanks: 2,
};

/** Words With Friends ("classic"): 104 tiles. */
export const WWF_LETTERS: LetterSetSpec = {
  name: 'wwf',
  tiles: tilesByValue({
    1: 'A9 E13 I8 O8 R6 S5 T7',
    2: 'D5 L4 N5 U4',
    3: 'G3 H4 Y2',
    4: 'B2 C2 F2 M2 P2 W2',
    5: 'K1 V2',
    8: 'X1',
    10: 'J1 Q1 Z1',
  }),
  blanks: 2,
};

/** Super Scrabble: 200 tiles (196 letters, 4 blanks), English values. */
export const SUPER_LETTERS: LetterSetSpec = {
  name: 'english-super',
  tiles: tilesByValue({
    1: 'A16 E24 I13 L7 N13 O15 R13 S10 T15 U7',
    2: 'D8 G5',
    3: 'B4 C6 M6 P4',
    4: 'F4 H5 V3 W4 Y4',
    5: 'K2',
    8: 'J2 X2',
    10: 'Q2 Z2',
  }),
  blanks: 4,
};
