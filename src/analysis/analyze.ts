import type { Placement } from '../board/board.js';
import type { GameConfig } from '../config/config.js';
import type { Tile } from '../config/letterset.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { EndgameSolver } from '../endgame/endgame.js';
import { PreEndgameSolver } from '../endgame/peg.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { cgpDistribution } from '../game/cgp.js';
import { EndgameLeaves } from '../leaves/endgame.js';
import { bestTrade } from '../leaves/trade.js';
import type { LeaveValues } from '../leaves/values.js';
import { MoveGenerator } from '../movegen/generator.js';
import { bestPlay } from '../movegen/search.js';
import { type CgpOperation, formatCgp } from '../notation/cgp.js';
import { formatMoveString } from '../notation/move-string.js';
import { formatTiles } from '../notation/tokens.js';
import type { GcgRecord } from '../records/gcg.js';
import { replayGcg } from '../records/replay.js';
import { err, ok, type Result } from '../result.js';
import { PERMISSIVE } from '../rules/lookup.js';
import { Simulator } from '../sim/sim.js';
import { DEFAULT_WIN_MODEL, type WinModel, winProbability } from '../sim/winpct.js';
import { handValue } from '../state/hand.js';
import { EQUITY_EPSILON, type Verdict, VERDICTS, outcome, verdictOf } from './grade.js';
import { type RecordTurn, recordTurns, tilesPlayed } from './turns.js';

/** How deep an analysis looks: static equity; plus simulation; plus exact endgames and pre-endgames. */
export type AnalysisDepth = 'static' | 'sim' | 'full';

/** Nodes each endgame search of an analysis may visit, and each endgame of a pre-endgame, by default. */
const DEFAULT_ENDGAME_NODES = 500_000;
const DEFAULT_PEG_NODES = 20_000;

/** Options of {@link GameAnalyzer}. */
export interface AnalysisOptions {
  /** Default `static`. */
  readonly depth?: AnalysisDepth;
  /** The leave values of the static equity and of the simulation (use the learned table). */
  readonly leaves: LeaveValues;
  /** Turns a lead into a win chance (default {@link DEFAULT_WIN_MODEL}). */
  readonly winModel?: WinModel;
  /** The simulation of each turn: iterations (default 300), candidates besides the move played (default 8), plies (default 2), a time budget (makes the analysis depend on the machine). */
  readonly sim?: {
    readonly iterations?: number;
    readonly candidates?: number;
    readonly plies?: number;
    readonly timeMs?: number;
  };
  /** Seed of the simulations (default 1): turn t simulates with a seed made of it and t. */
  readonly seed?: number;
  /** Nodes each endgame search may visit (default 500,000: a budget in nodes keeps results the same on every machine). */
  readonly endgameNodes?: number;
  /** Nodes each endgame of a pre-endgame may visit (default 20,000). */
  readonly pegNodes?: number;
  /** The lexicon's name, written in each turn's CGP (default: the record's `#lexicon`). */
  readonly lexicon?: string;
}

/** A move and its figures. */
export interface MoveFigures {
  /** As an engine move string: `8H WORD`, `H8 WORD`, `ex ABC`, `pass`. */
  readonly move: string;
  readonly kind: 'play' | 'exchange' | 'pass';
  readonly score: number;
  /** Score plus the leave's value (with the bag empty: the endgame adjustment). */
  readonly equity: number;
  /** The new tiles of a play. */
  readonly placements: readonly { readonly square: number; readonly tile: number }[];
}

