// Export job benchmark: the same 1,000,000-row tidy codings CSV as the export benchmark, run as a
// background job (written into ExportFile chunks in PostgreSQL) against the streamed download of
// the same file in the same run. Prints the job's rows/s (POST to succeeded), the ratio to the
// streamed download, the API process's peak RSS growth, and the stored file's download rate.
// Targets: at least 50% of the streamed rate, growth under 150 MB.
import http from 'node:http';
import type { ExportJob } from '@concord/contracts';
import { drain, get, rssBytes, sampleRss, seed } from './export.ts';
import { waitUntilHealthy } from './lib/process.ts';
import { startBenchStack } from './lib/bench-stack.ts';

function post(url: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.request(url, { method: 'POST', headers }, resolve).on('error', reject).end());
}

async function json<T>(response: http.IncomingMessage): Promise<T> {
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return JSON.parse(text) as T;
}

export async function exportJobBenchmark(port: number) {
  const { db, api, stop } = await startBenchStack('export-job', port);
  try {
    const seedStarted = performance.now();
    const study = await seed(db);
    const seedMs = performance.now() - seedStarted;
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    const exports = `http://127.0.0.1:${port}/api/projects/${study.projectId}/exports`;
    // The seeded session's CSRF token is `x`.
    const headers = { cookie: `${study.cookie}; concord_csrf=x`, 'x-csrf-token': 'x' };

    async function runJob(stageId: string) {
      const started = performance.now();
      const response = await post(`${exports}/codings-csv/jobs?stage=${stageId}`, headers);
      if (response.statusCode !== 202) throw new Error(`start: ${response.statusCode}`);
      let job = await json<ExportJob>(response);
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await json<ExportJob>(await get(`${exports}/jobs/${job.id}`, headers));
      }
      if (job.status !== 'succeeded') throw new Error(`export job ${job.status}: ${job.error}`);
      return { job, ms: performance.now() - started };
    }

    // Warm-up on the small stage through both paths, then the idle RSS the growth is measured from.
    await drain(await get(`${exports}/codings-csv?stage=${study.warmupStageId}`, headers));
    await runJob(study.warmupStageId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleRss = await rssBytes(api.process.pid!);

    const streamStarted = performance.now();
    const streamed = await drain(await get(`${exports}/codings-csv?stage=${study.stageId}`, headers));
    const streamMs = performance.now() - streamStarted;
    const streamRows = streamed.lines - 2;

    const stopSampling = sampleRss(api.process.pid!);
    const { job, ms: jobMs } = await runJob(study.stageId);
    const peakRss = await stopSampling();

    const downloadStarted = performance.now();
    const file = await get(`${exports}/jobs/${job.id}/file`, headers);
    if (file.statusCode !== 200) throw new Error(`file: ${file.statusCode}`);
    const stored = await drain(file);
    const downloadMs = performance.now() - downloadStarted;
    if (stored.lines !== streamed.lines) throw new Error(`the stored file has ${stored.lines} lines, the download ${streamed.lines}`);
    const { rows: chunks } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "ExportFileChunk" WHERE "jobId" = $1', [job.id]);

    return {
      seedMs,
      codingRows: study.codingRows,
      job: {
        rows: job.rows,
        total: job.total,
        ms: jobMs,
        bytes: job.bytes,
        chunks: chunks[0]!.n,
        rowsPerSecond: job.rows / (jobMs / 1000),
      },
      stream: { rows: streamRows, ms: streamMs, bytes: streamed.bytes, rowsPerSecond: streamRows / (streamMs / 1000) },
      download: { ms: downloadMs, bytes: stored.bytes },
      idleRss,
      peakRss,
      growthBytes: Math.max(0, peakRss - idleRss),
    };
  } finally {
    await stop();
  }
}
