// The seeded draw: reproducible, without replacement, and proportional when stratified.
import { describe, expect, it } from 'vitest';
import { allocate, drawSample, seededRandom } from './seeded-sample.ts';

const items = Array.from({ length: 60 }, (_, i) => ({ id: i, group: i < 30 ? 'a' : i < 50 ? 'b' : 'c' }));

describe('drawSample', () => {
  it('is reproducible from its seed, draws without replacement, and changes with the seed', () => {
    const first = drawSample(items, seededRandom('s1'), 20);
    expect(drawSample(items, seededRandom('s1'), 20)).toEqual(first);
    expect(new Set(first.map((i) => i.id)).size).toBe(20);
    expect(drawSample(items, seededRandom('s2'), 20)).not.toEqual(first);
  });

  it('takes every item when the size is omitted or too large', () => {
    expect(drawSample(items, seededRandom('s'), 1000)).toHaveLength(60);
    expect(drawSample(items, seededRandom('s'))).toHaveLength(60);
  });

  it('keeps strata in proportion (largest remainder)', () => {
    const sample = drawSample(items, seededRandom('s'), 12, (item) => item.group);
    expect(sample.filter((i) => i.group === 'a')).toHaveLength(6);
    expect(sample.filter((i) => i.group === 'b')).toHaveLength(4);
    expect(sample.filter((i) => i.group === 'c')).toHaveLength(2);
  });
});

describe('allocate', () => {
  // Hamilton's method: quotas 3.5, 2.5, 1.0 for 7 seats over 35/25/10 → remainders .5/.5 break by order.
  it('hands out the remainder to the largest fractional parts, ties to the first group', () => {
    expect(allocate([35, 25, 10], 7)).toEqual([4, 2, 1]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
  });
});
