// Many codings fast, for the streaming test and the export benchmark: multi-row INSERTs from
// generate_series into an existing project, a multi-label stage with `codes` leaf codes, one
// closed round in which every coder submits `codesPerCoding` codes on each of `issues` issues.
import type pg from 'pg';

export async function insertBulkCodings(
  db: pg.ClientBase,
  {
    projectId,
    coderIds,
    issues,
    codes,
    codesPerCoding,
  }: { projectId: string; coderIds: string[]; issues: number; codes: number; codesPerCoding: number },
): Promise<{ stageId: string; codingRows: number }> {
  const one = async (text: string, values: unknown[]) => (await db.query(text, values)).rows[0] as { id: string };
  const stage = await one(
    `INSERT INTO "Stage" (id, "projectId", name, position, mode) VALUES (gen_random_uuid(), $1, 'Bulk ' || gen_random_uuid(), 100, 'multi') RETURNING id`,
    [projectId],
  );
  const codebook = await one(`INSERT INTO "Codebook" (id, "stageId") VALUES (gen_random_uuid(), $1) RETURNING id`, [stage.id]);
  await db.query(
    `INSERT INTO "Code" (id, "codebookId", name, position) SELECT gen_random_uuid(), $1, 'Code ' || g, g FROM generate_series(1, $2::int) g`,
    [codebook.id, codes],
  );
  const repository = await one(
    `INSERT INTO "Repository" (id, "projectId", owner, name) VALUES (gen_random_uuid(), $1, 'bulk', 'repo-' || gen_random_uuid()) RETURNING id`,
    [projectId],
  );
  await db.query(
    `INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "createdAt", "updatedAt", url, labels, "contentHash")
     SELECT gen_random_uuid(), $1, $2::uuid, 'B_' || $2::text || '_' || g, g, 'Issue ' || g, '', 'OPEN', now(), now(), 'https://github.com/bulk/repo/issues/' || g, '{}', 'x'
     FROM generate_series(1, $3::int) g`,
    [projectId, repository.id, issues],
  );
  const round = await one(
    `INSERT INTO "Round" (id, "stageId", number, name, status, "codebookVersion", overlap)
     VALUES (gen_random_uuid(), $1, 1, 'Round 1', 'closed', 1, '{"overlap":{"mode":"all"},"stratifyByRepository":false}') RETURNING id`,
    [stage.id],
  );
  await db.query(
    `INSERT INTO "Assignment" (id, "roundId", "issueId", "coderId", position)
     SELECT gen_random_uuid(), $1, i.id, c.id, i.number FROM "Issue" i CROSS JOIN unnest($2::uuid[]) AS c(id) WHERE i."repositoryId" = $3`,
    [round.id, coderIds, repository.id],
  );
  await db.query(
    `INSERT INTO "Coding" (id, "assignmentId", "roundId", "stageId", "issueId", "coderId", status, "activeSeconds", "issueContentVersion", "updatedAt", "submittedAt")
     SELECT gen_random_uuid(), a.id, a."roundId", $1, a."issueId", a."coderId", 'submitted', 30, 1, now(), now() FROM "Assignment" a WHERE a."roundId" = $2`,
    [stage.id, round.id],
  );
  // Each coding gets `codesPerCoding` consecutive codes, starting at a code that varies by issue and coder.
  await db.query(
    `INSERT INTO "CodingCode" ("codingId", "codeId")
     SELECT c.id, codes.ids[1 + (i.number + k + (hashtext(c."coderId"::text) & 7)) % $3::int]
     FROM "Coding" c JOIN "Issue" i ON i.id = c."issueId"
     CROSS JOIN generate_series(0, $4::int - 1) k
     CROSS JOIN (SELECT array_agg(id ORDER BY position) AS ids FROM "Code" WHERE "codebookId" = $2) codes
     WHERE c."roundId" = $1`,
    [round.id, codebook.id, codes, codesPerCoding],
  );
  await db.query('ANALYZE');
  return { stageId: stage.id, codingRows: issues * coderIds.length * codesPerCoding };
}
