import { Board, type Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { parsePlay } from '../notation/move.js';
import { parseTiles } from '../notation/tokens.js';
import type { GcgRecord } from '../records/gcg.js';
import { err, ok, type Result } from '../result.js';
import { unseenTiles } from '../state/unseen.js';

/** What a player did on a turn of a record. */
export type RecordMove =
  | { readonly kind: 'play'; readonly placements: readonly Placement[]; readonly score: number }
  /** `tiles` undefined when the record gives only the count. */
  | { readonly kind: 'exchange'; readonly tiles: readonly Tile[] | undefined; readonly count: number }
  | { readonly kind: 'pass' };

/** One turn of a record, as the player to move saw it. */
export interface RecordTurn {
  /** 0-based, over the record's turns (a withdrawn play is one turn). */
  readonly index: number;
  /** The record's line of the move. */
  readonly line: number;
  readonly player: number;
  /** The board before the move. */
  readonly board: Board;
  /** The rack as recorded (empty when the record omits it). */
  readonly rack: readonly Tile[];
  /** Every player's score before the move. */
  readonly scores: readonly number[];
  /** Scoreless turns in a row before the move. */
  readonly scorelessTurns: number;
  /** The tiles the mover cannot see (the letterset minus the board and the rack); undefined without a rack. */
  readonly unseen: readonly Tile[] | undefined;
  /** Tiles in the bag before the move. */
  readonly bag: number;
  readonly move: RecordMove;
  /** True when the play was challenged off the board (a phony): the turn was lost. */
  readonly withdrawn: boolean;
}

/**
 * The turns of a record, with the position before each: plays, exchanges and passes, a
 * withdrawn phony as its play marked `withdrawn`. Bonuses and end-of-game lines change the
 * scores. The record should replay first (`replayGcg`); a move that cannot be read here is
 * BAD_RECORD (90402) with its line.
 */
export function recordTurns(record: GcgRecord, config: GameConfig): Result<RecordTurn[], EngineError> {
  const n = record.players.length;
  const bad = (line: number, cause: string) => err(engineError(Code.BAD_RECORD, { param: line, cause }));
  let board = Board.empty(config.layout.rows, config.layout.cols);
  const scores = record.players.map(() => 0);
  let bag = config.letters.total;
  const held = record.players.map(() => {
    const d = Math.min(config.handSize, bag);
    bag -= d;
    return d;
  });
  let scoreless = 0;
  const turns: RecordTurn[] = [];
  /** The last play, to take back when it is withdrawn. */
  let last: { before: Board; placed: number; drew: number; score: number; turn: number; scoreless: number } | undefined;
  for (const e of record.events) {
    const p = e.player;
    const before = last;
    last = undefined;
    if (
      e.kind === 'challenge-bonus' ||
      e.kind === 'end-points' ||
      e.kind === 'end-penalty' ||
      e.kind === 'time-penalty'
    ) {
      scores[p] = (scores[p] ?? 0) + e.score;
      continue;
    }
    if (e.kind === 'withdrawn') {
      if (before === undefined) return bad(e.line, 'a withdrawal with no play before it');
      board = before.before;
      scores[p] = (scores[p] ?? 0) - before.score;
      bag += before.drew;
      held[p] = (held[p] ?? 0) + before.placed - before.drew;
      scoreless = before.scoreless + 1;
      const turn = turns[before.turn] as RecordTurn;
      turns[before.turn] = { ...turn, withdrawn: true };
      continue;
    }
    const rackText = e.rack.replaceAll('.', '?');
    const rack = rackText === '' ? [] : parseTiles(rackText, config.alphabet);
    if (!Array.isArray(rack) && !rack.ok) return bad(e.line, `the rack ${e.rack} is not tiles of the game`);
    const tiles = Array.isArray(rack) ? rack : rack.value;
    const unseen = tiles.length === 0 ? undefined : unseenTiles(config, board, tiles);
    const common = {
      index: turns.length,
      line: e.line,
      player: p,
      board,
      rack: tiles,
      scores: [...scores],
      scorelessTurns: scoreless,
      unseen,
      bag,
      withdrawn: false,
    };
    if (e.kind === 'play') {
      const parsed = parsePlay(`${e.position} ${e.word}`, board, config.alphabet);
      if (!parsed.ok) return bad(e.line, parsed.error.cause ?? parsed.error.message);
      const placements = parsed.value.placements;
      turns.push({ ...common, move: { kind: 'play', placements, score: e.score } });
      const drew = Math.min(placements.length, bag);
      last = { before: board, placed: placements.length, drew, score: e.score, turn: turns.length - 1, scoreless };
      board = board.withTiles(placements);
      scores[p] = (scores[p] ?? 0) + e.score;
      held[p] = (held[p] ?? 0) - placements.length + drew;
      bag -= drew;
      scoreless = e.score === 0 ? scoreless + 1 : 0;
    } else if (e.kind === 'exchange') {
      const count = /^\d+$/.test(e.tiles) ? Number(e.tiles) : undefined;
      const traded = count === undefined ? parseTiles(e.tiles.replaceAll('.', '?'), config.alphabet) : undefined;
      if (traded !== undefined && !traded.ok) return bad(e.line, `the exchange ${e.tiles} is not tiles of the game`);
      const list = traded?.value;
      turns.push({ ...common, move: { kind: 'exchange', tiles: list, count: count ?? list?.length ?? 0 } });
      scoreless++;
    } else {
      turns.push({ ...common, move: { kind: 'pass' } });
      scoreless++;
    }
    if (turns.length > 12 * (config.letters.total + 1) + 2 * n) return bad(e.line, 'more turns than a game can hold');
  }
  return ok(turns);
}

/** The tiles a play takes from the hand (a blank as {@link BLANK}). */
export function tilesPlayed(placements: readonly Placement[]): Tile[] {
  return placements.map((p) => ((p.tile & BLANK) !== 0 ? BLANK : p.tile));
}
