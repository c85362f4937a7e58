// Coding benchmark: 50 simulated coders each doing fetch-next (the coding screen's assignment
// read) + submit in a loop for 30 s against the real API and database, next to a bare Fastify
// route under the same 50 connections. Afterwards every acknowledged submission is looked up.
// Targets: p99 < 30 ms for fetch-next and submit, 0 errors, 0 lost.
import autocannon from 'autocannon';
import type pg from 'pg';
import { randomSecret, sha256 } from '../apps/api/src/lib/secrets.ts';
import { cpuBetween, cpuSnapshot } from './lib/cpu.ts';
import { connection, request } from './lib/http-client.ts';
import { startChild, waitUntilHealthy } from './lib/process.ts';
import { startBenchStack } from './lib/bench-stack.ts';

const CODERS = 50;
/** Enough that no coder runs out of assignments within the 30 s. */
const ISSUES = 2000;
const DURATION_MS = 30_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function seed(db: pg.Client) {
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
  const project = await one(`INSERT INTO "Project" (id, slug, name) VALUES (gen_random_uuid(), 'bench-coding', 'Bench') RETURNING id`);
  const stage = await one(
    `INSERT INTO "Stage" (id, "projectId", name, position, mode) VALUES (gen_random_uuid(), $1, 'Relevance', 0, 'single') RETURNING id`,
    [project.id],
  );
  const codebook = await one(`INSERT INTO "Codebook" (id, "stageId") VALUES (gen_random_uuid(), $1) RETURNING id`, [stage.id]);
  const codeIds: string[] = [];
  for (const [position, name] of ['Relevant', 'Not relevant'].entries()) {
    codeIds.push(
      (
        await one(`INSERT INTO "Code" (id, "codebookId", name, position) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [
          codebook.id,
          name,
          position,
        ])
      ).id,
    );
  }
  const repository = await one(
    `INSERT INTO "Repository" (id, "projectId", owner, name) VALUES (gen_random_uuid(), $1, 'bench', 'repo') RETURNING id`,
    [project.id],
  );
  const body = '## Steps\n\n```python\nmodel = load("x")\n```\n\n' + 'Some text about the problem. '.repeat(40);
  await db.query(
    `INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "createdAt", "updatedAt", url, labels, "contentHash")
     SELECT gen_random_uuid(), $1, $2, 'I_' || g, g, 'Issue ' || g, $3, 'OPEN', now(), now(), 'https://github.com/bench/repo/issues/' || g, '{bug}', 'x'
     FROM generate_series(1, ${ISSUES}) g`,
    [project.id, repository.id, body],
  );
  await db.query(
    `INSERT INTO "Comment" (id, "issueId", "githubNodeId", body, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), i.id, 'C_' || i.number || '_' || c, 'A comment with a stack trace:\n\n    at foo (bar.js:1:2)', now(), now()
     FROM "Issue" i CROSS JOIN generate_series(1, 3) c WHERE i."projectId" = $1`,
    [project.id],
  );
  const round = await one(
    `INSERT INTO "Round" (id, "stageId", number, name, status, "codebookVersion", overlap, "openedAt")
     VALUES (gen_random_uuid(), $1, 1, 'Round 1', 'open', 1, '{"overlap":{"mode":"all"},"stratifyByRepository":false}', now()) RETURNING id`,
    [stage.id],
  );
  const coders: { cookie: string; csrf: string; firstAssignment: string }[] = [];
  for (let c = 0; c < CODERS; c++) {
    const user = await one(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, $2, 'x') RETURNING id`, [
      `coder${c}@bench`,
      `Coder ${c}`,
    ]);
    await db.query(`INSERT INTO "Member" ("projectId", "userId", role) VALUES ($1, $2, 'coder')`, [project.id, user.id]);
    const token = randomSecret();
    const csrf = randomSecret();
    await db.query(
      `INSERT INTO "Session" (id, "tokenHash", "csrfToken", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, $3, now() + interval '1 day')`,
      [sha256(token), csrf, user.id],
    );
    await db.query(
      `INSERT INTO "Assignment" (id, "roundId", "issueId", "coderId", position) SELECT gen_random_uuid(), $1, id, $2, number - 1 FROM "Issue" WHERE "projectId" = $3`,
      [round.id, user.id, project.id],
    );
    const first = await one(`SELECT id FROM "Assignment" WHERE "roundId" = $1 AND "coderId" = $2 AND position = 0`, [round.id, user.id]);
    coders.push({ cookie: `concord_session=${token}`, csrf, firstAssignment: first.id });
  }
  // Statistics for what was seeded. The coding tables are left as a new database has them (never
  // analysed) rather than analysed while empty: that would tell the planner they stay empty, and
  // it would scan them in full on every request until autovacuum (once a minute) analysed them.
  await db.query(
    'ANALYZE "Project", "Stage", "Codebook", "Code", "Repository", "Issue", "Comment", "Round", "User", "Member", "Session", "Assignment"',
  );
  return { projectId: project.id as string, roundId: round.id as string, codeIds, coders };
}

/** PostgreSQL's WAL counters: flushes to disk (each commit waits for one), their time, bytes written. */
async function walStatistics(db: pg.Client) {
  const { rows } = await db.query<{ flushes: number; flushMs: number; bytes: number }>(
    `SELECT wal_sync::float8 AS flushes, wal_sync_time::float8 AS "flushMs", wal_bytes::float8 AS bytes FROM pg_stat_wal`,
  );
  return rows[0]!;
}

export async function codingBenchmark(port: number) {
  const { dataDir, db, api, stop } = await startBenchStack('coding', port, { track_wal_io_timing: 'on' });
  const bare = startChild('npx', ['tsx', 'bench/fixtures/bare-server.ts']);
  try {
    const study = await seed(db);
    const bareUrl = `${(await bare.waitForLine(/^listening /)).split(' ')[1]}/bare`;
    const base = `http://127.0.0.1:${port}/api/projects/${study.projectId}`;
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    const bareResult = await autocannon({ url: bareUrl, connections: CODERS, duration: 10 });

    const fetchTimes: number[] = [];
    const submitTimes: number[] = [];
    const acknowledged = new Set<string>();
    let errors = 0;
    const cpuBefore = cpuSnapshot(api.process.pid!, dataDir);
    const walBefore = await walStatistics(db);
    const startedAt = performance.now();
    const deadline = startedAt + DURATION_MS;
    await Promise.all(
      study.coders.map(async (coder, c) => {
        const agent = connection();
        let assignmentId: string | null = coder.firstAssignment;
        while (assignmentId && performance.now() < deadline) {
          let started = performance.now();
          const detailResponse = await request(agent, 'GET', `${base}/assignments/${assignmentId}`, { cookie: coder.cookie });
          fetchTimes.push(performance.now() - started);
          if (detailResponse.status !== 200) {
            errors++;
            break;
          }
          const detail = JSON.parse(detailResponse.body) as { coding: { version: number } | null; nextAssignmentId: string | null };
          started = performance.now();
          const saved = await request(
            agent,
            'PUT',
            `${base}/assignments/${assignmentId}/coding`,
            { cookie: coder.cookie, 'x-csrf-token': coder.csrf, 'content-type': 'application/json' },
            JSON.stringify({
              baseVersion: detail.coding?.version ?? 0,
              status: 'submitted',
              codeIds: [study.codeIds[(c + fetchTimes.length) % 2]],
              memo: '',
              flagged: false,
              cannotDecide: false,
              activeSecondsDelta: 30,
            }),
          );
          submitTimes.push(performance.now() - started);
          if (saved.status === 200) acknowledged.add((JSON.parse(saved.body) as { id: string }).id);
          else errors++;
          assignmentId = detail.nextAssignmentId;
        }
        agent.destroy();
      }),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(api.process.pid!, dataDir));
    const walAfter = await walStatistics(db);
    const stored = await db.query(`SELECT id FROM "Coding" WHERE status = 'submitted' AND id = ANY($1::uuid[])`, [[...acknowledged]]);
    return {
      submissionsPerSecond: submitTimes.length / seconds,
      requestsPerSecond: (submitTimes.length + fetchTimes.length) / seconds,
      bareRequestsPerSecond: bareResult.requests.average,
      fetch: { p50: percentile(fetchTimes, 50), p99: percentile(fetchTimes, 99) },
      submit: { p50: percentile(submitTimes, 50), p99: percentile(submitTimes, 99) },
      errors,
      acknowledged: acknowledged.size,
      lost: acknowledged.size - stored.rowCount!,
      wal: {
        flushes: walAfter.flushes - walBefore.flushes,
        flushMs: walAfter.flushMs - walBefore.flushMs,
        bytes: walAfter.bytes - walBefore.bytes,
      },
      cpuSeconds: { api: cpu.group, postgres: cpu.postgres, loadGenerator: cpu.self, wall: seconds },
    };
  } finally {
    await Promise.all([stop(), bare.stop()]);
  }
}
