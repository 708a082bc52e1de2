// Club play: a double-challenge game with chess clocks, through the same apply.
import { createEngine, lastPlayIsPhony, MoveGenerator, bestPlay, moveInput, type GameRequest } from 'wordgame-engine';
import { loadDefaultDictionary } from 'wordgame-engine/node';

const dictionary = loadDefaultDictionary();
if (!dictionary.ok) throw new Error(dictionary.error.message);
const engine = createEngine({ dictionary: (alphabet) => (alphabet === 'en' ? dictionary.value : undefined) });

// 25 minutes each, 10 points a started minute of overtime, lost on time after 10 minutes of it.
const created = engine.create(
  {
    name: 'Club',
    timePerTurn: 600,
    code: 'scrabble-en',
    maxPlayers: 2,
    seed: 42,
    challengeRule: 'double',
    clock: { initialSeconds: 1500 },
  },
  'ann',
);
if (!created.ok) throw new Error(created.error.message);
let state = created.value.state;
const t0 = Date.UTC(2026, 11, 6, 18, 0); // the caller's clock: the engine never reads the time
const apply = (player: string, request: GameRequest) => {
  const r = engine.apply(state, player, request);
  if (!r.ok) throw new Error(`${r.error.name}: ${r.error.cause ?? ''}`);
  state = r.value.state;
  return r.value.events;
};
apply('bob', { type: 'join' });
apply('ann', { type: 'start', at: t0 });

// Ann bluffs: her best play's letters in another order. Under a challenge rule it is accepted and scored.
const ctx = engine.context(state);
if (!ctx.ok || state.classic === undefined) throw new Error('not a classic game');
const generator = MoveGenerator.create(ctx.value.config, dictionary.value, state.classic.tiles.board);
if (!generator.ok) throw new Error(generator.error.message);
const best = bestPlay(generator.value, state.classic.tiles.hands[0] ?? []);
if (best === undefined) throw new Error('no play');
const letters = best.placements.map((p) => p.tile);
const phony = best.placements.map((p, i) => ({ square: p.square, tile: letters[(i + 1) % letters.length] as number }));
const [played] = apply('ann', { type: 'play', ...moveInput(phony, ctx.value.config), at: t0 + 40_000 });
console.log(played?.type, played?.type === 'played' ? `${played.move} ${played.score}` : ''); // → played 8D OuRNY 16
// Nobody is told it is a phony; Bob judges from the board, as the engine's players do.
console.log(lastPlayIsPhony(state.classic, ctx.value)); // → true
const [challenged] = apply('bob', { type: 'challenge', at: t0 + 55_000 });
console.log(challenged?.type === 'challenged' ? `${challenged.outcome} ${challenged.points}` : ''); // → withdrawn -16
console.log(state.players.map((p) => `${p.id} ${p.score}`).join(', ')); // → ann 0, bob 0

// Bob plays; Ann challenges a valid play: under the double rule she loses her turn.
apply('bob', { type: 'pass', at: t0 + 70_000 });
apply('ann', { type: 'play', ...moveInput(best.placements, ctx.value.config), at: t0 + 90_000 });
const [upheld] = apply('bob', { type: 'challenge', at: t0 + 95_000 });
console.log(upheld?.type === 'challenged' ? upheld.outcome : '', state.players[state.classic.toMove]?.id); // → lost-turn ann
// Each clock: 25 minutes less the time spent (ms), Ann's running since her last move.
console.log(state.classic.clock?.remaining.join(', ')); // → 1440000, 1465000

// Bob resigns: the game is over and he lost it, whatever the scores.
const [, over] = apply('bob', { type: 'resign', at: t0 + 100_000 });
console.log(over?.type === 'game-over' ? `${over.reason}; forfeited by ${over.forfeited}` : ''); // → bob resigned; forfeited by bob
