// Imports of a project: its repositories, starting GitHub imports (a durable job), reading their
// progress, and importing a JSON or CSV file all-or-nothing.
import type { Database } from '@concord/db';
import { parseCsvIssues, parseJsonIssues, parseRepositoryList, type FileIssue } from '@concord/github';
import type { FileImportBody, FileImportResult, ImportJob, ImportSettings, RepositorySummary, StartImportBody } from '@concord/contracts';
import { AppError, badRequest, conflict, notFound } from '../../plugins/errors.ts';
import type { JobRunner } from '../../jobs/job-runner.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { GITHUB_IMPORT, type GitHubImportInput, type GitHubImportProgress } from './github-import-job.ts';
import { storeIssues } from './issue-store.ts';

const MAX_PROBLEMS_LISTED = 500;
const FILE_BATCH = 500;

export interface ImportsServiceDeps {
  database: Database;
  jobs: JobRunner;
  secretBox: SecretBox;
  github: { apiUrl: string; serverToken: string | undefined };
}

type JobRow = {
  id: string;
  status: ImportJob['status'];
  input: unknown;
  progress: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** The wire view: cursors stay on the server; the ETA follows from the rate so far. */
export function toImportJob(job: JobRow, now = Date.now()): ImportJob {
  const input = job.input as GitHubImportInput;
  const progress = job.progress as GitHubImportProgress;
  return {
    id: job.id,
    status: job.status,
    includePullRequests: input.includePullRequests,
    repositories: (progress.repositories ?? []).map((r) => {
      const elapsed = r.startedAt ? (now - new Date(r.startedAt).getTime()) / 1000 : 0;
      const eta =
        r.status === 'running' && r.total !== null && r.fetched > 0 && elapsed > 0 ? ((r.total - r.fetched) * elapsed) / r.fetched : null;
      return {
        repositoryId: r.repositoryId,
        fullName: r.fullName,
        // A repository the job had not finished stopped with it.
        status: job.status === 'cancelled' && (r.status === 'queued' || r.status === 'running') ? 'cancelled' : r.status,
        since: r.since,
        total: r.total,
        fetched: r.fetched,
        comments: r.comments,
        created: r.created,
        updated: r.updated,
        changed: r.changed,
        points: r.points,
        etaSeconds: eta === null ? null : Math.max(0, Math.round(eta)),
        error: r.error,
        lastRetry: r.lastRetry,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
      };
    }),
    rateLimit: progress.rateLimit ?? null,
    waitingUntil: job.status === 'running' || job.status === 'queued' ? (progress.waitingUntil ?? null) : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export function createImportsService({ database, jobs, secretBox, github }: ImportsServiceDeps) {
  const { prisma, pool } = database;

  async function upsertRepositories(projectId: string, names: { owner: string; name: string }[]) {
    const ids: string[] = [];
    for (const { owner, name } of names) {
      const repository = await prisma.repository.upsert({
        where: { projectId_owner_name: { projectId, owner, name } },
        create: { projectId, owner, name },
        update: {},
        select: { id: true },
      });
      ids.push(repository.id);
    }
    return ids;
  }

  /** File records without a GitHub node id take the id of the issue already stored at that number. */
  async function reuseStoredNodeIds(client: Pick<typeof pool, 'query'>, projectId: string, repositoryId: string, items: FileIssue[]) {
    const synthetic = items.filter((item) => item.issue.githubNodeId.startsWith('file:'));
    if (synthetic.length === 0) return;
    const { rows } = await client.query<{ number: number; githubNodeId: string }>(
      'SELECT number, "githubNodeId" FROM "Issue" WHERE "projectId" = $1 AND "repositoryId" = $2 AND number = ANY($3::int[])',
      [projectId, repositoryId, synthetic.map((item) => item.issue.number)],
    );
    const byNumber = new Map(rows.map((row) => [row.number, row.githubNodeId]));
    for (const item of synthetic) item.issue.githubNodeId = byNumber.get(item.issue.number) ?? item.issue.githubNodeId;
  }

  return {
    settings(): ImportSettings {
      return { serverTokenConfigured: Boolean(github.serverToken), apiUrl: github.apiUrl };
    },

    async repositories(projectId: string): Promise<RepositorySummary[]> {
      const { rows } = await pool.query<{
        id: string;
        owner: string;
        name: string;
        lastSyncedAt: Date | null;
        issues: number;
        pullRequests: number;
      }>(
        `SELECT r.id, r.owner, r.name, r."lastSyncedAt",
                count(i.id) FILTER (WHERE NOT i."isPullRequest")::int AS issues, count(i.id) FILTER (WHERE i."isPullRequest")::int AS "pullRequests"
         FROM "Repository" r LEFT JOIN "Issue" i ON i."repositoryId" = r.id
         WHERE r."projectId" = $1 GROUP BY r.id ORDER BY lower(r.owner), lower(r.name)`,
        [projectId],
      );
      return rows.map((r) => ({
        id: r.id,
        fullName: `${r.owner}/${r.name}`,
        issues: r.issues,
        pullRequests: r.pullRequests,
        lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null,
      }));
    },

    async start(projectId: string, userId: string | null, body: StartImportBody): Promise<ImportJob> {
      const { repositories, invalid } = parseRepositoryList(body.repositories.join('\n'));
      if (invalid.length)
        throw badRequest('INVALID_REPOSITORY', `Not a repository name (owner/name): ${invalid.slice(0, 10).join(', ')}`, { invalid });
      if (repositories.length === 0) throw badRequest('INVALID_REPOSITORY', 'Name at least one repository as owner/name.');
      const token = body.token?.trim();
      if (!token && !github.serverToken)
        throw badRequest(
          'NO_GITHUB_TOKEN',
          'This server has no GitHub token (GITHUB_TOKEN is not set): paste a personal access token for this import, or upload a file instead.',
        );
      // One start at a time per project, across API processes: two at once must not both find no
      // import running.
      const lock = await pool.connect();
      let jobId: string;
      try {
        await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`github-import:${projectId}`]);
        const running = await prisma.job.findFirst({
          where: { projectId, kind: GITHUB_IMPORT, status: { in: ['queued', 'running'] } },
          select: { id: true },
        });
        if (running)
          throw conflict('IMPORT_RUNNING', 'An import is already running in this project; wait for it to finish.', { jobId: running.id });
        const repositoryIds = await upsertRepositories(projectId, repositories);
        const input: GitHubImportInput = {
          repositoryIds,
          includePullRequests: body.includePullRequests ?? false,
          ...(token ? { token: secretBox.seal(token) } : {}),
        };
        jobId = await jobs.enqueue(GITHUB_IMPORT, { projectId, input: input as never, createdById: userId });
      } finally {
        await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`github-import:${projectId}`]).catch(() => {});
        lock.release();
      }
      return this.get(projectId, jobId);
    },

    async list(projectId: string): Promise<ImportJob[]> {
      const rows = await prisma.job.findMany({ where: { projectId, kind: GITHUB_IMPORT }, orderBy: { createdAt: 'desc' }, take: 20 });
      return rows.map((row) => toImportJob(row as JobRow));
    },

    async get(projectId: string, jobId: string): Promise<ImportJob> {
      const row = await prisma.job.findFirst({ where: { id: jobId, projectId, kind: GITHUB_IMPORT } });
      if (!row) throw notFound('Import');
      return toImportJob(row as JobRow);
    },

    /** Stops a queued or running import; the issues stored so far stay, and the next import of a
     *  repository it did not finish asks GitHub again from that repository's last completed sync. */
    async cancel(projectId: string, jobId: string): Promise<ImportJob> {
      // Only an import of this project (404 otherwise), not any job.
      await this.get(projectId, jobId);
      if (!(await jobs.cancel(projectId, jobId))) {
        const { status } = await this.get(projectId, jobId);
        throw conflict('IMPORT_ENDED', `This import has already ended (${status}); there is nothing to cancel.`, { status });
      }
      return this.get(projectId, jobId);
    },

    async importFile(projectId: string, body: FileImportBody): Promise<FileImportResult> {
      const parsed = body.format === 'json' ? parseJsonIssues(body.content) : parseCsvIssues(body.content);
      if (parsed.problems.length > 0)
        throw new AppError(400, 'INVALID_FILE', `${parsed.problems.length} problem(s) in the file; nothing was imported.`, {
          problems: parsed.problems.slice(0, MAX_PROBLEMS_LISTED),
          total: parsed.problems.length,
        });
      if (parsed.issues.length === 0) throw badRequest('INVALID_FILE', 'The file holds no issues.', { problems: [], total: 0 });
      const groups = new Map<string, FileIssue[]>();
      for (const item of parsed.issues) {
        const key = `${item.repository.owner}/${item.repository.name}`;
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      const result: FileImportResult = {
        repositories: [...groups.keys()].sort(),
        issues: parsed.issues.length,
        created: 0,
        updated: 0,
        changed: 0,
        comments: 0,
      };
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const [fullName, items] of groups) {
          const [owner, name] = fullName.split('/') as [string, string];
          const repositoryId = (
            await client.query<{ id: string }>(
              `INSERT INTO "Repository" (id, "projectId", owner, name) VALUES (gen_random_uuid(), $1, $2, $3)
               ON CONFLICT ("projectId", owner, name) DO UPDATE SET owner = EXCLUDED.owner RETURNING id`,
              [projectId, owner, name],
            )
          ).rows[0]!.id;
          await reuseStoredNodeIds(client, projectId, repositoryId, items);
          for (let start = 0; start < items.length; start += FILE_BATCH) {
            const stored = await storeIssues(
              client,
              projectId,
              repositoryId,
              items.slice(start, start + FILE_BATCH).map((item) => item.issue),
            );
            result.created += stored.created;
            result.updated += stored.updated;
            result.changed += stored.changed;
            result.comments += stored.comments;
          }
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        // The same node id in two repositories of one file, or a number clash: the client's data.
        if ((error as { code?: string }).code === '23505')
          throw conflict('DUPLICATE_ISSUE', 'Two records claim the same issue (same node id, or same repository and number).');
        throw error;
      } finally {
        client.release();
      }
      return result;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
