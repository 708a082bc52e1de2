// Every turn of a game record judged by the engine: the move played against the best by static
// equity (and, deeper, by simulation and exact endgames), with a verdict a turn.
import {
  GameAnalyzer,
  analysisReport,
  exportSelfPlay,
  leavePlayer,
  parseGcg,
  presetConfig,
  selfPlay,
  staticPlayer,
} from 'wordgame-engine';
import { loadDefaultDictionary, loadDefaultLeaves } from 'wordgame-engine/node';

const config = presetConfig('en');
const dictionary = loadDefaultDictionary();
const leaves = loadDefaultLeaves();
if (!config.ok || !dictionary.ok || !leaves.ok) throw new Error('no English configuration, dictionary or leaves');

// A record to analyse: here a game of the learned-leaves player against the highest-score player.
const game = selfPlay(config.value, dictionary.value, [leavePlayer(config.value, leaves.value), staticPlayer], 4);
if (!game.ok) throw new Error(game.error.message);
const record = parseGcg(exportSelfPlay(game.value, ['Lea', 'Stan'], config.value));
if (!record.ok) throw new Error(record.error.message);

const analyzer = GameAnalyzer.create(config.value, dictionary.value, { depth: 'static', leaves: leaves.value });
if (!analyzer.ok) throw new Error(analyzer.error.message);
const analysis = analyzer.value.analyze(record.value);
if (!analysis.ok) throw new Error(analysis.error.message);

const worst = [...analysis.value.turns].sort((a, b) => b.winLoss - a.winLoss)[0];
if (worst !== undefined) console.log(worst.turn, worst.played.move, worst.best.move, worst.verdict); // → 14 2K FEEL 2K FUEL inaccuracy
for (const p of analysis.value.players) console.log(p.name, p.turns, (100 * p.accuracy).toFixed(0) + ' %'); // → Lea 12 100 %
// → Stan 12 92 %
const html = analysisReport(analysis.value, config.value, 'Lea vs Stan'); // one standalone page
console.log(html.startsWith('<!doctype html>')); // → true
