// Game records (GCG): parse, replay with every score and rack checked, export.
import { parseGcg, replayGcg } from 'wordgame-engine';

const record = [
  '#character-encoding UTF-8',
  '#tile-distribution english', // without it, every letterset is tried and the closest replay wins
  '#player1 ann Ann',
  '#player2 bob Bob',
  '>ann: AEINRST 8D RETAINS +66 66',
  '>bob: EFHIKLO J6 OH. +9 9', // OHS down onto the S of RETAINS: worth 8, recorded 9
].join('\n');

const parsed = parseGcg(record); // size-capped (1 MB by default); problems come with their line
if (!parsed.ok) throw new Error(parsed.error.message);
const replay = replayGcg(parsed.value); // the permissive dictionary by default: any lexicon's records
if (!replay.ok) throw new Error(replay.error.message);
for (const f of replay.value.findings) console.log(f.line, f.problem, f.recorded, f.computed); // → 6 score 9 8
console.log(replay.value.totals.join(' ')); // → 66 8
