// A match between two engines, as `wordgame match` plays it: mirrored pairs (each deal twice,
// seats swapped), every move checked by the validator, autoplay's statistics.
import { builtinEngine, playMatch, presetConfig } from 'wordgame-engine';
import { loadDefaultDictionary, loadDefaultLeaves } from 'wordgame-engine/node';

const config = presetConfig('en');
const dictionary = loadDefaultDictionary();
const leaves = loadDefaultLeaves();
if (!config.ok || !dictionary.ok || !leaves.ok) throw new Error('no English configuration, dictionary or leaves');

// Built-in players are engines; so is any program speaking the match protocol (externalEngine
// in wordgame-engine/node). Each engine sees only its own rack, as CGP.
const leave = builtinEngine(config.value, dictionary.value, {
  name: 'leave',
  leaves: leaves.value,
  endgameEquity: true,
});
const best = builtinEngine(config.value, dictionary.value, { name: 'static' });
if (!leave.ok || !best.ok) throw new Error('no engine');

const match = await playMatch([leave.value, best.value], {
  config: config.value,
  dictionary: dictionary.value,
  seed: 1,
  pairs: 10,
});
if (!match.ok) throw new Error(match.error.message);
const { games, wins, winRateCI, illegal, voided } = match.value;
console.log(games, wins, winRateCI.map((x) => x.toFixed(2)).join('-')); // → 20 16 0.64-0.96
console.log(illegal.join('/'), voided); // → 0/0 0
