// Cliff's delta and Vargha–Delaney A against the effsize R package's documentation example,
// and the magnitude thresholds of Romano et al. (2006).
import { describe, expect, it } from 'vitest';
import { cliffMagnitude, cliffsDelta, varghaDelaneyA } from './effect-size.ts';

// effsize documentation, ?cliff.delta and ?VD.A examples: treatment vs control, which print
// "delta estimate: -0.25 (small)" and "A estimate: 0.375 (small)".
const treatment = [10, 10, 20, 20, 20, 30, 30, 30, 40, 50];
const control = [10, 20, 30, 40, 40, 50];

describe('effect sizes', () => {
  it('effsize example: delta = -0.25 (small), A = 0.375', () => {
    expect(cliffsDelta(treatment, control)).toMatchObject({ value: -0.25, magnitude: 'small', n1: 10, n2: 6 });
    expect(varghaDelaneyA(treatment, control).value).toBeCloseTo(0.375, 15);
  });

  it('delta equals the mean sign of all pairwise differences (Cliff 1993), computed pair by pair', () => {
    const a = [3.1, 4.5, 2.2, 9.9, 4.5, 7];
    const b = [1, 4.5, 8.8, 2.2, 6];
    const pairwise = a.flatMap((u) => b.map((v) => Math.sign(u - v))).reduce((s, v) => s + v, 0) / (a.length * b.length);
    expect(cliffsDelta(a, b).value).toBeCloseTo(pairwise, 14);
    expect(cliffsDelta(b, a).value).toBeCloseTo(-pairwise, 14);
  });

  it('Romano et al. (2006) thresholds: 0.147, 0.33, 0.474', () => {
    expect([0, -0.146, 0.147, -0.329, 0.33, 0.473, -0.474, 1].map(cliffMagnitude)).toEqual([
      'negligible',
      'negligible',
      'small',
      'small',
      'medium',
      'medium',
      'large',
      'large',
    ]);
  });

  it('identical samples: delta 0, A 0.5; an empty sample: null with a reason', () => {
    expect(cliffsDelta([1, 2, 3], [1, 2, 3]).value).toBe(0);
    expect(varghaDelaneyA([5, 5], [5]).value).toBe(0.5);
    expect(cliffsDelta([], [1])).toMatchObject({ value: null, magnitude: null, reason: expect.any(String) });
    expect(varghaDelaneyA([1], [])).toMatchObject({ value: null, reason: expect.any(String) });
  });
});
