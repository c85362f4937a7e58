// The `github-import` job: every repository of the job in turn, page by page. Each page's issues,
// the advanced cursor and the progress the UI shows are written in one transaction, so a job cut
// off anywhere resumes after its last stored page with no gap and no duplicate. One repository
// that GitHub refuses fails alone; a used-up rate limit makes the job wait for the reset.
import type { Database } from '@concord/db';
import type { ImportJob, RepositoryProgress } from '@concord/contracts';
import { PermanentJobError, type JobContext, type JobHandler, type JobOutcome } from '../../jobs/job-runner.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import {
  BadTokenError,
  GitHubUnreachableError,
  RepositoryUnavailableError,
  RetryLaterError,
  createGitHubClient,
  type GitHubClientOptions,
  type IssuePage,
} from './github-client.ts';
import { refreshSearchVectors } from '../../lib/issue-search.ts';
import { storeIssues } from './issue-store.ts';

export const GITHUB_IMPORT = 'github-import';

/** Below this many points left, wait for the reset rather than risk a refused query. */
const MIN_POINTS_LEFT = 20;

export interface GitHubImportInput {
  repositoryIds: string[];
  includePullRequests: boolean;
  /** A pasted token, sealed (lib/secret-box.ts); absent: the server's GITHUB_TOKEN. */
  token?: string;
}

/** What the job stores between pages: the wire progress plus each repository's cursor. */
export interface StoredRepositoryProgress extends Omit<RepositoryProgress, 'etaSeconds'> {
  phase: 'issues' | 'pullRequests';
  cursor: string | null;
  issuesTotal: number | null;
  newestUpdatedAt: string | null;
}

export interface GitHubImportProgress {
  repositories?: StoredRepositoryProgress[];
  rateLimit?: ImportJob['rateLimit'];
  waitingUntil?: string | null;
}

type PageResult = { page: IssuePage } | { error: unknown };

export interface GitHubImportDeps {
  apiUrl: string;
  serverToken: string | undefined;
  secretBox: SecretBox;
  /** Test knobs: timeouts, backoff. */
  client?: Partial<GitHubClientOptions>;
}

async function initialProgress(database: Database, input: GitHubImportInput): Promise<StoredRepositoryProgress[]> {
  const repositories = await database.prisma.repository.findMany({ where: { id: { in: input.repositoryIds } } });
  return input.repositoryIds.flatMap((id) => {
    const repository = repositories.find((r) => r.id === id);
    if (!repository) return [];
    return [
      {
        repositoryId: id,
        fullName: `${repository.owner}/${repository.name}`,
        status: 'queued' as const,
        since: repository.lastSyncedAt?.toISOString() ?? null,
        total: null,
        fetched: 0,
        comments: 0,
        created: 0,
        updated: 0,
        changed: 0,
        points: 0,
        error: null,
        lastRetry: null,
        startedAt: null,
        finishedAt: null,
        phase: 'issues' as const,
        cursor: null,
        issuesTotal: null,
        newestUpdatedAt: null,
      },
    ];
  });
}

