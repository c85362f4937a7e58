// Fleiss' kappa (1971) for m raters per item, with the corrected null-hypothesis standard errors
// of Fleiss, Nee & Landis (1979) for the overall and per-category kappas.

import { MISSING, encodeLabelMatrix } from './encode.ts';
import type { CategoryKappa, FleissKappaResult, Label, LabelMatrix } from './types.ts';

export function fleissKappa(ratings: LabelMatrix, opts: { categories?: readonly Label[] } = {}): FleissKappaResult {
  const enc = encodeLabelMatrix(ratings, 'fleissKappa', opts.categories, 'complete');
  const { items, raters: m, codes, categories } = enc;
  const k = categories.length;
  if (m < 2) return fleissFromSums(new Float64Array(k), new Float64Array(k), 0, m, categories);

  // totals[j] = Σ_i n_ij and squares[j] = Σ_i n_ij², over complete items only (listwise deletion).
  const totals = new Float64Array(k);
  const squares = new Float64Array(k);
  const scratch = new Int32Array(k);
  let n = 0;
  for (let i = 0; i < items; i++) {
    const row = i * m;
    let complete = true;
    for (let r = 0; r < m; r++) {
      if (codes[row + r] === MISSING) {
        complete = false;
        break;
      }
    }
    if (!complete) continue;
    n++;
    for (let r = 0; r < m; r++) scratch[codes[row + r]!]! += 1;
    // Each of the n_ij raters in category j adds n_ij, giving n_ij² without touching all k categories.
    for (let r = 0; r < m; r++) {
      const c = codes[row + r]!;
      squares[c]! += scratch[c]!;
      totals[c]! += 1;
    }
    for (let r = 0; r < m; r++) scratch[codes[row + r]!] = 0;
  }
  return fleissFromSums(totals, squares, n, m, categories);
}

/**
 * Fleiss' kappa from a table of category counts per item, the form Fleiss (1971) tabulates:
 * counts[i][j] = raters who put item i in categories[j] (default 0..k−1); every row sums to the
 * same m. `weights[i]` (default 1) says how many items share row i, so large data sets with few
 * distinct rows (e.g. one code's presence among m raters) need only m + 1 rows.
 */
export function fleissKappaFromCounts(
  counts: readonly (readonly number[])[],
  opts: { categories?: readonly Label[]; weights?: readonly number[] } = {},
): FleissKappaResult {
  const where = 'fleissKappaFromCounts';
  const k = counts[0]?.length ?? opts.categories?.length ?? 0;
  const categories = opts.categories ? [...opts.categories] : Array.from({ length: k }, (_, j) => j);
  if (categories.length !== k) throw new RangeError(`${where}: ${categories.length} categories for rows of ${k} counts`);
  if (opts.weights && opts.weights.length !== counts.length)
    throw new RangeError(`${where}: ${opts.weights.length} weights for ${counts.length} rows`);
  const totals = new Float64Array(k);
  const squares = new Float64Array(k);
  let m = -1;
  let n = 0;
  counts.forEach((row, i) => {
    const weight = opts.weights?.[i] ?? 1;
    if (!Number.isInteger(weight) || weight < 0) throw new RangeError(`${where}: weight ${i} must be a non-negative integer`);
    if (row.length !== k) throw new RangeError(`${where}: row ${i} has ${row.length} counts, expected ${k}`);
    let sum = 0;
    row.forEach((c, j) => {
      if (!Number.isInteger(c) || c < 0) throw new RangeError(`${where}: count [${i}][${j}] must be a non-negative integer`);
      sum += c;
      totals[j]! += weight * c;
      squares[j]! += weight * c * c;
    });
    if (m === -1) m = sum;
    else if (sum !== m) throw new RangeError(`${where}: row ${i} sums to ${sum} raters, the first row to ${m}`);
    n += weight;
  });
  return fleissFromSums(totals, squares, n, Math.max(m, 0), categories);
}

// totals[j] = Σ_i n_ij and squares[j] = Σ_i n_ij² over the n complete items with m raters each.
function fleissFromSums(totals: Float64Array, squares: Float64Array, n: number, m: number, categories: Label[]): FleissKappaResult {
  const k = categories.length;
  const base = {
    raters: m,
    observed: null,
    expected: null,
    seH0: null,
    z: null,
    categories,
    perCategory: categories.map((category): CategoryKappa => ({ category, value: null, seH0: null, z: null })),
  };
  if (m < 2) return { ...base, value: null, n: 0, reason: "Fleiss' kappa needs at least 2 raters per item" };
  if (n === 0) return { ...base, value: null, n, reason: `no item was rated by all ${m} raters` };

  const total = n * m;
  let sumSquares = 0;
  let sumTotalsSq = 0;
  for (let j = 0; j < k; j++) {
    sumSquares += squares[j]!;
    sumTotalsSq += totals[j]! * totals[j]!;
  }
  // 1 − P̄ and 1 − P̄e from integer sums, so perfect or degenerate data give exact zeros.
  const dObs = (total * m - sumSquares) / (total * (m - 1));
  const deNum = total * total - sumTotalsSq;
  const dExp = deNum / (total * total);
  const observed = 1 - dObs;
  const expected = 1 - dExp;
  if (deNum === 0) {
    return {
      ...base,
      value: null,
      n,
      observed,
      expected,
      reason: 'every rating is the same category, so expected agreement is 1 and kappa is undefined',
    };
  }
  const kappa = 1 - dObs / dExp;

  // Fleiss, Nee & Landis (1979): Var0(κ) = 2 / (N m (m−1)) · [(Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)] / (Σ p_j q_j)²
  const scale = 2 / (n * m * (m - 1));
  let skew = 0;
  for (let j = 0; j < k; j++) {
    const p = totals[j]! / total;
    const q = 1 - p;
    skew += p * q * (q - p);
  }
  const seH0 = Math.sqrt((scale * Math.max(0, dExp * dExp - skew)) / (dExp * dExp));

  // Per category (Fleiss 1971): κ_j = 1 − Σ_i n_ij (m − n_ij) / (N m (m−1) p_j q_j); Var0(κ_j) = 2 / (N m (m−1)).
  const seH0Category = Math.sqrt(scale);
  const perCategory = categories.map((category, j): CategoryKappa => {
    const p = totals[j]! / total;
    const pq = p * (1 - p);
    if (pq === 0) return { category, value: null, seH0: null, z: null };
    const value = 1 - (m * totals[j]! - squares[j]!) / (total * (m - 1) * pq);
    return { category, value, seH0: seH0Category, z: value / seH0Category };
  });

  return {
    ...base,
    value: kappa,
    n,
    observed,
    expected,
    seH0,
    z: seH0 > 0 ? kappa / seH0 : null,
    perCategory,
  };
}
