// Kruskal–Wallis H test across k groups with the tie correction, as R's kruskal.test and
// SciPy's stats.kruskal compute it: H = [12 / (N(N+1)) Σ R_i² / n_i − 3(N+1)] / (1 − Σ(t³−t) / (N³−N)),
// p from the chi-square distribution with k − 1 degrees of freedom; plus the effect size
// epsilon² = H / ((N² − 1) / (N + 1)) of Tomczak & Tomczak (2014).
import { chiSquareUpperTail } from './distributions.ts';
import { rankGroups, sum } from './ranks.ts';
import { assertFinite, type Undefined } from './types.ts';

export interface KruskalWallisDefined {
  /** H, tie-corrected. */
  value: number;
  df: number;
  p: number;
  epsilonSquared: number;
  /** Values in all groups. */
  n: number;
  /** Groups compared (non-empty). */
  k: number;
}

export type KruskalWallisResult = KruskalWallisDefined | (Undefined & { df: number | null; n: number; k: number });

/** Empty groups are left out: they carry no ranks, and R's kruskal.test drops them too. */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallisResult {
  groups.forEach((group, g) => assertFinite(group, `groups[${g}]`));
  const present = groups.filter((group) => group.length > 0);
  const k = present.length;
  const n = sum(present.map((group) => group.length));
  if (k < 2) return { value: null, reason: 'Needs at least two non-empty groups.', df: null, n, k };
  const { ranks, tieSum } = rankGroups(present);
  const correction = 1 - tieSum / (n ** 3 - n);
  if (!(correction > 0)) return { value: null, reason: 'All values are tied: the ranks carry no information.', df: k - 1, n, k };
  const between = sum(ranks.map((groupRanks) => sum(groupRanks) ** 2 / groupRanks.length));
  const h = ((12 / (n * (n + 1))) * between - 3 * (n + 1)) / correction;
  // Rounding can leave a tiny negative H when every group has the same mean rank.
  const value = Math.max(0, h);
  return { value, df: k - 1, p: chiSquareUpperTail(value, k - 1), epsilonSquared: value / ((n * n - 1) / (n + 1)), n, k };
}
