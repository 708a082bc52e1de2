import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './cli-helpers.js';

/**
 * The README's code cannot drift: every `ts` block in it is an include of a file under
 * `examples/` (a `<!-- include examples/NAME.ts -->` line before the block) and must equal that
 * file; every example is included; every example runs, and what it prints is what its
 * `// → ...` comments say, in order (a comment alone on a line continues the output of the
 * statement above it). `npm test` type-checks the examples with the rest (tsconfig `include`);
 * the browser example runs in test/browser.test.ts. The command list and the ENABLE figures are
 * what the CLI prints.
 */
const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts') || f.endsWith('.html')).sort();
const enable = join(root, '..', 'shared', 'data', 'enable1.txt');

function blocks(): { file: string | undefined; code: string }[] {
  const out: { file: string | undefined; code: string }[] = [];
  const re = /(?:<!-- include (\S+) -->\n)?```(?:ts|html)\n([\s\S]*?)```/g;
  for (let m = re.exec(readme); m !== null; m = re.exec(readme)) out.push({ file: m[1], code: m[2] as string });
  return out;
}

function expectedOutput(code: string): string[] {
  const out: string[] = [];
  for (const line of code.split('\n')) {
    const i = line.indexOf('// → ');
    if (i >= 0) out.push(line.slice(i + 5).trimEnd());
  }
  return out;
}

describe('README examples', () => {
  it('every ts block is an example file, verbatim, and every example is in the README', () => {
    const found = blocks();
    expect(found.length).toBeGreaterThanOrEqual(examples.length);
    for (const b of found) {
      expect(b.file, `a ts block without an include line:\n${b.code.slice(0, 200)}`).toBeDefined();
      expect(b.code, `${b.file} differs from the README`).toBe(readFileSync(join(root, b.file as string), 'utf8'));
    }
    expect(found.map((b) => b.file).sort()).toEqual(examples.map((f) => `examples/${f}`));
  });

  afterEach(() => vi.restoreAllMocks());

  it('the command list is what `wordgame help` prints', async () => {
    const m = /<!-- output: wordgame help -->\n```text\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    expect(m?.[1]).toBe(r.out);
  });

  it.skipIf(!existsSync(enable))('the ENABLE figures are what `wordgame dict build` prints', async () => {
    const m = /On ENABLE[\s\S]*?```text\n([\s\S]*?)```/.exec(readme);
    const dir = mkdtempSync(join(tmpdir(), 'wordgame-readme-'));
    try {
      const r = await cli(['dict', 'build', enable, '-o', join(dir, 'enable.dawg'), '--gaddag']);
      expect(r.code).toBe(0);
      for (const line of (m?.[1] ?? 'missing').trim().split('\n')) expect(r.out.split('\n')).toContain(line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const file of examples.filter((f) => f.endsWith('.ts'))) {
    it(`examples/${file} prints what its comments say`, async () => {
      const code = readFileSync(join(root, 'examples', file), 'utf8');
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
      await import(`../examples/${file}`);
      const expected = expectedOutput(code);
      expect(expected.length, 'an example with nothing to check').toBeGreaterThan(0);
      expect(printed).toEqual(expected);
    });
  }
});
