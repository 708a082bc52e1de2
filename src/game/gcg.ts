import { formatTiles } from '../notation/tokens.js';
import { type ExportTurn, exportGcg } from '../records/export.js';
import { configOf } from './json.js';
import type { GameState } from './types.js';

/**
 * A classic game's record as GCG, from its history: plays, trades, passes, phonies challenged
 * off (`--`, with the play's rack), challenge bonuses (`(challenge)`, the rack left empty: the
 * history does not say it), a turn lost to a challenge (a pass), the end-of-game rack
 * adjustments and the time penalties of a game with clocks; undefined for other game types. GCG
 * has no line for a resignation, a lost triple challenge or a loss on time: the totals stand.
 */
export function gameToGcg(state: GameState): string | undefined {
  const config = configOf(state);
  if (config === undefined || state.type !== 'classic' || state.classic === undefined) return undefined;
  const index = new Map(state.players.map((p, i) => [p.id, i]));
  const turns: ExportTurn[] = [];
  /** Each player's last play's rack (what a withdrawn phony line shows). */
  const lastRack = new Map<number, string>();
  for (const e of state.history) {
    const player = 'player' in e ? (index.get(e.player) ?? -1) : -1;
    if (player < 0) continue;
    if (e.type === 'played') {
      turns.push({ player, kind: 'play', rack: e.rack, move: e.move, score: e.score });
      lastRack.set(player, e.rack);
    } else if (e.type === 'traded') turns.push({ player, kind: 'trade', rack: e.rack, tiles: e.tiles });
    else if (e.type === 'passed') turns.push({ player, kind: 'pass', rack: e.rack ?? '' });
    else if (e.type === 'challenged') {
      const target = index.get(e.target) ?? -1;
      if (e.outcome === 'withdrawn')
        turns.push({ player: target, kind: 'withdrawn', rack: lastRack.get(target) ?? '', score: -e.points });
      else if (e.outcome === 'bonus')
        turns.push({ player: target, kind: 'challenge-bonus', rack: '', score: e.points });
      else if (e.outcome === 'lost-turn') turns.push({ player, kind: 'pass', rack: '' });
    }
  }
  const c = state.classic;
  const wentOut = c.endReason === 'out' ? c.tiles.hands.findIndex((h) => h.length === 0) : -1;
  return exportGcg({
    players: state.players.map((p) => p.id.replace(/[\s:]+/g, '_')),
    turns,
    // A forfeit (resignation, triple challenge, time) has no rack adjustments: no end-of-game lines.
    finalRacks:
      c.over && (c.endReason === 'out' || c.endReason === 'stalled')
        ? c.tiles.hands.map((h) => formatTiles(h, config.alphabet))
        : [],
    adjustments: c.over ? c.adjustments : state.players.map(() => 0),
    ...(wentOut >= 0 ? { wentOut } : {}),
    ...(c.penalties === undefined ? {} : { timePenalties: c.penalties }),
    config,
  });
}
