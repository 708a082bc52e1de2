import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../src/cli/main.js';
import { joinNegativeValues } from '../src/cli/framework.js';
import { cli } from './cli-helpers.js';

/**
 * The README's and the guides' code cannot drift: every `ts` or `html` block in `README.md` and
 * `docs/*.md` is an include of a file under `examples/` (a `<!-- include examples/NAME.ts -->`
 * line before the block) and must equal that file; every example is included; every example runs,
 * and what it prints is what its `// → ...` comments say, in order (a comment alone on a line
 * continues the output of the statement above it). `npm test` type-checks the examples with the
 * rest (tsconfig `include`); the browser examples run in test/browser.test.ts. Every `wordgame`
 * command line of a `sh` block names a command and parses with its options; the command list
 * and the ENABLE figures are what the CLI prints; every relative link leads to a file.
 */
const root = join(import.meta.dirname, '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = (page: string) => readFileSync(join(root, page), 'utf8');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts') || f.endsWith('.html'))
  .sort();
const enable = join(root, '..', 'shared', 'data', 'enable1.txt');

function blocks(): { page: string; file: string | undefined; code: string }[] {
  const out: { page: string; file: string | undefined; code: string }[] = [];
  for (const page of pages) {
    const re = /(?:<!-- include (\S+) -->\n)?```(?:ts|html)\n([\s\S]*?)```/g;
    const t = text(page);
    for (let m = re.exec(t); m !== null; m = re.exec(t)) out.push({ page, file: m[1], code: m[2] as string });
  }
  return out;
}

/** The `wordgame` command lines of the `sh` blocks: page and arguments (a comment, `&` and quotes handled). */
function commandLines(): { page: string; line: string; args: string[] }[] {
  const out: { page: string; line: string; args: string[] }[] = [];
  for (const page of pages) {
    for (const m of text(page).matchAll(/```sh\n([\s\S]*?)```/g)) {
      for (const raw of (m[1] as string).split('\n')) {
        const at = raw.indexOf('wordgame ');
        if (at < 0) continue;
        const line = raw
          .slice(at + 'wordgame '.length)
          .replace(/\s+#.*$/, '')
          .replace(/\s*&\s*(done)?\s*$/, '');
        const args = [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((a) => (a[1] ?? a[2] ?? a[3]) as string);
        out.push({ page, line: raw.trim(), args });
      }
    }
  }
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

describe('README and guides', () => {
  it('every ts block is an example file, verbatim, and every example is in the README or a guide', () => {
    const found = blocks();
    expect(found.length).toBeGreaterThanOrEqual(examples.length);
    for (const b of found) {
      expect(b.file, `a block of ${b.page} without an include line:\n${b.code.slice(0, 200)}`).toBeDefined();
      expect(b.code, `${b.file} differs from ${b.page}`).toBe(readFileSync(join(root, b.file as string), 'utf8'));
    }
    expect([...new Set(found.map((b) => b.file))].sort()).toEqual(examples.map((f) => `examples/${f}`));
  });

  it('every wordgame command line of the README and the guides names a command and parses with its options', () => {
    const lines = commandLines();
    expect(lines.length).toBeGreaterThan(8);
    for (const { page, line, args } of lines) {
      const command = [...COMMANDS]
        .sort((a, b) => b.name.length - a.name.length)
        .find((c) => args.join(' ').startsWith(c.name + ' ') || args.join(' ') === c.name);
      expect(command, `${page}: ${line}`).toBeDefined();
      const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      };
      for (const [name, o] of Object.entries(command?.options ?? {}))
        options[name] = {
          type: o.type,
          ...(o.short === undefined ? {} : { short: o.short }),
          ...(o.multiple === true ? { multiple: true } : {}),
        };
      // As the CLI reads them: a negative number after an option is its value (`--spread -12`).
      const rest = joinNegativeValues(args.slice((command?.name ?? '').split(' ').length), options);
      expect(
        () => parseArgs({ args: rest, options, allowPositionals: true, strict: true }),
        `${page}: ${line}`,
      ).not.toThrow();
    }
  });

  it('every relative link of the README and the guides leads to a file', () => {
    for (const page of pages) {
      for (const m of text(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        expect(existsSync(join(root, dirname(page), target)), `${page} links to ${target}`).toBe(true);
      }
    }
  });

  afterEach(() => vi.restoreAllMocks());

  it('the command list is what `wordgame help` prints', async () => {
    const m = /<!-- output: wordgame help -->\n```text\n([\s\S]*?)```/.exec(text('docs/cli.md'));
    expect(m).not.toBeNull();
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    expect(m?.[1]).toBe(r.out);
  });

  it.skipIf(!existsSync(enable))('the ENABLE figures are what `wordgame dict build` prints', async () => {
    const m = /On ENABLE[\s\S]*?```text\n([\s\S]*?)```/.exec(text('docs/dictionaries.md'));
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
      vi.spyOn(console, 'log').mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
      await import(`../examples/${file}`);
      const expected = expectedOutput(code);
      expect(expected.length, 'an example with nothing to check').toBeGreaterThan(0);
      expect(printed).toEqual(expected);
    });
  }
});
