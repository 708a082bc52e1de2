#!/usr/bin/env node
// Validation from a move string, side by side with MAGPIE's `validated_moves_create` (issue 29):
// the real positions of ../shared/data/movegen, the 10 highest-scoring plays of each (the
// project's generator; MAGPIE agrees on every play of these positions), written as record
// strings (`8H WORD`, played-through letters written out, a blank in lower case). The project:
// `parsePlay` then `validatePlacements` (every rule, the words and the score); MAGPIE: its
// validation of the same string for the player on turn, phonies not allowed (mpval.c, our
// harness over MAGPIE's API, compiled outside the project by mpval.sh). CPU time on both
// sides, the two taking turns over ROUNDS rounds; the ratio is project ÷ MAGPIE (> 1: slower).
//
//   npm run build && bash bench/peers/mpval.sh ../peers-out/magpie
//   node bench/peers/validation.mjs ../peers-out/magpie [ROUNDS]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [outArg, roundsArg = '3'] = process.argv.slice(2);
if (outArg === undefined) {
  console.error('usage: node bench/peers/validation.mjs MAGPIE_OUT_DIR [ROUNDS]');
  process.exit(2);
}
const out = resolve(outArg);
const W = await import(resolve('dist/index.js'));
const N = await import(resolve('dist/node.js'));
const dict = N.loadDefaultDictionary();
const preset = W.presetConfig('en');
if (!dict.ok || !preset.ok) throw new Error('no embedded data');
const config = preset.value;
const BLANK = 0x40;
const positions = gunzipSync(readFileSync('../shared/data/movegen/positions.jsonl.gz'))
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));

const items = [];
const gen = W.MoveGenerator.create(config, dict.value).value;
for (const p of positions) {
  const board = W.Board.fromCells(15, 15, p.cells);
  if (!board.ok || p.cgp === undefined) continue;
  const hand = W.makeHand([...p.rack].map((ch) => (ch === '?' ? BLANK : ch.charCodeAt(0) - 64)));
  gen.setBoard(board.value);
  const plays = W.allPlays(gen, hand)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  for (const play of plays) {
    const text = W.formatPlay(play.placements, board.value, config.alphabet, { through: 'letters' });
    if (text.ok) items.push({ cgp: p.cgp, text: text.value, board: board.value, hand });
  }
}
mkdirSync(join(out, 'run'), { recursive: true });
const file = join(out, 'run', 'validation.moves');
writeFileSync(file, items.map((x) => `${x.cgp}\t${x.text}`).join('\n') + '\n');

/** The project's CPU ns a move over the list, repeated for at least 2 s of CPU. */
function project() {
  let valid = 0;
  const once = () => {
    valid = 0;
    for (const x of items) {
      const p = W.parsePlay(x.text, x.board, config.alphabet);
      if (
        p.ok &&
        W.validatePlacements(p.value.placements, { board: x.board, hand: x.hand, config, dictionary: dict.value }).ok
      )
        valid++;
    }
  };
  once();
  const start = process.cpuUsage();
  let reps = 0;
  let used = 0;
  do {
    once();
    reps++;
    const u = process.cpuUsage(start);
    used = (u.user + u.system) * 1000;
  } while (used < 2e9 || reps < 3);
  return { valid, ns: used / reps / items.length };
}
/** MAGPIE's CPU ns a move (its process's own CPU time, the list repeated for at least 2 s). */
function magpie() {
  const r = spawnSync(join(out, 'mpval'), [join(out, 'magpie', 'data'), file, '2000'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mpval: ${r.stderr}`);
  const [n, valid, ns] = r.stdout.trim().split(' ').map(Number);
  return { n, valid, ns };
}

const rounds = [];
for (let k = 0; k < Number(roundsArg); k++) {
  const a = k % 2 === 0 ? project() : undefined;
  const m = magpie();
  const b = a ?? project();
  rounds.push({ project: b.ns, magpie: m.ns, validProject: b.valid, validMagpie: m.valid, n: m.n });
  console.log(
    `round ${k + 1}: project ${b.ns.toFixed(0)} ns a move (${b.valid} valid), MAGPIE ${m.ns.toFixed(0)} ns (${m.valid} of ${m.n} valid): ratio ${(b.ns / m.ns).toFixed(2)}`,
  );
}
const ratios = rounds.map((r) => r.project / r.magpie).sort((x, y) => x - y);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(
  `${items.length} moves of ${positions.length} positions: project ÷ MAGPIE ${median.toFixed(2)} (${ratios[0].toFixed(2)}-${ratios.at(-1).toFixed(2)}) in CPU time`,
);
