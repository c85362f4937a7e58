// Tidy CSV of codings: one row per issue x coder x code of every submitted coding in scope. A
// coding with no code ("coded, no code applies") is one row with empty code columns; an issue a
// coder has not coded has no row, so the two stay apart.
import { csvComment, csvField } from '../csv.ts';
import { aboutExport, aboutLine, type ExportContext, type ExportWriter } from '../export-scope.ts';
import { writeChunk } from '../output.ts';
import { iso, rowBatches } from '../row-batches.ts';
import { codeLookup, codingScope, PATH_SEPARATOR } from '../scope-sql.ts';

export const CODINGS_CSV_COLUMNS = [
  'stage_id',
  'stage',
  'round',
  'round_name',
  'codebook_version',
  'issue_id',
  'repository',
  'issue_number',
  'issue_url',
  'coder_id',
  'coder',
  'code_id',
  'code_path',
  'coding_id',
  'coding_version',
  'issue_content_version',
  'flagged',
  'cannot_decide',
  'active_seconds',
  'created_at',
  'updated_at',
  'submitted_at',
  'memo',
] as const;

// The code path is looked up from the codebook in memory; the query returns the code id in its place.
const CODE_COLUMN = CODINGS_CSV_COLUMNS.indexOf('code_path');
// Columns of ids, numbers, booleans and timestamps never need quotes: only text is escaped (the
// benchmark's 1,000,000 rows are 23 fields each).
const TEXT_COLUMNS = new Set<number>(
  (['stage', 'round_name', 'repository', 'issue_url', 'coder', 'code_path', 'memo'] as const).map((name) =>
    CODINGS_CSV_COLUMNS.indexOf(name),
  ),
);
const IS_TEXT = CODINGS_CSV_COLUMNS.map((_, column) => TEXT_COLUMNS.has(column));

/** The query behind the file, one row per line in column order (the benchmark's COPY runs it too). */
export function codingsCsvQuery(context: ExportContext): { text: string; values: unknown[] } {
  const { where, values } = codingScope(context, { submittedOnly: true });
  const text = `
    SELECT s.id, s.name, r.number::text, r.name, r."codebookVersion"::text,
           i.id, repo.owner || '/' || repo.name, i.number::text, i.url,
           c."coderId", u.name, cc."codeId", cc."codeId",
           c.id, c.version::text, c."issueContentVersion"::text, c.flagged::text, c."cannotDecide"::text, c."activeSeconds"::text,
           ${iso('c."createdAt"')}, ${iso('c."updatedAt"')}, ${iso('c."submittedAt"')}, c.memo
    FROM "Coding" c
    JOIN "Stage" s ON s.id = c."stageId"
    JOIN "Round" r ON r.id = c."roundId"
    JOIN "Issue" i ON i.id = c."issueId"
    JOIN "Repository" repo ON repo.id = i."repositoryId"
    JOIN "User" u ON u.id = c."coderId"
    LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
    WHERE ${where}
    ORDER BY s.position, r.number, repo.owner, repo.name, i.number, u.name, c."coderId", cc."codeId"`;
  return { text, values };
}

/** The number of rows the file holds: the same scope and joins, counted. */
export async function countCodingsCsvRows(context: ExportContext): Promise<number> {
  const { where, values } = codingScope(context, { submittedOnly: true });
  const { rows } = await context.db.query<{ rows: string }>(
    `SELECT count(*) AS rows FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id WHERE ${where}`,
    values,
  );
  return Number(rows[0]!.rows);
}

export const writeCodingsCsv: ExportWriter = async (context, output, onProgress) => {
  const { text, values } = codingsCsvQuery(context);
  const codes = codeLookup(context);
  await writeChunk(output, csvComment(aboutLine(aboutExport(context, 'submitted codings, one row per issue x coder x code'))));
  await writeChunk(output, `${CODINGS_CSV_COLUMNS.join(',')}\r\n`);
  let rows = 0;
  for await (const batch of rowBatches(context.db, text, values)) {
    let chunk = '';
    for (const row of batch) {
      const codeId = row[CODE_COLUMN];
      row[CODE_COLUMN] = codeId ? (codes.get(codeId)?.path.join(PATH_SEPARATOR) ?? null) : null;
      let line = row[0] ?? '';
      for (let column = 1; column < row.length; column++) line += `,${IS_TEXT[column] ? csvField(row[column]) : (row[column] ?? '')}`;
      chunk += `${line}\r\n`;
    }
    await writeChunk(output, chunk);
    rows += batch.length;
    onProgress({ phase: 'codings', rows });
  }
};
