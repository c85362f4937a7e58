// How many issues to sample to estimate a proportion: Cochran's formula with the finite
// population correction (W. G. Cochran, "Sampling Techniques", 3rd ed., Wiley 1977, eqs. 4.2
// and 4.3): n0 = z² p (1 − p) / e², n = n0 / (1 + (n0 − 1) / N), rounded up.

export interface SampleSizeInput {
  /** Population size N (issues to sample from). */
  population: number;
  /** Confidence level, e.g. 0.95. */
  confidence: number;
  /** Margin of error e as a proportion, e.g. 0.05 for ±5%. */
  margin: number;
  /** Expected proportion p; 0.5 (the default) gives the largest, safest size. */
  proportion?: number;
}

/** Two-sided standard normal quantile z for a confidence level (Acklam's rational approximation, |error| < 1.2e-9). */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  return normalQuantile(1 - (1 - confidence) / 2);
}

function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coefficients: number[], x: number) => coefficients.reduce((sum, k) => sum * x + k, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** n0 before the finite population correction (not rounded). */
export function cochranInfinite({ confidence, margin, proportion = 0.5 }: Omit<SampleSizeInput, 'population'>): number {
  if (!(margin > 0 && margin < 1)) throw new RangeError('margin must be between 0 and 1');
  if (!(proportion >= 0 && proportion <= 1)) throw new RangeError('proportion must be between 0 and 1');
  const z = zForConfidence(confidence);
  return (z * z * proportion * (1 - proportion)) / (margin * margin);
}

/** The sample size, corrected for a finite population and rounded up; never more than N. */
export function cochranSampleSize(input: SampleSizeInput): number {
  if (!Number.isInteger(input.population) || input.population < 0) throw new RangeError('population must be a whole number');
  if (input.population === 0) return 0;
  const n0 = cochranInfinite(input);
  // A tiny tolerance keeps e.g. 384.0000000001 from rounding up to 385 through float noise.
  return Math.min(input.population, Math.ceil(n0 / (1 + (n0 - 1) / input.population) - 1e-9));
}
