#!/usr/bin/env node
// MAGPIE as an external engine of `wordgame match` (docs/match.md), for head-to-head measurements.
// It speaks the match protocol on stdin/stdout and drives MAGPIE's binary in its synchronous
// console mode, one process for the whole match: per move `cgp BOARD RACKS SCORES TURNS`, then
// `gen` (static: its best move by equity, with its own leave and endgame adjustments) or `gsim`
// (simulation, stopped at the move's budget, the `mt` operation), then `version` as an
// end-of-answer marker. No MAGPIE code or data is in this project: the binary and its data are
// built outside it by ../shared/peers/magpie/build.sh and data.sh, and this script only calls them.
//
//   node bench/peers/magpie-engine.mjs --out ../peers-out/magpie [--mode static|sim] [--data data-enklv]
//        [--wmp false] [--plies 2] [--candidates 10] [--threads 1] [--lex TWLENABLE]
//   wordgame match leave 'cmd:node bench/peers/magpie-engine.mjs --out ../peers-out/magpie' \
//        --dict ../peers-out/magpie/enable.dawg --games 2000 --log magpie-static.jsonl
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    out: { type: 'string' },
    mode: { type: 'string', default: 'static' },
    data: { type: 'string', default: 'data-enklv' },
    wmp: { type: 'string', default: 'false' },
    plies: { type: 'string', default: '2' },
    candidates: { type: 'string', default: '10' },
    threads: { type: 'string', default: '1' },
    lex: { type: 'string', default: 'TWLENABLE' },
  },
});
const die = (m) => {
  process.stderr.write(`magpie-engine: ${m}\n`);
  process.exit(2);
};
if (o.out === undefined) die('give --out, the OUT_DIR of ../shared/peers/magpie/build.sh');
const out = resolve(o.out);
const bin = join(out, 'magpie', 'bin', 'magpie');
if (!existsSync(bin)) die(`${bin} not found: build MAGPIE with ../shared/peers/magpie/build.sh`);
if (o.mode !== 'static' && o.mode !== 'sim') die('--mode is static or sim');

// MAGPIE loads its default layout from ./data before -path applies: run it from OUT/magpie.
const magpie = spawn(bin, ['set', '-mode', 'sync', '-savesettings', 'false'], {
  cwd: join(out, 'magpie'),
  stdio: ['pipe', 'pipe', 'inherit'],
});
magpie.on('exit', (code) => die(`MAGPIE exited (${code})`));
const MARKER = '0.0.0'; // what `version` prints
let pending;
let lines = [];
createInterface({ input: magpie.stdout }).on('line', (line) => {
  if (line.trim() === MARKER) {
    const done = pending;
    pending = undefined;
    done?.(lines);
    lines = [];
  } else lines.push(line);
});
const ask = (commands) =>
  new Promise((res) => {
    pending = res;
    magpie.stdin.write(commands.join('\n') + `\nversion\n`);
  });

await ask([
  `set -lex ${o.lex} -wmp ${o.wmp} -threads ${o.threads} -numplays ${o.mode === 'static' ? 1 : o.candidates} ` +
    `-plies ${o.plies} -iterations 1000000 -sinfer false -shwithmoves false -path ${join(out, o.data)}`,
]);

// MAGPIE's "I7 V(O)W" → "I7 VOW" (tiles on the board as their letters); "(exch ABC)" → "ex ABC".
const toMoveString = (row) => {
  const exchange = /^\(exch ([^)]*)\)/.exec(row);
  if (exchange) return `ex ${exchange[1]}`;
  if (/^\(?pass\)?/i.test(row)) return 'pass';
  const play = /^([0-9]+[A-Z]|[A-Z][0-9]+) (\S+)/.exec(row);
  return play ? `${play[1]} ${play[2].replace(/[()]/g, '')}` : 'pass';
};

// With the bag empty the unseen tiles are the opponent's rack, as any player tracking tiles knows
// and as MAGPIE's own autoplay gives it: the position sent to MAGPIE then has both racks, so that
// its endgame adjustment sees what the project's player sees. English tile set (the matches here).
const ENGLISH = {
  A: 9,
  B: 2,
  C: 2,
  D: 4,
  E: 12,
  F: 2,
  G: 3,
  H: 2,
  I: 9,
  J: 1,
  K: 1,
  L: 4,
  M: 2,
  N: 6,
  O: 8,
  P: 2,
  Q: 1,
  R: 6,
  S: 4,
  T: 6,
  U: 4,
  V: 2,
  W: 2,
  X: 1,
  Y: 2,
  Z: 1,
  '?': 2,
};
const withOpponentRack = (fields) => {
  const [board, racks] = fields;
  const [mine = '', theirs = ''] = racks.split('/');
  if (theirs !== '') return fields;
  const left = { ...ENGLISH };
  for (const ch of board.replace(/[0-9/]/g, '') + mine) left[/[a-z]/.test(ch) ? '?' : ch]--;
  const unseen = Object.entries(left)
    .flatMap(([t, n]) => Array(Math.max(0, n)).fill(t))
    .join('');
  return unseen.length <= 7 ? [board, `${mine}/${unseen}`, ...fields.slice(2)] : fields;
};

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'quit') break;
  const fields = withOpponentRack(line.trim().split(/\s+/).slice(0, 4));
  const budget = / mt (\d+);/.exec(line);
  const commands = [`cgp ${fields.slice(0, 4).join(' ')}`];
  if (o.mode === 'sim') commands.push(`set -tlim ${budget ? Number(budget[1]) / 1000 : 1}`, 'gsim');
  else commands.push('gen');
  const answer = await ask(commands);
  // The best move is the table's first row: " 1:  8E RAZE W 26 20.80" (gen) or "1: 8E RAZE ..." (gsim).
  const first = answer.map((l) => /^\s*1:\s+(.*)$/.exec(l)).find((m) => m);
  process.stdout.write(`${first ? toMoveString(first[1]) : 'pass'}\n`);
}
magpie.removeAllListeners('exit');
magpie.stdin.end('quit\n');
