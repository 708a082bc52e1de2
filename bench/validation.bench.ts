/**
 * Validation benchmark (issue 4): moves validated and scored per second on mid-game positions
 * (a real game's boards, each with its real next play and invalid variants of it), side by side
 * with the bare dictionary lookups of the words those moves form (the floor) and with a naive
 * string-based validator over a Set; and reading a move string (`parsePlay`, `8H WORD`): the fast
 * path beside the full Unicode path, and validation from the string (issue 29: parsePlay at most
 * 0.35 µs).
 */
import {
  type Board,
  BLANK,
  parsePlay,
  type MoveInput,
  scorePlacements,
  validateMove,
  validatePlacements,
  type Placement,
  PERMISSIVE,
  type Hand,
  makeHand,
} from 'wordgame-engine';
import { parsePlayText, readMove } from 'wordgame-engine/internals';
import { DOUG_EMELY } from '../test/fixtures/games.js';
import { type RefBoard, referenceValidate, refConfigOf } from '../test/reference/crossword.js';
import { embeddedWordList, englishSetup, printTable, runSuite, saveResults } from './common.js';

interface Case {
  placements: readonly Placement[];
  board: Board;
  hand: Hand;
  handText: string[];
  move: MoveInput;
  refBoard: RefBoard;
  words: Uint8Array[];
}

