import { parseGrid, formatGrid } from '../boggle/grid.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { crosswordStateFromJSON, crosswordStateToJSON, type CrosswordStateJSON } from '../notation/json.js';
import { err, ok, type Result } from '../result.js';
import { Board } from '../board/board.js';
import { checkSettings } from './settings.js';
import { exportGcg, type ExportTurn } from '../records/gcg.js';
import { formatTiles } from '../notation/tokens.js';
import type { ClassicState } from './classic.js';
import type { Engine } from './engine.js';
import type { AnagramState, BoggleState, DuplicateState, GameEvent, GameState, PlayerState } from './types.js';

/** A game as plain JSON (boards and tiles as text). `gameFromJSON` reads it back exactly. */
export interface GameJSON {
  readonly version: 1;
  readonly settings: GameState['settings'];
  readonly type: GameState['type'];
  readonly operator: string;
  readonly players: readonly PlayerState[];
  readonly status: GameState['status'];
  readonly turn: number;
  readonly history: readonly GameEvent[];
  readonly classic?: { tiles: CrosswordStateJSON; toMove: number; scorelessTurns: number; over: boolean; endReason?: 'out' | 'stalled'; adjustments: readonly number[] };
  readonly duplicate?: { tiles: CrosswordStateJSON; submissions: readonly ({ placements: readonly [number, number][]; score: number; move: string } | null)[] };
  readonly anagram?: { tiles: CrosswordStateJSON; submissions: AnagramState['submissions'] };
  readonly boggle?: { grid: string; minLength: number; submissions: BoggleState['submissions'] };
}

/** The JSON form of a game. */
export function gameToJSON(state: GameState, engine: Engine): GameJSON {
  const ctx = engine.context(state);
  const alphabet = ctx.ok ? ctx.value.config.alphabet : undefined;
  const base = {
    version: 1 as const,
    settings: state.settings,
    type: state.type,
    operator: state.operator,
    players: state.players.map((p) => ({ ...p })),
    status: state.status,
    turn: state.turn,
    history: JSON.parse(JSON.stringify(state.history)) as GameEvent[],
  };
  if (alphabet === undefined) return base;
  const c = state.classic;
  const d = state.duplicate;
  const a = state.anagram;
  const b = state.boggle;
  const empty = Board.empty(ctx.ok ? ctx.value.config.layout.rows : 1, ctx.ok ? ctx.value.config.layout.cols : 1);
  return {
    ...base,
    ...(c === undefined
      ? {}
      : { classic: { tiles: crosswordStateToJSON(c.tiles, alphabet), toMove: c.toMove, scorelessTurns: c.scorelessTurns, over: c.over, ...(c.endReason === undefined ? {} : { endReason: c.endReason }), adjustments: [...c.adjustments] } }),
    ...(d === undefined
      ? {}
      : {
          duplicate: {
            tiles: crosswordStateToJSON({ board: d.board, hands: [d.hand], bag: d.bag, scores: [0] }, alphabet),
            submissions: d.submissions.map((s) => (s === null ? null : { placements: s.placements.map((p) => [p.square, p.tile] as [number, number]), score: s.score, move: s.move })),
          },
        }),
    ...(a === undefined ? {} : { anagram: { tiles: crosswordStateToJSON({ board: empty, hands: [a.draw], bag: a.bag, scores: [0] }, alphabet), submissions: a.submissions.map((s) => (s === null ? null : { ...s })) } }),
    ...(b === undefined ? {} : { boggle: { grid: formatGrid(b.grid), minLength: b.grid.minLength, submissions: JSON.parse(JSON.stringify(b.submissions)) as BoggleState['submissions'] } }),
  };
}

