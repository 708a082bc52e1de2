import { ARC_GLYPH_MASK, ARC_LAST, ARC_TARGET_SHIFT } from './format.js';

/**
 * Checks the invariants that walks rely on over the region `arcs[from..to)`, in one sequential
 * pass; returns what is wrong, or undefined. Targets must point forward and stay in the region
 * (so every walk ends), siblings must be sorted (lookups stop early), glyphs must be in range,
 * and the region's last arc must end its node. A target inside a node's list is harmless: the
 * walk then sees the rest of that list.
 */
export function checkArcRegion(arcs: Uint32Array, from: number, to: number, minGlyph: number, maxGlyph: number): string | undefined {
  if (from < 1 || to > arcs.length || from >= to) return 'empty or misplaced region';
  if (((arcs[to - 1] as number) & ARC_LAST) === 0) return 'the last arc does not end its node';
  if (((arcs[from - 1] as number) & ARC_LAST) === 0) return 'the region does not start a node';
  let prevGlyph = -1;
  for (let i = from; i < to; i++) {
    const v = arcs[i] as number;
    const g = v & ARC_GLYPH_MASK;
    if (g > maxGlyph || g < minGlyph) return `arc ${i}: glyph ${g} is outside the alphabet`;
    if (g <= prevGlyph) return `arc ${i}: siblings out of order`;
    prevGlyph = (v & ARC_LAST) !== 0 ? -1 : g;
    const t = v >>> ARC_TARGET_SHIFT;
    if (t !== 0 && (t <= i || t >= to)) return `arc ${i}: bad target ${t}`;
  }
  return undefined;
}
