import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, startProgress, QUIET_PROGRESS } from '../src/cli/progress.js';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';

/** A terminal that records what is written to stderr. */
function terminal(isTerminal = true): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return {
    io: { out: () => undefined, err: (t) => void err.push(t), stdin: async () => '', errIsTerminal: isTerminal },
    err,
  };
}

describe('the progress line', () => {
  it('names what it counts and says "warming up" before it has a rate', () => {
    expect(progressLine({ label: 'autoplay', unit: 'pairs', total: 1000 }, 0, undefined)).toBe(
      'autoplay [------------------------] 0/1000 pairs warming up',
    );
    expect(progressLine({ label: 'autoplay', unit: 'pairs', total: 1000 }, 500, 25)).toBe(
      'autoplay [############------------] 500/1000 pairs 25.0 pairs/s ETA 20s',
    );
    expect(progressLine({ label: 'analyze', unit: 'moves', total: 10 }, 10, 3.5)).toBe(
      'analyze [########################] 10/10 moves 3.50 moves/s',
    );
  });

  it('measures its rate from the first update after the warm-up, so a slow start does not enter the ETA', () => {
    let now = 0;
    const { io, err } = terminal();
    const bar = startProgress(io, false, {
      label: 'autoplay',
      unit: 'pairs',
      total: 1000,
      now: () => now,
      redrawMs: 0,
    });
    // A slow start: 10 pairs in the first 5 seconds (workers starting).
    now = 5000;
    bar.update(10);
    expect(err.at(-1)).toContain('warming up');
    // Then 100 pairs a second.
    now = 6000;
    bar.update(110);
    expect(err.at(-1)).toContain('100 pairs/s ETA 9s');
    bar.stop();
    expect(err.at(-1)).toBe('\n');
  });

  it('draws nothing in JSON mode or off a terminal', () => {
    expect(startProgress(terminal(false).io, false, { label: 'x', unit: 'games', total: 3 })).toBe(QUIET_PROGRESS);
    expect(startProgress(terminal().io, true, { label: 'x', unit: 'games', total: 3 })).toBe(QUIET_PROGRESS);
  });

  it('shows in wordgame peg while its endgames are solved (one per candidate and bag tile)', async () => {
    let err = '';
    const code = await runCli(
      [
        'peg',
        '--board',
        'test/fixtures/cli/pre-endgame.txt',
        '--hand',
        'DEMORVW',
        '--candidates',
        '1',
        '--time',
        '0.05',
      ],
      { out: () => undefined, err: (t) => void (err += t), stdin: async () => '', errIsTerminal: true },
    );
    expect(code).toBe(0);
    expect(err).toMatch(/peg \[#+\] 7\/7 endgames/); // 7 kinds of tile may be in the bag (BFIIMNRS)
  });

  it('formats durations', () => {
    expect([12, 185, 3720, -3].map(formatDuration)).toEqual(['12s', '3m05s', '1h02m', '0s']);
  });
});
