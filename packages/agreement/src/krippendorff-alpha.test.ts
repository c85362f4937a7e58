// Krippendorff's alpha checked against Krippendorff (2011), Wikipedia and irrCAC examples, plus
// hand-derived set-distance cases.

import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha.ts';
import { scottPi } from './scott-pi.ts';
import { jaccardDistance, masiDistance } from './set-distance.ts';
import { diagnoses, krippendorff2011, krippendorffBinary, pairsToMatrix, tableToPairs, wikipediaAlpha } from './test-fixtures.ts';
import type { CodeSet } from './types.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('krippendorffAlpha: published examples', () => {
  it('Krippendorff (2011), 4 observers × 12 units with missing data: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    // Also R irr::kripp.alpha(nmm, ...) example output.
    expect(num(krippendorffAlpha(krippendorff2011).value)).toBeCloseTo(0.743, 3);
    expect(num(krippendorffAlpha(krippendorff2011, { level: 'nominal' }).value)).toBeCloseTo(0.743, 3);
    expect(num(krippendorffAlpha(krippendorff2011, { level: 'ordinal' }).value)).toBeCloseTo(0.815, 3);
    expect(num(krippendorffAlpha(krippendorff2011, { level: 'interval' }).value)).toBeCloseTo(0.849, 3);
    expect(num(krippendorffAlpha(krippendorff2011, { level: 'ratio' }).value)).toBeCloseTo(0.797, 3);
  });

  it('Krippendorff (2011) nominal disagreements, derived by hand from the coincidence matrix', () => {
    // Unit 12 has one value and is dropped: 11 pairable units, n = 40 pairable values with
    // n_1..n_5 = 9, 13, 10, 5, 3 (Krippendorff 2011 lists the same marginals).
    // Off-diagonal coincidences: unit 2 (2,2,3,2) gives 6 ordered mismatches / (4−1) = 2; unit 6 (1,2,3,4)
    // gives 12 / 3 = 4; unit 8 (1,1,2,1) gives 6 / 3 = 2; total 8. D_o = 8 / 40 = .2.
    // D_e = (40² − (81 + 169 + 100 + 25 + 9)) / (40·39) = 1216 / 1560 = .779487.
    // alpha = 1 − .2 / .779487 = .743421.
    const r = krippendorffAlpha(krippendorff2011);
    expect(r.n).toBe(11);
    expect(r.pairableValues).toBe(40);
    expect(num(r.observedDisagreement)).toBeCloseTo(0.2, 12);
    expect(num(r.expectedDisagreement)).toBeCloseTo(1216 / 1560, 12);
    expect(num(r.value)).toBeCloseTo(1 - 0.2 / (1216 / 1560), 12);
    expect(r.level).toBe('nominal');
  });

  it('irrCAC vignette, krippen.alpha.raw(cac.raw4raters) = 0.74342 (same data)', () => {
    expect(num(krippendorffAlpha(krippendorff2011).value)).toBeCloseTo(0.74342, 5);
  });

  it('Krippendorff (2011), binary data, two observers, 10 units: alpha = .095', () => {
    // By hand: n = 20, n_0 = 14, n_1 = 6, o_01 = 4; alpha = 1 − (n − 1) o_01 / (n_0 n_1) = 1 − 19·4/84 = .0952.
    const r = krippendorffAlpha(krippendorffBinary);
    expect(num(r.value)).toBeCloseTo(0.095, 3);
    expect(num(r.value)).toBeCloseTo(1 - 76 / 84, 12);
  });

  it('Wikipedia "Krippendorff\'s alpha" computational example, 3 coders × 15 units: nominal 0.691, interval 0.811', () => {
    expect(num(krippendorffAlpha(wikipediaAlpha, { level: 'nominal' }).value)).toBeCloseTo(0.691, 3);
    expect(num(krippendorffAlpha(wikipediaAlpha, { level: 'interval' }).value)).toBeCloseTo(0.811, 3);
  });

  it('irrCAC vignette: krippen2.table(cont3x3abstractors) = 0.7972585 and krippen.alpha.dist(distrib.6raters) = 0.4204384', () => {
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    expect(num(krippendorffAlpha(pairsToMatrix(a, b)).value)).toBeCloseTo(0.7972585, 7);
    expect(num(krippendorffAlpha(diagnoses.slice(0, 15)).value)).toBeCloseTo(0.4204384, 7);
  });

  it("two coders, no missing data: alpha = 1 − (1 − pi)(2N − 1)/(2N) with Scott's pi (Krippendorff 2004, §11.3)", () => {
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    const pi = num(scottPi(a, b).value);
    expect(num(krippendorffAlpha(pairsToMatrix(a, b)).value)).toBeCloseTo(1 - ((1 - pi) * 199) / 200, 12);
  });
});

