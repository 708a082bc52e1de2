import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveBoggle, parseGrid, ALPHABETS } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';
import { bestFor, config, phonyFor } from '../scripts/best-play.js';
import { clientFiles } from '../src/client-files.js';
import { server } from './harness.js';
import type { RunningServer } from '../src/server.js';

/**
 * The browser client in headless Chromium (Debian's `chromium`, driven by playwright-core): two
 * browser contexts, two players, a full classic game played by clicking squares and typing
 * letters (the test reads the board and the hand from the page and picks the best play with the
 * engine), then a Boggle round played on the grid. Screenshots go to test-output/.
 */
const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromiumPath = candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
if (chromiumPath === undefined) console.warn('browser test skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
const output = join(import.meta.dirname, '..', 'test-output');
const dict = loadDefaultDictionary();


/** Opens the client and enters: registers with a password, or plays as a guest. */
async function enter(page: Page, url: string, name: string, password?: string): Promise<void> {
  await page.goto(url);
  await page.fill('#name', name);
  if (password === undefined) await page.click('#guest');
  else {
    await page.fill('#password', password);
    await page.click('#register');
  }
  await page.waitForSelector('#lobby:not(.hidden)');
}

const rowsOf = (page: Page) => page.$$eval('#board tr:has(td)', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.dataset.ch ?? '.').join('')));

/** Reloads the page: the tab's session brings it back into its game (v1.games.view) with the board `other` shows. */
async function resume(page: Page, other: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('#game:not(.hidden)');
  await page.waitForSelector('#status[data-status="running"]');
  expect(await rowsOf(page)).toEqual(await rowsOf(other));
}

/** Types placements on the page's board: click the first square (twice to go down), then the letters, then Enter. */
async function typePlay(page: Page, placements: readonly { square: number; tile: number }[]): Promise<void> {
  {
    const squares = [...placements].sort((a, b) => a.square - b.square);
    const first = squares[0]!;
    const [r, c] = [Math.floor(first.square / 15), first.square % 15];
    await page.click(`#board td[data-row="${r}"][data-col="${c}"]`);
    const across = squares.length === 1 || Math.floor(squares[1]!.square / 15) === r;
    if (!across) await page.click(`#board td[data-row="${r}"][data-col="${c}"]`);
    for (const p of squares) await page.keyboard.press(config.alphabet.glyph(p.tile & 0x3f) ?? '?');
    await page.keyboard.press('Enter');
  }
}

/** Plays the turn of the page's player: the best play, typed on the board, or a pass; then waits until the other page shows the same game. */
async function playTurn(page: Page, other: Page): Promise<void> {
  const rows = await rowsOf(page);
  const hand = (await page.$$eval('#hand .tile', (ts) => ts.map((t) => t.textContent ?? ''))).join('');
  const { readable, best } = bestFor(rows, hand);
  if (!readable) throw new Error(`cannot read the page: ${rows.join('/')} ${hand}`);
  const before = await page.getAttribute('#status', 'data-to-move');
  if (best === undefined) await page.click('#pass');
  else await typePlay(page, best.placements);
  await page.waitForFunction((b) => document.querySelector('#status')?.getAttribute('data-to-move') !== b || document.querySelector('#status')?.getAttribute('data-status') === 'over' || document.querySelector('#error')?.getAttribute('data-code') !== null, before, { timeout: 10_000 });
  if ((await page.getAttribute('#error', 'data-code')) !== null && (await page.getAttribute('#status', 'data-to-move')) === before) await page.click('#pass');
  // The mover's page shows the change from its request's reply, the other page from a push that may come later.
  const shown = () => {
    const status = document.querySelector('#status');
    const cells = [...document.querySelectorAll('#board td')].map((td) => (td as HTMLElement).dataset.ch).join('');
    return `${status?.getAttribute('data-status')} ${status?.getAttribute('data-to-move')} ${document.querySelector('#scores')?.textContent} ${cells}`;
  };
  await page.waitForFunction((b) => document.querySelector('#status')?.getAttribute('data-to-move') !== b || document.querySelector('#status')?.getAttribute('data-status') === 'over', before, { timeout: 10_000 });
  const state = await page.evaluate(shown);
  // (Or the game is over there: a clock may have run out in between.)
  await other.waitForFunction(`(${shown.toString()})() === ${JSON.stringify(state)} || document.querySelector('#status')?.getAttribute('data-status') === 'over'`, undefined, { timeout: 10_000 });
}

