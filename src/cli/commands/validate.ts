import type { GameConfig } from '../../config/config.js';
import type { WordLookup } from '../../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { parsePlay } from '../../notation/move.js';
import { formatPosition, parseSquareName } from '../../notation/square.js';
import type { Board } from '../../board/board.js';
import { err, ok, type Result } from '../../result.js';
import { type MoveInput, moveInput, validateMove } from '../../rules/crossword.js';
import { PERMISSIVE } from '../../rules/lookup.js';
import { CONFIG_OPTION, DICT_OPTION, EXIT, UsageError, describeError, emit, type Command } from '../framework.js';
import { BOARD_OPTION, CGP_OPTION, commandPosition } from '../position.js';

/** `wordgame validate`: checks and scores one move; exit 0 when valid, 1 when not, 2 on usage errors. */
export const validateCommand: Command = {
  name: 'validate',
  summary:
    "Checks one crossword move against the rules and the dictionary, and scores it (exit 1 when it breaks a rule, with the rule's code).",
  args: '(--hand LETTERS | --cgp CGP) (--move "8H WORD" | --tiles "H8=W I8=o")',
  options: {
    hand: {
      type: 'string',
      describe: 'the hand: glyphs, ? for a blank (required without --cgp, whose rack to move it replaces)',
    },
    move: {
      type: 'string',
      describe:
        'the move in record notation: position (8H across, H8 down) and word, (X) for tiles on the board, lower case for blanks',
    },
    tiles: {
      type: 'string',
      describe:
        'the move as SQUARE=GLYPH items (column letter, row number), lower case for a blank, ? for a blank naming nothing',
    },
    board: BOARD_OPTION,
    cgp: CGP_OPTION,
    config: CONFIG_OPTION,
    dict: DICT_OPTION,
    permissive: { type: 'boolean', default: false, describe: 'accept every word (check the placement rules only)' },
  },
  conflicts: [
    ['move', 'tiles'],
    ['dict', 'permissive'],
    ['cgp', 'board'],
  ],
  examples: [
    'wordgame validate --hand DINNVWY --move "8D WINDY"',
    'wordgame validate --board board.txt --hand AEEIRTY --tiles "N2=E N3=R N5=E N6=Y" --json',
    'wordgame validate --hand QZX --move "8H QZX" --permissive',
    'wordgame validate --cgp "15/15/15/15/15/15/15/7CAT5/15/15/15/15/15/15/15 SHOE?RT/ 0/0 0" --move "K8 S"',
  ],
  async run(ctx) {
    const { values } = ctx;
    if (values.move === undefined && values.tiles === undefined)
      throw new UsageError('give the move with --move or --tiles');
    const { config, board, hand } = await commandPosition(ctx);
    const dictionary: WordLookup = values.permissive === true ? PERMISSIVE : ctx.dictionary();
    const move =
      typeof values.move === 'string'
        ? moveFromNotation(values.move, board, config)
        : moveFromTiles(String(values.tiles), config);
    const result = move.ok ? validateMove(move.value, { board, hand, config, dictionary }) : move;
    if (!result.ok) {
      if (ctx.json) emit(ctx.io, { ok: false, error: result.error });
      else ctx.io.out(`invalid: ${describeError(result.error)}\n`);
      return EXIT.FAILED;
    }
    const m = result.value;
    const words = m.words.map((w) => ({ word: w.word, position: formatPosition(w), score: w.score }));
    if (ctx.json) emit(ctx.io, { ok: true, score: m.score, bonus: m.bonus, words });
    else {
      ctx.io.out(`valid: ${m.score} points\n`);
      for (const w of words) ctx.io.out(`  ${w.position.padEnd(4)} ${w.word.padEnd(16)} ${w.score}\n`);
      if (m.bonus > 0) ctx.io.out(`  full-hand bonus  ${m.bonus}\n`);
    }
    return EXIT.OK;
  },
};

function moveFromNotation(text: string, board: Board, config: GameConfig): Result<MoveInput, EngineError> {
  const p = parsePlay(text, board, config.alphabet);
  if (!p.ok) return err(engineError(Code.BAD_MOVES_FORMAT, { cause: p.error.cause ?? 'bad notation' }));
  return ok(moveInput(p.value.placements, config));
}

/** `H8=C I8=a J8=?`: column letter and row number, then the glyph (lower case: a blank standing for it; `?`: a blank naming nothing). */
function moveFromTiles(text: string, config: GameConfig): Result<MoveInput, EngineError> {
  const tiles: { row: number; col: number; glyph: string; blank?: boolean }[] = [];
  for (const item of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(item);
    if (m === null)
      return err(engineError(Code.BAD_MOVES_FORMAT, { cause: `${JSON.stringify(item)} is not SQUARE=GLYPH` }));
    const sq = parseSquareName(m[1] as string);
    if (!sq.ok) return err(engineError(Code.BAD_MOVES_FORMAT, { cause: sq.error.cause ?? 'bad square' }));
    const g = m[2] as string;
    const isLower = g !== '?' && g === g.toLowerCase() && g !== g.toUpperCase();
    tiles.push({
      row: sq.value.row,
      col: sq.value.col,
      glyph: isLower ? config.alphabet.normalize(g) : g,
      ...(isLower ? { blank: true } : {}),
    });
  }
  return ok({ tiles });
}
