// Uploaded files: REST, GraphQL and CSV shapes give the same rows; bad records are all listed.
import { describe, expect, it } from 'vitest';
import { parseCsvIssues, parseJsonIssues } from './file-records.ts';

const rest = {
  node_id: 'I_r1',
  number: 1,
  title: 'REST issue',
  body: null,
  state: 'closed',
  state_reason: 'completed',
  labels: [{ name: 'bug' }, 'question'],
  user: { login: 'alice' },
  author_association: 'NONE',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-02T00:00:00Z',
  closed_at: '2024-01-02T00:00:00Z',
  html_url: 'https://github.com/o/r/issues/1',
  reactions: { total_count: 2 },
  comments: [
    { node_id: 'C_1', user: { login: 'bob' }, body: 'me too', created_at: '2024-01-01T10:00:00Z', updated_at: '2024-01-01T10:00:00Z' },
  ],
};

const graphql = {
  id: 'I_g2',
  number: 2,
  title: 'GraphQL issue',
  body: 'b',
  state: 'OPEN',
  url: 'https://github.com/o/r/issues/2',
  createdAt: '2024-02-01T00:00:00Z',
  updatedAt: '2024-02-01T00:00:00Z',
  closedAt: null,
  author: { login: 'carol' },
  labels: { nodes: [{ name: 'docs' }] },
  reactions: { totalCount: 0 },
  comments: { nodes: [{ id: 'C_2', author: null, body: 'x', createdAt: '2024-02-02T00:00:00Z', updatedAt: '2024-02-02T00:00:00Z' }] },
};

describe('parseJsonIssues', () => {
  it('reads the REST and the GraphQL shape alike', () => {
    const { issues, problems } = parseJsonIssues(JSON.stringify([rest, graphql]));
    expect(problems).toEqual([]);
    expect(issues[0]).toMatchObject({
      repository: { owner: 'o', name: 'r' },
      issue: {
        githubNodeId: 'I_r1',
        body: '',
        state: 'CLOSED',
        stateReason: 'COMPLETED',
        labels: ['bug', 'question'],
        reactionsCount: 2,
        authorLogin: 'alice',
      },
    });
    expect(issues[0]!.issue.comments).toMatchObject([{ githubNodeId: 'C_1', authorLogin: 'bob', body: 'me too' }]);
    expect(issues[1]).toMatchObject({
      issue: { githubNodeId: 'I_g2', labels: ['docs'], comments: [{ githubNodeId: 'C_2', authorLogin: null }] },
    });
  });

  it('lists every bad record with its index and reason', () => {
    const { problems } = parseJsonIssues(
      JSON.stringify([
        rest,
        { ...rest, number: 'x', created_at: 'yesterday' },
        5,
        { ...graphql, comments: 3 },
        rest,
        { ...graphql, number: 9 },
        { ...graphql, number: 10 },
      ]),
    );
    expect(problems).toEqual([
      { record: 1, reason: 'number must be a whole number ≥ 1' },
      { record: 1, reason: 'created_at is not an ISO 8601 date: "yesterday"' },
      { record: 2, reason: 'not an object' },
      { record: 3, reason: expect.stringContaining('comments is a count (3)') },
      { record: 4, reason: 'o/r#1 appears twice (also record 0)' },
      { record: 6, reason: 'node id I_g2 is also record 5’s' },
    ]);
  });

  it('refuses days that do not exist instead of moving them to the next month', () => {
    const { problems } = parseJsonIssues(
      JSON.stringify([
        { ...rest, created_at: '2024-02-30T10:00:00Z' },
        { ...rest, number: 2, node_id: 'I_r2', created_at: '0000-01-01T00:00:00Z' },
        { ...rest, number: 3, node_id: 'I_r3', created_at: '2024-02-29T10:00:00+02:00' },
      ]),
    );
    expect(problems).toEqual([
      { record: 0, reason: 'created_at is not an ISO 8601 date: "2024-02-30T10:00:00Z"' },
      { record: 1, reason: 'created_at is not an ISO 8601 date: "0000-01-01T00:00:00Z"' },
    ]);
  });

  it('refuses a file that is not a JSON array', () => {
    expect(parseJsonIssues('{').problems[0]!.reason).toMatch(/not valid JSON/);
    expect(parseJsonIssues('{}').problems[0]!.reason).toMatch(/JSON array/);
  });
});

describe('parseCsvIssues', () => {
  const header = 'type,repository,number,title,body,state,labels,author,created_at,updated_at,closed_at';
  it('reads issue rows and attaches comment rows to them', () => {
    const csv = [
      header,
      'issue,o/r,1,"Title, with comma","line1\nline2",open,bug; help wanted,alice,2024-01-01T00:00:00Z,,',
      'comment,o/r,1,,first,,,bob,2024-01-02T00:00:00Z,,',
    ].join('\n');
    const { issues, problems } = parseCsvIssues(csv);
    expect(problems).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.issue).toMatchObject({
      githubNodeId: 'file:o/r#1',
      title: 'Title, with comma',
      body: 'line1\nline2',
      state: 'OPEN',
      labels: ['bug', 'help wanted'],
      url: 'https://github.com/o/r/issues/1',
      comments: [{ githubNodeId: 'file:o/r#1:c1', authorLogin: 'bob', body: 'first' }],
    });
  });

  it('gives the line and reason of each bad row', () => {
    const csv = [
      header,
      'issue,not-a-repo,1,T,,open,,,2024-01-01T00:00:00Z,,',
      'issue,o/r,2,T,,weird,,,2024-01-01,,',
      'comment,o/r,9,,x,,,,2024-01-01,,',
    ].join('\n');
    expect(parseCsvIssues(csv).problems).toEqual([
      { record: 2, reason: 'repository must be owner/name' },
      { record: 3, reason: 'state must be open or closed, not "WEIRD"' },
      { record: 4, reason: 'comment on o/r#9, which has no issue row in the file' },
    ]);
  });

  it('takes only issue or pull request addresses as url, the link people follow from Concord', () => {
    const csv = [
      'repository,number,title,state,created_at,url',
      'o/r,1,T,open,2024-01-01,javascript:alert(1)',
      'o/r,2,T,open,2024-01-01,"data:text/html;base64,PHNjcmlwdD4="',
      'o/r,3,T,open,2024-01-01,https://github.com@evil.example/o/r/issues/3',
      'o/r,4,T,open,2024-01-01,https://github.com/o/r/issues/4',
    ].join('\n');
    const { issues, problems } = parseCsvIssues(csv);
    expect(problems.map((problem) => problem.record)).toEqual([2, 3, 4]);
    expect(problems[0]!.reason).toBe('url is not an issue or pull request URL: "javascript:alert(1)"');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.issue.url).toBe('https://github.com/o/r/issues/4');
  });
});
