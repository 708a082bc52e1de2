import type { GameConfig } from '../config/config.js';
import { BLANK } from '../config/letterset.js';
import type { LeaveValues } from './values.js';

/**
 * The static equity of a play with the bag empty and one opponent, as leave values (the
 * adjustment macondo's static player makes): going out is worth twice the opponent's rack (the
 * bonus the rules give), keeping tiles costs twice their face value plus 10 (the opponent may go
 * out next and collect them). So the leave of k > 0 tiles is
 * `-2 × (their face value + the opponent's rack's) - 10`, and going out 0. Set the opponent's
 * rack before each search; allocates nothing.
 */
export class EndgameLeaves implements LeaveValues {
  #opponent = 0;
  readonly #values: Int32Array;
  /** Leave values for `config`'s tiles (the opponent's rack empty until set). */
  constructor(config: GameConfig) {
    this.#values = new Int32Array(BLANK + 1);
    for (let g = 1; g < config.letters.values.length && g < BLANK; g++)
      this.#values[g] = config.letters.values[g] as number;
  }
  /** Sets the opponent's rack (tile codes; blanks count 0). */
  setOpponent(rack: ArrayLike<number>): void {
    let sum = 0;
    for (let i = 0; i < rack.length; i++) sum += this.#value(rack[i] as number);
    this.#opponent = sum;
  }
  leaveValue(tiles: Uint8Array, length: number): number {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += this.#value(tiles[i] as number);
    return -2 * (sum + this.#opponent) - 10;
  }
  #value(tile: number): number {
    return (tile & BLANK) !== 0 ? 0 : (this.#values[tile & 0x3f] as number);
  }
}
