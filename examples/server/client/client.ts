/**
 * The reference server's browser client: register, log in or play as a guest, list, create and
 * join games (a challenge rule and a clock for classic games), play crossword games by click and
 * keyboard on the board players expect (premium squares, the centre star, coordinates, tile
 * values, the bag count and the unseen tiles, clocks; play, trade, pass, challenge and resign) and
 * Boggle on a grid, with the catalogue's error messages shown. The board's premiums and the tile
 * values come from the engine itself (`presetConfig`), bundled into the page. The session token is kept in the tab's sessionStorage (a
 * reload resumes; closing the tab forgets it); the password is sent once and never kept.
 * Plain DOM, no framework; bundled by esbuild (see src/client-files.ts).
 */
import { type GameConfig, PREDEFINED_GAMES, presetConfig } from 'wordgame-engine';

type Message = { res: string; id?: string; data: Record<string, unknown> };
type View = {
  settings: { name: string; code: string; challengeRule?: string; clock?: { initialSeconds: number; overtimeSeconds: number } };
  type: string;
  status: string;
  operator: string;
  players: { id: string; score: number }[];
  classic?: {
    board: string[];
    hands: (string | null)[];
    toMove: number;
    bag?: { size: number };
    clock?: { remaining: number[]; since: number };
    pending?: { player: number };
  };
  duplicate?: { board: string[]; hand: string };
  anagram?: { hand: string };
  boggle?: { grid: string; submissions?: { word: string }[][] };
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let ws: WebSocket | undefined;
let me = '';
let view: View | undefined;
/** The game and version of the newest push shown. */
let shownGame: string | undefined;
let shownVersion = 0;
let toMove: string | null = null;
let seq = 0;
/** Request ids are unique per page load: the server answers an id it has seen (within its window) with the first answer. */
const session = crypto.randomUUID().slice(0, 8);
const waiting = new Map<string, (m: Message) => void>();
/** Tiles placed this turn: square → [letter, blank]. */
const placed = new Map<string, { row: number; col: number; glyph: string; blank: boolean }>();
let cursor: { row: number; col: number; down: boolean } | undefined;
let path: [number, number][] = [];
/** The hand's tiles (by index) marked to trade. */
const toTrade = new Set<number>();

function show(section: 'login' | 'lobby' | 'game'): void {
  for (const s of ['login', 'lobby', 'game']) $(s).classList.toggle('hidden', s !== section);
}

function showError(m: Message): void {
  const d = m.data as { code: number; message: string; cause?: string; param?: unknown };
  $('error').textContent = `${d.message}${d.param === undefined ? '' : ` (${String(d.param)})`}${d.cause === undefined ? '' : ` — ${d.cause}`} [${d.code}]`;
  $('error').dataset.code = String(d.code);
}

function request(req: string, data?: unknown): Promise<Message> {
  const id = `c${session}-${++seq}`;
  return new Promise((resolve) => {
    waiting.set(id, (m) => {
      if (m.res === 'v1.error') showError(m);
      else {
        $('error').textContent = '';
        delete $('error').dataset.code;
      }
      resolve(m);
    });
    ws?.send(JSON.stringify({ req, id, ...(data === undefined ? {} : { data }) }));
  });
}

/** Where the tab keeps its session token. */
const SESSION_KEY = 'wordgame-session';

/** Registers, logs in or opens a guest session with the name (and password) typed, then enters. */
async function authenticate(kind: 'login' | 'register' | 'guest'): Promise<void> {
  const player = $<HTMLInputElement>('name').value.trim();
  const password = $<HTMLInputElement>('password').value;
  const [path, body] = kind === 'register' ? ['/v1/accounts', { player, password }] : kind === 'guest' ? ['/v1/sessions', { player, guest: true }] : ['/v1/sessions', { player, password }];
  const r = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  const answer = (await r.json()) as { sessionToken?: string; data?: Message['data'] };
  if (answer.sessionToken === undefined) return showError({ res: 'v1.error', data: answer.data ?? {} });
  $<HTMLInputElement>('password').value = '';
  sessionStorage.setItem(SESSION_KEY, answer.sessionToken);
  await enter(answer.sessionToken);
}

/** Ends the session: the server closes the socket; back to the login form. */
async function logout(): Promise<void> {
  const token = sessionStorage.getItem(SESSION_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  if (token !== null) await fetch('/v1/sessions', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  ws?.close();
  delete document.body.dataset.player;
  show('login');
}

/** Opens the socket with a socket token of the session, identifies the player and shows the hall or the game. */
async function enter(sessionToken: string): Promise<void> {
  const r = await fetch('/v1/tokens', { method: 'POST', headers: { authorization: `Bearer ${sessionToken}` } });
  const body = (await r.json()) as { player?: string; guest?: boolean; socketToken?: string; data?: Message['data'] };
  if (body.socketToken === undefined || body.player === undefined) {
    sessionStorage.removeItem(SESSION_KEY);
    show('login');
    return showError({ res: 'v1.error', data: body.data ?? {} });
  }
  me = body.player;
  $('who').textContent = `${me}${body.guest === true ? ' (guest)' : ''}`;
  ws = new WebSocket(`${location.origin.replace('http', 'ws')}/v1/socket?token=${body.socketToken}`);
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data)) as Message;
    const id = m.id ?? (m.data as { id?: string }).id;
    const w = id === undefined ? undefined : waiting.get(id);
    if (w !== undefined) {
      waiting.delete(id as string);
      w(m);
    } else if (m.res === 'v1.event') {
      showChange(m.data);
    } else if (m.res === 'v1.games.changed') void refresh();
    else if (m.res === 'v1.error') showError(m);
  };
  await new Promise((resolve) => ws?.addEventListener('open', resolve, { once: true }));
  ws.onclose = (e) => {
    // Closed by the server (a logout elsewhere, an admin, a token gone): back to the login form.
    if (e.code === 4001) {
      sessionStorage.removeItem(SESSION_KEY);
      show('login');
    }
  };
  await request('v1.client.identify', { name: 'web', version: '1.0', protocol: '1.0' });
  let who = await request('v1.players.identify', { name: me });
  // 10104 right after a reload: the server has not yet seen the old socket close; try again shortly.
  for (let attempt = 0; who.res === 'v1.error' && who.data.code === 10104 && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    who = await request('v1.players.identify', { name: me });
  }
  if (who.res === 'v1.error') return;
  document.body.dataset.player = me;
  // Back in the game the player was in (a reload, a reconnection): the whole game again.
  if ((who.data.game ?? null) !== null) {
    const g = await request('v1.games.view');
    if (g.res !== 'v1.error') {
      toMove = (g.data.toMove as string | null) ?? null;
      return enterGame(g.data.view as View);
    }
  }
  show('lobby');
  await refresh();
}

