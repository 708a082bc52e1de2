import { sameGlyphs } from '../alphabet/alphabet.js';
import { Board, type Placement } from '../board/board.js';
import { presetConfig, type GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import type { WordLookup } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { parsePlay, type PlayNotationProblem } from '../notation/move.js';
import { parseTiles } from '../notation/tokens.js';
import { err, ok, type Result } from '../result.js';
import { moveInput, scorePlacements, validateMove } from '../rules/crossword.js';
import { PERMISSIVE } from '../rules/lookup.js';
import { makeHand } from '../state/hand.js';
import { type GcgEvent, type GcgProblem, type GcgRecord } from './gcg.js';

/** One problem found by a replay, on a line of the record. */
export interface GcgFinding {
  readonly line: number;
  readonly problem: GcgProblem;
  readonly message: string;
  /** The recorded score or total, for score and total problems. */
  readonly recorded?: number;
  /** What the engine computes instead. */
  readonly computed?: number;
}

/** The replay of a record. */
export interface GcgReplay {
  /** Events replayed. */
  readonly moves: number;
  /** Every problem found, in line order (empty for a sound record). */
  readonly findings: readonly GcgFinding[];
  /** What the rules allow but a reader wants to know, in line order: phonies challenged off (`phony-withdrawn`). */
  readonly notes: readonly GcgFinding[];
  /** The final board. */
  readonly board: Board;
  /** Each player's total as the engine scores the record. */
  readonly totals: readonly number[];
  readonly config: GameConfig;
  /** How the game ended: a player went out, six scoreless turns, or not at all (an unfinished record). */
  readonly ended: 'out' | 'scoreless' | null;
  /** True when the replay stopped early: at {@link MAX_FINDINGS} findings, or at more events than a game can hold. */
  readonly stopped: boolean;
}

/** A replay stops after this many findings (a record with more is not a game record). */
export const MAX_FINDINGS = 100;

/** The scoreless turns in a row that end a game. */
const SCORELESS_TURNS = 6;

/**
 * Replays a record as a game and checks it against the rules (docs/records.md, "Check a game record"): turn
 * order; every play's placement and score (with `dictionary`, words too; default: every word,
 * for records played under any lexicon); racks (tiles played or exchanged are on the recorded
 * rack, no rack holds more tiles than the player has or tiles that are not unseen, final racks
 * are exactly what is left); withdrawn phonies and challenge bonuses after their play; the end of
 * the game (going out with the bag empty, or six scoreless turns) and its rack points (2×, or 1×
 * with penalty lines) and penalties; time penalties last; running totals. Each problem is a
 * {@link GcgFinding} with its line; the replay goes on after one, as far as it can.
 *
 * A withdrawn phony must carry the score recorded for its play (so a misrecorded phony is one
 * finding, on its play). A total is flagged only when it is neither the previous total plus the
 * recorded score nor plus the engine's score (so a wrong score is one finding, not two).
 */
export function replayGcg(record: GcgRecord, dictionary: WordLookup = PERMISSIVE): Result<GcgReplay, EngineError> {
  // Without a tile-distribution pragma, every letterset that fits is tried; the closest replay wins.
  let best = replayWith(record, record.config, dictionary);
  for (const name of record.alternatives) {
    if (!best.ok || best.value.findings.length === 0) break;
    const other = replayWith(record, name, dictionary);
    if (other.ok && other.value.findings.length < best.value.findings.length) best = other;
  }
  return best;
}

type LastPlay = {
  readonly player: number;
  readonly before: Board;
  readonly placements: readonly Placement[];
  readonly computed: number;
  readonly recorded: number;
  readonly rack: string;
  readonly drew: number;
  readonly streakBefore: number;
  readonly wentOut: boolean;
  /** The play's `phony` finding, when it formed a word the dictionary does not hold. */
  readonly phony: GcgFinding | undefined;
};

function replayWith(record: GcgRecord, configName: string, dictionary: WordLookup): Result<GcgReplay, EngineError> {
  const cfg = presetConfig(configName);
  if (!cfg.ok) return cfg;
  const config = cfg.value;
  if (dictionary.alphabet !== undefined && !sameGlyphs(dictionary.alphabet, config.alphabet))
    return err(
      engineError(Code.ALPHABET_MISMATCH, {
        cause: `the record is played in alphabet ${config.alphabet.spec.name}; the dictionary is in ${dictionary.alphabet.spec.name}`,
      }),
    );
  const letters = config.letters;
  const n = record.players.length;
  // The unseen tiles: the letterset minus the board (index 0: blanks).
  const pool = new Int32Array(config.alphabet.size + 1);
  for (let c = 1; c <= config.alphabet.size; c++) pool[c] = letters.counts[c] ?? 0;
  pool[0] = letters.blanks;
  // How many tiles each player holds, and the bag (counts only: the draws themselves are unknown).
  let bag = letters.total;
  const held = record.players.map(() => {
    const d = Math.min(config.handSize, bag);
    bag -= d;
    return d;
  });
  let board = Board.empty(config.layout.rows, config.layout.cols);
  const findings: GcgFinding[] = [];
  const notes: GcgFinding[] = [];
  const totals = record.players.map(() => 0);
  const recordedTotals = record.players.map(() => 0);
  let next = 0;
  let phase = 'playing' as Phase;
  let ended: GcgReplay['ended'] = null;
  let outPlayer = -1;
  let streak = 0;
  let last: LastPlay | undefined;
  const penalized = new Set<number>();
  const timed = new Set<number>();

  const add = (
    e: { readonly line: number },
    problem: GcgProblem,
    message: string,
    numbers: { recorded?: number; computed?: number } = {},
  ) => findings.push({ line: e.line, problem, message, ...numbers });
  const tilesOf = (text: string): Tile[] | undefined => {
    const t = parseTiles(text.replaceAll('.', '?'), config.alphabet);
    return t.ok ? t.value : undefined;
  };
  const counts = (tiles: readonly Tile[]) => {
    const c = new Int32Array(config.alphabet.size + 1);
    for (const t of tiles) bump(c, t === BLANK ? 0 : t, 1);
    return c;
  };
  const within = (small: Int32Array, big: ArrayLike<number>) => small.every((x, i) => x <= (big[i] ?? 0));
  const value = (tiles: readonly Tile[]) => tiles.reduce((s, t) => s + (t === BLANK ? 0 : (letters.values[t] ?? 0)), 0);
  const handTile = (p: Placement): Tile => ((p.tile & BLANK) !== 0 ? BLANK : p.tile);
  /** Checks a rack (text as recorded) of player p: tiles of the letterset, no more than held, all unseen. */
  const checkRack = (e: { readonly line: number }, text: string, p: number): Tile[] | undefined => {
    if (text === '') return undefined;
    const tiles = tilesOf(text);
    if (tiles === undefined) {
      add(e, 'malformed-rack', `${text} is not tiles of the ${config.name} letterset`);
      return undefined;
    }
    if (tiles.length > (held[p] ?? 0))
      add(e, 'rack-too-large', `${text} has ${tiles.length} tiles; the player holds ${held[p]}`);
    else if (!within(counts(tiles), pool)) add(e, 'rack-not-in-bag', `${text} holds tiles that are not unseen`);
    return tiles;
  };
  const moveAfterEnd = (e: GcgEvent): boolean => {
    if (phase === 'over' || phase === 'scoreless') {
      add(
        e,
        'event-after-game-end',
        `the game ended ${phase === 'scoreless' ? 'after six scoreless turns' : 'when a player went out'}`,
      );
      return true;
    }
    return false;
  };
  const turnTaken = (e: GcgEvent) => {
    if (phase === 'playing' && e.player !== next)
      add(e, 'event-off-turn', `${record.players[e.player]?.nick} moves; it is ${record.players[next]?.nick}'s turn`);
    next = (e.player + 1) % n;
  };
  const scoreless = () => {
    streak++;
    if (streak >= SCORELESS_TURNS && phase === 'playing') {
      phase = 'scoreless';
      ended = 'scoreless';
    }
  };

  // A game has at most 12 events a tile: a turn is a play and its withdrawal at most, and six
  // scoreless turns in a row end the game, so every 6 turns place a tile; plus the end lines.
  const maxEvents = 12 * (letters.total + 1) + 2 * n;
  let stopped = false;
  for (const [i, e] of record.events.entries()) {
    if (findings.length >= MAX_FINDINGS || i >= maxEvents) {
      if (i >= maxEvents)
        add(e, 'too-many-events', `a game of ${letters.total} tiles holds at most ${maxEvents} events`);
      stopped = true;
      break;
    }
    let computed = e.score;
    const p = e.player;
    const previous = last;
    last = undefined;
    switch (e.kind) {
      case 'play': {
        if (moveAfterEnd(e)) break;
        if (phase === 'out') {
          add(e, 'event-after-game-end', 'the game ended when a player went out');
          break;
        }
        turnTaken(e);
        const rack = checkRack(e, e.rack, p);
        const parsed = parsePlay(`${e.position} ${e.word}`, board, config.alphabet);
        if (!parsed.ok) {
          const reason = (parsed.error.detail as PlayNotationProblem | undefined)?.reason;
          add(
            e,
            reason === 'off-board'
              ? 'bad-position'
              : reason === 'runs-off'
                ? 'play-out-of-bounds'
                : reason === 'glyph' || reason === 'syntax'
                  ? 'malformed-play'
                  : 'invalid-play',
            parsed.error.cause ?? parsed.error.message,
          );
          streak = 0;
          break;
        }
        const placements = parsed.value.placements;
        const played = placements.map(handTile);
        if (rack !== undefined && !within(counts(played), counts(rack)))
          add(e, 'tile-not-on-rack', `${e.word} uses tiles that are not on the rack ${e.rack}`);
        const hand = makeHand(played);
        let phony = false;
        computed = placements.length === 0 ? -1 : scorePlacements(placements, { board, hand, config, dictionary });
        if (computed < 0) {
          const why = validateMove(moveInput(placements, config), { board, hand, config, dictionary });
          phony = !why.ok && why.error.code === Code.INCORRECT_WORDS;
          add(
            e,
            phony ? 'phony' : 'invalid-play',
            why.ok
              ? 'no new tile'
              : `${why.error.name}${why.error.param === undefined ? '' : ` ${String(why.error.param)}`}: ${why.error.cause ?? why.error.message}`,
          );
          computed = e.score;
        } else if (computed !== e.score)
          add(e, 'score', `${e.position} ${e.word} scores ${computed}`, { recorded: e.score, computed });
        if (placements.length > (held[p] ?? 0))
          add(e, 'rack-too-large', `${placements.length} tiles played; the player holds ${held[p]}`);
        const before = board;
        board = board.withTiles(placements);
        for (const t of played) bump(pool, t === BLANK ? 0 : t, -1);
        const bagWasEmpty = bag === 0;
        held[p] = Math.max(0, (held[p] ?? 0) - placements.length);
        const drew = Math.min(placements.length, bag);
        bag -= drew;
        held[p] = (held[p] ?? 0) + drew;
        const wentOut = bagWasEmpty && held[p] === 0;
        last = {
          player: p,
          before,
          placements,
          computed,
          recorded: e.score,
          rack: e.rack,
          drew,
          streakBefore: streak,
          wentOut,
          phony: phony ? findings[findings.length - 1] : undefined,
        };
        if (computed === 0) scoreless();
        else streak = 0;
        if (wentOut) {
          phase = 'out';
          ended = 'out';
          outPlayer = p;
        }
        break;
      }
      case 'withdrawn': {
        if (previous === undefined) {
          add(e, 'phony-without-play', 'no play to withdraw just before');
          computed = e.score;
          break;
        }
        if (previous.player !== p)
          add(e, 'phony-wrong-player', `the play before was ${record.players[previous.player]?.nick}'s`);
        if (e.rack !== '' && previous.rack !== '' && sorted(e.rack) !== sorted(previous.rack))
          add(e, 'phony-tiles-mismatch', `the rack ${e.rack} is not the play's rack ${previous.rack}`);
        // A phony challenged off is what the rules allow: a note, not a problem.
        const phonyAt = previous.phony === undefined ? -1 : findings.indexOf(previous.phony);
        if (phonyAt >= 0) {
          findings.splice(phonyAt, 1);
          notes.push({ ...(previous.phony as GcgFinding), problem: 'phony-withdrawn' });
        }
        computed = -previous.computed;
        if (e.score !== -previous.recorded)
          add(e, 'score', `the withdrawal takes back the play's recorded ${previous.recorded}`, {
            recorded: e.score,
            computed: -previous.recorded,
          });
        board = previous.before;
        for (const t of previous.placements) bump(pool, (t.tile & BLANK) !== 0 ? 0 : t.tile, 1);
        held[previous.player] = (held[previous.player] ?? 0) - previous.drew + previous.placements.length;
        bag += previous.drew;
        streak = previous.streakBefore;
        if (phase === 'out' && previous.wentOut) {
          phase = 'playing';
          ended = null;
          outPlayer = -1;
        }
        scoreless();
        break;
      }
      case 'challenge-bonus': {
        if (previous === undefined) add(e, 'challenge-bonus-without-play', 'no play just before');
        else if (previous.player !== p)
          add(e, 'challenge-bonus-wrong-player', `the play before was ${record.players[previous.player]?.nick}'s`);
        checkRack(e, e.rack, p);
        if (e.score < 0) add(e, 'score', 'a challenge bonus is positive', { recorded: e.score });
        break;
      }
      case 'pass':
      case 'exchange': {
        if (moveAfterEnd(e)) break;
        if (phase === 'out') {
          // The opponent's turn lost to an unsuccessful challenge of the out-play (double challenge).
          if (e.kind === 'exchange' || p === outPlayer)
            add(e, 'event-after-game-end', 'the game ended when a player went out');
          break;
        }
        turnTaken(e);
        const rack = checkRack(e, e.rack, p);
        computed = 0;
        if (e.score !== 0)
          add(e, 'score', `a${e.kind === 'pass' ? ' pass' : 'n exchange'} scores 0`, {
            recorded: e.score,
            computed: 0,
          });
        if (e.kind === 'exchange') {
          const count = /^\d+$/.test(e.tiles) ? Number(e.tiles) : undefined;
          const tiles = count === undefined ? tilesOf(e.tiles) : undefined;
          if (count === undefined && tiles === undefined)
            add(e, 'malformed-exchange', `${e.tiles} is not tiles of the ${config.name} letterset`);
          else if (tiles !== undefined && rack !== undefined && !within(counts(tiles), counts(rack)))
            add(e, 'exchange-not-on-rack', `${e.tiles} is not on the rack ${e.rack}`);
          else if ((count ?? tiles?.length ?? 0) > (held[p] ?? 0))
            add(e, 'exchange-not-on-rack', `${count ?? tiles?.length} tiles put back; the player holds ${held[p]}`);
          if (bag < config.minBagToTrade)
            add(e, 'exchange-with-small-bag', `the bag holds ${bag} tiles; an exchange needs ${config.minBagToTrade}`);
        }
        scoreless();
        break;
      }
      case 'end-points': {
        const tiles = tilesOf(e.rack);
        if (tiles === undefined) {
          add(e, 'malformed-rack', `${e.rack} is not tiles of the ${config.name} letterset`);
          break;
        }
        if (phase !== 'out' || p !== outPlayer) {
          add(
            e,
            'end-event-before-game-end',
            phase === 'playing' ? 'no player has gone out' : 'only the player who went out gains the racks left',
          );
          break;
        }
        if (!counts(tiles).every((x, i) => x === pool[i]))
          add(e, 'end-rack-mismatch', `the tiles left are ${describePool(pool, config)}, not ${e.rack}`);
        const v = value(tiles);
        computed = e.score === v ? v : 2 * v;
        if (e.score !== v && e.score !== 2 * v)
          add(e, 'end-points-incorrect', `the racks left are worth ${v}: ${2 * v} (or ${v} with penalty lines)`, {
            recorded: e.score,
            computed: 2 * v,
          });
        phase = 'over';
        break;
      }
      case 'end-penalty': {
        if (e.rack !== e.counted && sorted(e.rack) !== sorted(e.counted))
          add(e, 'end-rack-mismatch', `the rack ${e.rack} and the tiles counted (${e.counted}) differ`);
        const tiles = tilesOf(e.counted);
        if (tiles === undefined) {
          add(e, 'malformed-rack', `${e.counted} is not tiles of the ${config.name} letterset`);
          break;
        }
        const afterOut = (phase === 'out' || phase === 'over') && ended === 'out' && p !== outPlayer;
        if (phase === 'playing' || ((phase as Phase) !== 'scoreless' && !afterOut)) {
          add(e, 'end-event-before-game-end', 'the game has not ended');
          break;
        }
        if (penalized.has(p)) add(e, 'end-penalty-incorrect', 'a second penalty line for this player');
        penalized.add(p);
        if (tiles.length !== held[p] || !within(counts(tiles), pool))
          add(e, 'end-rack-mismatch', `${e.counted} is not what the player holds (${held[p]} tiles)`);
        computed = -value(tiles);
        if (e.score !== computed)
          add(e, 'end-penalty-incorrect', `${e.counted} is worth ${-computed}`, { recorded: e.score, computed });
        if ((phase as Phase) === 'scoreless' && penalized.size === n) phase = 'over';
        break;
      }
      case 'time-penalty': {
        if (phase === 'playing') add(e, 'end-event-before-game-end', 'time penalties come after the end of the game');
        else if (phase !== 'over')
          add(e, 'premature-time-penalty', 'time penalties come after every end-of-game rack line');
        else if (timed.has(p)) add(e, 'redundant-time-penalty', 'a second time penalty for this player');
        timed.add(p);
        if (e.score > 0) add(e, 'score', 'a time penalty is not positive', { recorded: e.score });
        break;
      }
    }
    const previousTotal = recordedTotals[p] ?? 0;
    if (e.total !== previousTotal + e.score && e.total !== previousTotal + computed)
      add(e, 'total', `${previousTotal} + ${e.score} is ${previousTotal + e.score}`, {
        recorded: e.total,
        computed: previousTotal + e.score,
      });
    recordedTotals[p] = e.total;
    totals[p] = (totals[p] ?? 0) + computed;
  }
  for (const [p, r] of record.lastRacks.entries()) if (r !== undefined) checkRack(r, r.rack, p);
  findings.sort((a, b) => a.line - b.line);
  return ok({ moves: record.events.length, findings, notes, board, totals, config, ended, stopped });
}

type Phase = 'playing' | 'out' | 'scoreless' | 'over';

function bump(counts: Int32Array, i: number, by: number): void {
  counts[i] = (counts[i] ?? 0) + by;
}

function sorted(rack: string): string {
  return [...rack.replaceAll('.', '?')].sort().join('');
}

function describePool(pool: Int32Array, config: GameConfig): string {
  let s = '';
  for (let c = 1; c < pool.length; c++) s += config.alphabet.glyph(c).repeat(Math.max(0, pool[c] ?? 0));
  return s + '?'.repeat(Math.max(0, pool[0] ?? 0)) || 'none';
}
