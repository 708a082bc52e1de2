import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from 'wordgame-engine';
import { FC } from './helpers.js';

const keyOf = (s: string) => s.slice(0, 1);

describe('EventLog', () => {
  it('behaves as immutable arrays under appends to any earlier version (branches included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 2 })),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.string({ maxLength: 2 }), { maxLength: 5000 })), { maxLength: 12 }),
        (initial, steps) => {
          const versions: { log: EventLog<string>; model: string[] }[] = [
            { log: EventLog.of(initial), model: [...initial] },
          ];
          for (const [pick, items] of steps) {
            const base = versions[pick % versions.length] as (typeof versions)[number];
            versions.push({ log: base.log.append(items), model: [...base.model, ...items] });
          }
          for (const { log, model } of versions) {
            expect(log.length).toBe(model.length);
            expect(log.toArray()).toEqual(model);
            expect([...log]).toEqual(model);
            expect(JSON.stringify(log)).toBe(JSON.stringify(model));
            for (const i of [0, model.length - 1, Math.floor(model.length / 2), -1, model.length, -model.length - 1])
              expect(log.at(i)).toBe(model.at(i));
            expect(log.slice(1, -1)).toEqual(model.slice(1, -1));
            for (const key of ['', 'a', 'b', '\u0000', 'z'])
              expect(log.includesKey(key, keyOf)).toBe(model.some((s) => keyOf(s) === key));
          }
        },
      ),
      { ...FC, numRuns: 100 },
    );
  });

  it('keeps long lists and their branches apart (the cost of appends is measured by bench/history.bench.ts)', () => {
    let log = EventLog.of<number>([]);
    for (let i = 0; i < 200; i++) log = log.append(Array.from({ length: 1000 }, (_, k) => k));
    const old = log;
    const a = old.append([-1]);
    const b = old.append([-2, -3]);
    expect([old.length, a.length, b.length]).toEqual([200_000, 200_001, 200_002]);
    expect([a.at(-1), b.at(-2), b.at(-1), old.at(-1)]).toEqual([-1, -2, -3, 999]);
    expect(a.toArray().slice(0, 200_000)).toEqual(old.toArray());
  });
});
