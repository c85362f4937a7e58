// File imports: JSON (REST and GraphQL shapes) and CSV upsert like GitHub imports; a bad file is
// refused with every bad record listed, and nothing of it is stored.
import { describe, expect, it } from 'vitest';
import type { FileImportResult, IssuePage } from '@concord/contracts';
import { createTestContext } from '../../../test/test-context.ts';

const ctx = await createTestContext();

const restIssue = (number: number, extra: Record<string, unknown> = {}) => ({
  node_id: `I_file_${number}`,
  number,
  title: `Loading the checkpoint fails ${number}`,
  body: 'The tokenizer cannot be found',
  state: 'open',
  labels: [{ name: 'bug' }],
  user: { login: 'alice' },
  created_at: '2024-03-01T10:00:00Z',
  updated_at: '2024-03-02T10:00:00Z',
  closed_at: null,
  html_url: `https://github.com/files/repo/issues/${number}`,
  comments: [
    {
      node_id: `IC_${number}`,
      user: { login: 'bob' },
      body: 'Same here with CUDA',
      created_at: '2024-03-01T11:00:00Z',
      updated_at: '2024-03-01T11:00:00Z',
    },
  ],
  ...extra,
});

describe('file import', () => {
  it('imports a JSON file of REST-shaped issues with comments, and upserts on a second upload', async () => {
    const team = await ctx.createTeam();
    const url = `/api/projects/${team.projectId}/imports/file`;
    const first = await ctx.request(team.lead, {
      method: 'POST',
      url,
      payload: { format: 'json', content: JSON.stringify([restIssue(1), restIssue(2)]) },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<FileImportResult>()).toEqual({
      repositories: ['files/repo'],
      issues: 2,
      created: 2,
      updated: 0,
      changed: 0,
      comments: 2,
    });
    const again = await ctx.request(team.lead, {
      method: 'POST',
      url,
      payload: { format: 'json', content: JSON.stringify([restIssue(1, { title: 'Renamed' }), restIssue(2)]) },
    });
    expect(again.json<FileImportResult>()).toMatchObject({ created: 0, updated: 2, changed: 1 });
    const stored = await ctx.prisma.issue.findMany({
      where: { projectId: team.projectId },
      orderBy: { number: 'asc' },
      include: { comments: true },
    });
    expect(stored.map((i) => [i.number, i.title, i.contentVersion, i.comments.length])).toEqual([
      [1, 'Renamed', 2, 1],
      [2, 'Loading the checkpoint fails 2', 1, 1],
    ]);
    // Searchable at once: the comment text is in the index.
    const found = (
      await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?search=cuda` })
    ).json<IssuePage>();
    expect(found.total).toBe(2);
  });

  it('imports CSV rows of issues and comments; re-uploading without node ids updates the same issues', async () => {
    const team = await ctx.createTeam();
    const csv = (title: string) =>
      [
        'type,repository,number,title,body,state,labels,author,created_at,updated_at,closed_at,url',
        `issue,csv/repo,5,${title},Body,closed,bug;docs,carol,2024-01-01T00:00:00Z,,2024-01-05T00:00:00Z,`,
        'comment,csv/repo,5,,A comment,,,dave,2024-01-02T00:00:00Z,,,',
      ].join('\n');
    const url = `/api/projects/${team.projectId}/imports/file`;
    expect((await ctx.request(team.lead, { method: 'POST', url, payload: { format: 'csv', content: csv('First') } })).statusCode).toBe(200);
    const second = await ctx.request(team.lead, { method: 'POST', url, payload: { format: 'csv', content: csv('Second') } });
    expect(second.json<FileImportResult>()).toMatchObject({ created: 0, updated: 1, changed: 1, comments: 1 });
    const issues = await ctx.prisma.issue.findMany({ where: { projectId: team.projectId }, include: { comments: true } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ title: 'Second', state: 'CLOSED', labels: ['bug', 'docs'], authorLogin: 'carol' });
    expect(issues[0]!.comments.map((c) => c.body)).toEqual(['A comment']);
  });

  it('drops the NUL characters PostgreSQL cannot store, and keeps the rest of the text', async () => {
    const team = await ctx.createTeam();
    const withNul = restIssue(1, {
      title: 'Crash\u0000 on load',
      body: 'binary \u0000\u0000output',
      comments: [{ ...restIssue(1).comments[0], body: 'log:\u0000 end' }],
    });
    const response = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/imports/file`,
      payload: { format: 'json', content: JSON.stringify([withNul]) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const issue = await ctx.prisma.issue.findFirstOrThrow({ where: { projectId: team.projectId }, include: { comments: true } });
    expect([issue.title, issue.body, issue.comments[0]!.body]).toEqual(['Crash on load', 'binary output', 'log: end']);
  });

  it('refuses a file with bad records, lists each with its reason, and stores nothing', async () => {
    const team = await ctx.createTeam();
    const content = JSON.stringify([
      restIssue(1),
      { ...restIssue(2), created_at: 'last tuesday' },
      { ...restIssue(3), html_url: 'nope' },
      restIssue(4),
    ]);
    const response = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/imports/file`,
      payload: { format: 'json', content },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'INVALID_FILE',
      message: '2 problem(s) in the file; nothing was imported.',
      details: {
        total: 2,
        problems: [
          { record: 1, reason: 'created_at is not an ISO 8601 date: "last tuesday"' },
          { record: 2, reason: 'html_url is not an issue or pull request URL: "nope"' },
        ],
      },
    });
    expect(await ctx.prisma.issue.count({ where: { projectId: team.projectId } })).toBe(0);
    expect(await ctx.prisma.repository.count({ where: { projectId: team.projectId } })).toBe(0);
  });

  it('rolls back the whole file when the database refuses part of it', async () => {
    const team = await ctx.createTeam();
    const url = `/api/projects/${team.projectId}/imports/file`;
    await ctx.request(team.lead, {
      method: 'POST',
      url,
      payload: { format: 'json', content: JSON.stringify([restIssue(1), restIssue(2)]) },
    });
    // Issue 2 changes, then another node id claims number 1 of the same repository: refused.
    const clash = [restIssue(2, { title: 'Changed' }), restIssue(1, { node_id: 'I_someone_else' })];
    const response = await ctx.request(team.lead, { method: 'POST', url, payload: { format: 'json', content: JSON.stringify(clash) } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'DUPLICATE_ISSUE' });
    const titles = (await ctx.prisma.issue.findMany({ where: { projectId: team.projectId }, orderBy: { number: 'asc' } })).map(
      (i) => i.title,
    );
    expect(titles).toEqual(['Loading the checkpoint fails 1', 'Loading the checkpoint fails 2']);
  });
});
