// Public input and result types shared by every statistic in @concord/agreement.
// Inputs are plain arrays so callers can pass JSON straight from the database.

/** One category a rater can assign. Numbers and strings are never mixed in one input. */
export type Label = string | number;

/** The codes one rater applied to one item; `[]` means "coded, no code applies". */
export type CodeSet = readonly Label[];

/** A single rating: a label, a code set, or `null` for "not rated". */
export type Cell = Label | CodeSet | null;

export type LabelCell = Label | null;
export type SetCell = CodeSet | null;

/** Items × raters: `ratings[item][rater]`. Every row has the same length. */
export type RatingMatrix<C extends Cell = Cell> = readonly (readonly C[])[];
export type LabelMatrix = RatingMatrix<LabelCell>;
export type SetMatrix = RatingMatrix<SetCell>;

/** Krippendorff's levels of measurement. */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Agreement weights for weighted kappa: 1 = full credit, 0 = none. Rows = first rater. */
export type WeightScheme = 'linear' | 'quadratic' | readonly (readonly number[])[];

/** A distance between two non-missing values; must be ≥ 0, symmetric and 0 for identical values. */
export type LabelDistance = (x: Label, y: Label) => number;
export type SetDistance = (x: CodeSet, y: CodeSet) => number;

/** What every statistic returns: `value` is null (with a `reason`) when the statistic is undefined. */
export interface StatisticResult {
  value: number | null;
  /** Number of items (units) that entered the computation. */
  n: number;
  reason?: string;
}

export interface KappaResult extends StatisticResult {
  /** Observed (weighted) agreement p_o. */
  observed: number | null;
  /** Chance-expected (weighted) agreement p_e. */
  expected: number | null;
  /** Large-sample standard error of Fleiss, Cohen & Everitt (1969). */
  se: number | null;
  /** value ± 1.959963984540054·se, not clipped (as R's psych and SAS report it). */
  ci95: [number, number] | null;
  /** Standard error under H0: kappa = 0 (Fleiss, Cohen & Everitt 1969). */
  seH0: number | null;
  /** value / seH0. */
  z: number | null;
  categories: Label[];
}

export interface ScottPiResult extends StatisticResult {
  observed: number | null;
  expected: number | null;
  categories: Label[];
}

export interface CategoryKappa {
  category: Label;
  /** Fleiss (1971) kappa for this category against all others; null if nobody used it. */
  value: number | null;
  /** Standard error under H0 (Fleiss, Nee & Landis 1979): sqrt(2 / (N·m·(m−1))). */
  seH0: number | null;
  z: number | null;
}

export interface FleissKappaResult extends StatisticResult {
  /** Raters per item (m). */
  raters: number;
  /** Mean per-item agreement P̄. */
  observed: number | null;
  /** Chance agreement P̄e = Σ p_j². */
  expected: number | null;
  /** Standard error under H0 (Fleiss, Nee & Landis 1979). */
  seH0: number | null;
  z: number | null;
  categories: Label[];
  perCategory: CategoryKappa[];
}

export interface AlphaResult extends StatisticResult {
  level: Level | 'custom';
  /** D_o: observed disagreement. */
  observedDisagreement: number | null;
  /** D_e: disagreement expected by chance. */
  expectedDisagreement: number | null;
  /** Number of pairable values (Krippendorff's n). */
  pairableValues: number;
}

export interface GwetAC1Result extends StatisticResult {
  /** Percent agreement p_a over items with ≥ 2 ratings. */
  observed: number | null;
  /** Chance agreement p_e = Σ π_k(1 − π_k) / (q − 1). */
  expected: number | null;
  categories: Label[];
}

export interface AgreementResult extends StatisticResult {
  /** Number of rater pairs compared, summed over items. */
  pairs: number;
}

export interface ConfusionMatrix {
  categories: Label[];
  /** counts[i][j]: items the first rater put in categories[i] and the second in categories[j]. */
  counts: number[][];
  /** Items with both ratings present. */
  n: number;
}
