// Cancelling jobs on the real runner and pg-boss: a cancel made through one runner (another API
// process) stops a slice running in another, a job waiting for a later start leaves the queue, and
// a cancelled job is never finished, re-queued or run again.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, createTestDatabase } from '@concord/db';
import { createJobRunner, JOB_QUEUE, type JobContext, type JobHandler } from './job-runner.ts';

const testDatabase = await createTestDatabase(inject('databaseServerUrl'));
const database = connectDatabase(testDatabase.url, 4);
const project = await database.prisma.project.create({ data: { name: 'Jobs', slug: 'jobs' } });
const otherProject = await database.prisma.project.create({ data: { name: 'Other', slug: 'other' } });

type Steps = { steps?: number };
/** Slices each handler ran, by job. */
const slices = new Map<string, number>();
const countSlice = (jobId: string) => slices.set(jobId, (slices.get(jobId) ?? 0) + 1);

const handlers: Record<string, JobHandler> = {
  // Counts steps, storing each one, until the job is stopped.
  endless: (async ({ jobId, signal, progress, database: db }: JobContext<unknown, Steps>) => {
    countSlice(jobId);
    let steps = progress.steps ?? 0;
    while (!signal.aborted) {
      steps += 1;
      await db.pool.query('UPDATE "Job" SET progress = $2 WHERE id = $1', [jobId, JSON.stringify({ steps })]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { status: 'wait', until: new Date() };
  }) as JobHandler,
  // Waits an hour after its first slice, like an import waiting for GitHub's rate-limit reset.
  patient: (async ({ jobId }: JobContext) => {
    countSlice(jobId);
    return { status: 'wait', until: new Date(Date.now() + 3_600_000) };
  }) as JobHandler,
};

const runnerOptions = { database, handlers, log: () => {}, pollingIntervalSeconds: 0.5, recoverEveryMs: 500, cancelCheckEveryMs: 100 };
const worker = createJobRunner(runnerOptions);
// Another API process: it enqueues and cancels, and runs nothing.
const otherProcess = createJobRunner(runnerOptions);
await worker.work();

afterAll(async () => {
  await worker.stop();
  await otherProcess.stop();
  await database.close();
  await testDatabase.drop();
});

async function jobRow(jobId: string) {
  return database.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
}

async function waitFor(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const stepsOf = async (jobId: string) => ((await jobRow(jobId)).progress as Steps).steps ?? 0;

describe('cancelling a job', () => {
  it('stops a running slice from another process, keeps what it stored, and never runs it again', async () => {
    const jobId = await otherProcess.enqueue('endless', { projectId: project.id, input: { token: 'sealed' } });
    await waitFor(async () => (await stepsOf(jobId)) >= 3, 'the job to run');

    expect(await otherProcess.cancel(project.id, jobId)).toBe(true);
    const cancelled = await jobRow(jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.finishedAt).not.toBeNull();
    // A pasted token is dropped with the job, as when it ends by itself.
    expect(cancelled.input).toEqual({});

    // The worker notices within its check interval and stops storing steps.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stepsAfterStop = await stepsOf(jobId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stepsOf(jobId)).toBe(stepsAfterStop);
    expect(stepsAfterStop).toBeGreaterThanOrEqual(3);
    // Its `wait` did not put it back in the queue.
    expect(slices.get(jobId)).toBe(1);
    expect((await jobRow(jobId)).status).toBe('cancelled');
  });

  it('takes a job waiting for a later start out of the queue', async () => {
    const jobId = await otherProcess.enqueue('patient', { projectId: project.id, input: {} });
    await waitFor(async () => slices.get(jobId) === 1 && (await jobRow(jobId)).queueJobId !== null, 'the first slice');
    await waitFor(async () => {
      const { queueJobId } = await jobRow(jobId);
      const { rows } = await database.pool.query('SELECT state FROM pgboss.job WHERE id = $1 AND name = $2', [queueJobId, JOB_QUEUE]);
      return rows[0]?.state === 'created';
    }, 'the job to wait in the queue');

    expect(await otherProcess.cancel(project.id, jobId)).toBe(true);
    const { queueJobId, status } = await jobRow(jobId);
    expect(status).toBe('cancelled');
    const { rows } = await database.pool.query('SELECT state FROM pgboss.job WHERE id = $1 AND name = $2', [queueJobId, JOB_QUEUE]);
    expect(rows[0]?.state).toBe('cancelled');
  });

  it('leaves ended jobs and other projects’ jobs alone', async () => {
    const jobId = await otherProcess.enqueue('endless', { projectId: project.id, input: {} });
    await waitFor(async () => (await stepsOf(jobId)) >= 1, 'the job to run');
    // Another project's id cannot cancel it.
    expect(await otherProcess.cancel(otherProject.id, jobId)).toBe(false);
    expect((await jobRow(jobId)).status).toBe('running');

    expect(await worker.cancel(project.id, jobId)).toBe(true);
    // A second cancel finds it ended.
    expect(await worker.cancel(project.id, jobId)).toBe(false);
    const finishedAt = (await jobRow(jobId)).finishedAt;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await jobRow(jobId)).finishedAt).toEqual(finishedAt);
  });
});
