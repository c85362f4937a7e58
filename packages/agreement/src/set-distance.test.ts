// MASI and Jaccard distances, hand-derived from Passonneau (2006) and the Jaccard definition.

import { describe, expect, it } from 'vitest';
import { jaccardDistance, masiDistance } from './set-distance.ts';

describe('masiDistance (Passonneau 2006: 1 − J·M), hand-derived', () => {
  it('identical sets: J = 1, M = 1 → 0', () => {
    expect(masiDistance(['a', 'b'], ['b', 'a'])).toBe(0);
  });

  it('subset: {1,2} vs {1,2,3,4}: J = 2/4, M = 2/3 → 1 − 1/3 = 2/3', () => {
    // NLTK's masi_distance rounds M to 0.67 and prints 0.665 for this pair; we use the exact 2/3.
    expect(masiDistance([1, 2], [1, 2, 3, 4])).toBeCloseTo(2 / 3, 14);
  });

  it('overlap without subset: {a,b} vs {b,c}: J = 1/3, M = 1/3 → 8/9', () => {
    expect(masiDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(8 / 9, 14);
  });

  it('disjoint sets → 1; two empty sets → 0; empty vs non-empty → 1', () => {
    expect(masiDistance(['a'], ['b'])).toBe(1);
    expect(masiDistance([], [])).toBe(0);
    expect(masiDistance([], ['a'])).toBe(1);
  });

  it('ignores duplicates and is symmetric', () => {
    expect(masiDistance(['a', 'a'], ['a', 'b'])).toBeCloseTo(2 / 3, 14);
    expect(masiDistance(['a', 'b'], ['a'])).toBeCloseTo(masiDistance(['a'], ['a', 'b']), 14);
  });
});

describe('jaccardDistance, hand-derived', () => {
  it('1 − |A∩B|/|A∪B|', () => {
    expect(jaccardDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(2 / 3, 14);
    expect(jaccardDistance([1, 2], [1, 2, 3, 4])).toBeCloseTo(0.5, 14);
    expect(jaccardDistance(['a'], ['a'])).toBe(0);
    expect(jaccardDistance(['a'], ['b'])).toBe(1);
    expect(jaccardDistance([], [])).toBe(0);
  });

  it('throws on non-arrays and mixed label types', () => {
    expect(() => jaccardDistance('ab' as never, ['a'])).toThrow(TypeError);
    expect(() => masiDistance([1], ['1'])).toThrow(TypeError);
    expect(() => masiDistance([null] as never, ['a'])).toThrow(TypeError);
  });
});
