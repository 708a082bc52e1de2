import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { leavePlayer, staticPlayer } from '../../ai/players.js';
import { selfPlay } from '../../ai/selfplay.js';
import { presetConfig } from '../../config/config.js';
import { moveInput } from '../../rules/crossword.js';
import type { Dictionary } from '../../dictionary/dictionary.js';
import { createEngine } from '../../game/engine.js';
import { SERVER_ID, type GameEvent, type GameState } from '../../game/types.js';
import { MoveGenerator, allPlays } from '../../movegen/generator.js';
import { formatTiles } from '../../notation/tokens.js';
import { renderBoard } from '../../render/board.js';
import { decodeGcg, exportSelfPlay, parseGcg, replayGcg, type GcgMismatch } from '../../records/gcg.js';
import { PERMISSIVE } from '../../rules/lookup.js';
import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const GAMES_USAGE = `wordgame gcg replay FILE... [--permissive | --dict FILE] [--json]
wordgame gcg export [--seed N]
wordgame duplicate [--seed N] [--players 3] [--dict FILE]
wordgame anagram-game [--seed N] [--players 3] [--dict FILE]`;

/** `wordgame gcg replay|export`. */
export async function gcgCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { permissive: { type: 'boolean', default: false }, dict: { type: 'string' }, json: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' } },
  });
  if (sub === 'replay') {
    if (positionals.length === 0) {
      io.err(`usage:\n${GAMES_USAGE}\n`);
      return 2;
    }
    let dictionary = PERMISSIVE;
    if (!values.permissive) {
      const d = dictionaryFromOption(values.dict);
      if (!d.ok) {
        io.err(describeError(d.error) + '\n');
        return 2;
      }
      dictionary = d.value;
    }
    const reports: { file: string; moves: number; mismatches: readonly GcgMismatch[]; totals: readonly number[] }[] = [];
    for (const file of positionals) {
      const record = parseGcg(decodeGcg(readFileSync(file)));
      const r = record.ok ? replayGcg(record.value, dictionary) : record;
      if (!r.ok) {
        io.err(`${file}: ${describeError(r.error)}\n`);
        return 2;
      }
      const { moves, mismatches, totals } = r.value;
      reports.push({ file, moves, mismatches, totals });
      if (!values.json) {
        const names = record.ok ? record.value.players.map((p, i) => `${p.nick} ${totals[i]}`).join(', ') : '';
        io.out(`${file}: ${moves} events on the ${r.value.config.name} board; final totals ${names}; ${mismatches.length === 0 ? 'every score and total matches' : `${mismatches.length} differences`}\n`);
        for (const m of mismatches) io.out(`  line ${m.line} (${m.kind}): ${m.what} recorded ${m.recorded}, engine ${m.computed}${m.detail ? ` (${m.detail})` : ''}\n`);
      }
    }
    if (values.json) io.out(JSON.stringify(reports.length === 1 ? { moves: reports[0]?.moves, mismatches: reports[0]?.mismatches, totals: reports[0]?.totals } : reports) + '\n');
    return reports.every((r) => r.mismatches.length === 0) ? 0 : 1;
  }
  if (sub === 'export') {
    const config = presetConfig('en');
    const d = dictionaryFromOption(values.dict);
    if (!config.ok || !d.ok) return 2;
    const seed = Number(values.seed);
    const game = selfPlay(config.value, d.value, [staticPlayer, leavePlayer(config.value)], Number.isInteger(seed) ? seed : 1);
    if (!game.ok) {
      io.err(describeError(game.error) + '\n');
      return 1;
    }
    io.out(exportSelfPlay(game.value, ['static', 'leave'], config.value));
    return 0;
  }
  io.err(`usage:\n${GAMES_USAGE}\n`);
  return 2;
}

