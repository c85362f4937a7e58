// Export jobs through the real job runner on the real database: a job's stored file equals the
// streamed download (apart from the line stating when it was exported), progress counts the rows,
// a file is served only when complete and only to its starter and leads, a restarted job replaces
// what an earlier attempt stored, refusals match the download's, and a cancelled job never runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '@concord/contracts';
import { type JobRunner } from '../../jobs/job-runner.ts';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createTestJobRunner } from '../../../test/job-runners.ts';
import { createExportData, type ExportData } from '../../../test/export-data.ts';

// No worker until the test starts one: a job stays queued for as long as a test needs.
const ctx = await createTestContext();
let team: Team;
let second: TestUser;
let data: ExportData;
let runner: JobRunner | undefined;

beforeAll(async () => {
  team = await ctx.createTeam();
  second = await ctx.createUser('second coder');
  data = await createExportData(ctx.prisma, team, second);
});

afterAll(async () => {
  await runner?.stop();
});

async function startWorker() {
  runner ??= createTestJobRunner(ctx.database);
  await runner.work();
}

const base = () => `/api/projects/${team.projectId}/exports`;

async function startJob(user: TestUser, format: string, query = ''): Promise<ExportJob> {
  const response = await ctx.request(user, { method: 'POST', url: `${base()}/${format}/jobs${query}` });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<ExportJob>();
}

