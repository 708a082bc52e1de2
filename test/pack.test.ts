import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` (which builds), the tarball installed into an empty
 * project with no network (`--offline`: the package has no dependency, and the queue's packages
 * are optional peers that npm does not install), then imported as ESM, required as CommonJS,
 * type-checked from a strict TypeScript file, and its `wordgame` binary run.
 */
/** The budget of the tarball (docs/dictionaries.md states it): the dictionary, the leaves, the code. */
const TARBALL_BUDGET_BYTES = 7_000_000;
const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'wordgame-pack-'));
const project = join(work, 'project');
const env = {
  ...process.env,
  npm_config_loglevel: 'error',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
};
/** Runs a command and returns its exit status and output. */
const spawn = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      npm_config_loglevel: 'error',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    },
  });

describe('the packed tarball', () => {
  let files: string[] = [];
  let tarballBytes = 0;

  beforeAll(() => {
    run('npm', ['run', 'build'], root); // what prepack runs; its output would mix with pack's JSON
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = packed[0]?.files.map((f) => f.path) ?? [];
    const tarball = join(work, packed[0]?.filename ?? '');
    tarballBytes = statSync(tarball).size;
    run('mkdir', ['-p', project], work);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    run('npm', ['install', tarball, '--offline', '--ignore-scripts', '--no-package-lock'], project);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds what a user needs and nothing else', () => {
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files).toContain('docs/architecture.md');
    expect(files).toContain('CHANGELOG.md');
    expect(files).toContain('SECURITY.md');
    expect(files).toContain('dictionaries/en.dawg');
    expect(files).toContain('bin/wordgame.mjs');
    for (const entry of ['index', 'node', 'internals']) {
      for (const ext of ['js', 'cjs']) expect(files).toContain(`dist/${entry}.${ext}`);
      for (const ext of ['d.ts', 'd.cts']) expect(files).toContain(`dist/types/${entry}.${ext}`);
    }
    // Declarations one a module, named after it (no hashed chunk an editor would land in).
    expect(files).toContain('dist/types/game/engine.d.ts');
    expect(files).toContain('dist/types/game/engine.d.cts');
    expect(
      files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.d.cts')).filter((f) => !f.startsWith('dist/types/')),
    ).toEqual([]);
    expect(
      files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/') || f === 'dist/cli.cjs'),
    ).toEqual([]);
  });

  it('installs one package, within the size budget', () => {
    expect(tarballBytes).toBeGreaterThan(1_000_000);
    expect(tarballBytes).toBeLessThanOrEqual(TARBALL_BUDGET_BYTES);
    expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['wordgame-engine']);
    expect(files.filter((f) => f.startsWith('dictionaries/')).sort()).toEqual([
      'dictionaries/en.dawg',
      'dictionaries/en.klv2',
      'dictionaries/en.leaves.manifest.json',
      'dictionaries/en.manifest.json',
    ]);
  });

  it('exports the JSON Schemas of the CLI output', () => {
    writeFileSync(
      join(project, 'schema.cjs'),
      `console.log(require('wordgame-engine/schemas/best.schema.json').title);`,
    );
    expect(run('node', ['schema.cjs'], project).trim()).toBe('wordgame best --json');
  });

  it('names the missing optional peers when a queue is asked for', () => {
    writeFileSync(
      join(project, 'queue.mjs'),
      `import { runAutoplayOnQueue } from 'wordgame-engine/node';
      const r = await runAutoplayOnQueue({ pairs: 1, seed: 1, players: ['static', 'static'] }, 'redis://127.0.0.1:1');
      console.log(r.ok ? 'ran' : r.error.cause);`,
    );
    expect(spawn('node', ['queue.mjs'], project).out).toMatch(/bullmq and ioredis/);
  });

  it('imports as ESM and requires as CommonJS, with one copy of each class', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `
      import { Dictionary, presetConfig } from 'wordgame-engine';
      import { loadDefaultDictionary } from 'wordgame-engine/node';
      const d = loadDefaultDictionary();
      console.log(d.ok && d.value instanceof Dictionary, d.ok && d.value.has('QUIZ'), presetConfig('en').ok);`,
    );
    writeFileSync(
      join(project, 'cjs.cjs'),
      `
      const { Dictionary } = require('wordgame-engine');
      const { loadDefaultDictionary } = require('wordgame-engine/node');
      const d = loadDefaultDictionary();
      console.log(d.ok && d.value instanceof Dictionary, d.ok && d.value.wordCount);`,
    );
    expect(run('node', ['esm.mjs'], project).trim()).toBe('true true true');
    expect(run('node', ['cjs.cjs'], project).trim()).toBe('true 172823');
  });

  it('type-checks a strict TypeScript file against the declarations', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `
      import { presetConfig, handFromLetters, type Result, type GameConfig, type EngineError } from 'wordgame-engine';
      import { readDictionaryFile } from 'wordgame-engine/node';
      const config: Result<GameConfig, EngineError> = presetConfig('en');
      if (config.ok) {
        const hand = handFromLetters('AB?', config.value);
        const n: number = hand.ok ? hand.value.length : -1;
        console.log(n, readDictionaryFile('missing.dawg').ok);
      }`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    expect(spawn('node', [tsc, '-p', project], project)).toEqual({ status: 0, out: '' });
    // And a type error is reported (the check above can fail).
    writeFileSync(
      join(project, 'use.ts'),
      `import { presetConfig } from 'wordgame-engine';\nexport const n: number = presetConfig('en');\n`,
    );
    const failed = spawn('node', [tsc, '-p', project], project);
    expect(failed.status).toBe(2);
    expect(failed.out).toMatch(/TS2322/);
  });

  it('runs the installed wordgame binary', () => {
    const bin = join(project, 'node_modules/.bin/wordgame');
    const r = spawn(bin, ['dict', 'check', 'QUIZ', 'ZZZQ', '--json'], project);
    expect(r.status).toBe(1); // a word is missing
    expect(JSON.parse(r.out)).toEqual({ ok: false, checked: 2, missing: ['ZZZQ'] });
    const one = spawn(bin, ['autoplay', '--games', '4', '--json'], project);
    const two = spawn(bin, ['autoplay', '--games', '4', '--workers', '2', '--json'], project);
    expect(one.status).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out)); // the worker module is in the package
    expect(spawn(bin, ['help'], project)).toMatchObject({ status: 0, out: expect.stringContaining('usage: wordgame') });
  });

  it('lists the installed files only once (no stray build output)', () => {
    expect(readdirSync(join(project, 'node_modules/wordgame-engine')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'SECURITY.md',
      'bin',
      'dictionaries',
      'dist',
      'docs',
      'package.json',
    ]);
  });
});
