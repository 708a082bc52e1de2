/**
 * Board layouts as data. A layout is written as text, one line a row, one character a square
 * (spaces between squares are ignored):
 *
 * ```
 * .  plain        d  double letter   t  triple letter   q  quadruple letter
 * #  dead square  D  double word     T  triple word     Q  quadruple word
 * *  the start square, double word   +  the start square, no premium
 * ```
 */
export interface LayoutSpec {
  readonly name: string;
  readonly rows: readonly string[];
}

/** Standard 15×15 crossword board (Scrabble), start H8 (double word). */
export const STANDARD_LAYOUT: LayoutSpec = {
  name: 'standard15',
  rows: [
    'T..d...T...d..T',
    '.D...t...t...D.',
    '..D...d.d...D..',
    'd..D...d...D..d',
    '....D.....D....',
    '.t...t...t...t.',
    '..d...d.d...d..',
    'T..d...*...d..T',
    '..d...d.d...d..',
    '.t...t...t...t.',
    '....D.....D....',
    'd..D...d...D..d',
    '..D...d.d...D..',
    '.D...t...t...D.',
    'T..d...T...d..T',
  ],
};

/** Words With Friends' 15×15 board ("classic"); the centre is a plain start square. */
export const WWF_LAYOUT: LayoutSpec = {
  name: 'wwf15',
  rows: [
    '...T..t.t..T...',
    '..d..D...D..d..',
    '.d..d.....d..d.',
    'T..t...D...t..T',
    '..d...d.d...d..',
    '.D...t...t...D.',
    't...d.....d...t',
    '...D...+...D...',
    't...d.....d...t',
    '.D...t...t...D.',
    '..d...d.d...d..',
    'T..t...D...t..T',
    '.d..d.....d..d.',
    '..d..D...D..d..',
    '...T..t.t..T...',
  ],
};

/** Super Scrabble's 21×21 board; the centre K11 is a plain start square. */
export const SUPER_LAYOUT: LayoutSpec = {
  name: 'standard21',
  rows: [
    'Q..d...T..d..T...d..Q',
    '.D..t...D...D...t..D.',
    '..D..q...D.D...q..D..',
    'd..T..d...T...d..T..d',
    '.t..D...t...t...D..t.',
    '..q..D...d.d...D..q..',
    '...d..D...d...D..d...',
    'T......D.....D......T',
    '.D..t...t...t...t..D.',
    '..D..d...d.d...d..D..',
    'd..T..d...+...d..T..d',
    '..D..d...d.d...d..D..',
    '.D..t...t...t...t..D.',
    'T......D.....D......T',
    '...d..D...d...D..d...',
    '..q..D...d.d...D..q..',
    '.t..D...t...t...D..t.',
    'd..T..d...T...d..T..d',
    '..D..q...D.D...q..D..',
    '.D..t...D...D...t..D.',
    'Q..d...T..d..T...d..Q',
  ],
};
