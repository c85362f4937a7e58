// Helpers for import tests: a fake GitHub, an app whose job worker imports from it, and the
// comparison of what was stored with the fake's source data.
import type { PrismaClient } from '@concord/db';
import type { ImportJob } from '@concord/contracts';
import { startFakeGitHub, type FakeGitHub, type FakeRepository } from '@concord/github-fake';
import { createTestContext, type TestContext, type TestUser } from './test-context.ts';

export const FAKE_TOKEN = 'ghp_fake_token_for_tests';

export async function createImportContext(repositories: FakeRepository[]): Promise<{ ctx: TestContext; fake: FakeGitHub }> {
  const fake = await startFakeGitHub({ repositories, token: FAKE_TOKEN });
  const ctx = await createTestContext({
    github: { apiUrl: fake.url, token: FAKE_TOKEN },
    runJobs: true,
    jobOptions: { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, recoverEveryMs: 500, expireInSeconds: 60 },
    githubClientOptions: { baseDelayMs: 20, timeoutMs: 1500 },
  });
  return { ctx, fake };
}

export async function waitForImport(
  ctx: TestContext,
  user: TestUser,
  projectId: string,
  jobId: string,
  timeoutMs = 60_000,
): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await ctx.request(user, { method: 'GET', url: `/api/projects/${projectId}/imports/${jobId}` })).json<ImportJob>();
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`import still ${job.status}: ${JSON.stringify(job.repositories)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The fake's issues as comparable rows, sorted. */
export function sourceRows(repository: FakeRepository, { pullRequests = false } = {}) {
  return repository.issues
    .filter((issue) => pullRequests || !issue.isPullRequest)
    .map((issue) => ({
      githubNodeId: issue.id,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      stateReason: issue.stateReason,
      authorLogin: issue.author,
      labels: issue.labels,
      reactionsCount: issue.reactions,
      isPullRequest: issue.isPullRequest,
      closedAt: issue.closedAt ? new Date(issue.closedAt).toISOString() : null,
      comments: issue.comments.map((c) => ({ githubNodeId: c.id, body: c.body, authorLogin: c.author })),
    }))
    .sort((a, b) => a.number - b.number);
}

export async function storedRows(prisma: PrismaClient, projectId: string, fullName: string) {
  const [owner, name] = fullName.split('/') as [string, string];
  const issues = await prisma.issue.findMany({
    where: { projectId, repository: { owner, name } },
    include: { comments: { orderBy: [{ createdAt: 'asc' }, { githubNodeId: 'asc' }] } },
    orderBy: { number: 'asc' },
  });
  return issues.map((issue) => ({
    githubNodeId: issue.githubNodeId,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    authorLogin: issue.authorLogin,
    labels: issue.labels,
    reactionsCount: issue.reactionsCount,
    isPullRequest: issue.isPullRequest,
    closedAt: issue.closedAt?.toISOString() ?? null,
    comments: issue.comments.map((c) => ({ githubNodeId: c.githubNodeId, body: c.body, authorLogin: c.authorLogin })),
  }));
}
