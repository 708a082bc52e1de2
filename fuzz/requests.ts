/**
 * Requests: random and hostile requests through `apply` on live games of every type. Oracles: no
 * throw (nor an internal-error value), no call over the bound, a rejected request leaves the
 * state as it was (and so does an accepted one: states are immutable), and every state reached
 * keeps its invariants (sampled).
 */
import { gameToJSON, type GameRequest, type GameState } from 'wordgame-engine';
import {
  CODES,
  IDS,
  brokenInvariant,
  hostileRequest,
  isInternalError,
  newGame,
  realRequest,
  sharedTable,
} from './games.js';
import { Rng, fail, report, timed, type FuzzReport } from './harness.js';

/** Options of {@link fuzzRequests}. */
export interface RequestFuzzOptions {
  readonly requests: number;
  readonly seed: number;
  /** One request in this many is checked deeply (input unchanged, invariants of the result). */
  readonly deepEvery?: number;
  readonly onProgress?: (done: number) => void;
}

/** Runs the request suite. */
export function fuzzRequests(options: RequestFuzzOptions): FuzzReport {
  const r = report('requests through apply');
  const started = performance.now();
  const t = sharedTable();
  const rng = new Rng(options.seed);
  const deepEvery = options.deepEvery ?? 25;
  const live: GameState[] = CODES.map((code) => newGame(t, code, rng));
  for (let i = 0; i < options.requests; i++) {
    const slot = rng.int(live.length);
    const s = live[slot] as GameState;
    const { player, request } = rng.chance(0.15)
      ? realRequest(t, s, rng)
      : {
          player: rng.chance(0.8) ? (s.players[rng.int(s.players.length)]?.id ?? 'ann') : rng.pick(IDS),
          request: hostileRequest(rng),
        };
    const deep = i % deepEvery === 0;
    const before = deep ? JSON.stringify(gameToJSON(s)) : '';
    r.cases++;
    const result = timed(
      r,
      () => `${s.settings.code} ${player}: ${JSON.stringify(request)?.slice(0, 200)}`,
      () => t.engine.apply(s, player, request as GameRequest), // hostile on purpose: apply checks at run time
    );
    if (result === undefined) continue;
    if (isInternalError(result))
      fail(
        r,
        'throws',
        `${s.settings.code} ${player}: ${JSON.stringify(request)?.slice(0, 200)}: ${result.ok ? '' : result.error.cause}`,
      );
    if (deep && JSON.stringify(gameToJSON(s)) !== before)
      fail(r, 'inconsistent', `${s.settings.code}: a request changed the state it was applied to`);
    if (!result.ok) continue;
    r.accepted++;
    const next = result.value.state;
    if (deep) {
      const broken = timed(
        r,
        () => `invariants of ${next.settings.code}`,
        () => brokenInvariant(t, next),
      );
      if (broken !== undefined)
        fail(r, 'inconsistent', `${next.settings.code} after ${JSON.stringify(request)?.slice(0, 120)}: ${broken}`);
    }
    live[slot] = next.status === 'over' && rng.chance(0.5) ? newGame(t, rng.pick(CODES), rng) : next;
    if (options.onProgress !== undefined && i % 10_000 === 0) options.onProgress(i);
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
