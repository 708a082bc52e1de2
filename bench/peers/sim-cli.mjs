// The project's CLI as ../shared/peers/magpie/sim.mjs reads it: that script was written when
// `wordgame sim --json` named the chosen play `best` and each candidate's `play`; 0.2.0 names both
// `move`. This runs the CLI of the build in WORDGAME_DIST in this process and adds the old names to
// its JSON. Used by bench/peers/sim.sh; not part of the package.
const chunks = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  chunks.push(String(chunk));
  const done = rest.find((x) => typeof x === 'function');
  if (done) done();
  return true;
};
const dist = process.env.WORDGAME_DIST;
if (!dist) throw new Error('sim-cli.mjs: set WORDGAME_DIST to the project dist/ folder');
const { main } = await import(new URL(`file://${dist}/cli.js`).href);
await main();
let text = chunks.join('');
try {
  const j = JSON.parse(text);
  if (j.move !== undefined && j.best === undefined) j.best = j.move;
  for (const c of j.candidates ?? []) if (c.play === undefined) c.play = c.move;
  text = JSON.stringify(j);
} catch {
  // Not JSON (an error message): passed on as it is.
}
write(text);
