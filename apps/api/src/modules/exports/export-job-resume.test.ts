// An export job whose worker is killed (SIGKILL) part-way through writing its file: another worker
// takes the job over, starts it again from scratch, and the one file it stores is complete and
// equals the streamed download (apart from the line stating when it was exported).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExportJob } from '@concord/contracts';
import { insertBulkCodings } from '../../../test/bulk-codings.ts';
import { createTestContext } from '../../../test/test-context.ts';
import { createTestJobRunner } from '../../../test/job-runners.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
// No worker in this process until the "restart"; failed attempts are retried after a second.
const ctx = await createTestContext({ jobOptions: { retryDelaySeconds: 1 } });
const withoutFirstLine = (body: string) => body.slice(body.indexOf('\n') + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an export job whose worker dies', () => {
  it('is started again from scratch by another worker and stores one complete file', { timeout: 120_000 }, async () => {
    const team = await ctx.createTeam();
    const client = await ctx.database.pool.connect();
    // 10,000 issues x 2 coders x 5 codes = 100,000 rows, about 40 MB: dozens of chunks.
    const { stageId, codingRows } = await insertBulkCodings(client, {
      projectId: team.projectId,
      coderIds: [team.coder.id, team.lead.id],
      issues: 10_000,
      codes: 20,
      codesPerCoding: 5,
    }).finally(() => client.release());
    const base = `/api/projects/${team.projectId}/exports`;
    const started = await ctx.request(team.lead, { method: 'POST', url: `${base}/codings-csv/jobs?stage=${stageId}` });
    const jobId = started.json<ExportJob>().id;

    // Node itself, not npx: the kill must reach the process doing the work.
    const worker = spawn(process.execPath, ['--import', 'tsx', 'apps/api/test/job-worker.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: ctx.database.url },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    let chunksAtKill = 0;
    for (let i = 0; i < 3000 && chunksAtKill === 0; i++) {
      chunksAtKill = await ctx.prisma.exportFileChunk.count({ where: { jobId } });
      if (chunksAtKill === 0) await sleep(20);
    }
    worker.kill('SIGKILL');
    await exited;
    expect(chunksAtKill).toBeGreaterThan(0);
    const atKill = await ctx.prisma.job.findUniqueOrThrow({ where: { id: jobId }, include: { exportFile: true } });
    expect(atKill.status).toBe('running');
    expect(atKill.exportFile?.completedAt ?? null).toBeNull();
    // Half a file is never served.
    expect((await ctx.request(team.lead, { method: 'GET', url: `${base}/jobs/${jobId}/file` })).statusCode).toBe(409);

    const runner = createTestJobRunner(ctx.database);
    await runner.work();
    let job: ExportJob;
    try {
      for (let i = 0; ; i++) {
        job = (await ctx.request(team.lead, { method: 'GET', url: `${base}/jobs/${jobId}` })).json<ExportJob>();
        if (job.status === 'succeeded' || job.status === 'failed' || i > 900) break;
        await sleep(100);
      }
    } finally {
      await runner.stop();
    }
    expect(job).toMatchObject({ status: 'succeeded', rows: codingRows, total: codingRows });
    const attempts = (await ctx.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).attempts;
    expect(attempts).toBeGreaterThanOrEqual(2);
    const chunks = await ctx.prisma.exportFileChunk.findMany({
      where: { jobId },
      select: { position: true },
      orderBy: { position: 'asc' },
    });
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, index) => index));

    const file = await ctx.request(team.lead, { method: 'GET', url: `${base}/jobs/${jobId}/file` });
    const streamed = await ctx.request(team.lead, { method: 'GET', url: `${base}/codings-csv?stage=${stageId}` });
    expect(file.body.length).toBe(job.bytes);
    expect(withoutFirstLine(file.body) === withoutFirstLine(streamed.body)).toBe(true);
  });
});
