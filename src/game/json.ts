import { Board, type Placement } from '../board/board.js';
import { formatGrid, parseGrid } from '../boggle/grid.js';
import { validateBoggleMove } from '../boggle/rules.js';
import { presetConfig, type GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { crosswordStateFromJSON, crosswordStateToJSON, type CrosswordStateJSON } from '../notation/json.js';
import { formatBoard } from '../notation/board-text.js';
import { formatTiles, parseTiles } from '../notation/tokens.js';
import { err, ok, type Result } from '../result.js';
import { moveInput, validateMove } from '../rules/crossword.js';
import { check } from '../schema/schema.js';
import { handValue } from '../state/hand.js';
import type { CrosswordState } from '../state/state.js';
import type { ClassicState, PendingPlay } from './classic.js';
import { timePenalties } from './clock.js';
import type { Engine } from './engine.js';
import { GAME_JSON_VERSION, MAX_GAME_JSON_LENGTH, gameSchema, type GameJSON } from './json-schema.js';
import { EventLog } from './log.js';
import { replayGame } from './replay.js';
import { anagramScore } from './modes/anagram.js';
import { boggleRound, boggleWordLimit } from './modes/boggle.js';
import { PREDEFINED_GAMES, checkSettings } from './settings.js';
import {
  SERVER_ID,
  type AnagramState,
  type BoggleEntry,
  type BoggleState,
  type DuplicateState,
  type GameEvent,
  type GameState,
  type ModeContext,
  type PlayerState,
} from './types.js';

// ---- writing -----------------------------------------------------------------------------------

/** The configuration of a state's game code (every game has one; Boggle uses the English alphabet's). */
export function configOf(state: GameState): GameConfig | undefined {
  const game = Object.prototype.hasOwnProperty.call(PREDEFINED_GAMES, state.settings.code)
    ? PREDEFINED_GAMES[state.settings.code]
    : undefined;
  const c = presetConfig(game?.config ?? 'en');
  return c.ok ? c.value : undefined;
}

function bagJSON(b: { readonly tiles: readonly number[]; readonly rng: number }, config: GameConfig) {
  return { tiles: formatTiles(b.tiles, config.alphabet), rng: b.rng };
}

/** The JSON form of a game (plain data: store it in any database). */
export function gameToJSON(state: GameState): GameJSON {
  return toJSON(state, true);
}

/** The JSON form of a game, with its history or without (what {@link playerView} starts from). */
export function toJSON(state: GameState, withHistory: boolean): GameJSON {
  const config = configOf(state) as GameConfig;
  const a = config.alphabet;
  const c = state.classic;
  const d = state.duplicate;
  const an = state.anagram;
  const b = state.boggle;
  const board = (x: Board) => formatBoard(x, a).trimEnd().split('\n');
  return {
    version: GAME_JSON_VERSION,
    settings: { ...state.settings },
    type: state.type,
    operator: state.operator,
    players: state.players.map((p) => ({ id: p.id, score: p.score, left: p.left })),
    status: state.status,
    turn: state.turn,
    ...(withHistory ? { history: state.history.toArray() } : {}),
    ...(c === undefined
      ? {}
      : {
          classic: {
            ...crosswordStateToJSON(c.tiles, a),
            toMove: c.toMove,
            scorelessTurns: c.scorelessTurns,
            over: c.over,
            ...(c.endReason === undefined ? {} : { endReason: c.endReason }),
            ...(c.forfeited === undefined ? {} : { forfeited: c.forfeited }),
            ...(c.clock === undefined ? {} : { clock: { remaining: [...c.clock.remaining], since: c.clock.since } }),
            ...(c.penalties === undefined ? {} : { penalties: [...c.penalties] }),
            adjustments: [...c.adjustments],
            ...(c.pending === undefined
              ? {}
              : {
                  pending: {
                    player: c.pending.player,
                    placements: c.pending.placements.map((p) => [p.square, p.tile] as const),
                    score: c.pending.score,
                    drawn: formatTiles(c.pending.drawn, a),
                    phony: c.pending.phony,
                    wentOut: c.pending.wentOut,
                    scorelessBefore: c.pending.scorelessBefore,
                  },
                }),
          },
        }),
    ...(d === undefined
      ? {}
      : {
          duplicate: {
            board: board(d.board),
            hand: formatTiles(d.hand, a),
            bag: bagJSON(d.bag, config),
            submissions: d.submissions.map((x) =>
              x === null
                ? null
                : { placements: x.placements.map((p) => [p.square, p.tile] as const), score: x.score, move: x.move },
            ),
          },
        }),
    ...(an === undefined
      ? {}
      : {
          anagram: {
            draw: formatTiles(an.draw, a),
            bag: bagJSON(an.bag, config),
            submissions: an.submissions.map((x) => (x === null ? null : { ...x })),
          },
        }),
    ...(b === undefined
      ? {}
      : {
          boggle: {
            grid: formatGrid(b.grid),
            submissions: b.submissions.map((list) => list.toArray().map((e) => ({ word: e.word, path: e.path }))),
          },
        }),
  } as GameJSON;
}

// ---- reading -----------------------------------------------------------------------------------

/** Options of {@link gameFromJSON}. */
export interface LoadOptions {
  /**
   * `'state'` (default): the shape and every invariant of a state the engine could have made.
   * `'replay'`: also rebuild the game from its seed and recorded events and compare (O(history)).
   */
  readonly verify?: 'state' | 'replay';
}

/**
 * Reads a game from its JSON form (the parsed object, or the JSON text), untrusted: only a state
 * the engine could have produced is accepted, else BAD_STATE (90401) naming the fault. Checked:
 * the shape (own properties only, bounded sizes), the settings (catalogue rules), exactly the
 * mode section that the game code and status call for, unique valid player ids within the
 * maximum, the operator among the players, the seats and events of the history, scores equal
 * to what the history says, tiles conserved, every board word in the dictionary, submissions
 * that the rules accept, Boggle grids as rolled. The engine supplies the dictionaries.
 *
 * The JSON text (at most {@link MAX_GAME_JSON_LENGTH} characters) is the fastest input: it is
 * checked in place. An object is checked into a copy (yours is left as it was), within the
 * same size bound.
 */
export function gameFromJSON(json: unknown, engine: Engine, options: LoadOptions = {}): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause }));
  // Text is parsed here, so the data is ours: checked in place and frozen. An object is the
  // caller's: checked into a frozen copy, its size bounded as the text's is.
  let input = json;
  if (typeof json === 'string') {
    if (json.length > MAX_GAME_JSON_LENGTH)
      return bad(`the JSON text is longer than ${MAX_GAME_JSON_LENGTH} characters`);
    try {
      input = JSON.parse(json);
    } catch {
      return bad('not JSON');
    }
  }
  const shaped = check(gameSchema, input, { own: typeof json === 'string', budget: MAX_GAME_JSON_LENGTH });
  if (!shaped.ok) return bad(shaped.fault.toString());
  try {
    const built = buildState(shaped.value, engine);
    if (!built.ok) return built;
    if (options.verify === 'replay') {
      const replayed = replayGame(built.value, engine);
      if (!replayed.ok) return bad(`the history does not replay: ${replayed.error.cause ?? replayed.error.name}`);
      if (JSON.stringify(gameToJSON(replayed.value)) !== JSON.stringify(gameToJSON(built.value)))
        return bad('the state differs from the replay of its history');
    }
    return built;
  } catch (e) {
    return bad(`unreadable state: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
  }
}

function buildState(j: GameJSON, engine: Engine): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause }));
  const checked = checkSettings(j.settings);
  if (!checked.ok) return bad(`settings: ${checked.error.name} ${checked.error.cause ?? ''}`.trim());
  const settings = checked.value.settings;
  const game = checked.value.game;
  if (j.type !== game.type) return bad(`game ${settings.code} is of type ${game.type}, not ${j.type}`);
  // Players: unique ids, never the server's, within the maximum.
  const ids = new Set<string>();
  for (const p of j.players) {
    if (p.id === SERVER_ID) return bad(`${SERVER_ID} cannot be a player`);
    if (ids.has(p.id)) return bad(`player ${p.id} is listed twice`);
    ids.add(p.id);
  }
  if (j.players.length > settings.maxPlayers)
    return bad(`${j.players.length} players in a game of at most ${settings.maxPlayers}`);
  const players: readonly PlayerState[] = Object.freeze(
    j.players.map((p) => Object.freeze({ id: p.id, score: p.score, left: p.left })),
  );
  if (players.length > 0 && !ids.has(j.operator)) return bad(`the operator ${j.operator} is not a player`);
  // History: created first and once; once running, the start recording the seats.
  const h = j.history;
  const first = h[0] as GameEvent;
  if (first.type !== 'created') return bad('history[0]: a history starts with the creation');
  const ctxResult = engine.context({ settings } as GameState);
  if (!ctxResult.ok) return ctxResult;
  const ctx = ctxResult.value;
  const sections = {
    classic: j.classic !== undefined,
    duplicate: j.duplicate !== undefined,
    anagram: j.anagram !== undefined,
    boggle: j.boggle !== undefined,
  };
  const base = { settings, type: game.type, operator: j.operator, players, status: j.status, turn: j.turn };
  if (j.status === 'waiting') {
    if (j.turn !== 0) return bad('a waiting game is at turn 0');
    if (Object.values(sections).some(Boolean)) return bad('a waiting game has no mode section');
    if (h.length !== 1) return bad('a waiting game has recorded only its creation');
    if (players.some((p) => p.left || p.score !== 0)) return bad('a waiting game has no scores and no departures');
    return ok(Object.freeze({ ...base, history: EventLog.of<GameEvent>(h) }));
  }
  if (players.length === 0) return bad('a started game has players');
  if (j.turn < 1) return bad('a started game is at turn 1 or later');
  for (const [name, present] of Object.entries(sections))
    if (present !== (name === game.type))
      return bad(
        `a ${game.type} game has exactly the ${game.type} section (${name} ${present ? 'present' : 'missing'})`,
      );
  const started = h[1];
  if (started?.type !== 'started') return bad('history[1]: a started game records its start');
  if (started.players.length !== players.length || started.players.some((p, i) => p !== players[i]?.id))
    return bad('history[1]: the seats differ from the players');
  const problem = checkHistory(h, players, j.status, game.type);
  if (problem !== undefined) return bad(problem);
  const state: GameState = Object.freeze({ ...base, history: EventLog.of<GameEvent>(h) });
  const built =
    game.type === 'classic'
      ? classicFromJSON(j, state, ctx)
      : game.type === 'duplicate'
        ? duplicateFromJSON(j, state, ctx)
        : game.type === 'anagram'
          ? anagramFromJSON(j, state, ctx)
          : boggleFromJSON(j, state, ctx);
  if (!built.ok || built.value.status !== 'over') return built;
  const over = gameOverProblem(built.value, ctx);
  return over === undefined ? built : bad(over);
}

/** The game-over event of a finished game says what the state says: each seat's score, adjustment and (classic) rack. */
function gameOverProblem(s: GameState, ctx: ModeContext): string | undefined {
  const events = s.history.toArray();
  let k = events.length - 1;
  while (k >= 0 && events[k]?.type !== 'game-over') k--;
  const last = events[k];
  if (last?.type !== 'game-over') return 'the history holds the game-over';
  if (last.scores.length !== s.players.length) return 'game-over: one score a seat';
  for (const [i, p] of s.players.entries()) {
    const e = last.scores[i];
    const adjustment = s.classic?.adjustments[i] ?? 0;
    const rack = s.classic === undefined ? undefined : formatTiles(s.classic.tiles.hands[i] ?? [], ctx.config.alphabet);
    const penalty = s.classic?.penalties?.[i];
    if (
      e === undefined ||
      e.player !== p.id ||
      e.score !== p.score ||
      e.adjustment !== adjustment ||
      e.rack !== rack ||
      e.penalty !== penalty
    )
      return `game-over: seat ${i} disagrees with the state`;
  }
  return undefined;
}

/**
 * The history's own rules: events by players of the game, one creation and one start, departures
 * matching the left flags, a game-over exactly when the game is over (followed only by
 * departures: players may leave a finished game), turns closed in order.
 */
function checkHistory(
  h: readonly GameEvent[],
  players: readonly PlayerState[],
  status: GameState['status'],
  type: GameState['type'],
): string | undefined {
  const seat = new Map(players.map((p, i) => [p.id, i]));
  const departed = new Set<string>();
  const allowed: Record<GameState['type'], ReadonlySet<string>> = {
    classic: new Set([
      'played',
      'traded',
      'passed',
      'challenged',
      'resigned',
      'timed-out',
      'left',
      'kicked',
      'game-over',
    ]),
    duplicate: new Set(['submitted', 'turn-closed', 'left', 'kicked', 'game-over']),
    anagram: new Set(['answered', 'turn-closed', 'left', 'kicked', 'game-over']),
    boggle: new Set(['found', 'turn-closed', 'left', 'kicked', 'game-over']),
  };
  let turn = 0;
  let overAt = h.length;
  for (let k = 2; k < h.length; k++) {
    const e = h[k] as GameEvent;
    const where = `history[${k}]`;
    if (!allowed[type].has(e.type)) return `${where}: no ${e.type} event in a ${type} game`;
    if (k > overAt && e.type !== 'left' && e.type !== 'kicked') return `${where}: only departures follow the game-over`;
    if (e.type === 'game-over') {
      if (overAt < h.length) return `${where}: a second game-over`;
      overAt = k;
    }
    if ('player' in e && !seat.has(e.player)) return `${where}: ${e.player} is not a player`;
    if (e.type === 'challenged' && (!seat.has(e.target) || e.target === e.player))
      return `${where}: ${e.target} is not another player`;
    if (e.type === 'left' || e.type === 'kicked') {
      if (departed.has(e.player)) return `${where}: ${e.player} left twice`;
      departed.add(e.player);
    } else if ('player' in e && departed.has(e.player)) return `${where}: ${e.player} acts after leaving`;
    if (e.type === 'turn-closed') {
      if (e.turn !== ++turn) return `${where}: turn ${e.turn} closed after turn ${turn - 1}`;
      if (e.results.length !== players.length || e.results.some((r, i) => r.player !== players[i]?.id))
        return `${where}: one result a seat, in seat order`;
    }
  }
  if (overAt < h.length !== (status === 'over')) return 'the history holds a game-over exactly when the game is over';
  for (const p of players)
    if (p.left !== departed.has(p.id)) return `player ${p.id}: the left flag disagrees with the history`;
  return undefined;
}

/** Sum of each seat's results over the closed turns. */
function closedTotals(state: GameState): number[] {
  const totals = state.players.map(() => 0);
  for (const e of state.history)
    if (e.type === 'turn-closed') e.results.forEach((r, i) => (totals[i] = (totals[i] ?? 0) + r.score));
  return totals;
}

/**
 * The moves of the history (events of `type`) by turn and seat, against the mode's rules: at
 * most `max` a seat a turn, and the open turn's moves exactly the state's (`current`, compared
 * with `same`, in order).
 */
function movesProblem<T>(
  state: GameState,
  type: 'submitted' | 'answered' | 'found',
  max: number,
  current: (seat: number) => readonly T[],
  same: (e: GameEvent, x: T | undefined) => boolean,
): string | undefined {
  const seat = new Map(state.players.map((p, i) => [p.id, i]));
  let turn: GameEvent[][] = state.players.map(() => []);
  let number = 1;
  const full = (moves: readonly GameEvent[]) => moves.length > max;
  for (const e of state.history) {
    if (e.type === 'turn-closed') {
      if (turn.some(full)) return `turn ${number}: more than ${max} move${max === 1 ? '' : 's'} from a player`;
      turn = state.players.map(() => []);
      number++;
    } else if (e.type === type) turn[seat.get(e.player) as number]?.push(e);
  }
  if (turn.some(full)) return `turn ${number}: more than ${max} move${max === 1 ? '' : 's'} from a player`;
  for (const [i, moves] of turn.entries()) {
    const mine = current(i);
    if (moves.length !== mine.length || moves.some((e, k) => !same(e, mine[k])))
      return `player ${i}: the moves of the turn disagree with the history`;
  }
  return undefined;
}

/**
 * Every word of 2+ glyphs on the board is in the dictionary (unless `words` is false: under a
 * challenge rule a phony nobody challenged stays), the tiles are connected and cover the start
 * square.
 */
function boardProblem(board: Board, ctx: ModeContext, words = true): string | undefined {
  const { rows, cols, start } = ctx.config.layout;
  if (board.tileCount === 0) return undefined;
  if (board.cell(start) === 0) return 'the board tiles do not cover the start square';
  const codes = new Uint8Array(Math.max(rows, cols));
  for (const across of [true, false]) {
    const lines = across ? rows : cols;
    const len = across ? cols : rows;
    for (let line = 0; line < lines; line++) {
      let n = 0;
      for (let p = 0; p <= len; p++) {
        const v = p < len ? board.cell(across ? line * cols + p : p * cols + line) : 0;
        if (v !== 0) codes[n++] = v & 0x3f;
        else {
          if (words && n >= 2 && !ctx.dictionary.hasCodes(codes, 0, n))
            return `the board holds ${ctx.config.alphabet.decode(codes, 0, n)}, which is not a word`;
          n = 0;
        }
      }
    }
  }
  // Connected: every tile reachable from the start square through neighbouring tiles.
  const seen = new Uint8Array(rows * cols);
  const stack = [start];
  seen[start] = 1;
  let reached = 0;
  while (stack.length > 0) {
    const s = stack.pop() as number;
    reached++;
    const r = Math.floor(s / cols);
    const c = s % cols;
    for (const [dr, dc] of [
      [0, 1],
      [0, -1],
      [1, 0],
      [-1, 0],
    ] as const) {
      const rr = r + dr;
      const cc = c + dc;
      if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
      const t = rr * cols + cc;
      if (seen[t] === 0 && board.cell(t) !== 0) {
        seen[t] = 1;
        stack.push(t);
      }
    }
  }
  return reached === board.tileCount ? undefined : 'the board tiles are not connected';
}

function classicFromJSON(j: GameJSON, state: GameState, ctx: ModeContext): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause: `classic: ${cause}` }));
  const c = j.classic as NonNullable<GameJSON['classic']>;
  const n = state.players.length;
  const tiles = crosswordStateFromJSON({ board: c.board, hands: c.hands, bag: c.bag, scores: c.scores }, ctx.config);
  if (!tiles.ok) return bad(tiles.error.cause ?? 'bad tiles');
  if (tiles.value.hands.length !== n || c.adjustments.length !== n)
    return bad('one hand, score and adjustment a player');
  let moves = 0;
  // Moves, and turns lost to a challenge (a double challenge of a valid play).
  for (const e of state.history)
    if (
      e.type === 'played' ||
      e.type === 'traded' ||
      e.type === 'passed' ||
      (e.type === 'challenged' && e.outcome === 'lost-turn')
    )
      moves++;
  const rule = state.settings.challengeRule;
  const pending = c.pending;
  if (rule === undefined && (pending !== undefined || state.history.toArray().some((e) => e.type === 'challenged')))
    return bad('a challenge in a game of the void rule');
  if (pending !== undefined && (c.over || pending.player >= n || pending.player === c.toMove))
    return bad('a pending play of a running game, by another player than the one to move');
  if (
    (c.forfeited !== undefined) !==
    (c.endReason === 'resigned' || c.endReason === 'challenge' || c.endReason === 'time')
  )
    return bad('a forfeit exactly when a player resigned, lost a triple challenge or ran out of time');
  const clockSettings = state.settings.clock;
  if ((c.clock !== undefined) !== (clockSettings !== undefined))
    return bad('clocks exactly when the settings have them');
  if (c.clock !== undefined && c.clock.remaining.length !== n) return bad('one clock a player');
  if ((c.penalties !== undefined) !== (c.over && clockSettings !== undefined))
    return bad('time penalties exactly when a game with clocks is over');
  if (c.penalties !== undefined && c.clock !== undefined && clockSettings !== undefined) {
    const expected = timePenalties(c.clock, clockSettings);
    if (c.penalties.length !== n || c.penalties.some((x, i) => x !== expected[i]))
      return bad('the time penalties disagree with the clocks');
  }
  if (c.forfeited !== undefined && c.forfeited >= n) return bad('the forfeit is not a seat');
  if (state.turn !== 1 + moves) return bad('the turn is not 1 + the moves made');
  if (c.over !== (state.status === 'over')) return bad('over disagrees with the status');
  if ((c.endReason !== undefined) !== c.over) return bad('an end reason exactly when the game is over');
  if (c.toMove >= n) return bad('the player to move is not a seat');
  const t = tiles.value;
  if (t.bag.tiles.length > 0)
    for (const [i, hand] of t.hands.entries())
      if (hand.length !== ctx.config.handSize) return bad(`hand ${i} is not full while the bag has tiles`);
  const racks = t.hands.map((h) => handValue(h, ctx.config.letters));
  if (!c.over) {
    if (c.adjustments.some((a) => a !== 0)) return bad('rack adjustments before the end');
    if (c.scorelessTurns >= 6) return bad('six scoreless turns end the game');
    if (state.players[c.toMove]?.left === true) return bad('the player to move has left');
  } else if (c.endReason === 'resigned' || c.endReason === 'challenge' || c.endReason === 'time') {
    if (c.adjustments.some((a) => a !== 0)) return bad('no rack adjustments after a forfeit');
  } else if (c.endReason === 'out') {
    const out = t.hands.findIndex((h) => h.length === 0);
    if (out < 0 || t.bag.tiles.length > 0) return bad('a player went out with an empty bag');
    const total = racks.reduce((x, y) => x + y, 0);
    if (c.adjustments.some((a, i) => a !== (i === out ? total - (racks[i] ?? 0) : -(racks[i] ?? 0))))
      return bad('the rack adjustments disagree with the racks');
  } else if (c.adjustments.some((a, i) => a !== -(racks[i] ?? 0)))
    return bad('the rack adjustments disagree with the racks');
  // Scores: the crossword state's, the players', and the history's (plays plus adjustments) agree.
  const fromHistory = state.players.map(() => 0);
  const seat = new Map(state.players.map((p, i) => [p.id, i]));
  for (const e of state.history)
    if (e.type === 'played')
      fromHistory[seat.get(e.player) as number] = (fromHistory[seat.get(e.player) as number] ?? 0) + e.score;
    else if (e.type === 'challenged')
      fromHistory[seat.get(e.target) as number] = (fromHistory[seat.get(e.target) as number] ?? 0) + e.points;
  for (let i = 0; i < n; i++) {
    const expected = (fromHistory[i] ?? 0) + (c.adjustments[i] ?? 0) + (c.penalties?.[i] ?? 0);
    if (t.scores[i] !== expected || state.players[i]?.score !== expected)
      return bad(
        `player ${i}: score ${t.scores[i]} (players list ${state.players[i]?.score}); the history says ${expected}`,
      );
  }
  // A pending play's tiles are on the board. Under a challenge rule the board may hold phonies
  // nobody challenged: its words are not judged (a replay judges every play again).
  let placements: Placement[] = [];
  if (pending !== undefined) {
    placements = pending.placements.map(([square, tile]) => ({ square, tile }));
    if (placements.some((p) => t.board.cell(p.square) !== p.tile)) return bad('the pending play is not on the board');
  }
  const board = boardProblem(t.board, ctx, rule === undefined);
  if (board !== undefined) return bad(board);
  let pendingPlay: PendingPlay | undefined;
  if (pending !== undefined) {
    const drawn = parseTiles(pending.drawn, ctx.config.alphabet);
    if (!drawn.ok) return bad("the pending play's drawn tiles are unreadable");
    pendingPlay = Object.freeze({
      player: pending.player,
      placements: Object.freeze(placements.map((p) => Object.freeze(p))),
      score: pending.score,
      drawn: Object.freeze(drawn.value),
      phony: pending.phony,
      wentOut: pending.wentOut,
      scorelessBefore: pending.scorelessBefore,
    });
  }
  const classic: ClassicState = Object.freeze({
    tiles: t,
    toMove: c.toMove,
    scorelessTurns: c.scorelessTurns,
    over: c.over,
    ...(c.endReason === undefined ? {} : { endReason: c.endReason }),
    ...(c.forfeited === undefined ? {} : { forfeited: c.forfeited }),
    adjustments: Object.freeze([...c.adjustments]),
    ...(pendingPlay === undefined ? {} : { pending: pendingPlay }),
    ...(c.clock === undefined
      ? {}
      : { clock: Object.freeze({ remaining: Object.freeze([...c.clock.remaining]), since: c.clock.since }) }),
    ...(c.penalties === undefined ? {} : { penalties: Object.freeze([...c.penalties]) }),
  });
  return ok(Object.freeze({ ...state, classic }));
}

/** A crossword state of one shared hand (duplicate, anagram), checked for conservation. */
function sharedTiles(
  board: readonly string[] | undefined,
  hand: string,
  bagJson: { tiles: string; rng: number },
  ctx: ModeContext,
  handSize: number,
): Result<CrosswordState, EngineError> {
  const rowsText =
    board ??
    formatBoard(Board.empty(ctx.config.layout.rows, ctx.config.layout.cols), ctx.config.alphabet).trimEnd().split('\n');
  return crosswordStateFromJSON(
    { board: rowsText, hands: [hand], bag: bagJson, scores: [0] } satisfies CrosswordStateJSON,
    { ...ctx.config, handSize },
  );
}

function duplicateFromJSON(j: GameJSON, state: GameState, ctx: ModeContext): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause: `duplicate: ${cause}` }));
  const d = j.duplicate as NonNullable<GameJSON['duplicate']>;
  const tiles = sharedTiles(d.board, d.hand, d.bag, ctx, ctx.config.handSize);
  if (!tiles.ok) return bad(tiles.error.cause ?? 'bad tiles');
  const board = boardProblem(tiles.value.board, ctx);
  if (board !== undefined) return bad(board);
  if (d.submissions.length !== state.players.length) return bad('one submission a player');
  const hand = tiles.value.hands[0] ?? [];
  const submissions: DuplicateState['submissions'][number][] = [];
  for (const [i, s] of d.submissions.entries()) {
    if (s === null) {
      submissions.push(null);
      continue;
    }
    const placements: Placement[] = s.placements.map(([square, tile]) => ({ square, tile }));
    if (s.move === '-') {
      if (placements.length > 0 || s.score !== 0) return bad(`submission ${i}: a pass places nothing and scores 0`);
    } else {
      const m = validateMove(moveInput(placements, ctx.config), {
        board: tiles.value.board,
        hand,
        config: ctx.config,
        dictionary: ctx.dictionary,
      });
      if (!m.ok) return bad(`submission ${i}: ${m.error.name} ${m.error.cause ?? ''}`.trim());
      if (m.value.score !== s.score) return bad(`submission ${i}: scores ${m.value.score}, not ${s.score}`);
    }
    submissions.push(Object.freeze({ placements: Object.freeze(placements), score: s.score, move: s.move }));
  }
  const moves = movesProblem(
    state,
    'submitted',
    1,
    (i) => (submissions[i] == null ? [] : [submissions[i]]),
    (e, x) => e.type === 'submitted' && e.move === x?.move && e.score === x.score,
  );
  if (moves !== undefined) return bad(moves);
  const totals = closedTotals(state);
  if (state.players.some((p, i) => p.score !== totals[i])) return bad('the scores disagree with the closed turns');
  if (state.turn !== 1 + [...state.history].filter((e) => e.type === 'turn-closed').length)
    return bad('the turn disagrees with the closed turns');
  const duplicate: DuplicateState = Object.freeze({
    board: tiles.value.board,
    hand,
    bag: tiles.value.bag,
    submissions: Object.freeze(submissions),
  });
  return ok(Object.freeze({ ...state, duplicate }));
}

function anagramFromJSON(j: GameJSON, state: GameState, ctx: ModeContext): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause: `anagram: ${cause}` }));
  const a = j.anagram as NonNullable<GameJSON['anagram']>;
  const drawSize = ctx.game.drawSize ?? 9;
  const tiles = sharedTiles(undefined, a.draw, a.bag, ctx, drawSize);
  if (!tiles.ok) return bad(tiles.error.cause ?? 'bad tiles');
  const draw = tiles.value.hands[0] ?? [];
  if (draw.length !== Math.min(drawSize, ctx.config.letters.total)) return bad(`a draw holds ${drawSize} tiles`);
  if (a.submissions.length !== state.players.length) return bad('one submission a player');
  for (const [i, s] of a.submissions.entries()) {
    if (s === null || (s.word === '' && s.score === 0)) continue;
    const codes = ctx.config.alphabet.encode(s.word);
    if (!codes.ok || !ctx.dictionary.hasCodes(codes.value) || codes.value.length < (ctx.game.minLength ?? 3))
      return bad(`submission ${i}: ${s.word} is not an accepted word`);
    const left = [...draw];
    for (const c of codes.value) {
      let k = left.indexOf(c);
      if (k < 0) k = left.indexOf(BLANK);
      if (k < 0) return bad(`submission ${i}: ${s.word} is not made from the draw`);
      left.splice(k, 1);
    }
    if (s.score !== anagramScore(codes.value.length, ctx))
      return bad(`submission ${i}: the score of ${s.word} is ${anagramScore(codes.value.length, ctx)}`);
  }
  const moves = movesProblem(
    state,
    'answered',
    1,
    (i) => (a.submissions[i] == null ? [] : [a.submissions[i]]),
    (e, x) => e.type === 'answered' && e.word === x?.word && e.score === x.score,
  );
  if (moves !== undefined) return bad(moves);
  const totals = closedTotals(state);
  if (state.players.some((p, i) => p.score !== totals[i])) return bad('the scores disagree with the closed turns');
  if (state.turn !== 1 + [...state.history].filter((e) => e.type === 'turn-closed').length)
    return bad('the turn disagrees with the closed turns');
  const anagram: AnagramState = Object.freeze({
    draw,
    bag: tiles.value.bag,
    submissions: Object.freeze(a.submissions.map((s) => (s === null ? null : Object.freeze({ ...s })))),
  });
  return ok(Object.freeze({ ...state, anagram }));
}

function boggleFromJSON(j: GameJSON, state: GameState, ctx: ModeContext): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause: `boggle: ${cause}` }));
  const b = j.boggle as NonNullable<GameJSON['boggle']>;
  const grid = parseGrid(b.grid, ctx.dictionary.alphabet);
  if (!grid.ok) return bad(grid.error.cause ?? 'bad grid');
  const expected = boggleRound(state, state.turn, ctx);
  if (formatGrid(expected.grid) !== formatGrid(grid.value))
    return bad(`round ${state.turn} was rolled ${formatGrid(expected.grid)}`);
  if (b.submissions.length !== state.players.length) return bad('one word list a player');
  const limit = boggleWordLimit(state.players.length, ctx);
  const lists: EventLog<BoggleEntry>[] = [];
  for (const [i, list] of b.submissions.entries()) {
    if (list.length > limit) return bad(`player ${i}: ${list.length} words; a round accepts ${limit}`);
    const words = new Set<string>();
    for (const [k, e] of list.entries()) {
      const r = validateBoggleMove(
        { path: e.path },
        { grid: expected.grid, dictionary: ctx.dictionary, alphabet: ctx.dictionary.alphabet },
      );
      if (!r.ok || r.value.word !== e.word)
        return bad(`player ${i}, word ${k}: ${r.ok ? `the path spells ${r.value.word}` : r.error.name}`);
      if (words.has(e.word)) return bad(`player ${i}: ${e.word} twice`);
      words.add(e.word);
    }
    lists.push(EventLog.of(list.map((e) => Object.freeze({ word: e.word, path: e.path }))));
  }
  const moves = movesProblem(
    state,
    'found',
    limit,
    (i) => b.submissions[i] ?? [],
    (e, x) => e.type === 'found' && e.word === x?.word && JSON.stringify(e.path) === JSON.stringify(x.path),
  );
  if (moves !== undefined) return bad(moves);
  const totals = closedTotals(state);
  if (state.players.some((p, i) => p.score !== totals[i])) return bad('the scores disagree with the closed turns');
  if (state.turn !== 1 + [...state.history].filter((e) => e.type === 'turn-closed').length)
    return bad('the turn disagrees with the closed turns');
  const boggle: BoggleState = Object.freeze({ grid: expected.grid, submissions: Object.freeze(lists) });
  return ok(Object.freeze({ ...state, boggle }));
}