export async function validationBench(): Promise<void> {
  const { config, dict } = englishSetup();
  const alphabet = config.alphabet;
  const cases: Case[] = [];
  let board = (await import('wordgame-engine')).Board.empty(15, 15);
  for (const [rack, play] of DOUG_EMELY) {
    const p = parsePlay(play, board, alphabet);
    if (!p.ok) throw new Error(play);
    const base = p.value.placements;
    const variants: (readonly { square: number; tile: number }[])[] = [
      base,
      base.map((x) => ({ square: x.square + 1, tile: x.tile })),
      base.map((x) => ({ square: x.square + 15, tile: x.tile })),
      base.map((x, i) => (i === 0 ? { square: x.square, tile: alphabet.code('Q') } : x)),
      base.map((x, i) => (i === base.length - 1 ? { square: x.square, tile: alphabet.code('X') } : x)),
      base.slice(1),
    ];
    for (const v of variants) {
      if (v.length === 0 || v.some((x) => x.square >= 225)) continue;
      const handTiles = v.map((x) => ((x.tile & BLANK) !== 0 ? BLANK : x.tile));
      const move: MoveInput = {
        tiles: v.map((x) => ({
          row: Math.floor(x.square / 15),
          col: x.square % 15,
          glyph: alphabet.glyph(x.tile & 0x3f),
          ...((x.tile & BLANK) !== 0 ? { blank: true } : {}),
        })),
      };
      const hand = makeHand(handTiles);
      const formed = validateMove(move, { board, hand, config, dictionary: PERMISSIVE });
      const words = formed.ok
        ? formed.value.words.map((w) => (alphabet.encode(w.word) as { value: Uint8Array }).value)
        : [];
      const refBoard: RefBoard = Array.from({ length: 15 }, (_, r) =>
        Array.from({ length: 15 }, (_, c) => {
          const cell = board.at(r, c);
          if (cell === 0) return '';
          const g = alphabet.glyph(cell & 0x3f);
          return (cell & BLANK) !== 0 ? g.toLowerCase() : g;
        }),
      );
      const placements = readMove(move, { board, hand, config, dictionary: PERMISSIVE });
      if (!placements.ok) throw new Error('variant');
      cases.push({
        placements: placements.value,
        board,
        hand,
        handText: handTiles.map((t) => (t === BLANK ? '?' : alphabet.glyph(t))),
        move,
        refBoard,
        words,
      });
    }
    board = board.withTiles(base);
    void rack;
  }
  const valid = cases.filter(
    (c) => validateMove(c.move, { board: c.board, hand: c.hand, config, dictionary: dict }).ok,
  ).length;
  const set = new Set(embeddedWordList().map((w) => w.toUpperCase()));
  const refConfig = refConfigOf(config);
  // The naive validator must agree before it is timed.
  for (const c of cases) {
    const a = validateMove(c.move, { board: c.board, hand: c.hand, config, dictionary: dict });
    const b = referenceValidate(
      c.refBoard,
      c.handText,
      c.move.tiles.map((t) => ({ ...t, blank: t.blank === true })),
      refConfig,
      set,
    );
    if (a.ok !== b.ok || (a.ok && b.ok && a.value.score !== b.score)) throw new Error('the naive validator disagrees');
  }
  const n = cases.length;
  const timings = await runSuite(
    `crossword validation (${n} moves on ${DOUG_EMELY.length} positions, ${valid} valid)`,
    [
      {
        name: 'floor: word lookups only',
        units: n,
        fn: () => {
          let k = 0;
          for (const c of cases) for (const w of c.words) if (dict.hasCodes(w)) k++;
          return k;
        },
      },
      {
        name: 'validateMove + scoring',
        units: n,
        fn: () => {
          let k = 0;
          for (const c of cases)
            if (validateMove(c.move, { board: c.board, hand: c.hand, config, dictionary: dict }).ok) k++;
          return k;
        },
      },
      {
        name: 'scorePlacements (trusted placements, no details)',
        units: n,
        fn: () => {
          let k = 0;
          for (const c of cases)
            if (scorePlacements(c.placements, { board: c.board, hand: c.hand, config, dictionary: dict }) >= 0) k++;
          return k;
        },
      },
      {
        name: 'naive string validator (Set)',
        units: n,
        fn: () => {
          let k = 0;
          for (const c of cases)
            if (
              referenceValidate(
                c.refBoard,
                c.handText,
                c.move.tiles.map((t) => ({ ...t, blank: t.blank === true })),
                refConfig,
                set,
              ).ok
            )
              k++;
          return k;
        },
      },
    ],
  );
  const [floor, ours, light, naive] = timings.map((t) => t.usPerUnit) as [number, number, number, number];

  // Move strings: the record's plays on their boards, read fast and on the full path, and validated.
  const strings: { text: string; board: Board; hand: Hand }[] = [];
  {
    let b = (await import('wordgame-engine')).Board.empty(15, 15);
    for (const [, play] of DOUG_EMELY) {
      const p = parsePlay(play, b, alphabet);
      if (!p.ok) throw new Error(play);
      strings.push({
        text: play,
        board: b,
        hand: makeHand(p.value.placements.map((x) => ((x.tile & BLANK) !== 0 ? BLANK : x.tile))),
      });
      b = b.withTiles(p.value.placements);
    }
  }
  for (const c of strings)
    if (
      JSON.stringify(parsePlay(c.text, c.board, alphabet)) !== JSON.stringify(parsePlayText(c.text, c.board, alphabet))
    )
      throw new Error('the two paths disagree');
  const stringTimings = await runSuite(`move strings (${strings.length} plays of a real game)`, [
    {
      name: 'parsePlay (fast path)',
      units: strings.length,
      fn: () => strings.reduce((k, c) => k + (parsePlay(c.text, c.board, alphabet).ok ? 1 : 0), 0),
    },
    {
      name: 'parsePlay on the full Unicode path',
      units: strings.length,
      fn: () => strings.reduce((k, c) => k + (parsePlayText(c.text, c.board, alphabet).ok ? 1 : 0), 0),
    },
    {
      name: 'validation from the move string',
      units: strings.length,
      fn: () =>
        strings.reduce((k, c) => {
          const p = parsePlay(c.text, c.board, alphabet);
          if (!p.ok) return k;
          return (
            k +
            (validatePlacements(p.value.placements, {
              board: c.board,
              hand: c.hand,
              config,
              dictionary: dict,
            }).ok
              ? 1
              : 0)
          );
        }, 0),
    },
  ]);
  const [fastUs, fullUs, fromString] = stringTimings.map((t) => t.usPerUnit) as [number, number, number];
  printTable(
    'Validation: microseconds per move',
    ['', 'µs/move', 'moves/s', 'vs floor'],
    [
      ['floor: word lookups only', floor, 1e6 / floor, 1],
      ['validateMove (untrusted JSON, full result)', ours, 1e6 / ours, ours / floor],
      ['scorePlacements (trusted, score only)', light, 1e6 / light, light / floor],
      ['naive string validator', naive, 1e6 / naive, naive / floor],
    ],
  );
  printTable(
    'Move strings: microseconds per play',
    ['', 'µs/play', 'plays/s'],
    [
      ['parsePlay, fast path', fastUs, 1e6 / fastUs],
      ['parsePlay, full Unicode path', fullUs, 1e6 / fullUs],
      ['validation from the move string (parsePlay, validatePlacements)', fromString, 1e6 / fromString],
    ],
  );
  console.log(
    `parsePlay: ${fastUs.toFixed(3)} µs (target 0.35), ${(fullUs / fastUs).toFixed(1)}x faster than the full path; validation from the string ${fromString.toFixed(2)} µs`,
  );
  console.log(
    `validateMove is ${(ours / floor).toFixed(1)}x the bare lookups, scorePlacements ${(light / floor).toFixed(1)}x (target: at most 3x); validateMove is ${(naive / ours).toFixed(1)}x faster than the naive validator`,
  );
  saveResults('validation', {
    moves: n,
    valid,
    timings,
    ratioToFloor: ours / floor,
    lightRatioToFloor: light / floor,
    naiveOverOurs: naive / ours,
    moveStrings: stringTimings,
  });
}
