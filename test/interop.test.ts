import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABETS, BLANK, readKwg, writeKwg, LeaveTable } from 'wordgame-engine';
import { FC, mustBuild, unwrap } from './helpers.js';

const en = ALPHABETS.en;
const interop = join(import.meta.dirname, '..', '..', 'shared', 'data', 'interop');
const haveShared = existsSync(interop);
if (!haveShared) console.warn('interop fixtures skipped: ../shared/data/interop is absent');
const fixture = (name: string) => readFileSync(join(interop, name));

/** Engine-order codes (ascending, blanks last) of a leave text. */
function codes(text: string): Uint8Array {
  const letters = [...text]
    .filter((c) => c !== '?')
    .map((c) => c.charCodeAt(0) - 64)
    .sort((a, b) => a - b);
  return Uint8Array.from([...letters, ...[...text].filter((c) => c === '?').map(() => BLANK)]);
}

describe('KLV2 leave tables', () => {
  it("reads the format description's worked example (? 25.5, ?S 31.125, S 8.0)", () => {
    const bytes = Uint8Array.from([
      3, 0, 0, 0, 1, 0, 0x40, 0, 2, 0, 0x80, 0, 0, 0, 0xc0, 0x13, 3, 0, 0, 0, 0, 0, 0xcc, 0x41, 0, 0, 0xf9, 0x41, 0, 0,
      0, 0x41,
    ]);
    const t = unwrap(LeaveTable.fromKlv(bytes));
    expect(t.size).toBe(3);
    expect(t.valueOf('?', en)).toBe(25.5);
    expect(t.valueOf('S?', en)).toBe(31.125);
    expect(t.valueOf('S', en)).toBe(8);
    expect(t.valueOf('SS', en)).toBe(0);
    expect(t.valueOf('', en)).toBe(0);
    expect(t.toKlv2()).toEqual(bytes);
  });

  it('round-trips any table through KLV2, and every lookup equals a Map (property)', () => {
    const leave = fc.array(fc.constantFrom(...'ABCDEEQSZ?'), { minLength: 1, maxLength: 6 }).map((t) => t.join(''));
    fc.assert(
      fc.property(
        fc.dictionary(
          leave,
          fc.integer({ min: -400, max: 400 }).map((v) => v / 8),
          { maxKeys: 40 },
        ),
        fc.array(leave, { maxLength: 20 }),
        (rows, probes) => {
          const canonical = new Map<string, number>();
          for (const [k, v] of Object.entries(rows)) canonical.set([...k].sort().join(''), v);
          const t = LeaveTable.fromEntries(canonical, en);
          if (!t.ok) return false;
          const back = unwrap(LeaveTable.fromKlv(t.value.toKlv2()));
          for (const probe of [...canonical.keys(), ...probes]) {
            const want = canonical.get([...probe].sort().join('')) ?? 0;
            const c = codes(probe);
            expect(t.value.leaveValue(c, c.length)).toBe(want);
            expect(back.leaveValue(c, c.length)).toBe(want);
          }
          expect([...back.entries()].length).toBe(canonical.size);
          return true;
        },
      ),
      { ...FC, numRuns: 100 },
    );
  });

  it('values every sub-multiset of a hand at once as leaveValue does one by one (property)', () => {
    const leave = fc.array(fc.constantFrom(...'ABCDEEQSZ?'), { minLength: 1, maxLength: 6 }).map((t) => t.join(''));
    fc.assert(
      fc.property(
        fc.dictionary(
          leave,
          fc.integer({ min: -400, max: 400 }).map((v) => v / 8),
          { maxKeys: 60 },
        ),
        fc.array(fc.constantFrom(...'ABCDEEQSZ??'), { minLength: 1, maxLength: 16 }),
        (rows, hand) => {
          const canonical = new Map<string, number>();
          for (const [k, v] of Object.entries(rows)) canonical.set([...k].sort().join(''), v);
          const t = unwrap(LeaveTable.fromEntries(canonical, en));
          // The hand's distinct tiles (codes ascending, the blank last) and how many of each.
          const held = new Map<number, number>();
          for (const c of codes(hand.join(''))) held.set(c, (held.get(c) ?? 0) + 1);
          const tiles = [...held.keys()];
          const counts = tiles.map((c) => held.get(c) as number);
          const combos = counts.reduce((a, c) => a * (c + 1), 1);
          const out = new Float64Array(combos).fill(NaN);
          expect(t.subRackValues(tiles, counts, tiles.length, out)).toBe(true);
          for (let idx = 0, kept = counts.map(() => 0); idx < combos; idx++) {
            const leaveCodes = Uint8Array.from(tiles.flatMap((c, k) => Array<number>(kept[k] as number).fill(c)));
            expect([idx, out[idx]]).toEqual([idx, t.leaveValue(leaveCodes, leaveCodes.length)]);
            for (let k = 0; k < kept.length; k++) {
              if ((kept[k] as number) < (counts[k] as number)) {
                kept[k] = (kept[k] as number) + 1;
                break;
              }
              kept[k] = 0;
            }
          }
          return true;
        },
      ),
      { ...FC, numRuns: 100 },
    );
  });

  it('refuses corrupt files with error values, never a throw', () => {
    const good = unwrap(
      LeaveTable.fromEntries(
        [
          ['?', 1],
          ['S', 2],
          ['ERS', 3],
        ],
        en,
      ),
    ).toKlv2();
    // A cut at 8 + 4N + 2M bytes is a well-formed KLV1 file (the formats differ only by size).
    const n = new DataView(good.buffer).getUint32(0, true);
    const klv1 = 8 + 4 * n + 2 * 3;
    for (let cut = 0; cut < good.length; cut++)
      expect(LeaveTable.fromKlv(good.subarray(0, cut)).ok, `cut ${cut}`).toBe(cut === klv1);
    // Every single-byte flip is refused or loads a table that is consistent with itself: as many
    // leaves listed as values, each listed leave found at its own value (flips inside the values,
    // and flag flips that keep a well-formed graph, do load).
    let refused = 0;
    for (let i = 0; i < good.length; i++) {
      for (const x of [1, 0x40, 0x80, 0xff]) {
        const bad = good.slice();
        bad[i] = (bad[i] as number) ^ x;
        const r = LeaveTable.fromKlv(bad);
        if (!r.ok) {
          refused++;
          continue;
        }
        const listed = [...r.value.entries()];
        expect(listed.length).toBe(r.value.size);
        for (const [tiles, v] of listed) expect(r.value.leaveValue(tiles, tiles.length)).toBe(v);
      }
    }
    expect(refused).toBeGreaterThan(0);
    // A loop: node 1's arc pointing to itself.
    const loop = Uint8Array.from([2, 0, 0, 0, 1, 0, 0x40, 0, 1, 0, 0xc0, 0x13, 1, 0, 0, 0, 0, 0, 0x80, 0x3f]);
    expect(LeaveTable.fromKlv(loop)).toMatchObject({ ok: false, error: { code: 90104 } });
  });

  it('refuses graphs whose leaves a lookup could not read back, or whose listing would not end', () => {
    // Node22: tile << 24 | accepts 0x800000 | last in its list 0x400000 | target; node 0 points at the root list.
    const klv2 = (nodes: number[], values: number[]) => {
      const bytes = new Uint8Array(8 + 4 * nodes.length + 4 * values.length);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, nodes.length, true);
      nodes.forEach((v, i) => view.setUint32(4 + 4 * i, v >>> 0, true));
      view.setUint32(4 + 4 * nodes.length, values.length, true);
      values.forEach((v, i) => view.setFloat32(8 + 4 * nodes.length + 4 * i, v, true));
      return bytes;
    };
    const node = (tile: number, accepts: boolean, last: boolean, target = 0) =>
      (tile << 24) | (accepts ? 0x800000 : 0) | (last ? 0x400000 : 0) | target;
    const root = node(0, false, true, 1);
    // The leave A twice, at 1 and at 2 (a lookup reads the first).
    const twice = klv2([root, node(1, true, false), node(1, true, true)], [1, 2]);
    // A then a blank: the leave A? stored out of order (a lookup walks the blank first).
    const late = klv2([root, node(1, false, true, 2), node(0, true, true)], [1]);
    // One leave (a blank) and 2^30 paths to nothing: lists of two tiles, each pointing at the next.
    const dead = [root, node(0, true, false), node(1, false, false, 4), node(2, false, true, 4)];
    for (let j = 1; j <= 30; j++) {
      const next = j === 30 ? 0 : dead.length + 2;
      dead.push(node(2 * j + 1, false, false, next), node(2 * j + 2, false, true, next));
    }
    for (const [bytes, cause] of [
      [twice, /not in ascending order/],
      [late, /not in ascending order/],
      [klv2(dead, [1]), /dead end/],
    ] as const)
      expect(LeaveTable.fromKlv(bytes)).toMatchObject({ ok: false, error: { code: 90104, cause } });
    // The same shapes well made load: A at 1 and B at 2; A?; the blank alone.
    for (const [nodes, values] of [
      [
        [root, node(1, true, false), node(2, true, true)],
        [1, 2],
      ],
      [[root, node(0, false, true, 2), node(1, true, true)], [1]],
      [[root, node(0, true, true)], [1]],
    ] as const) {
      const t = unwrap(LeaveTable.fromKlv(klv2([...nodes], [...values])));
      expect([...t.entries()].map(([, v]) => v)).toEqual(values);
    }
  });

  describe.skipIf(!haveShared)('the fixtures other engines wrote', () => {
    const values: [string, number][] = [
      ['?', 25.5],
      ['??', 45.25],
      ['?S', 31.125],
      ['?ERS', 38.75],
      ['AEINST', 30.625],
      ['Q', -6.875],
      ['QU', -4.5],
      ['IIIIII', -30.5],
      ['S', 8],
    ];
    for (const [file, n, m] of [
      ['leaves-small-magpie.klv2', 2209, 914_624],
      ['leaves-small-tiny.klv2', 33, 22],
      ['leaves-small-closed.klv2', 33, 34],
    ] as const) {
      it(`${file}: ${m} leaves, the README's values, 0 elsewhere, and written back byte for byte`, () => {
        const bytes = fixture(file);
        expect(bytes.length).toBe(8 + 4 * n + 4 * m);
        const t = unwrap(LeaveTable.fromKlv(bytes));
        expect(t.size).toBe(m);
        for (const [leave, v] of values) expect(t.valueOf(leave, en), leave).toBe(v);
        expect(t.valueOf('SER?', en)).toBe(38.75);
        for (const zero of ['ZZ', '', 'ABCDEF', 'XYZ']) expect(t.valueOf(zero, en)).toBe(0);
        expect(Buffer.from(t.toKlv2()).equals(bytes)).toBe(true);
      });
    }

    it('the full table lists 27/373/3,509/25,254/148,150/737,311 leaves of 1-6 tiles, 22 of them nonzero (the CSV)', () => {
      const t = unwrap(LeaveTable.fromKlv(fixture('leaves-small-magpie.klv2')));
      const bySize = [0, 0, 0, 0, 0, 0, 0];
      let nonzero = 0;
      for (const [tiles, v] of t.entries()) {
        bySize[tiles.length] = (bySize[tiles.length] as number) + 1;
        if (v !== 0) nonzero++;
      }
      expect(bySize.slice(1)).toEqual([27, 373, 3509, 25254, 148150, 737311]);
      expect(nonzero).toBe(22);
      const csv = readFileSync(join(interop, 'leaves-small.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const fromCsv = unwrap(
        LeaveTable.fromEntries(
          csv.map(([k, v]) => [k as string, Number(v)] as const),
          en,
        ),
      );
      for (const [k, v] of csv) expect(fromCsv.valueOf(k as string, en)).toBe(Number(v));
    });

    it('mini.kwg: 222 nodes, the 50 words in order, roots 2 and 13; QI CARE SCARED in, CA QUI ZAX out', () => {
      const bytes = fixture('mini.kwg');
      const r = unwrap(readKwg(bytes, en));
      expect(r.info).toEqual({ nodes: 222, words: 50, gaddag: true });
      const words = readFileSync(join(interop, 'mini-words.txt'), 'utf8').trim().split('\n');
      expect([...r.dictionary.words()]).toEqual(words);
      for (const w of ['QI', 'CARE', 'SCARED']) expect(r.dictionary.has(w)).toBe(true);
      for (const w of ['CA', 'QUI', 'ZAX']) expect(r.dictionary.has(w)).toBe(false);
      const written = unwrap(writeKwg(r.dictionary));
      expect([...unwrap(readKwg(written, en)).dictionary.words()]).toEqual(words);
    });

    it('enable.kwg: 168,551 words, ENABLE up to 15 letters in order; QAT XI JO AARDVARK in, QI ZA QZ out', () => {
      const bytes = fixture('enable.kwg');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(
        'a6b88a15d821d3fb4b659d7de27ba31910603219ce150f071a62fc29c63ca8ef',
      );
      const r = unwrap(readKwg(bytes, en, { gaddag: false }));
      expect(r.info).toEqual({ nodes: 796_860, words: 168_551, gaddag: true });
      const enable = readFileSync(join(interop, '..', 'enable1.txt'), 'utf8')
        .split(/\r?\n/)
        .filter((w) => w.length > 0 && w.length <= 15)
        .map((w) => w.toUpperCase());
      expect([...r.dictionary.words()]).toEqual(enable);
      for (const w of ['QAT', 'XI', 'JO', 'AARDVARK']) expect(r.dictionary.has(w)).toBe(true);
      for (const w of ['QI', 'ZA', 'QZ']) expect(r.dictionary.has(w)).toBe(false);
    }, 120_000);
  });
});

