import { describe, expect, it } from 'vitest';
import { leavePlayer, staticPlayer } from '../src/ai/players.js';
import { selfPlay } from '../src/ai/selfplay.js';
import { presetConfig } from '../src/config/config.js';
import { loadDefaultDictionary } from '../src/node/files.js';
import { decodeGcg, exportSelfPlay, parseGcg, replayGcg } from '../src/records/gcg.js';
import { unwrap } from './helpers.js';

const EN = unwrap(presetConfig('en'));
const DICT = unwrap(loadDefaultDictionary());

const OPENING = `#character-encoding UTF-8
#player1 doug Doug Example
#player2 emely Emely Example
#lexicon NWL20
#note a note
that goes on
>doug: DINNVWY 8D WINDY +32 32
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
  it('replays a hand-written record with a challenge bonus, a withdrawn phony, a pass and an exchange, 2x end points', () => {
    const rec = unwrap(parseGcg(OPENING + '>doug:  (DEIILT) +14 183\n'));
    expect(rec.players.map((p) => p.nick)).toEqual(['doug', 'emely']);
    expect(rec.lexicon).toBe('NWL20');
    expect(rec.events.map((e) => e.kind)).toEqual(['play', 'play', 'play', 'challenge-bonus', 'play', 'play', 'play', 'withdrawn', 'play', 'pass', 'exchange', 'play', 'end-points']);
    const r = unwrap(replayGcg(rec));
    expect(r.mismatches).toEqual([]);
    expect(r.totals).toEqual([183, 93]);
  });

  it('replays the international ending (1x points and a rack penalty) and a time penalty, with CRLF lines', () => {
    const text = (OPENING + '>doug: (DEIILT) +7 176\n>emely: DEIILT (DEIILT) -7 86\n>emely:  (time) -10 76').replace(/\n/g, '\r\n');
    const r = unwrap(replayGcg(unwrap(parseGcg(text))));
    expect(r.mismatches).toEqual([]);
    expect(r.totals).toEqual([176, 76]);
  });

  it('reports the first difference of a misrecorded score and total', () => {
    const r = unwrap(replayGcg(unwrap(parseGcg(OPENING.replace('F2 VOX +39 55', 'F2 VOX +40 56')))));
    expect(r.mismatches[0]).toMatchObject({ line: 11, kind: 'play', what: 'score', recorded: 40, computed: 39 });
  });

  it('flags words outside the dictionary unless permissive', () => {
    const rec = unwrap(parseGcg('#player1 a a\n#player2 b b\n>a: QZXJKVW 8G QZX +56 56\n'));
    expect(unwrap(replayGcg(rec)).mismatches).toEqual([]);
    expect(unwrap(replayGcg(rec, DICT)).mismatches[0]).toMatchObject({ what: 'invalid' });
  });

  it('rejects text that is no record', () => {
    expect(parseGcg('hello').ok).toBe(false);
    expect(parseGcg('#player1 a a\n>b: X 8H XX +1 1').ok).toBe(false);
    expect(decodeGcg(new Uint8Array([0x23, 0x70, 0xe9]))).toBe('#pé');
    expect(decodeGcg(new TextEncoder().encode('#p é'))).toBe('#p é');
  });

  it('round-trips self-play games: export, import, replay with every score matching', () => {
    for (const seed of [1, 2, 3]) {
      const game = unwrap(selfPlay(EN, DICT, [staticPlayer, leavePlayer(EN)], seed));
      const final = game.final;
      const text = exportSelfPlay(game, ['static', 'leave'], EN);
      const r = unwrap(replayGcg(unwrap(parseGcg(text)), DICT));
      expect(r.mismatches).toEqual([]);
      expect(r.totals).toEqual([...final.tiles.scores]);
      expect(r.board.equals(final.tiles.board)).toBe(true);
    }
  });
});
