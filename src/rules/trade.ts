import type { GameConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import type { Hand } from '../state/hand.js';

/** What a trade is checked against. */
export interface TradeContext {
  readonly hand: Hand;
  /** Tiles left in the bag. */
  readonly bagSize: number;
  readonly config: GameConfig;
  /** False in game types without trading (duplicate, anagram, Boggle). */
  readonly tradingAllowed: boolean;
}

/** A trade as a client sends it (untrusted JSON): the glyphs to put back, `?` for a blank. */
export interface TradeInput {
  readonly glyphs: readonly string[];
}

/**
 * Checks a trade. Returns the hand tiles to put back, or the first error in the rule book's
 * order: 60200 bad format, 60202 trading impossible in this game type, 60201 a glyph not in the
 * hand (param: the first glyph asked beyond what the hand holds), 60204 (extension) fewer tiles
 * in the bag than the configuration requires. An empty trade is a format fault (60200), not the
 * catalogue's "unknown error" 60203.
 */
export function validateTrade(trade: unknown, ctx: TradeContext): Result<Tile[], EngineError> {
  const tiles = readTrade(trade, ctx.config);
  return tiles.ok ? checkTrade(tiles.value, ctx) : tiles;
}

/** Reads untrusted trade data into hand tiles (BLANK for `?`), or the 60200 error naming the fault. */
export function readTrade(trade: unknown, config: GameConfig): Result<Tile[], EngineError> {
  const bad = (cause: string) => err(engineError(Code.BAD_TRADE_FORMAT, { cause }));
  if (typeof trade !== 'object' || trade === null || Array.isArray(trade))
    return bad('a trade must be an object with a glyphs array');
  const glyphs = Object.prototype.hasOwnProperty.call(trade, 'glyphs')
    ? (trade as { glyphs: unknown }).glyphs
    : undefined;
  if (!Array.isArray(glyphs)) return bad('glyphs must be an array');
  const { alphabet, handSize } = config;
  if (glyphs.length === 0) return bad('a trade puts back at least one tile');
  if (glyphs.length > handSize) return bad(`${glyphs.length} glyphs: a hand holds at most ${handSize}`);
  const tiles: Tile[] = [];
  for (let k = 0; k < glyphs.length; k++) {
    const g: unknown = glyphs[k];
    if (typeof g !== 'string' || g.length === 0 || g.length > 8) return bad(`glyph ${k} must be a short string`);
    if (g === '?') {
      tiles.push(BLANK);
      continue;
    }
    const code = alphabet.code(alphabet.normalize(g));
    if (code === 0) return bad(`${JSON.stringify(g)} is not a glyph of this game`);
    tiles.push(code);
  }
  return ok(tiles);
}

/** The rules of a well-formed trade, after 60200: 60202, 60201, 60204 (and 60200 for an empty one). */
export function checkTrade(tiles: readonly Tile[], ctx: TradeContext): Result<Tile[], EngineError> {
  const { alphabet, minBagToTrade } = ctx.config;
  if (!ctx.tradingAllowed) return err(engineError(Code.TRADING_IMPOSSIBLE));
  const left = [...ctx.hand];
  for (const t of tiles) {
    const i = left.indexOf(t);
    if (i < 0)
      return err(
        engineError(Code.TILES_NOT_IN_HAND, {
          param: t === BLANK ? '?' : alphabet.glyph(t),
          cause: 'the hand does not hold that many',
        }),
      );
    left.splice(i, 1);
  }
  if (ctx.bagSize < minBagToTrade)
    return err(
      engineError(Code.BAG_TOO_SMALL, {
        param: ctx.bagSize,
        cause: `trading needs ${minBagToTrade} tiles in the bag; it holds ${ctx.bagSize}`,
      }),
    );
  if (tiles.length === 0)
    return err(engineError(Code.BAD_TRADE_FORMAT, { cause: 'a trade puts back at least one tile' }));
  return ok([...tiles]);
}