function setup(args: string[], io: CliIo, code: string): { engine: ReturnType<typeof createEngine>; state: GameState; players: string[]; dict: Dictionary } | undefined {
  const { values } = parseArgs({ args, options: { seed: { type: 'string', default: '1' }, players: { type: 'string', default: '3' }, dict: { type: 'string' } } });
  const seed = Number(values.seed);
  const count = Number(values.players);
  const d = dictionaryFromOption(values.dict);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || count > 8 || !d.ok) {
    io.err(`usage:\n${GAMES_USAGE}\n`);
    return undefined;
  }
  const engine = createEngine({ dictionary: (a) => (a === d.value.alphabet.spec.name ? d.value : undefined) });
  const players = Array.from({ length: count }, (_, i) => `ai${i + 1}`);
  const created = engine.create({ name: `${code} demo`, timePerTurn: 60, code, maxPlayers: count, seed }, players[0] as string);
  if (!created.ok) {
    io.err(describeError(created.error) + '\n');
    return undefined;
  }
  let state = created.value.state;
  for (const p of [...players.slice(1).map((id) => [id, { type: 'join' }] as const), [players[0] as string, { type: 'start' }] as const]) {
    const r = engine.apply(state, p[0], p[1]);
    if (!r.ok) return undefined;
    state = r.state;
  }
  return { engine, state, players, dict: d.value };
}

function printClosed(io: CliIo, events: readonly GameEvent[]): void {
  for (const e of events) {
    if (e.type === 'turn-closed') {
      io.out(`turn ${String(e.turn).padStart(2)}  ${e.top !== undefined ? `top ${e.top.move} ${e.top.score}` : ''}${e.best !== undefined ? `best: ${e.best.slice(0, 5).join(' ')}` : ''}\n`);
      io.out(`         ${e.results.map((r) => `${r.player} ${r.move || '-'} ${r.score}`).join(' | ')}\n`);
    }
    if (e.type === 'game-over') io.out(`game over (${e.reason}): ${e.scores.map((s) => `${s.player} ${s.score}`).join(', ')}\n`);
  }
}

/**
 * `wordgame duplicate`: a duplicate game between AI players through the engine's `apply`. Each
 * player i submits the play ranked i (0 = the top), so that the results differ.
 */
export async function duplicateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const s = setup(args, io, 'duplicate-en');
  if (s === undefined) return 2;
  let { state } = s;
  const config = presetConfig('en');
  if (!config.ok) return 2;
  while (state.status === 'running') {
    const d = state.duplicate;
    if (d === undefined) break;
    const g = MoveGenerator.create(config.value, s.dict, d.board);
    if (!g.ok) {
      io.err(describeError(g.error) + '\n');
      return 1;
    }
    const plays = allPlays(g.value, d.hand);
    io.out(`hand ${formatTiles(d.hand, config.value.alphabet)}  `);
    for (const [i, id] of s.players.entries()) {
      const play = plays[Math.min(i, plays.length - 1)];
      const request =
        play === undefined
          ? { type: 'pass' }
          : { type: 'play', ...moveInput(play.placements, config.value) };
      const r = s.engine.apply(state, id, request);
      if (r.ok) state = r.state;
    }
    const closed = s.engine.apply(state, SERVER_ID, { type: 'close-turn' });
    if (!closed.ok) {
      io.err(describeError(closed.error) + '\n');
      return 1;
    }
    state = closed.state;
    printClosed(io, closed.events);
  }
  if (state.duplicate !== undefined) io.out(renderBoard(state.duplicate.board, config.value, { scores: state.players.map((p) => p.score), names: state.players.map((p) => p.id) }));
  return 0;
}

/** `wordgame anagram-game`: an anagram game between AI players (player i submits the i-th longest word). */
export async function anagramGameCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const s = setup(args, io, 'anagram-en');
  if (s === undefined) return 2;
  let { state } = s;
  const config = presetConfig('en');
  if (!config.ok) return 2;
  while (state.status === 'running' && state.anagram !== undefined) {
    const rack = formatTiles(state.anagram.draw, config.value.alphabet);
    const words = s.dict.anagrams(rack, { subAnagrams: true, minLength: 3 });
    const sorted = (words.ok ? words.value.words : []).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    io.out(`draw ${rack}\n`);
    for (const [i, id] of s.players.entries()) {
      const word = sorted[i * 3];
      const r = s.engine.apply(state, id, word === undefined ? { type: 'pass' } : { type: 'play', word });
      if (r.ok) state = r.state;
    }
    const closed = s.engine.apply(state, SERVER_ID, { type: 'close-turn' });
    if (!closed.ok) return 1;
    state = closed.state;
    printClosed(io, closed.events);
  }
  return 0;
}