/** One turn's analysis. */
export interface TurnAnalysis {
  /** 1-based, over the record's turns. */
  readonly turn: number;
  readonly line: number;
  readonly player: number;
  readonly rack: string;
  /** The position before the move as the mover saw it. */
  readonly cgp: string;
  readonly bag: number;
  /** The mover's score minus the best opponent's, before the move. */
  readonly lead: number;
  readonly played: MoveFigures & {
    /** 1 + the moves with a higher static equity (every play, and the best exchange). */
    readonly rank: number;
    readonly bingo: boolean;
    /** A play challenged off the board (graded as the pass it became). */
    readonly phony: boolean;
  };
  /** The best move by static equity (the learned-leaves player's choice). */
  readonly best: MoveFigures;
  readonly equityLoss: number;
  /** The best bingo the rack had, when the move played was none. */
  readonly missedBingo?: string;
  readonly sim?: {
    readonly iterations: number;
    readonly best: {
      readonly move: string;
      readonly win: number;
      readonly winCI: readonly [number, number];
      readonly spread: number;
      readonly spreadCI: readonly [number, number];
    };
    /** The best few candidates (at most 5), best first. */
    readonly top: readonly {
      readonly move: string;
      readonly win: number;
      readonly winCI: readonly [number, number];
      readonly spread: number;
      readonly spreadCI: readonly [number, number];
    }[];
    /** Absent when the move played could not be simulated (a pass, an exchange recorded as a count). */
    readonly played?: {
      readonly win: number;
      readonly winCI: readonly [number, number];
      readonly spread: number;
      readonly spreadCI: readonly [number, number];
    };
  };
  readonly endgame?: {
    readonly best: { readonly move: string; readonly value: number };
    readonly played: { readonly value: number };
    readonly exact: boolean;
  };
  readonly peg?: {
    readonly best: { readonly move: string; readonly win: number; readonly spread: number };
    /** Absent when the move played is not among the pre-endgame's candidates. */
    readonly played?: { readonly win: number; readonly spread: number };
  };
  /** The mover's win chance with the best move, by the evaluation that graded the turn. */
  readonly win: number;
  /** Win chance the move played gave up (0..1; noise of a simulation can make it slightly negative). */
  readonly winLoss: number;
  /** The evaluation that graded the turn. */
  readonly gradedBy: 'static' | 'sim' | 'peg' | 'endgame';
  readonly verdict: Verdict;
}

/** A player's figures over the turns analysed. */
export interface PlayerAnalysis {
  readonly player: number;
  readonly name: string;
  readonly turns: number;
  readonly equityLost: number;
  readonly equityLostPerTurn: number;
  readonly winLostPerTurn: number;
  /** Share of turns graded `best` or `good` (0..1). */
  readonly accuracy: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly missedBingos: number;
  readonly phonies: number;
}

/** A record's analysis. */
export interface GameAnalysis {
  readonly depth: AnalysisDepth;
  readonly config: string;
  readonly lexicon?: string;
  readonly players: readonly PlayerAnalysis[];
  readonly turns: readonly TurnAnalysis[];
  /** Turns of the chosen players that could not be analysed (no rack recorded), with why. */
  readonly skipped: readonly { readonly turn: number; readonly line: number; readonly reason: string }[];
}

/**
 * Analyses game records turn by turn: each move against the best by static equity (its rank, the
 * equity lost, a missed bingo), and at the depth asked against a simulation (the move played is
 * always one of its candidates), an exact endgame (bag empty) or a pre-endgame (one tile in the
 * bag); each turn gets a {@link Verdict} from the win chance it gave up. The same record, options
 * and seed give the same analysis, whatever splits its turns (`analyzeTurns`). Reusable; not
 * thread-safe.
 */
export class GameAnalyzer {
  readonly config: GameConfig;
  readonly #options: AnalysisOptions;
  readonly #gen: MoveGenerator;
  readonly #endgameLeaves: EndgameLeaves;
  readonly #simulator: Simulator | undefined;
  readonly #endgame: EndgameSolver | undefined;
  readonly #peg: PreEndgameSolver | undefined;
  readonly #model: WinModel;

  private constructor(
    config: GameConfig,
    options: AnalysisOptions,
    gen: MoveGenerator,
    simulator: Simulator | undefined,
    endgame: EndgameSolver | undefined,
    peg: PreEndgameSolver | undefined,
  ) {
    this.config = config;
    this.#options = options;
    this.#gen = gen;
    this.#endgameLeaves = new EndgameLeaves(config);
    this.#simulator = simulator;
    this.#endgame = endgame;
    this.#peg = peg;
    this.#model = options.winModel ?? DEFAULT_WIN_MODEL;
  }

