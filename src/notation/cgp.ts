import { Board } from '../board/board.js';
import { type GameConfig, presetConfig } from '../config/config.js';
import { BLANK, type Tile } from '../config/letterset.js';
import { Code, engineError, type EngineError } from '../errors/error.js';
import { err, ok, type Result } from '../result.js';
import { formatRun, readToken, tileText } from './tokens.js';

/**
 * CGP (Crossword Game Position), the one-line position format of macondo, MAGPIE, wolges and
 * Woogles, like chess's FEN: four fields and operations, separated by single spaces.
 *
 * ```
 * 15/15/15/15/15/15/15/7CAT5/15/15/15/15/15/15/15 AEINRST/ 12/0 0 lex NWL20; bb 50;
 * └ board: rows top to bottom; a   └ racks, the     └ scores └ scoreless └ operations: an opcode,
 *   run of empty squares is its      player to move   (same   turns       its operand text, `;`
 *   number; a blank on the board     first; `?` a     order)
 *   lower case; multi-character      blank; a rack
 *   glyphs in brackets (`[CH]`)      may be empty
 * ```
 *
 * Every operation is kept, in order, and written back as read (unknown ones included); those
 * with a meaning here are checked: `bb`, `etl`, `mcnz`, `ti`, `to` (whole numbers), `tmr`
 * (`ms/ms`, one clock a player), `cr` (a challenge rule). The configuration (board layout,
 * letterset, alphabet) is the caller's, else chosen from `ld` (the letter distribution:
 * `english`, `french`, `spanish`, `german`, `polish`, `english_super`), then `bdn`
 * (`SuperCrosswordGame`), then the language of `lex` (NWL, CSW, TWL… English; FRA, ODS French;
 * FILE Spanish; RD German; OSPS Polish), else English. A position is refused when the board and
 * the racks hold more tiles of a kind than the letterset has. Read then written, a position gives
 * back the same text (the canonical text: single spaces, no leading zeros).
 */
export interface CgpPosition {
  readonly board: Board;
  /** Each player's known tiles, the player to move first, as written (glyph codes, {@link BLANK} for `?`). */
  readonly racks: readonly (readonly Tile[])[];
  /** Each player's score, in the order of the racks. */
  readonly scores: readonly number[];
  /** Consecutive scoreless turns before this position. */
  readonly scorelessTurns: number;
  /** The operations, in order: opcode and operand text (`lex` `NWL20`; `lm` `8H WORD`). */
  readonly operations: readonly CgpOperation[];
}

/** One CGP operation: `opcode operand;`. */
export interface CgpOperation {
  readonly opcode: string;
  /** The operand text, spaces inside kept (`8H WORD`); empty when the opcode has none. */
  readonly operand: string;
}

/** A position read from CGP, with the configuration it was read in. */
export interface ParsedCgp {
  readonly position: CgpPosition;
  readonly config: GameConfig;
}

/** What was wrong with a CGP text, and where (a character offset into it). */
export interface CgpProblem {
  readonly reason: 'syntax' | 'board' | 'rack' | 'score' | 'turns' | 'operation' | 'config' | 'tiles';
  readonly at: number;
}

/** Options of {@link parseCgp}. */
export interface CgpOptions {
  /** The configuration to read the position in; otherwise chosen from the operations. */
  readonly config?: GameConfig;
}

/** The longest CGP text read (a 26×26 board with long operations fits many times over). */
export const CGP_MAX_LENGTH = 8192;
/** The most players a CGP position may have (the fewest is two). */
export const CGP_MAX_PLAYERS = 8;
/** The most operations a CGP position may have. */
export const CGP_MAX_OPERATIONS = 64;
const MAX_SCORE = 100_000;
const CHALLENGE_RULES = new Set(['void', 'single', 'double', 'triple', '5pt', '10pt']);
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  english: 'en',
  french: 'fr',
  spanish: 'es',
  german: 'de',
  polish: 'pl',
  english_super: 'super',
};
const LEXICON_LANGUAGES: readonly (readonly [RegExp, string])[] = [
  [/^(NWL|TWL|CSW|OWL|OSPD|ENABLE|ECWL|CEL|WOW)/i, 'en'],
  [/^(FRA|ODS)/i, 'fr'],
  [/^(FILE|FISE)/i, 'es'],
  [/^(RD|DEU)/i, 'de'],
  [/^OSPS/i, 'pl'],
];

