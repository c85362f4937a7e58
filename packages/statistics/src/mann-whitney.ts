// Mann–Whitney U (Wilcoxon rank-sum) test, computed as R's wilcox.test(x, y) does by default:
// the exact p-value when both samples have fewer than 50 values and no value is tied, else the
// normal approximation with tie-corrected variance and continuity correction (exact = FALSE,
// correct = TRUE). U is the statistic R calls W: the number of pairs (x, y) with x > y, ties
// counting one half.
import { normalLowerTail, normalUpperTail } from './distributions.ts';
import { rankGroups, sum } from './ranks.ts';
import { assertFinite, type Alternative, type Undefined } from './types.ts';

/** R's threshold: below it in both samples, and without ties, the p-value is exact. */
export const EXACT_LIMIT = 50;

export interface MannWhitneyDefined {
  /** U of the first sample (R's W). */
  value: number;
  n1: number;
  n2: number;
  p: number;
  method: 'exact' | 'normal';
  /** The continuity-corrected z of the normal approximation; null for the exact method. */
  z: number | null;
  alternative: Alternative;
}

export type MannWhitneyResult = MannWhitneyDefined | (Undefined & { n1: number; n2: number; alternative: Alternative });

/**
 * How many of the C(m + n, m) orderings of two samples of sizes m and n give each U: the
 * coefficients of the Gaussian binomial [m + n choose m]_q, built one factor
 * (1 − q^(n+i)) / (1 − q^i) at a time. Every intermediate is itself a Gaussian binomial, so the
 * counts stay exact (BigInt) and non-negative.
 */
export function uDistribution(m: number, n: number): bigint[] {
  let counts: bigint[] = [1n];
  for (let i = 1; i <= m; i++) {
    const degree = counts.length - 1 + n;
    const next = new Array<bigint>(degree + 1).fill(0n);
    // Multiply by (1 − q^(n+i)) ...
    for (let k = 0; k < counts.length; k++) {
      next[k]! += counts[k]!;
      // Terms above degree i·n cancel in the division; only the quotient's own terms are kept.
      if (k + n + i <= degree) next[k + n + i]! -= counts[k]!;
    }
    // ... and divide by (1 − q^i): b[k] = a[k] + b[k − i].
    for (let k = i; k <= degree; k++) next[k]! += next[k - i]!;
    counts = next;
  }
  return counts;
}

/** P(U <= u) and P(U >= u) under H0 for sample sizes m and n. */
function exactTails(u: number, m: number, n: number): { lower: number; upper: number } {
  const counts = uDistribution(m, n);
  const total = counts.reduce((a, b) => a + b, 0n);
  let lower = 0n;
  for (let k = 0; k <= u && k < counts.length; k++) lower += counts[k]!;
  let upper = 0n;
  for (let k = Math.max(0, Math.ceil(u)); k < counts.length; k++) upper += counts[k]!;
  // Ratios of big integers: scale before dividing so 17 significant digits survive.
  const ratio = (part: bigint) => Number((part * 10n ** 18n) / total) / 1e18;
  return { lower: ratio(lower), upper: ratio(upper) };
}

export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  { alternative = 'two-sided' }: { alternative?: Alternative } = {},
): MannWhitneyResult {
  assertFinite(x, 'x');
  assertFinite(y, 'y');
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { value: null, reason: 'Each group needs at least one value.', n1, n2, alternative };
  const { ranks, tieSum, hasTies } = rankGroups([x, y]);
  const u = sum(ranks[0]!) - (n1 * (n1 + 1)) / 2;

  if (n1 < EXACT_LIMIT && n2 < EXACT_LIMIT && !hasTies) {
    const { lower, upper } = exactTails(u, n1, n2);
    const p = alternative === 'less' ? lower : alternative === 'greater' ? upper : Math.min(1, 2 * (u > (n1 * n2) / 2 ? upper : lower));
    return { value: u, n1, n2, p, method: 'exact', z: null, alternative };
  }

  const total = n1 + n2;
  const variance = ((n1 * n2) / 12) * (total + 1 - tieSum / (total * (total - 1)));
  if (!(variance > 0)) return { value: null, reason: 'All values are tied: the ranks carry no information.', n1, n2, alternative };
  const shift = u - (n1 * n2) / 2;
  const correction = alternative === 'two-sided' ? Math.sign(shift) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (shift - correction) / Math.sqrt(variance);
  const p =
    alternative === 'less'
      ? normalLowerTail(z)
      : alternative === 'greater'
        ? normalUpperTail(z)
        : 2 * Math.min(normalLowerTail(z), normalUpperTail(z));
  return { value: u, n1, n2, p, method: 'normal', z, alternative };
}
