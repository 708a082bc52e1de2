// Find the best plays for a hand: the GADDAG move generator over the embedded dictionary.
import { presetConfig, handFromLetters, MoveGenerator, bestPlay, topPlays, heuristicLeaves } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
const preset = presetConfig('en');
if (!dictionary.ok || !preset.ok) throw new Error('cannot load the defaults');
const config = preset.value;

// A generator keeps its board (empty unless given) and cross-checks; setBoard or applyPlacements move it on.
const generator = MoveGenerator.create(config, dictionary.value);
const hand = handFromLetters('WIZARDS', config);
if (!generator.ok || !hand.ok) throw new Error('bad example');

const best = bestPlay(generator.value, hand.value); // the highest score, ties broken by a documented order
console.log(best?.notation, best?.score); // → 8B WIZARDS 110

for (const play of topPlays(generator.value, hand.value, 3)) console.log(play.notation, play.score);
// → 8B WIZARDS 110
// → H2 WIZARDS 110
// → 8D WIZARDS 98

// Ranked by equity: the score plus the value of the tiles kept (here the built-in heuristic).
const other = handFromLetters('AEINST?', config);
if (!other.ok) throw new Error('bad example');
const byEquity = bestPlay(generator.value, other.value, { leaves: heuristicLeaves(config) });
console.log(byEquity?.notation, byEquity?.score, byEquity?.equity); // → 8B ANESTrI 64 64
