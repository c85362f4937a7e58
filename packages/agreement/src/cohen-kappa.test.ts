// Cohen's and weighted kappa checked against published worked examples (source next to each number).

import { describe, expect, it } from 'vitest';
import { cohenKappa, weightedKappa } from './cohen-kappa.ts';
import { anxiety, tableToPairs } from './test-fixtures.ts';
import type { KappaResult } from './types.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

function column(m: number[][], j: number): number[] {
  return m.map((row) => row[j]!);
}

describe('cohenKappa: published examples', () => {
  it('Wikipedia "Cohen\'s kappa" worked example: 50 grant proposals, p_o = 0.7, p_e = 0.5, kappa = 0.4', () => {
    // Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15.
    const [a, b] = tableToPairs(
      [
        [20, 5],
        [10, 15],
      ],
      ['Yes', 'No'],
    );
    const r = cohenKappa(a, b);
    expect(num(r.observed)).toBeCloseTo(0.7, 12);
    expect(num(r.expected)).toBeCloseTo(0.5, 12);
    expect(num(r.value)).toBeCloseTo(0.4, 12);
    expect(r.n).toBe(50);
  });

  it('SAS PROC FREQ simple kappa printout: kappa 0.4842, ASE 0.1380, CI 0.2137–0.7547, ASE under H0 0.1484, Z 3.2626', () => {
    // Table [[0,4,1],[0,8,0],[0,1,5]], SAS output quoted in statsmodels/stats/tests/test_inter_rater.py
    // (class UnweightedCohens). The same ASE is printed by R vcd::Kappa (0.1380) and psych::cohen.kappa.
    const [a, b] = tableToPairs(
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
      [1, 2, 3],
    );
    const r = cohenKappa(a, b);
    expect(num(r.value)).toBeCloseTo(0.4842, 4);
    expect(num(r.se)).toBeCloseTo(0.138, 4);
    expect(num(r.ci95?.[0])).toBeCloseTo(0.2137, 4);
    expect(num(r.ci95?.[1])).toBeCloseTo(0.7547, 4);
    expect(num(r.seH0)).toBeCloseTo(0.1484, 4);
    expect(num(r.z)).toBeCloseTo(3.2626, 4);
  });

  it('R irr::kappa2(anxiety[,2:3]): kappa = -0.006289308, z = -0.0604067', () => {
    // Values from irr output quoted in statsmodels test_inter_rater.py (test_cohens_kappa_irr, ck_w1).
    const r = cohenKappa(column(anxiety, 1), column(anxiety, 2));
    expect(num(r.value)).toBeCloseTo(-0.006289308, 9);
    expect(num(r.z)).toBeCloseTo(-0.0604067, 7);
    expect(r.categories).toEqual([1, 2, 3, 4, 6]);
  });

  it('Cohen (1968) table, 200 subjects: unweighted kappa .492 (p_o = .70, p_c = .41)', () => {
    // Proportions from Cohen (1968) as given in the psych::cohen.kappa examples ("cohen reports .492"):
    // rows .44 .07 .09 / .05 .20 .05 / .01 .03 .06; ×200 gives the counts below.
    // By hand: row margins .60 .30 .10, column margins .50 .30 .20,
    // p_c = .6·.5 + .3·.3 + .1·.2 = .41, kappa = (.70 − .41) / (1 − .41) = .4915.
    const [a, b] = tableToPairs(
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
      ['a', 'b', 'c'],
    );
    const r = cohenKappa(a, b);
    expect(num(r.observed)).toBeCloseTo(0.7, 12);
    expect(num(r.expected)).toBeCloseTo(0.41, 12);
    expect(num(r.value)).toBeCloseTo(0.492, 3);
  });

  it('irrCAC vignette, cont3x3abstractors: Cohen kappa 0.7964094, SE 0.05891072', () => {
    // Gwet, irrCAC "overview" vignette: kappa2.table(cont3x3abstractors). For this table Gwet's
    // variance coincides with Fleiss, Cohen & Everitt's, which is what we check.
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    const r = cohenKappa(a, b);
    expect(num(r.value)).toBeCloseTo(0.7964094, 7);
    expect(num(r.se)).toBeCloseTo(0.05891072, 8);
  });

  it('matches R vcd::Kappa ASE on anxiety[,2:3] (0.1015728383; reference run of vcd 1.4-11, not a publication)', () => {
    const r = cohenKappa(column(anxiety, 1), column(anxiety, 2));
    expect(num(r.se)).toBeCloseTo(0.1015728383, 9);
  });
});

