import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
const W = await import(resolve('dist/index.js'));
const N = await import(resolve('dist/node.js'));
const dict = N.loadDefaultDictionary().value;
const config = W.presetConfig('en').value;
const positions = gunzipSync(readFileSync('../shared/data/movegen/positions.jsonl.gz')).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const items = [];
const gen = W.MoveGenerator.create(config, dict).value;
for (const p of positions) {
  const board = W.Board.fromCells(15, 15, p.cells).value;
  const hand = W.makeHand([...p.rack].map((ch) => (ch === '?' ? 0x40 : ch.charCodeAt(0) - 64)));
  gen.setBoard(board);
  for (const play of W.allPlays(gen, hand).sort((a, b) => b.score - a.score).slice(0, 10)) {
    const t = W.formatPlay(play.placements, board, config.alphabet, { through: 'letters' });
    items.push({ text: t.value, board, hand, ctx: { board, hand, config, dictionary: dict } });
  }
}
globalThis.gc?.();
const t0 = process.cpuUsage();
let v = 0;
for (let r = 0; r < 40; r++) for (const x of items) { const p = W.parsePlay(x.text, x.board, config.alphabet); if (p.ok && W.validatePlacements(p.value.placements, x.ctx).ok) v++; }
const u = process.cpuUsage(t0);
console.log(v, ((u.user + u.system) * 1000 / 40 / items.length).toFixed(0), 'ns');
