// Gwet's AC1 checked against the outputs in Gwet's irrCAC vignette, with hand derivations.

import { describe, expect, it } from 'vitest';
import { gwetAC1 } from './gwet-ac1.ts';
import { diagnoses, krippendorff2011, pairsToMatrix, tableToPairs } from './test-fixtures.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('gwetAC1: published examples (Gwet, irrCAC "overview" vignette)', () => {
  it('gwet.ac1.raw(cac.raw4raters), 4 raters × 12 units with missing ratings: pa 0.8181818, pe 0.1903212, AC1 0.77544', () => {
    // By hand: 11 units have ≥ 2 ratings; per-unit agreement 1, .5, 1, 1, 1, 0, 1, .5, 1, 1, 1 → p_a = 9/11.
    // π_k averages r_ik / r_i over all 12 rated units: π = 3/12, 3.25/12, 3.5/12, 1.25/12, 1/12;
    // Σ π(1−π) = 1 − 34.375/144 = .761285; p_e = .761285 / 4 = .190321; AC1 = (.818182 − .190321) / .809679.
    const r = gwetAC1(krippendorff2011);
    expect(num(r.observed)).toBeCloseTo(0.8181818, 7);
    expect(num(r.expected)).toBeCloseTo(0.1903212, 7);
    expect(num(r.value)).toBeCloseTo(0.77544, 5);
    expect(r.n).toBe(11);
  });

  it('gwet.ac1.dist(distrib.6raters) (first 15 Fleiss 1971 patients, 6 raters): AC1 0.4448007, pa 0.5511111, pe 0.1914815', () => {
    const r = gwetAC1(diagnoses.slice(0, 15));
    expect(num(r.value)).toBeCloseTo(0.4448007, 7);
    expect(num(r.observed)).toBeCloseTo(0.5511111, 7);
    expect(num(r.expected)).toBeCloseTo(0.1914815, 7);
  });

  it('gwet.ac1.table(cont3x3abstractors), two raters: AC1 0.8493305', () => {
    // By hand: π = .13, .255, .615; p_e = (.1131 + .189975 + .236775) / 2 = .269925; AC1 = (.89 − .269925) / .730075.
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    const r = gwetAC1(pairsToMatrix(a, b));
    expect(num(r.value)).toBeCloseTo(0.8493305, 7);
    expect(num(r.expected)).toBeCloseTo(0.269925, 12);
  });
});

describe('gwetAC1: conventions and edge cases', () => {
  it("declared categories raise q and so lower p_e (Gwet's categ.labels)", () => {
    // Two raters, one category used: p_a = 1; with q = 2 declared, π = (1, 0), p_e = 0, AC1 = 1.
    const r = gwetAC1(
      [
        ['y', 'y'],
        ['y', 'y'],
      ],
      { categories: ['n', 'y'] },
    );
    expect(r.value).toBe(1);
    expect(r.expected).toBe(0);
  });

  it('a single category with no declared alternatives gives null with a reason', () => {
    const r = gwetAC1([
      ['y', 'y'],
      ['y', 'y'],
    ]);
    expect(r.value).toBeNull();
    expect(r.observed).toBe(1);
    expect(r.reason).toMatch(/one category/);
  });

  it('items never rated are ignored; no item with two ratings gives null', () => {
    const base = gwetAC1(krippendorff2011);
    const padded = gwetAC1([...krippendorff2011, [null, null, null, null]]);
    expect(padded.value).toBe(base.value);
    const r = gwetAC1([
      ['a', null],
      [null, 'b'],
    ]);
    expect(r.value).toBeNull();
    expect(r.reason).toBeTypeOf('string');
    expect(gwetAC1([]).value).toBeNull();
  });

  it('throws on set cells and mixed types', () => {
    expect(() => gwetAC1([[['a'], ['a']]] as never)).toThrow(TypeError);
    expect(() => gwetAC1([[1, 'a']])).toThrow(TypeError);
  });
});
