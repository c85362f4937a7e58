// GitHub's GraphQL and REST shapes map to the same rows; repository names are read as pasted.
import { describe, expect, it } from 'vitest';
import { fromGraphqlIssue } from './graphql-mapping.ts';
import { parseRepositoryList, repositoryFromIssueUrl } from './repository-name.ts';

describe('fromGraphqlIssue', () => {
  it('maps every field, with a deleted author as null', () => {
    const issue = fromGraphqlIssue(
      {
        id: 'I_1',
        number: 7,
        title: 'Crash',
        body: 'text',
        state: 'CLOSED',
        stateReason: 'NOT_PLANNED',
        url: 'https://github.com/o/r/issues/7',
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-01-02T00:00:00Z',
        closedAt: '2024-01-03T00:00:00Z',
        authorAssociation: 'NONE',
        author: null,
        reactions: { totalCount: 4 },
        labels: { nodes: [{ name: 'bug' }] },
        comments: {
          totalCount: 1,
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            {
              id: 'C_1',
              body: 'hi',
              createdAt: '2024-01-01T01:00:00Z',
              updatedAt: '2024-01-01T01:00:00Z',
              authorAssociation: 'MEMBER',
              author: { login: 'm' },
            },
          ],
        },
      },
      false,
    );
    expect(issue).toMatchObject({
      githubNodeId: 'I_1',
      state: 'CLOSED',
      stateReason: 'NOT_PLANNED',
      authorLogin: null,
      labels: ['bug'],
      reactionsCount: 4,
      closedAt: new Date('2024-01-03T00:00:00Z'),
      comments: [{ githubNodeId: 'C_1', authorLogin: 'm', body: 'hi' }],
    });
  });
});

describe('repository names', () => {
  it('reads owner/name, URLs, and separators; reports what it cannot read', () => {
    expect(parseRepositoryList('huggingface/transformers\nhttps://github.com/pytorch/vision.git, bad name/x/y  a/b a/B')).toEqual({
      repositories: [
        { owner: 'huggingface', name: 'transformers' },
        { owner: 'pytorch', name: 'vision' },
        { owner: 'a', name: 'b' },
      ],
      invalid: ['bad', 'name/x/y'],
    });
  });

  it('finds the repository of html and API issue URLs', () => {
    expect(repositoryFromIssueUrl('https://github.com/o/r/issues/3')).toEqual({ owner: 'o', name: 'r' });
    expect(repositoryFromIssueUrl('https://api.github.com/repos/o/r/issues/3')).toEqual({ owner: 'o', name: 'r' });
    expect(repositoryFromIssueUrl('https://github.com/o/r/pull/3')).toEqual({ owner: 'o', name: 'r' });
    expect(repositoryFromIssueUrl('https://example.com/x')).toBeNull();
  });
});
