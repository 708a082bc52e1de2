#!/usr/bin/env node
/**
 * `npm run bench:ab -- [options] A B`: two builds of the engine side by side in one process, the
 * way this project compares a change with the code before it on a noisy shared machine
 * (docs/performance.md): the same work in chunks, the builds taking turns chunk by chunk (the
 * order alternating), CPU time, and a checksum of what each build played, so that a change meant
 * to find the same plays shows that it does.
 *
 * A and B are git commits or branches, or `.` for the working tree (uncommitted changes
 * included). Each is built once with its own tsup configuration under
 * node_modules/.cache/wordgame-ab/ (a commit is kept and reused; the working tree is built again
 * each run). The same ref on both sides is one build, loaded once: a measure of the noise.
 *
 * Work (`--work`, a comma-separated list; all four by default):
 *   selfplay  the lean Autoplayer, both players on the shipped learned leaves: games a CPU-second,
 *             and the sum of the games' spreads
 *   sim       Simulator, 2 plies, 10 candidates, 150 iterations each, no early stop: play-rollouts
 *             a CPU-second, and the plays chosen. On the real positions of ../shared/data/movegen
 *             when they are beside the project, else on the mid-game ones of
 *             test/fixtures/movegen-positions.json
 *   search    the move generator on 600 real positions of ../shared/data/movegen (`--searches`;
 *             the fixtures' mid-game ones when absent), each a new board: the best play by equity
 *             (the shipped leaves) and by score, and every play (`generate`): positions a
 *             CPU-second, and the best plays and play counts
 *   endgame   EndgameSolver on the real endgames of ../shared/data/gcg (the first two turns of each
 *             record after the bag empties, as `recordTurns` reads them: 175), a node budget each
 *             (`--nodes`, 100,000: the same search on both sides): nodes a CPU-second, and each
 *             value and node count. Not in the default list; a usage error when the records are
 *             absent
 *   boggle    BoggleSolver on 4×4 grids rolled from the standard dice: grids a CPU-second, and the
 *             sum of their totals
 * Options: --games N (1600, chunks of 100), --positions N (12), --searches N (600, chunks of 50),
 * --grids N (20000, chunks of 1000),
 * --rounds R (4). Each round is a process of its own that loads the two builds, in turn A first
 * and B first, so that an effect of the order cancels in the median.
 *
 * Prints each figure by build and round, B ÷ A (above 1: B is faster) and its median over the
 * rounds, then the medians of the rounds that loaded A first and B first and their geometric
 * mean (the order of loading can move a ratio by several per cent). Exit code 1 when the
 * checksums differ, 2 on a usage or build error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run bench:ab -- [--work selfplay,sim,search,boggle,endgame] [--games N] [--positions N] [--searches N] [--grids N] [--nodes N] [--rounds R] A B';
const die = (message) => {
  console.error(`bench:ab: ${message}`);
  process.exit(2);
};

// ---- arguments
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = argv[i + 1];
  argv.splice(i, 2);
  return value ?? die(`${name} needs a value\n${USAGE}`);
};
const count = (name, fallback) => {
  const v = option(name, String(fallback));
  if (!/^[1-9]\d{0,6}$/.test(v)) die(`${name} takes a whole number from 1 to 9999999, not "${v}"`);
  return Number(v);
};
const work = option('--work', 'selfplay,sim,search,boggle').split(',');
for (const w of work)
  if (!['selfplay', 'sim', 'search', 'boggle', 'endgame'].includes(w)) die(`unknown work "${w}"\n${USAGE}`);
const games = count('--games', 1600);
const positionCount = count('--positions', 12);
const searchCount = count('--searches', 600);
const gridCount = count('--grids', 20000);
const endgameNodes = count('--nodes', 100000);
const rounds = count('--rounds', 4);
const child = option('--child', '');
if (argv.length !== 2) die(USAGE);

// ---- the builds
/** The file a finished build leaves in its folder (a commit's build is reused only then). */
const BUILT = '.ab-built';
const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });

