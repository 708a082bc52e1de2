import { describe, expect, it } from 'vitest';
import {
  leavePlayer,
  staticPlayer,
  selfPlay,
  presetConfig,
  exportSelfPlay,
  GCG_MAX_LENGTH,
  decodeGcg,
  parseGcg,
  replayGcg,
} from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { unwrap } from './helpers.js';

const EN = unwrap(presetConfig('en'));
const DICT = unwrap(loadDefaultDictionary());

const OPENING = `#character-encoding UTF-8
#player1 doug Doug Example
#player2 emely Emely Example
#lexicon NWL20
>doug: DINNVWY 8D WINDY +32 32
#note a note
that goes on
>emely: ADEEGIL 7C GALE +16 16
>doug: AEJNOSV E3 JAVE..N +34 66
>doug: ADENOST (challenge) +5 71
>emely: DEILOVX F2 VOX +39 55
>doug: ADENOST 10B DONATES +82 153
>emely: DEIILTZ 4B TIL.. +24 79
>emely: DEIILTZ --  -24 55
>doug: AAEINRU 9G EAU +16 169
>emely: DEIILTZ -  +0 55
>doug: AAINRT? -AAI +0 169
>emely: DEIILTZ 4D Z.. +38 93   ZA, ZE
`;

describe('GCG records', () => {
  it('replays a hand-written record with a challenge bonus, a withdrawn phony, a pass and an exchange', () => {
    const rec = unwrap(parseGcg(OPENING + '>doug:  (DEIILT) +14 183\n'));
    expect(rec.players.map((p) => p.nick)).toEqual(['doug', 'emely']);
    expect(rec.lexicon).toBe('NWL20');
    expect(rec.events.map((e) => e.kind)).toEqual([
      'play',
      'play',
      'play',
      'challenge-bonus',
      'play',
      'play',
      'play',
      'withdrawn',
      'play',
      'pass',
      'exchange',
      'play',
      'end-points',
    ]);
    const r = unwrap(replayGcg(rec));
    // Every move checks; the record is cut short, so its end-of-game line comes too early.
    expect(r.findings).toEqual([{ line: 19, problem: 'end-event-before-game-end', message: 'no player has gone out' }]);
    expect(r.totals).toEqual([183, 93]);
    expect(r.ended).toBe(null);
  });

  it('replays complete games in both end-of-game conventions (2x points; 1x points and a rack penalty), and a time penalty, with CRLF lines', () => {
    const game = unwrap(selfPlay(EN, DICT, [staticPlayer, leavePlayer(EN)], 4));
    expect(game.final.endReason).toBe('out');
    const international = exportSelfPlay(game, ['static', 'leave'], EN);
    const lines = international.trimEnd().split('\n');
    const points = /^>(\w+): \((\S+)\) \+(\d+) (-?\d+)$/.exec(lines[lines.length - 2] as string);
    if (points === null) throw new Error('expected a points line then a penalty line');
    const [, nick, rack, value, total] = points;
    const before = Number(total) - Number(value);
    // The North American convention: 2x the racks left, no penalty line.
    const american = [
      ...lines.slice(0, -2),
      `>${nick}:  (${rack}) +${2 * Number(value)} ${before + 2 * Number(value)}`,
    ].join('\n');
    for (const text of [
      international,
      american,
      international.trimEnd() + `\n>${nick}:  (time) -10 ${Number(total) - 10}\n`,
    ]) {
      const r = unwrap(replayGcg(unwrap(parseGcg(text.replace(/\n/g, '\r\n'))), DICT));
      expect(r.findings).toEqual([]);
      expect(r.ended).toBe('out');
    }
    // The racks left must be exactly the unseen tiles.
    const wrong = unwrap(replayGcg(unwrap(parseGcg(american.replace(`(${rack})`, `(${rack}E)`)))));
    expect(wrong.findings.map((f) => f.problem)).toContain('end-rack-mismatch');
  });

  it('reports a misrecorded score once, and a total only where the arithmetic breaks', () => {
    const r = unwrap(replayGcg(unwrap(parseGcg(OPENING.replace('F2 VOX +39 55', 'F2 VOX +40 56')))));
    expect(r.findings).toEqual([
      { line: 11, problem: 'score', message: 'F2 VOX scores 39', recorded: 40, computed: 39 },
      // The next total still counts from 55: from the 56 recorded it is off by one.
      { line: 13, problem: 'total', message: '56 + 24 is 80', recorded: 79, computed: 80 },
    ]);
  });

  it('flags words outside the dictionary unless permissive', () => {
    const rec = unwrap(parseGcg('#player1 a a\n#player2 b b\n>a: QZXJKVW 8G QZX +56 56\n'));
    expect(unwrap(replayGcg(rec)).findings).toEqual([]);
    expect(unwrap(replayGcg(rec, DICT)).findings[0]).toMatchObject({ problem: 'phony', line: 3 });
  });

  it('tells a phony challenged off (a note) from a phony that stayed (a problem)', () => {
    const withdrawn = unwrap(
      parseGcg(
        '#player1 a Ann\n#player2 b Bob\n>a: AEINRST 8G AEI +6 6\n>a: AEINRST -- -6 0\n>b: ACDGOST 8F DOG +10 10\n',
      ),
    );
    const r = unwrap(replayGcg(withdrawn, DICT));
    expect(r.findings).toEqual([]);
    expect(r.notes).toEqual([expect.objectContaining({ line: 3, problem: 'phony-withdrawn' })]);
    const stayed = unwrap(parseGcg('#player1 a Ann\n#player2 b Bob\n>a: AEINRST 8G AEI +6 6\n'));
    const s = unwrap(replayGcg(stayed, DICT));
    expect([s.findings.map((f) => f.problem), s.notes]).toEqual([['phony'], []]);
  });

  it('rejects text that is no record', () => {
    expect(parseGcg('hello').ok).toBe(false);
    expect(parseGcg('#player1 a a\n>b: X 8H XX +1 1').ok).toBe(false);
    const e = parseGcg('#player1 a a\n#player2 b b\n>c: X 8H XX +1 1');
    expect(e.ok ? undefined : e.error).toMatchObject({
      code: 90402,
      name: 'BAD_RECORD',
      param: 3,
      detail: { problem: 'unknown-player', line: 3 },
    });
    expect(decodeGcg(new Uint8Array([0x23, 0x70, 0xe9]))).toBe('#pé');
    expect(decodeGcg(new TextEncoder().encode('#p é'))).toBe('#p é');
  });

  it('round-trips self-play games: export, import, replay with every score matching', () => {
    for (const seed of [1, 2, 3]) {
      const game = unwrap(selfPlay(EN, DICT, [staticPlayer, leavePlayer(EN)], seed));
      const final = game.final;
      const text = exportSelfPlay(game, ['static', 'leave'], EN);
      const r = unwrap(replayGcg(unwrap(parseGcg(text)), DICT));
      expect(r.findings).toEqual([]);
      expect(r.totals).toEqual([...final.tiles.scores]);
      expect(r.board.equals(final.tiles.board)).toBe(true);
    }
  });

  it('checks racks: tiles played and exchanged are on the rack, racks come from the unseen tiles, final racks are what is left', () => {
    const head = '#player1 a a\n#player2 b b\n';
    const findings = (body: string) =>
      unwrap(replayGcg(unwrap(parseGcg(head + body)))).findings.map((f) => [f.line, f.problem]);
    expect(findings('>a: DINNVWY 8D WINDY +32 32\n')).toEqual([]);
    expect(findings('>a: DINNVWX 8D WINDY +32 32\n')).toEqual([[3, 'tile-not-on-rack']]);
    expect(findings('>a: ZZZZZZZ 8D WINDY +32 32\n')).toEqual([
      [3, 'rack-not-in-bag'],
      [3, 'tile-not-on-rack'],
    ]);
    expect(findings('>a: AEIOUST -AX +0 0\n')).toEqual([[3, 'exchange-not-on-rack']]);
    expect(findings('>a: AEIOUSTT -A +0 0\n')).toEqual([[3, 'rack-too-large']]);
    expect(findings('>b: AEIOUST -A +0 0\n')).toEqual([[3, 'event-off-turn']]);
    expect(findings('>a: AEIOUST - +0 0\n>a: AEIOUST - +0 0\n')).toEqual([[4, 'event-off-turn']]);
    expect(findings('>a: AEIOUST - +0 0\n>b: (A) +2 2\n')).toEqual([[4, 'end-event-before-game-end']]);
    expect(findings('>a:  (time) -10 -10\n')).toEqual([[3, 'end-event-before-game-end']]);
    expect(findings('>a: AEIOUST -- -0 0\n')).toEqual([[3, 'phony-without-play']]);
    expect(findings('>a: DINNVWY 8D WINDY +32 32\n>b: AEIOUST -- -32 -32\n')).toEqual([
      [4, 'phony-wrong-player'],
      [4, 'phony-tiles-mismatch'],
    ]);
    expect(findings('>a: DINNVWY 8D WINDY +32 32\n>b: AEIOUST (challenge) +5 5\n')).toEqual([
      [4, 'challenge-bonus-wrong-player'],
    ]);
    expect(findings('>a: DINNVWY 8D WINDY +32 32\n>a: DINNVWY -- -32 0\n>b: AEIOUST - +0 0\n')).toEqual([]);
  });

  it('refuses records over the size limit at once, and reads large ones fast', () => {
    expect(GCG_MAX_LENGTH).toBe(1_000_000);
    const huge = '#note ' + 'x'.repeat(10_000_000);
    const r = parseGcg(huge);
    expect(r.ok ? undefined : r.error.detail).toEqual({ problem: 'too-large', line: 0 });
    expect(parseGcg('#player1 a a\n#player2 b b\n', { maxLength: 10 }).ok).toBe(false);
    // A record of 1 MB, one long line: read (and refused for its line) without any quadratic step.
    const oneLine = parseGcg('#player1 a a\n#player2 b b\n>a: ' + 'A'.repeat(999_000));
    expect(oneLine.ok).toBe(false);
  });
});
