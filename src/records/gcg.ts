import { sameGlyphs } from '../alphabet/alphabet.js';
import { Board, type Placement } from '../board/board.js';
import { presetConfig, type GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { WordLookup } from '../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { parsePlay } from '../notation/move.js';
import { formatTiles, parseTiles } from '../notation/tokens.js';
import type { SelfPlayGame } from '../ai/selfplay.js';
import { err, ok, type Result } from '../result.js';
import { moveInput, scorePlacements, validateMove } from '../rules/crossword.js';
import { PERMISSIVE } from '../rules/lookup.js';
import { handValue, makeHand } from '../state/hand.js';

/**
 * GCG game records (the crossword world's exchange format), read as the common tools read them:
 * pragmas (`#player1 NICK Name`, `#lexicon`, `#board-layout`, `#tile-distribution`, notes and
 * their continuation lines), and events `>NICK: RACK BODY SCORE TOTAL [trailing text]` for plays,
 * passes, exchanges (tiles or a count), withdrawn phonies (`--`), challenge bonuses, end-of-game
 * rack points and penalties, and time penalties.
 */
export type GcgEvent =
  | { readonly kind: 'play'; readonly line: number; readonly player: number; readonly rack: string; readonly position: string; readonly word: string; readonly score: number; readonly total: number }
  | { readonly kind: 'pass'; readonly line: number; readonly player: number; readonly rack: string; readonly score: number; readonly total: number }
  | { readonly kind: 'exchange'; readonly line: number; readonly player: number; readonly rack: string; readonly tiles: string; readonly score: number; readonly total: number }
  | { readonly kind: 'withdrawn'; readonly line: number; readonly player: number; readonly rack: string; readonly score: number; readonly total: number }
  | { readonly kind: 'challenge-bonus'; readonly line: number; readonly player: number; readonly rack: string; readonly score: number; readonly total: number }
  | { readonly kind: 'end-points'; readonly line: number; readonly player: number; readonly rack: string; readonly score: number; readonly total: number }
  | { readonly kind: 'end-penalty'; readonly line: number; readonly player: number; readonly rack: string; readonly score: number; readonly total: number }
  | { readonly kind: 'time-penalty'; readonly line: number; readonly player: number; readonly score: number; readonly total: number };

/** A parsed record. */
export interface GcgRecord {
  readonly players: readonly { readonly nick: string; readonly name: string }[];
  readonly lexicon?: string;
  /** The configuration the record's board and tiles imply ('en', 'super', 'fr'...). */
  readonly config: string;
  /** Other configurations that fit the record's letters when it names no tile distribution (the replay tries them too). */
  readonly alternatives: readonly string[];
  readonly events: readonly GcgEvent[];
}

/** Decodes a record's bytes: UTF-8 when the first line says `#character-encoding UTF-8`, else ISO-8859-1. */
export function decodeGcg(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const utf8 = /^#character-encoding\s+utf-?8\s*$/im.test(head.split(/\r?\n/)[0] ?? '');
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  // UTF-8 files without the pragma exist: bytes that are valid UTF-8 with multi-byte sequences
  // are almost never meant as ISO-8859-1.
  if (bytes.some((b) => b >= 0x80)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: ISO-8859-1 it is.
    }
  }
  return new TextDecoder('latin1').decode(bytes);
}

const LAYOUTS: Readonly<Record<string, string>> = { crosswordgame: 'en', standard15: 'en', supercrosswordgame: 'super', standard21: 'super' };
const DISTRIBUTIONS: Readonly<Record<string, string>> = { english: 'en', english_super: 'super', french: 'fr', spanish: 'es', german: 'de', polish: 'pl' };

