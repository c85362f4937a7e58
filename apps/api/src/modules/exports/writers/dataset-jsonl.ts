// The whole dataset as JSON Lines: the first record says what the file holds, then one record
// per line with a "type": project, repository, user, stage, code, round, issue (as imported, with
// its comments), coding (every status, with its code ids), and for leads and owners final_label,
// review (each decision on a final label) and discussion_message. Records are built by
// PostgreSQL (json_build_object) and streamed through a cursor: flat memory whatever the size.
import type { ExportContext, ExportWriter } from '../export-scope.ts';
import { aboutExport } from '../export-scope.ts';
import { writeChunk } from '../output.ts';
import { iso, rowBatches } from '../row-batches.ts';
import { codingScope, issueConditions, SqlValues } from '../scope-sql.ts';

function queries(context: ExportContext): { type: string; text: string; values: unknown[] }[] {
  const project = [context.project.id];
  const stageIds = [context.stages.map((stage) => stage.id)];
  const codings = codingScope(context, { submittedOnly: false });
  const issueValues = new SqlValues();
  const issues = { where: issueConditions(context, issueValues), values: issueValues.values };
  const users = context.ownCodingsOf
    ? {
        text: `SELECT json_build_object('type', 'user', 'id', u.id, 'name', u.name, 'role', m.role) FROM "User" u LEFT JOIN "Member" m ON m."userId" = u.id AND m."projectId" = $1 WHERE u.id = $2::uuid`,
        values: [context.project.id, context.ownCodingsOf],
      }
    : {
        text: `SELECT json_build_object('type', 'user', 'id', u.id, 'name', u.name, 'role', m.role)
               FROM "User" u LEFT JOIN "Member" m ON m."userId" = u.id AND m."projectId" = $1
               WHERE m."projectId" IS NOT NULL
                  OR u.id IN (SELECT c."coderId" FROM "Coding" c WHERE c."stageId" = ANY($2::uuid[]))
                  OR u.id IN (SELECT rev."decidedById" FROM "FinalLabelRevision" rev JOIN "FinalLabel" f ON f.id = rev."finalLabelId" WHERE f."stageId" = ANY($2::uuid[]))
                  OR u.id IN (SELECT d."authorId" FROM "DiscussionMessage" d WHERE d."stageId" = ANY($2::uuid[]))
               ORDER BY u.name, u.id`,
        values: [context.project.id, context.stages.map((stage) => stage.id)],
      };
  const list: { type: string; text: string; values: unknown[] }[] = [
    {
      type: 'project',
      text: `SELECT json_build_object('type', 'project', 'id', p.id, 'slug', p.slug, 'name', p.name, 'description', p.description, 'createdAt', ${iso('p."createdAt"')})
             FROM "Project" p WHERE p.id = $1`,
      values: project,
    },
    {
      type: 'repository',
      text: `SELECT json_build_object('type', 'repository', 'id', r.id, 'owner', r.owner, 'name', r.name, 'githubNodeId', r."githubNodeId", 'lastSyncedAt', ${iso('r."lastSyncedAt"')})
             FROM "Repository" r WHERE r."projectId" = $1 ORDER BY r.owner, r.name`,
      values: project,
    },
    { type: 'user', ...users },
    {
      type: 'round',
      text: `SELECT json_build_object('type', 'round', 'id', r.id, 'stageId', r."stageId", 'number', r.number, 'name', r.name, 'status', r.status,
                    'codebookVersion', r."codebookVersion", 'seed', r.seed, 'overlap', r.overlap, 'createdAt', ${iso('r."createdAt"')},
                    'openedAt', ${iso('r."openedAt"')}, 'closedAt', ${iso('r."closedAt"')})
             FROM "Round" r JOIN "Stage" s ON s.id = r."stageId" WHERE r."stageId" = ANY($1::uuid[]) ORDER BY s.position, r.number`,
      values: stageIds,
    },
    {
      type: 'issue',
      text: `SELECT json_build_object('type', 'issue', 'id', i.id, 'repositoryId', i."repositoryId", 'repository', repo.owner || '/' || repo.name,
                    'number', i.number, 'githubNodeId', i."githubNodeId", 'url', i.url, 'isPullRequest', i."isPullRequest", 'title', i.title, 'body', i.body,
                    'state', i.state, 'stateReason', i."stateReason", 'authorLogin', i."authorLogin", 'authorAssociation', i."authorAssociation",
                    'labels', i.labels, 'reactionsCount', i."reactionsCount", 'createdAt', ${iso('i."createdAt"')}, 'updatedAt', ${iso('i."updatedAt"')},
                    'closedAt', ${iso('i."closedAt"')}, 'importedAt', ${iso('i."importedAt"')}, 'contentVersion', i."contentVersion", 'contentHash', i."contentHash",
                    'comments', COALESCE((SELECT json_agg(json_build_object('id', cm.id, 'githubNodeId', cm."githubNodeId", 'authorLogin', cm."authorLogin",
                                   'authorAssociation', cm."authorAssociation", 'body', cm.body, 'createdAt', ${iso('cm."createdAt"')}, 'updatedAt', ${iso('cm."updatedAt"')})
                                   ORDER BY cm."createdAt", cm.id) FROM "Comment" cm WHERE cm."issueId" = i.id), '[]'::json))
             FROM "Issue" i JOIN "Repository" repo ON repo.id = i."repositoryId"
             WHERE ${issues.where} ORDER BY repo.owner, repo.name, i.number`,
      values: issues.values,
    },
    {
      type: 'coding',
      text: `SELECT json_build_object('type', 'coding', 'id', c.id, 'stageId', c."stageId", 'roundId', c."roundId", 'round', r.number, 'issueId', c."issueId",
                    'coderId', c."coderId", 'status', c.status,
                    'codeIds', COALESCE((SELECT json_agg(cc."codeId" ORDER BY cc."codeId") FROM "CodingCode" cc WHERE cc."codingId" = c.id), '[]'::json),
                    'memo', c.memo, 'flagged', c.flagged, 'cannotDecide', c."cannotDecide", 'activeSeconds', c."activeSeconds", 'version', c.version,
                    'issueContentVersion', c."issueContentVersion", 'createdAt', ${iso('c."createdAt"')}, 'updatedAt', ${iso('c."updatedAt"')},
                    'submittedAt', ${iso('c."submittedAt"')})
             FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" JOIN "Stage" s ON s.id = c."stageId"
             WHERE ${codings.where} ORDER BY s.position, r.number, c."issueId", c."coderId"`,
      values: codings.values,
    },
  ];
  if (context.ownCodingsOf) return list;
  return [
    ...list,
    {
      type: 'final_label',
      text: `SELECT json_build_object('type', 'final_label', 'id', f.id, 'stageId', f."stageId", 'issueId', f."issueId", 'roundId', f."roundId",
                    'codeIds', COALESCE((SELECT json_agg(fc."codeId" ORDER BY fc."codeId") FROM "FinalLabelCode" fc WHERE fc."finalLabelId" = f.id), '[]'::json),
                    'agreed', f.agreed, 'reopened', f.reopened, 'version', f.version, 'updatedAt', ${iso('f."updatedAt"')})
             FROM "FinalLabel" f JOIN "Stage" s ON s.id = f."stageId" WHERE f."stageId" = ANY($1::uuid[]) ORDER BY s.position, f."issueId"`,
      values: stageIds,
    },
    {
      type: 'review',
      text: `SELECT json_build_object('type', 'review', 'id', rev.id, 'finalLabelId', rev."finalLabelId", 'stageId', f."stageId", 'issueId', f."issueId",
                    'version', rev.version, 'codeIds', to_json(rev."codeIds"), 'rationale', rev.rationale, 'decidedById', rev."decidedById",
                    'createdAt', ${iso('rev."createdAt"')})
             FROM "FinalLabelRevision" rev JOIN "FinalLabel" f ON f.id = rev."finalLabelId" JOIN "Stage" s ON s.id = f."stageId"
             WHERE f."stageId" = ANY($1::uuid[]) ORDER BY s.position, f."issueId", rev.version`,
      values: stageIds,
    },
    {
      type: 'discussion_message',
      text: `SELECT json_build_object('type', 'discussion_message', 'id', d.id, 'stageId', d."stageId", 'issueId', d."issueId", 'authorId', d."authorId",
                    'body', d.body, 'createdAt', ${iso('d."createdAt"')})
             FROM "DiscussionMessage" d JOIN "Stage" s ON s.id = d."stageId"
             WHERE d."stageId" = ANY($1::uuid[]) ORDER BY s.position, d."issueId", d."createdAt", d.id`,
      values: stageIds,
    },
  ];
}

export const writeDatasetJsonl: ExportWriter = async (context, output, onProgress) => {
  const about = aboutExport(
    context,
    context.ownCodingsOf
      ? 'project, repositories, you, stages, codebooks, rounds, issues with comments, your codings'
      : 'project, repositories, users, stages, codebooks, rounds, issues with comments, codings, final labels, reviews, discussion',
  );
  await writeChunk(output, `${JSON.stringify({ type: 'export', ...about })}\n`);
  // Stages and codes come from the scope, read when the export was requested.
  let chunk = '';
  for (const stage of context.stages) {
    const { codes, ...fields } = stage;
    chunk += `${JSON.stringify({ type: 'stage', ...fields })}\n`;
    for (const code of codes) chunk += `${JSON.stringify({ type: 'code', stageId: stage.id, ...code })}\n`;
  }
  await writeChunk(output, chunk);
  for (const { type, text, values } of queries(context)) {
    let rows = 0;
    for await (const batch of rowBatches(context.db, text, values)) {
      await writeChunk(output, `${batch.map((row) => row[0]).join('\n')}\n`);
      rows += batch.length;
      onProgress({ phase: type, rows });
    }
  }
};
