// Mid-ranks of pooled samples (ties share the mean of their ranks) and the tie sizes that the
// rank tests' variance corrections need.

export interface Ranked {
  /** ranks[g][i]: the mid-rank of groups[g][i] among all values. */
  ranks: number[][];
  /** Σ (t³ − t) over groups of t tied values. */
  tieSum: number;
  /** Whether any two values are equal. */
  hasTies: boolean;
  n: number;
}

export function rankGroups(groups: readonly (readonly number[])[]): Ranked {
  const pooled = groups.flatMap((group, g) => group.map((value, i) => ({ value, g, i })));
  pooled.sort((a, b) => a.value - b.value);
  const ranks = groups.map((group) => new Array<number>(group.length));
  let tieSum = 0;
  for (let start = 0; start < pooled.length;) {
    let end = start + 1;
    while (end < pooled.length && pooled[end]!.value === pooled[start]!.value) end++;
    const t = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[pooled[k]!.g]![pooled[k]!.i] = midRank;
    tieSum += t ** 3 - t;
    start = end;
  }
  return { ranks, tieSum, hasTies: tieSum > 0, n: pooled.length };
}

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
