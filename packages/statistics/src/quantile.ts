// Quantiles, median and IQR as R computes them by default: quantile(type = 7), Hyndman & Fan
// (1996) definition 7, the linear interpolation between order statistics also used by NumPy's
// default and Excel's QUARTILE.INC. Box-plot whiskers follow Tukey (1.5 × IQR, within the data).
import { assertFinite } from './types.ts';

/** Quantile p (0..1) of already sorted values, R type 7: x[h] interpolated at h = (n - 1) p. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must lie in [0, 1].');
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const lower = sorted[low]!;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return lower + (h - low) * (upper - lower);
}

export interface Summary {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  min: number | null;
  max: number | null;
  /** Tukey whiskers: the most extreme values within 1.5 IQR of the quartiles. */
  whiskerLow: number | null;
  whiskerHigh: number | null;
  /** Why the numbers are null (no values). */
  reason?: string;
}

export function summarize(values: readonly number[]): Summary {
  assertFinite(values, 'values');
  if (values.length === 0) {
    const none = null;
    return {
      n: 0,
      median: none,
      q1: none,
      q3: none,
      iqr: none,
      min: none,
      max: none,
      whiskerLow: none,
      whiskerHigh: none,
      reason: 'No values.',
    };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25)!;
  const q3 = quantileSorted(sorted, 0.75)!;
  const iqr = q3 - q1;
  const fenceLow = q1 - 1.5 * iqr;
  const fenceHigh = q3 + 1.5 * iqr;
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5),
    q1,
    q3,
    iqr,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    whiskerLow: sorted.find((value) => value >= fenceLow)!,
    whiskerHigh: sorted.findLast((value) => value <= fenceHigh)!,
  };
}
