// Fleiss' kappa checked against Fleiss (1971), irr, Wikipedia and irrCAC worked examples.

import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa.ts';
import { diagnoses, distributionToMatrix } from './test-fixtures.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('fleissKappa: published examples', () => {
  it('Fleiss (1971) psychiatric diagnoses, 30 × 6: kappa 0.4302445, z 17.65183 (R irr::kappam.fleiss)', () => {
    // irr output quoted in statsmodels test_inter_rater.py (test_fleiss_kappa_irr); Fleiss (1971) reports .430.
    // irr's z uses the Fleiss, Nee & Landis (1979) null variance, as we do. By hand from the column totals
    // 26, 26, 30, 55, 43 of 180 ratings (statsmodels test_aggregate_raters):
    //   p = .14444, .14444, .16667, .30556, .23889; Σ p_j q_j = .780062; Σ p_j q_j (q_j − p_j) = .445821;
    //   Var0 = 2 / (30·6·5) · (.780062² − .445821) / .780062² = 5.9409e-4; se0 = .024374; z = .430245 / .024374 = 17.652.
    const r = fleissKappa(diagnoses);
    expect(num(r.value)).toBeCloseTo(0.4302445, 7);
    expect(num(r.z)).toBeCloseTo(17.65183, 5);
    expect(num(r.seH0)).toBeCloseTo(0.024374, 6);
    expect(r.n).toBe(30);
    expect(r.raters).toBe(6);
    expect(num(r.observed)).toBeCloseTo(0.5555556, 7);
    expect(num(r.expected)).toBeCloseTo(0.2199383, 7);
  });

  it('Fleiss (1971) per-category kappas: .245, .245, .520, .471, .566', () => {
    // Fleiss (1971), kappa_j for Depression, Personality disorder, Schizophrenia, Neurosis, Other.
    // Null se per category (Fleiss, Nee & Landis 1979) = sqrt(2 / (30·6·5)) = .0471405, so e.g.
    // z_3 = .52 / .0471405 = 11.0309 (derived by hand from the formula).
    const r = fleissKappa(diagnoses);
    const values = r.perCategory.map((c) => num(c.value));
    [0.245, 0.245, 0.52, 0.471, 0.566].forEach((v, j) => expect(values[j]).toBeCloseTo(v, 3));
    expect(r.perCategory.map((c) => c.category)).toEqual([1, 2, 3, 4, 5]);
    expect(num(r.perCategory[2]?.seH0)).toBeCloseTo(Math.sqrt(2 / 900), 12);
    expect(num(r.perCategory[2]?.z)).toBeCloseTo(11.0309, 4);
  });

  it('Wikipedia "Fleiss\' kappa" worked example, 10 subjects × 14 raters: P̄ = 0.378, P̄e = 0.213, kappa = 0.210', () => {
    // Same table in statsmodels test_inter_rater.py (table0, kappa_wp = 0.210).
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const r = fleissKappa(distributionToMatrix(table, [1, 2, 3, 4, 5]));
    expect(num(r.observed)).toBeCloseTo(0.378, 3);
    expect(num(r.expected)).toBeCloseTo(0.213, 3);
    expect(num(r.value)).toBeCloseTo(0.21, 3);
  });

  it('irrCAC vignette, distrib.6raters (first 15 Fleiss patients): kappa 0.4139265, pa 0.5511111, pe 0.2340741', () => {
    // Gwet, irrCAC "overview" vignette, fleiss.kappa.dist(distrib.6raters).
    const r = fleissKappa(diagnoses.slice(0, 15));
    expect(num(r.value)).toBeCloseTo(0.4139265, 7);
    expect(num(r.observed)).toBeCloseTo(0.5511111, 7);
    expect(num(r.expected)).toBeCloseTo(0.2340741, 7);
  });
});

describe('fleissKappa: conventions and edge cases', () => {
  it('drops items with any missing rating (listwise, like irr)', () => {
    const withGaps = [...diagnoses, [1, null, 2, 3, 4, 5], [null, null, null, null, null, null]];
    const r = fleissKappa(withGaps);
    expect(r.n).toBe(30);
    expect(num(r.value)).toBeCloseTo(0.4302445, 7);
  });

  it('data-derived categories come from the complete items only', () => {
    const r = fleissKappa([
      ['a', 'b'],
      ['b', 'b'],
      ['z', null],
    ]);
    expect(r.categories).toEqual(['a', 'b']);
    expect(r.n).toBe(2);
  });

  it('declared but unused categories leave kappa unchanged and get a null per-category kappa', () => {
    const r = fleissKappa(diagnoses, { categories: [1, 2, 3, 4, 5, 6] });
    expect(num(r.value)).toBeCloseTo(0.4302445, 7);
    expect(r.perCategory[5]).toEqual({ category: 6, value: null, seH0: null, z: null });
  });

  it('perfect agreement gives kappa 1', () => {
    const r = fleissKappa([
      ['a', 'a', 'a'],
      ['b', 'b', 'b'],
    ]);
    expect(r.value).toBe(1);
  });

  it('a single category used by everyone gives null with a reason', () => {
    const r = fleissKappa([
      ['a', 'a', 'a'],
      ['a', 'a', 'a'],
    ]);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/same category/);
    expect(r.observed).toBe(1);
    expect(r.expected).toBe(1);
  });

  it('empty input, one rater, or no complete item give null with a reason', () => {
    for (const input of [
      [],
      [['a'], ['b']],
      [
        ['a', null],
        [null, 'b'],
      ],
    ]) {
      const r = fleissKappa(input);
      expect(r.value).toBeNull();
      expect(r.reason).toBeTypeOf('string');
      expect(r.seH0).toBeNull();
    }
  });

  it('throws on ragged rows, set cells and mixed label types', () => {
    expect(() => fleissKappa([['a', 'b'], ['a']])).toThrow(RangeError);
    expect(() => fleissKappa([[['a'], ['b']]] as never)).toThrow(TypeError);
    expect(() => fleissKappa([[1, '1']])).toThrow(TypeError);
    expect(() => fleissKappa('abc' as never)).toThrow(TypeError);
  });
});
