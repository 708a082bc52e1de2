import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ALPHABETS, Board, presetConfig, BLANK, MoveGenerator, bestPlay, makeHand } from 'wordgame-engine';
import { mustBuild, unwrap } from './helpers.js';

const DATA = '../shared/data/movegen';
const present =
  existsSync(`${DATA}/positions.jsonl.gz`) &&
  existsSync(`${DATA}/magpie-plays.jsonl`) &&
  existsSync('../shared/data/enable1.txt');
if (!present)
  console.log('skipping the MAGPIE agreement test: ../shared/data (positions, MAGPIE plays, ENABLE) is not here');

interface Position {
  readonly id: string;
  readonly rack: string;
  readonly cells: number[];
}

describe.skipIf(!present)("MAGPIE's plays on 2,263 real positions (ENABLE, words up to 15 letters)", () => {
  it('lists exactly the same plays and scores (SHA-1 of the sorted list) and the same best score everywhere', () => {
    const words = readFileSync('../shared/data/enable1.txt', 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => w.length > 0 && w.length <= 15);
    const dict = mustBuild(words, ALPHABETS.en, true);
    const config = unwrap(presetConfig('en'));
    const positions = gunzipSync(readFileSync(`${DATA}/positions.jsonl.gz`))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Position);
    const expected = new Map(
      readFileSync(`${DATA}/magpie-plays.jsonl`, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; plays: number; best: number; sha1: string })
        .map((e) => [e.id, e]),
    );
    const gen = unwrap(MoveGenerator.create(config, dict));
    let checked = 0;
    for (const p of positions) {
      const want = expected.get(p.id);
      if (want === undefined) continue;
      gen.setBoard(unwrap(Board.fromCells(15, 15, p.cells)));
      const hand = makeHand([...p.rack].map((ch) => (ch === '?' ? BLANK : ALPHABETS.en.code(ch))));
      const lines: string[] = [];
      gen.generate(hand, (play) => {
        const items: string[] = [];
        for (let i = 0; i < play.tileCount; i++) items.push(`${play.square(i)}:${play.tile(i)}`);
        lines.push(`${items.sort().join(',')}=${play.score}`);
      });
      lines.sort();
      const digest = createHash('sha1').update(lines.join('\n')).digest('hex');
      const best = bestPlay(gen, hand);
      expect({ id: p.id, plays: lines.length, best: best?.score ?? 0, sha1: digest }).toEqual({
        id: p.id,
        plays: want.plays,
        best: want.best,
        sha1: want.sha1,
      });
      checked++;
    }
    expect(checked).toBe(2263);
  });
});
