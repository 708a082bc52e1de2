import { CommandError, EXIT, emit, type Command } from '../framework.js';

/** `wordgame demo`: a short tour of the dictionary queries. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'A short tour of the embedded dictionary: lookups, anagrams with a blank, a pattern.',
  args: '',
  options: {},
  examples: ['wordgame demo', 'wordgame demo --json'],
  run(ctx) {
    const dict = ctx.dictionary();
    const has = Object.fromEntries(['quixotic', 'zyzzyva', 'qwerty', 'xylophone'].map((w) => [w, dict.has(w)]));
    const queries = {
      retains: dict.anagrams('retains'),
      'qu?ck': dict.anagrams('qu?ck'),
      '?x?z*': dict.matchPattern('?x?z*', { limit: 12 }),
    };
    for (const q of Object.values(queries)) if (!q.ok) throw new CommandError(q.error, EXIT.FAILED);
    const words = (k: keyof typeof queries) => (queries[k].ok ? queries[k].value.words : []);
    if (ctx.json) {
      emit(ctx.io, {
        ok: true,
        words: dict.wordCount,
        arcs: dict.regions().arcs,
        has,
        anagrams: { RETAINS: words('retains'), 'QU?CK': words('qu?ck') },
        pattern: { '?X?Z*': words('?x?z*') },
      });
      return EXIT.OK;
    }
    let out = `wordgame-engine demo\n\nEmbedded dictionary: ${dict.wordCount} words (with its GADDAG: ${dict.regions().arcs} arcs)\n`;
    for (const [w, v] of Object.entries(has)) out += `  has(${w}) = ${v}\n`;
    out += `  anagrams of RETAINS: ${words('retains').join(' ')}\n  anagrams of QU?CK (one blank): ${words('qu?ck').join(' ')}\n  words matching ?X?Z*: ${words('?x?z*').join(' ')}\n`;
    ctx.io.out(out);
    return EXIT.OK;
  },
};
