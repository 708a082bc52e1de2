// A classic game through the engine: one pure function, apply(state, player, request).
import { createEngine, toMove, bestPlay, MoveGenerator, moveInput } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);
// The engine asks for a dictionary by alphabet name; undefined means none for that alphabet.
const engine = createEngine({ dictionary: (alphabet) => (alphabet === 'en' ? dictionary.value : undefined) });

// Settings are untrusted input (30xxx codes). Without a seed the engine draws one with
// crypto.getRandomValues and stores it: from then on the game is deterministic.
const created = engine.create({ name: 'Friday', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 42 }, 'ann');
if (!created.ok) throw new Error(created.error.message);
let state = created.value.state;

for (const [player, request] of [
  ['bob', { type: 'join' }],
  ['ann', { type: 'start' }],
] as const) {
  const r = engine.apply(state, player, request);
  if (!r.ok) throw new Error(r.error.message);
  state = r.value.state; // r.value.events says what happened
}
console.log(state.status, toMove(state)); // → running ann

// Out of turn: an error value, and the state is unchanged (it is immutable).
const early = engine.apply(state, 'bob', { type: 'pass' });
if (!early.ok) console.log(early.error.code, early.error.name); // → 60002 NOT_YOUR_TURN

// Ann plays the best play her hand allows, as the request a client would send.
const ctx = engine.context(state);
if (!ctx.ok || state.classic === undefined) throw new Error('not a classic game');
const generator = MoveGenerator.create(ctx.value.config, dictionary.value, state.classic.tiles.board);
if (!generator.ok) throw new Error(generator.error.message);
const best = bestPlay(generator.value, state.classic.tiles.hands[0] ?? []);
if (best === undefined) throw new Error('no play');
const played = engine.apply(state, 'ann', { type: 'play', ...moveInput(best.placements, ctx.value.config) });
if (!played.ok) throw new Error(played.error.message);
state = played.value.state;
console.log(state.players.map((p) => `${p.id} ${p.score}`).join(', '), '| to move:', toMove(state)); // → ann 22, bob 0 | to move: bob
