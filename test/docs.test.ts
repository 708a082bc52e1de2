import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The API reference cannot rot: TypeDoc runs over the three entry points with every warning an
 * error (an undocumented export, a broken link, an unexported type in a signature), as
 * `npm run docs` does, without writing the site.
 */
describe('API reference', () => {
  it('TypeDoc finds every export documented, with no warning', () => {
    const root = join(import.meta.dirname, '..');
    const r = spawnSync('node', [join(root, 'node_modules/typedoc/bin/typedoc'), '--emit', 'none'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\[(warning|error)\]/);
    expect(r.status).toBe(0);
  }, 120_000);
});