/** Builds `ref` (a commit, a branch or `.`) and returns its folder (with dist/ and dictionaries/). */
function build(ref) {
  const cache = join(root, 'node_modules', '.cache', 'wordgame-ab');
  let dir;
  if (ref === '.') {
    dir = join(cache, 'worktree');
    rmSync(dir, { recursive: true, force: true });
    const files = git('ls-files', '-z', '--cached', '--others', '--exclude-standard');
    if (files.status !== 0) die(`git ls-files failed: ${files.stderr}`);
    for (const f of files.stdout.split('\0'))
      if (f !== '' && existsSync(join(root, f))) cpSync(join(root, f), join(dir, f), { recursive: true });
  } else {
    const sha = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).stdout.trim();
    if (sha === '') die(`"${ref}" is not a commit of this repository`);
    dir = join(cache, sha);
    if (existsSync(join(dir, BUILT))) return dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = join(cache, `${sha}.tar`);
    const archive = git('archive', '--format=tar', '-o', tar, sha);
    if (archive.status !== 0) die(`git archive of ${ref} failed: ${archive.stderr}`);
    const untar = spawnSync('tar', ['-xf', tar, '-C', dir], { encoding: 'utf8' });
    rmSync(tar, { force: true });
    if (untar.status !== 0) die(`unpacking ${ref} failed: ${untar.stderr}`);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsup = spawnSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (tsup.status !== 0 || !existsSync(join(dir, 'dist', 'index.js')))
    die(`building ${ref} failed:\n${tsup.stdout}${tsup.stderr}`);
  writeFileSync(join(dir, BUILT), `${ref}\n`);
  return dir;
}

/** One build's engine (in its folder `dir`): its entry points, loaded once. */
async function load(ref, dir) {
  const core = await import(pathToFileURL(join(dir, 'dist', 'index.js')).href);
  const node = await import(pathToFileURL(join(dir, 'dist', 'node.js')).href);
  for (const name of ['presetConfig', 'Autoplayer', 'Simulator', 'BoggleSolver', 'rollGrid', 'defaultDiceSet'])
    if (core[name] === undefined) die(`the build of ${ref} has no export ${name}`);
  const unwrap = (r, what) => (r.ok ? r.value : die(`${ref}: ${what}: ${JSON.stringify(r.error)}`));
  const config = unwrap(core.presetConfig('en'), 'presetConfig');
  const dictionary = unwrap(node.loadDefaultDictionary(), 'loadDefaultDictionary');
  const leaves = unwrap(node.loadDefaultLeaves(), 'loadDefaultLeaves');
  return { ref, core, config, dictionary, leaves, unwrap };
}

// ---- the work: each kind makes, for a build, `size` items and `run(from, to)`, which does items
// from..to and returns the units done (games, play-rollouts, positions, grids) and a checksum part.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function selfplayWork(b) {
  const players = [
    { name: 'a', leaves: b.leaves },
    { name: 'b', leaves: b.leaves },
  ];
  const autoplayer = b.unwrap(b.core.Autoplayer.create(b.config, b.dictionary, players), 'Autoplayer.create');
  for (let seed = 1; seed <= 200; seed++) autoplayer.playGame(seed); // warm-up
  const run = (from, to) => {
    let sum = 0;
    for (let seed = 1000 + from; seed < 1000 + to; seed++) {
      const game = autoplayer.playGame(seed);
      sum += game.scores[0] - game.scores[1];
    }
    return { units: to - from, check: String(sum) };
  };
  return { size: games, run };
}

/**
 * `count` real positions of ../shared/data/movegen that `keep` takes (evenly spread), or when that
 * data is absent the English mid-game ones of the test fixtures: each { cells (225 cell values)
 * or board (text rows), rack }, read by {@link boardOf}.
 */
function positions(work, count, keep) {
  const shared = join(root, '..', 'shared', 'data', 'movegen', 'positions.jsonl.gz');
  if (existsSync(shared)) {
    const all = gunzipSync(readFileSync(shared))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
      .filter((p) => keep(p, p.cells.filter((v) => v !== 0).length));
    return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor((i * all.length) / count)]);
  }
  const fixtures = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'movegen-positions.json'), 'utf8'));
  const mid = fixtures.filter((p) => p.config === 'en' && p.name.startsWith('mid-game'));
  console.log(`${work}: ../shared/data/movegen is absent; the ${mid.length} mid-game positions of the test fixtures`);
  return mid.slice(0, count);
}

