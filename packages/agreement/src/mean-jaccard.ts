// Mean pairwise Jaccard similarity of code sets: per item, the mean |A∩B| / |A∪B| over rater
// pairs (two empty sets count as identical, 1), averaged over items with ≥ 2 coded cells.

import { MISSING, encodeSetMatrix, intersectionSize } from './encode.ts';
import type { AgreementResult, SetMatrix } from './types.ts';

export function meanJaccard(ratings: SetMatrix): AgreementResult {
  const sets = encodeSetMatrix(ratings, 'meanJaccard');
  const { items, raters, len } = sets;
  let used = 0;
  let pairs = 0;
  let total = 0;
  for (let i = 0; i < items; i++) {
    const row = i * raters;
    let itemPairs = 0;
    let similarity = 0;
    for (let a = 0; a < raters; a++) {
      const la = len[row + a]!;
      if (la === MISSING) continue;
      for (let b = a + 1; b < raters; b++) {
        const lb = len[row + b]!;
        if (lb === MISSING) continue;
        const inter = intersectionSize(sets, row + a, row + b);
        const union = la + lb - inter;
        similarity += union === 0 ? 1 : inter / union;
        itemPairs++;
      }
    }
    if (itemPairs === 0) continue;
    used++;
    pairs += itemPairs;
    total += similarity / itemPairs;
  }
  if (used === 0) return { value: null, n: 0, pairs: 0, reason: 'no item has two or more coded cells' };
  return { value: total / used, n: used, pairs };
}
