// GitHub imports end to end against the fake GitHub: the full import equals the source, faults
// are survived, one refused repository fails alone, a used-up rate limit is waited out, pasted
// tokens never leave the server in clear, and incremental sync fetches only what changed.
import { describe, expect, it } from 'vitest';
import { generateRepository } from '@concord/github-fake';
import type { AssignmentDetail, ImportJob, IssuePage, RepositorySummary } from '@concord/contracts';
import { createRound, createStage } from '../../../test/factories.ts';
import { createImportContext, FAKE_TOKEN, sourceRows, storedRows, waitForImport } from '../../../test/github-import.ts';
import { createTestJobRunner } from '../../../test/job-runners.ts';
import { sessionsWaitingForLocks } from '../../../test/lock-waits.ts';

// Long threads: one issue with 250 comments (3 pages), one with 101 (2 pages).
const alpha = generateRepository({
  owner: 'octo',
  name: 'alpha',
  issues: 230,
  seed: 1,
  comments: (i) => (i === 0 ? 250 : i === 7 ? 101 : i % 4),
});
const beta = generateRepository({ owner: 'octo', name: 'beta', issues: 40, seed: 2 });
const delta = generateRepository({ owner: 'octo', name: 'delta', issues: 120, seed: 4 });
const gamma = generateRepository({ owner: 'octo', name: 'gamma', issues: 30, pullRequests: 120, seed: 3 });
const { ctx, fake } = await createImportContext([alpha, beta, gamma, delta]);

async function startImport(projectId: string, user: Parameters<typeof ctx.request>[0], body: Record<string, unknown>) {
  const response = await ctx.request(user, { method: 'POST', url: `/api/projects/${projectId}/imports`, payload: body });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<ImportJob>();
}

