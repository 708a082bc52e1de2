import { formatTiles } from '../notation/tokens.js';
import { type ExportTurn, exportGcg } from '../records/export.js';
import { configOf } from './json.js';
import type { GameState } from './types.js';

/**
 * A classic game's record as GCG, from its history (plays, trades, passes and the end-of-game
 * rack adjustments); undefined for other game types.
 */
export function gameToGcg(state: GameState): string | undefined {
  const config = configOf(state);
  if (config === undefined || state.type !== 'classic' || state.classic === undefined) return undefined;
  const index = new Map(state.players.map((p, i) => [p.id, i]));
  const turns: ExportTurn[] = [];
  for (const e of state.history) {
    const player = 'player' in e ? (index.get(e.player) ?? -1) : -1;
    if (e.type === 'played' && player >= 0)
      turns.push({ player, kind: 'play', rack: e.rack, move: e.move, score: e.score });
    else if (e.type === 'traded' && player >= 0) turns.push({ player, kind: 'trade', rack: e.rack, tiles: e.tiles });
    else if (e.type === 'passed' && player >= 0) turns.push({ player, kind: 'pass', rack: e.rack ?? '' });
  }
  const c = state.classic;
  const wentOut = c.endReason === 'out' ? c.tiles.hands.findIndex((h) => h.length === 0) : -1;
  return exportGcg({
    players: state.players.map((p) => p.id.replace(/[\s:]+/g, '_')),
    turns,
    finalRacks: c.over ? c.tiles.hands.map((h) => formatTiles(h, config.alphabet)) : [],
    adjustments: c.over ? c.adjustments : state.players.map(() => 0),
    ...(wentOut >= 0 ? { wentOut } : {}),
    config,
  });
}
