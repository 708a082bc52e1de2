import { BLANK } from '../../config/letterset.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { formatTiles } from '../../notation/tokens.js';
import { err, ok, type Result } from '../../result.js';
import { drawTiles, fullBag, returnTiles } from '../../state/bag.js';
import { makeHand } from '../../state/hand.js';
import type { AnagramState, AnagramSubmission, GameEvent, GameState, ModeContext } from '../types.js';
import type { Step } from './crossword.js';

/** Anagram rules: shared draws of `drawSize` tiles (blanks count as any glyph), one word a player a turn. */
export function startAnagramMode(state: GameState, ctx: ModeContext): Step {
  const d = drawTiles(fullBag(ctx.config.letters, state.settings.seed), ctx.game.drawSize ?? 9);
  const anagram: AnagramState = Object.freeze({
    draw: makeHand(d.drawn),
    bag: d.bag,
    submissions: Object.freeze(state.players.map(() => null)),
  });
  return ok({ state: Object.freeze({ ...state, anagram }), events: [] });
}

/** 60000 for a malformed anagram move: an object with a `word` string of the alphabet's glyphs. */
export function readAnagramMove(request: unknown, ctx: ModeContext): Result<Uint8Array, EngineError> {
  const word =
    typeof request === 'object' && request !== null && Object.prototype.hasOwnProperty.call(request, 'word')
      ? (request as { word: unknown }).word
      : undefined;
  if (typeof word !== 'string' || word.length > 64)
    return err(engineError(Code.BAD_MOVES_FORMAT, { cause: 'an anagram move is { word: string }' }));
  const codes = ctx.config.alphabet.encode(word.trim());
  if (!codes.ok)
    return err(
      engineError(Code.BAD_MOVES_FORMAT, { cause: `${JSON.stringify(word)} has characters outside the alphabet` }),
    );
  return codes;
}

/** Score of a word of `length` glyphs. */
export function anagramScore(length: number, ctx: ModeContext): number {
  const table = ctx.game.scoreByLength ?? [];
  return table.length === 0 ? length : (table[Math.min(length, table.length - 1)] ?? 0);
}

/** One word a player a turn (null passes): 60001, 60003, 60102 (param: the glyph), 60111 (param: the minimum), 60108. */
export function anagramPlay(state: GameState, player: number, codes: Uint8Array | null, ctx: ModeContext): Step {
  const a = state.anagram as AnagramState;
  if (a.submissions[player] !== null) return err(engineError(Code.ALREADY_PLAYED));
  let submission: AnagramSubmission = Object.freeze({ word: '', score: 0 });
  if (codes !== null) {
    if (codes.length === 0) return err(engineError(Code.NO_MOVES_SENT));
    const left = [...a.draw];
    for (const c of codes) {
      let i = left.indexOf(c);
      if (i < 0) i = left.indexOf(BLANK);
      if (i < 0) return err(engineError(Code.ILLEGAL_GLYPH, { param: ctx.config.alphabet.glyph(c) }));
      left.splice(i, 1);
    }
    const min = ctx.game.minLength ?? 3;
    if (codes.length < min) return err(engineError(Code.MOVES_TOO_SHORT, { param: min }));
    const word = ctx.config.alphabet.decode(codes);
    if (!ctx.dictionary.hasCodes(codes))
      return err(engineError(Code.INCORRECT_WORDS, { param: word, detail: { words: [word] } }));
    submission = Object.freeze({ word, score: anagramScore(codes.length, ctx) });
  }
  const submissions = Object.freeze(a.submissions.map((x, i) => (i === player ? submission : x)));
  const id = (state.players[player] as { id: string }).id;
  return ok({
    state: Object.freeze({ ...state, anagram: Object.freeze({ ...a, submissions }) }),
    events: [{ type: 'answered', player: id, word: submission.word, score: submission.score }],
  });
}

/** Closes an anagram turn: scores, the best words possible, a new draw; the game ends after its number of turns. */
export function anagramClose(state: GameState, ctx: ModeContext): Step {
  const a = state.anagram as AnagramState;
  const results = state.players.map((p, i) => ({
    player: p.id,
    score: a.submissions[i]?.score ?? 0,
    move: a.submissions[i]?.word ?? '',
  }));
  const rack = formatTiles(a.draw, ctx.config.alphabet);
  const found = ctx.dictionary.anagrams(rack, { subAnagrams: true, minLength: ctx.game.minLength ?? 3 });
  const words = found.ok ? found.value.words : [];
  const lengths = words.map((w) => ctx.config.alphabet.encode(w)).map((r) => (r.ok ? r.value.length : 0));
  const longest = Math.max(0, ...lengths);
  const best = words.filter((_, i) => lengths[i] === longest).slice(0, 20);
  const over = state.turn >= (ctx.game.turns ?? 10);
  const d = drawTiles(returnTiles(a.bag, a.draw), ctx.game.drawSize ?? 9);
  const events: GameEvent[] = [{ type: 'turn-closed', turn: state.turn, results, best }];
  const players = Object.freeze(
    state.players.map((p, i) => Object.freeze({ ...p, score: p.score + (results[i]?.score ?? 0) })),
  );
  const anagram: AnagramState = Object.freeze({
    draw: makeHand(d.drawn),
    bag: d.bag,
    submissions: Object.freeze(state.players.map(() => null)),
  });
  const s: GameState = Object.freeze({
    ...state,
    anagram,
    players,
    turn: state.turn + 1,
    status: over ? 'over' : state.status,
  });
  if (over)
    events.push({
      type: 'game-over',
      reason: 'the last turn is over',
      scores: players.map((p) => ({ player: p.id, score: p.score, adjustment: 0 })),
    });
  return ok({ state: s, events });
}
