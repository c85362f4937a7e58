// Public API of @concord/agreement: inter-rater agreement statistics for qualitative coding.
// Everything a caller needs is re-exported here; the other modules are internal.

export { percentAgreement } from './percent-agreement.ts';
export { cohenKappa, cohenKappaFromTable, weightedKappa } from './cohen-kappa.ts';
export type { CohenKappaOptions, WeightedKappaOptions } from './cohen-kappa.ts';
export { scottPi } from './scott-pi.ts';
export { fleissKappa, fleissKappaFromCounts } from './fleiss-kappa.ts';
export { krippendorffAlpha } from './krippendorff-alpha.ts';
export type { AlphaLevelOptions } from './krippendorff-alpha.ts';
export { gwetAC1 } from './gwet-ac1.ts';
export { perCodeKappa, PRESENCE_CATEGORIES } from './per-code-kappa.ts';
export { masiDistance, jaccardDistance } from './set-distance.ts';
export { meanJaccard } from './mean-jaccard.ts';
export { confusionMatrix } from './confusion-matrix.ts';
export { Z95 } from './kappa-table.ts';
export type {
  AgreementResult,
  AlphaResult,
  CategoryKappa,
  Cell,
  CodeSet,
  ConfusionMatrix,
  FleissKappaResult,
  GwetAC1Result,
  KappaResult,
  Label,
  LabelCell,
  LabelDistance,
  LabelMatrix,
  Level,
  RatingMatrix,
  ScottPiResult,
  SetCell,
  SetDistance,
  SetMatrix,
  StatisticResult,
  WeightScheme,
} from './types.ts';
