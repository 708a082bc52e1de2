import { createEngine } from './src/game/engine.js';
import { loadDefaultDictionary } from './src/node/files.js';
const d = loadDefaultDictionary(); if (!d.ok) throw 1;
const engine = createEngine({ dictionary: (a) => (a === 'en' ? d.value : undefined) });
for (const code of ['scrabble-en', 'duplicate-en', 'anagram-en', 'boggle-4x4']) {
  const c = engine.create({ name: 'Test', timePerTurn: 60, code, maxPlayers: 4 }, 'ann'); if (!c.ok) throw c.error;
  let s = c.value.state;
  const ap = (p: string, r: unknown) => { const x = engine.apply(s, p, r); if (!x.ok) { console.log(code, p, JSON.stringify(r), '->', x.error.code, x.error.name, x.error.param ?? ''); return; } s = x.state; console.log(code, p, JSON.stringify(r), '->', x.events.map(e => e.type).join(',')); };
  ap('bob', { type: 'join' }); ap('bob', { type: 'join' }); ap('bob', { type: 'start' }); ap('ann', { type: 'start' }); ap('ann', { type: 'start' });
  ap('ann', { type: 'hand' }); ap('zed', { type: 'hand' });
  ap('bob', { type: 'pass' }); ap('ann', { type: 'pass' }); ap('ann', { type: 'trade', glyphs: ['Z'] });
  ap('ann', { type: 'close-turn' }); ap('bob', { type: 'close-turn' }); ap('ann', { type: 'fly' });
}
