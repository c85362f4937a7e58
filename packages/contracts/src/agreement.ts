// The agreement report of a stage (GET /api/projects/:projectId/stages/:stageId/agreement) and
// the list of disagreeing issues behind any of its cells.
import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const Statistic = Type.Object({
  value: NullableNumber,
  /** Items (issues) that entered the computation. */
  n: Type.Integer(),
  /** Why `value` is null. */
  reason: Type.Optional(Type.String()),
});
export type Statistic = Static<typeof Statistic>;

export const Kappa = Type.Object({
  ...Statistic.properties,
  coefficient: Type.Union([Type.Literal('cohen'), Type.Literal('fleiss')], {
    description: "Cohen's kappa when exactly two coders are compared, else Fleiss' kappa (no CI)",
  }),
  se: NullableNumber,
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  seH0: NullableNumber,
  observed: NullableNumber,
  expected: NullableNumber,
  /** Landis & Koch (1977) band of the value. */
  band: Type.Union([
    Type.Literal('poor'),
    Type.Literal('slight'),
    Type.Literal('fair'),
    Type.Literal('moderate'),
    Type.Literal('substantial'),
    Type.Literal('almost perfect'),
    Type.Null(),
  ]),
});
export type Kappa = Static<typeof Kappa>;

export const CoderRef = Type.Object({ id: Id, name: Type.String() });
export type CoderRef = Static<typeof CoderRef>;

export const CodeRef = Type.Object({
  id: Id,
  name: Type.String(),
  /** Names from the top-level theme down to this code. */
  path: Type.Array(Type.String()),
  retired: Type.Boolean(),
});
export type CodeRef = Static<typeof CodeRef>;

export const RoundStatus = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);

export const OverallAgreement = Type.Object({
  /** The headline coefficient (Cohen for two coders, else Fleiss) with its CI and band. */
  kappa: Kappa,
  percentAgreement: Statistic,
  fleissKappa: Statistic,
  krippendorffAlpha: Type.Object({
    ...Statistic.properties,
    distance: Type.Union([Type.Literal('nominal'), Type.Literal('masi')]),
  }),
  gwetAC1: Statistic,
  /** Multi-label stages only: mean pairwise Jaccard similarity of the code sets. */
  meanJaccard: Type.Union([Statistic, Type.Null()]),
});
export type OverallAgreement = Static<typeof OverallAgreement>;

export const RoundAgreement = Type.Object({
  number: Type.Integer(),
  name: Type.String(),
  status: RoundStatus,
  codebookVersion: Type.Integer(),
  overall: OverallAgreement,
});
export type RoundAgreement = Static<typeof RoundAgreement>;

export const PairAgreement = Type.Object({
  coderA: Id,
  coderB: Id,
  /** Issues both coded. */
  n: Type.Integer(),
  percentAgreement: Statistic,
  /** Cohen's kappa on the pair (whole code sets as labels in multi-label stages). */
  kappa: Kappa,
  /** Single-choice stages: counts[i][j] = issues coderA put in codeIds[i] and coderB in codeIds[j]. */
  confusion: Type.Union([Type.Object({ codeIds: Type.Array(Id), counts: Type.Array(Type.Array(Type.Integer())) }), Type.Null()]),
});
export type PairAgreement = Static<typeof PairAgreement>;

export const CodeAgreement = Type.Object({
  code: CodeRef,
  /** Share of the compared codings that apply this code (or, for a theme, one of its codes). */
  prevalence: NullableNumber,
  /** Presence / absence of the code: Cohen's kappa with CI for two coders, else Fleiss' kappa. */
  kappa: Kappa,
});
export type CodeAgreement = Static<typeof CodeAgreement>;

export const AgreementMethod = Type.Object({
  unit: Type.Literal('issue'),
  included: Type.String(),
  missing: Type.String(),
  coefficients: Type.Array(Type.String()),
  library: Type.Object({ name: Type.String(), version: Type.String() }),
});

export const AgreementReport = Type.Object({
  stage: Type.Object({ id: Id, name: Type.String(), mode: Type.Union([Type.Literal('single'), Type.Literal('multi')]) }),
  /** The round asked for with `?round=`, or null for all the rounds listed in `rounds`. */
  round: Type.Union([Type.Integer(), Type.Null()]),
  method: AgreementMethod,
  coders: Type.Array(CoderRef),
  codes: Type.Array(CodeRef),
  n: Type.Object({
    /** Issues coded by at least two coders: the ones compared. */
    issues: Type.Integer(),
    codings: Type.Integer(),
    /** Issues with a single coding, left out. */
    singleCoded: Type.Integer(),
  }),
  overall: OverallAgreement,
  pairs: Type.Array(PairAgreement),
  /** Multi-label stages: every code. Single-choice stages: every code as a one-vs-rest category. */
  perCode: Type.Array(CodeAgreement),
  /** Hierarchical codebooks: codes rolled up to their top-level theme. Empty for flat codebooks. */
  perTheme: Type.Array(CodeAgreement),
  /** Every round in scope, in order: kappa going from calibration round 1 to round 2. */
  rounds: Type.Array(RoundAgreement),
});
export type AgreementReport = Static<typeof AgreementReport>;

export const AgreementParams = Type.Object({ projectId: Id, stageId: Id });

export const AgreementQuery = Type.Object({
  round: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this round (its number)' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the per-code table' })),
});
export type AgreementQuery = Static<typeof AgreementQuery>;

export const DisagreementQuery = Type.Object({
  round: Type.Optional(Type.Integer({ minimum: 1 })),
  coderA: Type.Optional(Id),
  coderB: Type.Optional(Id),
  /** Single-choice cell: coderA chose codeA and coderB chose codeB. */
  codeA: Type.Optional(Id),
  codeB: Type.Optional(Id),
  /** Multi-label: the coders differ on this code (one applied it, another did not). */
  code: Type.Optional(Id),
});
export type DisagreementQuery = Static<typeof DisagreementQuery>;

export const DisagreeingIssue = Type.Object({
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  /** Each coder's code ids for this issue. */
  codings: Type.Array(Type.Object({ coderId: Id, codeIds: Type.Array(Id) })),
});
export type DisagreeingIssue = Static<typeof DisagreeingIssue>;

export const DisagreementList = Type.Object({
  items: Type.Array(DisagreeingIssue),
  total: Type.Integer(),
  /** The list stops at this many issues. */
  limit: Type.Integer(),
});
export type DisagreementList = Static<typeof DisagreementList>;
