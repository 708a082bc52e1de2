import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run bench:ab` (scripts/ab.mjs), the side-by-side comparison of two builds, on a few
 * games, positions and grids: the working tree against itself must play the same games, choose
 * the same plays, find the same best plays and play counts and the same grid totals in every
 * round.
 */
describe('bench:ab', () => {
  const root = join(import.meta.dirname, '..');
  const ab = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'ab.mjs'), ...args], { cwd: root, encoding: 'utf8' });

  it('compares the working tree with itself: the same results in each round, and a median per work', () => {
    const r = ab('--games', '20', '--positions', '1', '--searches', '60', '--grids', '300', '--rounds', '2', '.', '.');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const work of ['selfplay', 'sim', 'search', 'boggle']) {
      expect(
        r.stdout.match(new RegExp(`^${work} round \\d .*B ÷ A \\d+\\.\\d+; the same results$`, 'gm')),
      ).toHaveLength(2);
      expect(r.stdout).toMatch(
        new RegExp(
          `^${work}: B ÷ A median \\d+\\.\\d+ \\(.*, 2 rounds\\); ` +
            `A loaded first \\d+\\.\\d+, B first \\d+\\.\\d+, their geometric mean \\d+\\.\\d+$`,
          'm',
        ),
      );
    }
  }, 240_000);

  const records = join(root, '..', 'shared', 'data', 'gcg');
  it.skipIf(!existsSync(records))(
    'compares the endgame solver on the real endgames (skipped without ../shared/data/gcg)',
    () => {
      const r = ab('--work', 'endgame', '--nodes', '2000', '--rounds', '2', '.', '.');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(
        r.stdout.match(/^endgame round \d .* nodes a CPU-second; B ÷ A \d+\.\d+; the same results$/gm),
      ).toHaveLength(2);
      expect(r.stdout).toMatch(/^endgame: B ÷ A median \d+\.\d+ \(.*, 2 rounds\)/m);
    },
    240_000,
  );

  it('refuses unknown work and a missing build with a usage error', () => {
    const unknown = ab('--work', 'chess', '.', '.');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown work "chess"/);
    const one = ab('.');
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^bench:ab: usage: /);
    const bad = ab('--work', 'boggle', 'no-such-ref-here', '.');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"no-such-ref-here" is not a commit of this repository/);
  });
});