async function waitForJob(user: TestUser, jobId: string, timeoutMs = 30_000): Promise<ExportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await ctx.request(user, { method: 'GET', url: `${base()}/jobs/${jobId}` })).json<ExportJob>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`export job still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fileOf = (user: TestUser, jobId: string) => ctx.request(user, { method: 'GET', url: `${base()}/jobs/${jobId}/file` });

/** The file without its first line, the one stating when it was exported. */
const withoutFirstLine = (body: string) => body.slice(body.search(/\r?\n/) + 1);

describe('an export job', () => {
  it('is refused like the download: unknown format, lead-only formats, missing stage', async () => {
    const unknown = await ctx.request(team.lead, { method: 'POST', url: `${base()}/xlsx/jobs` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    expect(unknown.json().details.formats).toEqual(expect.arrayContaining(['codings-csv']));
    const leadOnly = await ctx.request(team.coder, { method: 'POST', url: `${base()}/wide-csv/jobs?stage=${data.relevance.stageId}` });
    expect(leadOnly.statusCode).toBe(403);
    const noStage = await ctx.request(team.lead, { method: 'POST', url: `${base()}/wide-csv/jobs` });
    expect(noStage.json()).toMatchObject({ statusCode: 400, code: 'STAGE_REQUIRED' });
  });

  it('is cancelled by its starter (not by another coder), has no file, and is never run', async () => {
    const job = await startJob(team.coder, 'codings-csv');
    const cancel = (user: TestUser) => ctx.request(user, { method: 'POST', url: `${base()}/jobs/${job.id}/cancel` });
    expect((await cancel(second)).statusCode).toBe(404);
    const cancelled = await cancel(team.coder);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<ExportJob>()).toMatchObject({ status: 'cancelled', downloadable: false });
    expect((await cancel(team.lead)).json()).toMatchObject({ statusCode: 409, code: 'EXPORT_ENDED', details: { status: 'cancelled' } });
    expect((await fileOf(team.coder, job.id)).json()).toMatchObject({ statusCode: 409, code: 'EXPORT_NOT_READY' });
    // A worker starting now leaves it alone (one of its own: the next test needs its job queued).
    const worker = createTestJobRunner(ctx.database);
    await worker.work();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await worker.stop();
    expect((await ctx.request(team.coder, { method: 'GET', url: `${base()}/jobs/${job.id}` })).json<ExportJob>().status).toBe('cancelled');
    expect(await ctx.prisma.exportFile.count({ where: { jobId: job.id } })).toBe(0);
  });

  it('gives 409 before it is done, then, restarted over an earlier attempt’s half file, stores exactly the download', async () => {
    const job = await startJob(team.lead, 'codings-csv');
    expect(job).toMatchObject({ status: 'queued', format: 'codings-csv', downloadable: false, filename: null });
    expect((await fileOf(team.lead, job.id)).json()).toMatchObject({ statusCode: 409, code: 'EXPORT_NOT_READY' });

    // What a worker that died part-way leaves: a file without `completedAt`, with a chunk of it.
    await ctx.prisma.exportFile.create({
      data: {
        jobId: job.id,
        filename: 'half.csv',
        mediaType: 'text/csv',
        chunks: { create: [{ position: 0, data: Buffer.from('half a file') }] },
      },
    });
    await ctx.prisma.job.update({ where: { id: job.id }, data: { status: 'running' } });
    expect((await fileOf(team.lead, job.id)).statusCode).toBe(409);

    await startWorker();
    const done = await waitForJob(team.lead, job.id);
    expect(done).toMatchObject({ status: 'succeeded', downloadable: true, phase: 'done', error: null });
    expect(done.filename).toMatch(/-all-stages-codings-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(done.total).toBe(data.expectedCodingRows);
    expect(done.rows).toBe(done.total);
    expect(new Date(done.expiresAt!).getTime() - new Date(done.finishedAt!).getTime()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const file = await fileOf(team.lead, job.id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${done.filename}"`);
    expect(Number(file.headers['content-length'])).toBe(done.bytes);
    expect(file.body).not.toContain('half a file');
    const streamed = await ctx.request(team.lead, { method: 'GET', url: `${base()}/codings-csv` });
    expect(file.body.split('\r\n')[0]).toMatch(/^# Concord .* exported \d{4}-/);
    expect(withoutFirstLine(file.body)).toBe(withoutFirstLine(streamed.body));
    expect(await ctx.prisma.exportFileChunk.count({ where: { jobId: job.id } })).toBe(1);
  });

  it("holds a coder's own codings only, like the coder's download", async () => {
    await startWorker();
    const job = await waitForJob(team.coder, (await startJob(team.coder, 'dataset-jsonl', `?stage=${data.relevance.stageId}`)).id);
    expect(job).toMatchObject({ status: 'succeeded', stage: { id: data.relevance.stageId, name: data.relevance.name } });
    const file = await fileOf(team.coder, job.id);
    const streamed = await ctx.request(team.coder, { method: 'GET', url: `${base()}/dataset-jsonl?stage=${data.relevance.stageId}` });
    expect(withoutFirstLine(file.body)).toBe(withoutFirstLine(streamed.body));
    const codings = file.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; coderId?: string })
      .filter((record) => record.type === 'coding');
    expect(codings.length).toBeGreaterThan(0);
    expect(codings.every((coding) => coding.coderId === team.coder.id)).toBe(true);
  });

  it("is the starter's and the leads': another coder gets 404 and does not see it listed", async () => {
    await startWorker();
    const job = await waitForJob(team.coder, (await startJob(team.coder, 'codings-csv')).id);
    expect((await ctx.request(second, { method: 'GET', url: `${base()}/jobs/${job.id}` })).statusCode).toBe(404);
    expect((await fileOf(second, job.id)).statusCode).toBe(404);
    const secondsList = (await ctx.request(second, { method: 'GET', url: `${base()}/jobs` })).json<{ jobs: ExportJob[] }>();
    expect(secondsList.jobs.map((listed) => listed.id)).not.toContain(job.id);
    const coderList = (await ctx.request(team.coder, { method: 'GET', url: `${base()}/jobs` })).json<{ jobs: ExportJob[] }>();
    expect(coderList.jobs.map((listed) => listed.id)).toContain(job.id);
    expect(coderList.jobs.every((listed) => listed.createdBy?.id === team.coder.id)).toBe(true);
    const leadList = (await ctx.request(team.lead, { method: 'GET', url: `${base()}/jobs` })).json<{ jobs: ExportJob[] }>();
    expect(leadList.jobs.map((listed) => listed.id)).toContain(job.id);
    for (const user of [team.lead, team.owner]) expect((await fileOf(user, job.id)).statusCode).toBe(200);
    const other = await ctx.createTeam();
    expect(
      (await ctx.request(other.owner, { method: 'GET', url: `/api/projects/${other.projectId}/exports/jobs/${job.id}` })).statusCode,
    ).toBe(404);
  });

  it('is no longer its starter’s once they are demoted to coder: the file holds everyone’s codings', async () => {
    await startWorker();
    const demoted = await ctx.createUser('demoted lead');
    await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: demoted.id, role: 'lead' } });
    const job = await waitForJob(demoted, (await startJob(demoted, 'codings-csv')).id);
    expect((await fileOf(demoted, job.id)).statusCode).toBe(200);
    const demotion = await ctx.request(team.owner, {
      method: 'PATCH',
      url: `/api/projects/${team.projectId}/members/${demoted.id}`,
      payload: { role: 'coder' },
    });
    expect(demotion.statusCode, demotion.body).toBe(200);
    expect((await fileOf(demoted, job.id)).statusCode).toBe(404);
    expect((await ctx.request(demoted, { method: 'GET', url: `${base()}/jobs/${job.id}` })).statusCode).toBe(404);
    const list = (await ctx.request(demoted, { method: 'GET', url: `${base()}/jobs` })).json<{ jobs: ExportJob[] }>();
    expect(list.jobs.map((listed) => listed.id)).not.toContain(job.id);
    // What they export as a coder now is theirs again.
    const own = await waitForJob(demoted, (await startJob(demoted, 'codings-csv')).id);
    expect((await fileOf(demoted, own.id)).statusCode).toBe(200);
    expect((await fileOf(team.lead, job.id)).statusCode).toBe(200);
  });

  it('fails with the reason a download would give, and has no file', async () => {
    await startWorker();
    // The download refuses this with 403 ROUND_OPEN once it reads the round, as the job does.
    const job = await startJob(team.coder, 'agreement-json', `?stage=${data.openOnly.stageId}`);
    const failed = await waitForJob(team.coder, job.id);
    expect(failed).toMatchObject({ status: 'failed', downloadable: false });
    const download = await ctx.request(team.coder, { method: 'GET', url: `${base()}/agreement-json?stage=${data.openOnly.stageId}` });
    expect(failed.error).toBe(download.json().message);
    expect((await fileOf(team.coder, job.id)).json()).toMatchObject({ statusCode: 409, code: 'EXPORT_NOT_READY' });
    expect(await ctx.prisma.exportFile.count({ where: { jobId: job.id } })).toBe(0);
  });

  it('answers 410 once the file has expired, and deletes expired files when the next export starts', async () => {
    await startWorker();
    const job = await waitForJob(team.lead, (await startJob(team.lead, 'final-labels-csv')).id);
    await ctx.prisma.exportFile.update({ where: { jobId: job.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await fileOf(team.lead, job.id)).json()).toMatchObject({ statusCode: 410, code: 'EXPORT_EXPIRED' });
    await startJob(team.lead, 'final-labels-csv');
    expect(await ctx.prisma.exportFile.count({ where: { jobId: job.id } })).toBe(0);
    expect(await ctx.prisma.exportFileChunk.count({ where: { jobId: job.id } })).toBe(0);
    expect((await fileOf(team.lead, job.id)).statusCode).toBe(410);
    expect((await ctx.request(team.lead, { method: 'GET', url: `${base()}/jobs/${job.id}` })).json()).toMatchObject({
      status: 'succeeded',
      downloadable: false,
    });
  });
});
