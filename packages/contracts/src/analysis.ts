// The analysis of a stage (GET /api/projects/:projectId/stages/:stageId/analysis): category
// distribution, resolution time per category with rank tests, and the methods summary; and the
// query of its LaTeX / Markdown tables (…/analysis/tables).
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';
import { CodeRef, CoderRef, Kappa, RoundStatus } from './agreement.ts';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Reason = Type.Optional(Type.String({ description: 'Why the value is null' }));

export const AnalysisSource = Type.Union([Type.Literal('final'), Type.Literal('codings')], {
  description: 'final: the final labels (one per issue); codings: the submitted codings of every coder',
});
export type AnalysisSource = Static<typeof AnalysisSource>;

export const ANALYSIS_FORMATS = ['json', 'csv'] as const;
export const TABLE_FORMATS = ['latex', 'markdown'] as const;
export const ANALYSIS_TABLES = ['taxonomy', 'resolution-time', 'agreement'] as const;

export const AnalysisParams = Type.Object({ projectId: Id, stageId: Id });

export const AnalysisQuery = Type.Object({
  source: Type.Optional(AnalysisSource),
  format: Type.Optional(Type.String({ description: `One of ${ANALYSIS_FORMATS.join(', ')} (default json)` })),
});
export type AnalysisQuery = Static<typeof AnalysisQuery>;

export const AnalysisTablesQuery = Type.Object({
  source: Type.Optional(AnalysisSource),
  format: Type.String({ description: `One of ${TABLE_FORMATS.join(', ')}` }),
  table: Type.Optional(Type.String({ description: `One of ${ANALYSIS_TABLES.join(', ')}; all three when omitted` })),
});
export type AnalysisTablesQuery = Static<typeof AnalysisTablesQuery>;

export const AnalysisCode = Type.Object({
  ...CodeRef.properties,
  parentId: Type.Union([Id, Type.Null()]),
  definition: Type.String(),
});
export type AnalysisCode = Static<typeof AnalysisCode>;

export const DistributionRow = Type.Object({
  code: AnalysisCode,
  /** Issues carrying the code (for a theme: any code of it), each issue once. */
  issues: Type.Integer(),
  /** issues / analysed issues. */
  issueShare: NullableNumber,
  /** Applications of the code: one per final label or coding (a theme adds up its codes). */
  instances: Type.Integer(),
  /** instances / all code applications. */
  instanceShare: NullableNumber,
  /** Codings source: applications per coder. Empty for final labels. */
  byCoder: Type.Array(Type.Object({ coderId: Id, instances: Type.Integer() })),
});
export type DistributionRow = Static<typeof DistributionRow>;

export const RepositoryRow = Type.Object({
  repository: Type.String({ description: 'owner/name' }),
  issues: Type.Integer(),
  instances: Type.Integer(),
  /** Issues per top-level theme in this repository. */
  themes: Type.Array(Type.Object({ codeId: Id, issues: Type.Integer() })),
});
export type RepositoryRow = Static<typeof RepositoryRow>;

export const Summary = Type.Object({
  n: Type.Integer(),
  median: NullableNumber,
  q1: NullableNumber,
  q3: NullableNumber,
  iqr: NullableNumber,
  min: NullableNumber,
  max: NullableNumber,
  whiskerLow: NullableNumber,
  whiskerHigh: NullableNumber,
  reason: Reason,
});
export type Summary = Static<typeof Summary>;

export const CategoryTime = Type.Object({ code: AnalysisCode, time: Summary });
export type CategoryTime = Static<typeof CategoryTime>;

export const MannWhitney = Type.Object({
  /** U of the relevant group (R's W). */
  value: NullableNumber,
  n1: Type.Integer(),
  n2: Type.Integer(),
  p: NullableNumber,
  z: NullableNumber,
  method: Type.Union([Type.Literal('exact'), Type.Literal('normal'), Type.Null()]),
  reason: Reason,
});

export const CliffsDelta = Type.Object({
  value: NullableNumber,
  magnitude: Type.Union([Type.Literal('negligible'), Type.Literal('small'), Type.Literal('medium'), Type.Literal('large'), Type.Null()]),
  reason: Reason,
});

