// Imported issues as the API lists them, the filters that choose them, and issue sets.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, PageNumber } from './common.ts';

/** A piece of text and whether it matched the search: render matches with <mark>, never as HTML. */
export const TextSegment = Type.Object({ text: Type.String(), match: Type.Boolean() });
export type TextSegment = Static<typeof TextSegment>;

export const IssueListItem = Type.Object({
  id: Id,
  repository: Type.String({ description: 'owner/name' }),
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  isPullRequest: Type.Boolean(),
  labels: Type.Array(Type.String()),
  comments: Type.Integer(),
  createdAt: IsoDate,
  closedAt: Type.Union([IsoDate, Type.Null()]),
  url: Type.String(),
  /** A later import changed the text of this issue after someone coded it. */
  changedSinceCoded: Type.Boolean(),
  /** With a search: the title and an excerpt of body and comments, split at the matches. */
  highlight: Type.Optional(Type.Object({ title: Type.Array(TextSegment), snippet: Type.Array(TextSegment) })),
});
export type IssueListItem = Static<typeof IssueListItem>;

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** Which issues: every condition given must hold. */
export const IssueFilter = Type.Object({
  repository: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500, description: 'owner/name, any of' })),
  state: Type.Optional(Type.Array(Type.Union([Type.Literal('OPEN'), Type.Literal('CLOSED'), Type.Literal('MERGED')]), { maxItems: 3 })),
  labels: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50, description: 'all of these labels' })),
  createdFrom: Type.Optional(DateOnly),
  createdTo: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive' })),
  /** Keywords over title, body and comments (web search syntax: "a phrase", -word, or). */
  search: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('issues'), Type.Literal('pullRequests')], { default: 'all' })),
  changedSinceCoded: Type.Optional(Type.Boolean()),
  /** Only the issues of this issue set. */
  setId: Type.Optional(Id),
});
export type IssueFilter = Static<typeof IssueFilter>;

export const IssueListQuery = Type.Object({
  ...IssueFilter.properties,
  page: PageNumber,
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type IssueListQuery = Static<typeof IssueListQuery>;

export const IssuePage = Type.Object({
  items: Type.Array(IssueListItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type IssuePage = Static<typeof IssuePage>;

export const IssueFacets = Type.Object({
  repositories: Type.Array(Type.String()),
  labels: Type.Array(Type.Object({ name: Type.String(), issues: Type.Integer() })),
});
export type IssueFacets = Static<typeof IssueFacets>;

export const SampleDesign = Type.Object({
  size: Type.Integer({ minimum: 1 }),
  /** Recorded so the sample can be drawn again; random when omitted. */
  seed: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  stratifyByRepository: Type.Optional(Type.Boolean()),
});
export type SampleDesign = Static<typeof SampleDesign>;

export const CreateIssueSetBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  filter: IssueFilter,
  /** Without it, every issue matching the filter. */
  sample: Type.Optional(SampleDesign),
});
export type CreateIssueSetBody = Static<typeof CreateIssueSetBody>;

export const IssueSet = Type.Object({
  id: Id,
  name: Type.String(),
  filter: IssueFilter,
  sample: Type.Union([Type.Object({ size: Type.Integer(), seed: Type.String(), stratifyByRepository: Type.Boolean() }), Type.Null()]),
  /** Issues that matched the filter when the set was saved. */
  population: Type.Integer(),
  issues: Type.Integer(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDate,
});
export type IssueSet = Static<typeof IssueSet>;

export const IssueSetParams = Type.Object({ projectId: Id, setId: Id });
