import { readFileSync } from 'node:fs';
import { decodeGcg, parseGcg, replayGcg } from './src/records/gcg.js';
for (const f of ['scrabscrap_scrabble-scraper-v2_hh19-inessa-stefan.gcg', 'scrabscrap_scrabble-scraper-v2_nu19_stefan-hanns.gcg', 'scrabscrap_scrabble-scraper-v2_nu19_johannes-stefan.gcg']) {
  const r = parseGcg(decodeGcg(readFileSync('../shared/data/gcg/other/' + f))); if (!r.ok) { console.log(f, r.error); continue; }
  console.log(f, r.value.config, r.value.alternatives);
  for (const c of ['de']) { const x = replayGcg({ ...r.value, config: c, alternatives: [] }); if (x.ok) console.log(c, x.value.mismatches.length, x.value.mismatches.slice(0, 3)); }
}