type Failure = { readonly ok: false; readonly error: EngineError<CgpProblem> };

function problem(reason: CgpProblem['reason'], at: number, cause: string): Failure {
  return err(engineError<CgpProblem>(Code.BAD_NOTATION, { cause: `CGP at ${at}: ${cause}`, detail: { reason, at } }));
}

/** The configuration a position's operations call for (see {@link CgpPosition}). */
function configFor(operations: readonly CgpOperation[]): Result<GameConfig, string> {
  const operand = (opcode: string) => operations.find((o) => o.opcode === opcode)?.operand;
  const ld = operand('ld');
  let name: string | undefined;
  if (ld !== undefined) {
    name = DISTRIBUTIONS[ld.toLowerCase()];
    if (name === undefined) return err(`unknown letter distribution ${JSON.stringify(ld)}`);
  } else if (operand('bdn') === 'SuperCrosswordGame') name = 'super';
  else {
    const lex = operand('lex');
    name = lex === undefined ? 'en' : (LEXICON_LANGUAGES.find(([re]) => re.test(lex))?.[1] ?? 'en');
  }
  const config = presetConfig(name);
  return config.ok ? config : err(config.error.cause ?? config.error.message);
}

/** Checks the operand of an operation this library gives a meaning to; undefined when it is sound. */
function operandProblem(op: CgpOperation, players: number): string | undefined {
  const whole = (s: string) => /^(0|[1-9][0-9]{0,8})$/.test(s);
  switch (op.opcode) {
    case 'bb':
    case 'etl':
    case 'mcnz':
    case 'ti':
    case 'to':
      return whole(op.operand) ? undefined : `${op.opcode} takes a whole number, not ${JSON.stringify(op.operand)}`;
    case 'tmr': {
      const clocks = op.operand.split('/');
      return clocks.length === players && clocks.every((c) => /^-?(0|[1-9][0-9]{0,9})$/.test(c))
        ? undefined
        : `tmr takes one clock in ms a player (${players}), as 10000/-2500`;
    }
    case 'cr':
      return CHALLENGE_RULES.has(op.operand) ? undefined : `cr takes one of ${[...CHALLENGE_RULES].join(', ')}`;
    default:
      return undefined;
  }
}

/**
 * Reads a CGP text (untrusted: at most {@link CGP_MAX_LENGTH} characters, {@link CGP_MAX_PLAYERS}
 * players and {@link CGP_MAX_OPERATIONS} operations), in `options.config` or the configuration
 * its operations call for. A fault is BAD_NOTATION (90400) with `detail.reason` and `detail.at`,
 * the character offset of the fault.
 */
