import fc from 'fast-check';
import { Alphabet, Dictionary, createConfig, type GameConfig } from 'wordgame-engine';

/** The seed of every property test: fixed, so that failures reproduce; `FC_SEED=n` runs them with another (docs/fuzzing.md). */
export const SEED = /^\d{1,9}$/.test(process.env.FC_SEED ?? '') ? Number(process.env.FC_SEED) : 20261123;
/** fast-check parameters used everywhere. */
export const FC = { seed: SEED, numRuns: 200 } as const;

/** A four-letter alphabet, so random strings collide and near misses are common. */
export const ABCD = (() => {
  const r = Alphabet.create({ name: 'abcd', glyphs: ['A', 'B', 'C', 'D'], vowels: ['A'] });
  if (!r.ok) throw new Error('alphabet');
  return r.value;
})();

/** Random words over A-D of 1 to 7 letters. */
export const smallWord = fc.stringMatching(/^[abcd]{1,7}$/);

/** Builds a dictionary or fails the test. */
export function mustBuild(words: Iterable<string>, alphabet: Alphabet, gaddag = false): Dictionary {
  const r = Dictionary.build(words, alphabet, { gaddag });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.dictionary;
}

/** The value of a result, or a thrown test failure with the error. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The error of a result, or a thrown test failure. */
export function failure<E>(r: { ok: true; value: unknown } | { ok: false; error: E }): E {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

/** A 5×5 crossword configuration over A-D (values 1-4, 4 blanks, hands of 4): small enough for exhaustive oracles. */
export function abcdConfig(): GameConfig {
  return fiveByFive(['A', 'B', 'C', 'D'], ['A', 'B', 'C', 'D']);
}

/**
 * The same game over a 40-glyph alphabet whose four tiles have glyph codes 1, 31, 32 and 33,
 * either side of 32, where the word graph's glyph sets take a second word (33 is bit 1 of the
 * second word, as 1 is of the first).
 */
export function wideConfig(): GameConfig {
  const glyphs = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...'ÄÖÜÅÆØÇÉÈÑŁŚŹŻ'];
  return fiveByFive(glyphs, ['A', 'Æ', 'Ø', 'Ç']);
}

function fiveByFive(glyphs: string[], letters: string[]): GameConfig {
  return unwrap(
    createConfig({
      name: 'abcd',
      alphabet: { name: 'abcd', glyphs, vowels: ['A'] },
      letters: { name: 'abcd', tiles: letters.map((g, i) => ({ glyph: g, count: 20, value: i + 1 })), blanks: 4 },
      layout: { name: 'five', rows: ['T.d.T', '.D.D.', 'd.*.d', '.D.D.', 'T.d.T'] },
      handSize: 4,
      fullHandBonus: 15,
    }),
  );
}

/** A real mid-game position (a record of the reference corpus; the same as examples/browser-sim.html): the side to move holds EHMOSTY, 84 ahead. */
export const SIM_BOARD = `
...............
....R..........
....E..........
....T..........
....S..........
...gI..........
...ON..........
...DA.FUTZ.....
...R....O......
.P.O....L......
.I.OD...U......
.N.NO...EW.....
.D..G...NA.....
.E..M...EX.....
.REPANELS......`.trim();
