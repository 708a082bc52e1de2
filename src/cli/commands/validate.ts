import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Board } from '../../board/board.js';
import { presetConfig, type GameConfig } from '../../config/config.js';
import type { WordLookup } from '../../dictionary/dictionary.js';
import { Code, engineError, type EngineError } from '../../errors/error.js';
import { parseBoard } from '../../notation/board-text.js';
import { parsePlay } from '../../notation/move.js';
import { formatPosition, parseSquareName } from '../../notation/square.js';
import { parseTiles } from '../../notation/tokens.js';
import { err, ok, type Result } from '../../result.js';
import { type MoveInput, moveInput, validateMove } from '../../rules/crossword.js';
import { PERMISSIVE } from '../../rules/lookup.js';
import { makeHand } from '../../state/hand.js';
import { describeError, dictionaryFromOption } from '../dictionary-option.js';
import type { CliIo, ExitCode } from '../io.js';

/** Usage lines of these commands. */
export const VALIDATE_USAGE =
  'wordgame validate [--board FILE|-] --hand LETTERS (--move "8H WORD" | --tiles "H8=C I8=A") [--config en] [--dict FILE | --permissive] [--json]';

/** `wordgame validate`: checks and scores one move; exit 0 when valid, 1 when not, 2 on usage errors. */
export async function validateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      board: { type: 'string' },
      hand: { type: 'string' },
      move: { type: 'string' },
      tiles: { type: 'string' },
      config: { type: 'string', default: 'en' },
      dict: { type: 'string' },
      permissive: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.hand === undefined || (values.move === undefined) === (values.tiles === undefined)) {
    io.err(`usage: ${VALIDATE_USAGE}\n`);
    return 2;
  }
  const config = presetConfig(values.config);
  if (!config.ok) return usageError(io, config.error);
  const c = config.value;
  let board = Board.empty(c.layout.rows, c.layout.cols);
  if (values.board !== undefined) {
    const text = values.board === '-' ? await io.stdin() : readFileSync(values.board, 'utf8');
    const b = parseBoard(text, c.alphabet, c.layout);
    if (!b.ok) return usageError(io, b.error);
    board = b.value;
  }
  const hand = parseTiles(values.hand, c.alphabet);
  if (!hand.ok) return usageError(io, engineError(Code.BAD_NOTATION, { cause: `bad hand: ${hand.bad}` }));
  let dictionary: WordLookup = PERMISSIVE;
  if (!values.permissive) {
    const d = dictionaryFromOption(values.dict);
    if (!d.ok) return usageError(io, d.error);
    dictionary = d.value;
  }
  const move = values.move !== undefined ? moveFromNotation(values.move, board, c) : moveFromTiles(values.tiles ?? '', c);
  const result = move.ok ? validateMove(move.value, { board, hand: makeHand(hand.tiles), config: c, dictionary }) : move;
  if (values.json) {
    io.out(
      JSON.stringify(
        result.ok
          ? {
              ok: true,
              score: result.value.score,
              bonus: result.value.bonus,
              words: result.value.words.map((w) => ({ word: w.word, position: formatPosition(w), score: w.score })),
            }
          : { ok: false, code: result.error.code, name: result.error.name, ...(result.error.param === undefined ? {} : { param: result.error.param }), ...(result.error.cause === undefined ? {} : { cause: result.error.cause }) },
      ) + '\n',
    );
  } else if (result.ok) {
    const m = result.value;
    io.out(`valid: ${m.score} points\n`);
    for (const w of m.words) io.out(`  ${formatPosition(w).padEnd(4)} ${w.word.padEnd(16)} ${w.score}\n`);
    if (m.bonus > 0) io.out(`  full-hand bonus  ${m.bonus}\n`);
  } else io.out(describeError(result.error) + '\n');
  return result.ok ? 0 : 1;
}

function usageError(io: CliIo, e: EngineError): ExitCode {
  io.err(describeError(e) + '\n');
  return 2;
}

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
    if (m === null) return err(engineError(Code.BAD_MOVES_FORMAT, { cause: `${JSON.stringify(item)} is not SQUARE=GLYPH` }));
    const sq = parseSquareName(m[1] as string);
    if (!sq.ok) return err(engineError(Code.BAD_MOVES_FORMAT, { cause: sq.error.cause ?? 'bad square' }));
    const g = m[2] as string;
    const isLower = g !== '?' && g === g.toLowerCase() && g !== g.toUpperCase();
    tiles.push({ row: sq.value.row, col: sq.value.col, glyph: isLower ? config.alphabet.normalize(g) : g, ...(isLower ? { blank: true } : {}) });
  }
  return ok({ tiles });
}
