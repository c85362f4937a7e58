// Cohen's kappa for one code in multi-label data: each item becomes "code present / absent"
// for each rater. Items either rater did not code (null) are dropped; [] counts as "absent".

import { checkPair } from './encode.ts';
import { countTable, identityWeights, kappaFromTable } from './kappa-table.ts';
import { KindGuard, assertLabel, describe } from './labels.ts';
import type { KappaResult, Label, SetCell } from './types.ts';

/** Categories of the presence table: 0 = code absent, 1 = code present. */
export const PRESENCE_CATEGORIES: readonly Label[] = [0, 1];

export function perCodeKappa(a: readonly SetCell[], b: readonly SetCell[], code: Label): KappaResult {
  const where = 'perCodeKappa';
  checkPair(a, b, where);
  assertLabel(code, `${where}: code`);
  const guard = new KindGuard(where);
  guard.see(code);

  const presence = (cell: unknown, who: string, i: number): number => {
    if (cell === null) return -1;
    if (!Array.isArray(cell)) {
      throw new TypeError(`${where}: ${who} rater, item ${i}: expected a code set (array) or null, got ${describe(cell)}`);
    }
    let found = 0;
    for (const c of cell as unknown[]) {
      assertLabel(c, `${where}: ${who} rater, item ${i}`);
      guard.see(c);
      if (c === code) found = 1;
    }
    return found;
  };

  const x = new Int32Array(a.length);
  const y = new Int32Array(a.length);
  let n = 0;
  let used = false;
  for (let i = 0; i < a.length; i++) {
    const pa = presence(a[i], 'first', i);
    const pb = presence(b[i], 'second', i);
    if (pa < 0 || pb < 0) continue;
    x[n] = pa;
    y[n] = pb;
    if (pa === 1 || pb === 1) used = true;
    n++;
  }
  const result = kappaFromTable(countTable(x.subarray(0, n), y.subarray(0, n), 2), 2, identityWeights(2), [...PRESENCE_CATEGORIES]);
  if (result.value === null && n > 0) {
    result.reason = used
      ? `code ${describe(code)} was applied by both raters to every item both coded, so kappa is undefined`
      : `code ${describe(code)} was never applied by either rater on the ${n} items both coded, so kappa is undefined`;
  }
  return result;
}
