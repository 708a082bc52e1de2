// Validate and score moves on a board given as text, with the embedded English dictionary.
import { presetConfig, parseBoard, handFromLetters, validateMove } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

// Everything that can fail returns { ok: true, value } | { ok: false, error }.
const dictionary = loadDefaultDictionary();
const preset = presetConfig('en');
if (!dictionary.ok || !preset.ok) throw new Error('cannot load the defaults');
const config = preset.value;

// 15 rows of 15 squares, '.' empty: CAT across the centre (row 7, columns 7-9, 0-based).
const rows = Array.from({ length: 15 }, () => '.'.repeat(15));
rows[7] = '.......CAT.....';
const board = parseBoard(rows.join('\n'), config.alphabet);
const hand = handFromLetters('SHOE?RT', config); // '?' is a blank
if (!board.ok || !hand.ok) throw new Error('bad example');
const ctx = { board: board.value, hand: hand.value, config, dictionary: dictionary.value };

// A move is untrusted JSON: one entry per new tile, 0-based squares.
const cats = validateMove({ tiles: [{ row: 7, col: 10, glyph: 'S' }] }, ctx);
if (cats.ok) console.log(cats.value.words.map((w) => `${w.word} ${w.score}`).join(', ')); // → CATS 6

// HOST down through the T, with a blank standing for the O.
const tiles = [...'HOS'].map((glyph, i) => ({ row: 4 + i, col: 9, glyph, blank: glyph === 'O' }));
const host = validateMove({ tiles }, ctx);
if (host.ok) console.log(host.value.score); // → 6

// Errors are values with the catalogue's code and parameter.
const bad = validateMove({ tiles: [{ row: 7, col: 10, glyph: 'Z' }] }, ctx);
if (!bad.ok) console.log(bad.error.code, bad.error.name, bad.error.param); // → 60102 ILLEGAL_GLYPH Z
