import { leavePlayer, staticPlayer } from '../../players/basic.js';
import { selfPlay } from '../../autoplay/selfplay.js';
import { presetConfig } from '../../config/config.js';
import type { WordLookup } from '../../dictionary/dictionary.js';
import type { EngineError } from '../../errors/error.js';
import { createEngine, type Engine } from '../../game/engine.js';
import type { GameRequest } from '../../game/requests.js';
import { randomSeed } from '../../game/settings.js';
import { SERVER_ID, type GameEvent, type GameState, type ModeContext } from '../../game/types.js';
import { MoveGenerator } from '../../movegen/generator.js';
import { allPlays } from '../../movegen/search.js';
import { formatTiles } from '../../notation/tokens.js';
import { renderBoard } from '../../render/board.js';
import { exportSelfPlay } from '../../autoplay/selfplay.js';
import { decodeGcg, parseGcg } from '../../records/gcg.js';
import { replayGcg, type GcgFinding } from '../../records/replay.js';
import { moveInput } from '../../rules/crossword.js';
import { PERMISSIVE } from '../../rules/lookup.js';
import {
  CommandError,
  DICT_OPTION,
  EXIT,
  UsageError,
  describeError,
  emit,
  fileError,
  intOption,
  progress,
  readBytes,
  type Command,
  type Context,
} from '../framework.js';

/** The outcome of one file of `gcg replay`. */
type FileReport =
  | {
      readonly file: string;
      readonly ok: boolean;
      readonly board: string;
      readonly moves: number;
      readonly totals: readonly number[];
      readonly findings: readonly GcgFinding[];
      /** Phonies challenged off: allowed by the rules, not problems. */
      readonly notes: readonly GcgFinding[];
      /** The record's `#lexicon`, and the dictionary its words were checked against (absent with --permissive). */
      readonly lexicon?: { readonly record: string | null; readonly checkedWith: string };
    }
  | { readonly file: string; readonly ok: false; readonly error: EngineError };

function describeFinding(f: GcgFinding): string {
  const numbers =
    f.recorded === undefined
      ? ''
      : ` (recorded ${f.recorded}${f.computed === undefined ? '' : `, engine ${f.computed}`})`;
  return `line ${f.line}: ${f.problem}: ${f.message}${numbers}`;
}

/** `wordgame gcg replay`. */
export const gcgReplay: Command = {
  name: 'gcg replay',
  summary:
    'Replays game records (GCG) and checks them against the rules: turn order, racks, plays, scores, totals and the end of the game; exit 1 when a record breaks a rule, 2 when a file cannot be read or parsed.',
  args: 'FILE...',
  options: {
    dict: DICT_OPTION,
    permissive: {
      type: 'boolean',
      default: false,
      describe: 'accept every word (records played under another lexicon)',
    },
  },
  conflicts: [['dict', 'permissive']],
  examples: ['wordgame gcg replay game.gcg --permissive', 'wordgame gcg replay records/*.gcg --permissive --json'],
  async run(ctx) {
    const files = ctx.positionals;
    if (files.length === 0) throw new UsageError('give one or more GCG files');
    const dictionary: WordLookup = ctx.values.permissive === true ? PERMISSIVE : ctx.dictionary();
    const reports: FileReport[] = [];
    const bar = files.length > 20 ? progress(ctx, 'replaying', 'records', files.length) : undefined;
    const checkedWith =
      ctx.values.permissive === true
        ? undefined
        : typeof ctx.values.dict === 'string'
          ? ctx.values.dict
          : 'the embedded English dictionary';
    for (const file of files) {
      reports.push(replayFile(file, dictionary, checkedWith));
      bar?.update(reports.length);
    }
    bar?.stop();
    const summary = {
      files: reports.length,
      clean: reports.filter((r) => r.ok).length,
      mismatched: reports.filter((r) => !r.ok && !('error' in r)).length,
      unreadable: reports.filter((r) => 'error' in r).length,
    };
    const exit = summary.unreadable > 0 ? EXIT.USAGE : summary.mismatched > 0 ? EXIT.FAILED : EXIT.OK;
    if (ctx.json) {
      emit(ctx.io, { ok: exit === EXIT.OK, files: reports, summary });
      return exit;
    }
    let out = '';
    for (const r of reports) {
      if ('error' in r) {
        ctx.io.err(`${r.file}: ${describeError(r.error)}\n`);
        continue;
      }
      out += `${r.file}: ${r.moves} events on the ${r.board} board; final totals ${r.totals.join(', ')}; ${r.findings.length === 0 ? 'sound: every rule, score and total checks' : `${r.findings.length} problem${r.findings.length === 1 ? '' : 's'}`}\n`;
      for (const f of r.findings) out += `  ${describeFinding(f)}\n`;
      for (const f of r.notes) out += `  note: ${describeFinding(f)}\n`;
      if (r.lexicon !== undefined)
        out += `  words checked against ${r.lexicon.checkedWith}${r.lexicon.record === null ? '' : `; the record names the lexicon ${r.lexicon.record}`}\n`;
    }
    if (reports.length > 1)
      out += `${summary.files} files: ${summary.clean} clean, ${summary.mismatched} with problems, ${summary.unreadable} unreadable\n`;
    ctx.io.out(out);
    return exit;
  },
};

