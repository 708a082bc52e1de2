import { presetConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';

/**
 * GCG game records (the crossword world's exchange format), read as the strict tools read them
 * (the format as docs/records.md describes it): pragmas (`#player1 NICK Name`, `#lexicon`, `#board-layout`,
 * `#tile-distribution`, notes and their continuation lines, `#rack1`), and events
 * `>NICK: RACK BODY SCORE TOTAL [trailing text]` for plays, passes, exchanges (tiles or a count),
 * withdrawn phonies (`--`), challenge bonuses, end-of-game rack points and penalties, and time
 * penalties. RACK is as written (`?` or `.` for a blank; empty when the record omits it).
 */
export type GcgEvent =
  | {
      readonly kind: 'play';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly position: string;
      readonly word: string;
      readonly score: number;
      readonly total: number;
    }
  | {
      readonly kind: 'pass';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly score: number;
      readonly total: number;
    }
  /** `tiles` are the tiles put back, or a count (`4`) when the record gives only that. */
  | {
      readonly kind: 'exchange';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly tiles: string;
      readonly score: number;
      readonly total: number;
    }
  | {
      readonly kind: 'withdrawn';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly score: number;
      readonly total: number;
    }
  | {
      readonly kind: 'challenge-bonus';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly score: number;
      readonly total: number;
    }
  /** The player went out: `rack` is what the others kept. */
  | {
      readonly kind: 'end-points';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly score: number;
      readonly total: number;
    }
  /** The player loses the value of `counted` (in parentheses), which should be `rack`, the rack field. */
  | {
      readonly kind: 'end-penalty';
      readonly line: number;
      readonly player: number;
      readonly rack: string;
      readonly counted: string;
      readonly score: number;
      readonly total: number;
    }
  | {
      readonly kind: 'time-penalty';
      readonly line: number;
      readonly player: number;
      readonly score: number;
      readonly total: number;
    };

/** A parsed record. */
export interface GcgRecord {
  readonly players: readonly { readonly nick: string; readonly name: string }[];
  readonly lexicon?: string;
  readonly title?: string;
  readonly description?: string;
  /** The configuration the record's board and tiles imply ('en', 'super', 'fr'...). */
  readonly config: string;
  /** Other configurations that fit the record's letters when it names no tile distribution (the replay tries them too). */
  readonly alternatives: readonly string[];
  readonly events: readonly GcgEvent[];
  /** The `#rack1`, `#rack2`... of an unfinished game (index: player), with their lines. */
  readonly lastRacks: readonly ({ readonly rack: string; readonly line: number } | undefined)[];
}

/**
 * Every problem a record can have, with what it means: `parseGcg` returns the first reading
 * problem as an error value (code BAD_RECORD, 90402, param: the line, detail: the problem);
 * `replayGcg` lists the rule problems it finds, each with its line.
 */
export const GCG_PROBLEMS = Object.freeze({
  // Reading the text (parseGcg)
  empty: 'The record holds no pragma and no event.',
  'too-large': 'The record is longer than the size limit.',
  'unsupported-encoding': 'The #character-encoding is neither UTF-8 nor ISO-8859-1.',
  'misplaced-encoding': '#character-encoding is not the first line.',
  'unknown-game-type': 'The #game-type is not classic.',
  'redundant-pragma': 'A pragma that may appear once appears again.',
  'pragma-after-event': 'A header pragma comes after the first event.',
  'note-before-event': 'A #note comes before any event it could comment on.',
  'player-number-redundant': 'Two #playerN pragmas declare the same player number.',
  'duplicate-nicknames': 'Two players have the same nickname.',
  'duplicate-names': 'Two players have the same real name.',
  'missing-players': 'The record does not declare #player1 and #player2 (and no gap up to the last player).',
  'event-before-players': 'An event comes before the players are declared.',
  'unknown-player': 'An event names a nickname no #playerN declares.',
  'unreadable-line': 'A line is neither a pragma, a note continuation nor an event of a known form.',
  'malformed-rack': 'A rack holds characters that are not tiles.',
  'malformed-play': 'A play word holds characters that are not tiles, dots or blanks.',
  'malformed-exchange': 'An exchange lists characters that are not tiles, or a count of no tiles.',
  'event-after-last-rack': 'An event follows a #rackN pragma (which gives the rack of an unfinished game).',
  // Replaying the game (replayGcg)
  'too-many-events':
    'The record holds more events than a game can: 12 per tile (a turn is at most a play and its withdrawal, and six scoreless turns end a game), plus the end-of-game lines.',
  'event-off-turn': 'A player moves out of turn.',
  'bad-position': 'A play starts on a square that is not on the board.',
  'play-out-of-bounds': 'A play runs off the board.',
  'invalid-play': 'A play breaks the placement rules (or its letters disagree with the board).',
  phony: 'A play forms a word the dictionary does not hold (reported only when a dictionary is given).',
  'phony-withdrawn':
    'A play formed a word the dictionary does not hold and was challenged off the board: a note, as the rules allow it, not a problem.',
  'rack-too-large': 'A rack lists more tiles than the player can hold at that point.',
  'rack-not-in-bag': 'A rack holds tiles that are not among the unseen tiles (the letterset minus the board).',
  'tile-not-on-rack': 'A play uses a tile that is not on the recorded rack.',
  'exchange-not-on-rack': 'An exchange puts back tiles that are not on the recorded rack.',
  'exchange-with-small-bag': 'An exchange is made with fewer tiles in the bag than the rules allow.',
  'phony-without-play': 'A withdrawn phony (--) does not follow a play.',
  'phony-wrong-player': 'A withdrawn phony is recorded for another player than the one who played.',
  'phony-tiles-mismatch': 'The rack of a withdrawn phony differs from the rack of the play.',
  'challenge-bonus-without-play': 'A challenge bonus does not follow a play.',
  'challenge-bonus-wrong-player': 'A challenge bonus goes to another player than the one who played.',
  score: "An event's score differs from the engine's.",
  total: 'A running total is not the previous total plus the score.',
  'end-points-incorrect':
    'End-of-game points are not twice (or, paired with penalty lines, once) the value of the racks left.',
  'end-penalty-incorrect': 'An end-of-game penalty is not the value of the rack.',
  'end-rack-mismatch':
    'An end-of-game rack is not what the player holds (the two copies on a penalty line differ, or the tiles left are others).',
  'end-event-before-game-end': 'End-of-game points, penalties or time penalties come before the game has ended.',
  'premature-time-penalty': 'A time penalty comes before every end-of-game rack line.',
  'redundant-time-penalty': 'A player has two time penalties.',
  'event-after-game-end': 'A move comes after the game has ended.',
});

/** A problem a record can have (see {@link GCG_PROBLEMS}). */
export type GcgProblem = keyof typeof GCG_PROBLEMS;

/** Options of {@link parseGcg}. */
export interface GcgParseOptions {
  /** The longest text read, in characters (default {@link GCG_MAX_LENGTH}); longer is `too-large`. */
  readonly maxLength?: number;
}

/**
 * The most events a record may hold: 12 a tile of the largest built-in letterset (200 tiles) plus
 * end-of-game lines. A turn is at most a play and its withdrawal, and six scoreless turns end a
 * game, so no game has more (the replay bounds each letterset exactly).
 */
export const GCG_MAX_EVENTS = 12 * (200 + 1) + 16;

/** The default size limit of a record: 1,000,000 characters (the longest real records are near 30,000). */
export const GCG_MAX_LENGTH = 1_000_000;

/** Decodes a record's bytes: UTF-8 when the first line says `#character-encoding UTF-8`, else ISO-8859-1 (or UTF-8 when the bytes are valid UTF-8). */
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

const LAYOUTS: Readonly<Record<string, string>> = {
  crosswordgame: 'en',
  standard15: 'en',
  supercrosswordgame: 'super',
  standard21: 'super',
};
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  english: 'en',
  english_super: 'super',
  french: 'fr',
  spanish: 'es',
  german: 'de',
  polish: 'pl',
};
const ENCODINGS = new Set(['utf-8', 'utf8', 'iso-8859-1', 'iso8859-1', 'latin1']);
/** Pragmas that belong to the header (before the first event). */
const HEADER = new Set([
  'character-encoding',
  'title',
  'description',
  'id',
  'lexicon',
  'board-layout',
  'tile-set',
  'tile-distribution',
  'game-type',
  'game-board',
]);
/** Pragmas that may appear once. */
const ONCE = new Set(['title', 'id', 'lexicon', 'board-layout', 'tile-distribution', 'game-type']);
const MAX_PLAYERS = 4;

