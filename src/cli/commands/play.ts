import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { leavePlayer, staticPlayer, type Player } from '../../ai/players.js';
import { selfPlay } from '../../ai/selfplay.js';
import { Board } from '../../board/board.js';
import { presetConfig, type GameConfig } from '../../config/config.js';
import { MoveGenerator, allPlays } from '../../movegen/generator.js';
import { parseBoard } from '../../notation/board-text.js';
import { parseTiles } from '../../notation/tokens.js';
import { renderBoard } from '../../render/board.js';
import { moveInput, validateMove } from '../../rules/crossword.js';
import { makeHand } from '../../state/hand.js';
import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const PLAY_USAGE = `wordgame best [--board FILE|-] --hand LETTERS [-n 10] [--all] [--json] [--config en] [--dict FILE]
wordgame selfplay [--seed N] [--players static,leave] [--config en] [--dict FILE] [--json]`;

/** AI players by name. */
export function playerByName(name: string, config: GameConfig): Player | undefined {
  return name === 'static' ? staticPlayer : name === 'leave' ? leavePlayer(config) : undefined;
}

/** `wordgame best`: the best plays of a hand on a board. */
export async function bestCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      board: { type: 'string' },
      hand: { type: 'string' },
      n: { type: 'string', short: 'n', default: '10' },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      config: { type: 'string', default: 'en' },
      dict: { type: 'string' },
    },
  });
  const n = Number(values.n);
  if (values.hand === undefined || !Number.isInteger(n) || n < 0) {
    io.err(`usage: ${PLAY_USAGE.split('\n')[0]}\n`);
    return 2;
  }
  const config = presetConfig(values.config);
  const dict = dictionaryFromOption(values.dict);
  if (!config.ok) {
    io.err(describeError(config.error) + '\n');
    return 2;
  }
  if (!dict.ok) {
    io.err(describeError(dict.error) + '\n');
    return 2;
  }
  const c = config.value;
  let board = Board.empty(c.layout.rows, c.layout.cols);
  if (values.board !== undefined) {
    const b = parseBoard(values.board === '-' ? await io.stdin() : readFileSync(values.board, 'utf8'), c.alphabet, c.layout);
    if (!b.ok) {
      io.err(describeError(b.error) + '\n');
      return 2;
    }
    board = b.value;
  }
  const tiles = parseTiles(values.hand, c.alphabet);
  if (!tiles.ok) {
    io.err(`bad hand: ${tiles.bad}\n`);
    return 2;
  }
  const hand = makeHand(tiles.tiles);
  const gen = MoveGenerator.create(c, dict.value, board);
  if (!gen.ok) {
    io.err(describeError(gen.error) + '\n');
    return 2;
  }
  const plays = allPlays(gen.value, hand);
  const shown = values.all ? plays : plays.slice(0, n);
  const detail = shown.map((p) => {
    const m = validateMove(moveInput(p.placements, c), { board, hand, config: c, dictionary: dict.value });
    return { notation: p.notation, score: p.score, words: m.ok ? m.value.words.map((w) => w.word) : [] };
  });
  if (values.json) io.out(JSON.stringify(detail) + '\n');
  else {
    for (const d of detail) io.out(`${String(d.score).padStart(4)}  ${d.notation.padEnd(20)} ${d.words.join(', ')}\n`);
    io.out(`${plays.length} plays\n`);
  }
  return 0;
}

/** `wordgame selfplay`: a full classic game between two AI players. */
export async function selfplayCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string', default: '1' },
      players: { type: 'string', default: 'static,leave' },
      config: { type: 'string', default: 'en' },
      dict: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const config = presetConfig(values.config);
  const dict = dictionaryFromOption(values.dict);
  if (!Number.isInteger(seed) || !config.ok || !dict.ok) {
    io.err(`usage: ${PLAY_USAGE.split('\n')[1]}\n`);
    return 2;
  }
  const names = values.players.split(',');
  const players = names.map((n) => playerByName(n, config.value));
  if (players.length < 1 || players.some((p) => p === undefined)) {
    io.err('--players takes a comma-separated list of static and leave\n');
    return 2;
  }
  const t0 = performance.now();
  const game = selfPlay(config.value, dict.value, players as Player[], seed);
  const ms = performance.now() - t0;
  if (!game.ok) {
    io.err(describeError(game.error) + '\n');
    return 1;
  }
  const { turns, final } = game.value;
  if (values.json) {
    io.out(JSON.stringify({ seed, turns, scores: final.tiles.scores, adjustments: final.adjustments, endReason: final.endReason, ms: Math.round(ms) }) + '\n');
    return 0;
  }
  const label = (p: number) => `${names[p]}#${p + 1}`;
  io.out(`Self-play, seed ${seed}: ${names.map((_, p) => label(p)).join(' vs ')} (every play checked by the validator)\n\n`);
  for (const [i, t] of turns.entries()) io.out(`${String(i + 1).padStart(3)}. ${label(t.player).padEnd(10)} ${t.rack.padEnd(8)} ${t.move.padEnd(22)} ${String(t.score).padStart(4)} ${String(t.total).padStart(5)}\n`);
  io.out(`\n${renderBoard(final.tiles.board, config.value, { hands: final.tiles.hands, scores: final.tiles.scores, names: names.map((_, p) => label(p)) })}`);
  io.out(`\nGame over (${final.endReason === 'out' ? 'a player went out' : 'six scoreless turns'}); rack adjustments ${final.adjustments.join(', ')}.\n`);
  io.out(`Final scores: ${final.tiles.scores.map((s, p) => `${label(p)} ${s}`).join(', ')}. ${turns.length} turns in ${ms.toFixed(0)} ms.\n`);
  return 0;
}