function replayFile(file: string, dictionary: WordLookup, checkedWith: string | undefined): FileReport {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    return { file, ok: false, error: e instanceof CommandError ? e.error : fileError(file, String(e)) };
  }
  const record = parseGcg(decodeGcg(bytes));
  if (!record.ok)
    return {
      file,
      ok: false,
      error: { ...record.error, cause: `${file}: ${record.error.cause ?? record.error.message}` },
    };
  const r = replayGcg(record.value, dictionary);
  if (!r.ok) return { file, ok: false, error: { ...r.error, cause: `${file}: ${r.error.cause ?? r.error.message}` } };
  return {
    file,
    ok: r.value.findings.length === 0,
    board: r.value.config.name,
    moves: r.value.moves,
    totals: r.value.totals,
    findings: r.value.findings,
    notes: r.value.notes,
    ...(checkedWith === undefined ? {} : { lexicon: { record: record.value.lexicon ?? null, checkedWith } }),
  };
}

/** `wordgame gcg export`. */
export const gcgExport: Command = {
  name: 'gcg export',
  summary: 'Plays a self-play game (static against leave) and writes it as a GCG record.',
  args: '',
  options: {
    seed: { type: 'string', describe: 'seed of the game (default: a random one, in the #description line)' },
    dict: DICT_OPTION,
  },
  examples: ['wordgame gcg export --seed 6 > game.gcg', 'wordgame gcg export --json'],
  run(ctx) {
    const seed = intOption(ctx.values, 'seed', 0, 2 ** 32 - 1) ?? randomSeed();
    const config = presetConfig('en');
    if (!config.ok) throw new CommandError(config.error, EXIT.FAILED);
    const game = selfPlay(config.value, ctx.dictionary(), [staticPlayer, leavePlayer(config.value)], seed);
    if (!game.ok) throw new CommandError(game.error, EXIT.USAGE);
    const gcg = exportSelfPlay(game.value, ['static', 'leave'], config.value);
    if (ctx.json) emit(ctx.io, { ok: true, seed, gcg });
    else ctx.io.out(gcg);
    return EXIT.OK;
  },
};

interface Table {
  readonly engine: Engine;
  readonly state: GameState;
  readonly players: readonly string[];
}

const TABLE_OPTIONS = {
  seed: { type: 'string', describe: 'seed of the game (default: a random one, printed)' },
  players: { type: 'string', default: '3', describe: 'number of AI players, 1 to 8' },
  dict: DICT_OPTION,
} as const;

/** A game of `code` created and started through the engine, with AI players ai1, ai2... */
function openTable(ctx: Context, code: string): Table & { seed: number } {
  const seed = intOption(ctx.values, 'seed', 0, 2 ** 32 - 1) ?? randomSeed();
  const count = intOption(ctx.values, 'players', 1, 8) as number;
  const d = ctx.dictionary();
  const engine = createEngine({ dictionary: (a) => (a === d.alphabet.spec.name ? d : undefined) });
  const players = Array.from({ length: count }, (_, i) => `ai${i + 1}`);
  const created = engine.create(
    { name: `${code} demo`, timePerTurn: 60, code, maxPlayers: count, seed },
    players[0] as string,
  );
  if (!created.ok) throw new CommandError(created.error, EXIT.USAGE);
  let state = created.value.state;
  for (const [id, request] of [
    ...players.slice(1).map((id) => [id, { type: 'join' }] as const),
    [players[0] as string, { type: 'start' }] as const,
  ]) {
    const r = engine.apply(state, id, request);
    if (!r.ok) throw new CommandError(r.error, EXIT.FAILED);
    state = r.value.state;
  }
  return { engine, state, players, seed };
}

function describeClosed(events: readonly GameEvent[]): string {
  let out = '';
  for (const e of events) {
    if (e.type === 'turn-closed') {
      out += `turn ${String(e.turn).padStart(2)}  ${e.top !== undefined ? `top ${e.top.move} ${e.top.score}` : ''}${e.best !== undefined ? `best: ${e.best.slice(0, 5).join(' ')}` : ''}\n`;
      out += `         ${e.results.map((r) => `${r.player} ${r.move || '-'} ${r.score}`).join(' | ')}\n`;
    }
    if (e.type === 'game-over')
      out += `game over (${e.reason}): ${e.scores.map((s) => `${s.player} ${s.score}`).join(', ')}\n`;
  }
  return out;
}

