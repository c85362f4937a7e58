// Scott's pi (1955) for two raters: like Cohen's kappa, but chance agreement comes from the
// pooled distribution of both raters' labels rather than each rater's own.

import { encodeLabelPair } from './encode.ts';
import type { Label, LabelCell, ScottPiResult } from './types.ts';

export function scottPi(a: readonly LabelCell[], b: readonly LabelCell[], opts: { categories?: readonly Label[] } = {}): ScottPiResult {
  const pair = encodeLabelPair(a, b, 'scottPi', opts.categories);
  const { n, categories } = pair;
  if (n === 0) {
    return { value: null, n, observed: null, expected: null, categories, reason: 'no items were rated by both raters' };
  }
  const pooled = new Float64Array(categories.length);
  let disagree = 0;
  for (let i = 0; i < n; i++) {
    const x = pair.x[i]!;
    const y = pair.y[i]!;
    pooled[x]! += 1;
    pooled[y]! += 1;
    if (x !== y) disagree++;
  }
  // Expected disagreement Σ π_k(1 − π_k) in integer form, so a single category gives exactly 0.
  const total = 2 * n;
  let sumSq = 0;
  for (const c of pooled) sumSq += c * c;
  const deNum = total * total - sumSq;
  const dObs = disagree / n;
  const dExp = deNum / (total * total);
  const observed = 1 - dObs;
  const expected = 1 - dExp;
  if (deNum === 0) {
    return {
      value: null,
      n,
      observed,
      expected,
      categories,
      reason: 'both raters used a single category, so expected agreement is 1 and pi is undefined',
    };
  }
  return { value: 1 - dObs / dExp, n, observed, expected, categories };
}
