import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALPHABETS, parseGrid, solveBoggle } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { Client, errorOf, server } from './harness.js';
import type { RunningServer } from '../src/server.js';

/**
 * The catalogue's game codes (30xxx, 40xxx, 60xxx) produced through the server, each asserted
 * with its parameter where the catalogue gives one. (The connection, chat and general codes are
 * in server.test.ts; 35xxx and 50001 there too.)
 */
let s: RunningServer;
const clients: Client[] = [];
const login = async (name: string) => {
  const c = await Client.login(s.url, name);
  clients.push(c);
  return c;
};
const good = { name: 'ok', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 11 };

beforeAll(async () => {
  ({ server: s } = await server());
});
afterAll(async () => {
  for (const c of clients) c.close();
  await s.close();
});

describe('game creation (30xxx)', () => {
  it.each([
    [{ ...good, name: undefined }, 30101, undefined],
    [{ ...good, name: 'bad|name' }, 30103, '|'],
    [{ ...good, timePerTurn: undefined }, 30104, undefined],
    [{ ...good, timePerTurn: 'soon' }, 30105, 'soon'],
    [{ ...good, timePerTurn: 5 }, 30106, 5],
    [{ ...good, code: undefined }, 30107, undefined],
    [{ ...good, code: 'chess' }, 30108, 'chess'],
    [{ ...good, maxPlayers: undefined }, 30109, undefined],
    [{ ...good, maxPlayers: 2.5 }, 30110, '2.5'],
    [{ ...good, maxPlayers: 0 }, 30111, 0],
    [{ ...good, description: 'tab\there' }, 30112, '\t'],
  ])('%j → %i', async (settings, code, param) => {
    const c = await login(`c${code}`);
    const e = errorOf(await c.request('v1.games.create', settings));
    expect(e?.code).toBe(code);
    if (param !== undefined) expect(e?.param).toBe(param);
  });
});

