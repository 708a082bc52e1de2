import { expect, it, vi } from 'vitest';
import { MoveGenerator, bestPlay, handFromLetters, presetConfig } from 'wordgame-engine';
import { packageDictionaryPath, readDictionaryFile } from 'wordgame-engine/node';
import { AlphagramIndex } from 'wordgame-engine/internals';
import { unwrap } from './helpers.js';

// Its own file: the warm-up runs once a process for each kind of generator, and vitest gives each
// test file a fresh module state, so what runs here is the process's first generators.
it('warms up each kind of generator (without, then with the full-hand index) once a process, in either order, unless told not to', () => {
  const config = unwrap(presetConfig('en'));
  const dictionary = unwrap(readDictionaryFile(packageDictionaryPath()));
  const build = vi.spyOn(AlphagramIndex, 'build');
  const searches = vi.spyOn(MoveGenerator.prototype, 'searchTop');
  try {
    // Made without the warm-up (a one-off query): no search before its own, and it does not count.
    const cold = unwrap(MoveGenerator.create(config, dictionary, undefined, { warmUp: false, fullHandIndex: false }));
    expect(searches).not.toHaveBeenCalled();
    const hand = unwrap(handFromLetters('AEINRST', config));
    const coldBest = bestPlay(cold, hand)?.notation;
    expect(searches).toHaveBeenCalledTimes(1);
    searches.mockClear();
    unwrap(MoveGenerator.create(config, dictionary, undefined, { fullHandIndex: false }));
    const plainWarmUp = searches.mock.calls.length;
    expect(plainWarmUp).toBeGreaterThan(10);
    expect(build).not.toHaveBeenCalled();
    // The first indexed generator warms up its own kind: the index is built for its searches then.
    unwrap(MoveGenerator.create(config, dictionary));
    expect(searches.mock.calls.length).toBeGreaterThan(plainWarmUp + 10);
    expect(build.mock.calls.filter((call) => call[0] === dictionary)).toHaveLength(1);
    // Later generators of either kind run none.
    const warmed = searches.mock.calls.length;
    unwrap(MoveGenerator.create(config, dictionary));
    unwrap(MoveGenerator.create(config, dictionary, undefined, { fullHandIndex: false }));
    expect(searches.mock.calls.length).toBe(warmed);
    // The same best play as a warmed-up generator's.
    expect(bestPlay(unwrap(MoveGenerator.create(config, dictionary)), hand)?.notation).toBe(coldBest);
  } finally {
    build.mockRestore();
    searches.mockRestore();
  }
});