describe('weightedKappa: published examples', () => {
  it('SAS PROC FREQ weighted kappa printout (Cicchetti–Allison = linear weights): 0.4701, ASE 0.1457, CI 0.1845–0.7558, ASE H0 0.1426, Z 3.2971', () => {
    // Same table as the simple-kappa SAS example; statsmodels test_inter_rater.py, TestWeightedCohens.
    const [a, b] = tableToPairs(
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
      [1, 2, 3],
    );
    const r = weightedKappa(a, b, { weights: 'linear' });
    expect(num(r.value)).toBeCloseTo(0.4701, 4);
    expect(num(r.se)).toBeCloseTo(0.1457, 4);
    expect(num(r.ci95?.[0])).toBeCloseTo(0.1845, 4);
    expect(num(r.ci95?.[1])).toBeCloseTo(0.7558, 4);
    expect(num(r.seH0)).toBeCloseTo(0.1426, 4);
    expect(num(r.z)).toBeCloseTo(3.2971, 4);
  });

  it('R irr::kappa2(anxiety[,2:3], "equal") = 0.1459075 (z 1.282472) and "squared" = 0.2520325 (z 1.437451)', () => {
    // irr output quoted in statsmodels test_inter_rater.py (ck_w2, ck_w3). irr, like us, builds the
    // weights from the 5 categories actually used (1, 2, 3, 4, 6).
    const a = column(anxiety, 1);
    const b = column(anxiety, 2);
    const lin = weightedKappa(a, b, { weights: 'linear' });
    expect(num(lin.value)).toBeCloseTo(0.1459075, 7);
    expect(num(lin.z)).toBeCloseTo(1.282472, 6);
    const quad = weightedKappa(a, b, { weights: 'quadratic' });
    expect(num(quad.value)).toBeCloseTo(0.2520325, 7);
    expect(num(quad.z)).toBeCloseTo(1.437451, 6);
    // ASE of the same two analyses from a reference run of R vcd::Kappa (not a publication).
    expect(num(lin.se)).toBeCloseTo(0.1164141425, 9);
    expect(num(quad.se)).toBeCloseTo(0.1870519963, 9);
  });

  it('Cohen (1968): weighted kappa .348 with disagreement weights 0,1,3 / 1,0,6 / 3,6,0', () => {
    // psych::cohen.kappa examples: "cohen reports .492 and .348". Disagreement weights v become
    // agreement weights w = 1 − v/6 (kappa_w is invariant to this linear map). By hand:
    // Σ v·p_o = .07 + .27 + .05 + .30 + .03 + .18 = .90; Σ v·p_c = .18 + .36 + .15 + .36 + .15 + .18 = 1.38;
    // kappa_w = 1 − .90 / 1.38 = .3478.
    const [a, b] = tableToPairs(
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
      ['a', 'b', 'c'],
    );
    const v = [
      [0, 1, 3],
      [1, 0, 6],
      [3, 6, 0],
    ];
    const r = weightedKappa(a, b, { categories: ['a', 'b', 'c'], weights: v.map((row) => row.map((x) => 1 - x / 6)) });
    expect(num(r.value)).toBeCloseTo(0.348, 3);
    expect(num(r.value)).toBeCloseTo(1 - 0.9 / 1.38, 12);
    // ASE from a reference run of R vcd::Kappa on the same table and weights (not a publication).
    expect(num(r.se)).toBeCloseTo(0.07550401525, 10);
  });

  it('Cohen (1968): non-symmetric weights 0,1,4 / 1,0,6 / 2,2,0 give kappa_w .353', () => {
    // psych::cohen.kappa examples: "Cohen reports kw = .353". Rows = first rater. By hand:
    // Σ v·p_o = .07 + .36 + .05 + .30 + .02 + .06 = .86; Σ v·p_c = .18 + .48 + .15 + .36 + .10 + .06 = 1.33;
    // kappa_w = 1 − .86 / 1.33 = .3534.
    const [a, b] = tableToPairs(
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
      ['a', 'b', 'c'],
    );
    const v = [
      [0, 1, 4],
      [1, 0, 6],
      [2, 2, 0],
    ];
    const r = weightedKappa(a, b, { categories: ['a', 'b', 'c'], weights: v.map((row) => row.map((x) => 1 - x / 6)) });
    expect(num(r.value)).toBeCloseTo(0.353, 3);
    expect(num(r.value)).toBeCloseTo(1 - 0.86 / 1.33, 12);
  });

  it('linear weights follow convention 2: 1 − |i−j|/(k−1) by category index', () => {
    // Two categories: linear and quadratic weights are the identity, so weighted = unweighted.
    const a = [1, 1, 2, 2, 1];
    const b = [1, 2, 2, 2, 1];
    expect(weightedKappa(a, b, { weights: 'linear' }).value).toBeCloseTo(num(cohenKappa(a, b).value), 14);
    expect(weightedKappa(a, b, { weights: 'quadratic' }).value).toBeCloseTo(num(cohenKappa(a, b).value), 14);
  });

  it('an explicit categories list adds unused scale points, which changes linear weights (k = 5 instead of 3)', () => {
    // a/b use 1, 2, 5. Data-derived k = 3 puts 2 and 5 one step apart; the declared 1..5 scale does not.
    const a = [1, 2, 5, 5, 2];
    const b = [2, 2, 5, 2, 1];
    const derived = weightedKappa(a, b, { weights: 'linear' });
    const declared = weightedKappa(a, b, { weights: 'linear', categories: [1, 2, 3, 4, 5] });
    expect(derived.categories).toEqual([1, 2, 5]);
    expect(declared.categories).toEqual([1, 2, 3, 4, 5]);
    expect(derived.value).not.toBeCloseTo(num(declared.value), 3);
    // Unweighted kappa does not depend on unused categories.
    expect(cohenKappa(a, b, { categories: [1, 2, 3, 4, 5] }).value).toBeCloseTo(num(cohenKappa(a, b).value), 14);
  });
});

