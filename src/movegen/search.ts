import type { Tile } from '../config/letterset.js';
import type { MoveGenerator, SearchOptions } from './generator.js';
import { GeneratedPlay } from './play.js';

/** Every legal play of a hand, sorted by {@link comparePlays}. */
export function allPlays(
  generator: MoveGenerator,
  hand: readonly Tile[],
  options: SearchOptions = {},
): GeneratedPlay[] {
  const board = generator.currentBoard();
  const config = generator.config;
  const store = generator.collectAll(hand, options);
  const out: GeneratedPlay[] = new Array(store.count);
  for (let i = 0; i < store.count; i++) {
    const slot = store.order[i] as number;
    out[i] = new GeneratedPlay(
      { store, slot },
      store.score(slot),
      store.equity(slot),
      store.across(slot),
      board,
      config,
    );
  }
  return out;
}

/** The best `n` plays, in the order of {@link comparePlays}, found without generating them all. */
export function topPlays(
  generator: MoveGenerator,
  hand: readonly Tile[],
  n: number,
  options: SearchOptions = {},
): GeneratedPlay[] {
  const count = generator.searchTop(hand, Math.max(0, Math.trunc(n)), options);
  const out: GeneratedPlay[] = [];
  for (let i = 0; i < count; i++) out.push(generator.topPlay(i) as GeneratedPlay);
  return out;
}

/**
 * The best play (highest equity with leaves, else highest score; ties broken by
 * {@link comparePlays}), or undefined when there is none. Exact: the same play as sorting
 * {@link allPlays}, found by the bounded search.
 */
export function bestPlay(
  generator: MoveGenerator,
  hand: readonly Tile[],
  options: SearchOptions = {},
): GeneratedPlay | undefined {
  return generator.searchTop(hand, 1, options) === 0 ? undefined : generator.topPlay(0);
}
