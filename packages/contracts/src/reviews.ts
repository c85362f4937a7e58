// Review and adjudication: the queue of issues where coders differ, one issue side by side,
// final labels with their history, discussions, disagreement analytics, the coders' calibration
// view, the dataset of final labels, and resolving the recode queue.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, PageNumber } from './common.ts';
import { CoderRef, RoundStatus } from './agreement.ts';
import { CodingCode, IssueDetail, RoundRef } from './coding.ts';

export const ReviewStatus = Type.Union([Type.Literal('pending'), Type.Literal('decided'), Type.Literal('agreed'), Type.Literal('all')], {
  description: 'pending: waiting for a decision (coders differ, or reopened); decided: by a lead; agreed: finalised automatically',
});
export type ReviewStatus = Static<typeof ReviewStatus>;

export const ReviewQueueQuery = Type.Object({
  round: Type.Optional(Type.Integer({ minimum: 1, description: 'Round number; all rounds of the stage when omitted' })),
  status: Type.Optional(ReviewStatus),
  code: Type.Optional(Id),
  codeA: Type.Optional(Id),
  codeB: Type.Optional(Id),
  coderA: Type.Optional(Id),
  coderB: Type.Optional(Id),
  flagged: Type.Optional(Type.Boolean({ description: 'Only issues a coder flagged for discussion' })),
  page: PageNumber,
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
export type ReviewQueueQuery = Static<typeof ReviewQueueQuery>;

/** Why an issue waits for a lead. */
export const PendingReason = Type.Union([
  Type.Literal('disagreement'),
  Type.Literal('cannot-decide'),
  Type.Literal('incomplete'),
  Type.Literal('reopened'),
]);
export type PendingReason = Static<typeof PendingReason>;

export const ReviewCoding = Type.Object({
  coderId: Id,
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('todo')]),
  codeIds: Type.Array(Id),
  flagged: Type.Boolean(),
  cannotDecide: Type.Boolean(),
});
export type ReviewCoding = Static<typeof ReviewCoding>;

export const ReviewQueueItem = Type.Object({
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  round: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('decided'), Type.Literal('agreed')]),
  reason: Type.Union([PendingReason, Type.Null()]),
  flagged: Type.Boolean(),
  codings: Type.Array(ReviewCoding),
  finalCodeIds: Type.Union([Type.Array(Id), Type.Null()]),
  messages: Type.Integer(),
});
export type ReviewQueueItem = Static<typeof ReviewQueueItem>;

export const ReviewQueue = Type.Object({
  counts: Type.Object({ pending: Type.Integer(), decided: Type.Integer(), agreed: Type.Integer(), all: Type.Integer() }),
  total: Type.Integer({ description: 'Items matching the filters' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(ReviewQueueItem),
  coders: Type.Array(CoderRef),
});
export type ReviewQueue = Static<typeof ReviewQueue>;

export const FinalLabelRevisionKind = Type.Union([
  Type.Literal('agreed'),
  Type.Literal('decision'),
  Type.Literal('reopen'),
  Type.Literal('recode'),
]);

export const FinalLabelRevision = Type.Object({
  version: Type.Integer(),
  kind: FinalLabelRevisionKind,
  codeIds: Type.Array(Id),
  rationale: Type.String(),
  decidedBy: Type.Union([CoderRef, Type.Null()]),
  createdAt: IsoDate,
});
export type FinalLabelRevision = Static<typeof FinalLabelRevision>;

export const FinalLabelState = Type.Object({
  /** Send it back as baseVersion with the next decision. */
  version: Type.Integer(),
  codeIds: Type.Array(Id),
  agreed: Type.Boolean(),
  reopened: Type.Boolean(),
  roundNumber: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: IsoDate,
  revisions: Type.Array(FinalLabelRevision),
});
export type FinalLabelState = Static<typeof FinalLabelState>;

export const ReviewIssueCoding = Type.Object({
  /** "A", "B", "C"… in a stable order; the only name shown when the review is anonymised. */
  label: Type.String(),
  coder: Type.Union([CoderRef, Type.Null()], { description: 'null when anonymised' }),
  round: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('todo')]),
  codeIds: Type.Array(Id),
  memo: Type.String(),
  flagged: Type.Boolean(),
  cannotDecide: Type.Boolean(),
  submittedAt: Type.Union([IsoDate, Type.Null()]),
});
export type ReviewIssueCoding = Static<typeof ReviewIssueCoding>;

export const ReviewCode = Type.Object({ ...CodingCode.properties, retired: Type.Boolean() });
export type ReviewCode = Static<typeof ReviewCode>;

export const ReviewIssue = Type.Object({
  stage: RoundRef.properties.stage,
  issue: IssueDetail,
  rounds: Type.Array(Type.Object({ id: Id, number: Type.Integer(), name: Type.String(), status: RoundStatus })),
  /** Every code of the stage, retired ones flagged (a coding may hold one). */
  codes: Type.Array(ReviewCode),
  codings: Type.Array(ReviewIssueCoding),
  finalLabel: Type.Union([FinalLabelState, Type.Null()]),
  anonymous: Type.Boolean(),
  /** Leads and owners decide; coders read. */
  canDecide: Type.Boolean(),
});
export type ReviewIssue = Static<typeof ReviewIssue>;

export const ReviewIssueParams = Type.Object({ projectId: Id, stageId: Id, issueId: Id });
export const ReviewIssueQuery = Type.Object({
  anonymous: Type.Optional(Type.Boolean({ description: 'Show coders as A, B, C instead of by name' })),
});