export const RelevanceComparison = Type.Object({
  /** The screening stage and its code that marks an issue relevant; null when the project has none. */
  screeningStage: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  relevantCode: Type.Union([AnalysisCode, Type.Null()]),
  relevant: Summary,
  notRelevant: Summary,
  /** Screened issues still open, left out of both groups. */
  openExcluded: Type.Integer(),
  mannWhitney: MannWhitney,
  cliffsDelta: CliffsDelta,
  varghaDelaneyA: Type.Object({ value: NullableNumber, reason: Reason }),
  reason: Reason,
});
export type RelevanceComparison = Static<typeof RelevanceComparison>;

export const DunnRow = Type.Object({
  themeA: Id,
  themeB: Id,
  /** Positive when themeA's issues take longer (higher mean rank). */
  z: Type.Number(),
  p: Type.Number(),
  pAdjusted: Type.Number(),
});
export type DunnRow = Static<typeof DunnRow>;

export const ThemeComparison = Type.Object({
  kruskalWallis: Type.Object({
    value: NullableNumber,
    df: Type.Union([Type.Integer(), Type.Null()]),
    p: NullableNumber,
    epsilonSquared: NullableNumber,
    n: Type.Integer(),
    k: Type.Integer(),
    reason: Reason,
  }),
  dunn: Type.Array(DunnRow),
  dunnReason: Reason,
  /** Closed issues that carry more than one theme and so sit in more than one group. */
  multiThemeIssues: Type.Integer(),
});
export type ThemeComparison = Static<typeof ThemeComparison>;

export const ResolutionTime = Type.Object({
  unit: Type.Literal('days'),
  /** Analysed issues with a close date: the ones measured. */
  closedIssues: Type.Integer(),
  /** Analysed issues still open: left out. */
  openIssues: Type.Integer(),
  perCode: Type.Array(CategoryTime),
  perTheme: Type.Array(CategoryTime),
  relevance: RelevanceComparison,
  themes: ThemeComparison,
});
export type ResolutionTime = Static<typeof ResolutionTime>;

export const MethodsRow = Type.Object({
  stage: Type.Object({ id: Id, name: Type.String() }),
  round: Type.Integer(),
  roundName: Type.String(),
  status: RoundStatus,
  kappa: Kappa,
});
export type MethodsRow = Static<typeof MethodsRow>;

export const AnalysisMeta = Type.Object({
  project: Type.Object({ id: Id, name: Type.String(), slug: Type.String() }),
  stage: Type.Object({ id: Id, name: Type.String(), mode: Type.Union([Type.Literal('single'), Type.Literal('multi')]) }),
  source: AnalysisSource,
  generatedAt: IsoDate,
  concordVersion: Type.String(),
});
export type AnalysisMeta = Static<typeof AnalysisMeta>;

export const Analysis = Type.Object({
  meta: AnalysisMeta,
  codes: Type.Array(AnalysisCode),
  /** Codings source: the coders whose codings are counted. Empty for final labels. */
  coders: Type.Array(CoderRef),
  totals: Type.Object({
    /** Issues analysed: with a final label, or with at least one submitted coding. */
    issues: Type.Integer(),
    /** Final labels, or submitted codings (one per issue and coder). */
    units: Type.Integer(),
    /** Code applications over all units (multi-label: more than units). */
    instances: Type.Integer(),
    /** Units without any code ("coded, no code applies"). */
    unitsWithoutCode: Type.Integer(),
  }),
  distribution: Type.Object({
    perCode: Type.Array(DistributionRow),
    /** Top-level themes with their codes rolled up. */
    perTheme: Type.Array(DistributionRow),
    perRepository: Type.Array(RepositoryRow),
  }),
  resolutionTime: ResolutionTime,
  methods: Type.Object({
    /** Per stage of the project and round: the headline kappa with its CI and n. */
    rows: Type.Array(MethodsRow),
    /** The same as a sentence for a paper's method section (numbers only). */
    sentence: Type.String(),
  }),
  /** How the numbers were counted, one statement each. */
  notes: Type.Array(Type.String()),
});
export type Analysis = Static<typeof Analysis>;