describe('KWG', () => {
  it('writes any dictionary and reads it back (DAWG and GADDAG)', () => {
    const d = mustBuild(['AA', 'AB', 'CARE', 'CARED', 'SCARE'], en, true);
    const bytes = unwrap(writeKwg(d));
    const r = unwrap(readKwg(bytes, en));
    expect(r.info.gaddag).toBe(true);
    expect([...r.dictionary.words()]).toEqual(['AA', 'AB', 'CARE', 'CARED', 'SCARE']);
  });

  it('refuses truncated, looping or out-of-alphabet graphs', () => {
    const bytes = unwrap(writeKwg(mustBuild(['AA', 'AB', 'CARE'], en, true)));
    for (let cut = 0; cut < bytes.length; cut += 1) {
      const r = readKwg(bytes.subarray(0, cut), en);
      if (r.ok) expect([...r.value.dictionary.words()].length).toBeLessThanOrEqual(3);
    }
    // Node 2 points to itself.
    const loop = Uint8Array.from([2, 0, 0x40, 0, 0, 0, 0x40, 0, 2, 0, 0xc0, 1]);
    expect(readKwg(loop, en)).toMatchObject({ ok: false, error: { code: 90104 } });
    const tile99 = Uint8Array.from([2, 0, 0x40, 0, 0, 0, 0x40, 0, 0, 0, 0xc0, 99]);
    expect(readKwg(tile99, en)).toMatchObject({ ok: false, error: { code: 90104 } });
    expect(readKwg(new Uint8Array(7), en)).toMatchObject({ ok: false, error: { code: 90100 } });
    // Dead ends: the word A, then B into 40 lists of two nodes (A, B) pointing at the next, the
    // last at nothing: 340 bytes whose 2^40 paths to no word a reader would walk for hours.
    const node = (tile: number, accepts: boolean, last: boolean, target = 0) =>
      (tile << 24) | (accepts ? 0x800000 : 0) | (last ? 0x400000 : 0) | target;
    const dead = [node(0, false, true, 2), node(0, false, true), node(1, true, false), node(2, false, true, 4)];
    for (let j = 1; j <= 40; j++) {
      const next = j === 40 ? 0 : dead.length + 2;
      dead.push(node(1, false, false, next), node(2, false, true, next));
    }
    const file = new Uint8Array(4 * dead.length);
    dead.forEach((v, i) => new DataView(file.buffer).setUint32(4 * i, v >>> 0, true));
    expect(readKwg(file, en)).toMatchObject({ ok: false, error: { code: 90104, cause: /dead end/ } });
  });
});

