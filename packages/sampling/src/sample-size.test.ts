// Cochran's sample size with finite population correction, against published values.
import { describe, expect, it } from 'vitest';
import { cochranInfinite, cochranSampleSize, zForConfidence } from './sample-size.ts';

describe('zForConfidence', () => {
  // R documentation, stats::qnorm: qnorm(0.95) = 1.644854, qnorm(0.975) = 1.959964, qnorm(0.995) = 2.575829.
  it.each([
    [0.9, 1.644854],
    [0.95, 1.959964],
    [0.99, 2.575829],
  ])('%f gives z = %f (R qnorm)', (confidence, z) => {
    expect(zForConfidence(confidence)).toBeCloseTo(z, 6);
  });
});

describe('cochranSampleSize', () => {
  // Cochran (1977), "Sampling Techniques", eq. 4.2: n0 = z²p(1−p)/e²; with z = 1.96, p = 0.5,
  // e = 0.05 the usual textbook figure is 384.16 (exact z = 1.959964 gives 384.146).
  it('n0 for 95% confidence and ±5% is 384.15', () => {
    expect(cochranInfinite({ confidence: 0.95, margin: 0.05 })).toBeCloseTo(384.146, 2);
  });

  // Krejcie & Morgan (1970), "Determining sample size for research activities", Educational and
  // Psychological Measurement 30, 607–610, Table 1 — the same formula with the finite population
  // correction (Cochran eq. 4.3), 95% confidence, ±5%, p = 0.5.
  it.each([
    [100, 80],
    [1000, 278],
    [10_000, 370],
  ])('N = %i needs n = %i (Krejcie & Morgan, Table 1)', (population, expected) => {
    expect(cochranSampleSize({ population, confidence: 0.95, margin: 0.05 })).toBe(expected);
  });

  it('never exceeds the population and is 0 for an empty one', () => {
    expect(cochranSampleSize({ population: 5, confidence: 0.99, margin: 0.01 })).toBe(5);
    expect(cochranSampleSize({ population: 0, confidence: 0.95, margin: 0.05 })).toBe(0);
  });

  it('refuses impossible inputs', () => {
    expect(() => cochranSampleSize({ population: 10, confidence: 1, margin: 0.05 })).toThrow(RangeError);
    expect(() => cochranSampleSize({ population: 10, confidence: 0.95, margin: 0 })).toThrow(RangeError);
    expect(() => cochranSampleSize({ population: -1, confidence: 0.95, margin: 0.05 })).toThrow(RangeError);
  });
});
