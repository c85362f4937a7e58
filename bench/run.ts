// `npm run bench [-- <section> ...]`: runs every benchmark (or the named sections) and prints its
// figures next to the target and the baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { agreementBenchmark } from './agreement.ts';
import { apiLoadBenchmark } from './api-load.ts';
import { codingBenchmark } from './coding.ts';
import { codingScreenBenchmark } from './coding-screen.ts';
import { coldStartBenchmark } from './cold-start.ts';
import { exportBenchmark } from './export.ts';
import { exportJobBenchmark } from './export-job.ts';
import { reviewBenchmark } from './review.ts';
import { importBenchmark } from './import.ts';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-'));
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

/** Each section prints its own heading and figures; ports are distinct so sections never collide. */
const sections: Record<string, () => Promise<void>> = {
  start: async () => {
    console.log('\n== Start-up (npm start until /api/health answers) ==');
    const start = await coldStartBenchmark(path.join(scratch, 'start'), 3301);
    console.log(`cold (empty data dir): ${(start.coldMs / 1000).toFixed(2)} s  target < 15 s  ${verdict(start.coldMs < 15_000)}`);
    console.log(`warm (existing data):  ${(start.warmMs / 1000).toFixed(2)} s  target < 5 s   ${verdict(start.warmMs < 5_000)}`);
  },
  load: async () => {
    console.log('\n== Authenticated GET /api/projects/:id vs bare Fastify route (50 connections, 10 s each) ==');
    const { bare, api, ratio } = await apiLoadBenchmark(path.join(scratch, 'load'), 3302);
    const row = (name: string, r: typeof api) =>
      `${name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   non-2xx ${r.non2xx}`;
    console.log(row('bare Fastify route', bare));
    console.log(row('authenticated project GET', api));
    console.log(`ratio: ${(ratio * 100).toFixed(1)}% of the bare route  target >= 35%  ${verdict(ratio >= 0.35)}`);
    console.log(`p99: ${api.p99} ms  target < 25 ms  ${verdict(api.p99 < 25)}`);
  },
  agreement: async () => {
    console.log('\n== Agreement report: 50,000 issues x 3 coders x 40 codes, multi-label (median of 5) ==');
    const agreement = await agreementBenchmark(3303);
    console.log(
      `data: ${agreement.codingCount} codings, ${agreement.codeCount} codes, ${agreement.issues} issues compared (seeded in ${(agreement.seedMs / 1000).toFixed(1)} s)`,
    );
    console.log(`full report through the API: ${agreement.apiMs.toFixed(0)} ms  target < 1000 ms  ${verdict(agreement.apiMs < 1000)}`);
    console.log(
      `statistics (report builder, in process): ${agreement.statisticsMs.toFixed(0)} ms = ${((agreement.statisticsMs / agreement.apiMs) * 100).toFixed(0)}% of the API time  target < 200 ms  ${verdict(agreement.statisticsMs < 200)}`,
    );
    console.log(
      `I/O floor (plain query reading the codings): ${agreement.floorMs.toFixed(0)} ms; API / floor = ${(agreement.apiMs / agreement.floorMs).toFixed(1)}x`,
    );
  },
  coding: async () => {
    console.log('\n== Coding: 50 simulated coders, fetch-next + submit in a loop for 30 s ==');
    const coding = await codingBenchmark(3304);
    const codingVerdict = coding.fetch.p99 < 30 && coding.submit.p99 < 30 && coding.errors === 0 && coding.lost === 0;
    console.log(
      `${coding.submissionsPerSecond.toFixed(0)} submissions/s, ${coding.requestsPerSecond.toFixed(0)} requests/s = ${((coding.requestsPerSecond / coding.bareRequestsPerSecond) * 100).toFixed(1)}% of the bare route's ${coding.bareRequestsPerSecond.toFixed(0)} req/s`,
    );
    console.log(
      `fetch-next p50 ${coding.fetch.p50.toFixed(1)} ms, p99 ${coding.fetch.p99.toFixed(1)} ms; submit p50 ${coding.submit.p50.toFixed(1)} ms, p99 ${coding.submit.p99.toFixed(1)} ms  target p99 < 30 ms`,
    );
    console.log(
      `errors ${coding.errors}; acknowledged ${coding.acknowledged}, missing from the database ${coding.lost}  target 0 / 0  ${verdict(codingVerdict)}`,
    );
    const { api, postgres, loadGenerator, wall } = coding.cpuSeconds;
    const { flushes, flushMs, bytes } = coding.wal;
    console.log(
      `WAL: ${(flushes / wall).toFixed(0)} flushes/s, mean flush ${(flushMs / flushes).toFixed(2)} ms, ${(coding.acknowledged / flushes).toFixed(1)} submissions per flush, ${(bytes / coding.acknowledged / 1024).toFixed(1)} KiB of WAL per submission`,
    );
    console.log(
      `CPU over ${wall.toFixed(1)} s on ${os.availableParallelism()} cores: API ${api.toFixed(1)} s, PostgreSQL ${postgres.toFixed(1)} s, load generator ${loadGenerator.toFixed(1)} s`,
    );
  },
  'coding-screen': async () => {
    console.log('\n== Coding screen in Chromium: Enter (submit) to the next issue painted, 50 issues ==');
    const { submit, idleKey } = await codingScreenBenchmark(3305);
    console.log(
      `p50 ${submit.p50.toFixed(0)} ms, p95 ${submit.p95.toFixed(0)} ms over ${submit.samples} issues  target p95 < 100 ms  ${verdict(submit.p95 < 100)}`,
    );
    console.log(
      `baseline, a key that does nothing to its next frame: p50 ${idleKey.p50.toFixed(0)} ms, p95 ${idleKey.p95.toFixed(0)} ms; ` +
        `submit p95 = ${(submit.p95 / idleKey.p95).toFixed(1)}× the baseline`,
    );
  },
  import: async () => {
    console.log('\n== Import: 20,000 issues + 100,000 comments from the fake GitHub, vs a raw multi-row INSERT of the same rows ==');
    const result = await importBenchmark(3311);
    const ratio = result.importPerSecond / result.rawPerSecond;
    const pointsPer100 = result.points / (result.issues / 100);
    console.log(`stored: ${result.issues} issues, ${result.comments} comments`);
    console.log(
      `import (GraphQL pages, retries, upserts, content hashes, search vectors): ${(result.importMs / 1000).toFixed(1)} s = ${result.importPerSecond.toFixed(0)} issues/s`,
    );
    console.log(
      `raw multi-row INSERT of the same rows: ${(result.rawMs / 1000).toFixed(1)} s = ${result.rawPerSecond.toFixed(0)} issues/s`,
    );
    console.log(`ratio: ${(ratio * 100).toFixed(1)}% of the raw rate  target >= 25%  ${verdict(ratio >= 0.25)}`);
    console.log(`GraphQL points: ${result.points} = ${pointsPer100.toFixed(2)} per 100 issues  target <= 2  ${verdict(pointsPer100 <= 2)}`);
    console.log(
      '  per page of 100 issues: issues(first: 100) 1 request + comments(first: 100) under 100 issues 100 + labels(first: 100) under 100 issues 100 = 201 / 100 = 2 points; reactions { totalCount } (no first/last) 0',
    );
  },
  export: async () => {
    console.log('\n== Export: 1,000,000 coding rows as the tidy codings CSV through the API vs COPY (same query) TO STDOUT ==');
    const result = await exportBenchmark(3318);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const ratio = result.api.rowsPerSecond / result.copy.rowsPerSecond;
    console.log(`data: ${result.codingRows.toLocaleString('en')} coding rows (seeded in ${(result.seedMs / 1000).toFixed(1)} s)`);
    console.log(
      `API:  ${result.api.rows.toLocaleString('en')} rows, ${mb(result.api.bytes)} in ${(result.api.ms / 1000).toFixed(2)} s = ${result.api.rowsPerSecond.toFixed(0)} rows/s`,
    );
    console.log(
      `COPY: ${result.copy.rows.toLocaleString('en')} rows, ${mb(result.copy.bytes)} in ${(result.copy.ms / 1000).toFixed(2)} s = ${result.copy.rowsPerSecond.toFixed(0)} rows/s`,
    );
    console.log(`ratio: ${(ratio * 100).toFixed(1)}% of COPY's rate  target >= 50%  ${verdict(ratio >= 0.5)}`);
    console.log(
      `API process memory: idle ${mb(result.idleRss)}, peak ${mb(result.peakRss)}, growth ${mb(result.growthBytes)}  target < 150 MB  ${verdict(result.growthBytes < 150 * 1024 * 1024)}`,
    );
    const { escaping } = result;
    console.log(
      `CSV escaping of ${escaping.rows.toLocaleString('en')} rows: ours ${escaping.oursMs.toFixed(0)} ms, csv-stringify ${escaping.libraryMs.toFixed(0)} ms (${(escaping.libraryMs / escaping.oursMs).toFixed(1)}x)`,
    );
  },
  review: async () => {
    console.log('\n== Review: queue and analytics of a closed round, 10,000 issues x 3 coders, multi-label (median of 7) ==');
    const review = await reviewBenchmark(3326);
    const { pending, decided, agreed } = review.counts;
    console.log(
      `data: ${review.issues} issues, ${agreed} finalised automatically on closing (${review.finaliseMs.toFixed(0)} ms), ${decided} decided, ${pending} to review; ${review.labels} final labels`,
    );
    console.log(`review queue (first page of 100): ${review.queueMs.toFixed(0)} ms  target < 200 ms  ${verdict(review.queueMs < 200)}`);
    console.log(`disagreement analytics: ${review.analyticsMs.toFixed(0)} ms  target < 200 ms  ${verdict(review.analyticsMs < 200)}`);
    console.log(
      `floor (plain query reading the round's assignments and codes): ${review.floorMs.toFixed(0)} ms; queue / floor = ${(review.queueMs / review.floorMs).toFixed(1)}x, analytics / floor = ${(review.analyticsMs / review.floorMs).toFixed(1)}x`,
    );
  },
  'export-job': async () => {
    console.log('\n== Export job: 1,000,000 coding rows as the tidy codings CSV stored in PostgreSQL vs the streamed download ==');
    const result = await exportJobBenchmark(3341);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const ratio = result.job.rowsPerSecond / result.stream.rowsPerSecond;
    console.log(`data: ${result.codingRows.toLocaleString('en')} coding rows (seeded in ${(result.seedMs / 1000).toFixed(1)} s)`);
    console.log(
      `job (POST to succeeded, ${result.job.chunks} chunks): ${result.job.rows.toLocaleString('en')} of ${result.job.total?.toLocaleString('en')} rows, ${mb(result.job.bytes)} in ${(result.job.ms / 1000).toFixed(2)} s = ${result.job.rowsPerSecond.toFixed(0)} rows/s`,
    );
    console.log(
      `streamed download: ${result.stream.rows.toLocaleString('en')} rows, ${mb(result.stream.bytes)} in ${(result.stream.ms / 1000).toFixed(2)} s = ${result.stream.rowsPerSecond.toFixed(0)} rows/s`,
    );
    console.log(`ratio: ${(ratio * 100).toFixed(1)}% of the streamed rate  target >= 50%  ${verdict(ratio >= 0.5)}`);
    console.log(
      `API process memory: idle ${mb(result.idleRss)}, peak ${mb(result.peakRss)}, growth ${mb(result.growthBytes)}  target < 150 MB  ${verdict(result.growthBytes < 150 * 1024 * 1024)}`,
    );
    console.log(
      `stored file download: ${mb(result.download.bytes)} in ${(result.download.ms / 1000).toFixed(2)} s = ${mb(result.download.bytes / (result.download.ms / 1000))}/s`,
    );
  },
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown benchmark section(s): ${unknown.join(', ')}. Sections: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
execFileSync('npx', ['tsx', 'scripts/build-web-if-stale.ts'], { stdio: 'inherit' });
for (const name of requested.length > 0 ? requested : Object.keys(sections)) await sections[name]!();
process.exit(0);