  /** An analyzer for one configuration and dictionary (with a GADDAG). */
  static create(
    config: GameConfig,
    dictionary: Dictionary,
    options: AnalysisOptions,
  ): Result<GameAnalyzer, EngineError> {
    const gen = MoveGenerator.create(config, dictionary);
    if (!gen.ok) return gen;
    const depth = options.depth ?? 'static';
    let simulator: Simulator | undefined;
    let endgame: EndgameSolver | undefined;
    let peg: PreEndgameSolver | undefined;
    if (depth !== 'static') {
      const sim = Simulator.create(config, dictionary, options.leaves, {
        ...(options.winModel === undefined ? {} : { winModel: options.winModel }),
      });
      if (!sim.ok) return sim;
      simulator = sim.value;
    }
    if (depth === 'full') {
      // Tables sized to the node budgets (24 MB and 1.5 MB by default, not 48 MB each).
      const e = EndgameSolver.create(config, dictionary, {
        tableBits: EndgameSolver.tableBitsFor(options.endgameNodes ?? DEFAULT_ENDGAME_NODES),
      });
      if (!e.ok) return e;
      const p = PreEndgameSolver.create(config, dictionary, {
        tableBits: EndgameSolver.tableBitsFor(options.pegNodes ?? DEFAULT_PEG_NODES),
      });
      if (!p.ok) return p;
      endgame = e.value;
      peg = p.value;
    }
    return ok(new GameAnalyzer(config, options, gen.value, simulator, endgame, peg));
  }

  /**
   * Analyses a record: it must replay (any word is accepted: records of every lexicon), else
   * BAD_RECORD (90402) with the first problem's line and message. `players` (0-based) limits
   * the turns analysed.
   */
  analyze(record: GcgRecord, players?: readonly number[]): Result<GameAnalysis, EngineError> {
    const turns = this.turns(record);
    if (!turns.ok) return turns;
    const chosen = turns.value.filter((t) => players === undefined || players.includes(t.player));
    const analysed = this.analyzeTurns(
      record,
      chosen.map((t) => t.index),
      turns.value,
    );
    if (!analysed.ok) return analysed;
    return ok(this.summarize(record, analysed.value, chosen));
  }

  /** The record's turns, after checking that it replays. */
  turns(record: GcgRecord): Result<RecordTurn[], EngineError> {
    if (record.config !== this.config.name)
      return err(
        engineError(Code.BAD_RECORD, {
          cause: `the record is played with the ${record.config} tiles; the analyzer's configuration is ${this.config.name}`,
        }),
      );
    const replay = replayGcg(record, PERMISSIVE);
    if (!replay.ok) return replay;
    const first = replay.value.findings[0];
    if (first !== undefined) {
      // The turn of the faulty line: the moves (plays, passes, exchanges) up to it.
      let turn = 0;
      for (const e of record.events) {
        if (e.kind === 'play' || e.kind === 'pass' || e.kind === 'exchange') turn++;
        if (e.line >= first.line) break;
      }
      return err(
        engineError(Code.BAD_RECORD, {
          param: first.line,
          cause: `the record does not replay: turn ${turn}, line ${first.line}: ${first.message}`,
          detail: { problem: first.problem, turn },
        }),
      );
    }
    return recordTurns(record, this.config);
  }