/** Parses a GCG record; BAD_NOTATION (90400) with the line for text the format does not allow. */
export function parseGcg(text: string): Result<GcgRecord, EngineError> {
  const bad = (line: number, cause: string) => err(engineError(Code.BAD_NOTATION, { param: line, cause: `line ${line}: ${cause}` }));
  if (typeof text !== 'string') return bad(0, 'a record is text');
  const players: { nick: string; name: string }[] = [];
  const events: GcgEvent[] = [];
  let lexicon: string | undefined;
  let layout = 'en';
  let distribution: string | undefined;
  let inNote = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const n = i + 1;
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#(\S+)\s*(.*)$/.exec(line);
      const key = (m?.[1] ?? '').toLowerCase();
      const value = (m?.[2] ?? '').trim();
      inNote = key === 'note';
      const pm = /^player(\d)$/.exec(key);
      if (pm !== null) {
        const [nick = '', ...rest] = value.split(/\s+/);
        if (nick === '') return bad(n, 'a player pragma needs a nickname');
        players[Number(pm[1]) - 1] = { nick, name: rest.join(' ') || nick };
      } else if (key === 'lexicon') lexicon = value;
      else if (key === 'board-layout') layout = LAYOUTS[value.toLowerCase()] ?? layout;
      else if (key === 'tile-distribution') distribution = DISTRIBUTIONS[value.toLowerCase()];
      continue;
    }
    if (!line.startsWith('>')) {
      if (inNote) continue;
      return bad(n, 'neither a pragma nor an event');
    }
    inNote = false;
    const m = /^>([^:]+):(.*)$/.exec(line);
    if (m === null) return bad(n, 'an event is >NICK: ...');
    const player = players.findIndex((p) => p?.nick === (m[1] as string).trim());
    if (player < 0) return bad(n, `unknown player ${m[1]}`);
    const event = parseEvent((m[2] as string).trim().split(/\s+/), n, player);
    if (event === undefined) return bad(n, `cannot read ${JSON.stringify(line)}`);
    events.push(event);
  }
  if (players.length < 2 || players.some((p) => p === undefined)) return bad(0, 'a record declares #player1 and #player2');
  const fitting = layout === 'super' ? ['super'] : distribution !== undefined ? [distribution] : fittingConfigs(events);
  const config = fitting[0] ?? 'en';
  return ok({ players, ...(lexicon === undefined ? {} : { lexicon }), config, alternatives: fitting.slice(1), events });
}

/** The built-in lettersets whose alphabets write every rack and word of the record (records often omit the pragma), English first. */
function fittingConfigs(events: readonly GcgEvent[]): string[] {
  let text = '';
  for (const e of events) text += ('rack' in e ? e.rack : '') + ('word' in e ? e.word : '') + ('tiles' in e ? e.tiles : '');
  const letters = text.replace(/[.?()[\]\d]/g, '');
  const ascii = /^[A-Za-z]*$/.test(letters);
  return ['en', 'de', 'pl', 'fr', 'es'].filter((name) => {
    const c = presetConfig(name);
    return c.ok && c.value.alphabet.encode(letters).ok && (name !== 'en' || ascii);
  });
}

const SCORE = /^[+-]?\d+$/;
const TOTAL = /^-?\d+$/;

function parseEvent(t: string[], line: number, player: number): GcgEvent | undefined {
  // Find the score and total: the first signed number followed by a number.
  let k = t.findIndex((x, i) => SCORE.test(x) && TOTAL.test(t[i + 1] ?? ''));
  // A pass written "- -0"... is rare; "-  +0" has the score at index 2.
  if (k < 0) return undefined;
  const score = Number(t[k]);
  const total = Number(t[k + 1]);
  const body = t.slice(0, k);
  const common = { line, player, score, total };
  const last = body[body.length - 1] ?? '';
  if (last === '(challenge)') return { kind: 'challenge-bonus', ...common, rack: body.length > 1 ? (body[0] as string) : '' };
  if (last === '(time)') return { kind: 'time-penalty', ...common };
  if (/^\(.*\)$/.test(last)) {
    const rack = last.slice(1, -1);
    return body.length === 1 ? { kind: 'end-points', ...common, rack } : { kind: 'end-penalty', ...common, rack };
  }
  if (last === '--') return { kind: 'withdrawn', ...common, rack: body.length > 1 ? (body[0] as string) : '' };
  if (last === '-' || (body.length === 1 && body[0] === '-')) return { kind: 'pass', ...common, rack: body.length > 1 ? (body[0] as string) : '' };
  if (last.startsWith('-') && last.length > 1) return { kind: 'exchange', ...common, rack: body.length > 1 ? (body[0] as string) : '', tiles: last.slice(1) };
  if (body.length >= 2) {
    const word = body[body.length - 1] as string;
    const position = body[body.length - 2] as string;
    if (/^(\d{1,2}[A-Za-z]|[A-Za-z]\d{1,2})$/.test(position)) return { kind: 'play', ...common, rack: body.length > 2 ? (body[0] as string) : '', position, word };
  }
  // Score "-0" for a pass in old files.
  return undefined;
}