export function parseCgp(text: string, options: CgpOptions = {}): Result<ParsedCgp, EngineError<CgpProblem>> {
  if (typeof text !== 'string') return problem('syntax', 0, 'a position must be text');
  if (text.length > CGP_MAX_LENGTH)
    return problem('syntax', CGP_MAX_LENGTH, `longer than ${CGP_MAX_LENGTH} characters`);
  // The four fields, then the operations, single spaces apart.
  const fields: { text: string; at: number }[] = [];
  let i = 0;
  while (fields.length < 4) {
    const end = text.indexOf(' ', i);
    const stop = end < 0 ? text.length : end;
    if (stop === i) return problem('syntax', i, 'an empty field (fields are one space apart)');
    fields.push({ text: text.slice(i, stop), at: i });
    if (end < 0) break;
    i = end + 1;
  }
  if (fields.length < 4)
    return problem('syntax', text.length, 'a position has four fields: board, racks, scores, scoreless turns');
  const [boardField, rackField, scoreField, turnField] = fields as [
    (typeof fields)[0],
    (typeof fields)[0],
    (typeof fields)[0],
    (typeof fields)[0],
  ];
  const rest = turnField.at + turnField.text.length;
  // Operations: `opcode operand;` each, a space before each.
  const operations: CgpOperation[] = [];
  /** Where each operation starts in the text. */
  const starts: number[] = [];
  for (let at = rest; at < text.length;) {
    if (text[at] !== ' ' || text[at + 1] === ' ' || at + 1 >= text.length)
      return problem('syntax', at, 'operations follow the fields, one space before each');
    const start = at + 1;
    const semi = text.indexOf(';', start);
    if (semi < 0) return problem('operation', start, 'an operation ends with ";"');
    const body = text.slice(start, semi);
    const space = body.indexOf(' ');
    const opcode = space < 0 ? body : body.slice(0, space);
    const operand = space < 0 ? '' : body.slice(space + 1);
    if (!/^[a-z][a-z0-9_-]{0,15}$/.test(opcode))
      return problem('operation', start, `${JSON.stringify(opcode)} is not an opcode`);
    if (
      space >= 0 &&
      (operand === '' || operand !== operand.trim() || /\s\s/.test(operand) || /[^\x20-\x7e]/.test(operand))
    )
      return problem('operation', start + space + 1, 'an operand is printable text, single spaces inside');
    if (operations.length === CGP_MAX_OPERATIONS)
      return problem('operation', start, `more than ${CGP_MAX_OPERATIONS} operations`);
    operations.push({ opcode, operand });
    starts.push(start);
    at = semi + 1;
  }
  let config: GameConfig;
  if (options.config !== undefined) config = options.config;
  else {
    const chosen = configFor(operations);
    if (!chosen.ok) return problem('config', rest, chosen.error);
    config = chosen.value;
  }
  const alphabet = config.alphabet;
  const { rows, cols } = config.layout;
  // The board.
  const cells = new Uint8Array(rows * cols);
  const rowTexts = boardField.text.split('/');
  if (rowTexts.length !== rows)
    return problem('board', boardField.at, `the board has ${rowTexts.length} rows, the layout ${rows}`);
  let offset = boardField.at;
  for (let r = 0; r < rows; r++) {
    const row = rowTexts[r] as string;
    let c = 0;
    for (let k = 0; k < row.length;) {
      const at = offset + k;
      const digits = /^[0-9]+/.exec(row.slice(k));
      if (digits !== null) {
        const n = Number(digits[0]);
        if (digits[0].startsWith('0'))
          return problem('board', at, 'a run of empty squares is a number from 1, no leading zero');
        c += n;
        k += digits[0].length;
      } else {
        const t = readToken(row, k, alphabet);
        if (t.kind !== 'tile' || (t.value & 0x3f) === 0)
          return problem(
            'board',
            at,
            `${JSON.stringify(row.slice(k, k + 4))} is not a tile of alphabet ${alphabet.spec.name}`,
          );
        if (c < cols) cells[r * cols + c] = t.value;
        c++;
        k = t.end;
      }
      if (c > cols) return problem('board', at, `row ${r + 1} is longer than ${cols} squares`);
    }
    if (c !== cols) return problem('board', offset, `row ${r + 1} has ${c} squares, the layout ${cols}`);
    offset += row.length + 1;
  }
  const board = Board.fromCells(rows, cols, cells);
  if (!board.ok) return problem('board', boardField.at, board.error.cause ?? 'not a board');
  // Racks and scores.
  const rackTexts = rackField.text.split('/');
  if (rackTexts.length < 2 || rackTexts.length > CGP_MAX_PLAYERS)
    return problem('rack', rackField.at, `a rack for each of 2 to ${CGP_MAX_PLAYERS} players, one / apart`);
  const racks: Tile[][] = [];
  offset = rackField.at;
  for (const rackText of rackTexts) {
    const rack: Tile[] = [];
    for (let k = 0; k < rackText.length;) {
      const t = readToken(rackText, k, alphabet);
      if (t.kind !== 'tile' || ((t.value & BLANK) !== 0 && t.value !== BLANK))
        return problem(
          'rack',
          offset + k,
          `${JSON.stringify(rackText.slice(k, k + 4))} is not a tile (upper case, ? a blank)`,
        );
      rack.push(t.value);
      k = t.end;
    }
    if (rack.length > config.handSize)
      return problem('rack', offset, `a rack of ${rack.length} tiles; a hand holds ${config.handSize}`);
    racks.push(rack);
    offset += rackText.length + 1;
  }
  const scoreTexts = scoreField.text.split('/');
  if (scoreTexts.length !== racks.length)
    return problem('score', scoreField.at, `${scoreTexts.length} scores for ${racks.length} racks`);
  const scores: number[] = [];
  offset = scoreField.at;
  for (const s of scoreTexts) {
    if (!/^-?(0|[1-9][0-9]{0,5})$/.test(s) || Math.abs(Number(s)) > MAX_SCORE || s === '-0')
      return problem(
        'score',
        offset,
        `${JSON.stringify(s.slice(0, 12))} is not a score (a whole number, at most ${MAX_SCORE})`,
      );
    scores.push(Number(s));
    offset += s.length + 1;
  }
  if (!/^(0|[1-9][0-9]{0,2})$/.test(turnField.text))
    return problem('turns', turnField.at, 'scoreless turns are a whole number under 1,000');
  for (const [k, op] of operations.entries()) {
    const bad = operandProblem(op, racks.length);
    if (bad !== undefined) return problem('operation', starts[k] as number, bad);
  }
  // No more tiles of a kind than the letterset has (blanks on the board count as blanks).
  const used = new Int32Array(65);
  const use = (tile: number) => {
    const k = (tile & BLANK) !== 0 ? 64 : tile;
    used[k] = (used[k] as number) + 1;
  };
  for (let s = 0; s < cells.length; s++) if (cells[s] !== 0) use(cells[s] as number);
  for (const rack of racks) for (const t of rack) use(t);
  if ((used[64] as number) > config.letters.blanks)
    return problem('tiles', rackField.at, `${used[64]} blanks; the letterset has ${config.letters.blanks}`);
  for (let g = 1; g < 64; g++) {
    if ((used[g] as number) > (config.letters.counts[g] ?? 0))
      return problem(
        'tiles',
        boardField.at,
        `${used[g]} ${alphabet.glyph(g)} tiles; the letterset has ${config.letters.counts[g] ?? 0}`,
      );
  }
  return ok({
    position: Object.freeze({
      board: board.value,
      racks: Object.freeze(racks.map((r) => Object.freeze(r))),
      scores: Object.freeze(scores),
      scorelessTurns: Number(turnField.text),
      operations: Object.freeze(operations.map((o) => Object.freeze(o))),
    }),
    config,
  });
}

