// The coded version replaces only the text a coder read; everything else stays current.
import { describe, expect, it } from 'vitest';
import type { IssueDetail } from '@concord/contracts';
import { issueAtVersion } from './issue-versions.tsx';

const issue: IssueDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  repository: 'o/r',
  number: 1,
  title: 'New title',
  body: 'New body',
  state: 'CLOSED',
  stateReason: null,
  labels: ['bug'],
  author: 'a',
  authorAssociation: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  closedAt: null,
  url: 'https://github.com/o/r/issues/1',
  isPullRequest: false,
  contentVersion: 2,
  comments: [],
};

describe('issueAtVersion', () => {
  it('shows the coded title, body, comments and version, and keeps state and labels', () => {
    const old = issueAtVersion(issue, {
      contentVersion: 1,
      title: 'Old title',
      body: 'Old body',
      comments: [{ author: null, body: 'old comment', createdAt: '2024-01-02T00:00:00.000Z' }],
    });
    expect(old).toMatchObject({ title: 'Old title', body: 'Old body', contentVersion: 1, state: 'CLOSED', labels: ['bug'] });
    expect(old.comments).toEqual([
      { id: 'v1-0', author: null, authorAssociation: null, body: 'old comment', createdAt: '2024-01-02T00:00:00.000Z' },
    ]);
  });
});
