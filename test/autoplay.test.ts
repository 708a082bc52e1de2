import { describe, expect, it } from 'vitest';
import { Autoplayer } from '../src/ai/autoplay.js';
import { heuristicLeaves, leavePlayer, staticPlayer } from '../src/ai/players.js';
import { selfPlay } from '../src/ai/selfplay.js';
import { presetConfig } from '../src/config/config.js';
import { loadDefaultDictionary } from '../src/node/files.js';
import { unwrap } from './helpers.js';

describe('lean autoplay', () => {
  const config = presetConfig('en');
  if (!config.ok) throw new Error('no preset');
  const dict = unwrap(loadDefaultDictionary());

  it('plays the same games as selfPlay (validated move by move), for static and leave players', () => {
    const leaves = heuristicLeaves(config.value);
    const lean = Autoplayer.create(config.value, dict, [{ name: 'static' }, { name: 'leave', leaves }]);
    if (!lean.ok) throw new Error(lean.error.message);
    let allBingos = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const full = selfPlay(config.value, dict, [staticPlayer, leavePlayer(config.value, leaves)], seed);
      if (!full.ok) throw new Error(full.error.message);
      const game = lean.value.playGame(seed);
      expect(game.scores, `seed ${seed}`).toEqual(full.value.final.tiles.scores);
      expect(game.turns).toBe(full.value.turns.length);
      expect(game.end).toBe(full.value.final.endReason === 'out' ? 'out' : 'stalled');
      const bingos = [0, 1].map((p) => full.value.turns.filter((t) => t.player === p && t.kind === 'play' && /^\S+ \S+$/.test(t.move) && countTiles(t.move) === 7).length);
      expect(game.bingos, `seed ${seed}`).toEqual(bingos);
      allBingos += bingos[0]! + bingos[1]!;
    }
    expect(allBingos).toBeGreaterThan(0);
  });

  it('a mirrored game swaps the seats: the same deal, the other player first', () => {
    const lean = Autoplayer.create(config.value, dict, [{ name: 'a' }, { name: 'b' }]);
    if (!lean.ok) throw new Error(lean.error.message);
    // Two identical static players: the mirrored game is the same game with the scores swapped.
    const g = lean.value.playGame(5, 0);
    const m = lean.value.playGame(5, 1);
    expect(m.scores).toEqual([...g.scores].reverse());
    expect(m.turns).toBe(g.turns);
  });
});

/** New tiles in a play's notation (`8H WO.D`): every glyph that is not a '.' through-tile. */
function countTiles(move: string): number {
  const word = move.split(' ')[1] ?? '';
  return word.replace(/\./g, '').length;
}
