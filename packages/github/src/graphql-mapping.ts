// GitHub GraphQL response shapes (as asked for in queries.ts) and their mapping to import rows.
import type { ImportedComment, ImportedIssue } from './types.ts';

export interface GraphqlComment {
  id: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  authorAssociation: string | null;
  /** null when the account was deleted ("ghost"). */
  author: { login: string } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface GraphqlCommentPage {
  pageInfo: PageInfo;
  nodes: GraphqlComment[];
}

export interface GraphqlIssueNode {
  id: string;
  number: number;
  title: string;
  body: string;
  state: string;
  /** Issues only. */
  stateReason?: string | null;
  url: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  authorAssociation: string | null;
  author: { login: string } | null;
  reactions: { totalCount: number };
  labels: { nodes: { name: string }[] } | null;
  comments: GraphqlCommentPage & { totalCount: number };
}

export interface RateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface IssuePageResponse {
  rateLimit: RateLimit | null;
  repository: {
    id: string;
    issues?: { totalCount: number; pageInfo: PageInfo; nodes: GraphqlIssueNode[] };
    pullRequests?: { totalCount: number; pageInfo: PageInfo; nodes: GraphqlIssueNode[] };
  } | null;
}

export type CommentPagesResponse = { rateLimit: RateLimit | null } & Record<string, { comments?: GraphqlCommentPage } | null>;

export function fromGraphqlComment(comment: GraphqlComment): ImportedComment {
  return {
    githubNodeId: comment.id,
    authorLogin: comment.author?.login ?? null,
    authorAssociation: comment.authorAssociation ?? null,
    body: comment.body,
    createdAt: new Date(comment.createdAt),
    updatedAt: new Date(comment.updatedAt),
  };
}

/** The issue with the comments of its first page; later pages are appended by the importer. */
export function fromGraphqlIssue(node: GraphqlIssueNode, isPullRequest: boolean): ImportedIssue {
  return {
    githubNodeId: node.id,
    number: node.number,
    title: node.title,
    body: node.body ?? '',
    state: node.state,
    stateReason: node.stateReason ?? null,
    authorLogin: node.author?.login ?? null,
    authorAssociation: node.authorAssociation ?? null,
    createdAt: new Date(node.createdAt),
    updatedAt: new Date(node.updatedAt),
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    url: node.url,
    isPullRequest,
    labels: (node.labels?.nodes ?? []).map((label) => label.name),
    reactionsCount: node.reactions?.totalCount ?? 0,
    comments: node.comments.nodes.map(fromGraphqlComment),
  };
}