/** One difference between a record and the engine. */
export interface GcgMismatch {
  readonly line: number;
  readonly kind: GcgEvent['kind'];
  readonly what: 'score' | 'total' | 'invalid';
  /** The recorded score or total. */
  readonly recorded: number;
  /** The engine's score or total (absent for an invalid play, which the engine cannot score). */
  readonly computed?: number;
  /** Why a play is invalid. */
  readonly detail?: string;
}

/** The replay of a record: events read, and every difference (empty when every score matches). */
export interface GcgReplay {
  readonly moves: number;
  readonly mismatches: readonly GcgMismatch[];
  readonly board: Board;
  readonly totals: readonly number[];
  readonly config: GameConfig;
}

/**
 * Replays a record and checks every recorded score and running total against the engine's:
 * plays are scored by the validator (with `dictionary`, default: every word accepted, for
 * records played under any lexicon), withdrawn phonies come off the board with their score,
 * challenge bonuses, end-of-game rack points (2× the opponent's rack, or 1× with a matching
 * penalty line) and rack penalties must equal the racks' values.
 */
export function replayGcg(record: GcgRecord, dictionary: WordLookup = PERMISSIVE): Result<GcgReplay, EngineError> {
  // Without a tile-distribution pragma, every letterset that fits is tried; the closest replay wins.
  let best = replayWith(record, record.config, dictionary);
  for (const name of record.alternatives) {
    if (!best.ok || best.value.mismatches.length === 0) break;
    const other = replayWith(record, name, dictionary);
    if (other.ok && other.value.mismatches.length < best.value.mismatches.length) best = other;
  }
  return best;
}

function replayWith(record: GcgRecord, configName: string, dictionary: WordLookup): Result<GcgReplay, EngineError> {
  const cfg = presetConfig(configName);
  if (!cfg.ok) return cfg;
  const config = cfg.value;
  if (dictionary.alphabet !== undefined && !sameGlyphs(dictionary.alphabet, config.alphabet))
    return err(engineError(Code.ALPHABET_MISMATCH, { cause: `the record is played in alphabet ${config.alphabet.spec.name}; the dictionary is in ${dictionary.alphabet.spec.name}` }));
  let board = Board.empty(config.layout.rows, config.layout.cols);
  const totals = record.players.map(() => 0);
  const mismatches: GcgMismatch[] = [];
  let lastPlay: { player: number; before: Board; score: number } | undefined;
  const rackValue = (rack: string) => {
    const t = parseTiles(rack.replaceAll('.', '?'), config.alphabet);
    return t.ok ? handValue(makeHand(t.value), config.letters) : NaN;
  };
  for (const e of record.events) {
    let computed = e.score;
    if (e.kind === 'play') {
      const p = parsePlay(`${e.position} ${e.word}`, board, config.alphabet);
      if (!p.ok) {
        mismatches.push({ line: e.line, kind: e.kind, what: 'invalid', recorded: e.score, detail: p.error.cause ?? '' });
        continue;
      }
      const placements = p.value.placements;
      const hand = makeHand(placements.map((x: Placement) => ((x.tile & BLANK) !== 0 ? BLANK : x.tile)));
      const ctx = { board, hand, config, dictionary };
      computed = scorePlacements(placements, ctx);
      if (computed < 0) {
        const why = validateMove(moveInput(placements, config), ctx);
        mismatches.push({ line: e.line, kind: e.kind, what: 'invalid', recorded: e.score, detail: why.ok ? '' : `${why.error.code} ${why.error.name} ${String(why.error.param ?? '')}` });
        computed = e.score;
      }
      lastPlay = { player: e.player, before: board, score: computed };
      board = board.withTiles(placements);
    } else if (e.kind === 'withdrawn') {
      if (lastPlay !== undefined && lastPlay.player === e.player) {
        board = lastPlay.before;
        computed = -lastPlay.score;
        lastPlay = undefined;
      }
    } else if (e.kind === 'end-points' || e.kind === 'end-penalty') {
      const v = rackValue(e.rack);
      if (Number.isNaN(v)) {
        mismatches.push({ line: e.line, kind: e.kind, what: 'invalid', recorded: e.score, detail: `the rack ${e.rack} is not tiles of the letterset` });
        computed = e.score;
      } else computed = e.kind === 'end-penalty' ? -v : e.score === v ? v : 2 * v;
    } else if (e.kind === 'pass' || e.kind === 'exchange') computed = 0;
    if (computed !== e.score) mismatches.push({ line: e.line, kind: e.kind, what: 'score', recorded: e.score, computed });
    totals[e.player] = (totals[e.player] ?? 0) + computed;
    if (totals[e.player] !== e.total) mismatches.push({ line: e.line, kind: e.kind, what: 'total', recorded: e.total, computed: totals[e.player] as number });
  }
  return ok({ moves: record.events.length, mismatches, board, totals, config });
}