/** Reads a game from its JSON form (checked: settings, players, boards, tiles conserved). */
export function gameFromJSON(json: unknown, engine: Engine): Result<GameState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause }));
  if (typeof json !== 'object' || json === null) return bad('a game must be an object');
  const j = json as Partial<Record<keyof GameJSON, unknown>>;
  if (j.version !== 1) return bad('unknown version');
  const settings = checkSettings(j.settings);
  if (!settings.ok) return bad(`bad settings: ${settings.error.name}`);
  if (!Array.isArray(j.players) || j.players.length > 64) return bad('players must be an array');
  const players: PlayerState[] = [];
  for (const p of j.players as unknown[]) {
    const q = p as Partial<PlayerState> | null;
    if (typeof q !== 'object' || q === null || typeof q.id !== 'string' || !Number.isSafeInteger(q.score) || typeof q.left !== 'boolean') return bad('bad player');
    players.push({ id: q.id, score: q.score as number, left: q.left });
  }
  if (typeof j.operator !== 'string' || !['waiting', 'running', 'over'].includes(j.status as string) || !Number.isSafeInteger(j.turn) || !Array.isArray(j.history)) return bad('bad game fields');
  let history: GameEvent[];
  try {
    history = JSON.parse(JSON.stringify(j.history)) as GameEvent[];
  } catch {
    return bad('history must be plain JSON');
  }
  const partial: GameState = {
    settings: settings.value.settings,
    type: settings.value.game.type,
    operator: j.operator,
    players,
    status: j.status as GameState['status'],
    turn: j.turn as number,
    history,
  };
  const ctx = engine.context(partial);
  if (!ctx.ok) return ctx;
  const { config, dictionary } = ctx.value;
  let state: GameState = partial;
  const n = players.length;
  const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
  const isPairs = (v: unknown): v is [number, number][] => Array.isArray(v) && v.length <= 64 && v.every((x) => Array.isArray(x) && x.length === 2 && isInt(x[0]) && isInt(x[1]));
  if (j.classic !== undefined) {
    const c = j.classic as Partial<Record<string, unknown>> | null;
    if (typeof c !== 'object' || c === null) return bad('classic must be an object');
    const { toMove, scorelessTurns, over, endReason, adjustments } = c;
    if (!isInt(toMove) || toMove < 0 || toMove >= Math.max(n, 1) || !isInt(scorelessTurns) || scorelessTurns < 0 || typeof over !== 'boolean') return bad('bad classic turn fields');
    if (endReason !== undefined && endReason !== 'out' && endReason !== 'stalled') return bad('bad endReason');
    if (!Array.isArray(adjustments) || adjustments.length !== n || !adjustments.every(isInt)) return bad('bad adjustments');
    const tiles = crosswordStateFromJSON(c.tiles, config);
    if (!tiles.ok) return tiles;
    if (tiles.value.hands.length !== n) return bad('one hand a player');
    const classic: ClassicState = { tiles: tiles.value, toMove, scorelessTurns, over, ...(endReason === undefined ? {} : { endReason }), adjustments: [...adjustments] };
    state = { ...state, classic };
  }
  if (j.duplicate !== undefined) {
    const d = j.duplicate as Partial<Record<string, unknown>> | null;
    if (typeof d !== 'object' || d === null) return bad('duplicate must be an object');
    const tiles = crosswordStateFromJSON(d.tiles, config);
    if (!tiles.ok) return tiles;
    const subs = d.submissions;
    if (!Array.isArray(subs) || subs.length !== n) return bad('one submission a player');
    const submissions: DuplicateState['submissions'][number][] = [];
    for (const x of subs as unknown[]) {
      if (x === null) {
        submissions.push(null);
        continue;
      }
      const y = x as Partial<Record<string, unknown>>;
      if (typeof y !== 'object' || !isPairs(y.placements) || !isInt(y.score) || typeof y.move !== 'string') return bad('bad duplicate submission');
      submissions.push({ placements: y.placements.map(([square, tile]) => ({ square, tile })), score: y.score, move: y.move });
    }
    state = { ...state, duplicate: { board: tiles.value.board, hand: tiles.value.hands[0] ?? [], bag: tiles.value.bag, submissions } };
  }
  if (j.anagram !== undefined) {
    const a = j.anagram as Partial<Record<string, unknown>> | null;
    if (typeof a !== 'object' || a === null) return bad('anagram must be an object');
    const tiles = crosswordStateFromJSON(a.tiles, { ...config, handSize: 64 });
    if (!tiles.ok) return tiles;
    const subs = a.submissions;
    if (!Array.isArray(subs) || subs.length !== n) return bad('one submission a player');
    const submissions: AnagramState['submissions'][number][] = [];
    for (const x of subs as unknown[]) {
      const y = x as Partial<Record<string, unknown>> | null;
      if (y === null) submissions.push(null);
      else if (typeof y === 'object' && typeof y.word === 'string' && isInt(y.score)) submissions.push({ word: y.word, score: y.score });
      else return bad('bad anagram submission');
    }
    state = { ...state, anagram: { draw: tiles.value.hands[0] ?? [], bag: tiles.value.bag, submissions } };
  }
  if (j.boggle !== undefined) {
    const b = j.boggle as Partial<Record<string, unknown>> | null;
    if (typeof b !== 'object' || b === null || typeof b.grid !== 'string' || !isInt(b.minLength) || b.minLength < 1) return bad('bad Boggle round');
    const grid = parseGrid(b.grid, (dictionary as Dictionary).alphabet);
    if (!grid.ok) return grid;
    const subs = b.submissions;
    if (!Array.isArray(subs) || subs.length !== n) return bad('one word list a player');
    const submissions: BoggleState['submissions'][number][] = [];
    for (const list of subs as unknown[]) {
      if (!Array.isArray(list) || list.length > 10_000) return bad('bad Boggle word list');
      const words: { word: string; path: [number, number][] }[] = [];
      for (const x of list as unknown[]) {
        const y = x as Partial<Record<string, unknown>> | null;
        if (typeof y !== 'object' || y === null || typeof y.word !== 'string' || !isPairs(y.path)) return bad('bad Boggle word');
        words.push({ word: y.word, path: y.path.map(([r, c]) => [r, c] as [number, number]) });
      }
      submissions.push(words);
    }
    state = { ...state, boggle: { grid: { ...grid.value, minLength: b.minLength }, submissions } };
  }
  return ok(state);
}

