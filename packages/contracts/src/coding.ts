// The coding screen: a coder's queue in a round, one assignment with its issue and codebook,
// and saving a coding (draft or submitted) with optimistic concurrency.
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';
import { RoundStatus } from './agreement.ts';
import { CodeFields } from './codebooks.ts';

export const AssignmentStatus = Type.Union([Type.Literal('todo'), Type.Literal('draft'), Type.Literal('submitted')]);
export type AssignmentStatus = Static<typeof AssignmentStatus>;

export const QueueItem = Type.Object({
  assignmentId: Id,
  issueId: Id,
  position: Type.Integer(),
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  status: AssignmentStatus,
});
export type QueueItem = Static<typeof QueueItem>;

export const RoundRef = Type.Object({
  id: Id,
  number: Type.Integer(),
  name: Type.String(),
  status: RoundStatus,
  codebookVersion: Type.Integer(),
  stage: Type.Object({
    id: Id,
    name: Type.String(),
    mode: Type.Union([Type.Literal('single'), Type.Literal('multi')]),
    parentCodesCodable: Type.Boolean(),
  }),
});
export type RoundRef = Static<typeof RoundRef>;

export const MyQueue = Type.Object({
  round: RoundRef,
  items: Type.Array(QueueItem),
  progress: Type.Object({ submitted: Type.Integer(), total: Type.Integer() }),
});
export type MyQueue = Static<typeof MyQueue>;

/** My open rounds across the project's stages, for the Coding area's landing page. */
export const MyRound = Type.Object({
  round: RoundRef,
  progress: Type.Object({ submitted: Type.Integer(), total: Type.Integer() }),
  /** The first assignment not yet submitted, to resume at. */
  nextAssignmentId: Type.Union([Id, Type.Null()]),
});
export type MyRound = Static<typeof MyRound>;

export const CodingCode = Type.Object({
  ...CodeFields.properties,
  /** False for parents in stages where only leaves may be applied. */
  codable: Type.Boolean(),
});
export type CodingCode = Static<typeof CodingCode>;

export const IssueComment = Type.Object({
  id: Id,
  author: Type.Union([Type.String(), Type.Null()]),
  authorAssociation: Type.Union([Type.String(), Type.Null()]),
  body: Type.String({ description: 'GitHub-flavoured markdown as imported: render it sanitized' }),
  createdAt: IsoDate,
});

export const IssueDetail = Type.Object({
  id: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  body: Type.String({ description: 'GitHub-flavoured markdown as imported: render it sanitized' }),
  state: Type.String(),
  stateReason: Type.Union([Type.String(), Type.Null()]),
  labels: Type.Array(Type.String()),
  author: Type.Union([Type.String(), Type.Null()]),
  authorAssociation: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDate,
  closedAt: Type.Union([IsoDate, Type.Null()]),
  url: Type.String(),
  isPullRequest: Type.Boolean(),
  contentVersion: Type.Integer(),
  comments: Type.Array(IssueComment),
});
export type IssueDetail = Static<typeof IssueDetail>;

export const CodingState = Type.Object({
  id: Id,
  /** Send it back as baseVersion with the next save. */
  version: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  codeIds: Type.Array(Id),
  memo: Type.String(),
  flagged: Type.Boolean(),
  cannotDecide: Type.Boolean(),
  activeSeconds: Type.Integer(),
  /** The issue's content version this coding was made on. */
  issueContentVersion: Type.Integer(),
  submittedAt: Type.Union([IsoDate, Type.Null()]),
  updatedAt: IsoDate,
});
export type CodingState = Static<typeof CodingState>;

/** The text of an issue at the content version a coding was made on. */
export const IssueVersion = Type.Object({
  contentVersion: Type.Integer(),
  title: Type.String(),
  body: Type.String({ description: 'GitHub-flavoured markdown as imported: render it sanitized' }),
  comments: Type.Array(Type.Object({ author: Type.Union([Type.String(), Type.Null()]), body: Type.String(), createdAt: IsoDate })),
});
export type IssueVersion = Static<typeof IssueVersion>;

export const AssignmentDetail = Type.Object({
  assignmentId: Id,
  position: Type.Integer(),
  round: RoundRef,
  issue: IssueDetail,
  /** The stage's codebook as coders see it: retired codes left out, tree order. */
  codes: Type.Array(CodingCode),
  /** The caller's own coding; null before the first save. */
  coding: Type.Union([CodingState, Type.Null()]),
  /** Set when a later import changed the issue after this coding: the text the coder coded. */
  codedVersion: Type.Union([IssueVersion, Type.Null()]),
  previousAssignmentId: Type.Union([Id, Type.Null()]),
  nextAssignmentId: Type.Union([Id, Type.Null()]),
  progress: Type.Object({ submitted: Type.Integer(), total: Type.Integer() }),
});
export type AssignmentDetail = Static<typeof AssignmentDetail>;

export const SaveCodingBody = Type.Object({
  /** The version this save is based on: 0 for the first save, else the version last read. */
  baseVersion: Type.Integer({ minimum: 0 }),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  codeIds: Type.Array(Id, { maxItems: 200 }),
  memo: Type.String({ maxLength: 20_000 }),
  flagged: Type.Boolean(),
  cannotDecide: Type.Boolean(),
  /** Active (focused, interacting) seconds spent since the last save. */
  activeSecondsDelta: Type.Integer({ minimum: 0, maximum: 3600 }),
});
export type SaveCodingBody = Static<typeof SaveCodingBody>;

export const AssignmentParams = Type.Object({ projectId: Id, assignmentId: Id });
