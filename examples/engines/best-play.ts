// An external engine for `wordgame match`, in 30 lines: it reads a position as a CGP line, plays
// the highest-scoring move, and answers it as a move string. Any program that does this, in any
// language, can play a match (docs/match.md has the protocol).
//   wordgame match static 'cmd:npx tsx examples/engines/best-play.ts' --games 20
import { createInterface } from 'node:readline';
import { MoveGenerator, bestPlay, formatMoveString, parseCgp } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'quit') break;
  const read = parseCgp(line); // the configuration comes from the line's operations (ld, lex)
  let answer = 'pass';
  if (read.ok) {
    const { position, config } = read.value;
    const generator = MoveGenerator.create(config, dictionary.value, position.board);
    const best = generator.ok ? bestPlay(generator.value, position.racks[0] ?? []) : undefined;
    if (best !== undefined) {
      const move = formatMoveString({ kind: 'play', placements: best.placements }, position.board, config.alphabet);
      if (move.ok) answer = move.value;
    }
  }
  console.log(answer); // one line a move: '8H WORD', 'H8 WORD', 'ex ABC' or 'pass'
}
