import { presetConfig } from './src/config/config.js';
import { loadDefaultDictionary } from './src/node/files.js';
import { MoveGenerator, allPlays, bestPlay } from './src/movegen/generator.js';
import { Board } from './src/board/board.js';
import { parseTiles } from './src/notation/tokens.js';
import { makeHand } from './src/state/hand.js';
import { validateMove, scorePlacements } from './src/rules/crossword.js';
import { parsePlay } from './src/notation/move.js';
const c = presetConfig('en'); const d = loadDefaultDictionary(); if (!c.ok || !d.ok) throw 1;
const g = MoveGenerator.create(c.value, d.value, Board.empty(15, 15)); if (!g.ok) throw g.error;
const hand = (t: string) => { const r = parseTiles(t, c.value.alphabet); if (!r.ok) throw 1; return makeHand(r.tiles); };
let board = Board.empty(15,15);
const plays = [['DINNVWY','8D WINDY'],['ADEEGIL','7C GALE'],['AEJNOSV','E3 JAVE..N'],['DEILOVX','F2 VOX']];
for (const [rack, play] of plays) {
  const h = hand(rack!);
  const all = allPlays(g.value, h);
  let bad = 0;
  for (const p of all) { const s = scorePlacements(p.placements, { board, hand: h, config: c.value, dictionary: d.value }); if (s !== p.score) { bad++; if (bad < 4) console.log('mismatch', p.notation, p.score, s); } }
  const keys = new Set(all.map(p => JSON.stringify(p.placements)));
  console.log(rack, all.length, 'dups', all.length - keys.size, 'bad', bad, 'best', all[0]?.notation, all[0]?.score, bestPlay(g.value, h)?.notation);
  const pp = parsePlay(play!, board, c.value.alphabet); if (!pp.ok) throw 1;
  board = board.withTiles(pp.value.placements); g.value.applyPlacements(pp.value.placements);
}
const h = hand('AEINST?');
for (let k=0;k<3;k++){ const t=performance.now(); let n=0; g.value.generate(h, () => { n++; }); console.log('plays', n, (performance.now()-t).toFixed(2), 'ms'); }
const h2 = hand('AEINST??'.slice(0,7).replace('T','?'));
for (let k=0;k<3;k++){ const t=performance.now(); let n=0; g.value.generate(h2, () => { n++; }); console.log('2 blanks plays', n, (performance.now()-t).toFixed(2), 'ms'); }
const h0 = hand('AEINRST');
for (let k=0;k<3;k++){ const t=performance.now(); let n=0; g.value.generate(h0, () => { n++; }); console.log('0 blanks plays', n, (performance.now()-t).toFixed(2), 'ms'); }
