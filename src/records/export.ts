import type { GameConfig } from '../config/config.js';
import type { GcgEvent, GcgRecord } from './gcg.js';

/** One turn of a game to export. */
export type ExportTurn =
  | {
      readonly player: number;
      readonly kind: 'play';
      readonly rack: string;
      readonly move: string;
      readonly score: number;
    }
  | { readonly player: number; readonly kind: 'trade'; readonly rack: string; readonly tiles: string }
  | { readonly player: number; readonly kind: 'pass'; readonly rack: string }
  /** A phony challenged off: the play's rack and the score it loses (positive). */
  | { readonly player: number; readonly kind: 'withdrawn'; readonly rack: string; readonly score: number }
  /** A challenge bonus to `player` (whose rack may be left empty). */
  | { readonly player: number; readonly kind: 'challenge-bonus'; readonly rack: string; readonly score: number };

/** The tile-distribution pragma value of each configuration a record can name (the parser's names). */
const DISTRIBUTION_NAMES: Readonly<Record<string, string>> = {
  fr: 'french',
  es: 'spanish',
  de: 'german',
  pl: 'polish',
};

/** A score as GCG writes it: `+N`, or `-N`. */
const signed = (n: number): string => (n >= 0 ? `+${n}` : `${n}`);

/** One event as a GCG line (`>NICK: ...`), the inverse of the parser's reading of it. */
function eventLine(e: GcgEvent, nick: string): string {
  const tail = `${signed(e.score)} ${e.total}`;
  switch (e.kind) {
    case 'play':
      return `>${nick}: ${e.rack} ${e.position} ${e.word} ${tail}`;
    case 'pass':
      return `>${nick}: ${e.rack} - ${tail}`;
    case 'exchange':
      return `>${nick}: ${e.rack} -${e.tiles} ${tail}`;
    case 'withdrawn':
      return `>${nick}: ${e.rack} -- ${tail}`;
    case 'challenge-bonus':
      return `>${nick}: ${e.rack} (challenge) ${tail}`;
    case 'end-points':
      return `>${nick}: (${e.rack}) ${tail}`;
    case 'end-penalty':
      return `>${nick}: ${e.rack} (${e.counted}) ${tail}`;
    case 'time-penalty':
      return `>${nick}:  (time) ${tail}`;
  }
}

/**
 * Writes a record as GCG: the header (players, title, lexicon, description, the board or tile
 * distribution its configuration needs), every event (plays, passes, exchanges, withdrawn
 * phonies, challenge bonuses, end-of-game lines, time penalties) and the last racks of an
 * unfinished game. `parseGcg` reads it back to the same players and events (notes are not kept
 * by the parser, so not written).
 */
export function formatGcg(
  record: Pick<GcgRecord, 'players' | 'config' | 'events'> &
    Partial<Pick<GcgRecord, 'lexicon' | 'title' | 'description' | 'lastRacks'>>,
): string {
  const lines = ['#character-encoding UTF-8', ...record.players.map((p, i) => `#player${i + 1} ${p.nick} ${p.name}`)];
  if (record.title !== undefined) lines.push(`#title ${record.title}`);
  if (record.lexicon !== undefined) lines.push(`#lexicon ${record.lexicon}`);
  if (record.config === 'super') lines.push('#board-layout SuperCrosswordGame');
  const distribution = DISTRIBUTION_NAMES[record.config];
  if (distribution !== undefined) lines.push(`#tile-distribution ${distribution}`);
  if (record.description !== undefined) lines.push(`#description ${record.description.replace(/[\r\n]+/g, ' ')}`);
  for (const e of record.events) lines.push(eventLine(e, record.players[e.player]?.nick ?? ''));
  record.lastRacks?.forEach((r, i) => {
    if (r !== undefined) lines.push(`#rack${i + 1} ${r.rack}`);
  });
  return lines.join('\n') + '\n';
}

/**
 * Writes a classic game as GCG: plays, exchanges, passes, withdrawn phonies and challenge
 * bonuses, then the end-of-game lines (the international convention, which is this engine's
 * rule: the player who went out gains 1× the others' racks, each other player loses their own
 * rack) and the time penalties of a game with clocks.
 */
export function exportGcg(game: {
  players: readonly string[];
  turns: readonly ExportTurn[];
  finalRacks: readonly string[];
  adjustments: readonly number[];
  wentOut?: number;
  /** Each player's overtime penalty (0 or negative), written after the end-of-game lines. */
  timePenalties?: readonly number[];
  config: GameConfig;
  lexicon?: string;
  /** The `#description` line (default: "Created with wordgame-engine"). */
  description?: string;
}): string {
  const totals = game.players.map(() => 0);
  const events: GcgEvent[] = [];
  const add = (player: number, score: number, event: (total: number) => GcgEvent) => {
    totals[player] = (totals[player] ?? 0) + score;
    events.push(event(totals[player] ?? 0));
  };
  for (const t of game.turns) {
    const { player } = t;
    const base = { line: 0, player };
    if (t.kind === 'play') {
      const [position = '', word = ''] = t.move.split(' ');
      add(player, t.score, (total) => ({ ...base, kind: 'play', rack: t.rack, position, word, score: t.score, total }));
    } else if (t.kind === 'trade')
      add(player, 0, (total) => ({ ...base, kind: 'exchange', rack: t.rack, tiles: t.tiles, score: 0, total }));
    else if (t.kind === 'pass') add(player, 0, (total) => ({ ...base, kind: 'pass', rack: t.rack, score: 0, total }));
    else if (t.kind === 'withdrawn')
      add(player, -t.score, (total) => ({ ...base, kind: 'withdrawn', rack: t.rack, score: -t.score, total }));
    else add(player, t.score, (total) => ({ ...base, kind: 'challenge-bonus', rack: t.rack, score: t.score, total }));
  }
  const out = game.wentOut;
  if (out !== undefined && out >= 0) {
    const others = game.finalRacks.filter((_, i) => i !== out).join('');
    const score = game.adjustments[out] ?? 0;
    add(out, score, (total) => ({ line: 0, player: out, kind: 'end-points', rack: others, score, total }));
  }
  game.players.forEach((_, i) => {
    if (i === out) return;
    const rack = game.finalRacks[i] ?? '';
    if (rack === '') return;
    const score = game.adjustments[i] ?? 0;
    add(i, score, (total) => ({ line: 0, player: i, kind: 'end-penalty', rack, counted: rack, score, total }));
  });
  game.timePenalties?.forEach((score, i) => {
    if (score !== 0) add(i, score, (total) => ({ line: 0, player: i, kind: 'time-penalty', score, total }));
  });
  return formatGcg({
    players: game.players.map((nick) => ({ nick, name: nick })),
    config: game.config.name,
    events,
    ...(game.lexicon === undefined ? {} : { lexicon: game.lexicon }),
    description: game.description ?? 'Created with wordgame-engine',
  });
}
