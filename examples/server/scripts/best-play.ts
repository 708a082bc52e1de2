/**
 * The AI player of the load script and the browser test: the engine's best play (by score) for
 * a board, given as its rows of text, and a hand, given as its letters; and for the challenge
 * test, a phony (the letters of a real play in another order, refused by the dictionary only).
 */
import { BLANK, type Board, Code, MoveGenerator, PERMISSIVE, type Placement, allPlays, bestPlay, handFromLetters, moveInput, parseBoard, presetConfig, validateMove } from 'wordgame-engine';
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

/** A phony for a board and hand: placements whose words are not all in the dictionary, every other rule kept; undefined when none is found. */
export function phonyFor(rows: readonly string[], hand: string): readonly Placement[] | undefined {
  const board = parseBoard(rows.join('\n'), config.alphabet);
  const tiles = handFromLetters(hand, config);
  if (!board.ok || !tiles.ok || !dict.ok) return undefined;
  const against = { board: board.value as Board, hand: tiles.value, config };
  const words = dict.value;
  const phony = (placements: readonly Placement[]): boolean => {
    const real = validateMove(moveInput(placements, config), { ...against, dictionary: words });
    return !real.ok && real.error.code === Code.INCORRECT_WORDS && validateMove(moveInput(placements, config), { ...against, dictionary: PERMISSIVE }).ok;
  };
  // A real play's letters turned by one place.
  generator.setBoard(board.value as Board);
  for (const p of allPlays(generator, tiles.value)) {
    if (p.placements.length < 2) continue;
    const letters = p.placements.map((x) => x.tile);
    letters.push(letters.shift() as number);
    const placements = p.placements.map((x, i) => ({ square: x.square, tile: letters[i] as number }));
    if (phony(placements)) return placements;
  }
  // A hand with no play of two tiles (seven consonants, about one hand in 150): two of its letters side by side.
  const letters = tiles.value.filter((t) => t !== BLANK);
  const { rows: height, cols: width } = board.value;
  for (let square = 0; square < height * width; square++) {
    if (square % width === width - 1) continue;
    for (let i = 0; i < letters.length; i++)
      for (let j = 0; j < letters.length; j++) {
        if (i === j) continue;
        const placements = [
          { square, tile: letters[i] as number },
          { square: square + 1, tile: letters[j] as number },
        ];
        if (phony(placements)) return placements;
      }
  }
  return undefined;
}