describe('GitHub import', () => {
  it('imports every issue and comment of several repositories, exactly as on GitHub, within 2 points per 100 issues', async () => {
    const team = await ctx.createTeam();
    const costBefore = fake.totalCost();
    const job = await startImport(team.projectId, team.lead, { repositories: ['octo/alpha\nhttps://github.com/octo/beta'] });
    expect(job.status).toBe('queued');
    const done = await waitForImport(ctx, team.lead, team.projectId, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.repositories.map((r) => [r.fullName, r.status, r.fetched, r.total])).toEqual([
      ['octo/alpha', 'done', 230, 230],
      ['octo/beta', 'done', 40, 40],
    ]);
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toEqual(sourceRows(alpha));
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/beta')).toEqual(sourceRows(beta));
    // Every issue is searchable (the vectors are written beside the pages, and caught up at the end).
    const unindexed = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM "Issue" WHERE "projectId" = $1 AND "searchVector" IS NULL`,
      [team.projectId],
    );
    expect(unindexed.rows[0].n).toBe(0);
    // 3 issue pages (2 points each) + 1 query for the remaining comment pages of 2 issues + 1 more
    // for the third page of the longest thread, and 1 page for beta.
    expect(fake.totalCost() - costBefore).toBe(3 * 2 + 2 + 2);
    const repositories = (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/repositories` })).json<
      RepositorySummary[]
    >();
    expect(repositories.map((r) => [r.fullName, r.issues, r.lastSyncedAt !== null])).toEqual([
      ['octo/alpha', 230, true],
      ['octo/beta', 40, true],
    ]);
  });

  it('runs each page once when several workers (API processes) share the queue', async () => {
    const team = await ctx.createTeam();
    const workers = await Promise.all(
      [1, 2].map(async () => {
        const runner = createTestJobRunner(ctx.database, { github: { apiUrl: fake.url, serverToken: FAKE_TOKEN } });
        await runner.work();
        return runner;
      }),
    );
    try {
      const requestsBefore = fake.requests.length;
      const job = await startImport(team.projectId, team.lead, { repositories: ['octo/alpha'] });
      await waitForImport(ctx, team.lead, team.projectId, job.id);
      const pages = fake.requests.slice(requestsBefore).filter((r) => r.operation === 'RepositoryIssues');
      expect(pages).toHaveLength(3);
      expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toEqual(sourceRows(alpha));
    } finally {
      await Promise.all(workers.map((runner) => runner.stop()));
    }
  });

  it('imports pull requests when asked', async () => {
    const team = await ctx.createTeam();
    const job = await startImport(team.projectId, team.owner, { repositories: ['octo/gamma'], includePullRequests: true });
    const done = await waitForImport(ctx, team.owner, team.projectId, job.id);
    expect(done.repositories[0]).toMatchObject({ status: 'done', fetched: 150, total: 150 });
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/gamma')).toEqual(sourceRows(gamma, { pullRequests: true }));
  });

  it('retries 502s, secondary rate limits, timeouts and reset connections, and still stores exactly the source', async () => {
    const team = await ctx.createTeam();
    fake.injectFaults(
      { kind: 'status', status: 502 },
      { kind: 'secondary-rate-limit', retryAfterSeconds: 1 },
      { kind: 'reset' },
      { kind: 'timeout', ms: 3000 },
      { kind: 'secondary-rate-limit', retryAfterSeconds: 1, status: 429 },
    );
    const job = await startImport(team.projectId, team.lead, { repositories: ['octo/alpha'] });
    const done = await waitForImport(ctx, team.lead, team.projectId, job.id);
    expect(done.status).toBe('succeeded');
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toEqual(sourceRows(alpha));
  });

  it('fails only the repository GitHub refuses, with its message, and imports the others', async () => {
    const team = await ctx.createTeam();
    fake.failRepository('octo/private', 'FORBIDDEN', 'Resource not accessible by integration');
    const job = await startImport(team.projectId, team.lead, { repositories: ['octo/missing', 'octo/private', 'octo/beta'] });
    const done = await waitForImport(ctx, team.lead, team.projectId, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.repositories.map((r) => [r.fullName, r.status, r.error])).toEqual([
      ['octo/missing', 'failed', "NOT_FOUND: Could not resolve to a Repository with the name 'octo/missing'."],
      ['octo/private', 'failed', 'FORBIDDEN: Resource not accessible by integration'],
      ['octo/beta', 'done', null],
    ]);
  });

  it('waits for the rate limit to reset instead of failing, and shows the wait', async () => {
    const team = await ctx.createTeam();
    fake.setRemaining(21, 2500);
    const job = await startImport(team.projectId, team.lead, { repositories: ['octo/alpha'] });
    let sawWait = false;
    for (let i = 0; i < 100 && !sawWait; i++) {
      const now = (
        await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/imports/${job.id}` })
      ).json<ImportJob>();
      sawWait = now.waitingUntil !== null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sawWait).toBe(true);
    const done = await waitForImport(ctx, team.lead, team.projectId, job.id);
    expect(done.status).toBe('succeeded');
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toEqual(sourceRows(alpha));
  });

  it('keeps a pasted token encrypted, never returns it, and fails clearly when GitHub refuses it', async () => {
    const team = await ctx.createTeam();
    const job = await startImport(team.projectId, team.lead, { repositories: ['octo/beta'], token: 'ghp_wrong_token_123' });
    expect(JSON.stringify(job)).not.toContain('ghp_wrong');
    const row = await ctx.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(JSON.stringify(row.input)).not.toContain('ghp_wrong');
    const done = await waitForImport(ctx, team.lead, team.projectId, job.id);
    expect(done).toMatchObject({ status: 'failed', error: expect.stringContaining('refused the token') });
    expect(JSON.stringify(done)).not.toContain('ghp_wrong');
    // The sealed token is dropped once the job is over.
    expect((await ctx.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).input).not.toHaveProperty('token');
    expect(JSON.stringify(await ctx.prisma.job.findMany())).not.toContain(FAKE_TOKEN);
  });

  it('refuses bad repository names, and a second import while one runs', async () => {
    const team = await ctx.createTeam();
    const bad = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/imports`,
      payload: { repositories: ['not a repo/x/y'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_REPOSITORY' });
    fake.setLatency(200);
    try {
      const first = await startImport(team.projectId, team.lead, { repositories: ['octo/beta'] });
      const second = await ctx.request(team.lead, {
        method: 'POST',
        url: `/api/projects/${team.projectId}/imports`,
        payload: { repositories: ['octo/alpha'] },
      });
      expect(second.statusCode).toBe(409);
      await waitForImport(ctx, team.lead, team.projectId, first.id);
    } finally {
      fake.setLatency(0);
    }
  });

  it('lets one of two imports started at the same moment through, and refuses the other', async () => {
    const team = await ctx.createTeam();
    const start = () =>
      ctx.request(team.lead, { method: 'POST', url: `/api/projects/${team.projectId}/imports`, payload: { repositories: ['octo/beta'] } });
    // The project's start lock is held here, so both requests reach it before either has queued a job.
    const holder = await ctx.database.pool.connect();
    fake.setLatency(200);
    try {
      await holder.query('SELECT pg_advisory_lock(hashtext($1))', [`github-import:${team.projectId}`]);
      const responses = Promise.all([start(), start()]);
      await sessionsWaitingForLocks(holder, 2);
      await holder.query('SELECT pg_advisory_unlock(hashtext($1))', [`github-import:${team.projectId}`]);
      const [a, b] = await responses;
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([202, 409]);
      const started = [a!, b!].find((response) => response.statusCode === 202)!.json<ImportJob>();
      expect((await waitForImport(ctx, team.lead, team.projectId, started.id)).status).toBe('succeeded');
    } finally {
      fake.setLatency(0);
      holder.release();
    }
    expect(await ctx.prisma.job.count({ where: { projectId: team.projectId } })).toBe(1);
  });

  it('stops when a lead cancels it, keeps what it stored, and a new import finishes the job', async () => {
    const team = await ctx.createTeam();
    const cancel = (jobId: string) =>
      ctx.request(team.lead, { method: 'POST', url: `/api/projects/${team.projectId}/imports/${jobId}/cancel` });
    fake.setLatency(300);
    let job: ImportJob;
    try {
      job = await startImport(team.projectId, team.lead, { repositories: ['octo/beta octo/alpha'] });
      // beta (one page) is done, alpha (three pages) is under way.
      for (let i = 0; i < 300; i++) {
        job = (await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/imports/${job.id}` })).json<ImportJob>();
        if ((job.repositories[1]?.fetched ?? 0) >= 100) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const cancelled = await cancel(job.id);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json<ImportJob>()).toMatchObject({ status: 'cancelled', waitingUntil: null });
      expect(cancelled.json<ImportJob>().repositories.map((r) => [r.fullName, r.status])).toEqual([
        ['octo/beta', 'done'],
        ['octo/alpha', 'cancelled'],
      ]);
      expect(cancelled.json<ImportJob>().finishedAt).not.toBeNull();
    } finally {
      fake.setLatency(0);
    }

    // Nothing is stored after the worker has seen the cancel, and what is stored is what the
    // progress says: whole pages of alpha, not all of them.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = (
      await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/imports/${job.id}` })
    ).json<ImportJob>();
    expect(after.status).toBe('cancelled');
    const alphaFetched = after.repositories[1]!.fetched;
    expect(alphaFetched % 100).toBe(0);
    expect(alphaFetched).toBeLessThan(230);
    const storedAlpha = await storedRows(ctx.prisma, team.projectId, 'octo/alpha');
    expect(storedAlpha).toHaveLength(alphaFetched);
    expect(storedAlpha).toEqual(sourceRows(alpha).slice(0, alphaFetched));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toHaveLength(alphaFetched);
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/beta')).toEqual(sourceRows(beta));

    // Ended: a second cancel is a conflict, an unknown import is not found.
    const again = await cancel(job.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'IMPORT_ENDED', details: { status: 'cancelled' } });
    expect((await cancel('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // alpha never finished, so it has no last sync: the next import fetches it whole.
    const next = await startImport(team.projectId, team.lead, { repositories: ['octo/alpha'] });
    const finished = await waitForImport(ctx, team.lead, team.projectId, next.id);
    expect(finished.status).toBe('succeeded');
    expect(finished.repositories.map((r) => [r.fullName, r.since, r.fetched])).toEqual([['octo/alpha', null, 230]]);
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/alpha')).toEqual(sourceRows(alpha));
  });
});

describe('incremental sync', () => {
  it('fetches only the issues updated since the last sync, updates them in place, and flags the coded ones', async () => {
    const team = await ctx.createTeam();
    const first = await startImport(team.projectId, team.lead, { repositories: ['octo/delta'] });
    await waitForImport(ctx, team.lead, team.projectId, first.id);
    const idOf = async (number: number) => (await ctx.prisma.issue.findFirstOrThrow({ where: { projectId: team.projectId, number } })).id;
    const [issue3, issue4, issue10] = [await idOf(3), await idOf(4), await idOf(10)];
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'Relevant' }] });
    await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'open',
      issueIds: [issue3, issue4],
      codings: { [team.coder.id]: [[codeIds.Relevant!], [codeIds.Relevant!]] },
    });
    const oldTitle = delta.issues.find((i) => i.number === 3)!.title;

    fake.updateIssue('octo/delta', 3, { title: 'Edited title' });
    fake.updateIssue('octo/delta', 4, { addComment: 'A new comment with more detail' });
    fake.updateIssue('octo/delta', 10, { body: 'Rewritten body' });
    const requestsBefore = fake.requests.length;
    const second = await startImport(team.projectId, team.lead, { repositories: ['octo/delta'] });
    const done = await waitForImport(ctx, team.lead, team.projectId, second.id);

    // GitHub's `since` is inclusive: the newest issue of the last sync comes again (unchanged).
    const since = done.repositories[0]!.since!;
    const newestBefore = delta.issues.filter((i) => i.updatedAt === since).map((i) => i.number);
    expect(newestBefore).toHaveLength(1);
    const fetched = fake.requests.slice(requestsBefore).flatMap((r) => r.issueIds);
    expect(fetched.sort()).toEqual([3, 4, 10, ...newestBefore].map((n) => delta.issues.find((i) => i.number === n)!.id).sort());
    expect(done.repositories[0]).toMatchObject({ status: 'done', fetched: 4, total: 4, created: 0, updated: 4, changed: 3 });
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/delta')).toEqual(sourceRows(delta));
    expect(await ctx.prisma.issue.count({ where: { projectId: team.projectId } })).toBe(120);
    const found = (
      await ctx.request(team.coder, {
        method: 'GET',
        url: `/api/projects/${team.projectId}/issues?search=${encodeURIComponent('"edited title"')}`,
      })
    ).json<IssuePage>();
    expect(found.items.map((i) => i.number)).toEqual([3]);
    const newComment = (
      await ctx.request(team.coder, {
        method: 'GET',
        url: `/api/projects/${team.projectId}/issues?search=${encodeURIComponent('"more detail"')}`,
      })
    ).json<IssuePage>();
    expect(newComment.items.map((i) => i.number)).toEqual([4]);

    const flagged = (
      await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?changedSinceCoded=true` })
    ).json<IssuePage>();
    expect(flagged.items.map((i) => [i.number, i.changedSinceCoded])).toEqual([
      [3, true],
      [4, true],
    ]);
    // The lead sees the same; another coder, who coded none of them, learns nothing of who did.
    const asLead = (
      await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/issues?changedSinceCoded=true` })
    ).json<IssuePage>();
    expect(asLead.items.map((i) => i.number)).toEqual([3, 4]);
    const otherCoder = await ctx.createUser('other coder');
    await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: otherCoder.id, role: 'coder' } });
    const asOtherCoder = (
      await ctx.request(otherCoder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?changedSinceCoded=true` })
    ).json<IssuePage>();
    expect(asOtherCoder).toMatchObject({ total: 0, items: [] });
    const allAsOtherCoder = (
      await ctx.request(otherCoder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?pageSize=200` })
    ).json<IssuePage>();
    expect(allAsOtherCoder.items.filter((i) => i.changedSinceCoded)).toEqual([]);

    // The coding screen shows the coder the text they coded.
    const assignment = await ctx.prisma.assignment.findFirstOrThrow({ where: { issueId: issue3, coderId: team.coder.id } });
    const detail = (
      await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/assignments/${assignment.id}` })
    ).json<AssignmentDetail>();
    expect(detail.issue).toMatchObject({ title: 'Edited title', contentVersion: 2 });
    expect(detail.codedVersion).toMatchObject({ contentVersion: 1, title: oldTitle });
    const untouched = await ctx.prisma.issueSnapshot.count({ where: { issueId: issue10 } });
    expect(untouched).toBe(0);
  });
});
