// Quantiles against R's quantile() default (type 7, Hyndman & Fan 1996) and the box-plot summary.
import { describe, expect, it } from 'vitest';
import { quantileSorted, summarize } from './quantile.ts';

describe('quantiles (R type 7)', () => {
  it('R 4: quantile(c(1, 3, 4, 7, 10, 20), c(.25, .5, .75)) = 3.25 5.50 9.25', () => {
    const sorted = [1, 3, 4, 7, 10, 20];
    expect([0.25, 0.5, 0.75].map((p) => quantileSorted(sorted, p))).toEqual([3.25, 5.5, 9.25]);
  });

  it('R 4: quantile(c(1:9, 100)) quartiles 3.25 5.50 7.75; Tukey whiskers leave 100 out', () => {
    const summary = summarize([100, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(summary).toMatchObject({ n: 10, q1: 3.25, median: 5.5, q3: 7.75, iqr: 4.5, min: 1, max: 100, whiskerLow: 1, whiskerHigh: 9 });
  });

  it('one value is its own quartiles; no values give nulls with a reason', () => {
    expect(summarize([5])).toMatchObject({ n: 1, q1: 5, median: 5, q3: 5, iqr: 0 });
    expect(summarize([])).toMatchObject({ n: 0, median: null, iqr: null, reason: expect.any(String) });
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});
