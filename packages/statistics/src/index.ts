// Public API of @concord/statistics: descriptive statistics and rank tests for comparing
// resolution times across categories. Pure functions, no I/O; results are numbers or null with
// a reason, never NaN.
export { quantileSorted, summarize, type Summary } from './quantile.ts';
export { mannWhitneyU, uDistribution, EXACT_LIMIT, type MannWhitneyResult, type MannWhitneyDefined } from './mann-whitney.ts';
export {
  cliffsDelta,
  cliffMagnitude,
  varghaDelaneyA,
  type CliffMagnitude,
  type CliffsDeltaResult,
  type VarghaDelaneyResult,
} from './effect-size.ts';
export { kruskalWallis, type KruskalWallisResult, type KruskalWallisDefined } from './kruskal-wallis.ts';
export { dunnTest, type DunnComparison, type DunnResult } from './dunn.ts';
export { holmAdjust } from './holm.ts';
export type { Alternative, Undefined } from './types.ts';