describe('the embedded leave table', () => {
  it('matches its manifest, holds every English leave, and is what the leave player loads', async () => {
    const { loadDefaultLeaves } = await import('wordgame-engine/node');
    const bytes = readFileSync(join(import.meta.dirname, '..', 'dictionaries', 'en.klv2'));
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'dictionaries', 'en.leaves.manifest.json'), 'utf8'),
    ) as { sha256: string; leaves: number; stages: { sha256: string }[] };
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
    expect(manifest.stages.at(-1)?.sha256).toBe(manifest.sha256);
    const t = unwrap(loadDefaultLeaves());
    expect(t.size).toBe(914_624);
    expect(manifest.leaves).toBe(914_624);
    // What a learned table should say: a blank is worth keeping, a lone Q is not.
    expect(t.valueOf('?', en)).toBeGreaterThan(10);
    expect(t.valueOf('Q', en)).toBeLessThan(0);
  });

  it('reads every stored leave at its value through the dense index, and 0 for leaves it does not hold', async () => {
    const { loadDefaultLeaves } = await import('wordgame-engine/node');
    const t = unwrap(LeaveTable.fromKlv(unwrap(loadDefaultLeaves()).toKlv2()));
    let n = 0;
    for (const [tiles, v] of t.entries()) {
      if (t.leaveValue(tiles, tiles.length) !== v)
        expect([...tiles, t.leaveValue(tiles, tiles.length)]).toEqual([...tiles, v]);
      n++;
    }
    expect(n).toBe(914_624);
    // Not held: a seventh tile, three blanks, five Qs; a tile past the alphabet.
    for (const text of ['AEINRST', '???', 'QQQQQ']) expect(t.valueOf(text, en)).toBe(0);
    expect(t.leaveValue(Uint8Array.from([1, 40]), 2)).toBe(0);
  });
});

