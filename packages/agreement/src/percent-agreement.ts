// Raw percent agreement for any number of raters: per item, the share of rater pairs that agree,
// averaged over items with ≥ 2 ratings. Code-set cells agree only when they are the same set.

import { MISSING, checkShape, encodeLabelMatrix, encodeSetRows, matrixKind, sameSet } from './encode.ts';
import type { AgreementResult, LabelMatrix, SetMatrix } from './types.ts';

const WHERE = 'percentAgreement';

export function percentAgreement(ratings: LabelMatrix | SetMatrix): AgreementResult {
  const shape = checkShape(ratings, WHERE);
  const rows = ratings as readonly (readonly unknown[])[];
  const { items, raters } = shape;

  // Both encodings reduce "do cells c and d agree?" to an integer comparison or a member-run compare.
  let present: (c: number) => boolean;
  let agree: (c: number, d: number) => boolean;
  if (matrixKind(rows) === 'set') {
    const sets = encodeSetRows(rows, shape, WHERE);
    present = (c) => sets.len[c] !== MISSING;
    agree = (c, d) => sameSet(sets, c, d);
  } else {
    const { codes } = encodeLabelMatrix(ratings, WHERE);
    present = (c) => codes[c] !== MISSING;
    agree = (c, d) => codes[c] === codes[d];
  }

  let used = 0;
  let pairs = 0;
  let total = 0;
  for (let i = 0; i < items; i++) {
    const row = i * raters;
    let m = 0;
    let agreeing = 0;
    for (let a = 0; a < raters; a++) {
      if (!present(row + a)) continue;
      m++;
      for (let b = a + 1; b < raters; b++) {
        if (present(row + b) && agree(row + a, row + b)) agreeing++;
      }
    }
    if (m < 2) continue;
    const itemPairs = (m * (m - 1)) / 2;
    used++;
    pairs += itemPairs;
    total += agreeing / itemPairs;
  }
  if (used === 0) return { value: null, n: 0, pairs: 0, reason: 'no item has two or more ratings' };
  return { value: total / used, n: used, pairs };
}
