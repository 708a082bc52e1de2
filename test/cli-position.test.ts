import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

const QUOTE = '15/15/15/15/15/15/15/6QUOTE4/15/15/15/15/15/15/15 AEINRST/ 40/28 0 lex NWL20;';
// An endgame: the bag is empty, both racks known.
const MAVEN =
  '5BERGS5/4PA3U5/2QAID3R5/3BEE3F2S2/1P1ET2VIATIC2/MA1TAW3c2H2/ES3IS2E2A2/AT1FOLIA4V2/LI1L1EX1E6/1N1O1D2N2Y3/1GNU2C1JETE3/2ER2OHO2N3/2O3GOY6/1INDOW1U7/4DORR7 IKLMTZ/AEINRU? 0/0 0 lex OSPD1;';
const dir = mkdtempSync(join(tmpdir(), 'wordgame-position-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('positions as CGP on the command line', () => {
  it('position converts CGP to the board-file form and back, and draws a picture', async () => {
    const board = await cli(['position', '--cgp', MAVEN, '--to', 'board']);
    expect(board.code).toBe(0);
    expect(board.out.split('\n')[0]).toBe('.....BERGS.....');
    writeFileSync(join(dir, 'board.txt'), board.out);
    const back = await cli([
      'position',
      '--board',
      join(dir, 'board.txt'),
      '--hand',
      'IKLMTZ',
      '--opponent',
      'AEINRU?',
      '--to',
      'cgp',
    ]);
    expect([back.code, back.out]).toEqual([0, `${MAVEN.replace(' lex OSPD1;', '')}\n`]);
    const picture = await cli(['position', '--cgp', QUOTE]);
    expect(picture.out).toContain('Q  U  O  T  E');
    expect(picture.out).toContain('40  AEINRST');
    const json = await cli(['position', '--cgp', QUOTE, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      config: 'en',
      cgp: QUOTE,
      racks: ['AEINRST', ''],
      scores: [40, 28],
    });
  });

  it('best, validate, sim, endgame and peg read the position from --cgp (text or file)', async () => {
    writeFileSync(join(dir, 'maven.cgp'), MAVEN + '\n');
    const best = await cli(['best', '--cgp', QUOTE, '-n', '1', '--json']);
    expect(JSON.parse(best.out).plays[0]).toMatchObject({ score: 82 });
    const validate = await cli(['validate', '--cgp', QUOTE, '--move', 'L2 NASTIER', '--json']);
    expect(JSON.parse(validate.out)).toMatchObject({ ok: true, score: 82 });
    const sim = await cli(['sim', '--cgp', QUOTE, '--iterations', '16', '--candidates', '3', '--json']);
    expect(sim.code).toBe(0);
    const endgame = await cli(['endgame', '--cgp', join(dir, 'maven.cgp'), '--depth', '2', '--json']);
    expect(JSON.parse(endgame.out)).toMatchObject({ ok: true, opponent: 'AEINRU?' });
    // One tile in the bag (the mover holds five tiles, eight are unseen), the spread from the scores.
    const peg = MAVEN.replace('IKLMTZ/AEINRU?', 'IKLMT/').replace('0/0', '10/30');
    const pre = JSON.parse((await cli(['peg', '--cgp', peg, '--candidates', '2', '--time', '0.2', '--json'])).out);
    const behind = JSON.parse(
      (await cli(['peg', '--cgp', peg, '--candidates', '2', '--time', '0.2', '--spread', '40', '--json'])).out,
    );
    expect(pre).toMatchObject({ ok: true, unseen: 'AEINRUZ?' });
    expect(pre.candidates[0].win).toBeLessThan(behind.candidates[0].win);
    // As text: the columns named.
    const text = await cli(['peg', '--cgp', peg, '--candidates', '2', '--time', '0.2']);
    expect(text.out.split('\n').slice(0, 2)).toEqual(['unseen        AEINRUZ?', '     win    spread  play']);
  });

  it('refuses a bad position with its code and the offset of the fault (exit 2), and --cgp with --board', async () => {
    const bad = await cli(['best', '--cgp', '15/15 AB/ 0/0 0', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ code: 90400, detail: { reason: 'board', at: 0 } });
    writeFileSync(join(dir, 'empty.txt'), '...............\n'.repeat(15));
    const tooMany = await cli(['position', '--board', join(dir, 'empty.txt'), '--hand', 'ZZ', '--to', 'cgp']);
    expect([tooMany.code, tooMany.err.split('\n')[0]]).toEqual([
      2,
      'wordgame position: CGP at 0: 2 Z tiles; the letterset has 1',
    ]);
    const both = await cli(['best', '--cgp', QUOTE, '--board', 'x.txt']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--cgp and --board cannot be given together');
  });
});
