// Kruskal–Wallis H against R's kruskal.test and SciPy's stats.kruskal documentation examples,
// and epsilon² after Tomczak & Tomczak (2014).
import { describe, expect, it } from 'vitest';
import { kruskalWallis } from './kruskal-wallis.ts';

describe('kruskalWallis', () => {
  it('R ?kruskal.test example (Hollander & Wolfe 1973, p. 116): chi-squared = 0.77143, df = 2, p = 0.68', () => {
    const normal = [2.9, 3.0, 2.5, 2.6, 3.2];
    const obstructive = [3.8, 2.7, 4.0, 2.4];
    const asbestosis = [2.8, 3.4, 3.7, 2.2, 2.0];
    const result = kruskalWallis([normal, obstructive, asbestosis]);
    if (result.value === null) throw new Error(result.reason);
    // Digits from R 4: kruskal.test(list(x, y, z))$statistic and $p.value.
    expect(result.value).toBeCloseTo(0.771428571428572, 12);
    expect(result.df).toBe(2);
    expect(result.p).toBeCloseTo(0.679964773578894, 10);
    // Tomczak & Tomczak (2014): epsilon² = H / ((n² − 1) / (n + 1)) = H / (n − 1), n = 14.
    expect(result.epsilonSquared).toBeCloseTo(0.771428571428572 / 13, 12);
  });

  it('SciPy docs, scipy.stats.kruskal: H = 0.2727, p = 0.6015 for two interleaved samples', () => {
    const result = kruskalWallis([
      [1, 3, 5, 7, 9],
      [2, 4, 6, 8, 10],
    ]);
    expect(result.value).toBeCloseTo(0.2727272727272734, 12);
    expect(result.value !== null && result.p).toBeCloseTo(0.6015081344405895, 10);
  });

  it('SciPy docs, scipy.stats.kruskal with ties: H = 7.0, p = 0.0302 (the tie correction matters here)', () => {
    const result = kruskalWallis([
      [1, 1, 1],
      [2, 2, 2],
      [2, 2],
    ]);
    expect(result.value).toBeCloseTo(7, 12);
    expect(result.value !== null && result.p).toBeCloseTo(0.0301973834223185, 10);
  });

  it('empty groups are dropped; fewer than two groups or all values tied give null with a reason', () => {
    expect(kruskalWallis([[1, 2], [], [3, 4]])).toMatchObject({ k: 2, df: 1, n: 4 });
    expect(kruskalWallis([[1, 2, 3], []])).toMatchObject({ value: null, reason: expect.any(String), k: 1 });
    expect(kruskalWallis([[4, 4], [4]])).toMatchObject({ value: null, reason: expect.stringMatching(/tied/) });
  });
});
