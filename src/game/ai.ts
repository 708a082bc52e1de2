import { BLANK } from '../config/letterset.js';
import { MoveGenerator } from '../movegen/generator.js';
import { staticPlayer } from '../players/basic.js';
import type { Player } from '../players/player.js';
import { err, ok, type Result } from '../result.js';
import { moveInput, validateMove } from '../rules/crossword.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { handTileOf } from '../state/state.js';
import type { ClassicState } from './classic.js';
import type { GameRequest } from './requests.js';
import type { GameState, ModeContext } from './types.js';

/**
 * An engine player in a classic game run by `apply`, under any challenge rule: it challenges the
 * last play exactly when that play is a phony (judged from what everyone sees: the board and the
 * play's tiles), and otherwise plays its {@link Player}'s decision, which is never a phony (the
 * move generator makes only dictionary words). The request carries `at` when given (games with
 * clocks).
 */
export function engineRequest(
  state: GameState,
  playerId: string,
  ctx: ModeContext,
  options: { readonly player?: Player; readonly at?: number } = {},
): Result<GameRequest, EngineError> {
  const c = state.classic;
  const me = state.players.findIndex((p) => p.id === playerId);
  if (c === undefined || state.status !== 'running' || me < 0 || c.toMove !== me)
    return err(
      engineError(Code.NOT_YOUR_TURN, { cause: 'an engine player moves in a running classic game, on its turn' }),
    );
  const at = options.at === undefined ? {} : { at: options.at };
  if (state.settings.challengeRule !== undefined && lastPlayIsPhony(c, ctx)) return ok({ type: 'challenge', ...at });
  // A play that went out and stands: only a challenge or a pass may follow it.
  if (c.pending?.wentOut === true) return ok({ type: 'pass', ...at });
  const generator = MoveGenerator.create(ctx.config, ctx.dictionary, c.tiles.board);
  if (!generator.ok) return generator;
  const decision = (options.player ?? staticPlayer).decide({
    generator: generator.value,
    hand: c.tiles.hands[me] ?? [],
    bagSize: c.tiles.bag.tiles.length,
    tradingAllowed: true,
  });
  if (decision.kind === 'play') return ok({ type: 'play', ...moveInput(decision.play.placements, ctx.config), ...at });
  if (decision.kind === 'trade')
    return ok({
      type: 'trade',
      glyphs: decision.tiles.map((t) => (t === BLANK ? '?' : ctx.config.alphabet.glyph(t))),
      ...at,
    });
  return ok({ type: 'pass', ...at });
}

/**
 * Whether the play open to a challenge forms a word the dictionary does not hold, from public
 * information only: the board without the play, the play's tiles, the dictionary.
 */
export function lastPlayIsPhony(classic: ClassicState, ctx: ModeContext): boolean {
  const p = classic.pending;
  if (p === undefined) return false;
  const board = classic.tiles.board.withoutTiles(p.placements.map((x) => x.square));
  const r = validateMove(moveInput(p.placements, ctx.config), {
    board,
    hand: p.placements.map(handTileOf),
    config: ctx.config,
    dictionary: ctx.dictionary,
  });
  return !r.ok && r.error.code === Code.INCORRECT_WORDS;
}
