// Gwet's AC1 (Gwet 2008; Handbook of Inter-Rater Reliability, 4th ed. 2014) for any number of raters,
// with missing ratings handled as in Gwet's irrCAC::gwet.ac1.raw.

import { MISSING, encodeLabelMatrix } from './encode.ts';
import type { GwetAC1Result, Label, LabelMatrix } from './types.ts';

/**
 * p_a averages, over items with ≥ 2 ratings, Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1)).
 * π_k averages r_ik / r_i over items with ≥ 1 rating, and p_e = Σ_k π_k (1 − π_k) / (q − 1)
 * where q is the number of categories (pass `categories` to count unused ones too).
 */
export function gwetAC1(ratings: LabelMatrix, opts: { categories?: readonly Label[] } = {}): GwetAC1Result {
  const enc = encodeLabelMatrix(ratings, 'gwetAC1', opts.categories);
  const { items, raters, codes, categories } = enc;
  const q = categories.length;
  const share = new Float64Array(q);
  const scratch = new Int32Array(q);
  let rated = 0;
  let paired = 0;
  let agreement = 0;
  for (let i = 0; i < items; i++) {
    const row = i * raters;
    let r = 0;
    for (let j = 0; j < raters; j++) {
      const c = codes[row + j]!;
      if (c === MISSING) continue;
      scratch[c]! += 1;
      r++;
    }
    if (r === 0) continue;
    rated++;
    let agreeingPairs = 0;
    for (let j = 0; j < raters; j++) {
      const c = codes[row + j]!;
      if (c === MISSING) continue;
      share[c]! += 1 / r;
      agreeingPairs += scratch[c]! - 1;
    }
    for (let j = 0; j < raters; j++) {
      const c = codes[row + j]!;
      if (c !== MISSING) scratch[c] = 0;
    }
    if (r >= 2) {
      paired++;
      agreement += agreeingPairs / (r * (r - 1));
    }
  }
  if (paired === 0) {
    return { value: null, n: 0, observed: null, expected: null, categories, reason: 'no item has two or more ratings' };
  }
  const observed = agreement / paired;
  if (q < 2) {
    return {
      value: null,
      n: paired,
      observed,
      expected: null,
      categories,
      reason: 'only one category exists, so chance agreement Σπ(1−π)/(q−1) is undefined; pass categories to list the others',
    };
  }
  let spread = 0;
  for (let k = 0; k < q; k++) {
    const pi = share[k]! / rated;
    spread += pi * (1 - pi);
  }
  // p_e ≤ 1/q ≤ 1/2, so the denominator below is never 0.
  const expected = spread / (q - 1);
  return { value: (observed - expected) / (1 - expected), n: paired, observed, expected, categories };
}
