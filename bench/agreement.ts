// Agreement benchmark: a synthetic multi-label study of 50,000 issues x 3 coders x 40 codes
// (150,000 codings) in PostgreSQL. Prints the full report through the API, the report builder's
// share (every coefficient from @concord/agreement plus the encoding that feeds it, in process),
// and a plain query that only reads the codings (the I/O floor).
// Targets: under 1 s through the API, under 200 ms for the statistics.
import type pg from 'pg';
import { buildAgreementReport, type CodingRow } from '../apps/api/src/modules/agreement/agreement-report.ts';
import { randomSecret, sha256 } from '../apps/api/src/lib/secrets.ts';
import { waitUntilHealthy } from './lib/process.ts';
import { startBenchStack } from './lib/bench-stack.ts';

const ISSUES = 50_000;
const THEMES = 8;
const CODES_PER_THEME = 4; // 8 themes + 32 leaves = 40 codes
const RUNS = 5;

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure());
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** A closed multi-label round of `issues` issues x 3 coders x 40 codes, and a lead's session cookie. */
export async function seedStudy(db: pg.Client, issues = ISSUES) {
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
  const project = await one(`INSERT INTO "Project" (id, slug, name) VALUES (gen_random_uuid(), 'bench', 'Bench') RETURNING id`);
  const users = [];
  for (const name of ['Lead', 'Coder A', 'Coder B', 'Coder C']) {
    const user = await one(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, $2, 'x') RETURNING id`, [
      `${name.replace(' ', '')}@bench`,
      name,
    ]);
    await db.query(`INSERT INTO "Member" ("projectId", "userId", role) VALUES ($1, $2, $3)`, [
      project.id,
      user.id,
      name === 'Lead' ? 'lead' : 'coder',
    ]);
    users.push(user.id as string);
  }
  const stage = await one(
    `INSERT INTO "Stage" (id, "projectId", name, position, mode) VALUES (gen_random_uuid(), $1, 'Challenges', 0, 'multi') RETURNING id`,
    [project.id],
  );
  const codebook = await one(`INSERT INTO "Codebook" (id, "stageId") VALUES (gen_random_uuid(), $1) RETURNING id`, [stage.id]);
  for (let t = 0; t < THEMES; t++) {
    const theme = await one(`INSERT INTO "Code" (id, "codebookId", name, position) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [
      codebook.id,
      `Theme ${t}`,
      t,
    ]);
    for (let c = 0; c < CODES_PER_THEME; c++) {
      await db.query(`INSERT INTO "Code" (id, "codebookId", "parentId", name, position) VALUES (gen_random_uuid(), $1, $2, $3, $4)`, [
        codebook.id,
        theme.id,
        `Code ${t}.${c}`,
        c,
      ]);
    }
  }
  const repository = await one(
    `INSERT INTO "Repository" (id, "projectId", owner, name) VALUES (gen_random_uuid(), $1, 'bench', 'repo') RETURNING id`,
    [project.id],
  );
  await db.query(
    `INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "createdAt", "updatedAt", url, labels, "contentHash")
     SELECT gen_random_uuid(), $1, $2, 'I_' || g, g, 'Issue ' || g, '', 'OPEN', now(), now(), 'https://github.com/bench/repo/issues/' || g, '{}', 'x'
     FROM generate_series(1, ${issues}) g`,
    [project.id, repository.id],
  );
  const round = await one(
    `INSERT INTO "Round" (id, "stageId", number, name, status, "codebookVersion", overlap) VALUES (gen_random_uuid(), $1, 1, 'Round 1', 'closed', 1, '{"overlap":{"mode":"all"},"stratifyByRepository":false}') RETURNING id`,
    [stage.id],
  );
  await db.query(
    `INSERT INTO "Assignment" (id, "roundId", "issueId", "coderId", position)
     SELECT gen_random_uuid(), $1, i.id, c.id, i.number FROM "Issue" i CROSS JOIN unnest($2::uuid[]) AS c(id) WHERE i."projectId" = $3`,
    [round.id, users.slice(1), project.id],
  );
  await db.query(
    `INSERT INTO "Coding" (id, "assignmentId", "roundId", "stageId", "issueId", "coderId", status, "issueContentVersion", "updatedAt", "submittedAt")
     SELECT gen_random_uuid(), a.id, a."roundId", $1, a."issueId", a."coderId", 'submitted', 1, now(), now() FROM "Assignment" a WHERE a."roundId" = $2`,
    [stage.id, round.id],
  );
  // Each issue has a "true" leaf code; coders depart from it 30% of the time and add a second code 20% of the time.
  const leaves = `(SELECT array_agg(id ORDER BY name) AS ids FROM "Code" WHERE "codebookId" = $2 AND "parentId" IS NOT NULL)`;
  await db.query(
    `INSERT INTO "CodingCode" ("codingId", "codeId")
     SELECT c.id, CASE WHEN random() < 0.3 THEN l.ids[1 + floor(random() * 32)::int] ELSE l.ids[1 + i.number % 32] END
     FROM "Coding" c JOIN "Issue" i ON i.id = c."issueId" CROSS JOIN ${leaves} l WHERE c."stageId" = $1`,
    [stage.id, codebook.id],
  );
  await db.query(
    `INSERT INTO "CodingCode" ("codingId", "codeId")
     SELECT c.id, l.ids[1 + (i.number * 7) % 32] FROM "Coding" c JOIN "Issue" i ON i.id = c."issueId" CROSS JOIN ${leaves} l
     WHERE c."stageId" = $1 AND random() < 0.2 ON CONFLICT DO NOTHING`,
    [stage.id, codebook.id],
  );
  await db.query('ANALYZE');
  const token = randomSecret();
  await db.query(
    `INSERT INTO "Session" (id, "tokenHash", "csrfToken", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, 'x', $2, now() + interval '1 day')`,
    [sha256(token), users[0]],
  );
  return {
    projectId: project.id as string,
    stageId: stage.id as string,
    codebookId: codebook.id as string,
    cookie: `concord_session=${token}`,
  };
}

