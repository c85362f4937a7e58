// Writes imported issues and comments with a few multi-row statements per batch (no per-row
// round trips): upsert by GitHub node id, content version bumped when the text changed, the
// previous text kept as a snapshot when the issue has codings, comments upserted and those no
// longer on GitHub removed, the search vector written in the same statement.
import type pg from 'pg';
import type { ImportedIssue } from '@concord/github';
import { issueContentHash } from '../../lib/issue-content.ts';
import { searchVectorSql } from '../../lib/issue-search.ts';

export interface StoreResult {
  /** Issues whose search vector is still to be written (deferred mode): the new and the changed. */
  unindexedIds: string[];
  created: number;
  updated: number;
  /** Issues whose text changed. */
  changed: number;
  comments: number;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

const SNAPSHOT_SQL = `
INSERT INTO "IssueSnapshot" ("issueId", "contentVersion", title, body, comments)
SELECT i.id, i."contentVersion", i.title, i.body,
       coalesce((SELECT jsonb_agg(jsonb_build_object('authorLogin', c."authorLogin", 'body', c.body, 'createdAt', c."createdAt") ORDER BY c."createdAt", c."githubNodeId")
                 FROM "Comment" c WHERE c."issueId" = i.id), '[]'::jsonb)
FROM "Issue" i JOIN unnest($2::text[], $3::text[]) AS t(node_id, hash) ON i."githubNodeId" = t.node_id
WHERE i."projectId" = $1 AND i."contentHash" <> t.hash AND EXISTS (SELECT 1 FROM "Coding" WHERE "issueId" = i.id)
ON CONFLICT DO NOTHING`;

const ISSUE_SQL = `
INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "stateReason", "authorLogin",
  "authorAssociation", "createdAt", "updatedAt", "closedAt", url, "isPullRequest", labels, "reactionsCount", "contentHash", "searchVector")
SELECT gen_random_uuid(), $1, $2, t.node_id, t.number, t.title, t.body, t.state, t.state_reason, t.author, t.association,
  t.created_at, t.updated_at, t.closed_at, t.url, t.is_pr, ARRAY(SELECT jsonb_array_elements_text(t.labels)), t.reactions, t.hash,
  CASE WHEN $20 THEN ${searchVectorSql('t.title', 't.body', 't.comments_text')} END
FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
  $12::timestamptz[], $13::timestamptz[], $14::text[], $15::bool[], $16::jsonb[], $17::int[], $18::text[], $19::text[])
  AS t(node_id, number, title, body, state, state_reason, author, association, created_at, updated_at, closed_at, url, is_pr, labels,
       reactions, hash, comments_text)
ON CONFLICT ("projectId", "githubNodeId") DO UPDATE SET
  "repositoryId" = EXCLUDED."repositoryId", number = EXCLUDED.number, title = EXCLUDED.title, body = EXCLUDED.body,
  state = EXCLUDED.state, "stateReason" = EXCLUDED."stateReason", "authorLogin" = EXCLUDED."authorLogin",
  "authorAssociation" = EXCLUDED."authorAssociation", "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt",
  "closedAt" = EXCLUDED."closedAt", url = EXCLUDED.url, "isPullRequest" = EXCLUDED."isPullRequest", labels = EXCLUDED.labels,
  "reactionsCount" = EXCLUDED."reactionsCount", "importedAt" = now(),
  "contentVersion" = "Issue"."contentVersion" + CASE WHEN "Issue"."contentHash" <> EXCLUDED."contentHash" THEN 1 ELSE 0 END,
  "searchVector" = CASE WHEN "Issue"."contentHash" <> EXCLUDED."contentHash" THEN EXCLUDED."searchVector" ELSE "Issue"."searchVector" END,
  "contentHash" = EXCLUDED."contentHash"
RETURNING id, "githubNodeId"`;

const COMMENT_SQL = `
INSERT INTO "Comment" (id, "issueId", "githubNodeId", "authorLogin", "authorAssociation", body, "createdAt", "updatedAt")
SELECT gen_random_uuid(), t.issue_id, t.node_id, t.author, t.association, t.body, t.created_at, t.updated_at
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
  AS t(issue_id, node_id, author, association, body, created_at, updated_at)
ON CONFLICT ("issueId", "githubNodeId") DO UPDATE SET
  "authorLogin" = EXCLUDED."authorLogin", "authorAssociation" = EXCLUDED."authorAssociation", body = EXCLUDED.body,
  "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt"
WHERE ("Comment".body, "Comment"."updatedAt", "Comment"."authorLogin") IS DISTINCT FROM (EXCLUDED.body, EXCLUDED."updatedAt", EXCLUDED."authorLogin")`;

// Comments deleted on GitHub since the last import: gone from the complete list we now have.
const DELETE_GONE_COMMENTS_SQL = `
DELETE FROM "Comment" c WHERE c."issueId" = ANY($1::uuid[])
  AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::text[]) AS t(issue_id, node_id) WHERE t.issue_id = c."issueId" AND t.node_id = c."githubNodeId")`;

// PostgreSQL text cannot hold U+0000, which binary output pasted into an issue sometimes carries:
// it is the one character an import drops, so such an issue is stored instead of failing its page.
const storable = (text: string) => text.replaceAll('\u0000', '');
const storableOrNull = (text: string | null) => (text === null ? null : storable(text));

function storableIssue(issue: ImportedIssue): ImportedIssue {
  return {
    ...issue,
    title: storable(issue.title),
    body: storable(issue.body),
    state: storable(issue.state),
    stateReason: storableOrNull(issue.stateReason),
    authorLogin: storableOrNull(issue.authorLogin),
    authorAssociation: storableOrNull(issue.authorAssociation),
    url: storable(issue.url),
    labels: issue.labels.map(storable),
    comments: issue.comments.map((comment) => ({
      ...comment,
      body: storable(comment.body),
      authorLogin: storableOrNull(comment.authorLogin),
      authorAssociation: storableOrNull(comment.authorAssociation),
    })),
  };
}

/**
 * Stores one batch of issues of one repository; every issue carries its complete comment list.
 * `searchVectors: 'deferred'` leaves the new and changed issues' search vectors empty for the
 * caller to write afterwards (lib/issue-search.ts), outside this transaction.
 */
export async function storeIssues(
  client: Queryable,
  projectId: string,
  repositoryId: string,
  issues: ImportedIssue[],
  { searchVectors = 'inline' }: { searchVectors?: 'inline' | 'deferred' } = {},
): Promise<StoreResult> {
  if (issues.length === 0) return { unindexedIds: [], created: 0, updated: 0, changed: 0, comments: 0 };
  const sorted = issues.map(storableIssue).map((issue) => ({
    ...issue,
    comments: [...issue.comments].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.githubNodeId < b.githubNodeId ? -1 : 1),
    ),
  }));
  const hashes = sorted.map((issue) => issueContentHash(issue));
  const column = <T>(pick: (issue: (typeof sorted)[number], index: number) => T) => sorted.map(pick);

  const nodeIds = column((i) => i.githubNodeId);
  const stored = new Map(
    (
      await client.query<{ githubNodeId: string; contentHash: string }>(
        'SELECT "githubNodeId", "contentHash" FROM "Issue" WHERE "projectId" = $1 AND "githubNodeId" = ANY($2::text[])',
        [projectId, nodeIds],
      )
    ).rows.map((row) => [row.githubNodeId, row.contentHash]),
  );
  if (stored.size > 0) await client.query(SNAPSHOT_SQL, [projectId, nodeIds, hashes]);
  const { rows } = await client.query<{ id: string; githubNodeId: string }>(ISSUE_SQL, [
    projectId,
    repositoryId,
    nodeIds,
    column((i) => i.number),
    column((i) => i.title),
    column((i) => i.body),
    column((i) => i.state),
    column((i) => i.stateReason),
    column((i) => i.authorLogin),
    column((i) => i.authorAssociation),
    column((i) => i.createdAt),
    column((i) => i.updatedAt),
    column((i) => i.closedAt),
    column((i) => i.url),
    column((i) => i.isPullRequest),
    column((i) => JSON.stringify(i.labels)),
    column((i) => i.reactionsCount),
    hashes,
    // Deferred: the vector is written later from the stored comments, so their text need not travel twice.
    column((i) => (searchVectors === 'inline' ? i.comments.map((c) => c.body).join('\n') : '')),
    searchVectors === 'inline',
  ]);
  const idByNode = new Map(rows.map((row) => [row.githubNodeId, row.id]));
  const comments = sorted.flatMap((issue) => issue.comments.map((comment) => ({ issueId: idByNode.get(issue.githubNodeId)!, ...comment })));
  if (comments.length > 0) {
    const pick = <T>(f: (c: (typeof comments)[number]) => T) => comments.map(f);
    await client.query(COMMENT_SQL, [
      pick((c) => c.issueId),
      pick((c) => c.githubNodeId),
      pick((c) => c.authorLogin),
      pick((c) => c.authorAssociation),
      pick((c) => c.body),
      pick((c) => c.createdAt),
      pick((c) => c.updatedAt),
    ]);
  }
  const updatedIds = rows.filter((row) => stored.has(row.githubNodeId)).map((row) => row.id);
  if (updatedIds.length > 0) {
    await client.query(DELETE_GONE_COMMENTS_SQL, [updatedIds, comments.map((c) => c.issueId), comments.map((c) => c.githubNodeId)]);
  }
  const changed = sorted.filter((issue, i) => stored.has(issue.githubNodeId) && stored.get(issue.githubNodeId) !== hashes[i]);
  const changedNodes = new Set(changed.map((issue) => issue.githubNodeId));
  return {
    unindexedIds:
      searchVectors === 'inline'
        ? []
        : rows.filter((row) => !stored.has(row.githubNodeId) || changedNodes.has(row.githubNodeId)).map((row) => row.id),
    created: rows.length - updatedIds.length,
    updated: updatedIds.length,
    changed: changed.length,
    comments: comments.length,
  };
}
