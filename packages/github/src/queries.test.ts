// Every document an import sends is valid against GitHub's published schema.
import { describe, expect, it } from 'vitest';
import { validate } from '@octokit/graphql-schema';
import { COMMENT_PAGES_PER_QUERY, ISSUES_QUERY, PULL_REQUESTS_QUERY, commentPagesQuery } from './queries.ts';

describe('GraphQL documents', () => {
  it.each([
    ['issues', ISSUES_QUERY],
    ['pull requests', PULL_REQUESTS_QUERY],
    ['one comment page', commentPagesQuery(1)],
    ['the most comment pages', commentPagesQuery(COMMENT_PAGES_PER_QUERY)],
  ])('%s validate against GitHub’s schema', (_name, query) => {
    expect(validate(query).map((error) => error.message)).toEqual([]);
  });

  it('a query with first above 100 would be caught by our own guard, never sent', () => {
    expect(() => commentPagesQuery(COMMENT_PAGES_PER_QUERY + 1)).toThrow(RangeError);
    expect(ISSUES_QUERY).not.toMatch(/first: (?:[2-9]\d\d|1\d[1-9]|1[1-9]\d)/);
  });

  it('the schema check does reject a field GitHub does not have', () => {
    expect(validate(ISSUES_QUERY.replace('stateReason', 'stateReasonz'))).not.toHaveLength(0);
  });
});