describe('kappa edge cases', () => {
  const undefinedShape = (r: KappaResult) => {
    expect(r.value).toBeNull();
    expect(r.se).toBeNull();
    expect(r.seH0).toBeNull();
    expect(r.ci95).toBeNull();
    expect(r.z).toBeNull();
    expect(r.reason).toBeTypeOf('string');
  };

  it('drops an item when either rating is missing (listwise)', () => {
    const withMissing = cohenKappa(['x', 'y', null, 'x', 'y', 'x'], ['x', 'y', 'x', null, 'x', 'x']);
    const complete = cohenKappa(['x', 'y', 'y', 'x'], ['x', 'y', 'x', 'x']);
    expect(withMissing.n).toBe(4);
    expect(withMissing.value).toBeCloseTo(num(complete.value), 14);
  });

  it('categories come from the items kept after listwise deletion (irr::kappa2), so a label seen only next to a missing rating does not change the weights', () => {
    const kept = weightedKappa([1, 2, 3, 2], [1, 2, 2, 3], { weights: 'linear' });
    const withStray = weightedKappa([1, 2, 3, 2, 9], [1, 2, 2, 3, null], { weights: 'linear' });
    expect(withStray.categories).toEqual([1, 2, 3]);
    expect(withStray.value).toBe(kept.value);
    // With explicit categories the stray label must still be listed.
    expect(() => cohenKappa([1, 9], [1, null], { categories: [1, 2] })).toThrow(RangeError);
  });

  it('a single category used by everyone gives null with a reason (expected agreement 1)', () => {
    const r = cohenKappa(['a', 'a', 'a'], ['a', 'a', 'a']);
    undefinedShape(r);
    expect(r.observed).toBe(1);
    expect(r.expected).toBe(1);
    expect(r.n).toBe(3);
  });

  it('empty input and all-missing input give null with a reason', () => {
    undefinedShape(cohenKappa([], []));
    const r = cohenKappa([null, 'a'], ['b', null]);
    undefinedShape(r);
    expect(r.n).toBe(0);
  });

  it('perfect agreement: kappa 1, se 0, CI [1, 1]', () => {
    const r = cohenKappa(['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a']);
    expect(r.value).toBe(1);
    expect(r.se).toBe(0);
    expect(r.ci95).toEqual([1, 1]);
  });

  it('does not clip the CI (convention 6: as psych and SAS report it)', () => {
    // High agreement on a small sample: kappa = 0.75 with a wide interval reaching past 1.
    const r = cohenKappa(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'], ['a', 'a', 'a', 'b', 'b', 'b', 'b', 'b']);
    expect(r.value).toBeCloseTo(0.75, 12);
    expect(num(r.ci95?.[1])).toBeCloseTo(0.75 + 1.959963984540054 * num(r.se), 12);
    expect(num(r.ci95?.[1])).toBeGreaterThan(1);
  });

  it('a category only one rater uses still counts (sorted union)', () => {
    const r = cohenKappa(['a', 'b', 'a'], ['a', 'c', 'a']);
    expect(r.categories).toEqual(['a', 'b', 'c']);
  });

  it('number labels sort numerically; string labels by code unit', () => {
    expect(cohenKappa([10, 2, 1], [1, 2, 10]).categories).toEqual([1, 2, 10]);
    expect(cohenKappa(['b', 'B', 'a'], ['a', 'a', 'a']).categories).toEqual(['B', 'a', 'b']);
  });

  it('throws on mismatched lengths, mixed number/string labels, sets, undefined, NaN and unknown labels', () => {
    expect(() => cohenKappa(['a'], ['a', 'b'])).toThrow(RangeError);
    expect(() => cohenKappa([1, 2], ['1', '2'])).toThrow(TypeError);
    expect(() => cohenKappa([['a']] as never, [['a']] as never)).toThrow(TypeError);
    expect(() => cohenKappa([undefined] as never, ['a'])).toThrow(TypeError);
    expect(() => cohenKappa([Number.NaN], [1])).toThrow(TypeError);
    expect(() => cohenKappa(['a', 'z'], ['a', 'a'], { categories: ['a', 'b'] })).toThrow(RangeError);
    expect(() => cohenKappa(['a'], ['a'], { categories: ['a', 'a'] })).toThrow(RangeError);
  });

  it('weightedKappa refuses orderless or ambiguous weighting instead of guessing', () => {
    expect(() => weightedKappa(['lo', 'hi'], ['lo', 'lo'], { weights: 'linear' })).toThrow(TypeError);
    expect(() =>
      weightedKappa([1, 2], [1, 1], {
        weights: [
          [1, 0],
          [0, 1],
        ],
      }),
    ).toThrow(TypeError);
    const cats = { categories: [1, 2] };
    expect(() => weightedKappa([1, 2], [1, 1], { ...cats, weights: [[1, 0]] })).toThrow(RangeError);
    expect(() =>
      weightedKappa([1, 2], [1, 1], {
        ...cats,
        weights: [
          [0.5, 0],
          [0, 1],
        ],
      }),
    ).toThrow(RangeError);
    expect(() =>
      weightedKappa([1, 2], [1, 1], {
        ...cats,
        weights: [
          [1, 2],
          [0, 1],
        ],
      }),
    ).toThrow(RangeError);
    expect(() => weightedKappa([1, 2], [1, 1], { weights: 'cubic' as never })).toThrow(TypeError);
    // Ordered string scales work once the order is given.
    const r = weightedKappa(['lo', 'hi', 'mid'], ['lo', 'mid', 'mid'], {
      categories: ['lo', 'mid', 'hi'],
      weights: 'linear',
    });
    expect(r.value).toBeTypeOf('number');
  });
});
