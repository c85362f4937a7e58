// Confusion matrix orientation, category order and listwise deletion.

import { describe, expect, it } from 'vitest';
import { confusionMatrix } from './confusion-matrix.ts';

describe('confusionMatrix', () => {
  it('counts with rows = first rater, over the sorted union of labels, skipping missing ratings', () => {
    const r = confusionMatrix(['b', 'a', 'a', null, 'c'], ['a', 'a', 'b', 'a', null]);
    expect(r.categories).toEqual(['a', 'b']);
    expect(r.counts).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(r.n).toBe(3);
  });

  it('uses the given categories and their order', () => {
    const r = confusionMatrix([3, 1], [1, 1], [3, 2, 1]);
    expect(r.categories).toEqual([3, 2, 1]);
    expect(r.counts).toEqual([
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('throws on mismatched lengths or labels outside the given categories', () => {
    expect(() => confusionMatrix([1], [1, 2])).toThrow(RangeError);
    expect(() => confusionMatrix([1], [4], [1, 2])).toThrow(RangeError);
  });
});