async function refresh(): Promise<void> {
  const r = await request('v1.games.list');
  const games = (r.data.games ?? []) as { settings: { name: string; code: string }; players: string[]; status: string }[];
  const list = $('games');
  list.replaceChildren(
    ...games.map((g) => {
      const li = document.createElement('li');
      li.dataset.game = g.settings.name;
      li.textContent = `${g.settings.name} (${g.settings.code}, ${g.status}) `;
      const b = document.createElement('button');
      b.textContent = 'Join';
      b.className = 'join';
      b.onclick = () => void join(g.settings.name);
      li.append(b);
      return li;
    }),
  );
}

async function create(): Promise<void> {
  const code = $<HTMLSelectElement>('game-code').value;
  const classic = PREDEFINED_GAMES[code]?.type === 'classic';
  const rule = $<HTMLSelectElement>('challenge-rule').value;
  const minutes = Number($<HTMLInputElement>('clock-minutes').value);
  const r = await request('v1.games.create', {
    name: $<HTMLInputElement>('game-name').value,
    code,
    timePerTurn: 600,
    maxPlayers: 2,
    ...(classic && rule !== 'void' ? { challengeRule: rule } : {}),
    ...(classic && minutes > 0 ? { clock: { initialSeconds: Math.round(minutes * 60) } } : {}),
  });
  if (r.res !== 'v1.error') enterGame(r.data.view as View);
}

async function join(name: string): Promise<void> {
  const r = await request('v1.games.join', { game: name });
  if (r.res !== 'v1.error') enterGame(r.data.view as View);
}

