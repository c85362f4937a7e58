// Cohen's kappa (1960) and weighted kappa (Cohen 1968) for two raters' label arrays,
// with Fleiss, Cohen & Everitt (1969) standard errors.

import { encodeLabelPair } from './encode.ts';
import { countTable, identityWeights, kappaFromTable, unweightedKappa } from './kappa-table.ts';
import type { KappaResult, Label, LabelCell, WeightScheme } from './types.ts';

export interface CohenKappaOptions {
  /** Category list; defaults to the sorted union of both raters' labels. */
  categories?: readonly Label[];
}

export interface WeightedKappaOptions extends CohenKappaOptions {
  weights: WeightScheme;
}

export function cohenKappa(a: readonly LabelCell[], b: readonly LabelCell[], opts: CohenKappaOptions = {}): KappaResult {
  const pair = encodeLabelPair(a, b, 'cohenKappa', opts.categories);
  return unweightedKappa(pair.x, pair.y, pair.categories.length, pair.categories);
}

/**
 * Cohen's kappa from a k × k table (rows: first rater, columns: second), as R's psych::cohen.kappa
 * also accepts it: table[i][j] = items the first rater put in categories[i] and the second in
 * categories[j] (default 0..k−1).
 */
export function cohenKappaFromTable(table: readonly (readonly number[])[], opts: CohenKappaOptions = {}): KappaResult {
  const where = 'cohenKappaFromTable';
  const k = table.length;
  const categories = opts.categories ? [...opts.categories] : Array.from({ length: k }, (_, i) => i);
  if (categories.length !== k) throw new RangeError(`${where}: ${categories.length} categories for a ${k} × ${k} table`);
  const counts = new Float64Array(k * k);
  table.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`${where}: row ${i} has ${row.length} cells; the table must be ${k} × ${k}`);
    row.forEach((count, j) => {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`${where}: cell [${i}][${j}] must be a non-negative integer`);
      counts[i * k + j] = count;
    });
  });
  return kappaFromTable(counts, k, identityWeights(k), categories);
}

export function weightedKappa(a: readonly LabelCell[], b: readonly LabelCell[], opts: WeightedKappaOptions): KappaResult {
  const where = 'weightedKappa';
  if (opts === null || typeof opts !== 'object' || opts.weights === undefined) {
    throw new TypeError(`${where}: options { weights } are required ('linear', 'quadratic' or a matrix)`);
  }
  const pair = encodeLabelPair(a, b, where, opts.categories);
  if (opts.categories === undefined) {
    // Weights depend on category order; alphabetical order of strings is almost never the scale's order,
    // and a custom matrix cannot be matched to data-derived categories reliably.
    if (typeof opts.weights !== 'string') {
      throw new TypeError(`${where}: a custom weight matrix needs an explicit categories list (its row/column order)`);
    }
    if (pair.kind === 'string') {
      throw new TypeError(`${where}: string labels have no natural order; pass categories in scale order for ${opts.weights} weights`);
    }
  }
  const k = pair.categories.length;
  const weights = buildWeights(opts.weights, k, where);
  return kappaFromTable(countTable(pair.x, pair.y, k), k, weights, pair.categories);
}

/** Convention 2: weights from category indices, or a validated custom agreement-weight matrix. */
export function buildWeights(scheme: WeightScheme, k: number, where: string): Float64Array {
  const w = new Float64Array(k * k);
  if (scheme === 'linear' || scheme === 'quadratic') {
    if (k === 1) {
      w[0] = 1;
      return w;
    }
    const span = k - 1;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const d = Math.abs(i - j) / span;
        w[i * k + j] = scheme === 'linear' ? 1 - d : 1 - d * d;
      }
    }
    return w;
  }
  if (!Array.isArray(scheme)) {
    throw new TypeError(`${where}: weights must be 'linear', 'quadratic' or a k × k matrix`);
  }
  if (scheme.length !== k) {
    throw new RangeError(`${where}: weight matrix has ${scheme.length} rows but there are ${k} categories`);
  }
  for (let i = 0; i < k; i++) {
    const row: unknown = scheme[i];
    if (!Array.isArray(row) || row.length !== k) {
      throw new RangeError(`${where}: weight matrix row ${i} must have ${k} entries`);
    }
    for (let j = 0; j < k; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
        throw new RangeError(`${where}: weight [${i}][${j}] must be a number in [0, 1] (agreement weights)`);
      }
      if (i === j && v !== 1) {
        throw new RangeError(`${where}: weight [${i}][${i}] must be 1 (agreement weights have 1 on the diagonal)`);
      }
      w[i * k + j] = v;
    }
  }
  return w;
}
