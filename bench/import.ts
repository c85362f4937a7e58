// Import benchmark: 20,000 issues with 100,000 comments (5 each) imported from the fake GitHub
// (a child process, so it does not share a core's event loop with the importer) by the real
// import job, next to a raw multi-row INSERT of the same rows into the same tables in the same
// run. Reports issues/s, the ratio to the raw rate (target >= 25%) and the GraphQL points
// GitHub would charge per 100 issues (target <= 2).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations, connectDatabase, startEmbeddedPostgres } from '@concord/db';
import { generateRepository } from '@concord/github-fake';
import { createJobRunner } from '../apps/api/src/jobs/job-runner.ts';
import { jobHandlers } from '../apps/api/src/jobs/handlers.ts';
import { createSecretBox } from '../apps/api/src/lib/secret-box.ts';
import { GITHUB_IMPORT, type GitHubImportProgress } from '../apps/api/src/modules/imports/github-import-job.ts';
import { startChild } from './lib/process.ts';

const ISSUES = 20_000;
const COMMENTS_PER_ISSUE = 5;
const SEED = 5;
const TOKEN = 'bench-token';

async function createProject(db: pg.Client, slug: string) {
  const project = (await db.query(`INSERT INTO "Project" (id, slug, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [slug]))
    .rows[0];
  const repository = (
    await db.query(
      `INSERT INTO "Repository" (id, "projectId", owner, name) VALUES (gen_random_uuid(), $1, 'bench', 'models') RETURNING id`,
      [project.id],
    )
  ).rows[0];
  return { projectId: project.id as string, repositoryId: repository.id as string };
}

/** The baseline: the same rows, plain multi-row INSERTs (no upsert, hashing, search vector or HTTP). */
async function rawInsert(db: pg.Client, projectId: string, repositoryId: string): Promise<number> {
  const source = generateRepository({ owner: 'bench', name: 'models', issues: ISSUES, seed: SEED, comments: () => COMMENTS_PER_ISSUE });
  const started = performance.now();
  const BATCH = 1000;
  for (let start = 0; start < source.issues.length; start += BATCH) {
    const batch = source.issues.slice(start, start + BATCH);
    const col = <T>(f: (i: (typeof batch)[number]) => T) => batch.map(f);
    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "stateReason", "authorLogin",
         "authorAssociation", "createdAt", "updatedAt", "closedAt", url, labels, "reactionsCount", "contentHash")
       SELECT gen_random_uuid(), $1, $2, t.node_id, t.number, t.title, t.body, t.state, t.state_reason, t.author, t.association, t.created_at,
         t.updated_at, t.closed_at, t.url, string_to_array(t.labels, ','), t.reactions, t.hash
       FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
         $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[], $16::int[], $17::text[])
         AS t(node_id, number, title, body, state, state_reason, author, association, created_at, updated_at, closed_at, url, labels, reactions, hash)
       RETURNING id`,
      [
        projectId,
        repositoryId,
        col((i) => i.id),
        col((i) => i.number),
        col((i) => i.title),
        col((i) => i.body),
        col((i) => i.state),
        col((i) => i.stateReason),
        col((i) => i.author),
        col((i) => i.authorAssociation),
        col((i) => i.createdAt),
        col((i) => i.updatedAt),
        col((i) => i.closedAt),
        col((i) => `https://github.com/bench/models/issues/${i.number}`),
        col((i) => i.labels.join(',')),
        col((i) => i.reactions),
        col(() => 'x'),
      ],
    );
    const comments = batch.flatMap((issue, index) => issue.comments.map((c) => ({ issueId: rows[index]!.id, ...c })));
    const pick = <T>(f: (c: (typeof comments)[number]) => T) => comments.map(f);
    await db.query(
      `INSERT INTO "Comment" (id, "issueId", "githubNodeId", "authorLogin", "authorAssociation", body, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), t.* FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[]) AS t`,
      [
        pick((c) => c.issueId),
        pick((c) => c.id),
        pick((c) => c.author),
        pick((c) => c.authorAssociation),
        pick((c) => c.body),
        pick((c) => c.createdAt),
        pick((c) => c.updatedAt),
      ],
    );
    await db.query('COMMIT');
  }
  return performance.now() - started;
}

export async function importBenchmark(port: number) {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), 'concord-bench-import-')), 'pg'),
    persistent: false,
  });
  const databaseUrl = server.urlFor('postgres');
  await applyMigrations(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const fake = startChild('npx', [
    'tsx',
    'packages/github-fake/src/main.ts',
    '--port',
    String(port),
    '--token',
    TOKEN,
    '--repo',
    'bench/models',
    '--issues',
    String(ISSUES),
    '--comments',
    String(COMMENTS_PER_ISSUE),
    '--seed',
    String(SEED),
    '--latency',
    '0',
  ]);
  const database = connectDatabase(databaseUrl, 5);
  try {
    const apiUrl = (await fake.waitForLine(/^listening /)).split(' ')[1]!;
    const baseline = await createProject(db, 'bench-raw');
    const rawMs = await rawInsert(db, baseline.projectId, baseline.repositoryId);

    const target = await createProject(db, 'bench-import');
    const runner = createJobRunner({
      database,
      handlers: jobHandlers({ github: { apiUrl, serverToken: TOKEN }, secretBox: createSecretBox(randomBytes(32)) }),
      log: (level, message) => level !== 'info' && console.warn(message),
      pollingIntervalSeconds: 0.5,
    });
    await runner.work();
    const started = performance.now();
    const jobId = await runner.enqueue(GITHUB_IMPORT, {
      projectId: target.projectId,
      input: { repositoryIds: [target.repositoryId], includePullRequests: false },
    });
    let status = 'queued';
    while (status === 'queued' || status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await db.query(`SELECT status FROM "Job" WHERE id = $1`, [jobId])).rows[0].status;
    }
    const importMs = performance.now() - started;
    await runner.stop();
    const job = (await db.query(`SELECT progress, error FROM "Job" WHERE id = $1`, [jobId])).rows[0];
    if (status !== 'succeeded') throw new Error(`import ${status}: ${job.error}`);
    const progress = job.progress as GitHubImportProgress;
    const repository = progress.repositories![0]!;
    const counts = (
      await db.query(
        `SELECT count(*)::int AS issues, (SELECT count(*)::int FROM "Comment" c JOIN "Issue" i ON i.id = c."issueId" WHERE i."projectId" = $1) AS comments
         FROM "Issue" WHERE "projectId" = $1`,
        [target.projectId],
      )
    ).rows[0];
    return {
      issues: counts.issues as number,
      comments: counts.comments as number,
      importMs,
      rawMs,
      importPerSecond: (ISSUES / importMs) * 1000,
      rawPerSecond: (ISSUES / rawMs) * 1000,
      points: repository.points,
    };
  } finally {
    await database.close();
    await db.end();
    await fake.stop();
    await server.stop();
  }
}