  /** Analyses the turns of a record with these indices (those without a rack are left out). */
  analyzeTurns(
    record: GcgRecord,
    indices: readonly number[],
    known?: readonly RecordTurn[],
  ): Result<TurnAnalysis[], EngineError> {
    let turns = known;
    if (turns === undefined) {
      const t = this.turns(record);
      if (!t.ok) return t;
      turns = t.value;
    }
    const out: TurnAnalysis[] = [];
    for (const i of indices) {
      const turn = turns[i];
      if (turn === undefined || turn.rack.length === 0 || turn.unseen === undefined) continue;
      out.push(this.#analyzeTurn(turn, record.players.length, this.#options.lexicon ?? record.lexicon));
    }
    return ok(out);
  }

  /** The whole analysis from analysed turns (those of `chosen` missing are reported as skipped). */
  summarize(record: GcgRecord, turns: readonly TurnAnalysis[], chosen: readonly RecordTurn[]): GameAnalysis {
    const done = new Set(turns.map((t) => t.turn - 1));
    const skipped = chosen
      .filter((t) => !done.has(t.index))
      .map((t) => ({ turn: t.index + 1, line: t.line, reason: 'no rack recorded' }));
    const players = record.players.map((p, player): PlayerAnalysis => {
      const mine = turns.filter((t) => t.player === player);
      const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
      let equityLost = 0;
      let winLost = 0;
      for (const t of mine) {
        verdicts[t.verdict]++;
        equityLost += t.equityLoss;
        winLost += Math.max(0, t.winLoss);
      }
      const n = mine.length;
      return {
        player,
        name: p.name || p.nick,
        turns: n,
        equityLost,
        equityLostPerTurn: n === 0 ? 0 : equityLost / n,
        winLostPerTurn: n === 0 ? 0 : winLost / n,
        accuracy: n === 0 ? 0 : (verdicts.best + verdicts.good) / n,
        verdicts,
        missedBingos: mine.filter((t) => t.missedBingo !== undefined).length,
        phonies: mine.filter((t) => t.played.phony).length,
      };
    });
    return {
      depth: this.#options.depth ?? 'static',
      config: this.config.name,
      ...(record.lexicon === undefined ? {} : { lexicon: record.lexicon }),
      players,
      turns,
      skipped,
    };
  }

  #analyzeTurn(turn: RecordTurn, players: number, lexicon: string | undefined): TurnAnalysis {
    const config = this.config;
    const gen = this.#gen;
    const rack = turn.rack;
    const unseen = turn.unseen as readonly Tile[];
    const twoPlayers = players === 2;
    const others = turn.scores.filter((_, q) => q !== turn.player);
    const lead = (turn.scores[turn.player] ?? 0) - (others.length === 0 ? 0 : Math.max(...others));
    gen.setBoard(turn.board);
    // With the bag empty (two players), the opponent holds the unseen tiles: the endgame adjustment.
    let values: LeaveValues = this.#options.leaves;
    if (turn.bag === 0 && twoPlayers) {
      this.#endgameLeaves.setOpponent(unseen);
      values = this.#endgameLeaves;
    }
    const leave = (kept: readonly Tile[]) =>
      kept.length === 0 ? 0 : values.leaveValue(Uint8Array.from(kept), kept.length);
    const keep = (used: readonly Tile[]) => {
      const kept = [...rack];
      for (const t of used) {
        const k = kept.indexOf(t);
        if (k >= 0) kept.splice(k, 1);
      }
      return kept;
    };
    const str = (placements: readonly Placement[]) => {
      const s = formatMoveString({ kind: 'play', placements }, turn.board, config.alphabet);
      return s.ok ? s.value : '?';
    };
    const top = bestPlay(gen, rack, { leaves: values });
    const trade = turn.bag >= config.minBagToTrade ? bestTrade(rack, this.#options.leaves) : undefined;
    let best: MoveFigures =
      top === undefined
        ? { move: 'pass', kind: 'pass', score: 0, equity: leave(rack), placements: [] }
        : {
            move: str(top.placements),
            kind: 'play',
            score: top.score,
            equity: top.equity,
            placements: plain(top.placements),
          };
    if (trade !== undefined && trade.tiles.length > 0 && trade.equity > (top?.equity ?? -Infinity))
      best = {
        move: `ex ${formatTiles(trade.tiles, config.alphabet)}`,
        kind: 'exchange',
        score: 0,
        equity: trade.equity,
        placements: [],
      };

    const m = turn.move;
    const phony = turn.withdrawn;
    let played: MoveFigures;
    if (m.kind === 'play' && !phony)
      played = {
        move: str(m.placements),
        kind: 'play',
        score: m.score,
        equity: m.score + leave(keep(tilesPlayed(m.placements))),
        placements: plain(m.placements),
      };
    else if (m.kind === 'play')
      played = {
        move: str(m.placements),
        kind: 'play',
        score: 0,
        equity: leave(rack),
        placements: plain(m.placements),
      };
    else if (m.kind === 'exchange')
      played = {
        move: m.tiles === undefined ? `ex ${m.count}` : `ex ${formatTiles(m.tiles, config.alphabet)}`,
        kind: 'exchange',
        score: 0,
        // An exchange recorded as a count only: taken as the best exchange of that many tiles.
        equity: m.tiles !== undefined ? leave(keep(m.tiles)) : bestTradeOf(rack, m.count, this.#options.leaves),
        placements: [],
      };
    else played = { move: 'pass', kind: 'pass', score: 0, equity: leave(rack), placements: [] };

    // One pass over every play (no play objects): how many beat the move played, and the best bingo.
    const bingo = m.kind === 'play' && !phony && m.placements.length === config.handSize;
    const threshold = played.equity + EQUITY_EPSILON;
    const bingoWanted = rack.length === config.handSize && !bingo;
    let above = trade !== undefined && trade.equity > threshold ? 1 : 0;
    let missed: Placement[] | undefined;
    let missedEquity = -Infinity;
    gen.generate(
      rack,
      (v) => {
        if (v.equity > threshold) above++;
        if (bingoWanted && v.tileCount === config.handSize && v.equity > missedEquity) {
          missedEquity = v.equity;
          missed = v.placements();
        }
      },
      { leaves: values },
    );
    const rank = 1 + above;
    const equityLoss = Math.max(0, best.equity - played.equity);

    // The static grade: the equities as win chances (the win model at this lead and tiles unseen).
    const wp = (gain: number) => winProbability(this.#model, lead + gain, unseen.length);
    let winChance = wp(best.equity);
    let winLoss = Math.max(0, winChance - wp(played.equity));
    let gradedBy: TurnAnalysis['gradedBy'] = 'static';
    const extra: { -readonly [K in 'sim' | 'endgame' | 'peg']?: TurnAnalysis[K] } = {};
    const depth = this.#options.depth ?? 'static';
    const playedPlacements = m.kind === 'play' && !phony ? m.placements : undefined;

    if (depth === 'full' && turn.bag === 0 && twoPlayers && this.#endgame !== undefined) {
      const e = this.#endgameValues(turn, playedPlacements, m.kind === 'play' && !phony ? m.score : 0);
      if (e !== undefined) {
        extra.endgame = e;
        winChance = outcome(lead + e.best.value);
        winLoss = winChance - outcome(lead + e.played.value);
        gradedBy = 'endgame';
      }
    } else if (depth === 'full' && turn.bag === 1 && twoPlayers && this.#peg !== undefined) {
      const p = this.#pegValues(turn, playedPlacements, lead, str);
      if (p !== undefined) {
        extra.peg = p;
        if (p.played !== undefined) {
          winChance = p.best.win;
          winLoss = p.best.win - p.played.win;
          gradedBy = 'peg';
        }
      }
    }
    if (gradedBy === 'static' && depth !== 'static' && this.#simulator !== undefined) {
      const s = this.#simValues(turn, lead, m, phony);
      if (s !== undefined) {
        extra.sim = s;
        if (s.played !== undefined) {
          winChance = s.best.win;
          winLoss = s.best.win - s.played.win;
          gradedBy = 'sim';
        }
      }
    }
    // An endgame grades by the points of spread lost, every other evaluation by the equity lost.
    const pointsLost =
      extra.endgame === undefined ? equityLoss : Math.max(0, extra.endgame.best.value - extra.endgame.played.value);
    // The mover's view, from the mover on: their rack, the others unknown.
    const cgp = formatCgp(
      {
        board: turn.board,
        racks: Array.from({ length: players }, (_, k) => (k === 0 ? [...rack] : [])),
        scores: Array.from({ length: players }, (_, k) => turn.scores[(turn.player + k) % players] ?? 0),
        scorelessTurns: turn.scorelessTurns,
        operations: cgpOperations(config, lexicon),
      },
      config,
    );
    return {
      turn: turn.index + 1,
      line: turn.line,
      player: turn.player,
      rack: formatTiles(rack, config.alphabet),
      cgp,
      bag: turn.bag,
      lead,
      played: { ...played, rank, bingo, phony },
      best,
      equityLoss,
      ...(missed === undefined ? {} : { missedBingo: str(missed) }),
      ...extra,
      win: winChance,
      winLoss,
      gradedBy,
      verdict: verdictOf(Math.max(0, winLoss), pointsLost),
    };
  }

  /** The endgame's best value and the move played's (its score, then the opponent's best reply solved). */
  #endgameValues(
    turn: RecordTurn,
    placements: readonly Placement[] | undefined,
    score: number,
  ): TurnAnalysis['endgame'] | undefined {
    const solver = this.#endgame as EndgameSolver;
    const opp = turn.unseen as readonly Tile[];
    const rack = turn.rack;
    const nodes = this.#options.endgameNodes ?? DEFAULT_ENDGAME_NODES;
    const best = solver.solve(turn.board, [rack, opp], { maxNodes: nodes });
    if (!best.ok) return undefined;
    const first = best.value.line[0];
    const shown =
      first === undefined || first.kind === 'pass'
        ? undefined
        : formatMoveString({ kind: 'play', placements: first.placements }, turn.board, this.config.alphabet);
    const bestMove = shown === undefined ? 'pass' : shown.ok ? shown.value : '?';
    let value: number;
    let exact = best.value.exact;
    if (
      placements !== undefined &&
      first !== undefined &&
      first.kind === 'play' &&
      sameCells(first.placements, placements)
    )
      value = best.value.value;
    else if (placements !== undefined) {
      const left = [...rack];
      for (const t of tilesPlayed(placements)) left.splice(left.indexOf(t), 1);
      if (left.length === 0) value = score + 2 * handValue(opp, this.config.letters);
      else {
        const reply = solver.solve(turn.board.withTiles(placements), [opp, left], { maxNodes: nodes });
        if (!reply.ok) return undefined;
        value = score - reply.value.value;
        exact &&= reply.value.exact;
      }
    } else {
      const reply = solver.solve(turn.board, [opp, rack], { maxNodes: nodes });
      if (!reply.ok) return undefined;
      value = -reply.value.value;
      exact &&= reply.value.exact;
    }
    return { best: { move: bestMove, value: best.value.value }, played: { value }, exact };
  }

  /** The pre-endgame's best candidate and the move played's figures when it is a candidate. */
  #pegValues(
    turn: RecordTurn,
    placements: readonly Placement[] | undefined,
    lead: number,
    str: (p: readonly Placement[]) => string,
  ): TurnAnalysis['peg'] | undefined {
    const r = (this.#peg as PreEndgameSolver).solve(turn.board, turn.rack, turn.unseen as readonly Tile[], {
      spread: lead,
      maxNodesPerEndgame: this.#options.pegNodes ?? DEFAULT_PEG_NODES,
    });
    if (!r.ok) return undefined;
    const top = r.value.candidates[0];
    if (top === undefined) return undefined;
    const mine =
      placements === undefined ? undefined : r.value.candidates.find((c) => sameCells(c.placements, placements));
    return {
      best: { move: str(top.placements), win: top.win, spread: top.spread },
      ...(mine === undefined ? {} : { played: { win: mine.win, spread: mine.spread } }),
    };
  }

