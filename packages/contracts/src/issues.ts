// Imported issues as the API lists them.
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';

export const IssueListItem = Type.Object({
  id: Id,
  repository: Type.String({ description: 'owner/name' }),
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  labels: Type.Array(Type.String()),
  comments: Type.Integer(),
  createdAt: IsoDate,
  closedAt: Type.Union([IsoDate, Type.Null()]),
  url: Type.String(),
});
export type IssueListItem = Static<typeof IssueListItem>;

export const IssueListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  search: Type.Optional(Type.String({ maxLength: 200 })),
});
export type IssueListQuery = Static<typeof IssueListQuery>;

export const IssuePage = Type.Object({
  items: Type.Array(IssueListItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type IssuePage = Static<typeof IssuePage>;
