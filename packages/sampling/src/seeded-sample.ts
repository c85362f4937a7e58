// Seeded random samples, optionally stratified: the same seed gives the same sample on any
// machine, so a round or an issue set can be reproduced from what was recorded.
import seedrandom from 'seedrandom';

export type Random = () => number;

export function seededRandom(seed: string): Random {
  return seedrandom(seed);
}

/** Fisher–Yates shuffle of a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Proportional allocation of `size` over groups, by largest remainder (Hamilton's method). */
export function allocate(groupSizes: number[], size: number): number[] {
  const total = groupSizes.reduce((a, b) => a + b, 0);
  const exact = groupSizes.map((n) => (n * size) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = size - counts.reduce((a, b) => a + b, 0), i = 0; r > 0; r--, i++) counts[order[i]![1]]!++;
  return counts;
}

/**
 * `size` items drawn without replacement (all of them when `size` is omitted or larger), in a
 * random order. With `stratum`, each stratum (sorted by name) gets its proportional share.
 */
export function drawSample<T>(items: readonly T[], random: Random, size?: number, stratum?: (item: T) => string): T[] {
  const wanted = Math.min(size ?? items.length, items.length);
  if (!stratum) return shuffle(items, random).slice(0, wanted);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = stratum(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const ordered = [...groups.keys()].sort().map((key) => groups.get(key)!);
  const counts = allocate(
    ordered.map((group) => group.length),
    wanted,
  );
  return shuffle(
    ordered.flatMap((group, i) => shuffle(group, random).slice(0, counts[i])),
    random,
  );
}
