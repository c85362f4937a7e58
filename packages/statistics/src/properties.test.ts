// Properties on random and degenerate inputs: every result is a finite number or null with a
// reason, never NaN or Infinity, and swapping the samples mirrors the statistics.
import { describe, expect, it } from 'vitest';
import { cliffsDelta, dunnTest, kruskalWallis, mannWhitneyU, summarize, varghaDelaneyA } from './index.ts';

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const finiteOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));

function sample(next: () => number, size: number, distinct: number): number[] {
  return Array.from({ length: size }, () => Math.floor(next() * distinct));
}

describe('properties', () => {
  it('random samples, including tiny, tied and constant ones: no NaN anywhere', () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const sizes = [0, 1, 2, 5, 30, 55];
      const a = sample(next, sizes[trial % sizes.length]!, 1 + (trial % 7));
      const b = sample(next, sizes[(trial * 5 + 1) % sizes.length]!, 1 + (trial % 5));
      const c = sample(next, sizes[(trial * 3 + 2) % sizes.length]!, 3);
      const results = [mannWhitneyU(a, b), cliffsDelta(a, b), varghaDelaneyA(a, b), kruskalWallis([a, b, c]), summarize(a)];
      for (const result of results) {
        for (const value of Object.values(result))
          if (typeof value !== 'string' && !Array.isArray(value)) expect(finiteOrNull(value)).toBe(true);
        if ('value' in result && result.value === null) expect('reason' in result && result.reason).toBeTruthy();
      }
      const dunn = dunnTest([a, b, c]);
      if (dunn.value === null) expect(dunn.reason).toBeTruthy();
      else for (const row of dunn.value) expect([row.z, row.p, row.pAdjusted].every(finiteOrNull)).toBe(true);
      const mw = mannWhitneyU(a, b);
      if (mw.value !== null) {
        expect(mw.p).toBeGreaterThanOrEqual(0);
        expect(mw.p).toBeLessThanOrEqual(1);
        const swapped = mannWhitneyU(b, a);
        expect(swapped.value).toBeCloseTo(a.length * b.length - mw.value, 9);
        if (swapped.value !== null) expect(swapped.p).toBeCloseTo(mw.p, 9);
      }
      const d = cliffsDelta(a, b);
      if (d.value !== null) expect(cliffsDelta(b, a).value).toBeCloseTo(-d.value, 12);
    }
  });
});
