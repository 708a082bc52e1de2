/**
 * The CommonJS declarations: a `.d.cts` beside each `.d.ts` that `tsc -p tsconfig.types.json`
 * wrote under `dist/types/` (one a source module, the names of `src/`), with relative imports
 * pointed at the `.cjs` twins, so `require('wordgame-engine')` is typed as CommonJS and an
 * editor's "go to definition" lands in a file named after the module. Run by `npm run build`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../dist/types/', import.meta.url).pathname;
const RELATIVE_JS = /(\bfrom\s+|\bimport\(\s*)(['"])(\.{1,2}\/[^'"]+?)\.js\2/g;

let written = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8').replace(RELATIVE_JS, '$1$2$3.cjs$2');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
  written++;
}
console.log(`dist/types: ${written} CommonJS declaration files`);
