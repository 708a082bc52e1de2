import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { presetConfig } from '../../config/config.js';
import { learnLeaves } from '../../node/leaves.js';
import {
  CommandError,
  EXIT,
  UsageError,
  emit,
  fileError,
  intOption,
  progress,
  readBytes,
  type Command,
} from '../framework.js';
import { LeaveTable } from '../../leaves/table.js';

/** `wordgame leaves build`. */
export const leavesBuild: Command = {
  name: 'leaves build',
  summary:
    "Learns a leave table from self-play (generations of games, each played with the last one's table) and writes it as KLV2 with a manifest",
  args: '-o FILE.klv2',
  options: {
    output: {
      type: 'string',
      short: 'o',
      describe: 'the KLV2 file to write (required); the manifest goes beside it as FILE.json',
    },
    games: { type: 'string', default: '10000', describe: 'games a generation' },
    generations: { type: 'string', default: '2', describe: 'generations (the first plays with the heuristic leave)' },
    seed: { type: 'string', default: '1', describe: 'seed of the first game' },
    smoothing: { type: 'string', default: '20', describe: 'weight of the prior, in occurrences' },
    dict: { type: 'string', describe: 'a dictionary file with a GADDAG (default: the embedded English dictionary)' },
    workers: { type: 'string', default: '1', describe: 'worker threads (the table does not depend on it)' },
    base: {
      type: 'string',
      describe: 'a KLV2 table the first generation plays with (to continue learning from it); default: the heuristic',
    },
  },
  examples: ['wordgame leaves build -o my.klv2 --games 200 --generations 2 --workers 2 --json'],
  async run(ctx) {
    const { values } = ctx;
    if (typeof values.output !== 'string') throw new UsageError('give the output file with -o FILE.klv2');
    const games = intOption(values, 'games', 1, 100_000_000) ?? 10_000;
    const generations = intOption(values, 'generations', 1, 100) ?? 2;
    const seed = intOption(values, 'seed', 0, 2 ** 32 - 1) ?? 1;
    const smoothing = intOption(values, 'smoothing', 0, 1_000_000) ?? 20;
    const workers = intOption(values, 'workers', 1, 256) ?? 1;
    const bar = progress(ctx, 'leaves', 'games', games * generations);
    const base = typeof values.base === 'string' ? readBytes(values.base) : undefined;
    const learned = await learnLeaves(
      {
        games,
        generations,
        seed,
        smoothing,
        ...(typeof values.dict === 'string' ? { dictionary: values.dict } : {}),
        ...(base === undefined ? {} : { base }),
      },
      workers,
      (done) => bar.update(done),
    );
    bar.stop();
    if (!learned.ok) throw new CommandError(learned.error, EXIT.USAGE);
    const table = learned.value.table;
    const observations = learned.value.observations;
    const bytes = table.toKlv2();
    const manifest = {
      file: values.output.split('/').pop(),
      method:
        "self-play generations; a leave is worth the mean of (next-turn points + the next leave's value) minus that of the empty leave; only leaves the draw completes to a full rack observed; smoothed toward the leave minus one tile plus that tile (see src/leaves/learn.ts)",
      configuration: 'en',
      dictionary: typeof values.dict === 'string' ? values.dict : 'embedded en.dawg',
      base:
        typeof values.base === 'string'
          ? {
              file: values.base.split('/').pop(),
              sha256: createHash('sha256')
                .update(base as Uint8Array)
                .digest('hex'),
            }
          : 'the heuristic leave',
      games,
      generations,
      seed,
      smoothing,
      observations,
      leaves: table.size,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    try {
      writeFileSync(values.output, bytes);
      writeFileSync(values.output.replace(/\.klv2?$/, '') + '.json', JSON.stringify(manifest, null, 2) + '\n');
    } catch (e) {
      throw new CommandError(fileError(values.output, (e as Error).message), EXIT.USAGE);
    }
    if (ctx.json) emit(ctx.io, { ok: true, ...manifest });
    else
      ctx.io.out(
        `leaves        ${manifest.leaves} (${observations} observations over ${games * generations} games)\nfile          ${values.output}, ${bytes.length} bytes\n`,
      );
    return EXIT.OK;
  },
};

/** `wordgame leaves info`. */
export const leavesInfo: Command = {
  name: 'leaves info',
  summary: 'Reads a KLV2 or KLV1 leave file (checking all of it) and prints its size and the values of some leaves',
  args: 'FILE [LEAVE...]',
  options: {},
  examples: [
    'wordgame leaves info dictionaries/en.klv2 ? S Q ERS',
    'wordgame leaves info dictionaries/en.klv2 AEINST --json',
  ],
  run(ctx) {
    const [file, ...leaves] = ctx.positionals;
    if (file === undefined) throw new UsageError('give a leave file');
    const config = presetConfig('en');
    if (!config.ok) throw new CommandError(config.error, EXIT.USAGE);
    const t = LeaveTable.fromKlv(readBytes(file), config.value.alphabet.size);
    if (!t.ok)
      throw new CommandError({ ...t.error, cause: `${file}: ${t.error.cause ?? t.error.message}` }, EXIT.USAGE);
    const shown = (leaves.length > 0 ? leaves : ['?', 'S', 'Q', 'ERS']).map(
      (l) => [l, t.value.valueOf(l, config.value.alphabet) ?? null] as const,
    );
    if (ctx.json) emit(ctx.io, { ok: true, file, leaves: t.value.size, values: Object.fromEntries(shown) });
    else
      ctx.io.out(
        `leaves        ${t.value.size}\n${shown.map(([l, v]) => `${l.padEnd(13)} ${v === null ? 'not tiles of the alphabet' : v.toFixed(3)}`).join('\n')}\n`,
      );
    return EXIT.OK;
  },
};
