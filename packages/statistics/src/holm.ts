// Holm's (1979) step-down adjustment of p-values for multiple comparisons, as R's
// p.adjust(p, method = "holm"): the i-th smallest of m p-values is multiplied by (m − i + 1),
// made monotone from the smallest up, and capped at 1.

export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, position) => {
    running = Math.max(running, Math.min(1, (m - position) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
