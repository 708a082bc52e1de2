import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  Alphabet,
  Board,
  parseGrid,
  createConfig,
  presetConfig,
  Dictionary,
  loadDictionary,
  createEngine,
  gameFromJSON,
  gameToJSON,
  checkSettings,
  parseBoard,
  parsePlay,
  parsePosition,
  parseTiles,
  parseGcg,
  replayGcg,
  validateTrade,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { crosswordStateFromJSON } from 'wordgame-engine/internals';
import { FC, unwrap } from './helpers.js';

const EN = unwrap(presetConfig('en'));
const DICT = unwrap(loadDefaultDictionary());
const engine = createEngine({ dictionary: () => DICT });
const anything = fc.anything({
  withBigInt: false,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withObjectString: true,
});
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '__proto__',
    '8H',
    'H8 ABC',
    '[CH]',
    '>a: B 8H C +1 1',
    '#player1 a a\n#player2 b b\n>a: AB 8H AB +4 4',
  ),
);

/** Every public entry point that reads untrusted data answers with a value, never a throw. */
describe('hostile input', () => {
  it('parsers and checkers never throw', () => {
    fc.assert(
      fc.property(anything, text, (x, s) => {
        for (const input of [x, s]) {
          Alphabet.create(input as never);
          createConfig(input as never);
          checkSettings(input);
          presetConfig(input as never);
          parseBoard(input as never, EN.alphabet);
          parsePosition(input as never);
          parsePlay(input as never, Board.empty(15, 15), EN.alphabet);
          parseGrid(input as never, EN.alphabet);
          crosswordStateFromJSON(input, EN);
          gameFromJSON(input, engine);
          validateTrade(input, { hand: [1, 2], bagSize: 50, config: EN, tradingAllowed: true });
          engine.create(input as never, 'ann');
          engine.create({ name: 'x', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2 }, input as never);
          DICT.anagrams(input as never);
          DICT.matchPattern(input as never);
          DICT.has(input as never);
          ALPHABETS.es.encode(input as never);
          if (typeof input === 'string') {
            parseTiles(input, EN.alphabet);
            const g = parseGcg(input);
            if (g.ok) replayGcg(g.value);
          }
          if (input instanceof Uint8Array) loadDictionary(input);
        }
      }),
      { ...FC, numRuns: 1500 },
    );
  });

  it('game JSON with fields of the wrong kind is rejected, not thrown', () => {
    const s = unwrap(engine.create({ name: 'x', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2 }, 'ann')).state;
    const started = engine.apply(s, 'ann', { type: 'start' });
    const json = gameToJSON(started.ok ? started.value.state : s) as unknown as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(json)), anything, (key, value) => {
        const r = gameFromJSON({ ...json, [key]: value }, engine);
        expect(typeof r.ok).toBe('boolean');
        const classic = json.classic as Record<string, unknown> | undefined;
        if (classic !== undefined)
          for (const k of Object.keys(classic)) gameFromJSON({ ...json, classic: { ...classic, [k]: value } }, engine);
      }),
      { ...FC, numRuns: 500 },
    );
  });

  it('word lists of any shape build or fail cleanly', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 20 }), (list) => {
        const r = Dictionary.build(list as never, EN.alphabet);
        expect(typeof r.ok).toBe('boolean');
      }),
      { ...FC, numRuns: 300 },
    );
  });
});