describe.skipIf(chromiumPath === undefined)('the browser client', () => {
  let s: RunningServer;
  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    ({ server: s } = await server({ files: await clientFiles(), turnTimeScale: 0.01, timerIntervalMs: 100 }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('two players play a full classic game and a Boggle round', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath as string, args: ['--no-sandbox', '--headless=new'] });
    try {
      const [ann, bob] = await Promise.all([browser.newContext(), browser.newContext()]).then((cs) => Promise.all(cs.map((c) => c.newPage())));
      if (ann === undefined || bob === undefined) throw new Error('no pages');
      const errors: string[] = [];
      for (const p of [ann, bob]) p.on('pageerror', (e) => errors.push(String(e)));
      // Ann registers with a password; Bob plays as a guest.
      await enter(ann, s.url, 'ann', 'ann-password');
      await enter(bob, s.url, 'bob');
      expect([await ann.textContent('#who'), await bob.textContent('#who')]).toEqual(['ann', 'bob (guest)']);
      // Nobody else gets in as Ann or Bob: a wrong password (10105), a guest taking her registered
      // name (90705) or his held one (10104); a bad name (10103). Each with the catalogue's message.
      const third = await (await browser.newContext()).newPage();
      await third.goto(s.url);
      const attempt = async (name: string, password: string | undefined, code: number) => {
        await third.fill('#name', name);
        await third.fill('#password', password ?? '');
        await third.click(password === undefined ? '#guest' : '#login-button');
        await third.waitForSelector(`#error[data-code="${code}"]`);
      };
      await attempt('ann', 'not-her-password', 10105);
      expect(await third.textContent('#error')).toMatch(/password/i);
      await attempt('ann', undefined, 90705);
      await attempt('bob', undefined, 10104);
      await attempt('a<b', undefined, 10103);
      expect(await third.isVisible('#lobby')).toBe(false);
      // The password is not kept by the page.
      expect(await ann.inputValue('#password')).toBe('');
      expect(await ann.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))).not.toContain('ann-password');

      await ann.fill('#game-name', 'web-classic');
      await ann.selectOption('#game-code', 'scrabble-en');
      await ann.click('#create');
      await ann.waitForSelector('#game:not(.hidden)');
      await bob.click('#refresh');
      await bob.click('li[data-game="web-classic"] .join');
      await bob.waitForSelector('#game:not(.hidden)');
      // Out of turn: the catalogue's message on the page.
      await ann.click('#start');
      await bob.waitForSelector('#status[data-status="running"]');
      const first = (await ann.getAttribute('#status', 'data-to-move')) === 'ann' ? bob : ann;
      await first.click('#pass');
      await first.waitForSelector('#error[data-code="60002"]');
      expect(await first.textContent('#error')).toMatch(/turn/i);
      for (let turn = 0; turn < 80; turn++) {
        if ((await ann.getAttribute('#status', 'data-status')) === 'over') break;
        const mover = (await ann.getAttribute('#status', 'data-to-move')) === 'ann' ? ann : bob;
        await playTurn(mover, mover === ann ? bob : ann);
        if (turn === 3) await resume(bob, ann);
      }
      await bob.waitForSelector('#status[data-status="over"]');
      expect(await ann.getAttribute('#status', 'data-status')).toBe('over');
      expect(await ann.textContent('#scores')).toMatch(/ann -?\d+ · bob -?\d+/);
      await ann.screenshot({ path: join(output, 'classic-ann.png') });
      await bob.screenshot({ path: join(output, 'classic-bob.png') });

      // Boggle: leave the finished game, create a round, find words on the grid.
      for (const p of [ann, bob]) {
        await p.click('#leave');
        await p.waitForSelector('#lobby:not(.hidden)');
      }
      await ann.fill('#game-name', 'web-boggle');
      await ann.selectOption('#game-code', 'boggle-4x4');
      await ann.click('#create');
      await bob.click('#refresh');
      await bob.click('li[data-game="web-boggle"] .join');
      await bob.waitForSelector('#game:not(.hidden)');
      await ann.click('#start');
      await ann.waitForSelector('#grid td');
      const gridText = (await ann.$$eval('#grid tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join('')))).join('/');
      const grid = parseGrid(gridText, ALPHABETS.en);
      if (!grid.ok) throw new Error(`cannot read the grid ${gridText}`);
      if (!dict.ok) throw new Error(dict.error.message);
      const words = solveBoggle(grid.value, dict.value).words.filter((w) => w.letters >= 3).slice(0, 3);
      expect(words.length).toBeGreaterThan(0);
      // Ann clicks the letters of her first word; Bob types another.
      const w0 = words[0]!;
      for (const cell of w0.path) await ann.click(`#grid td[data-cell="${Math.floor(cell / 4)},${cell % 4}"]`);
      await ann.click('#find');
      await ann.waitForSelector(`#found li:text-is("${w0.word.toUpperCase()}")`, { timeout: 5000 }).catch(() => undefined);
      await bob.fill('#word', 'qzxv');
      await bob.click('#find');
      await bob.waitForSelector('#error[data-code]');
      expect(Number(await bob.getAttribute('#error', 'data-code'))).toBeGreaterThanOrEqual(60000);
      if (words[1] !== undefined) {
        await bob.fill('#word', words[1].word);
        await bob.click('#find');
      }
      await ann.screenshot({ path: join(output, 'boggle-ann.png') });
      // The round closes on the server's timer; the scores show the words.
      await ann.waitForFunction(() => /ann [1-9]/.test(document.querySelector('#scores')?.textContent ?? ''), undefined, { timeout: 20_000 });
      await bob.screenshot({ path: join(output, 'boggle-bob.png') });
      // Ann logs out from the hall: the login form again, and her session opens nothing any more.
      await ann.click('#leave');
      await ann.waitForSelector('#lobby:not(.hidden)');
      const session = await ann.evaluate(() => sessionStorage.getItem('wordgame-session'));
      await ann.click('#logout');
      await ann.waitForSelector('#login:not(.hidden)');
      expect(await ann.evaluate((t) => fetch('/v1/tokens', { method: 'POST', headers: { authorization: `Bearer ${t}` } }).then((r) => r.status), session)).toBe(401);
      // She logs in again with her password.
      await ann.fill('#name', 'ann');
      await ann.fill('#password', 'ann-password');
      await ann.click('#login-button');
      await ann.waitForSelector('#lobby:not(.hidden)');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('two players play a double-challenge game with clocks to the end in the full board view', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath as string, args: ['--no-sandbox', '--headless=new'] });
    try {
      const [cat, dan] = await Promise.all([browser.newContext(), browser.newContext()]).then((cs) => Promise.all(cs.map((c) => c.newPage())));
      if (cat === undefined || dan === undefined) throw new Error('no pages');
      const errors: string[] = [];
      for (const p of [cat, dan]) p.on('pageerror', (e) => errors.push(String(e)));
      await enter(cat, s.url, 'cat');
      await enter(dan, s.url, 'dan');
      await cat.fill('#game-name', 'web-double');
      await cat.selectOption('#game-code', 'scrabble-en');
      await cat.selectOption('#challenge-rule', 'double');
      await cat.fill('#clock-minutes', '10');
      await cat.click('#create');
      await cat.waitForSelector('#game:not(.hidden)');
      expect(await cat.textContent('#title')).toContain('double challenge');
      await dan.click('#refresh');
      await dan.click('li[data-game="web-double"] .join');
      await dan.waitForSelector('#game:not(.hidden)');
      await cat.click('#start');
      await dan.waitForSelector('#status[data-status="running"]');
      // The board players expect: premiums, the centre star, coordinates; the bag and the unseen tiles; the clocks.
      expect(await dan.$$eval('#board td.tw', (tds) => tds.length)).toBe(8);
      expect(await dan.textContent('#board td.start')).toBe('★');
      expect(await dan.$$eval('#board th', (ths) => ths.map((t) => t.textContent).slice(0, 3))).toEqual(['', 'A', 'B']);
      expect(await dan.textContent('#bag')).toMatch(/^Bag: 86 tiles · unseen: [A-Z?]{93}$/);
      await dan.waitForFunction(() => document.querySelectorAll('#clocks .clock').length === 2 && document.querySelector('#clocks .clock.running') !== null);
      const first = (await cat.getAttribute('#status', 'data-to-move')) === 'cat' ? cat : dan;
      const second = first === cat ? dan : cat;
      const firstName = first === cat ? 'cat' : 'dan';
      const secondName = first === cat ? 'dan' : 'cat';
      const hand = async (page: Page) => (await page.$$eval('#hand .tile', (ts) => ts.map((t) => t.textContent ?? ''))).join('');

      // A phony, accepted and scored; the opponent challenges it off: the board is empty again, the turn lost.
      const phony = phonyFor(await rowsOf(first), await hand(first));
      if (phony === undefined) throw new Error('no phony found');
      await typePlay(first, phony);
      await second.waitForSelector('#challenge:not(.hidden)');
      expect(await second.textContent('#board td sub')).toMatch(/^\d+$/); // tile values on the board
      await second.click('#challenge');
      // Each page waits for the outcome: the challenger's comes in its request's reply, which may come after the push to the other page.
      for (const page of [first, second]) await page.waitForFunction(() => [...document.querySelectorAll('#board td')].every((td) => (td as HTMLElement).dataset.ch === '.'));
      expect(await second.getAttribute('#status', 'data-to-move')).toBe(secondName);
      expect(await second.textContent('#scores')).toMatch(/^\w+ 0 · \w+ 0$/);

      // A valid play challenged under the double rule: the challenger loses the turn.
      const best = bestFor(await rowsOf(second), await hand(second)).best;
      if (best === undefined) throw new Error('no play');
      await typePlay(second, best.placements);
      await first.waitForSelector('#challenge:not(.hidden)');
      await first.click('#challenge');
      await second.waitForFunction((n) => document.querySelector('#status')?.getAttribute('data-to-move') === n, secondName);
      // As above, the challenger's page hears the outcome in its own reply: wait for it before reading its buttons.
      await first.waitForFunction((n) => document.querySelector('#status')?.getAttribute('data-to-move') === n, secondName);
      expect(await first.isVisible('#challenge')).toBe(false);
      await first.screenshot({ path: join(output, 'double-challenge.png') });

      // A trade: two tiles marked by a click, then Trade; the turn passes and the bag keeps its count.
      const bagBefore = await second.textContent('#bag');
      await second.click('#hand .tile >> nth=0');
      await second.click('#hand .tile >> nth=1');
      expect(await second.$$eval('#hand .tile.trade', (ts) => ts.length)).toBe(2);
      await second.click('#trade');
      await first.waitForFunction((n) => document.querySelector('#status')?.getAttribute('data-to-move') === n, firstName);
      expect((await second.textContent('#bag'))?.slice(0, 12)).toBe(bagBefore?.slice(0, 12));

      // Then to the end, every play open to a challenge nobody makes.
      for (let turn = 0; turn < 80; turn++) {
        if ((await cat.getAttribute('#status', 'data-status')) === 'over') break;
        const mover = (await cat.getAttribute('#status', 'data-to-move')) === 'cat' ? cat : dan;
        await playTurn(mover, mover === cat ? dan : cat);
      }
      await dan.waitForSelector('#status[data-status="over"]');
      expect(await cat.textContent('#scores')).toMatch(/cat -?\d+ · dan -?\d+/);
      const clocks = await cat.$$eval('#clocks .clock', (cs) => cs.map((c) => Number((c as HTMLElement).dataset.ms)));
      expect(clocks.every((ms) => ms > 0 && ms <= 600_000)).toBe(true);
      await cat.screenshot({ path: join(output, 'double-challenge-over.png') });
      // Resigning: a new game, and Dan resigns it at once.
      await cat.click('#leave');
      await dan.click('#leave');
      await cat.waitForSelector('#lobby:not(.hidden)');
      await dan.waitForSelector('#lobby:not(.hidden)');
      await cat.fill('#game-name', 'web-resign');
      await cat.selectOption('#game-code', 'scrabble-en');
      await cat.click('#create');
      await dan.click('#refresh');
      await dan.click('li[data-game="web-resign"] .join');
      await dan.waitForSelector('#game:not(.hidden)');
      await cat.click('#start');
      await dan.waitForSelector('#status[data-status="running"]');
      await dan.click('#resign');
      await cat.waitForSelector('#status[data-status="over"]');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