/** A position's board and hand in build `b`. */
function boardOf(b, p) {
  const { core } = b;
  const board = p.cells
    ? b.unwrap(core.Board.fromCells(15, 15, p.cells), 'Board.fromCells')
    : b.unwrap(core.parseBoard(p.board.join('\n'), b.config.alphabet), 'parseBoard');
  return { board, rack: b.unwrap(core.handFromLetters(p.rack, b.config), 'handFromLetters') };
}

function simWork(b) {
  const sim = b.unwrap(b.core.Simulator.create(b.config, b.dictionary, b.leaves), 'Simulator.create');
  const sample = positions(
    'sim',
    positionCount,
    // A full hand with no blank, tiles on the board, and more than 7 tiles in the bag.
    (p, tiles) => /^[A-Z]{7}$/.test(p.rack) && tiles > 0 && 100 - tiles - 7 > 14,
  );
  const panel = sample.map((p) => ({ ...boardOf(b, p), lead: 0 }));
  const options = { candidates: 10, iterations: 150, seed: 1, confidence: 1 };
  b.unwrap(sim.simulate(panel[0], { ...options, iterations: 50 }), 'simulate'); // warm-up
  const run = (from, to) => {
    let units = 0;
    let check = '';
    for (let i = from; i < to; i++) {
      const result = b.unwrap(sim.simulate(panel[i], options), 'simulate');
      for (const c of result.candidates) units += c.iterations;
      check += `${result.candidates[0].notation};`;
    }
    return { units, check };
  };
  return { size: panel.length, run };
}

function searchWork(b) {
  const { core } = b;
  const generator = b.unwrap(core.MoveGenerator.create(b.config, b.dictionary), 'MoveGenerator.create');
  const panel = positions('search', searchCount, (p, tiles) => tiles > 0).map((p) => boardOf(b, p));
  const run = (from, to) => {
    let check = '';
    for (let i = from; i < to; i++) {
      const { board, rack } = panel[i];
      // A new board each time, as in self-play: the first search of a board pays for its tables.
      generator.setBoard(board);
      const byEquity = core.bestPlay(generator, rack, { leaves: b.leaves });
      const byScore = core.bestPlay(generator, rack);
      let plays = 0;
      generator.generate(rack, () => {
        plays++;
      });
      check += `${byEquity?.notation};${byScore?.notation};${plays}|`;
    }
    return { units: to - from, check };
  };
  run(0, Math.min(50, panel.length)); // warm-up
  return { size: panel.length, run };
}

function boggleWork(b) {
  const { core } = b;
  const solver = new core.BoggleSolver(b.dictionary);
  const dice = core.defaultDiceSet(4);
  const grids = Array.from({ length: gridCount }, (_, i) =>
    b.unwrap(core.rollGrid(dice, i + 1, b.config.alphabet), 'rollGrid'),
  );
  for (let i = 0; i < Math.min(5000, gridCount); i++) solver.solve(grids[i]); // warm-up
  const run = (from, to) => {
    let sum = 0;
    for (let i = from; i < to; i++) {
      solver.solve(grids[i]);
      sum += solver.total;
    }
    return { units: to - from, check: String(sum) };
  };
  return { size: gridCount, run };
}

/** The real endgames of ../shared/data/gcg, each { board, racks } in build `b`; empty when absent. */
function endgames(b) {
  const { core } = b;
  const dir = join(root, '..', 'shared', 'data', 'gcg');
  if (!existsSync(dir)) return [];
  const out = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.gcg'))
    .sort()) {
    const record = core.parseGcg(readFileSync(join(dir, file), 'latin1'));
    if (!record.ok) continue;
    const turns = core.recordTurns(record.value, b.config);
    if (!turns.ok) continue;
    let found = 0;
    for (const t of turns.value) {
      if (found === 2 || t.unseen === undefined || t.unseen.length === 0 || t.unseen.length > 7) continue;
      if (t.bag !== 0 || t.withdrawn || t.rack.length === 0) continue;
      out.push({ board: t.board, racks: [t.rack, t.unseen] });
      found++;
    }
  }
  return out;
}

function endgameWork(b) {
  const solver = b.unwrap(b.core.EndgameSolver.create(b.config, b.dictionary), 'EndgameSolver.create');
  const panel = endgames(b);
  if (panel.length === 0) die('endgame: ../shared/data/gcg is absent (the work needs its real endgames)');
  const run = (from, to) => {
    let units = 0;
    let check = '';
    for (let i = from; i < to; i++) {
      const { board, racks } = panel[i];
      const result = b.unwrap(solver.solve(board, racks, { maxNodes: endgameNodes }), 'solve');
      units += result.nodes;
      check += `${result.value};${result.nodes}|`;
    }
    return { units, check };
  };
  run(0, Math.min(5, panel.length)); // warm-up
  return { size: panel.length, run };
}

