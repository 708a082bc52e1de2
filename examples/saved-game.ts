// Store a game anywhere as JSON, load it back checked, and show each player only what they may see.
import { createEngine, gameToJSON, gameFromJSON, playerView } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);
const engine = createEngine({ dictionary: (alphabet) => (alphabet === 'en' ? dictionary.value : undefined) });

const created = engine.create({ name: 'Friday', timePerTurn: 60, code: 'scrabble-en', maxPlayers: 2, seed: 42 }, 'ann');
if (!created.ok) throw new Error(created.error.message);
let state = created.value.state;
for (const [player, request] of [
  ['bob', { type: 'join' }],
  ['ann', { type: 'start' }],
  ['ann', { type: 'pass' }],
] as const) {
  const r = engine.apply(state, player, request);
  if (!r.ok) throw new Error(r.error.message);
  state = r.value.state;
}

// Plain data: store it in any database. Loading checks every field (and, with
// { verify: 'replay' }, replays the recorded requests from the seed and compares).
const saved = JSON.stringify(gameToJSON(state));
const loaded = gameFromJSON(JSON.parse(saved), engine, { verify: 'replay' });
console.log(loaded.ok && JSON.stringify(gameToJSON(loaded.value)) === saved); // → true

// A tampered score is refused with a clear code, never loaded.
const tampered = JSON.parse(saved);
tampered.players[0].score = 500;
const refused = gameFromJSON(tampered, engine);
if (!refused.ok) console.log(refused.error.code, refused.error.name); // → 90401 BAD_STATE

// What bob may see: his own hand, not ann's, and no seed while the game runs.
const view = playerView(state, 'bob') as { settings: { seed: number | null }; classic: { hands: (string | null)[] } };
console.log(view.classic.hands[0], typeof view.classic.hands[1], view.settings.seed); // → null string null
