// Dunn's (1964) pairwise comparisons after Kruskal–Wallis: for groups i and j,
// z = (R̄_i − R̄_j) / sqrt((N(N+1)/12 − Σ(t³−t) / (12(N−1))) (1/n_i + 1/n_j)), mean ranks taken
// over all groups pooled, with the tie correction; two-sided p = 2 P(Z ≥ |z|) (as
// FSA::dunnTest reports it; dunn.test prints the one-sided P(Z ≥ |z|)), Holm-adjusted.
import { normalUpperTail } from './distributions.ts';
import { holmAdjust } from './holm.ts';
import { rankGroups, sum } from './ranks.ts';
import { assertFinite, type Undefined } from './types.ts';

export interface DunnComparison {
  /** Indexes into the groups given. */
  a: number;
  b: number;
  /** Positive when group a has the higher mean rank. */
  z: number;
  p: number;
  pAdjusted: number;
}

export type DunnResult = { value: DunnComparison[]; adjustment: 'holm'; n: number } | (Undefined & { n: number });

/** Every pair (a < b) of non-empty groups; pairs with an empty group are not compared. */
export function dunnTest(groups: readonly (readonly number[])[]): DunnResult {
  groups.forEach((group, g) => assertFinite(group, `groups[${g}]`));
  const indexes = groups.flatMap((group, g) => (group.length > 0 ? [g] : []));
  const n = sum(groups.map((group) => group.length));
  if (indexes.length < 2) return { value: null, reason: 'Needs at least two non-empty groups.', n };
  const { ranks, tieSum } = rankGroups(indexes.map((g) => groups[g]!));
  const spread = (n * (n + 1)) / 12 - tieSum / (12 * (n - 1));
  if (!(spread > 0)) return { value: null, reason: 'All values are tied: the ranks carry no information.', n };
  const meanRank = ranks.map((groupRanks) => sum(groupRanks) / groupRanks.length);
  const pairs: Omit<DunnComparison, 'pAdjusted'>[] = [];
  for (let i = 0; i < indexes.length; i++) {
    for (let j = i + 1; j < indexes.length; j++) {
      const se = Math.sqrt(spread * (1 / ranks[i]!.length + 1 / ranks[j]!.length));
      const z = (meanRank[i]! - meanRank[j]!) / se;
      pairs.push({ a: indexes[i]!, b: indexes[j]!, z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) });
    }
  }
  const adjusted = holmAdjust(pairs.map((pair) => pair.p));
  return { value: pairs.map((pair, i) => ({ ...pair, pAdjusted: adjusted[i]! })), adjustment: 'holm', n };
}
