import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The API reference cannot rot: TypeDoc runs over the three entry points with every warning an
 * error (an undocumented export, a broken link, an unexported type in a signature), as
 * `npm run docs` does, writing the site to a temporary folder: some warnings (a link that
 * resolves only to the member's parent) come only from writing it.
 */
describe('API reference', () => {
  it('TypeDoc finds every export documented, with no warning', () => {
    const root = join(import.meta.dirname, '..');
    const out = mkdtempSync(join(tmpdir(), 'wordgame-api-'));
    try {
      const r = spawnSync('node', [join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/\[(warning|error)\]/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