describe('krippendorffAlpha with a distance function', () => {
  // Hand-derived example, 2 coders × 3 units: {a}/{a}, {a}/{a,b}, {b}/{c}.
  // Pairable values n = 6; distinct sets {a}×3, {a,b}×1, {b}×1, {c}×1.
  const sets: CodeSet[][] = [
    [['a'], ['a']],
    [['a'], ['a', 'b']],
    [['b'], ['c']],
  ];

  it('MASI: D_o = 5/9, D_e = 32/45, alpha = 7/32', () => {
    // MASI({a},{a,b}) = 1 − (1/2)(2/3) = 2/3; disjoint sets 1; identical 0.
    // D_o = (1/6)·(0 + 2·(2/3)/1 + 2·1/1) = 5/9.
    // Σ_{c<k} n_c n_k δ = 3·(2/3) [{a},{a,b}] + 3 [{a},{b}] + 3 [{a},{c}] + 2/3 [{a,b},{b}] + 1 + 1 = 32/3;
    // D_e = 2·(32/3) / (6·5) = 32/45; alpha = 1 − (5/9)/(32/45) = 7/32 = .21875.
    const r = krippendorffAlpha(sets, { distance: masiDistance });
    expect(num(r.observedDisagreement)).toBeCloseTo(5 / 9, 12);
    expect(num(r.expectedDisagreement)).toBeCloseTo(32 / 45, 12);
    expect(num(r.value)).toBeCloseTo(7 / 32, 12);
    expect(r.level).toBe('custom');
    expect(r.n).toBe(3);
  });

  it('Jaccard: D_o = 1/2, D_e = 2/3, alpha = 1/4', () => {
    // Jaccard({a},{a,b}) = 1/2 and ({a,b},{b}) = 1/2; D_o = (1/6)(2·½ + 2·1) = 1/2;
    // Σ_{c<k} n_c n_k δ = 1.5 + 3 + 3 + .5 + 1 + 1 = 10; D_e = 20/30.
    const r = krippendorffAlpha(sets, { distance: jaccardDistance });
    expect(num(r.value)).toBeCloseTo(0.25, 12);
  });

  it('a caller-supplied set distance goes through the generic path and agrees with the built-in one', () => {
    const calls: [CodeSet, CodeSet][] = [];
    const custom = (x: CodeSet, y: CodeSet) => {
      calls.push([x, y]);
      return masiDistance(x, y);
    };
    const r = krippendorffAlpha(sets, { distance: custom });
    expect(num(r.value)).toBeCloseTo(7 / 32, 12);
    expect(calls.length).toBeGreaterThan(0);
    // Identical sets are never passed: their distance is 0 by definition.
    for (const [x, y] of calls) expect(x).not.toEqual(y);
  });

  it('[] is a value (no code applies), null is missing; duplicate codes collapse', () => {
    const withEmpty = krippendorffAlpha(
      [
        [[], []],
        [['a'], ['a', 'a']],
        [['b'], []],
        [null, ['b']],
      ],
      { distance: masiDistance },
    );
    // Unit 4 has one value and is not pairable.
    expect(withEmpty.n).toBe(3);
    expect(withEmpty.pairableValues).toBe(6);
    // By hand: distinct {}×3, {a}×2, {b}×1; MASI between any two of them is 1 (disjoint), 0 within.
    // D_o = (1/6)·(2·1) = 1/3 (only unit 3 disagrees); D_e = 2·(3·2 + 3·1 + 2·1)/(6·5) = 22/30.
    expect(num(withEmpty.value)).toBeCloseTo(1 - 1 / 3 / (22 / 30), 12);
  });

  it('a label distance reproduces the interval level', () => {
    const r = krippendorffAlpha(krippendorff2011, { distance: (x, y) => ((x as number) - (y as number)) ** 2 });
    expect(num(r.value)).toBeCloseTo(num(krippendorffAlpha(krippendorff2011, { level: 'interval' }).value), 12);
  });

  it('rejects bad distances and mixed options', () => {
    expect(() => krippendorffAlpha(sets, { distance: () => -1 })).toThrow(RangeError);
    expect(() => krippendorffAlpha(sets, { distance: () => Number.NaN })).toThrow(RangeError);
    expect(() => krippendorffAlpha(sets as never, { level: 'nominal', distance: masiDistance } as never)).toThrow(TypeError);
    expect(() => krippendorffAlpha(sets as never, { level: 'nominal' })).toThrow(TypeError);
  });
});

describe('krippendorffAlpha: conventions and edge cases', () => {
  it('keeps every pairable unit and ignores units coded once', () => {
    const extra = [...krippendorff2011, [null, 7, null, null], [null, null, null, null]];
    const r = krippendorffAlpha(extra);
    expect(r.n).toBe(11);
    expect(num(r.value)).toBeCloseTo(0.743421, 6);
  });

  it('ordinal string labels need an explicit order, which then drives the metric', () => {
    const asWords = krippendorff2011.map((row) => row.map((v) => (v === null ? null : (['a', 'b', 'c', 'd', 'e'][v - 1] ?? null))));
    expect(() => krippendorffAlpha(asWords, { level: 'ordinal' })).toThrow(TypeError);
    const ordered = krippendorffAlpha(asWords, { level: 'ordinal', categories: ['a', 'b', 'c', 'd', 'e'] });
    expect(num(ordered.value)).toBeCloseTo(0.815, 3);
    expect(() => krippendorffAlpha([['lo', 'hi']], { level: 'interval' })).toThrow(TypeError);
  });

  it('ratio level rejects negative values', () => {
    expect(() => krippendorffAlpha([[-1, 2]], { level: 'ratio' })).toThrow(RangeError);
  });

  it('all pairable values identical gives null with a reason; nothing pairable gives null', () => {
    const same = krippendorffAlpha([
      [3, 3],
      [3, 3],
      [null, 4],
    ]);
    expect(same.value).toBeNull();
    expect(same.reason).toMatch(/identical/);
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha([[0.1, 0.1, 0.1]], { level }).value).toBeNull();
    }
    const none = krippendorffAlpha([
      [1, null],
      [null, 2],
    ]);
    expect(none.value).toBeNull();
    expect(none.n).toBe(0);
    expect(krippendorffAlpha([]).value).toBeNull();
    expect(krippendorffAlpha([[null, null]], { distance: masiDistance }).value).toBeNull();
  });

  it('rejects an unknown level', () => {
    expect(() => krippendorffAlpha(krippendorff2011, { level: 'circular' as never })).toThrow(TypeError);
  });
});