describe('operators and moves (40xxx, 60xxx)', () => {
  it('kicks, starts and plays with the catalogue codes', async () => {
    const op = await login('op');
    const other = await login('other');
    await op.request('v1.games.create', { ...good, name: 'moves' });
    // 60004 before the start.
    expect(errorOf(await op.request('v1.games.request', { type: 'pass' }))?.code).toBe(60004);
    await other.request('v1.games.join', { game: 'moves' });
    expect(errorOf(await other.request('v1.games.request', { type: 'kick', player: 'op' }))?.code).toBe(40101);
    expect(errorOf(await op.request('v1.games.request', { type: 'kick' }))?.code).toBe(40100);
    expect(errorOf(await op.request('v1.games.request', { type: 'kick', player: 'ghost' }))).toMatchObject({ code: 40102, param: 'ghost' });
    expect(errorOf(await other.request('v1.games.request', { type: 'start' }))?.code).toBe(40001);
    expect(errorOf(await op.request('v1.games.request', { type: 'start' }))).toBeUndefined();
    const view = ((await op.request('v1.games.view')).data as { view: { classic: { hands: (string | null)[]; toMove: number } } }).view;
    const [mover, waiter] = view.classic.toMove === 0 ? [op, other] : [other, op];
    const hand = view.classic.toMove === 0 ? (view.classic.hands[0] as string) : ((await other.request('v1.games.request', { type: 'hand' })).data as { events: { value: string }[] }).events[0]?.value ?? '';
    const [a = 'A', b = 'B'] = [...hand.replace(/\?/g, '')];
    const missing = [...'ZQXJKVWYFHBCDGLMNPRSTAEIOU'].find((g) => !hand.includes(g)) ?? 'Z';
    const move = async (data: unknown) => errorOf(await mover.request('v1.games.request', data));
    expect((await waiter.request('v1.games.request', { type: 'pass' })).res).toBe('v1.error');
    expect(await move({ type: 'play', tiles: 'x' })).toMatchObject({ code: 60000 });
    expect(await move({ type: 'play', tiles: [] })).toMatchObject({ code: 60003 });
    expect(await move({ type: 'play', tiles: [{ row: 7, col: 7, glyph: missing }, { row: 7, col: 8, glyph: a }] })).toMatchObject({ code: 60102, param: missing });
    expect(await move({ type: 'play', tiles: [{ row: 7, col: 7, glyph: a }, { row: 8, col: 8, glyph: b }] })).toMatchObject({ code: 60101 });
    expect(await move({ type: 'play', tiles: [{ row: 7, col: 7, glyph: a }, { row: 7, col: 9, glyph: b }] })).toMatchObject({ code: 60104 });
    expect(await move({ type: 'play', tiles: [{ row: 7, col: 7, glyph: a }] })).toMatchObject({ code: 60105 });
    expect(await move({ type: 'play', tiles: [{ row: 0, col: 0, glyph: a }, { row: 0, col: 1, glyph: b }] })).toMatchObject({ code: 60106 });
    // A non-word from the hand's tiles (the seed is fixed: the hand is known to make none of these two-letter words).
    const pairs = [[a, b], [b, a]].map(([x, y]) => ({ type: 'play', tiles: [{ row: 7, col: 7, glyph: x }, { row: 7, col: 8, glyph: y }] }));
    const codes = [await move(pairs[0]), await move(pairs[1])].map((e) => e?.code);
    expect(codes.some((c) => c === 60108)).toBe(true);
    expect(await move({ type: 'trade', glyphs: [missing] })).toMatchObject({ code: 60201, param: missing });
    expect(await move({ type: 'trade', glyphs: 'x' })).toMatchObject({ code: 60200 });
  });

  it('Boggle and duplicate codes: 60109, 60110, 60111, 60112, 60001, 60202', async () => {
    const a = await login('bog-a');
    const b = await login('bog-b');
    await a.request('v1.games.create', { ...good, name: 'bog', code: 'boggle-4x4' });
    await b.request('v1.games.join', { game: 'bog' });
    expect(errorOf(await a.request('v1.games.request', { type: 'start' }))).toBeUndefined();
    const started = (await a.request('v1.games.view')).data as { view: { boggle: { grid: string } } };
    const play = async (data: unknown) => errorOf(await a.request('v1.games.request', { type: 'play', ...(data as object) }));
    expect(await play({ path: [[0, 0], [0, 1], [0, 0]] })).toMatchObject({ code: 60109 });
    expect(await play({ path: [[0, 0], [0, 1], [3, 3]] })).toMatchObject({ code: 60110 });
    expect(await play({ path: [[1, 1]] })).toMatchObject({ code: 60111, param: 3 });
    expect(errorOf(await a.request('v1.games.request', { type: 'trade', glyphs: ['A'] }))?.code).toBe(60202);
    // 60112: the same word twice (a word the grid holds: found by the engine from the round's answers).
    const grid = parseGrid(started.view.boggle.grid, ALPHABETS.en);
    const dictionary = loadDefaultDictionary();
    if (!grid.ok || !dictionary.ok) throw new Error('no grid');
    const word = solveBoggle(grid.value, dictionary.value).words.find((w) => w.letters >= 3)?.word as string;
    expect(await play({ word })).toBeUndefined();
    expect(await play({ word })).toMatchObject({ code: 60112, param: word });
    const d1 = await login('dup-a');
    const d2 = await login('dup-b');
    await d1.request('v1.games.create', { ...good, name: 'dup', code: 'duplicate-en', maxPlayers: 3 });
    await d2.request('v1.games.join', { game: 'dup' });
    await d1.request('v1.games.request', { type: 'start' });
    expect(errorOf(await d1.request('v1.games.request', { type: 'pass' }))).toBeUndefined();
    expect(errorOf(await d1.request('v1.games.request', { type: 'pass' }))?.code).toBe(60001);
  });
});