const kinds = {
  selfplay: { make: selfplayWork, chunk: 100, unit: 'games' },
  sim: { make: simWork, chunk: 1, unit: 'play-rollouts' },
  search: { make: searchWork, chunk: 50, unit: 'positions' },
  boggle: { make: boggleWork, chunk: 1000, unit: 'grids' },
  endgame: { make: endgameWork, chunk: 1, unit: 'nodes' },
};

// ---- side by side: a round in a child process (`--child` with the order, the folders as A B)
if (child !== '') {
  const order = child === 'swap' ? [1, 0] : [0, 1];
  const builds = [];
  for (const side of order) builds[side] = await load(side === 0 ? 'A' : 'B', argv[side]);
  for (const name of work) {
    const kind = kinds[name];
    const runs = [];
    for (const side of order) runs[side] = kind.make(builds[side]);
    const size = runs[0].size;
    const ms = [0, 0];
    const units = [0, 0];
    const checks = ['', ''];
    for (let from = 0, k = 0; from < size; from += kind.chunk, k++) {
      const to = Math.min(size, from + kind.chunk);
      for (let j = 0; j < 2; j++) {
        const side = (j + k) % 2;
        const t = cpuMs();
        const part = runs[side].run(from, to);
        ms[side] += cpuMs() - t;
        units[side] += part.units;
        checks[side] += `${part.check}|`;
      }
    }
    console.log(
      JSON.stringify({ name, rates: [0, 1].map((s) => (units[s] / ms[s]) * 1000), same: checks[0] === checks[1] }),
    );
  }
} else {
  const dirs = argv[0] === argv[1] ? Array(2).fill(build(argv[0])) : argv.map(build);
  let differ = false;
  const ratios = Object.fromEntries(work.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? 'A-first' : 'swap';
    const args = [fileURLToPath(import.meta.url), '--child', order, '--work', work.join(','), '--games', String(games)];
    args.push('--positions', String(positionCount), '--searches', String(searchCount), '--grids', String(gridCount));
    args.push('--nodes', String(endgameNodes));
    args.push(...dirs);
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (run.status !== 0) die(`round ${round + 1} failed (exit code ${run.status})`);
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('{')) {
        if (line.trim() !== '') console.log(line);
        continue;
      }
      const { name, rates, same } = JSON.parse(line);
      const ratio = rates[1] / rates[0];
      ratios[name].push(ratio);
      if (!same) differ = true;
      console.log(
        `${name} round ${round + 1} (${order === 'swap' ? 'B' : 'A'} loaded first): A ${rates[0].toFixed(1)}, B ${rates[1].toFixed(1)} ` +
          `${kinds[name].unit} a CPU-second; B ÷ A ${ratio.toFixed(3)}; ${same ? 'the same results' : 'RESULTS DIFFER'}`,
      );
    }
  }
  const medianOf = (values) => {
    const sorted = [...values].sort((x, y) => x - y);
    const n = sorted.length;
    return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  };
  for (const name of work) {
    const all = ratios[name];
    const sorted = [...all].sort((x, y) => x - y);
    const n = sorted.length;
    // The rounds by order of loading (even rounds A first): when the order moves the ratio, the
    // two medians show it, and their geometric mean is the figure free of it.
    const aFirst = all.filter((_, k) => k % 2 === 0);
    const bFirst = all.filter((_, k) => k % 2 === 1);
    const byOrder =
      bFirst.length === 0
        ? ''
        : `; A loaded first ${medianOf(aFirst).toFixed(3)}, B first ${medianOf(bFirst).toFixed(3)}, ` +
          `their geometric mean ${Math.sqrt(medianOf(aFirst) * medianOf(bFirst)).toFixed(3)}`;
    console.log(
      `${name}: B ÷ A median ${medianOf(all).toFixed(3)} (${sorted[0].toFixed(3)}-${sorted[n - 1].toFixed(3)}, ${n} rounds)${byOrder}`,
    );
  }
  process.exitCode = differ ? 1 : 0;
}
