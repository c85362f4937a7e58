// Rounds of a stage: who codes which issues, with what overlap, and whether coding is open.
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';
import { CoderRef, RoundStatus } from './agreement.ts';

export const Overlap = Type.Union([
  Type.Object({ mode: Type.Literal('all') }, { description: 'Every issue to every chosen coder' }),
  Type.Object({ mode: Type.Literal('k'), k: Type.Integer({ minimum: 1 }) }, { description: 'k coders per issue, balanced' }),
  Type.Object(
    { mode: Type.Literal('share'), share: Type.Number({ minimum: 0, maximum: 1 }) },
    { description: 'This share of the issues double-coded, the rest single-coded, balanced' },
  ),
]);
export type Overlap = Static<typeof Overlap>;

export const RoundProgress = Type.Object({
  /** Assignments counted: all of the round's for leads and owners; only the caller's own for coders. */
  assigned: Type.Integer(),
  submitted: Type.Integer(),
});

export const Round = Type.Object({
  id: Id,
  stageId: Id,
  number: Type.Integer(),
  name: Type.String(),
  status: RoundStatus,
  codebookVersion: Type.Integer(),
  seed: Type.Union([Type.String(), Type.Null()]),
  overlap: Overlap,
  stratifyByRepository: Type.Boolean(),
  issues: Type.Integer(),
  coders: Type.Array(CoderRef),
  progress: RoundProgress,
  createdAt: IsoDate,
  openedAt: Type.Union([IsoDate, Type.Null()]),
  closedAt: Type.Union([IsoDate, Type.Null()]),
});
export type Round = Static<typeof Round>;

export const CreateRoundBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  /** The issues to code; without it, a sample of the stage's eligible issues not yet assigned. */
  issueIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100_000 })),
  /** The issues of this issue set (instead of `issueIds`); `sampleSize` samples from them. */
  issueSetId: Type.Optional(Id),
  /** Sample this many of the candidate issues (all when omitted). */
  sampleSize: Type.Optional(Type.Integer({ minimum: 1 })),
  coderIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
  overlap: Overlap,
  /** Recorded so the sample and the assignment can be reproduced; random when omitted. */
  seed: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  stratifyByRepository: Type.Optional(Type.Boolean()),
  /** Open the round for coding at once (default: a draft the lead opens later). */
  open: Type.Optional(Type.Boolean()),
});
export type CreateRoundBody = Static<typeof CreateRoundBody>;

export const UpdateRoundBody = Type.Object({
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'Open, close or reopen the round' }),
});
export type UpdateRoundBody = Static<typeof UpdateRoundBody>;

export const StageParams = Type.Object({ projectId: Id, stageId: Id });
export const RoundParams = Type.Object({ projectId: Id, roundId: Id });
