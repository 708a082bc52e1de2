import type { GameConfig } from '../config/config.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import type { CgpOperation, CgpPosition } from '../notation/cgp.js';
import { err, ok, type Result } from '../result.js';
import { type Bag, drawTiles } from '../state/bag.js';
import { type Hand, makeHand } from '../state/hand.js';
import { seedState } from '../state/random.js';
import { unseenTiles } from '../state/unseen.js';
import { type ClassicState, SCORELESS_TURNS_TO_END } from './classic.js';

/** The CGP letter distribution of each preset configuration whose letterset other engines name. */
const DISTRIBUTION_OF: Readonly<Record<string, string>> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  de: 'german',
  pl: 'polish',
  super: 'english_super',
};

/** The name CGP's `ld` operation gives the letterset of a preset configuration (`english`, `french`…), or undefined. */
export function cgpDistribution(config: GameConfig): string | undefined {
  return DISTRIBUTION_OF[config.name];
}

/**
 * A classic game's position as CGP data (write it with `formatCgp`): the racks and scores from
 * the player to move on, in turn order. With `viewer`, the position as that player sees it: their
 * rack, the others' empty (unknown). An `ld` operation names the letterset of a preset
 * configuration, so that the text reads back in the same configuration; `operations` follow.
 */
export function classicToCgp(
  classic: ClassicState,
  config: GameConfig,
  options: { readonly viewer?: number; readonly operations?: readonly CgpOperation[] } = {},
): CgpPosition {
  const { hands, scores, board } = classic.tiles;
  const n = hands.length;
  const order = Array.from({ length: n }, (_, k) => (classic.toMove + k) % n);
  const distribution = DISTRIBUTION_OF[config.name];
  return {
    board,
    racks: order.map((p) => (options.viewer === undefined || options.viewer === p ? [...(hands[p] ?? [])] : [])),
    scores: order.map((p) => scores[p] ?? 0),
    scorelessTurns: classic.scorelessTurns,
    operations: [
      ...(distribution === undefined ? [] : [{ opcode: 'ld', operand: distribution }]),
      ...(options.operations ?? []),
    ],
  };
}

/**
 * A running classic game from a CGP position, to play on from it: the board, the scores and the
 * scoreless-turn count as written, the player to move first (index 0, the others in the racks'
 * order). The tiles not on the board nor in a rack go into a bag seeded with `seed`; a rack
 * written partly or not at all (unknown) is completed from the bag, the player to move first, as
 * a real game deals. BAD_STATE (90401) when the position is not a game that can go on: the
 * scoreless turns have already ended it, or the player to move holds no tile.
 */
export function classicFromCgp(
  position: CgpPosition,
  config: GameConfig,
  seed: number,
): Result<ClassicState, EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_STATE, { cause }));
  if (position.scorelessTurns >= SCORELESS_TURNS_TO_END)
    return bad(`${position.scorelessTurns} scoreless turns: the game is over`);
  const known = position.racks.flat();
  const unseen = unseenTiles(config, position.board, known);
  if (unseen === undefined) return bad('the board and the racks hold more tiles of a kind than the letterset has');
  let bag: Bag = Object.freeze({ tiles: Object.freeze(unseen.sort((a, b) => a - b)), rng: seedState(seed) });
  const hands: Hand[] = [];
  for (const rack of position.racks) {
    const d = drawTiles(bag, Math.max(0, config.handSize - rack.length));
    bag = d.bag;
    hands.push(makeHand([...rack, ...d.drawn]));
  }
  if ((hands[0]?.length ?? 0) === 0) return bad('the player to move holds no tile');
  return ok(
    Object.freeze({
      tiles: Object.freeze({
        board: position.board,
        hands: Object.freeze(hands),
        bag,
        scores: Object.freeze([...position.scores]),
      }),
      toMove: 0,
      scorelessTurns: position.scorelessTurns,
      over: false,
      adjustments: Object.freeze(hands.map(() => 0)),
    }),
  );
}
