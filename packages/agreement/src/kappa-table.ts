// Cohen's (weighted) kappa and its large-sample standard errors from a k × k count table,
// following Fleiss, Cohen & Everitt (1969); shared by cohenKappa, weightedKappa and perCodeKappa.

import type { KappaResult, Label } from './types.ts';

/** Two-sided 95% normal quantile, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

const NO_ITEMS = 'no items were rated by both raters';
const EXPECTED_AGREEMENT_IS_ONE =
  'expected agreement is 1 (both raters used a single category, or the weights give full credit ' +
  'to every pair used), so kappa is undefined';

function undefinedKappa(
  n: number,
  categories: Label[],
  reason: string,
  observed: number | null = null,
  expected: number | null = null,
): KappaResult {
  return { value: null, n, observed, expected, se: null, ci95: null, seH0: null, z: null, categories, reason };
}

function definedKappa(
  kappa: number,
  n: number,
  observed: number,
  expected: number,
  se: number,
  seH0: number,
  categories: Label[],
): KappaResult {
  return {
    value: kappa,
    n,
    observed,
    expected,
    se,
    ci95: [kappa - Z95 * se, kappa + Z95 * se],
    seH0,
    z: seH0 > 0 ? kappa / seH0 : null,
    categories,
  };
}

/** Identity agreement weights: unweighted kappa. */
export function identityWeights(k: number): Float64Array {
  const w = new Float64Array(k * k);
  for (let i = 0; i < k; i++) w[i * k + i] = 1;
  return w;
}

export function countTable(x: Int32Array, y: Int32Array, k: number): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < x.length; i++) counts[x[i]! * k + y[i]!]! += 1;
  return counts;
}

/**
 * counts[i*k+j]: items rated i by the first rater and j by the second; weights likewise, with
 * 1 = full agreement. Disagreement sums are formed from (1 − w) so that a degenerate table gives
 * an expected disagreement of exactly 0 rather than a rounding residue.
 */
export function kappaFromTable(counts: Float64Array, k: number, weights: Float64Array, categories: Label[]): KappaResult {
  let n = 0;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = counts[i * k + j]!;
      rows[i]! += c;
      cols[j]! += c;
      n += c;
    }
  }
  if (n === 0) return undefinedKappa(n, categories, NO_ITEMS);

  let doNum = 0;
  let deNum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = 1 - weights[i * k + j]!;
      if (d === 0) continue;
      doNum += d * counts[i * k + j]!;
      deNum += d * rows[i]! * cols[j]!;
    }
  }
  const dObs = doNum / n;
  const dExp = deNum / (n * n);
  const observed = 1 - dObs;
  const expected = 1 - dExp;
  if (deNum === 0) return undefinedKappa(n, categories, EXPECTED_AGREEMENT_IS_ONE, observed, expected);
  const kappa = 1 - dObs / dExp;

  // w̄_i. = Σ_j w_ij p_.j and w̄_.j = Σ_i w_ij p_i.  (Fleiss, Cohen & Everitt 1969)
  const wRow = new Float64Array(k);
  const wCol = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weights[i * k + j]!;
      wRow[i]! += (w * cols[j]!) / n;
      wCol[j]! += (w * rows[i]!) / n;
    }
  }

  // Both variances are Σ p (A − mean A)², written in centred form: FCE's published expressions
  // subtract the squared mean instead, which is algebraically equal but loses digits near kappa = 1.
  const slack = 1 - kappa;
  let mean = 0;
  let mean0 = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weights[i * k + j]!;
      const marg = wRow[i]! + wCol[j]!;
      mean += (counts[i * k + j]! / n) * (w - marg * slack);
      mean0 += ((rows[i]! * cols[j]!) / (n * n)) * (w - marg);
    }
  }
  let ss = 0;
  let ss0 = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weights[i * k + j]!;
      const marg = wRow[i]! + wCol[j]!;
      const a = w - marg * slack - mean;
      const b = w - marg - mean0;
      ss += (counts[i * k + j]! / n) * a * a;
      ss0 += ((rows[i]! * cols[j]!) / (n * n)) * b * b;
    }
  }
  const denom = n * dExp * dExp;
  const se = Math.sqrt(ss / denom);
  const seH0 = Math.sqrt(ss0 / denom);
  return definedKappa(kappa, n, observed, expected, se, seH0, categories);
}

/**
 * Unweighted kappa straight from the paired category indices, in O(n + k + distinct pairs)
 * instead of O(k²): with many categories (e.g. every distinct code set of a multi-label study)
 * the k × k table would be mostly zeros. Same Fleiss, Cohen & Everitt (1969) estimates as
 * kappaFromTable with identity weights, using their closed forms:
 *   mean = p_o − 2 (1 − κ) p_e,  Var₀ ∝ p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i).
 */
export function unweightedKappa(x: Int32Array, y: Int32Array, k: number, categories: Label[]): KappaResult {
  const n = x.length;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  const cells = new Map<number, number>();
  let agreed = 0;
  for (let i = 0; i < n; i++) {
    rows[x[i]!]! += 1;
    cols[y[i]!]! += 1;
    if (x[i] === y[i]) agreed++;
    const cell = x[i]! * k + y[i]!;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  if (n === 0) return undefinedKappa(n, categories, NO_ITEMS);

  let chanceAgreed = 0; // Σ rows_i cols_i, an integer, so a degenerate table gives exactly n².
  let skew = 0; // Σ p_i q_i (p_i + q_i)
  for (let i = 0; i < k; i++) {
    chanceAgreed += rows[i]! * cols[i]!;
    skew += ((rows[i]! * cols[i]!) / (n * n)) * ((rows[i]! + cols[i]!) / n);
  }
  const dObs = (n - agreed) / n;
  const deNum = n * n - chanceAgreed;
  const dExp = deNum / (n * n);
  const observed = 1 - dObs;
  const expected = 1 - dExp;
  if (deNum === 0) return undefinedKappa(n, categories, EXPECTED_AGREEMENT_IS_ONE, observed, expected);
  const kappa = 1 - dObs / dExp;
  const slack = 1 - kappa;
  const mean = observed - 2 * slack * expected;
  // Only cells with items contribute to the non-null variance.
  let ss = 0;
  for (const [cell, count] of cells) {
    const i = Math.floor(cell / k);
    const j = cell - i * k;
    const a = (i === j ? 1 : 0) - ((cols[i]! + rows[j]!) / n) * slack - mean;
    ss += (count / n) * a * a;
  }
  const ss0 = expected + expected * expected - skew;
  const denom = n * dExp * dExp;
  const se = Math.sqrt(ss / denom);
  const seH0 = Math.sqrt(Math.max(0, ss0) / denom);
  return definedKappa(kappa, n, observed, expected, se, seH0, categories);
}
