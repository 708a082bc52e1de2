/**
 * A seeded PRNG whose whole state is one uint32 (mulberry32), so it lives in plain JSON state:
 * `nextState(s)` advances it and `randomOf(s)` reads a number in [0, 1) from a state.
 */
export function nextState(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** The number in [0, 1) that a (freshly advanced) state yields. */
export function randomOf(state: number): number {
  let t = state >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A state from any integer seed. */
export function seedState(seed: number): number {
  return (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
}
