import type { GameConfig } from '../config/config.js';
import type { GameAnalysis } from './analyze.js';
import { VERDICT_THRESHOLDS } from './grade.js';

/**
 * A game's analysis as one standalone HTML page (no network, no external file): for each turn
 * the board drawn in SVG with the move played (blue) and the best move (green, dashed) marked,
 * the rack, both moves' figures and the verdict; a chart of the first player's win chance over
 * the game (click a point to go to its turn); the biggest losses; each player's totals.
 * Navigation by buttons, the turn list, and the keyboard (← →, Home, End). The data is embedded
 * as JSON with `<` escaped, and every text from the record (names, words) is set as text, never
 * as markup.
 */
export function analysisReport(analysis: GameAnalysis, config: GameConfig, title = 'Game analysis'): string {
  const { layout, alphabet, letters } = config;
  const glyphs: string[] = [''];
  const values: number[] = [0];
  for (let code = 1; code <= alphabet.size; code++) {
    glyphs.push(alphabet.glyph(code));
    values.push(letters.values[code] ?? 0);
  }
  const data = {
    title,
    analysis,
    layout: {
      rows: layout.rows,
      cols: layout.cols,
      letter: Array.from(layout.letterMultiplier),
      word: Array.from(layout.wordMultiplier),
      start: layout.start,
    },
    glyphs,
    values,
    thresholds: VERDICT_THRESHOLDS,
  };
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1 id="title"></h1><p id="meta"></p></header>
<section id="players"></section>
<main>
  <div id="board-wrap"><svg id="board" role="img" aria-label="board"></svg>
    <p class="legend"><span class="sw played"></span> move played <span class="sw best"></span> best move</p></div>
  <div id="turn">
    <nav><button id="first" title="Home">«</button><button id="prev" title="←">‹</button>
      <select id="turns" aria-label="turn"></select><button id="next" title="→">›</button><button id="last" title="End">»</button></nav>
    <h2 id="turn-title"></h2>
    <p><span id="verdict" class="verdict"></span> <span id="graded"></span></p>
    <table id="moves"><thead><tr><th></th><th>move</th><th>score</th><th>equity</th><th>win</th></tr></thead><tbody></tbody></table>
    <p id="notes"></p>
  </div>
</main>
<section><h2>Win chance of <span id="chart-player"></span></h2><svg id="chart" role="img" aria-label="win chance over the game"></svg></section>
<section><h2>Biggest losses</h2><table id="losses"><thead><tr><th>turn</th><th>player</th><th>played</th><th>best</th><th>win lost</th><th>equity lost</th><th>verdict</th></tr></thead><tbody></tbody></table></section>
<p id="counts" hidden></p>
<script type="application/json" id="data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font:15px/1.4 system-ui,sans-serif;margin:1rem auto;max-width:1100px;padding:0 1rem;color:#222;background:#fafaf7}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:.8rem 0 .4rem}
main{display:flex;gap:1.5rem;flex-wrap:wrap}#board-wrap{flex:0 0 auto}#turn{flex:1 1 320px}
table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right}tr.link{cursor:pointer}tr.link:hover{background:#eef}
nav button,nav select{font-size:1rem;margin-right:.3rem}
.verdict{padding:.1rem .5rem;border-radius:.3rem;color:#fff;font-weight:600}
.v-best{background:#2e7d32}.v-good{background:#689f38}.v-inaccuracy{background:#f9a825;color:#222}.v-mistake{background:#ef6c00}.v-blunder{background:#c62828}
.legend{font-size:.85rem}.sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin:0 .2rem 0 .6rem}
.sw.played{background:#1565c0}.sw.best{border:2px dashed #2e7d32}
#chart{width:100%;height:180px;background:#fff;border:1px solid #ddd}
`;

/** The page's script: reads the embedded data and draws; text always through textContent. */
const SCRIPT = `
(() => {
  const D = JSON.parse(document.getElementById('data').textContent);
  const A = D.analysis, L = D.layout, T = A.turns;
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, text) => { const e = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag); for (const [k, v] of Object.entries(attrs)) if (k !== 'svg') e.setAttribute(k, v); if (text !== undefined) e.textContent = text; return e; };
  const svg = (tag, attrs, text) => el(tag, { ...attrs, svg: 1 }, text);
  const pct = (x) => (100 * x).toFixed(1) + ' %';
  const names = A.players.map((p) => p.name);
  $('title').textContent = D.title;
  $('meta').textContent = names.join(' vs ') + ' · depth ' + A.depth + (A.lexicon ? ' · ' + A.lexicon : '') + ' · ' + T.length + ' turns analysed';
  // Players' totals.
  const pt = el('table'); const head = el('tr');
  for (const h of ['player', 'turns', 'accuracy', 'equity lost a turn', 'win lost a turn', 'best', 'good', 'inaccuracies', 'mistakes', 'blunders', 'missed bingos']) head.append(el('th', {}, h));
  pt.append(head);
  for (const p of A.players) { const r = el('tr'); for (const v of [p.name, p.turns, pct(p.accuracy), p.equityLostPerTurn.toFixed(1), pct(p.winLostPerTurn), p.verdicts.best, p.verdicts.good, p.verdicts.inaccuracy, p.verdicts.mistake, p.verdicts.blunder, p.missedBingos]) r.append(el('td', {}, String(v))); pt.append(r); }
  $('players').append(pt);
  // The board: cells from the CGP's first field.
  const cellsOf = (cgp) => { const cells = []; for (const row of cgp.split(' ')[0].split('/')) { const re = /(\\d+)|\\[([^\\]]+)\\]|(.)/g; let m; while ((m = re.exec(row))) { if (m[1]) for (let k = 0; k < +m[1]; k++) cells.push(''); else cells.push(m[2] ?? m[3]); } } return cells; };
  const glyphOf = (tile) => { const g = D.glyphs[tile & 63] ?? '?'; return tile & 64 ? g.toLowerCase() : g; };
  const S = 34, PAD = 20, board = $('board');
  board.setAttribute('viewBox', '0 0 ' + (PAD + L.cols * S + 2) + ' ' + (PAD + L.rows * S + 2));
  board.setAttribute('width', PAD + L.cols * S + 2); board.setAttribute('height', PAD + L.rows * S + 2);
  const premium = (i) => L.word[i] === 3 ? ['#e57373', 'TW'] : L.word[i] === 2 ? ['#f8bbd0', 'DW'] : L.letter[i] === 3 ? ['#64b5f6', 'TL'] : L.letter[i] === 2 ? ['#bbdefb', 'DL'] : L.word[i] === 0 ? ['#555', ''] : ['#e8e4d8', ''];
  const tile = (g, x, y, cls) => { const grp = svg('g'); grp.append(svg('rect', { x: x + 1, y: y + 1, width: S - 2, height: S - 2, rx: 4, fill: cls === 'best' ? 'none' : '#f3d9a4', stroke: cls === 'played' ? '#1565c0' : cls === 'best' ? '#2e7d32' : '#b08d57', 'stroke-width': cls ? 3 : 1, 'stroke-dasharray': cls === 'best' ? '5 3' : 'none' }));
    grp.append(svg('text', { x: x + S / 2, y: y + S / 2 + 6, 'text-anchor': 'middle', 'font-size': 18, 'font-weight': 700, fill: cls === 'best' ? '#2e7d32' : g === g.toLowerCase() ? '#c62828' : '#222' }, g.toUpperCase()));
    const v = D.values[D.glyphs.indexOf(g.toUpperCase())] ?? 0; if (g === g.toUpperCase() && cls !== 'best') grp.append(svg('text', { x: x + S - 5, y: y + S - 4, 'text-anchor': 'end', 'font-size': 9, fill: '#555' }, String(v))); return grp; };
  const drawBoard = (t) => {
    board.replaceChildren();
    for (let c = 0; c < L.cols; c++) board.append(svg('text', { x: PAD + c * S + S / 2, y: 14, 'text-anchor': 'middle', 'font-size': 11 }, String.fromCharCode(65 + c)));
    for (let r = 0; r < L.rows; r++) board.append(svg('text', { x: PAD - 4, y: PAD + r * S + S / 2 + 4, 'text-anchor': 'end', 'font-size': 11 }, String(r + 1)));
    const cells = cellsOf(t.cgp);
    const played = new Map(t.played.placements.map((p) => [p.square, glyphOf(p.tile)]));
    const best = new Map(t.best.placements.map((p) => [p.square, glyphOf(p.tile)]));
    for (let i = 0; i < L.rows * L.cols; i++) {
      const x = PAD + (i % L.cols) * S, y = PAD + Math.floor(i / L.cols) * S; const [fill, label] = premium(i);
      board.append(svg('rect', { x, y, width: S, height: S, fill, stroke: '#fff' }));
      if (label && !cells[i]) board.append(svg('text', { x: x + S / 2, y: y + S / 2 + 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#fff' }, label));
      if (i === L.start && !cells[i]) board.append(svg('text', { x: x + S / 2, y: y + S / 2 + 6, 'text-anchor': 'middle', 'font-size': 18, fill: '#fff' }, '★'));
      if (cells[i]) board.append(tile(cells[i], x, y));
      else if (played.has(i)) board.append(tile(played.get(i), x, y, 'played'));
      if (best.has(i) && !played.has(i) && !cells[i]) board.append(tile(best.get(i), x, y, 'best'));
      else if (best.has(i) && played.has(i)) board.append(svg('rect', { x: x + 4, y: y + 4, width: S - 8, height: S - 8, fill: 'none', stroke: '#2e7d32', 'stroke-width': 2, 'stroke-dasharray': '4 3' }));
    }
  };
  // The turn panel.
  const select = $('turns');
  T.forEach((t, i) => select.append(el('option', { value: i }, t.turn + '. ' + names[t.player] + ': ' + t.played.move)));
  let at = 0;
  const show = (i) => {
    at = Math.max(0, Math.min(T.length - 1, i)); const t = T[at]; select.value = String(at); drawBoard(t);
    $('turn-title').textContent = 'Turn ' + t.turn + ' · ' + names[t.player] + ' · rack ' + t.rack + ' · ' + (t.lead >= 0 ? '+' : '') + t.lead + ' · bag ' + t.bag;
    const v = $('verdict'); v.textContent = t.verdict; v.className = 'verdict v-' + t.verdict;
    $('graded').textContent = 'graded by ' + t.gradedBy + ' · win chance lost ' + pct(Math.max(0, t.winLoss)) + ' · equity lost ' + t.equityLoss.toFixed(1) + ' · rank ' + t.played.rank;
    const body = $('moves').tBodies[0]; body.replaceChildren();
    const row = (label, m, win) => { const r = el('tr'); for (const c of [label, m.move, String(m.score), m.equity.toFixed(1), win === undefined ? '' : pct(win)]) r.append(el('td', {}, c)); body.append(r); };
    const bestWin = t.endgame ? undefined : t.peg ? t.peg.best.win : t.sim ? t.sim.best.win : t.win;
    const playedWin = t.endgame ? undefined : t.peg ? t.peg.played?.win : t.sim ? t.sim.played?.win : t.win - t.winLoss;
    row('played', t.played, playedWin); row('best (static)', t.best, t.sim || t.peg ? undefined : bestWin);
    if (t.sim) { const r = el('tr'); for (const c of ['best (simulation)', t.sim.best.move, '', '', pct(t.sim.best.win)]) r.append(el('td', {}, c)); body.append(r); }
    if (t.peg) { const r = el('tr'); for (const c of ['best (pre-endgame)', t.peg.best.move, '', '', pct(t.peg.best.win)]) r.append(el('td', {}, c)); body.append(r); }
    const notes = [];
    if (t.endgame) notes.push('Endgame' + (t.endgame.exact ? ' (exact)' : '') + ': best ' + t.endgame.best.move + ' ' + t.endgame.best.value + ', played ' + t.endgame.played.value + ' (spread to the end).');
    if (t.missedBingo) notes.push('Missed bingo: ' + t.missedBingo + '.');
    if (t.played.phony) notes.push('A phony, challenged off: the turn was lost.');
    $('notes').textContent = notes.join(' ');
    chartMark();
  };
  $('first').onclick = () => show(0); $('prev').onclick = () => show(at - 1); $('next').onclick = () => show(at + 1); $('last').onclick = () => show(T.length - 1);
  select.onchange = () => show(+select.value);
  document.addEventListener('keydown', (e) => { if (e.target === select) return; if (e.key === 'ArrowLeft') show(at - 1); else if (e.key === 'ArrowRight') show(at + 1); else if (e.key === 'Home') show(0); else if (e.key === 'End') show(T.length - 1); else return; e.preventDefault(); });
  // The chart: the first player's win chance after each turn analysed.
  const chart = $('chart'); const W = 1000, H = 180; chart.setAttribute('viewBox', '0 0 ' + W + ' ' + H); chart.setAttribute('preserveAspectRatio', 'none');
  $('chart-player').textContent = names[0] ?? '';
  const px = (i) => 10 + (T.length < 2 ? 0 : (i * (W - 20)) / (T.length - 1)), py = (w) => 10 + (1 - w) * (H - 20);
  const firstWin = T.map((t) => (t.player === 0 ? t.win : 1 - t.win));
  chart.append(svg('line', { x1: 0, x2: W, y1: py(0.5), y2: py(0.5), stroke: '#bbb', 'stroke-dasharray': '4 4' }));
  chart.append(svg('polyline', { points: firstWin.map((w, i) => px(i) + ',' + py(w)).join(' '), fill: 'none', stroke: '#1565c0', 'stroke-width': 2 }));
  const marker = svg('line', { y1: 0, y2: H, stroke: '#c62828' }); chart.append(marker);
  firstWin.forEach((w, i) => { const c = svg('circle', { cx: px(i), cy: py(w), r: 5, fill: T[i].player === 0 ? '#1565c0' : '#ef6c00', class: 'point' }); c.append(svg('title', {}, T[i].turn + ': ' + pct(w))); c.style.cursor = 'pointer'; c.onclick = () => show(i); chart.append(c); });
  function chartMark() { marker.setAttribute('x1', px(at)); marker.setAttribute('x2', px(at)); }
  // Biggest losses.
  const losses = T.map((t, i) => [t, i]).filter(([t]) => t.winLoss > 0 || t.equityLoss > 0).sort((a, b) => b[0].winLoss - a[0].winLoss || b[0].equityLoss - a[0].equityLoss).slice(0, 10);
  const lb = $('losses').tBodies[0];
  for (const [t, i] of losses) { const r = el('tr', { class: 'link' }); for (const c of [String(t.turn), names[t.player], t.played.move, t.best.move, pct(Math.max(0, t.winLoss)), t.equityLoss.toFixed(1), t.verdict]) r.append(el('td', {}, c)); r.onclick = () => show(i); lb.append(r); }
  // Counts, for tools and tests.
  const counts = { turns: T.length }; for (const t of T) counts[t.verdict] = (counts[t.verdict] ?? 0) + 1;
  $('counts').textContent = JSON.stringify(counts);
  if (T.length > 0) show(0);
})();
`;
