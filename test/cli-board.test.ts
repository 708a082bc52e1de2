import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

describe('wordgame board', () => {
  it('renders a board from standard input with premiums and coordinates', async () => {
    const rows = Array.from({ length: 15 }, (_, r) => (r === 7 ? '...WINDy.......' : '...............'));
    const r = await cli(['board', '-'], rows.join('\n'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^\s+A\s+B\s+C/);
    expect(lines[8]).toMatch(/^\s+8 3W\s+\.\s+\.\s+W\s+I\s+N\s+D\s+y/);
    expect(lines[1]).toContain('3W');
  });

  it('reports bad boards with the notation error', async () => {
    const r = await cli(['board', '-', '--config', 'super'], 'ABC\n');
    // A board that cannot be read is an input error, exit 2, as in every command that reads one.
    expect(r.code).toBe(2);
    expect((await cli(['best', '--board', '-', '--hand', 'AB'], 'ABC\n')).code).toBe(2);
    expect(r.err).toContain('90400 BAD_NOTATION');
    expect(r.err).toContain('standard input');
    const j = await cli(['board', '-', '--json'], 'ABC\n');
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: { code: 90400 } });
    expect((await cli(['board'])).code).toBe(2);
    expect((await cli(['board', '-', '--config', 'nope'], '')).code).toBe(2);
  });

  it('prints the board rows as JSON', async () => {
    const rows = Array.from({ length: 15 }, (_, r) => (r === 7 ? '...WINDy.......' : '...............'));
    const r = await cli(['board', '-', '--json'], rows.join('\n'));
    expect(JSON.parse(r.out)).toEqual({ ok: true, config: 'en', rows, tiles: 5 });
  });
});
