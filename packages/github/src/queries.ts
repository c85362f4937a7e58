// The GraphQL documents an import sends. Cost (GitHub's formula: every connection asked for with
// `first`/`last` needs one request per parent node; the sum / 100, rounded, at least 1):
// issues(first: 100) = 1, nested comments(first: 100) = 100, nested labels(first: 100) = 100
// → 201 / 100 = 2 points per page of 100 issues. `reactions { totalCount }` takes no `first`, so
// it adds nothing; asking for reaction nodes would add 100 (3 points).

export const PAGE_SIZE = 100;
/** Remaining comment pages fetched per query, one aliased `node(id:)` each: still 1 point. */
export const COMMENT_PAGES_PER_QUERY = 50;

const COMMENT_FIELDS = `id body createdAt updatedAt authorAssociation author { login }`;

const COMMON_FIELDS = `
  id number title body state url createdAt updatedAt closedAt authorAssociation
  author { login }
  reactions { totalCount }
  labels(first: ${PAGE_SIZE}) { nodes { name } }
  comments(first: ${PAGE_SIZE}) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`;

const RATE_LIMIT = 'rateLimit { cost remaining resetAt }';

/** Issues updated since `$since`, oldest update first, so a cursor survives later edits. */
export const ISSUES_QUERY = `query RepositoryIssues($owner: String!, $name: String!, $after: String, $since: DateTime) {
  ${RATE_LIMIT}
  repository(owner: $owner, name: $name) {
    id
    issues(first: ${PAGE_SIZE}, after: $after, orderBy: { field: UPDATED_AT, direction: ASC }, filterBy: { since: $since }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { stateReason ${COMMON_FIELDS} }
    }
  }
}`;

/** Pull requests have no `since` filter: they are read oldest update first and older ones skipped. */
export const PULL_REQUESTS_QUERY = `query RepositoryPullRequests($owner: String!, $name: String!, $after: String) {
  ${RATE_LIMIT}
  repository(owner: $owner, name: $name) {
    id
    pullRequests(first: ${PAGE_SIZE}, after: $after, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${COMMON_FIELDS} }
    }
  }
}`;

/** The next comment page of several issues (or pull requests) at once, aliased c0, c1, … */
export function commentPagesQuery(count: number): string {
  if (count < 1 || count > COMMENT_PAGES_PER_QUERY)
    throw new RangeError(`between 1 and ${COMMENT_PAGES_PER_QUERY} comment pages per query`);
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!, $after${i}: String`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `c${i}: node(id: $id${i}) {
    ... on Issue { comments(first: ${PAGE_SIZE}, after: $after${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } } }
    ... on PullRequest { comments(first: ${PAGE_SIZE}, after: $after${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } } }
  }`,
  ).join('\n  ');
  return `query CommentPages(${variables}) {\n  ${RATE_LIMIT}\n  ${fields}\n}`;
}
