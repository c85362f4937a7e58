// Cross-tabulation of two raters' labels (rows = first rater), for display and for checking
// what the kappa functions see. Items missing either rating are left out.

import { encodeLabelPair } from './encode.ts';
import type { ConfusionMatrix, Label, LabelCell } from './types.ts';

export function confusionMatrix(a: readonly LabelCell[], b: readonly LabelCell[], categories?: readonly Label[]): ConfusionMatrix {
  const pair = encodeLabelPair(a, b, 'confusionMatrix', categories);
  const k = pair.categories.length;
  const counts: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < pair.n; i++) counts[pair.x[i]!]![pair.y[i]!]! += 1;
  return { categories: pair.categories, counts, n: pair.n };
}
