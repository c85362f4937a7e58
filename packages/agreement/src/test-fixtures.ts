// Published data sets used by the *.test.ts files (not part of the public API).
// Each constant names where the numbers come from; rows are items, columns are raters.

import type { Label, LabelMatrix } from './types.ts';

/**
 * Fleiss (1971), Psychological Bulletin 76, 378–382: 30 patients, 6 psychiatrists each, 5 diagnoses
 * (1 Depression, 2 Personality disorder, 3 Schizophrenia, 4 Neurosis, 5 Other). Raw form as shipped in
 * R irr's `diagnoses` data set, copied from statsmodels/stats/tests/test_inter_rater.py (`diagnoses`).
 */
export const diagnoses: number[][] = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];

/**
 * R irr's `anxiety` data: 20 subjects rated by 3 raters on a 1–6 scale, copied from
 * statsmodels/stats/tests/test_inter_rater.py (`anxiety`, column-major there).
 */
const anxietyRaters: number[][] = [
  [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
  [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
  [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
];
export const anxiety: number[][] = anxietyRaters[0]!.map((_, i) => anxietyRaters.map((r) => r[i]!));

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example with 4 observers,
 * 12 units and missing values; as irr's kripp.alpha example matrix `nmm` (and irrCAC's
 * `cac.raw4raters`), transposed here to units × observers.
 */
export const krippendorff2011: (number | null)[][] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
];

/**
 * Wikipedia, "Krippendorff's alpha", computational example: 3 coders × 15 units with missing values
 * (also the README example of the Python `krippendorff` package).
 */
const wikiCoders: (number | null)[][] = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];
export const wikipediaAlpha: (number | null)[][] = wikiCoders[0]!.map((_, i) => wikiCoders.map((c) => c[i]!));

/** Krippendorff (2011), binary example: two observers, ten units, no missing data. */
const binaryA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const binaryB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
export const krippendorffBinary: number[][] = binaryA.map((a, i) => [a, binaryB[i]!]);

/** Expands a contingency table (rows = first rater) into two label arrays. */
export function tableToPairs(table: readonly (readonly number[])[], categories: readonly Label[]): [Label[], Label[]] {
  const a: Label[] = [];
  const b: Label[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++) {
        a.push(categories[i]!);
        b.push(categories[j]!);
      }
    }),
  );
  return [a, b];
}

/** Expands "raters per category" rows (n_ij) into an items × raters label matrix. */
export function distributionToMatrix(distribution: readonly (readonly number[])[], categories: readonly Label[]): LabelMatrix {
  return distribution.map((row) => row.flatMap((count, j) => new Array<Label>(count).fill(categories[j]!)));
}

/** Same table in two-column form, handy for the multi-rater functions. */
export function pairsToMatrix(a: readonly Label[], b: readonly Label[]): Label[][] {
  return a.map((x, i) => [x, b[i]!]);
}
