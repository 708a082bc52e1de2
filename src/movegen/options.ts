import type { LeaveValues } from '../leaves/values.js';

/** Options of the searches: rank by equity (score plus leave value) instead of score alone. */
export interface SearchOptions {
  /** Leave values: plays are ranked by score plus the value of the tiles kept. */
  readonly leaves?: LeaveValues;
}

/** How a generator is built. */
export interface GeneratorOptions {
  /**
   * Whether its searches look the plays of the whole hand up in the full-hand word index, the
   * dictionary's words of `handSize` to `handSize + 3` letters by their letters (default true;
   * built once a dictionary, on the first search that needs it; for English (ENABLE) about 4.1 MB
   * and 55-100 ms). Without it the searches find the same plays, walking them instead: the bounds
   * count the full-hand bonus wherever a full hand fits on the squares, and hands with blanks cost
   * 2.3-2.9× as much (docs/move-search.md). The first generator of each kind (with the index,
   * without it) in a process runs the warm-up with its own options, so a process may make them in
   * any order.
   */
  readonly fullHandIndex?: boolean;
  /**
   * Whether the first generator of its kind in a process runs the warm-up first (default true):
   * every kind of search on small positions, so that V8 has seen every branch of the search
   * before it compiles it (`warm-up.ts`: without it, about one long-running process in eight kept
   * a search about 3× slower for its life). It costs about 0.2-0.3 s of CPU, paid once in a
   * process's life. `false` skips it, for a process or a page that searches a few times and stops:
   * a command-line query, a hint in a browser, a function started cold for one request (`wordgame
   * best` does). A generator made so does not count as warmed up: the next one made with the
   * default still runs the warm-up.
   */
  readonly warmUp?: boolean;
}
