import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALPHABETS, Dictionary, saveDictionary, writeKwg } from 'wordgame-engine';
import { COMMANDS, runCli } from '../src/cli/main.js';
import { validateOutput } from './cli-schemas.js';
import { redisBinary, startRedis, startWorker, until } from './redis.js';

/**
 * Every example of every command's help, run as written, in a folder holding the files the
 * examples name (`test/fixtures/cli/`: a mid-game `board.txt` and `position.cgp`, an
 * `endgame.txt`/`endgame.cgp` and a `pre-endgame.txt` from seeded games, `game.gcg`, `records/`,
 * word lists; `words.dawg` and `lexicon.kwg` built here; the embedded `dictionaries/`). An
 * example exits 0 unless it shows a failing check (the table below); with `--json` its output is
 * validated against the command's JSON Schema (`docs/schemas/`). The queue examples use a real
 * `redis-server` and a real `wordgame worker` (the worker example itself), with the example's
 * address replaced by the test's; they are skipped with a message where Redis is not installed.
 */
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'wordgame-examples-'));
const QUEUE_ADDRESS = 'redis://10.0.0.5:6379';

/** The examples that show a failing check (exit 1), and why. */
const EXPECTED_EXIT: Record<string, number> = {
  'wordgame dict check quixotic qwertz': 1, // qwertz is not a word
  'wordgame boggle check QITE/ABSO/RSTE/LNOP quite tribes': 1, // no path spells tribes
};

/** Splits an example like a shell: quotes, `<` and `>` redirections, `*` globs in a folder. */
function shellWords(example: string): { args: string[]; stdin?: string; stdout?: string } {
  const words: string[] = [];
  const quoted = new Set<number>();
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(example); m !== null; m = re.exec(example)) {
    if (m[3] === undefined) quoted.add(words.length);
    words.push(m[1] ?? m[2] ?? (m[3] as string));
  }
  let stdin: string | undefined;
  let stdout: string | undefined;
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '<') stdin = words[++i];
    else if (w === '>') stdout = words[++i];
    else if (w.includes('*') && !quoted.has(i)) {
      const [folder = '.', pattern = ''] = w.split('/');
      const match = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
      args.push(
        ...readdirSync(join(dir, folder))
          .filter((f) => match.test(f))
          .sort()
          .map((f) => `${folder}/${f}`),
      );
    } else args.push(w);
  }
  return { args, ...(stdin === undefined ? {} : { stdin }), ...(stdout === undefined ? {} : { stdout }) };
}

/** Runs one example in the examples' folder; returns its exit code and output. */
async function run(example: string): Promise<{ code: number; out: string; err: string; args: string[] }> {
  const { args, stdin, stdout } = shellWords(example);
  let out = '';
  let err = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await runCli(args, {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      stdin: async () => (stdin === undefined ? '' : readFileSync(join(dir, stdin), 'utf8')),
    });
    if (stdout !== undefined) writeFileSync(join(dir, stdout), out);
    return { code, out, err, args };
  } finally {
    process.chdir(cwd);
  }
}

const queued = (e: string) => e.includes(QUEUE_ADDRESS);
// In the help's order, except that the worker starts before the first example that needs it.
const listed = COMMANDS.flatMap((c) => c.examples.map((e) => ({ command: c.name, example: e })));
const examples = [...listed.filter((e) => e.command === 'worker'), ...listed.filter((e) => e.command !== 'worker')];

