// Durable jobs: a `Job` row (kind, input, progress the UI shows) carried by pg-boss, which hands
// each job to one worker among all API and CLI processes. A handler works in slices: it stores
// its progress (its cursor) as it goes and returns `done` or `wait until`; waiting (a rate-limit
// reset, the end of a slice) is a new pg-boss job starting later. A session advisory lock keeps a
// job on one worker at a time; when a worker dies its lock goes with its connection, and the job
// is handed on at once instead of after pg-boss's expiry. A cancelled job's status is set at once;
// the worker running it (in any process) sees it within a second and stops at its next step.
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Database, Prisma } from '@concord/db';

export const JOB_QUEUE = 'concord-jobs';

export type JobOutcome = { status: 'done' } | { status: 'wait'; until: Date };

export interface JobContext<Input = unknown, Progress = unknown> {
  jobId: string;
  projectId: string | null;
  input: Input;
  /** What the previous slice stored (`{}` at first). */
  progress: Progress;
  /** Aborted when this process shuts down or the job is cancelled: store what is done and return `wait`. */
  signal: AbortSignal;
  /** Return `wait` (now) after this time, so one slice never outlives pg-boss's expiry. */
  sliceEndsAt: number;
  database: Database;
}

export type JobHandler = (context: JobContext<never, never>) => Promise<JobOutcome>;

/** A failure retrying will not fix: the job fails at once with this message (shown to users). */
export class PermanentJobError extends Error {}