/**
 * What one player may see, as JSON: other players' hands become tile counts, the bag a count
 * (its contents and the PRNG state stay hidden), other players' submissions are hidden while
 * the game runs (duplicate and anagram: whether they submitted; Boggle: how many words), and so
 * are other players' racks and traded tiles in the history.
 */
export function playerView(state: GameState, playerId: string, engine: Engine): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(gameToJSON(state, engine))) as Record<string, unknown>;
  const me = state.players.findIndex((p) => p.id === playerId);
  const running = state.status !== 'over';
  const tilesView = (tiles: CrosswordStateJSON, handSizes: readonly number[], bagSize: number, shared: boolean) => ({
    board: tiles.board,
    hands: tiles.hands.map((h, i) => (shared || i === me || !running ? h : null)),
    handSizes,
    bagSize,
  });
  const c = state.classic;
  if (c !== undefined && json.classic !== undefined) {
    const part = json.classic as NonNullable<GameJSON['classic']>;
    json.classic = { ...part, tiles: tilesView(part.tiles, c.tiles.hands.map((h) => h.length), c.tiles.bag.tiles.length, false) };
  }
  const d = state.duplicate;
  if (d !== undefined && json.duplicate !== undefined) {
    const part = json.duplicate as NonNullable<GameJSON['duplicate']>;
    json.duplicate = { tiles: tilesView(part.tiles, [d.hand.length], d.bag.tiles.length, true), submissions: part.submissions.map((x, i) => (i === me || !running ? x : x !== null)) };
  }
  const a = state.anagram;
  if (a !== undefined && json.anagram !== undefined) {
    const part = json.anagram as NonNullable<GameJSON['anagram']>;
    json.anagram = { draw: part.tiles.hands[0], bagSize: a.bag.tiles.length, submissions: part.submissions.map((x, i) => (i === me || !running ? x : x !== null)) };
  }
  if (json.boggle !== undefined) {
    const part = json.boggle as NonNullable<GameJSON['boggle']>;
    json.boggle = { ...part, submissions: part.submissions.map((x, i) => (i === me || !running ? x : x.length)) };
  }
  if (running) {
    json.history = state.history.map((e) => {
      if (!('player' in e) || e.player === playerId) return e;
      if (e.type === 'played' || e.type === 'passed') return { ...e, rack: undefined };
      if (e.type === 'traded') return { type: 'traded', player: e.player, count: e.tiles.length };
      return e;
    });
    json.history = JSON.parse(JSON.stringify(json.history));
  }
  return json;
}

/**
 * A classic game's record as GCG, from its history (plays, trades, passes and the end-of-game
 * rack adjustments); undefined for other game types.
 */
export function gameToGcg(state: GameState, engine: Engine): string | undefined {
  const ctx = engine.context(state);
  if (!ctx.ok || state.type !== 'classic' || state.classic === undefined) return undefined;
  const index = new Map(state.players.map((p, i) => [p.id, i]));
  const turns: ExportTurn[] = [];
  for (const e of state.history) {
    const player = 'player' in e ? (index.get(e.player) ?? -1) : -1;
    if (e.type === 'played' && player >= 0) turns.push({ player, kind: 'play', rack: e.rack, move: e.move, score: e.score });
    else if (e.type === 'traded' && player >= 0) turns.push({ player, kind: 'trade', rack: e.rack, tiles: e.tiles });
    else if (e.type === 'passed' && player >= 0) turns.push({ player, kind: 'pass', rack: e.rack ?? '' });
  }
  const c = state.classic;
  const wentOut = c.endReason === 'out' ? c.tiles.hands.findIndex((h) => h.length === 0) : -1;
  return exportGcg({
    players: state.players.map((p) => p.id.replace(/[\s:]+/g, '_')),
    turns,
    finalRacks: c.over ? c.tiles.hands.map((h) => formatTiles(h, ctx.value.config.alphabet)) : [],
    adjustments: c.over ? c.adjustments : state.players.map(() => 0),
    ...(wentOut >= 0 ? { wentOut } : {}),
    config: ctx.value.config,
  });
}