export const DecisionBody = Type.Object({
  /** The final label's version last read: 0 when there was none. */
  baseVersion: Type.Integer({ minimum: 0 }),
  codeIds: Type.Array(Id, { minItems: 1, maxItems: 200 }),
  rationale: Type.String({ maxLength: 20_000 }),
});
export type DecisionBody = Static<typeof DecisionBody>;

export const ReopenBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 1 }),
  reason: Type.String({ minLength: 1, maxLength: 20_000 }),
});
export type ReopenBody = Static<typeof ReopenBody>;

export const DiscussionMessage = Type.Object({
  id: Id,
  author: Type.Union([CoderRef, Type.Null()], { description: 'null when the author was deleted or the review is anonymised' }),
  authorLabel: Type.String({ description: 'The name to show: the author, or their coder letter when anonymised' }),
  body: Type.String({ description: 'Plain text; @handle mentions' }),
  mentions: Type.Array(CoderRef),
  createdAt: IsoDate,
});
export type DiscussionMessage = Static<typeof DiscussionMessage>;

export const Mentionable = Type.Object({ id: Id, name: Type.String(), handle: Type.String() });
export type Mentionable = Static<typeof Mentionable>;

export const Discussion = Type.Object({
  messages: Type.Array(DiscussionMessage),
  mentionable: Type.Array(Mentionable),
  /** Messages by others the caller had not read before this request. */
  unread: Type.Integer(),
});
export type Discussion = Static<typeof Discussion>;

export const PostMessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 20_000 }) });
export type PostMessageBody = Static<typeof PostMessageBody>;

export const UnreadThread = Type.Object({
  stageId: Id,
  stageName: Type.String(),
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  unread: Type.Integer(),
  lastMessageAt: IsoDate,
});
export const UnreadDiscussions = Type.Object({ total: Type.Integer(), threads: Type.Array(UnreadThread) });
export type UnreadDiscussions = Static<typeof UnreadDiscussions>;

export const AnalyticsQuery = Type.Object({ round: Type.Optional(Type.Integer({ minimum: 1 })) });

const CodeName = Type.Object({ id: Id, name: Type.String() });

export const ReviewAnalytics = Type.Object({
  round: Type.Union([Type.Integer(), Type.Null()]),
  confusedPairs: Type.Array(
    Type.Object({
      codeA: CodeName,
      codeB: CodeName,
      count: Type.Integer({ description: 'Coder pairs on issues choosing one but not the other' }),
    }),
  ),
  coders: Type.Array(
    Type.Object({
      coder: CoderRef,
      /** Issues with a final label that this coder submitted. */
      finalised: Type.Integer(),
      matched: Type.Integer(),
      /** The same over the issues where coders differed. */
      disputed: Type.Integer(),
      disputedMatched: Type.Integer(),
    }),
  ),
  discussion: Type.Object({
    discussed: Type.Integer({ description: 'Issues with at least one message and a final label before the first one' }),
    changed: Type.Integer({ description: 'Of those, issues whose final codes differ from the codes in force when the discussion began' }),
  }),
  timeToResolve: Type.Object({
    resolved: Type.Integer({ description: 'Issues decided by a lead' }),
    medianHours: Type.Union([Type.Number(), Type.Null()]),
    meanHours: Type.Union([Type.Number(), Type.Null()]),
  }),
  perRound: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      status: RoundStatus,
      compared: Type.Integer({ description: 'Issues with at least two submitted codings' }),
      disagreements: Type.Integer(),
      pending: Type.Integer(),
    }),
  ),
});
export type ReviewAnalytics = Static<typeof ReviewAnalytics>;

export const CalibrationQuery = Type.Object({ round: Type.Optional(Type.Integer({ minimum: 1 })) });

export const CalibrationItem = Type.Object({
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  round: Type.Integer(),
  mine: Type.Array(Id),
  others: Type.Array(Type.Object({ coder: CoderRef, codeIds: Type.Array(Id) })),
  finalCodeIds: Type.Union([Type.Array(Id), Type.Null()]),
  messages: Type.Integer(),
});
export const Calibration = Type.Object({
  rounds: Type.Array(Type.Object({ number: Type.Integer(), name: Type.String() })),
  compared: Type.Integer({ description: 'My issues that someone else coded too' }),
  items: Type.Array(CalibrationItem, { description: 'Where I differed from another coder or from the final label' }),
  codes: Type.Array(CodeName),
});
export type Calibration = Static<typeof Calibration>;

export const DatasetQuery = Type.Object({
  page: PageNumber,
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  stageId: Type.Optional(Id),
  code: Type.Optional(Id),
  labelled: Type.Optional(Type.Boolean({ description: 'Only issues with (true) or without (false) a final label in any stage' })),
});
export type DatasetQuery = Static<typeof DatasetQuery>;

export const DatasetLabel = Type.Object({
  stageId: Id,
  codes: Type.Array(CodeName),
  agreed: Type.Boolean(),
  reopened: Type.Boolean(),
  version: Type.Integer(),
});
export const DatasetItem = Type.Object({
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  url: Type.String(),
  labels: Type.Array(DatasetLabel),
});
export type DatasetItem = Static<typeof DatasetItem>;
export const DatasetPage = Type.Object({
  stages: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(DatasetItem),
});
export type DatasetPage = Static<typeof DatasetPage>;

export const RecodeItemParams = Type.Object({ projectId: Id, stageId: Id, itemId: Id });
export const ResolveRecodeBody = Type.Object({
  codeIds: Type.Array(Id, { minItems: 1, maxItems: 50, description: 'The code(s) replacing the split code' }),
});
export type ResolveRecodeBody = Static<typeof ResolveRecodeBody>;
export const ResolvedRecode = Type.Object({ codings: Type.Integer(), finalLabels: Type.Integer(), resolvedAt: IsoDate });
export type ResolvedRecode = Static<typeof ResolvedRecode>;
