import type { GameConfig } from '../config/config.js';

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
  const lines = [
    '#character-encoding UTF-8',
    ...game.players.map((p, i) => `#player${i + 1} ${p} ${p}`),
    ...(game.lexicon === undefined ? [] : [`#lexicon ${game.lexicon}`]),
  ];
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
