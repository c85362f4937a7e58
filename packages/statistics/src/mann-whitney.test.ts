// Mann–Whitney U against R's wilcox.test and SciPy's mannwhitneyu documentation examples.
import { describe, expect, it } from 'vitest';
import { mannWhitneyU, uDistribution } from './mann-whitney.ts';

// R documentation, ?wilcox.test, "Two-sample test" (Hollander & Wolfe 1973, p. 69):
// permeability constants; R prints W = 35, p-value = 0.1272 for alternative = "greater".
const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const y = [1.15, 0.88, 0.9, 0.74, 1.21];

describe('mannWhitneyU', () => {
  it('R ?wilcox.test example: W = 35, exact p = 0.1272 (greater), 0.2544 (two-sided), 0.8968 (less)', () => {
    const greater = mannWhitneyU(x, y, { alternative: 'greater' });
    expect(greater).toMatchObject({ value: 35, method: 'exact', n1: 10, n2: 5 });
    // Digits from R 4: wilcox.test(x, y, alternative = "g")$p.value etc.
    expect(greater.value !== null && greater.p).toBeCloseTo(0.127206127206127, 12);
    const two = mannWhitneyU(x, y);
    expect(two.value !== null && two.p).toBeCloseTo(0.254412254412254, 12);
    const less = mannWhitneyU(x, y, { alternative: 'less' });
    expect(less.value !== null && less.p).toBeCloseTo(0.896769896769897, 12);
  });

  it('SciPy docs, scipy.stats.mannwhitneyu example (males vs females): U = 17, exact p = 0.1111', () => {
    const result = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(result).toMatchObject({ value: 17, method: 'exact' });
    expect(result.value !== null && result.p).toBeCloseTo(0.1111111111111111, 14);
  });

  it('with ties: the normal approximation with tie and continuity correction (R: W = 21, p = 0.159572153966409)', () => {
    // R 4: wilcox.test(a, b, exact = FALSE, correct = TRUE); R falls back to it itself with ties.
    const result = mannWhitneyU([1, 2, 2, 3, 4, 5, 5, 5, 8], [2, 3, 3, 6, 7, 7, 9, 10]);
    expect(result).toMatchObject({ value: 21, method: 'normal' });
    expect(result.value !== null && result.p).toBeCloseTo(0.159572153966409, 9);
  });

  it('50 values or more: the normal approximation even without ties (R: W = 1636, p = 0.415984858964604)', () => {
    // R 4: set.seed(1); la <- round(rexp(50) * 100, 3); lb <- round(rexp(60) * 80, 3); wilcox.test(la, lb)
    const la = [
      75.518, 118.164, 14.571, 13.98, 43.607, 289.497, 122.956, 53.968, 95.657, 14.705, 139.074, 76.203, 123.76, 442.393, 105.454, 103.524,
      187.604, 65.475, 33.693, 58.848, 236.452, 64.189, 29.412, 56.587, 10.607, 5.944, 57.871, 395.893, 117.331, 99.681, 143.529, 3.727,
      32.401, 132.047, 20.351, 102.273, 30.174, 72.521, 75.154, 23.503, 107.988, 102.825, 129.226, 125.311, 55.464, 30.128, 129.312, 99.456,
      51.417, 200.783,
    ];
    const lb = [
      33.779, 174.302, 257.423, 44.626, 47.569, 78.192, 16.789, 24.756, 88.475, 61.935, 7.174, 88.654, 19.781, 125.759, 386.625, 34.491,
      218.431, 90.947, 65.069, 66.961, 142.781, 184.998, 232.791, 22.847, 31.103, 4.164, 28.15, 125.219, 65.163, 220.74, 30.895, 80.661,
      65.481, 4.741, 182.708, 64.334, 126.696, 98.703, 107.652, 168.03, 82.808, 35.796, 83.489, 20.866, 54.498, 21.099, 35.728, 16.849,
      10.606, 27.911, 151.987, 41.296, 35.92, 30.368, 99.901, 215.473, 15.706, 183.987, 45.256, 61.054,
    ];
    const result = mannWhitneyU(la, lb);
    expect(result).toMatchObject({ value: 1636, method: 'normal' });
    expect(result.value !== null && result.p).toBeCloseTo(0.415984858964604, 9);
  });

  it('49 × 49 without ties is still exact (R: W = 741, p = 0.000959574715298917)', () => {
    // R 4: wilcox.test(1:49 * 2, 1:49 * 2 + 21.5) says "Wilcoxon rank sum exact test".
    const a = Array.from({ length: 49 }, (_, i) => (i + 1) * 2);
    const result = mannWhitneyU(
      a,
      a.map((v) => v + 21.5),
    );
    expect(result).toMatchObject({ value: 741, method: 'exact' });
    expect(result.value !== null && result.p).toBeCloseTo(0.000959574715298917, 15);
  });

  it('the exact U distribution sums to C(m + n, m) and is symmetric (Mann & Whitney 1947)', () => {
    const counts = uDistribution(4, 3);
    expect(counts.reduce((a, b) => a + b, 0n)).toBe(35n);
    expect(counts).toEqual([...counts].reverse());
    expect(counts.length).toBe(4 * 3 + 1);
  });

  it('degenerate inputs give null with a reason, never NaN', () => {
    expect(mannWhitneyU([], [1, 2])).toMatchObject({ value: null, reason: expect.any(String) });
    expect(mannWhitneyU(Array(60).fill(3), Array(60).fill(3))).toMatchObject({ value: null, reason: expect.stringMatching(/tied/) });
    expect(() => mannWhitneyU([Number.NaN], [1])).toThrow(TypeError);
  });
});