const RACK = /^(?:[\p{L}?.]|\[\p{L}+\])*$/u;
const WORD = /^(?:[\p{L}.()]|\[\p{L}+\])+$/u;
const TILES = /^(?:(?:[\p{L}?]|\[\p{L}+\])+|\d+)$/u;
const POSITION = /^(\d{1,2}[A-Za-z]|[A-Za-z]\d{1,2})$/;
/** A score (`+24`, `-24`, `0`: signed when `plus`) or a total (`-16`, `24`) of 1 to 6 digits. */
function isNumber(s: string, plus: boolean): boolean {
  let i = 0;
  const c = s.charCodeAt(0);
  if (c === 45 /* - */ || (plus && c === 43) /* + */) i = 1;
  const digits = s.length - i;
  if (digits < 1 || digits > 6) return false;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** A reading problem: the BAD_RECORD error value. */
export function recordError(
  problem: GcgProblem,
  line: number,
  message: string,
): EngineError<{ readonly problem: GcgProblem; readonly line: number }> {
  return engineError(Code.BAD_RECORD, { param: line, cause: `line ${line}: ${message}`, detail: { problem, line } });
}

/**
 * Parses a GCG record. The first reading problem (see {@link GCG_PROBLEMS}) is an error value
 * (BAD_RECORD, 90402) naming the line. Linear in the text; refuses texts over the size limit.
 *
 * Pragma rules enforced: `#character-encoding` (UTF-8 or ISO-8859-1) on line 1 only; header
 * pragmas before the first event; `#title`, `#id`, `#lexicon`, `#board-layout`,
 * `#tile-distribution`, `#game-type`, `#rackN` at most once; `#game-type classic`; a `#note`
 * only after an event; nothing after `#rackN` but pragmas. Not enforced, on purpose: unknown
 * pragmas are ignored (real records carry `#style`, `#orientation`, Quackle's `#incomplete`,
 * which the strict tools reject), and no line length limit below the record's size limit
 * (MAGPIE's fixed line buffer is an implementation limit: real records hold 555-character notes).
 */
export function parseGcg(text: string, options: GcgParseOptions = {}): Result<GcgRecord, EngineError> {
  const fail = (problem: GcgProblem, line: number, message: string) => err(recordError(problem, line, message));
  if (typeof text !== 'string') return fail('unreadable-line', 0, 'a record is text');
  const maxLength = options.maxLength ?? GCG_MAX_LENGTH;
  if (text.length > maxLength)
    return fail('too-large', 0, `the record has ${text.length} characters; the limit is ${maxLength}`);
  const players: ({ nick: string; name: string } | undefined)[] = [];
  const events: GcgEvent[] = [];
  const lastRacks: ({ rack: string; line: number } | undefined)[] = [];
  const seen = new Set<string>();
  const info: { lexicon?: string; title?: string; description?: string } = {};
  let layout = 'en';
  let distribution: string | undefined;
  let inNote = false;
  let sawLastRack = false;
  let firstContent = true;
  let n = 0;
  for (let pos = 0; pos <= text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    n++;
    if (line === '') continue;
    const first = firstContent;
    firstContent = false;
    if (line.charCodeAt(0) === 35 /* # */) {
      let space = 1;
      while (space < line.length && line.charCodeAt(space) > 32) space++;
      const key = line.slice(1, space).toLowerCase();
      const value = line.slice(space).trim();
      inNote = key === 'note';
      if (key === 'character-encoding') {
        if (!first || n !== 1) return fail('misplaced-encoding', n, '#character-encoding must be the first line');
        if (!ENCODINGS.has(value.toLowerCase()))
          return fail(
            'unsupported-encoding',
            n,
            `the encoding ${JSON.stringify(value.slice(0, 40))} is not UTF-8 or ISO-8859-1`,
          );
      }
      if (key === 'note') {
        if (events.length === 0)
          return fail('note-before-event', n, 'a #note comments on the event before it; there is none');
        continue;
      }
      const playerKey = key.startsWith('player') ? /^player(\d+)$/.exec(key) : null;
      const rackKey = key.startsWith('rack') ? /^rack(\d+)$/.exec(key) : null;
      if (events.length > 0 && (HEADER.has(key) || playerKey !== null))
        return fail('pragma-after-event', n, `#${key} belongs before the first event`);
      if (ONCE.has(key) || rackKey !== null) {
        if (seen.has(key)) return fail('redundant-pragma', n, `#${key} appears twice`);
        seen.add(key);
      }
      if (playerKey !== null) {
        const index = Number(playerKey[1]) - 1;
        if (index < 0 || index >= MAX_PLAYERS)
          return fail('missing-players', n, `#${key}: a record has players 1 to ${MAX_PLAYERS}`);
        if (players[index] !== undefined) return fail('player-number-redundant', n, `#${key} appears twice`);
        const [nick = '', ...rest] = value.split(/\s+/);
        if (nick === '') return fail('unreadable-line', n, `#${key} needs a nickname`);
        const name = rest.join(' ');
        if (players.some((p) => p?.nick === nick))
          return fail('duplicate-nicknames', n, `the nickname ${nick} is taken`);
        if (name !== '' && players.some((p) => p?.name === name))
          return fail('duplicate-names', n, `the name ${name} is taken`);
        players[index] = { nick, name: name === '' ? nick : name };
      } else if (key === 'lexicon') info.lexicon = value;
      else if (key === 'title') info.title = value;
      else if (key === 'description') info.description = value;
      else if (key === 'board-layout') layout = LAYOUTS[value.toLowerCase()] ?? layout;
      else if (key === 'tile-distribution') distribution = DISTRIBUTIONS[value.toLowerCase()];
      else if (key === 'game-type' && value.toLowerCase() !== 'classic')
        return fail('unknown-game-type', n, `the game type ${JSON.stringify(value.slice(0, 40))} is not classic`);
      else if (rackKey !== null) {
        const index = Number(rackKey[1]) - 1;
        if (players[index] === undefined) return fail('unknown-player', n, `#${key}: no #player${index + 1}`);
        if (!RACK.test(value) || value.length > 64)
          return fail('malformed-rack', n, `${JSON.stringify(value.slice(0, 40))} is not a rack`);
        lastRacks[index] = { rack: value, line: n };
        sawLastRack = true;
      }
      continue;
    }
    if (line.charCodeAt(0) !== 62 /* > */) {
      if (inNote) continue;
      return fail('unreadable-line', n, 'neither a pragma, a note nor an event');
    }
    inNote = false;
    if (sawLastRack) return fail('event-after-last-rack', n, 'no event may follow a #rackN pragma');
    if (events.length >= GCG_MAX_EVENTS)
      return fail('too-many-events', n, `a record holds at most ${GCG_MAX_EVENTS} events`);
    const colon = line.indexOf(':');
    const nick = colon < 0 ? '' : line.slice(1, colon).trim();
    if (nick === '') return fail('unreadable-line', n, 'an event is >NICK: ...');
    if (players[0] === undefined || players[1] === undefined)
      return fail('event-before-players', n, 'events come after #player1 and #player2');
    const player = players.findIndex((p) => p?.nick === nick);
    if (player < 0) return fail('unknown-player', n, `no player has the nickname ${JSON.stringify(nick.slice(0, 40))}`);
    const event = parseEvent(firstTokens(line, colon + 1, 6), n, player);
    if ('problem' in event) return fail(event.problem, n, event.message);
    events.push(event);
  }
  if (firstContent) return fail('empty', 0, 'the record is empty');
  const count = players.length;
  if (count < 2 || players.some((p) => p === undefined))
    return fail('missing-players', 0, 'a record declares #player1, #player2 and no gap');
  const fitting = layout === 'super' ? ['super'] : distribution !== undefined ? [distribution] : fittingConfigs(events);
  return ok({
    players: players as { nick: string; name: string }[],
    ...info,
    config: fitting[0] ?? 'en',
    alternatives: fitting.slice(1),
    events,
    lastRacks,
  });
}

/** The built-in lettersets whose alphabets write every rack and word of the record (records often omit the pragma), English first. */
function fittingConfigs(events: readonly GcgEvent[]): string[] {
  // The distinct characters are enough: an alphabet fits when it reads each of them.
  const chars = new Set<string>();
  const addAll = (text: string) => {
    for (let i = 0; i < text.length; i++) chars.add(text[i] as string);
  };
  for (const e of events) {
    if (e.kind !== 'time-penalty') addAll(e.rack);
    if (e.kind === 'play') addAll(e.word);
    else if (e.kind === 'exchange') addAll(e.tiles);
  }
  const letters = [...chars].join('').replace(/[.?()[\]\d]/g, '');
  const ascii = /^[A-Za-z]*$/.test(letters);
  return ['en', 'de', 'pl', 'fr', 'es'].filter((name) => {
    const c = presetConfig(name);
    return c.ok && [...letters].every((ch) => c.value.alphabet.encode(ch).ok) && (name !== 'en' || ascii);
  });
}

type Parsed = GcgEvent | Problem;

function rackOf(token: string | undefined): string | Problem {
  if (token === undefined || token === 'UNKNOWN') return '';
  return token.length <= 64 && RACK.test(token)
    ? token
    : { problem: 'malformed-rack', message: `${JSON.stringify(token.slice(0, 40))} is not a rack` };
}

/** Up to `max` whitespace-separated tokens of `text` from `start` (an event's fields; trailing text past them is ignored). */
function firstTokens(text: string, start: number, max: number): string[] {
  const tokens: string[] = [];
  let i = start;
  while (tokens.length < max) {
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
    if (i >= text.length) break;
    const from = i;
    while (i < text.length && text.charCodeAt(i) > 32) i++;
    tokens.push(text.slice(from, i));
  }
  return tokens;
}

type Problem = { readonly problem: GcgProblem; readonly message: string };
const unreadable = (message: string): Problem => ({ problem: 'unreadable-line', message });

/** The rack field of an event whose form needs `needs` fields before the score (k of them): the first, when there is one more. */
function rackField(t: readonly string[], k: number, needs: number): string | Problem {
  return k > needs + 1 ? unreadable('too many fields before the score') : rackOf(k === needs + 1 ? t[0] : undefined);
}

function parseEvent(t: readonly string[], line: number, player: number): Parsed {
  // The score and total: the first signed number followed by a number (a count exchange `-4 +0 349` included).
  let k = 0;
  while (k < t.length - 1 && !(isNumber(t[k] as string, true) && isNumber(t[k + 1] as string, false))) k++;
  if (k >= t.length - 1) return unreadable('no score and total');
  if (k > 3) return unreadable('too many fields before the score');
  const score = Number(t[k]);
  const total = Number(t[k + 1]);
  const last = k === 0 ? '' : (t[k - 1] as string);
  if (last === '(challenge)') {
    const rack = rackField(t, k, 1);
    return typeof rack === 'string' ? { kind: 'challenge-bonus', line, player, rack, score, total } : rack;
  }
  if (last === '(time)')
    return k > 2
      ? unreadable('a time penalty is RACK (time) -P T')
      : { kind: 'time-penalty', line, player, score, total };
  if (last.length >= 2 && last.charCodeAt(0) === 40 /* ( */ && last.charCodeAt(last.length - 1) === 41 /* ) */) {
    if (k > 2) return unreadable('an end-of-game line is (RACK) +P T or RACK (RACK) -P T');
    const counted = rackOf(last.slice(1, -1));
    if (typeof counted !== 'string') return counted;
    if (k === 1) return { kind: 'end-points', line, player, rack: counted, score, total };
    const rack = rackOf(t[0]);
    return typeof rack === 'string' ? { kind: 'end-penalty', line, player, rack, counted, score, total } : rack;
  }
  if (last === '--' || last === '-') {
    const rack = rackField(t, k, 1);
    if (typeof rack !== 'string') return rack;
    return last === '--'
      ? { kind: 'withdrawn', line, player, rack, score, total }
      : { kind: 'pass', line, player, rack, score, total };
  }
  if (last.charCodeAt(0) === 45 /* - */) {
    const tiles = last.slice(1);
    if (!TILES.test(tiles) || tiles === '0')
      return {
        problem: 'malformed-exchange',
        message: `${JSON.stringify(tiles.slice(0, 40))} is not tiles to put back`,
      };
    const rack = rackField(t, k, 1);
    return typeof rack === 'string' ? { kind: 'exchange', line, player, rack, tiles, score, total } : rack;
  }
  if (k >= 2) {
    const position = t[k - 2] as string;
    if (POSITION.test(position)) {
      if (!WORD.test(last))
        return { problem: 'malformed-play', message: `${JSON.stringify(last.slice(0, 40))} is not a play word` };
      const rack = rackField(t, k, 2);
      return typeof rack === 'string' ? { kind: 'play', line, player, rack, position, word: last, score, total } : rack;
    }
  }
  return unreadable('no event form matches');
}