describe('every example of every command help runs as written', () => {
  let redis: ChildProcess | undefined;
  let worker: { child: ChildProcess; log: () => string } | undefined;
  let url = '';

  beforeAll(async () => {
    cpSync(join(root, 'test/fixtures/cli'), dir, { recursive: true });
    // The embedded files, and the example engine with the tsx that runs it (`match … cmd:npx tsx …`),
    // which imports the package by name: the project's tsconfig maps it to the sources (no build needed).
    for (const d of ['dictionaries', 'examples', 'node_modules']) symlinkSync(join(root, d), join(dir, d));
    process.env.TSX_TSCONFIG_PATH = join(root, 'tsconfig.json');
    const words = readFileSync(join(dir, 'words.txt'), 'utf8');
    const built = Dictionary.build(words, ALPHABETS.en, { gaddag: true });
    if (!built.ok) throw new Error(built.error.message);
    writeFileSync(join(dir, 'words.dawg'), saveDictionary(built.value.dictionary));
    const kwg = writeKwg(built.value.dictionary);
    if (!kwg.ok) throw new Error(kwg.error.message);
    writeFileSync(join(dir, 'lexicon.kwg'), kwg.value);
    if (redisBinary !== undefined) {
      const started = await startRedis();
      redis = started.process;
      url = started.url;
    } else console.warn('queue examples skipped: no redis-server (apt-get install -y redis-server)');
  }, 60_000);

  afterAll(() => {
    delete process.env.TSX_TSCONFIG_PATH;
    worker?.child.kill('SIGKILL');
    redis?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses output outside the vocabulary (the schemas can fail)', () => {
    const old = { ok: true, plays: [{ notation: '8H QI', score: 22, words: ['QI'] }], count: 1, truncated: false };
    expect(validateOutput('best', old).join()).toMatch(/additionalProperties|required/);
    const percent = {
      ok: true,
      unseen: 'A',
      candidates: [{ move: '8H QI', score: 22, win: 64.4, spread: 3, exact: true }],
    };
    expect(validateOutput('peg', percent)).not.toEqual([]);
  });

  it('keeps to the schema on a duplicate game that ends with no play possible (a seed the example once drew)', async () => {
    // `wordgame duplicate --json` draws a random seed; this one's last hand has no play, so its
    // last closed turn has no top play.
    const r = await run('wordgame duplicate --seed 2243545893 --json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { reason: string; turns: { top?: unknown }[] };
    expect(out.reason).toBe('no play is possible');
    expect(out.turns.at(-1)?.top).toBeUndefined();
    expect(validateOutput('duplicate', out)).toEqual([]);
  });

  it('has examples for every command, each naming its command', () => {
    for (const c of COMMANDS) {
      expect(c.examples.length, c.name).toBeGreaterThan(0);
      for (const e of c.examples) expect(e.startsWith(`wordgame ${c.name}`), e).toBe(true);
    }
  });

  for (const { command, example } of examples) {
    const skip = queued(example) && redisBinary === undefined;
    it.skipIf(skip)(
      example,
      async () => {
        if (command === 'worker') {
          // Runs until stopped: started here as a process, it serves the queue examples below.
          worker = startWorker(url);
          await until(() => worker?.log().includes('worker on') === true, 30_000);
          return;
        }
        const r = await run(queued(example) ? example.replace(QUEUE_ADDRESS, url) : example);
        expect({ code: r.code, err: r.code === (EXPECTED_EXIT[example] ?? 0) ? '' : r.err }).toEqual({
          code: EXPECTED_EXIT[example] ?? 0,
          err: '',
        });
        if (r.args.includes('--json')) expect(validateOutput(command, JSON.parse(r.out))).toEqual([]);
      },
      120_000,
    );
  }

  // The fields an option adds are in the schema too: every --json example again with --timings
  // where the command takes it, and best's --leaves.
  const timed = examples.filter(
    (e) =>
      e.example.includes(' --json') && !queued(e.example) && commandNamed(e.command)?.options.timings !== undefined,
  );
  const optional = [
    ...timed.map((e) => ({ command: e.command, example: `${e.example} --timings` })),
    { command: 'best', example: 'wordgame best --hand EINRSTX --leaves -n 3 --json' },
  ];
  for (const { command, example } of optional) {
    it(
      example,
      async () => {
        const r = await run(example);
        expect(r.code).toBe(EXPECTED_EXIT[example.replace(' --timings', '')] ?? 0);
        expect(validateOutput(command, JSON.parse(r.out))).toEqual([]);
      },
      120_000,
    );
  }

  it('answers a usage error the same way in every command: exit 2 and the error document', async () => {
    for (const c of COMMANDS) {
      const r = await run(`wordgame ${c.name} --no-such-option --json`);
      expect([c.name, r.code]).toEqual([c.name, 2]);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 90500, name: 'USAGE' } });
      expect([c.name, validateOutput('error', JSON.parse(r.out))]).toEqual([c.name, []]);
    }
  });
});

function commandNamed(name: string) {
  return COMMANDS.find((c) => c.name === name);
}
