/**
 * The API report: the sorted export names, with their kinds, of each package entry
 * (`wordgame-engine`, `/internals`, `/node`), one `kind name` a line in `api/ENTRY.txt`.
 * `test/api.test.ts` compares the entries with the committed report, so a change of the public
 * surface shows as a diff of those files; `npm run api:report` writes them anew.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The package entries and their source files. */
export const ENTRIES = { index: 'src/index.ts', internals: 'src/internals.ts', node: 'src/node.ts' } as const;

const root = fileURLToPath(new URL('..', import.meta.url));

/** The kind of an exported symbol, as the report names it. */
function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.ValueModule) return 'namespace';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  return 'other';
}

/** Each entry's report: its exports as sorted `kind name` lines. */
export function apiReport(): Record<keyof typeof ENTRIES, string> {
  const files = Object.values(ENTRIES).map((f) => root + f);
  const config = ts.getParsedCommandLineOfConfigFile(
    root + 'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const out = {} as Record<keyof typeof ENTRIES, string>;
  for (const [entry, file] of Object.entries(ENTRIES) as [keyof typeof ENTRIES, string][]) {
    const source = program.getSourceFile(root + file);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`no module symbol for ${file}`);
    const lines = checker.getExportsOfModule(module).map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      return `${kindOf(target)} ${s.getName()}`;
    });
    // By name, then kind, in code-point order (the same on every machine and locale).
    const key = (line: string): string => `${line.slice(line.indexOf(' ') + 1)} ${line}`;
    out[entry] = lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).join('\n') + '\n';
  }
  return out;
}

/** The committed report of an entry. */
export function committedReport(entry: keyof typeof ENTRIES): string {
  return readFileSync(`${root}api/${entry}.txt`, 'utf8');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = apiReport();
  for (const [entry, text] of Object.entries(report)) {
    writeFileSync(`${root}api/${entry}.txt`, text);
    console.log(`api/${entry}.txt: ${text.trimEnd().split('\n').length} exports`);
  }
}
