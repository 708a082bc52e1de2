/**
 * Persisted states: real states (played through the engine) written as JSON, mutated (a field
 * deleted, retyped, duplicated or enlarged, at any depth), and read back with `gameFromJSON`.
 * Oracles: no throw and no call over the bound; an accepted state keeps every invariant, reads
 * back the same, and can be driven by requests, viewed and exported without a throw; with
 * `verify: 'replay'` it is also exactly the replay of its history.
 */
import { gameFromJSON, gameToJSON, replayGame, type GameRequest, type GameState } from 'wordgame-engine';
import {
  CODES,
  IDS,
  brokenInvariant,
  hostileRequest,
  isInternalError,
  newGame,
  realRequest,
  sharedTable,
  type Table,
} from './games.js';
import { Rng, clone, fail, report, timed, type FuzzReport } from './harness.js';

/** Options of {@link fuzzStates}. */
export interface StateFuzzOptions {
  readonly states: number;
  readonly seed: number;
  /** Real games played to make the corpus of states to mutate. */
  readonly games?: number;
  readonly onProgress?: (done: number) => void;
}

/** Real states of every game type, from waiting rooms to finished games, as JSON. */
export function stateCorpus(t: Table, rng: Rng, games: number): unknown[] {
  const out: unknown[] = [];
  for (let g = 0; g < games; g++) {
    let s: GameState = newGame(t, CODES[g % CODES.length] as string, rng);
    out.push(gameToJSON(s));
    for (let step = 0; step < 400 && s.status !== 'over'; step++) {
      const { player, request } = realRequest(t, s, rng);
      const r = t.engine.apply(s, player, request);
      if (r.ok) s = r.value.state;
      if (step % 15 === 7) out.push(gameToJSON(s));
    }
    out.push(gameToJSON(s));
  }
  return out;
}

type Path = (string | number)[];

/** Every path to a value inside `root`. */
function paths(root: unknown): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, p: Path) => {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(root, []);
  return out;
}

function at(root: unknown, p: Path): unknown {
  let v = root;
  for (const k of p) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** The values a retype or a replace writes into a state (each copied where it is written: {@link oddValue}). */
export const ODD_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  -5,
  1.5,
  2 ** 53 - 1,
  1e15,
  -(2 ** 31),
  '',
  'x',
  '@server',
  '__proto__',
  true,
  false,
  [],
  {},
  [null],
  'ZZZZZZZ',
  'E'.repeat(5000),
  64,
  65,
  7,
  15,
  100,
];

/**
 * One of {@link ODD_VALUES}, copied: the arrays and objects among them are mutated in place by
 * later mutations of the same state, and a shared one would grow from case to case (a run of
 * 100,000 cases with another seed ran out of memory so, in the harness, before the engine saw
 * the state).
 */
function oddValue(rng: Rng): unknown {
  return clone(rng.pick(ODD_VALUES));
}

