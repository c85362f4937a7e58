// Review benchmark: the agreement benchmark's synthetic study as a closed round of 10,000 issues x
// 3 coders, finalised by closing it, with decisions and discussions; times the queue and analytics
// through the API (localhost round trip) against a plain query reading the round's codes. Target < 200 ms.
import type pg from 'pg';
import { seedStudy } from './agreement.ts';
import { waitUntilHealthy } from './lib/process.ts';
import { startBenchStack } from './lib/bench-stack.ts';

const ISSUES = 10_000;
const RUNS = 7;

async function median(measure: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await measure());
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** A lead's decision (a coder's set) on a fifth of the disagreements, and a discussion on every tenth of those. */
async function seedDecisions(db: pg.Client, stageId: string) {
  const lead = (await db.query(`SELECT u.id FROM "User" u WHERE u.email = 'Lead@bench'`)).rows[0].id as string;
  await db.query(
    `WITH pending AS (
       SELECT i.id AS "issueId", r.id AS "roundId" FROM "Issue" i
       JOIN "Assignment" a ON a."issueId" = i.id JOIN "Round" r ON r.id = a."roundId" AND r."stageId" = $1
       WHERE NOT EXISTS (SELECT 1 FROM "FinalLabel" f WHERE f."stageId" = $1 AND f."issueId" = i.id) AND i.number % 5 = 0
       GROUP BY i.id, r.id
     ), labels AS (
       INSERT INTO "FinalLabel" (id, "stageId", "issueId", "roundId", version, agreed, "updatedAt")
       SELECT gen_random_uuid(), $1, "issueId", "roundId", 1, false, now() FROM pending RETURNING id, "issueId"
     ), chosen AS (
       SELECT l.id, cc."codeId" FROM labels l
       JOIN LATERAL (SELECT c.id FROM "Coding" c WHERE c."issueId" = l."issueId" ORDER BY c."coderId" LIMIT 1) first ON true
       JOIN "CodingCode" cc ON cc."codingId" = first.id
     ), codes AS (
       INSERT INTO "FinalLabelCode" ("finalLabelId", "codeId") SELECT id, "codeId" FROM chosen
     )
     INSERT INTO "FinalLabelRevision" (id, "finalLabelId", version, kind, "codeIds", rationale, "decidedById", "createdAt")
     SELECT gen_random_uuid(), id, 1, 'decision', array_agg("codeId"::text), 'Coder A was right.', $2, now() FROM chosen GROUP BY id`,
    [stageId, lead],
  );
  await db.query(
    `INSERT INTO "DiscussionMessage" (id, "stageId", "issueId", "authorId", body, "mentionIds", "createdAt")
     SELECT gen_random_uuid(), $1, f."issueId", $2, 'Why this code?', '{}', now() - interval '1 hour'
     FROM "FinalLabel" f JOIN "Issue" i ON i.id = f."issueId" WHERE f."stageId" = $1 AND NOT f.agreed AND i.number % 50 = 0`,
    [stageId, lead],
  );
  await db.query('ANALYZE');
}

export async function reviewBenchmark(port: number) {
  const { db, stop } = await startBenchStack('review', port);
  try {
    const study = await seedStudy(db, ISSUES);
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    const base = `http://127.0.0.1:${port}/api/projects/${study.projectId}`;
    const headers = { cookie: `${study.cookie}; concord_csrf=x`, 'x-csrf-token': 'x', 'content-type': 'application/json' };
    const roundId = (await db.query(`SELECT id FROM "Round" WHERE "stageId" = $1`, [study.stageId])).rows[0].id as string;

    // Closing the round (again) runs the automatic finalisation of the agreed issues.
    const closeStarted = performance.now();
    const closed = await fetch(`${base}/rounds/${roundId}`, { method: 'PATCH', headers, body: JSON.stringify({ status: 'closed' }) });
    if (!closed.ok) throw new Error(`close: ${closed.status} ${await closed.text()}`);
    const finaliseMs = performance.now() - closeStarted;
    await seedDecisions(db, study.stageId);

    const timed = async (url: string) => {
      const started = performance.now();
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      await response.json();
      return performance.now() - started;
    };
    const queueUrl = `${base}/stages/${study.stageId}/review`;
    const analyticsUrl = `${base}/stages/${study.stageId}/review/analytics`;
    const queue = (await (await fetch(queueUrl, { headers })).json()) as { counts: Record<string, number> };
    await timed(analyticsUrl); // warm-up
    const queueMs = await median(() => timed(queueUrl));
    const analyticsMs = await median(() => timed(analyticsUrl));
    const floorMs = await median(async () => {
      const started = performance.now();
      await db.query({
        text: `SELECT a."issueId", a."coderId", cc."codeId" FROM "Assignment" a
               LEFT JOIN "Coding" c ON c."assignmentId" = a.id LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
               WHERE a."roundId" = $1`,
        values: [roundId],
        rowMode: 'array',
      });
      return performance.now() - started;
    });
    const labels = Number((await db.query(`SELECT count(*) FROM "FinalLabel"`)).rows[0].count);
    return { issues: ISSUES, counts: queue.counts, labels, finaliseMs, queueMs, analyticsMs, floorMs };
  } finally {
    await stop();
  }
}