describe('leave tables the dense index cannot take', () => {
  // Keys are KLV tile codes (0 a blank); tiles up to 60 and leaves of 6 make C(66, 6) multisets, over the index's cap.
  const wide = new Map<string, number>([
    [String.fromCharCode(1, 2, 60), 1.5],
    [String.fromCharCode(0, 3, 3, 4, 5, 59), -2],
    [String.fromCharCode(60), 4],
  ]);
  // A key out of order (5 before 3): sorted queries would never reach it, so it is refused.
  const unsorted = new Map<string, number>([
    [String.fromCharCode(5, 3), 7],
    [String.fromCharCode(3, 5), 2],
    [String.fromCharCode(0), 1],
  ]);

  it('still read every leave through the graph walk', () => {
    const w = unwrap(LeaveTable.fromKeys(wide));
    expect(w.leaveValue(Uint8Array.from([1, 2, 60]), 3)).toBe(1.5);
    expect(w.leaveValue(Uint8Array.from([3, 3, 4, 5, 59, BLANK]), 6)).toBe(-2);
    expect(w.leaveValue(Uint8Array.from([60]), 1)).toBe(4);
    expect(w.leaveValue(Uint8Array.from([1, 2]), 2)).toBe(0);
    expect(LeaveTable.fromKeys(unsorted)).toMatchObject({ ok: false, error: { code: 90104 } });
    // No dense index: every sub-multiset is left to leaveValue.
    const out = new Float64Array(8).fill(NaN);
    expect(w.subRackValues([1, 2, 60], [1, 1, 1], 3, out)).toBe(false);
    expect(out.every((v) => Number.isNaN(v))).toBe(true);
    // A hand it cannot take: refused, not a hang or a throw.
    const d = unwrap(LeaveTable.fromEntries([['A', 1]], en));
    for (const [tiles, counts, groups] of [
      [[1], [-1], 1],
      [[1], [0.5], 1],
      [[1.5], [1], 1],
      [[1], [1], -1],
      [[1], [1], 2.5],
      [[1, 2], [1, 1], 40],
    ] as const)
      expect(d.subRackValues(tiles, counts, groups, out)).toBe(false);
    expect(out.every((v) => Number.isNaN(v))).toBe(true);
    expect(d.subRackValues([1, 2], [2, 1], 2, out)).toBe(true);
    expect([...out.slice(0, 6)]).toEqual([0, 1, 0, 0, 0, 0]); // kept: none, A, AA, B, AB, AAB
  });
});
