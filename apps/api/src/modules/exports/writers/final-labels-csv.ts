// Tidy CSV of final labels: one row per issue x code of each issue's final label in scope, with
// who decided it last and why. A final label with no code is one row with empty code columns.
import { csvComment, csvLine } from '../csv.ts';
import { aboutExport, aboutLine, type ExportWriter } from '../export-scope.ts';
import { writeChunk } from '../output.ts';
import { iso, rowBatches } from '../row-batches.ts';
import { codeLookup, PATH_SEPARATOR } from '../scope-sql.ts';

export const FINAL_LABELS_CSV_COLUMNS = [
  'stage_id',
  'stage',
  'round',
  'issue_id',
  'repository',
  'issue_number',
  'issue_url',
  'code_id',
  'code_path',
  'agreed',
  'reopened',
  'label_version',
  'decided_by',
  'rationale',
  'updated_at',
] as const;

export const writeFinalLabelsCsv: ExportWriter = async (context, output, onProgress) => {
  const codes = codeLookup(context);
  const values: unknown[] = [context.stages.map((stage) => stage.id)];
  if (context.round !== null) values.push(context.round);
  await writeChunk(output, csvComment(aboutLine(aboutExport(context, 'final labels, one row per issue x code'))));
  await writeChunk(output, `${FINAL_LABELS_CSV_COLUMNS.join(',')}\r\n`);
  const query = `
    SELECT s.id, s.name, r.number::text, i.id, repo.owner || '/' || repo.name, i.number::text, i.url,
           fc."codeId", f.agreed::text, f.reopened::text, f.version::text, u.name, latest.rationale, ${iso('f."updatedAt"')}
    FROM "FinalLabel" f
    JOIN "Stage" s ON s.id = f."stageId"
    JOIN "Issue" i ON i.id = f."issueId"
    JOIN "Repository" repo ON repo.id = i."repositoryId"
    LEFT JOIN "Round" r ON r.id = f."roundId"
    LEFT JOIN "FinalLabelCode" fc ON fc."finalLabelId" = f.id
    LEFT JOIN LATERAL (
      SELECT rev.rationale, rev."decidedById" FROM "FinalLabelRevision" rev
      WHERE rev."finalLabelId" = f.id ORDER BY rev.version DESC LIMIT 1
    ) latest ON true
    LEFT JOIN "User" u ON u.id = latest."decidedById"
    WHERE f."stageId" = ANY($1::uuid[]) ${context.round === null ? '' : 'AND r.number = $2'}
    ORDER BY s.position, repo.owner, repo.name, i.number, fc."codeId"`;
  let rows = 0;
  for await (const batch of rowBatches(context.db, query, values)) {
    let chunk = '';
    for (const [stageId, stage, round, issueId, repository, number, url, codeId, ...rest] of batch) {
      const code = codeId ? codes.get(codeId) : undefined;
      chunk += csvLine([stageId, stage, round, issueId, repository, number, url, codeId, code?.path.join(PATH_SEPARATOR), ...rest]);
    }
    await writeChunk(output, chunk);
    rows += batch.length;
    onProgress({ phase: 'final labels', rows });
  }
};
