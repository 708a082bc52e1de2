import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** `wordgame demo` (npm start): a short tour of what the engine does. */
export async function demoCommand(_args: string[], io: CliIo): Promise<ExitCode> {
  const t0 = performance.now();
  const d = dictionaryFromOption(undefined);
  if (!d.ok) {
    io.err(describeError(d.error) + '\n');
    return 1;
  }
  const dict = d.value;
  io.out(`wordgame-engine demo\n\nEmbedded dictionary: ${dict.wordCount} words, ${dict.arcs.length} arcs, loaded in ${(performance.now() - t0).toFixed(1)} ms\n`);
  for (const w of ['quixotic', 'zyzzyva', 'qwerty', 'xylophone']) io.out(`  has(${w}) = ${dict.has(w)}\n`);
  const an = dict.anagrams('retains');
  if (an.ok) io.out(`  anagrams of RETAINS: ${an.value.words.join(' ')}\n`);
  const bl = dict.anagrams('qu?ck');
  if (bl.ok) io.out(`  anagrams of QU?CK (one blank): ${bl.value.words.join(' ')}\n`);
  const pat = dict.matchPattern('?x?z*');
  if (pat.ok) io.out(`  words matching ?X?Z*: ${pat.value.words.slice(0, 12).join(' ')}\n`);
  return 0;
}
