import type { GameJSON } from './json-schema.js';
import { toJSON } from './json.js';
import type { GameEvent, GameState } from './types.js';

/** A history entry as one player sees it: the entry itself, or what may be seen of another player's. */
export type SeenEvent =
  | GameEvent
  | {
      readonly type: 'played' | 'passed' | 'traded' | 'submitted' | 'answered' | 'found';
      readonly player: string;
      readonly move?: string;
      readonly score?: number;
      readonly words?: readonly string[];
      readonly count?: number;
      readonly at?: number;
    };

/**
 * One history entry as `playerId` may see it: their own entries whole; of other players' entries,
 * a play's move, score and words but not the rack, a trade's count but not its tiles, and only
 * that a duplicate, anagram or Boggle submission was made. {@link playerView}'s history is made
 * of these, and a server pushing each change's entries pushes these, so that a client appending
 * the pushes holds exactly the history a view gives.
 */
export function eventView(event: GameEvent, playerId: string): SeenEvent {
  if (!('player' in event) || event.player === playerId) return event;
  // With clocks, when a move was made is public.
  const at = 'at' in event && event.at !== undefined ? { at: event.at } : {};
  switch (event.type) {
    case 'played':
      return {
        type: event.type,
        player: event.player,
        move: event.move,
        score: event.score,
        words: event.words,
        ...at,
      };
    case 'passed':
      return { type: event.type, player: event.player, ...at };
    case 'traded':
      return { type: event.type, player: event.player, count: [...event.tiles].length, ...at };
    case 'submitted':
    case 'answered':
    case 'found':
      return { type: event.type, player: event.player };
    default:
      return event;
  }
}

/**
 * What one player may see, as JSON: other players' hands become counts (`hands[i]` null,
 * `handSizes` given), the bag a count (its contents, the PRNG state and the seed stay hidden
 * while the game runs), other players' submissions are hidden (duplicate and anagram: whether
 * they submitted; Boggle: how many words), and of a play open to a challenge only what is on the
 * board (not whether it is a phony, nor the tiles drawn after it). Anyone may see a finished game's state whole, but for
its seed, which no view ever shows (`gameToJSON` keeps it for the operator). The
 * history is always the entries as the player saw them happen ({@link eventView}: other players'
 * racks, traded tiles and submissions left out, even once the game is over), so that it never
 * changes under a client that keeps it from the pushes; the full record is `gameToJSON`'s.
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
  if (withHistory) json.history = state.history.toArray().map((e) => eventView(e, playerId));
  // Never the seed, even once the game is over: it is the operator's (gameToJSON keeps it).
  json.settings = { ...state.settings, seed: null };
  if (state.status === 'over') return json;
  const me = state.players.findIndex((p) => p.id === playerId);
  const c = state.classic;
  if (c !== undefined) {
    const part = json.classic as NonNullable<GameJSON['classic']>;
    // A play open to a challenge: what anyone sees on the board (whether it is a phony, and the
    // tiles drawn after it, stay hidden until a challenge or the end of the game).
    const { pending, ...rest } = part;
    json.classic = {
      ...rest,
      hands: part.hands.map((h, i) => (i === me ? h : null)),
      handSizes: c.tiles.hands.map((h) => h.length),
      bag: { size: c.tiles.bag.tiles.length },
      ...(pending === undefined
        ? {}
        : {
            pending: {
              player: pending.player,
              placements: pending.placements,
              score: pending.score,
              wentOut: pending.wentOut,
            },
          }),
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
  return json;
}
