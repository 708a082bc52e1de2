/**
 * Boggle dice sets as data. A die is six faces written as six characters; `Q` is the "Qu" face
 * (one cell of two letters). Other languages' sets are data of the same shape.
 */
export interface DiceSet {
  readonly name: string;
  /** Grid side: 4, 5 or 6. */
  readonly side: number;
  readonly dice: readonly string[];
  /** Minimum word length on this grid (3 on 4×4, 4 on larger grids). */
  readonly minLength: number;
}

/** The new 16-dice set (4×4), used by most modern editions. */
export const NEW_16: DiceSet = {
  name: 'new16',
  side: 4,
  minLength: 3,
  dice: 'AAEEGN ABBJOO ACHOPS AFFKPS AOOTTW CIMOTU DEILRX DELRVY DISTTY EEGHNW EEINSU EHRTVW EIOSST ELRTTY HIMNQU HLNNRZ'.split(
    ' ',
  ),
};

/** The classic (original, c. 1976) 16-dice set. */
export const CLASSIC_16: DiceSet = {
  name: 'classic16',
  side: 4,
  minLength: 3,
  dice: 'AACIOT ABILTY ABJMOQ ACDEMP ACELRS ADENVZ AHMORS BIFORX DENOSW DKNOTU EEFHIY EGKLUY EGINTV EHINPS ELPSTU GILRUW'.split(
    ' ',
  ),
};

/** Big Boggle Deluxe / Boggle Master (5×5). */
export const BIG_DELUXE_25: DiceSet = {
  name: 'big-deluxe25',
  side: 5,
  minLength: 4,
  dice: 'AAAFRS AAEEEE AAFIRS ADENNN AEEEEM AEEGMU AEGMNN AFIRSY BJKQXZ CCNSTW CEIILT CEILPT CEIPST DDLNOR DHHLOR DHHNOT DHLNOR EIIITT EMOTTT ENSSSU FIPRSY GORRVW HIPRRY NOOTUW OOOTTU'.split(
    ' ',
  ),
};

/** The original Big Boggle (1979) set (5×5). */
export const BIG_ORIGINAL_25: DiceSet = {
  name: 'big-original25',
  side: 5,
  minLength: 4,
  dice: 'AAAFRS AAEEEE AAFIRS ADENNN AEEEEM AEEGMU AEGMNN AFIRSY BJKQXZ CCENST CEIILT CEILPT CEIPST DDHNOT DHHLOR DHLNOR DHLNOR EIIITT EMOTTT ENSSSU FIPRSY GORRVW IPRRRY NOOTUW OOOTTU'.split(
    ' ',
  ),
};

/**
 * A 6×6 set of the engine's own: the 25 Big Boggle Deluxe dice and the first 11 of the new
 * 16-dice set. No official Super Big Boggle set could be verified (its multi-letter and blank
 * faces are left out), so this is a stand-in, not a commercial set.
 */
export const ENGINE_36: DiceSet = {
  name: 'engine36',
  side: 6,
  minLength: 4,
  dice: [...BIG_DELUXE_25.dice, ...NEW_16.dice.slice(0, 11)],
};

/** The built-in sets by name, and the default set of each grid side. */
export const DICE_SETS: Readonly<Record<string, DiceSet>> = Object.freeze({
  new16: NEW_16,
  classic16: CLASSIC_16,
  'big-deluxe25': BIG_DELUXE_25,
  'big-original25': BIG_ORIGINAL_25,
  engine36: ENGINE_36,
});

/** The default dice set of a grid side (4, 5 or 6). */
export function defaultDiceSet(side: number): DiceSet | undefined {
  return side === 4 ? NEW_16 : side === 5 ? BIG_DELUXE_25 : side === 6 ? ENGINE_36 : undefined;
}

/** Boggle scores by word length (index: length in letters; 8 and more score the last entry). */
export const BOGGLE_SCORES: readonly number[] = Object.freeze([0, 0, 0, 1, 1, 2, 3, 5, 11]);

/** The score of a word of `letters` letters (Qu counts 2). */
export function boggleScore(letters: number, table: readonly number[] = BOGGLE_SCORES): number {
  return table[Math.min(letters, table.length - 1)] ?? 0;
}
