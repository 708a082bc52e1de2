import type { GameConfig } from '../config/config.js';
import type { CgpOperation, CgpPosition } from '../notation/cgp.js';
import type { ClassicState } from './classic.js';

/** The CGP letter distribution of each preset configuration whose letterset other engines name. */
const DISTRIBUTION_OF: Readonly<Record<string, string>> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  de: 'german',
  pl: 'polish',
  super: 'english_super',
};

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
