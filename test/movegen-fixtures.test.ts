import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  presetConfig,
  Dictionary,
  MoveGenerator,
  allPlays,
  bestPlay,
  parseBoard,
  parseTiles,
  makeHand,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { SPANISH_WORDS } from './fixtures/spanish.js';
import { unwrap } from './helpers.js';

interface Position {
  name: string;
  config: string;
  dictionary: 'default' | 'spanish';
  board: string[];
  rack: string;
  plays: number;
  best?: string;
  bestScore?: number;
}

/**
 * Named positions with their play count and best play, committed as a regression table
 * (the numbers were produced by this generator, whose plays the property and completeness
 * tests check against the validator and a brute-force enumerator).
 */
const positions = JSON.parse(
  readFileSync(new URL('./fixtures/movegen-positions.json', import.meta.url), 'utf8'),
) as Position[];
const spanish = unwrap(
  Dictionary.build(SPANISH_WORDS, unwrap(presetConfig('es')).alphabet, { gaddag: true }),
).dictionary;

describe('move generation fixtures', () => {
  it.each(positions.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const config = unwrap(presetConfig(p.config));
    const board = unwrap(parseBoard(p.board.join('\n'), config.alphabet, config.layout));
    const dict = p.dictionary === 'default' ? unwrap(loadDefaultDictionary()) : spanish;
    const g = unwrap(MoveGenerator.create(config, dict, board));
    const t = parseTiles(p.rack, config.alphabet);
    if (!t.ok) throw new Error(t.error.cause);
    const hand = makeHand(t.value);
    let count = 0;
    g.generate(hand, () => void count++);
    expect(count).toBe(p.plays);
    const best = bestPlay(g, hand);
    expect(best?.notation).toBe(p.best);
    expect(best?.score).toBe(p.bestScore);
    if (p.plays < 10_000) expect(allPlays(g, hand)[0]?.notation).toBe(p.best);
  });
});
