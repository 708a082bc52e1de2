/**
 * Game records: real GCG records (the corpus in ../shared/data/gcg when present, and self-play
 * exports always) mutated line by line and character by character (lines deleted, duplicated,
 * swapped; numbers nudged; tokens inserted; characters flipped; lines stretched). Oracles: no
 * throw and no call over the bound for parseGcg and replayGcg; an accepted record's replay
 * reports every problem with a known problem kind and a line of the record.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  leavePlayer,
  staticPlayer,
  selfPlay,
  presetConfig,
  exportSelfPlay,
  GCG_PROBLEMS,
  decodeGcg,
  parseGcg,
  replayGcg,
} from 'wordgame-engine';
import { sharedTable } from './games.js';
import { Rng, fail, report, timed, type FuzzReport } from './harness.js';

/** Options of {@link fuzzRecords}. */
export interface RecordFuzzOptions {
  readonly records: number;
  readonly seed: number;
  /** A folder of .gcg files to mutate too (default: ../shared/data/gcg when present). */
  readonly corpus?: string;
  readonly onProgress?: (done: number) => void;
}

/** Records to mutate: self-play exports, and every .gcg file of the corpus folder. */
export function recordCorpus(folder: string | undefined): string[] {
  const t = sharedTable();
  const en = presetConfig('en');
  if (!en.ok) throw new Error('en');
  const out: string[] = [];
  for (let seed = 1; seed <= 6; seed++) {
    const g = selfPlay(en.value, t.dictionary, [staticPlayer, leavePlayer(en.value)], seed);
    if (g.ok) out.push(exportSelfPlay(g.value, ['static', 'leave'], en.value));
  }
  const dir = folder ?? '../shared/data/gcg';
  if (existsSync(dir)) {
    for (const sub of ['', 'misrecorded', 'other', 'fixtures']) {
      const d = join(dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) if (f.endsWith('.gcg')) out.push(decodeGcg(readFileSync(join(d, f))));
    }
  }
  return out;
}

const TOKENS = [
  '(challenge)',
  '(time)',
  '--',
  '-',
  '-7',
  '+0',
  '-0',
  '+999999',
  '0',
  '-2147483648',
  '8H',
  'H8',
  'Z99',
  'A1',
  '.',
  '?',
  'ÉTÉ',
  '#note',
  '#rack1 AEIOUST',
  '#player3 x y',
  '#character-encoding UTF-8',
  'QQQQQQQ',
  '(AEIOUST)',
  '\t',
  '>',
  ':',
];

function mutate(text: string, rng: Rng): { text: string; what: string } {
  const lines = text.split('\n');
  const i = rng.int(lines.length);
  const line = lines[i] ?? '';
  switch (rng.int(9)) {
    case 0:
      lines.splice(i, 1);
      return { text: lines.join('\n'), what: `line ${i + 1} deleted` };
    case 1:
      lines.splice(i, 0, line);
      return { text: lines.join('\n'), what: `line ${i + 1} doubled` };
    case 2: {
      const j = rng.int(lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', line];
      return { text: lines.join('\n'), what: `lines ${i + 1} and ${j + 1} swapped` };
    }
    case 3:
      lines[i] = line.replace(/-?\d+/g, (m) =>
        rng.chance(0.4) ? String(Number(m) + rng.pick([-1, 1, 10, -100, 1e6])) : m,
      );
      return { text: lines.join('\n'), what: `numbers of line ${i + 1} nudged` };
    case 4: {
      const parts = line.split(' ');
      parts.splice(rng.int(parts.length + 1), 0, rng.pick(TOKENS));
      lines[i] = parts.join(' ');
      return { text: lines.join('\n'), what: `a token inserted in line ${i + 1}` };
    }
    case 5: {
      const at = rng.int(line.length + 1);
      lines[i] =
        line.slice(0, at) +
        String.fromCharCode(rng.chance(0.7) ? 32 + rng.int(95) : rng.int(0x3000)) +
        line.slice(at + 1);
      return { text: lines.join('\n'), what: `a character of line ${i + 1} changed` };
    }
    case 6:
      lines[i] = line + ' ' + 'A'.repeat(rng.pick([10, 1000, 100_000]));
      return { text: lines.join('\n'), what: `line ${i + 1} stretched` };
    case 7: {
      // Repeat the events: a record of many events.
      const events = lines.filter((l) => l.startsWith('>'));
      const copies = rng.pick([2, 10, 200]);
      return {
        text: [...lines, ...Array.from({ length: copies }, () => events).flat()].join('\n'),
        what: `events repeated ${copies} times`,
      };
    }
    default:
      return {
        text: rng.chance(0.5) ? lines.slice(0, i).join('\n') : lines.join(rng.pick(['\r\n', '\r', '\n\n'])),
        what: rng.chance(0.5) ? `cut at line ${i + 1}` : 'line ends changed',
      };
  }
}

/** Runs the record suite. */
export function fuzzRecords(options: RecordFuzzOptions): FuzzReport {
  const r = report('mutated game records');
  const started = performance.now();
  const rng = new Rng(options.seed);
  const corpus = recordCorpus(options.corpus);
  const t = sharedTable();
  for (let i = 0; i < options.records; i++) {
    let { text, what } = mutate(rng.pick(corpus), rng);
    if (rng.chance(0.3)) {
      const again = mutate(text, rng);
      text = again.text;
      what += `, ${again.what}`;
    }
    r.cases++;
    const parsed = timed(
      r,
      () => `parse after ${what}`,
      () => parseGcg(text),
    );
    if (parsed === undefined || !parsed.ok) continue;
    r.accepted++;
    const dictionary = rng.chance(0.2) ? t.dictionary : undefined;
    const replay = timed(
      r,
      () => `replay after ${what}`,
      () => replayGcg(parsed.value, dictionary),
    );
    if (replay === undefined || !replay.ok) continue;
    const lines = text.split('\n').length;
    for (const f of replay.value.findings) {
      if (
        !Object.prototype.hasOwnProperty.call(GCG_PROBLEMS, f.problem) ||
        !Number.isInteger(f.line) ||
        f.line < 1 ||
        f.line > lines
      ) {
        fail(r, 'inconsistent', `replay after ${what}: finding ${JSON.stringify(f)}`);
        break;
      }
    }
    if (options.onProgress !== undefined && i % 1000 === 0) options.onProgress(i);
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
