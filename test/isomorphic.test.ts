import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core is isomorphic', () => {
  it('imports no Node built-ins and touches no Node globals outside src/cli and src/node', () => {
    const core = files('src').filter((f) => !/src[\\/](cli|node)[\\/]/.test(f) && !/src[\\/]node\.ts$/.test(f));
    expect(core.length).toBeGreaterThan(30);
    for (const f of core) {
      const text = readFileSync(f, 'utf8');
      expect([f, /from ['"](node:|fs|path|url|crypto|os)['"]/.test(text)]).toEqual([f, false]);
      expect([f, /\b(process|Buffer|__dirname|require)\b[.(]/.test(text)]).toEqual([f, false]);
    }
  });
});