/**
 * Plays a game of `code` to its end through the engine: each turn, `turn` says what each player
 * requests (and what to print), then the server closes the turn. Prints each turn, or in JSON the
 * closed turns and final scores.
 */
function playTable(
  ctx: Context,
  code: string,
  title: string,
  turn: (
    state: GameState,
    mode: ModeContext,
    players: readonly string[],
  ) => { requests: readonly GameRequest[]; text: string },
  footer: (state: GameState, mode: ModeContext) => string,
): number {
  const table = openTable(ctx, code);
  const mode = table.engine.context(table.state);
  if (!mode.ok) throw new CommandError(mode.error, EXIT.FAILED);
  let state = table.state;
  const closedEvents: GameEvent[] = [];
  let out = `${title}, seed ${table.seed}\n`;
  while (state.status === 'running') {
    const { requests, text } = turn(state, mode.value, table.players);
    out += text;
    for (const [i, id] of table.players.entries()) {
      const r = table.engine.apply(state, id, requests[i] ?? { type: 'pass' });
      if (r.ok) state = r.value.state;
    }
    const closed = table.engine.apply(state, SERVER_ID, { type: 'close-turn' });
    if (!closed.ok) throw new CommandError(closed.error, EXIT.FAILED);
    state = closed.value.state;
    closedEvents.push(...closed.value.events);
    out += describeClosed(closed.value.events);
  }
  if (ctx.json) {
    const over = closedEvents.find((e) => e.type === 'game-over');
    emit(ctx.io, {
      ok: true,
      seed: table.seed,
      turns: closedEvents.filter((e) => e.type === 'turn-closed'),
      ...(over?.type === 'game-over' ? { reason: over.reason, scores: over.scores } : {}),
    });
  } else ctx.io.out(out + footer(state, mode.value));
  return EXIT.OK;
}

/**
 * `wordgame duplicate`: a duplicate game between AI players through the engine's `apply`. Each
 * player i submits the play ranked i (0 = the top), so that the results differ.
 */
export const duplicateCommand: Command = {
  name: 'duplicate',
  summary:
    'Plays a duplicate game between AI players through the engine (player i submits the play ranked i), turn by turn.',
  args: '',
  options: TABLE_OPTIONS,
  examples: ['wordgame duplicate --seed 3 --players 2', 'wordgame duplicate --json'],
  run: (ctx) =>
    playTable(
      ctx,
      'duplicate-en',
      'Duplicate',
      (state, { config, dictionary }, players) => {
        const d = state.duplicate;
        if (d === undefined) return { requests: [], text: '' };
        const g = MoveGenerator.create(config, dictionary, d.board);
        if (!g.ok) throw new CommandError(g.error, EXIT.FAILED);
        const plays = allPlays(g.value, d.hand);
        const requests = players.map((_, i): GameRequest => {
          const play = plays[Math.min(i, plays.length - 1)];
          return play === undefined ? { type: 'pass' } : { type: 'play', ...moveInput(play.placements, config) };
        });
        return { requests, text: `hand ${formatTiles(d.hand, config.alphabet)}  ` };
      },
      (state, { config }) =>
        state.duplicate === undefined
          ? ''
          : renderBoard(state.duplicate.board, config, {
              scores: state.players.map((p) => p.score),
              names: state.players.map((p) => p.id),
            }),
    ),
};

/** `wordgame anagram-game`: an anagram game between AI players (player i submits the (3i+1)-th longest word). */
export const anagramGameCommand: Command = {
  name: 'anagram-game',
  summary: 'Plays an anagram game between AI players through the engine (each submits a different word), turn by turn.',
  args: '',
  options: TABLE_OPTIONS,
  examples: ['wordgame anagram-game --seed 3', 'wordgame anagram-game --players 5 --json'],
  run: (ctx) =>
    playTable(
      ctx,
      'anagram-en',
      'Anagram game',
      (state, { config, dictionary }, players) => {
        if (state.anagram === undefined) return { requests: [], text: '' };
        const rack = formatTiles(state.anagram.draw, config.alphabet);
        const words = dictionary.anagrams(rack, { subAnagrams: true, minLength: 3 });
        const sorted = (words.ok ? words.value.words : []).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
        return {
          requests: players.map((_, i): GameRequest => {
            const word = sorted[i * 3];
            return word === undefined ? { type: 'pass' } : { type: 'play', word };
          }),
          text: `draw ${rack}\n`,
        };
      },
      () => '',
    ),
};