/** Writes a position as CGP in `config` (whose alphabet spells its tiles): the canonical text {@link parseCgp} reads back. */
export function formatCgp(position: CgpPosition, config: GameConfig): string {
  const { board } = position;
  const alphabet = config.alphabet;
  const rows: string[] = [];
  for (let r = 0; r < board.rows; r++) {
    // Runs of tiles (joined so that they read back the same) and numbers of empty squares.
    let row = '';
    let tiles: string[] = [];
    let empty = 0;
    for (let c = 0; c <= board.cols; c++) {
      const v = c < board.cols ? board.cell(r * board.cols + c) : 0;
      if (v !== 0) {
        if (empty > 0) row += String(empty);
        empty = 0;
        tiles.push(tileText(v, alphabet));
        continue;
      }
      if (tiles.length > 0) row += formatRun(tiles, alphabet);
      tiles = [];
      if (c < board.cols) empty++;
    }
    if (empty > 0) row += String(empty);
    rows.push(row);
  }
  const racks = position.racks.map((rack) =>
    formatRun(
      rack.map((t) => tileText(t, alphabet)),
      alphabet,
    ),
  );
  const operations = position.operations.map((o) =>
    o.operand === '' ? ` ${o.opcode};` : ` ${o.opcode} ${o.operand};`,
  );
  return `${rows.join('/')} ${racks.join('/')} ${position.scores.join('/')} ${position.scorelessTurns}${operations.join('')}`;
}

/** The operand of a position's first operation with `opcode` (`lex`, `lm`, `cr`…), or undefined. */
export function cgpOperand(position: CgpPosition, opcode: string): string | undefined {
  return position.operations.find((o) => o.opcode === opcode)?.operand;
}