function enterGame(v: View): void {
  show('game');
  render(v);
}

/** Shows a change (a push, or the answer to this player's own request), unless a newer one was shown (pushes from several server processes may overtake each other). */
function showChange(data: Message['data']): void {
  const version = data.version as number;
  if (data.game === shownGame && version < shownVersion) return;
  [shownGame, shownVersion] = [data.game as string, version];
  toMove = (data.toMove as string | null) ?? null;
  render(data.view as View);
}

async function game(request_: Record<string, unknown>): Promise<Message> {
  // A change answers with the new view and turn (the other players get them in a push).
  const r = await request('v1.games.request', request_);
  if (r.res !== 'v1.error' && r.data.view !== undefined) showChange(r.data);
  return r;
}

function boardRows(v: View): string[] | undefined {
  return v.classic?.board ?? v.duplicate?.board;
}

function myHand(v: View): string {
  if (v.classic !== undefined) return v.classic.hands[v.players.findIndex((p) => p.id === me)] ?? '';
  return v.duplicate?.hand ?? v.anagram?.hand ?? '';
}

/** The configuration of a game's code (premiums, tile values, the letterset): the engine's own. */
function configOf(v: View): GameConfig | undefined {
  const c = presetConfig(PREDEFINED_GAMES[v.settings.code]?.config ?? 'en');
  return c.ok ? c.value : undefined;
}

/** A premium square's class: double/triple letter or word, the start. */
const PREMIUM: Readonly<Record<string, string>> = { d: 'dl', t: 'tl', q: 'ql', D: 'dw', T: 'tw', Q: 'qw', '*': 'start', '+': 'start' };

