import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcOf, searchGraph, type SearchGraph } from 'wordgame-engine/internals';
import { FC, abcdConfig, mustBuild, wideConfig } from './helpers.js';

/**
 * Every path from `node` that ends a word (glyph codes joined by '.'), read from the search graph
 * alone; checks on the way that each arc's turn bit says whether its target has a separator arc.
 */
function paths(graph: SearchGraph, node: number, prefix: number[], out: Set<string>): Set<string> {
  const { words, head } = graph;
  for (let g = 0; g < 64; g++) {
    const a = arcOf(words, head, node, g);
    if (a < 0) continue;
    const v = words[a] as number;
    expect((v & 2) !== 0).toBe(v >>> 2 !== 0 && arcOf(words, head, v >>> 2, 0) >= 0);
    const path = [...prefix, g];
    if ((v & 1) !== 0) out.add(path.join('.'));
    if (v >>> 2 !== 0) paths(graph, v >>> 2, path, out);
  }
  return out;
}

describe('the search graph (each node led by its glyph set)', () => {
  for (const [name, config] of [
    ['A-D', abcdConfig()],
    ['codes past 31', wideConfig()],
  ] as const) {
    const letters = config.letters.spec.tiles.map((t) => t.glyph);
    it(`spells exactly the words, and the GADDAG paths of each: ${name}`, () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(
            fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((w) => w.join('')),
            { minLength: 1, maxLength: 40 },
          ),
          (list) => {
            const dict = mustBuild(list, config.alphabet, true);
            const graph = searchGraph(dict);
            expect(graph.head).toBe(config.alphabet.size < 32 ? 1 : 2);
            expect(searchGraph(dict)).toBe(graph);
            const codes = list.map((w) => [...w].map((c) => config.alphabet.code(c)));
            // The DAWG: the words themselves.
            expect(paths(graph, graph.dawgRoot, [], new Set())).toEqual(new Set(codes.map((c) => c.join('.'))));
            // The GADDAG: for each word and each split, the prefix reversed, the separator (0) unless the prefix is all of it, the suffix.
            const gaddag = new Set<string>();
            for (const c of codes)
              for (let k = 1; k <= c.length; k++)
                gaddag.add([...c.slice(0, k).reverse(), ...(k < c.length ? [0, ...c.slice(k)] : [])].join('.'));
            expect(paths(graph, graph.gaddagRoot, [], new Set())).toEqual(gaddag);
          },
        ),
        { ...FC, numRuns: 60 },
      );
    });
  }
});