  /** The simulation of the turn, the move played among its candidates. */
  #simValues(turn: RecordTurn, lead: number, m: RecordTurn['move'], phony: boolean): TurnAnalysis['sim'] | undefined {
    const simulator = this.#simulator as Simulator;
    const o = this.#options.sim ?? {};
    const include =
      m.kind === 'play' && !phony
        ? { placements: m.placements }
        : m.kind === 'exchange' && m.tiles !== undefined
          ? { traded: m.tiles }
          : undefined;
    const seed = ((this.#options.seed ?? 1) ^ Math.imul(turn.index + 1, 0x9e3779b1)) >>> 0;
    const run = simulator.prepare(
      {
        board: turn.board,
        rack: turn.rack,
        unseen: turn.unseen as readonly Tile[],
        lead,
        ...(include === undefined ? {} : { include }),
      },
      {
        iterations: o.iterations ?? 300,
        candidates: o.candidates ?? 8,
        plies: o.plies ?? 2,
        seed,
        ...(o.timeMs === undefined ? {} : { timeMs: o.timeMs }),
      },
    );
    if (!run.ok) return undefined;
    const result = run.value.runToEnd();
    const top = result.candidates[0];
    if (top === undefined) return undefined;
    const mine =
      include === undefined
        ? undefined
        : result.candidates.find((c) =>
            'placements' in include
              ? c.kind === 'play' && sameCells(c.placements, include.placements)
              : c.kind === 'trade' && [...c.traded].sort().join() === [...include.traded].sort().join(),
          );
    const moveOf = (c: typeof top) =>
      c.kind === 'trade'
        ? `ex ${formatTiles(c.traded, this.config.alphabet)}`
        : (() => {
            const s = formatMoveString({ kind: 'play', placements: c.placements }, turn.board, this.config.alphabet);
            return s.ok ? s.value : c.notation;
          })();
    return {
      iterations: result.iterations,
      best: { move: moveOf(top), win: top.win, winCI: top.winCI, spread: top.spread, spreadCI: top.spreadCI },
      top: result.candidates
        .slice(0, 5)
        .map((c) => ({ move: moveOf(c), win: c.win, winCI: c.winCI, spread: c.spread, spreadCI: c.spreadCI })),
      ...(mine === undefined
        ? {}
        : { played: { win: mine.win, winCI: mine.winCI, spread: mine.spread, spreadCI: mine.spreadCI } }),
    };
  }
}

/** The value of the best exchange of exactly `count` tiles (every distinct choice). */
function bestTradeOf(rack: readonly Tile[], count: number, leaves: LeaveValues): number {
  const n = rack.length;
  let best = -Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    for (let i = 0; i < n; i++) bits += (mask >> i) & 1;
    if (bits !== count) continue;
    const kept = rack.filter((_, i) => !((mask >> i) & 1));
    best = Math.max(best, kept.length === 0 ? 0 : leaves.leaveValue(Uint8Array.from(kept), kept.length));
  }
  return best === -Infinity ? 0 : best;
}

function plain(placements: readonly Placement[]): { square: number; tile: number }[] {
  return placements.map((p) => ({ square: p.square, tile: p.tile }));
}

function sameCells(
  a: readonly { readonly square: number; readonly tile: number }[],
  b: readonly { readonly square: number; readonly tile: number }[],
): boolean {
  const key = (x: readonly { readonly square: number; readonly tile: number }[]) =>
    x
      .map((p) => `${p.square}:${p.tile}`)
      .sort()
      .join(' ');
  return a.length === b.length && key(a) === key(b);
}

function cgpOperations(config: GameConfig, lexicon: string | undefined): CgpOperation[] {
  const ld = cgpDistribution(config);
  return [
    ...(ld === undefined ? [] : [{ opcode: 'ld', operand: ld }]),
    ...(lexicon === undefined ? [] : [{ opcode: 'lex', operand: lexicon }]),
  ];
}