export interface JobRunnerOptions {
  database: Database;
  handlers: Record<string, JobHandler>;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** pg-boss expiry of one slice; a slice is given a third of it. */
  expireInSeconds?: number;
  /** A longer expiry for kinds whose work cannot be cut into slices (an export is one transaction). */
  expireInSecondsByKind?: Record<string, number>;
  /** How often dead workers' jobs are looked for. */
  recoverEveryMs?: number;
  /** How often a running job's status is read, so a cancel made in another process stops it. */
  cancelCheckEveryMs?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface JobRunner {
  /** Creates the Job row and queues it, in one transaction. */
  enqueue(kind: string, job: { projectId: string | null; input: Prisma.InputJsonValue; createdById?: string | null }): Promise<string>;
  /**
   * Cancels a queued or running job of the project: true when it was cancelled now, false when it
   * had already ended (or is not the project's). What the job stored so far stays.
   */
  cancel(projectId: string, jobId: string): Promise<boolean>;
  /** Starts working on queued jobs in this process. */
  work(): Promise<void>;
  stop(): Promise<void>;
}

const lockKey = (jobId: string) => `concord-job:${jobId}`;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, handlers, log } = options;
  const expireInSeconds = options.expireInSeconds ?? 300;
  const retryLimit = options.retryLimit ?? 5;
  const running = new Map<string, AbortController>();
  let starting: Promise<PgBoss> | undefined;
  let recoverTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  function started(): Promise<PgBoss> {
    starting ??= (async () => {
      const instance = new PgBoss({
        connectionString: database.url,
        max: 3,
        application_name: `concord-jobs@${hostname()}`,
        maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(expireInSeconds / 2))),
        schedule: false,
      });
      instance.on('error', (error: Error) => log('warn', `job queue: ${error.message}`));
      await instance.start();
      await instance.createQueue(JOB_QUEUE, {
        name: JOB_QUEUE,
        retryLimit,
        retryDelay: options.retryDelaySeconds ?? 5,
        retryBackoff: true,
        expireInSeconds,
      });
      return instance;
    })();
    return starting;
  }

  /** Runs `fn` in one transaction on a pool client, with pg-boss writing through the same client. */
  async function inTransaction<T>(fn: (client: pg.PoolClient, db: PgBoss.Db) => Promise<T>): Promise<T> {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client, { executeSql: (text, values) => client.query(text, values) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const expiryOf = (kind: string) => options.expireInSecondsByKind?.[kind] ?? expireInSeconds;

  async function queue(jobId: string, kind: string, startAfter: Date | undefined, client: pg.PoolClient, db: PgBoss.Db) {
    const instance = await started();
    const queueJobId = await instance.send(
      JOB_QUEUE,
      { jobId },
      { db, expireInSeconds: expiryOf(kind), ...(startAfter ? { startAfter } : {}) },
    );
    await client.query('UPDATE "Job" SET "queueJobId" = $2 WHERE id = $1', [jobId, queueJobId]);
  }

  /** Ends a job that is still under way (a cancelled one stays cancelled). */
  async function finish(jobId: string, status: 'succeeded' | 'failed' | 'cancelled', error: string | null, projectId?: string) {
    // The input may hold a sealed token: it is not kept once the job is over.
    const { rows } = await database.pool.query<{ queueJobId: string | null }>(
      `UPDATE "Job" SET status = $2, error = $3, "finishedAt" = now(), input = input - 'token'
       WHERE id = $1 AND status IN ('queued', 'running') AND ($4::uuid IS NULL OR "projectId" = $4::uuid)
       RETURNING "queueJobId"`,
      [jobId, status, error, projectId ?? null],
    );
    return rows[0];
  }

  async function isUnderWay(jobId: string, client: pg.PoolClient | pg.Pool = database.pool, lock = false) {
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM "Job" WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [jobId]);
    return rows[0]?.status === 'running' || rows[0]?.status === 'queued';
  }

  /** Aborts the slice's signal once the job is no longer under way (cancelled from any process). */
  function watchForCancel(jobId: string, controller: AbortController) {
    const timer = setInterval(() => {
      isUnderWay(jobId)
        .then((underWay) => underWay || controller.abort())
        .catch(() => {});
    }, options.cancelCheckEveryMs ?? 1000);
    return () => clearInterval(timer);
  }

  async function runSlice(queueJob: PgBoss.JobWithMetadata<{ jobId: string }>): Promise<void> {
    const { jobId } = queueJob.data;
    // A dedicated connection holds the lock for the whole slice and releases it if we die.
    const lockClient = await database.pool.connect();
    try {
      const { rows } = await lockClient.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey(jobId)]);
      // Another worker has it (an expired slice still running): that worker continues the job.
      if (!rows[0]!.locked) return;
      try {
        const job = (
          await database.pool.query<{ kind: string; status: string; projectId: string | null; input: unknown; progress: unknown }>(
            `UPDATE "Job" SET status = 'running', "startedAt" = coalesce("startedAt", now()), "queueJobId" = $2, attempts = attempts + 1
             WHERE id = $1 AND status IN ('queued', 'running') RETURNING kind, status, "projectId", input, progress`,
            [jobId, queueJob.id],
          )
        ).rows[0];
        if (!job) return;
        const handler = handlers[job.kind];
        if (!handler) {
          await finish(jobId, 'failed', `No handler for jobs of kind "${job.kind}".`);
          return;
        }
        const controller = new AbortController();
        running.set(jobId, controller);
        const stopWatching = watchForCancel(jobId, controller);
        try {
          const outcome = await handler({
            jobId,
            projectId: job.projectId,
            input: job.input as never,
            progress: job.progress as never,
            signal: controller.signal,
            sliceEndsAt: Date.now() + (expiryOf(job.kind) * 1000) / 3,
            database,
          });
          if (outcome.status === 'done') await finish(jobId, 'succeeded', null);
          else
            await inTransaction(async (client, db) => {
              // Locked, so a cancel either comes first (and nothing is queued) or after.
              if (await isUnderWay(jobId, client, true)) await queue(jobId, job.kind, outcome.until, client, db);
            });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof PermanentJobError || queueJob.retryCount >= queueJob.retryLimit) {
            log('warn', `job ${jobId} failed: ${message}`);
            await finish(jobId, 'failed', message);
            return;
          }
          log('warn', `job ${jobId} will be retried: ${message}`);
          throw error;
        } finally {
          stopWatching();
          running.delete(jobId);
        }
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(jobId)]).catch(() => {});
      }
    } finally {
      lockClient.release();
    }
  }

  /**
   * Jobs whose pg-boss job is active but whose advisory lock is free lost their worker (killed
   * process): failing the pg-boss job makes pg-boss retry it now, from the stored progress.
   */
  async function recoverOrphans() {
    const instance = await started();
    const { rows } = await database.pool.query<{ id: string; queueJobId: string }>(
      `SELECT j.id, j."queueJobId" FROM "Job" j
       JOIN pgboss.job q ON q.id = j."queueJobId" AND q.name = $1
       WHERE j.status = 'running' AND q.state = 'active' AND q.started_on < now() - interval '5 seconds'`,
      [JOB_QUEUE],
    );
    for (const row of rows) {
      if (running.has(row.id)) continue;
      const client = await database.pool.connect();
      try {
        const free = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey(row.id)]))
          .rows[0]!.locked;
        if (!free) continue;
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(row.id)]);
        log('info', `job ${row.id} lost its worker; handing it on`);
        await instance.fail(JOB_QUEUE, row.queueJobId, { message: 'worker lost' });
      } finally {
        client.release();
      }
    }
  }

  return {
    async enqueue(kind, job) {
      if (!handlers[kind]) throw new Error(`Unknown job kind ${kind}`);
      return inTransaction(async (client, db) => {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "Job" (id, "projectId", kind, input, "createdById") VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`,
          [job.projectId, kind, JSON.stringify(job.input), job.createdById ?? null],
        );
        const jobId = rows[0]!.id;
        await queue(jobId, kind, undefined, client, db);
        return jobId;
      });
    },

    async cancel(projectId, jobId) {
      const cancelled = await finish(jobId, 'cancelled', null, projectId);
      if (!cancelled) return false;
      running.get(jobId)?.abort();
      // Its pg-boss job goes too: one waiting for a later start (a rate-limit reset) leaves the
      // queue now instead of waking up for nothing; a running one's worker sees the status and stops.
      if (cancelled.queueJobId) {
        const instance = await started();
        await instance.cancel(JOB_QUEUE, cancelled.queueJobId).catch(() => {});
      }
      return true;
    },

    async work() {
      const instance = await started();
      await instance.work<{ jobId: string }>(
        JOB_QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1, includeMetadata: true },
        async ([queueJob]) => {
          if (queueJob && !stopped) await runSlice(queueJob);
        },
      );
      const recover = () =>
        void recoverOrphans()
          .catch((error: Error) => log('warn', `job recovery: ${error.message}`))
          .finally(() => {
            if (!stopped) recoverTimer = setTimeout(recover, options.recoverEveryMs ?? 10_000);
          });
      recover();
    },

    async stop() {
      stopped = true;
      clearTimeout(recoverTimer);
      for (const controller of running.values()) controller.abort();
      if (starting) await (await starting).stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