export function createGitHubImportHandler(deps: GitHubImportDeps): JobHandler {
  return (async (context: JobContext<GitHubImportInput, GitHubImportProgress>): Promise<JobOutcome> => {
    const { database, input, jobId } = context;
    const progress: GitHubImportProgress = { ...context.progress };
    progress.repositories ??= await initialProgress(database, input);
    const repositories = progress.repositories;

    const save = () => database.pool.query('UPDATE "Job" SET progress = $2 WHERE id = $1', [jobId, JSON.stringify(progress)]);
    /** Stored progress, and the rest in a later slice (or never, for a cancelled job). */
    const pause = async (): Promise<JobOutcome> => {
      await save();
      return { status: 'wait', until: new Date() };
    };

    let token: string | undefined;
    try {
      token = input.token ? deps.secretBox.open(input.token) : deps.serverToken;
    } catch {
      throw new PermanentJobError('The pasted token cannot be decrypted (the server key changed?): start the import again.');
    }
    if (!token) throw new PermanentJobError('No GitHub token: set GITHUB_TOKEN on the server or paste a token for the import.');

    let current: StoredRepositoryProgress | undefined;
    const run = (sql: string, params: unknown[]) => database.pool.query(sql, params);
    let indexing: Promise<unknown> = Promise.resolve();
    const client = createGitHubClient({
      apiUrl: deps.apiUrl,
      token,
      ...deps.client,
      onRetry: (reason) => {
        if (current) current.lastRetry = `${new Date().toISOString()}: ${reason}`;
      },
    });

    for (const repository of repositories) {
      if (repository.status === 'done' || repository.status === 'failed') continue;
      current = repository;
      repository.status = 'running';
      repository.startedAt ??= new Date().toISOString();
      const [owner, name] = repository.fullName.split('/') as [string, string];
      // Never rejects, so a prefetch nobody waits for any more cannot become an unhandled rejection.
      const fetchPage = (phase: StoredRepositoryProgress['phase'], cursor: string | null): Promise<PageResult> =>
        client.issuePage({ owner, name }, phase, cursor, phase === 'issues' ? repository.since : null).then(
          (page) => ({ page }),
          (error: unknown) => ({ error }),
        );
      // The next page is fetched while this one is stored (GitHub's latency hides the database's).
      let prefetched: Promise<PageResult> | undefined;
      for (;;) {
        if (context.signal.aborted || Date.now() > context.sliceEndsAt) return pause();
        const limit = client.rateLimit;
        if (limit && limit.remaining < MIN_POINTS_LEFT && new Date(limit.resetAt).getTime() > Date.now()) {
          progress.waitingUntil = limit.resetAt;
          await save();
          return { status: 'wait', until: new Date(new Date(limit.resetAt).getTime() + 1000) };
        }
        const result = await (prefetched ?? fetchPage(repository.phase, repository.cursor));
        prefetched = undefined;
        // Stopped (shut down, cancelled) while the page was on its way: a resumed job fetches it again.
        if (context.signal.aborted) return pause();
        if ('error' in result) {
          const { error } = result;
          if (error instanceof RepositoryUnavailableError) {
            Object.assign(repository, { status: 'failed', error: error.message, finishedAt: new Date().toISOString() });
            await save();
            break;
          }
          if (error instanceof BadTokenError || error instanceof GitHubUnreachableError) {
            for (const r of repositories)
              if (r.status !== 'done') Object.assign(r, { status: 'failed', error: error.message, finishedAt: new Date().toISOString() });
            await save();
            throw new PermanentJobError(error.message);
          }
          if (error instanceof RetryLaterError) {
            progress.waitingUntil = error.until.toISOString();
            await save();
            return { status: 'wait', until: error.until };
          }
          await save();
          throw error;
        }
        const { page } = result;
        if (page.hasNextPage) prefetched = fetchPage(repository.phase, page.endCursor);
        progress.waitingUntil = null;
        if (page.rateLimit) progress.rateLimit = { remaining: page.rateLimit.remaining, resetAt: page.rateLimit.resetAt };
        // Pull requests have no `since` filter: the unchanged ones are read but not stored.
        const since = repository.since ? new Date(repository.since).getTime() : undefined;
        const changed =
          repository.phase === 'pullRequests' && since !== undefined
            ? page.issues.filter((i) => i.updatedAt.getTime() >= since)
            : page.issues;
        if (repository.phase === 'issues') repository.issuesTotal = page.totalCount;
        repository.total = (repository.issuesTotal ?? 0) + (repository.phase === 'pullRequests' ? page.totalCount : 0);
        repository.fetched += page.issues.length;
        repository.points += page.points;
        repository.cursor = page.endCursor ?? repository.cursor;
        for (const issue of changed) {
          const at = issue.updatedAt.toISOString();
          if (!repository.newestUpdatedAt || at > repository.newestUpdatedAt) repository.newestUpdatedAt = at;
        }
        const last = !page.hasNextPage;
        const finished = last && !(repository.phase === 'issues' && input.includePullRequests);
        if (last && !finished) {
          repository.phase = 'pullRequests';
          repository.cursor = null;
        } else if (finished) {
          Object.assign(repository, { status: 'done', finishedAt: new Date().toISOString(), lastRetry: null });
        }

        let unindexed: string[];
        const db = await database.pool.connect();
        try {
          await db.query('BEGIN');
          // A page and its cursor commit together, so a commit lost in a crash loses both and the
          // page is fetched again: waiting for the WAL flush of every page buys nothing here.
          await db.query('SET LOCAL synchronous_commit = off');
          const stored = await storeIssues(db, context.projectId!, repository.repositoryId, changed, { searchVectors: 'deferred' });
          unindexed = stored.unindexedIds;
          repository.comments += stored.comments;
          repository.created += stored.created;
          repository.updated += stored.updated;
          repository.changed += stored.changed;
          if (finished)
            await db.query(
              'UPDATE "Repository" SET "lastSyncedAt" = coalesce($2::timestamptz, "lastSyncedAt"), "githubNodeId" = $3 WHERE id = $1',
              [repository.repositoryId, repository.newestUpdatedAt, page.repositoryNodeId],
            );
          await db.query('UPDATE "Job" SET progress = $2 WHERE id = $1', [jobId, JSON.stringify(progress)]);
          await db.query('COMMIT');
        } catch (error) {
          await db.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          db.release();
        }
        if (unindexed.length > 0) {
          // One page's search vectors at a time, on another connection, while the next page is
          // fetched and stored: PostgreSQL spends as long on them as on the rest of a page.
          await indexing;
          indexing = refreshSearchVectors(run, { issueIds: unindexed }).catch(() => {});
        }
        if (finished) break;
      }
    }
    // Whatever a crash or a failed write left without a vector (at most a page per repository).
    await indexing;
    for (const repository of repositories) await refreshSearchVectors(run, { missingInRepositoryId: repository.repositoryId });
    if (repositories.length > 0 && repositories.every((r) => r.status === 'failed'))
      throw new PermanentJobError(repositories.length === 1 ? repositories[0]!.error! : 'Every repository failed; see each one’s message.');
    return { status: 'done' };
  }) as JobHandler;
}
