// Export benchmark: 1,000,000 coding rows (100,000 issues x 2 coders x 5 codes) as the tidy codings
// CSV through the API, against PostgreSQL's own COPY (same query) TO STDOUT in the same run.
// Prints rows/s, the ratio to COPY, and the API process's peak RSS growth over its idle RSS
// (sampled from /proc every 20 ms). Targets: at least 50% of COPY's rate, growth under 150 MB.
// Also times the CSV escaping of apps/api/src/modules/exports/csv.ts against csv-stringify.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { stringify } from 'csv-stringify/sync';
import { insertBulkCodings } from '../apps/api/test/bulk-codings.ts';
import { randomSecret, sha256 } from '../apps/api/src/lib/secrets.ts';
import { csvField } from '../apps/api/src/modules/exports/csv.ts';
import type { ExportContext } from '../apps/api/src/modules/exports/export-scope.ts';
import { codingsCsvQuery } from '../apps/api/src/modules/exports/writers/codings-csv.ts';
import { waitUntilHealthy } from './lib/process.ts';
import { startBenchStack } from './lib/bench-stack.ts';

const ISSUES = 100_000;
const CODERS = 2;
const CODES_PER_CODING = 5;

export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Samples a process's RSS until stopped; returns the peak. */
export function sampleRss(pid: number) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssBytes(pid).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

export async function seed(db: pg.Client) {
  const one = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows[0] as { id: string };
  const project = await one(
    `INSERT INTO "Project" (id, slug, name) VALUES (gen_random_uuid(), 'bench-export', 'Export bench') RETURNING id`,
  );
  const users: string[] = [];
  for (const [name, role] of [
    ['Lead', 'lead'],
    ['Coder A', 'coder'],
    ['Coder B', 'coder'],
  ] as const) {
    const user = await one(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, $2, 'x') RETURNING id`, [
      `${name.replace(' ', '')}@bench`,
      name,
    ]);
    await db.query(`INSERT INTO "Member" ("projectId", "userId", role) VALUES ($1, $2, $3)`, [project.id, user.id, role]);
    users.push(user.id);
  }
  const { stageId, codingRows } = await insertBulkCodings(db, {
    projectId: project.id,
    coderIds: users.slice(1, 1 + CODERS),
    issues: ISSUES,
    codes: 40,
    codesPerCoding: CODES_PER_CODING,
  });
  // A small stage of its own, to warm the server up on the same code path.
  const warmup = await insertBulkCodings(db, {
    projectId: project.id,
    coderIds: users.slice(1, 1 + CODERS),
    issues: 2_000,
    codes: 40,
    codesPerCoding: 1,
  });
  const token = randomSecret();
  await db.query(
    `INSERT INTO "Session" (id, "tokenHash", "csrfToken", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, 'x', $2, now() + interval '1 day')`,
    [sha256(token), users[0]],
  );
  return { projectId: project.id, stageId, warmupStageId: warmup.stageId, codingRows, cookie: `concord_session=${token}` };
}

/** GET with node:http, lighter than fetch on the benchmark's own share of the two cores. */
export function get(url: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(url, { headers }, resolve).on('error', reject));
}

/** Reads a stream to its end; returns the bytes and line breaks seen. */
export async function drain(chunks: AsyncIterable<Uint8Array>) {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
  }
  return { bytes, lines };
}

/** The writer's escaping against csv-stringify on rows shaped like the codings CSV's. */
function escapingComparison() {
  const rows = Array.from({ length: 200_000 }, (_, i) => [
    crypto.randomUUID(),
    'Challenges',
    String(1 + (i % 3)),
    'Calibration round 1',
    '3',
    crypto.randomUUID(),
    'huggingface/transformers',
    String(i),
    `https://github.com/huggingface/transformers/issues/${i}`,
    crypto.randomUUID(),
    'Chloe Coder',
    crypto.randomUUID(),
    'Model Usage / Fine-tuning',
    crypto.randomUUID(),
    '1',
    '1',
    'false',
    'false',
    '42',
    '2026-11-27T10:51:25.123Z',
    '2026-11-27T10:51:25.123Z',
    '2026-11-27T10:51:25.123Z',
    i % 10 === 0 ? 'A memo, with "quotes"\nand a #hash' : '',
  ]);
  const time = (write: () => string) => {
    write();
    const started = performance.now();
    write();
    return performance.now() - started;
  };
  const ours = time(() => rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join(''));
  const library = time(() => stringify(rows, { record_delimiter: '\r\n', quoted_match: /#/ }));
  return { rows: rows.length, oursMs: ours, libraryMs: library };
}

export async function exportBenchmark(port: number) {
  const { db, api, stop } = await startBenchStack('export', port);
  try {
    const seedStarted = performance.now();
    const study = await seed(db);
    const seedMs = performance.now() - seedStarted;
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    const url = `http://127.0.0.1:${port}/api/projects/${study.projectId}/exports/codings-csv?stage=${study.stageId}`;
    const headers = { cookie: study.cookie };

    // Warm-up on a small export (JIT, session cache), then the idle RSS the growth is measured from.
    const warm = await get(
      `http://127.0.0.1:${port}/api/projects/${study.projectId}/exports/codings-csv?stage=${study.warmupStageId}`,
      headers,
    );
    await drain(warm);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleRss = await rssBytes(api.process.pid!);

    const stopSampling = sampleRss(api.process.pid!);
    const apiStarted = performance.now();
    const response = await get(url, headers);
    if (response.statusCode !== 200) throw new Error(`export: ${response.statusCode}`);
    const apiResult = await drain(response);
    const apiMs = performance.now() - apiStarted;
    const peakRss = await stopSampling();
    const apiRows = apiResult.lines - 2; // the comment line and the column names

    // PostgreSQL's own CSV of the same query, its parameters inlined (COPY takes none).
    const context = { stages: [{ id: study.stageId }], round: null, ownCodingsOf: null } as unknown as ExportContext;
    const query = codingsCsvQuery(context);
    const copySql = `COPY (${query.text.replace('$1::uuid[]', `'{${study.stageId}}'::uuid[]`)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const copyStarted = performance.now();
    const copyResult = await drain(db.query(copyTo(copySql)));
    const copyMs = performance.now() - copyStarted;
    const copyRows = copyResult.lines - 1;

    return {
      seedMs,
      codingRows: study.codingRows,
      api: { rows: apiRows, ms: apiMs, bytes: apiResult.bytes, rowsPerSecond: apiRows / (apiMs / 1000) },
      copy: { rows: copyRows, ms: copyMs, bytes: copyResult.bytes, rowsPerSecond: copyRows / (copyMs / 1000) },
      idleRss,
      peakRss,
      growthBytes: Math.max(0, peakRss - idleRss),
      escaping: escapingComparison(),
    };
  } finally {
    await stop();
  }
}