export async function agreementBenchmark(port: number) {
  const { db, stop } = await startBenchStack('agreement', port);
  try {
    const seedStarted = performance.now();
    const study = await seedStudy(db);
    const seedMs = performance.now() - seedStarted;
    const codingCount = Number((await db.query(`SELECT count(*) FROM "Coding"`)).rows[0].count);
    const codeCount = Number((await db.query(`SELECT count(*) FROM "Code"`)).rows[0].count);
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    const reportUrl = `http://127.0.0.1:${port}/api/projects/${study.projectId}/stages/${study.stageId}/agreement`;

    let report: { overall: { kappa: { value: number | null } }; n: { issues: number } } | undefined;
    const fetchReport = async () => {
      const started = performance.now();
      const response = await fetch(reportUrl, { headers: { cookie: study.cookie } });
      if (!response.ok) throw new Error(`report: ${response.status} ${await response.text()}`);
      report = (await response.json()) as typeof report;
      return performance.now() - started;
    };
    await fetchReport(); // warm-up: JIT and caches of the server
    const apiMs = await median(RUNS, fetchReport);

    // The I/O floor: one plain query that only reads the codings with their codes.
    const readCodings = () =>
      db.query({
        text: `SELECT c."issueId", c."coderId", cc."codeId" FROM "Coding" c LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id WHERE c."stageId" = $1`,
        values: [study.stageId],
        rowMode: 'array',
      });
    const floorMs = await median(RUNS, async () => {
      const started = performance.now();
      await readCodings();
      return performance.now() - started;
    });

    // The statistics alone, in process, on the same codings.
    const byCoding = new Map<string, CodingRow>();
    for (const [issueId, coderId, codeId] of (await readCodings()).rows as [string, string, string | null][]) {
      const key = `${issueId}:${coderId}`;
      const row = byCoding.get(key) ?? { issueId, coderId, round: 1, codeIds: [] };
      if (codeId) row.codeIds.push(codeId);
      byCoding.set(key, row);
    }
    const codes = (
      await db.query(
        `SELECT id, name, "parentId", position FROM "Code" WHERE "codebookId" = $1 ORDER BY "parentId" NULLS FIRST, position`,
        [study.codebookId],
      )
    ).rows;
    const input = {
      stage: { id: study.stageId, name: 'Challenges', mode: 'multi' as const },
      parentCodesCodable: false,
      codes: codes.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, path: [c.name], retired: false })),
      coders: [...new Set([...byCoding.values()].map((r) => r.coderId))].map((id) => ({ id, name: id })),
      rounds: [{ number: 1, name: 'Round 1', status: 'closed' as const, codebookVersion: 1 }],
      codings: [...byCoding.values()],
      round: null,
    };
    buildAgreementReport(input); // warm-up, as the server's first report was
    const statisticsMs = await median(RUNS, async () => {
      const started = performance.now();
      buildAgreementReport(input);
      return performance.now() - started;
    });
    return { seedMs, codingCount, codeCount, apiMs, floorMs, statisticsMs, kappa: report!.overall.kappa.value, issues: report!.n.issues };
  } finally {
    await stop();
  }
}