/** Mutates `root` in place at a random path: delete, retype, duplicate, or enlarge. */
function mutate(root: unknown, rng: Rng): string {
  const all = paths(root).filter((p) => p.length > 0);
  const p = rng.pick(all);
  const parent = at(root, p.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = p[p.length - 1] as string | number;
  const value = (parent as Record<string | number, unknown>)[key];
  const where = p.join('.');
  switch (rng.int(6)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
      return `delete ${where}`;
    case 1:
      (parent as Record<string | number, unknown>)[key] = oddValue(rng);
      return `retype ${where}`;
    case 2:
      if (Array.isArray(parent)) parent.splice(key as number, 0, clone(value));
      else
        (parent as Record<string, unknown>)[rng.pick(['extra', '__proto__', 'constructor', String(key) + '2'])] =
          clone(value);
      return `duplicate ${where}`;
    case 3:
      if (Array.isArray(value))
        (parent as Record<string | number, unknown>)[key] = Array.from(
          { length: rng.pick([2, 65, 1000, 70_000]) },
          (_, i) => clone(value[i % Math.max(1, value.length)] ?? null),
        );
      else if (typeof value === 'string')
        (parent as Record<string | number, unknown>)[key] = value.repeat(rng.pick([2, 10, 1000]));
      else if (typeof value === 'number')
        (parent as Record<string | number, unknown>)[key] =
          value * rng.pick([-1, 2, 1000, 2 ** 40]) + rng.pick([0, 1, -1]);
      else (parent as Record<string | number, unknown>)[key] = [value, value];
      return `enlarge ${where}`;
    case 4:
      if (typeof value === 'number')
        (parent as Record<string | number, unknown>)[key] = value + rng.pick([1, -1, 7, -7]);
      else if (typeof value === 'string' && value.length > 0) {
        const i = rng.int(value.length);
        (parent as Record<string | number, unknown>)[key] =
          value.slice(0, i) + rng.pick(['A', 'E', '?', 'Z', '.', 'a', '', 'QU']) + value.slice(i + 1);
      } else if (typeof value === 'boolean') (parent as Record<string | number, unknown>)[key] = !value;
      return `nudge ${where}`;
    default: {
      // Swap with a sibling of the same container.
      if (Array.isArray(parent) && parent.length > 1) {
        const j = rng.int(parent.length);
        [parent[key as number], parent[j]] = [parent[j], parent[key as number]];
        return `swap ${where} with ${j}`;
      }
      (parent as Record<string | number, unknown>)[key] = oddValue(rng);
      return `replace ${where}`;
    }
  }
}

/** Runs the persisted-state suite. */
export function fuzzStates(options: StateFuzzOptions): FuzzReport {
  const r = report('mutated persisted states');
  const started = performance.now();
  const t = sharedTable();
  const rng = new Rng(options.seed);
  const corpus = stateCorpus(t, rng, options.games ?? 24);
  for (let i = 0; i < options.states; i++) {
    const json = clone(rng.pick(corpus));
    const changes: string[] = [];
    for (let m = 1 + rng.int(3); m > 0; m--) changes.push(mutate(json, rng));
    const what = () => changes.join(', ');
    const verify = rng.chance(0.1) ? 'replay' : 'state';
    r.cases++;
    // Half as text, half as an object (the text is written before the clock starts).
    const input = rng.chance(0.5) ? JSON.stringify(json) : json;
    const loaded = timed(
      r,
      () => `load (${verify}, ${typeof input === 'string' ? 'text' : 'object'}) after ${what()}`,
      () => gameFromJSON(input, t.engine, { verify }),
    );
    if (loaded === undefined || !loaded.ok) continue;
    r.accepted++;
    const s = loaded.value;
    const broken = timed(
      r,
      () => `invariants after ${what()}`,
      () => brokenInvariant(t, s),
    );
    if (broken !== undefined) fail(r, 'inconsistent', `accepted after ${what()}: ${broken}`);
    if (verify === 'replay') {
      const again = replayGame(s, t.engine);
      if (!again.ok || JSON.stringify(gameToJSON(again.value)) !== JSON.stringify(gameToJSON(s)))
        fail(r, 'inconsistent', `accepted with verify: 'replay' after ${what()}, but is not its replay`);
    }
    // Drive it: any request, no throw.
    let cur = s;
    for (let k = 0; k < 4; k++) {
      const { player, request } = rng.chance(0.5)
        ? realRequest(t, cur, rng)
        : { player: rng.pick(IDS), request: hostileRequest(rng) };
      const res = timed(
        r,
        () => `request on a state accepted after ${what()}: ${JSON.stringify(request)?.slice(0, 100)}`,
        () => t.engine.apply(cur, player, request as GameRequest), // hostile on purpose
      );
      if (res === undefined) break;
      if (isInternalError(res))
        fail(r, 'throws', `request on a state accepted after ${what()}: ${res.ok ? '' : res.error.cause}`);
      if (res.ok) cur = res.value.state;
    }
    if (options.onProgress !== undefined && i % 1000 === 0) options.onProgress(i);
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