/** m:ss of a clock (ms), with a minus sign in overtime. */
function clockText(ms: number): string {
  const s = Math.ceil(Math.abs(ms) / 1000);
  return `${ms < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The clocks of a running game with clocks, the player to move's running. */
function renderClocks(): void {
  const c = view?.classic;
  const box = $('clocks');
  if (view === undefined || c?.clock === undefined) return void box.replaceChildren();
  const clock = c.clock;
  box.replaceChildren(
    ...view.players.map((p, i) => {
      const running = view?.status === 'running' && c.toMove === i;
      const ms = (clock.remaining[i] ?? 0) - (running ? Date.now() - clock.since : 0);
      const span = Object.assign(document.createElement('span'), { className: `clock${running ? ' running' : ''}${ms < 0 ? ' overtime' : ''}`, textContent: `${p.id} ${clockText(ms)}` });
      span.dataset.player = p.id;
      span.dataset.ms = String(ms);
      return span;
    }),
  );
}
setInterval(renderClocks, 500);

/** The tiles nobody has shown this player: the letterset without the board's tiles and the player's own hand. */
function unseenTiles(v: View, config: GameConfig): string {
  const left = new Map<string, number>(config.letters.spec.tiles.map((t) => [t.glyph, t.count]));
  left.set('?', config.letters.blanks);
  const take = (g: string) => left.set(g, (left.get(g) ?? 0) - 1);
  for (const line of boardRows(v) ?? []) for (const ch of line) if (ch !== '.') take(ch === ch.toUpperCase() ? ch : '?');
  for (const t of myHand(v)) take(t);
  return [...left].flatMap(([g, n]) => Array<string>(Math.max(0, n)).fill(g)).join('');
}

function render(v: View): void {
  view = v;
  const config = configOf(v);
  $('title').textContent = `${v.settings.name} (${v.type}${v.settings.challengeRule === undefined ? '' : `, ${v.settings.challengeRule} challenge`})`;
  const current = v.classic !== undefined ? v.players[v.classic.toMove]?.id : toMove;
  $('status').textContent = v.status === 'running' ? `running — to move: ${current ?? 'everyone'}` : v.status;
  $('status').dataset.status = v.status;
  $('status').dataset.toMove = current ?? '';
  $('scores').textContent = v.players.map((p) => `${p.id} ${p.score}`).join(' · ');
  $('start').classList.toggle('hidden', v.status !== 'waiting' || v.operator !== me);
  const isBoggle = v.type === 'boggle';
  $('crossword').classList.toggle('hidden', isBoggle);
  $('boggle').classList.toggle('hidden', !isBoggle);
  if (isBoggle) return renderBoggle(v);
  const rows = boardRows(v) ?? [];
  const table = $('board');
  const premiums = config?.layout.spec.rows.map((line) => line.replace(/ /g, '')) ?? [];
  /** A tile: its letter (lower case for a blank) and, for a letter, its value. */
  const tile = (td: HTMLElement, letter: string, blank: boolean) => {
    td.textContent = blank ? letter.toLowerCase() : letter.toUpperCase();
    const code = config?.alphabet.code(letter.toUpperCase()) ?? 0;
    if (!blank && config !== undefined) td.append(Object.assign(document.createElement('sub'), { textContent: String(config.letters.values[code] ?? '') }));
  };
  const header = document.createElement('tr');
  header.append(document.createElement('th'), ...(rows[0] ?? '').split('').map((_, c) => Object.assign(document.createElement('th'), { textContent: String.fromCharCode(65 + c) })));
  table.replaceChildren(
    header,
    ...rows.map((line, r) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { textContent: String(r + 1) }));
      [...line].forEach((ch, c) => {
        const td = document.createElement('td');
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.ch = ch;
        const premium = PREMIUM[premiums[r]?.[c] ?? '.'];
        const p = placed.get(`${r},${c}`);
        if (ch !== '.') {
          tile(td, ch, ch !== ch.toUpperCase());
          td.className = 'filled';
        } else if (p !== undefined) {
          tile(td, p.glyph, p.blank);
          td.className = 'placed';
        } else if (premium !== undefined) {
          td.className = premium;
          td.textContent = premium === 'start' ? '★' : premium.toUpperCase();
        }
        if (cursor?.row === r && cursor.col === c) td.classList.add('cursor');
        td.onclick = () => clickSquare(r, c);
        tr.append(td);
      });
      return tr;
    }),
  );
  const c = v.classic;
  $('bag').textContent = c?.bag === undefined || config === undefined ? '' : `Bag: ${c.bag.size} tiles · unseen: ${unseenTiles(v, config)}`;
  const myTurn = v.status === 'running' && c !== undefined && v.players[c.toMove]?.id === me;
  $('challenge').classList.toggle('hidden', !(myTurn && c?.pending !== undefined));
  for (const id of ['trade', 'resign']) $(id).classList.toggle('hidden', c === undefined || v.status !== 'running');
  renderClocks();
  const hand = [...myHand(v)];
  const used = [...placed.values()].map((p) => (p.blank ? '?' : p.glyph));
  $('hand').replaceChildren(
    ...hand.map((t, i) => {
      const s = document.createElement('span');
      s.className = 'tile';
      const k = used.indexOf(t);
      if (k >= 0) {
        used.splice(k, 1);
        s.classList.add('used');
      }
      if (toTrade.has(i)) s.classList.add('trade');
      s.textContent = t;
      // A click marks a tile to trade.
      s.onclick = () => {
        if (!toTrade.delete(i)) toTrade.add(i);
        if (view !== undefined) render(view);
      };
      return s;
    }),
  );
}

function renderBoggle(v: View): void {
  const rows = (v.boggle?.grid ?? '').split('/');
  $('grid').replaceChildren(
    ...rows.map((line, r) => {
      const tr = document.createElement('tr');
      const faces = line.match(/Qu|[A-Z]/g) ?? [...line];
      faces.forEach((f, c) => {
        const td = document.createElement('td');
        td.textContent = f;
        td.dataset.cell = `${r},${c}`;
        if (path.some(([a, b]) => a === r && b === c)) td.className = 'on';
        td.onclick = () => {
          path.push([r, c]);
          $<HTMLInputElement>('word').value += f.toUpperCase();
          renderBoggle(v);
        };
        tr.append(td);
      });
      return tr;
    }),
  );
  const mine = v.boggle?.submissions?.[v.players.findIndex((p) => p.id === me)] ?? [];
  $('found').replaceChildren(...mine.map((w) => Object.assign(document.createElement('li'), { textContent: w.word })));
}

function clickSquare(row: number, col: number): void {
  cursor = cursor?.row === row && cursor.col === col ? { row, col, down: !cursor.down } : { row, col, down: false };
  if (view !== undefined) render(view);
}

function typeLetter(letter: string): void {
  if (view === undefined || cursor === undefined) return;
  const rows = boardRows(view) ?? [];
  const hand = [...myHand(view)];
  for (const p of placed.values()) hand.splice(hand.indexOf(p.blank ? '?' : p.glyph), 1);
  const glyph = letter.toUpperCase();
  const blank = !hand.includes(glyph);
  if (blank && !hand.includes('?')) return;
  // Skip squares that hold tiles.
  while (cursor.row < rows.length && cursor.col < (rows[0]?.length ?? 0) && (rows[cursor.row]?.[cursor.col] !== '.' || placed.has(`${cursor.row},${cursor.col}`))) {
    if (cursor.down) cursor.row++;
    else cursor.col++;
  }
  if (cursor.row >= rows.length || cursor.col >= (rows[0]?.length ?? 0)) return;
  placed.set(`${cursor.row},${cursor.col}`, { row: cursor.row, col: cursor.col, glyph, blank });
  if (cursor.down) cursor.row++;
  else cursor.col++;
  render(view);
}

async function submit(): Promise<void> {
  const tiles = [...placed.values()].map((p) => ({ row: p.row, col: p.col, glyph: p.glyph, ...(p.blank ? { blank: true } : {}) }));
  const r = await game({ type: 'play', tiles });
  if (r.res !== 'v1.error') clear();
}

function clear(): void {
  placed.clear();
  cursor = undefined;
  if (view !== undefined) render(view);
}

document.addEventListener('keydown', (e) => {
  if ((e.target as HTMLElement).tagName === 'INPUT') {
    if (e.key === 'Enter' && (e.target as HTMLElement).id === 'word') void findWord();
    return;
  }
  if (/^[a-zA-Z]$/.test(e.key)) typeLetter(e.key);
  else if (e.key === 'Backspace') {
    const last = [...placed.keys()].pop();
    if (last !== undefined) {
      const p = placed.get(last);
      placed.delete(last);
      if (p !== undefined && cursor !== undefined) cursor = { row: p.row, col: p.col, down: cursor.down };
      if (view !== undefined) render(view);
    }
  } else if (e.key === 'Enter') void submit();
  else if (e.key === 'Escape') clear();
});

async function findWord(): Promise<void> {
  const word = $<HTMLInputElement>('word').value.trim();
  const r = await game(path.length > 0 && word === path.map(([a, b]) => $('grid').querySelector(`[data-cell="${a},${b}"]`)?.textContent ?? '').join('').toUpperCase() ? { type: 'play', path } : { type: 'play', word });
  path = [];
  if (r.res !== 'v1.error') $<HTMLInputElement>('word').value = '';
  if (view !== undefined) renderBoggle(view);
}

$('login-button').onclick = () => void authenticate('login');
$('register').onclick = () => void authenticate('register');
$('guest').onclick = () => void authenticate('guest');
$('logout').onclick = () => void logout();
// A reload resumes the tab's session.
const resumed = sessionStorage.getItem(SESSION_KEY);
if (resumed !== null) void enter(resumed);
$('refresh').onclick = () => void refresh();
$('create').onclick = () => void create();
$('start').onclick = () => void game({ type: 'start' });
$('pass').onclick = () => void game({ type: 'pass' });
$('challenge').onclick = () => void game({ type: 'challenge' });
$('resign').onclick = () => void game({ type: 'resign' });
$('trade').onclick = async () => {
  const hand = view === undefined ? [] : [...myHand(view)];
  const glyphs = [...toTrade].map((i) => hand[i]).filter((g): g is string => g !== undefined);
  const r = await game({ type: 'trade', glyphs });
  if (r.res !== 'v1.error') toTrade.clear();
};
$('submit').onclick = () => void submit();
$('clear').onclick = () => clear();
$('find').onclick = () => void findWord();
$('leave').onclick = async () => {
  const r = await game({ type: 'leave' });
  if (r.res !== 'v1.error') {
    show('lobby');
    await refresh();
  }
};
