import { type GameJSON, toJSON } from './json.js';
import type { GameState } from './types.js';

/**
 * What one player may see, as JSON: other players' hands become counts (`hands[i]` null,
 * `handSizes` given), the bag a count (its contents, the PRNG state and the seed stay hidden
 * while the game runs), other players' submissions are hidden (duplicate and anagram: whether
 * they submitted; Boggle: how many words), and so are other players' racks, traded tiles and
 * submissions in the history. Anyone may see a finished game whole.
 *
 * `{ history: false }` leaves the history out (a server that pushes each change's events sends
 * the history once, not with every view: the view stays small however long the game).
 */
export function playerView(
  state: GameState,
  playerId: string,
  options: { readonly history?: boolean } = {},
): Record<string, unknown> {
  const withHistory = options.history ?? true;
  const json = toJSON(state, withHistory) as unknown as Record<string, unknown>;
  if (state.status === 'over') return json;
  const me = state.players.findIndex((p) => p.id === playerId);
  json.settings = { ...state.settings, seed: null };
  const c = state.classic;
  if (c !== undefined) {
    const part = json.classic as NonNullable<GameJSON['classic']>;
    json.classic = {
      ...part,
      hands: part.hands.map((h, i) => (i === me ? h : null)),
      handSizes: c.tiles.hands.map((h) => h.length),
      bag: { size: c.tiles.bag.tiles.length },
    };
  }
  const d = state.duplicate;
  if (d !== undefined) {
    const part = json.duplicate as NonNullable<GameJSON['duplicate']>;
    json.duplicate = {
      ...part,
      bag: { size: d.bag.tiles.length },
      submissions: part.submissions.map((x, i) => (i === me ? x : x !== null)),
    };
  }
  const a = state.anagram;
  if (a !== undefined) {
    const part = json.anagram as NonNullable<GameJSON['anagram']>;
    json.anagram = {
      ...part,
      bag: { size: a.bag.tiles.length },
      submissions: part.submissions.map((x, i) => (i === me ? x : x !== null)),
    };
  }
  if (state.boggle !== undefined) {
    const part = json.boggle as NonNullable<GameJSON['boggle']>;
    json.boggle = { ...part, submissions: part.submissions.map((x, i) => (i === me ? x : x.length)) };
  }
  if (!withHistory) return json;
  json.history = state.history.toArray().map((e) => {
    if (!('player' in e) || e.player === playerId) return e;
    switch (e.type) {
      case 'played':
        return { type: e.type, player: e.player, move: e.move, score: e.score, words: e.words };
      case 'passed':
        return { type: e.type, player: e.player };
      case 'traded':
        return { type: e.type, player: e.player, count: [...e.tiles].length };
      case 'submitted':
      case 'answered':
      case 'found':
        return { type: e.type, player: e.player };
      default:
        return e;
    }
  });
  return json;
}
