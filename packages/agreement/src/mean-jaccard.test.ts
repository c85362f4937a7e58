// Mean pairwise Jaccard similarity, hand-derived.

import { describe, expect, it } from 'vitest';
import { meanJaccard } from './mean-jaccard.ts';

describe('meanJaccard, hand-derived', () => {
  it('averages per-item mean pairwise similarity over items with ≥ 2 coded cells', () => {
    // Item 1: {a,b},{b,c},{b}: J = 1/3, 1/2, 1/2 → mean 4/9.
    // Item 2: {},{},null: one pair of empty sets → 1.
    // Item 3: {a},null,null: ignored.
    const r = meanJaccard([
      [['a', 'b'], ['b', 'c'], ['b']],
      [[], [], null],
      [['a'], null, null],
    ]);
    expect(r.n).toBe(2);
    expect(r.pairs).toBe(4);
    expect(r.value).toBeCloseTo((4 / 9 + 1) / 2, 14);
  });

  it('empty input gives null with a reason; label cells throw', () => {
    const r = meanJaccard([]);
    expect(r.value).toBeNull();
    expect(r.reason).toBeTypeOf('string');
    expect(() => meanJaccard([['a', 'b']] as never)).toThrow(TypeError);
  });
});
