// Positions as other engines and Woogles write them (CGP), and moves as engines exchange them.
import { parseCgp, formatCgp, MoveGenerator, bestPlay, formatMoveString, parseMoveString } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);

// The board's rows (a number is a run of empty squares, lower case a blank), the racks from the
// player to move, the scores, the scoreless turns, then operations.
const cgp = '15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0 lex NWL20;';
const read = parseCgp(cgp); // the configuration from the operations (here English), or the caller's
if (!read.ok) throw new Error(read.error.message);
const { position, config } = read.value;
console.log(position.scores.join(' to '), position.racks[0]?.length); // → 40 to 28 7
console.log(formatCgp(position, config) === cgp); // → true

// The best play of the player to move, as a move string ('8H WORD' across, 'H8 WORD' down).
const generator = MoveGenerator.create(config, dictionary.value, position.board);
if (!generator.ok) throw new Error(generator.error.message);
const best = bestPlay(generator.value, position.racks[0] ?? []);
if (best === undefined) throw new Error('no play');
const move = formatMoveString({ kind: 'play', placements: best.placements }, position.board, config.alphabet);
if (move.ok) console.log(move.value, best.score); // → L2 ANTSIER 82
console.log(parseMoveString('ex AEI', position.board, config.alphabet).ok); // → true

// A fault is an error value with the reason and where it is.
const bad = parseCgp('15/15 AB/ 0/0 0');
if (!bad.ok) console.log(bad.error.code, JSON.stringify(bad.error.detail)); // → 90400 {"reason":"board","at":0}