/** One turn of a game to export. */
export type ExportTurn =
  | { readonly player: number; readonly kind: 'play'; readonly rack: string; readonly move: string; readonly score: number }
  | { readonly player: number; readonly kind: 'trade'; readonly rack: string; readonly tiles: string }
  | { readonly player: number; readonly kind: 'pass'; readonly rack: string };

/**
 * Writes a classic game as GCG: plays, exchanges and passes, then the end-of-game lines (the
 * international convention, which is this engine's rule: the player who went out gains 1× the
 * others' racks, each other player loses their own rack).
 */
export function exportGcg(game: {
  players: readonly string[];
  turns: readonly ExportTurn[];
  finalRacks: readonly string[];
  adjustments: readonly number[];
  wentOut?: number;
  config: GameConfig;
  lexicon?: string;
  /** The `#description` line (default: "Created with wordgame-engine"). */
  description?: string;
}): string {
  const lines = ['#character-encoding UTF-8', ...game.players.map((p, i) => `#player${i + 1} ${p} ${p}`), ...(game.lexicon === undefined ? [] : [`#lexicon ${game.lexicon}`])];
  if (game.config.name === 'super') lines.push('#board-layout SuperCrosswordGame');
  lines.push(`#description ${(game.description ?? 'Created with wordgame-engine').replace(/[\r\n]+/g, ' ')}`);
  const totals = game.players.map(() => 0);
  for (const t of game.turns) {
    const nick = game.players[t.player] as string;
    if (t.kind === 'play') {
      totals[t.player] = (totals[t.player] ?? 0) + t.score;
      lines.push(`>${nick}: ${t.rack} ${t.move} +${t.score} ${totals[t.player]}`);
    } else if (t.kind === 'trade') lines.push(`>${nick}: ${t.rack} -${t.tiles} +0 ${totals[t.player]}`);
    else lines.push(`>${nick}: ${t.rack} - +0 ${totals[t.player]}`);
  }
  const out = game.wentOut;
  if (out !== undefined && out >= 0) {
    const others = game.finalRacks.filter((_, i) => i !== out).join('');
    totals[out] = (totals[out] ?? 0) + (game.adjustments[out] ?? 0);
    lines.push(`>${game.players[out]}: (${others}) +${game.adjustments[out] ?? 0} ${totals[out]}`);
  }
  game.players.forEach((nick, i) => {
    if (i === out) return;
    const rack = game.finalRacks[i] ?? '';
    if (rack === '') return;
    totals[i] = (totals[i] ?? 0) + (game.adjustments[i] ?? 0);
    lines.push(`>${nick}: ${rack} (${rack}) ${game.adjustments[i] ?? 0} ${totals[i]}`);
  });
  return lines.join('\n') + '\n';
}


/** A self-play game as GCG (see {@link exportGcg}). */
export function exportSelfPlay(game: SelfPlayGame, players: readonly string[], config: GameConfig): string {
  const turns: ExportTurn[] = game.turns.map((t) =>
    t.kind === 'play'
      ? { player: t.player, kind: 'play', rack: t.rack, move: t.move, score: t.score }
      : t.kind === 'trade'
        ? { player: t.player, kind: 'trade', rack: t.rack, tiles: t.move.slice(1) }
        : { player: t.player, kind: 'pass', rack: t.rack },
  );
  const final = game.final;
  return exportGcg({
    players,
    turns,
    finalRacks: final.tiles.hands.map((h) => formatTiles(h, config.alphabet)),
    adjustments: final.adjustments,
    ...(final.endReason === 'out' ? { wentOut: final.tiles.hands.findIndex((h) => h.length === 0) } : {}),
    config,
    description: `Created with wordgame-engine (self-play, seed ${game.seed})`,
  });
}
