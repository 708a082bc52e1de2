/**
 * The AI player of the load script and the browser test: the engine's best play (by score) for
 * a board, given as its rows of text, and a hand, given as its letters.
 */
import { type Board, MoveGenerator, bestPlay, handFromLetters, parseBoard, presetConfig } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const preset = presetConfig('en');
const dict = loadDefaultDictionary();
if (!preset.ok || !dict.ok) throw new Error('no embedded data');
/** The English classic game's configuration. */
export const config = preset.value;
const created = MoveGenerator.create(config, dict.value);
if (!created.ok) throw new Error(created.error.message);
const generator = created.value;

/** The best play (undefined when there is none), or undefined with `readable: false` when the board or hand cannot be read. */
export function bestFor(rows: readonly string[], hand: string): { readable: boolean; best?: ReturnType<typeof bestPlay> } {
  const board = parseBoard(rows.join('\n'), config.alphabet);
  const tiles = handFromLetters(hand, config);
  if (!board.ok || !tiles.ok) return { readable: false };
  generator.setBoard(board.value as Board);
  return { readable: true, best: bestPlay(generator, tiles.value) };
}
