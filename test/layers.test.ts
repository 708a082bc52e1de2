import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of `src`, lowest first (docs/architecture.md says what each holds). A module may
 * import its own folder and the folders before it, never one after: so the import graph of the
 * folders has no cycle and no import runs back up. The three entries sit above everything.
 */
const LAYERS = [
  'result',
  'errors',
  'schema',
  'alphabet',
  'board',
  'config',
  'dictionary',
  'state',
  'notation',
  'boggle',
  'rules',
  'render',
  'leaves',
  'movegen',
  'players',
  'records',
  'game',
  'endgame',
  'sim',
  'autoplay',
  'match',
  'analysis',
  'node',
  'cli',
  'entries',
] as const;

const ENTRY_FILES = new Set(['index', 'internals', 'node']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The layer of a file under `src`: its folder, `result` for `result.ts`, `entries` for the entry files. */
function layerOf(file: string): string {
  const parts = relative('src', file).split(sep);
  if (parts.length > 1) return parts[0] as string;
  const name = (parts[0] as string).replace(/\.(ts|js)$/, '');
  return ENTRY_FILES.has(name) ? 'entries' : name;
}

/** Every relative import and re-export of `src`: the importing file and the imported one. */
function imports(): { from: string; to: string }[] {
  return files('src').flatMap((from) => {
    const text = readFileSync(from, 'utf8');
    return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)].map(
      (m) => ({ from, to: normalize(join(dirname(from), (m[1] ?? m[2]) as string)) }),
    );
  });
}

/** The imports that run up: to a layer after the importing file's. */
function upward(pairs: readonly { from: string; to: string }[]): string[] {
  const rank = (file: string) => (LAYERS as readonly string[]).indexOf(layerOf(file));
  return pairs.filter(({ from, to }) => rank(to) > rank(from)).map(({ from, to }) => `${from} -> ${to}`);
}

describe('the layers of src', () => {
  const all = imports();

  it('lists every folder of src', () => {
    const folders = new Set(files('src').map(layerOf));
    expect([...folders].filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  });

  it('has no import of a higher layer', () => {
    expect(upward(all)).toEqual([]);
  });

  it('sees an upward import when there is one', () => {
    const generator = join('src', 'movegen', 'generator.ts');
    expect(upward([{ from: generator, to: join('src', 'players', 'player.js') }])).toHaveLength(1);
    expect(upward([{ from: generator, to: join('src', 'result.js') }])).toEqual([]);
    expect(upward([{ from: join('src', 'result.ts'), to: join('src', 'index.js') }])).toHaveLength(1);
  });

  it('has no file over 900 lines', () => {
    const long = files('src')
      .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([f, n]) => n > 900);
    expect(long).toEqual([]);
  });
});
