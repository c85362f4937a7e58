// Full-text search over issues: title (weight A), body (B) and comments (C) in one tsvector with
// a GIN index. Imports write it in the same statement as the issue; this refreshes it in bulk.
export const SEARCH_CONFIG = 'english';

/** SQL for the vector from three text expressions. */
export function searchVectorSql(title: string, body: string, comments: string): string {
  return `setweight(to_tsvector('${SEARCH_CONFIG}', ${title}), 'A') || setweight(to_tsvector('${SEARCH_CONFIG}', ${body}), 'B') || setweight(to_tsvector('${SEARCH_CONFIG}', ${comments}), 'C')`;
}

/**
 * Recomputes the vector from stored rows: of every issue of a project, of these issues, or of a
 * repository's issues that have none (what a deferred write may have left behind).
 */
export async function refreshSearchVectors(
  run: (sql: string, params: unknown[]) => Promise<unknown>,
  where: { projectId: string } | { issueIds: string[] } | { missingInRepositoryId: string },
) {
  const filter =
    'projectId' in where
      ? 'i."projectId" = $1::uuid'
      : 'issueIds' in where
        ? 'i.id = ANY($1::uuid[])'
        : 'i."repositoryId" = $1::uuid AND i."searchVector" IS NULL';
  await run(
    `UPDATE "Issue" i SET "searchVector" = ${searchVectorSql('i.title', 'i.body', `coalesce((SELECT string_agg(c.body, ' ') FROM "Comment" c WHERE c."issueId" = i.id), '')`)}
     WHERE ${filter}`,
    ['projectId' in where ? where.projectId : 'issueIds' in where ? where.issueIds : where.missingInRepositoryId],
  );
}
