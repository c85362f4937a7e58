// Wide CSV of one stage: issues x coders, the layout R's irr (kappa2, kappam.fleiss, kripp.alpha
// on the transposed matrix) and Python's krippendorff (reliability_data = the coder columns,
// transposed) read. Cells are numbers, as kripp.alpha and krippendorff need; an empty cell is a
// coder who did not code the issue (NA / NaN).
// - single-choice stage: one row per round x issue; the cell is the chosen code's number (the
//   legend is in the header line), 0 when the coder applied no code.
// - multi-label stage: one row per round x issue x codable code; the cell is 1 when the coder
//   applied the code and 0 when not, so each code's agreement is computed on its own rows.
import { csvComment, csvLine } from '../csv.ts';
import { aboutExport, aboutLine, type ExportContext, type ExportWriter, type ScopeStage } from '../export-scope.ts';
import { writeChunk } from '../output.ts';
import { rowsOf } from '../row-batches.ts';
import { codingScope, PATH_SEPARATOR } from '../scope-sql.ts';

const ISSUE_COLUMNS = ['round', 'issue_id', 'repository', 'issue_number'];
const CODE_COLUMNS = ['code_number', 'code_id', 'code_path'];

/** Coders with a submitted coding in scope, by name; a name two coders share gets the id's start. */
async function codersOf(context: ExportContext, where: string, values: unknown[]) {
  const { rows } = await context.db.query<{ id: string; name: string }>(
    `SELECT DISTINCT u.id, u.name FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" JOIN "User" u ON u.id = c."coderId"
     WHERE ${where} ORDER BY u.name, u.id`,
    values,
  );
  return rows.map((coder) => ({
    id: coder.id,
    column: rows.filter((other) => other.name === coder.name).length > 1 ? `${coder.name} (${coder.id.slice(0, 8)})` : coder.name,
  }));
}

// A single-choice stage numbers every code, so a coding of a code that has since gained sub-codes
// still has its number; a multi-label stage gets rows for the codable codes only.
function legendOf(stage: ScopeStage) {
  const codable = stage.mode === 'single' ? stage.codes : stage.codes.filter((code) => code.codable);
  const numbers = new Map(codable.map((code, index) => [code.id, index + 1]));
  const text = codable.map((code, index) => `${index + 1} = ${code.path.join(PATH_SEPARATOR)}`).join('; ');
  return { codable, numbers, text };
}

export const writeWideCsv: ExportWriter = async (context, output, onProgress) => {
  const stage = context.stage!;
  const { where, values } = codingScope(context, { submittedOnly: true });
  const coders = await codersOf(context, where, values);
  const legend = legendOf(stage);
  const single = stage.mode === 'single';
  const contents = single
    ? `submitted codings of a single-choice stage, one row per round x issue, one column per coder; codes: 0 = no code applies; ${legend.text}`
    : 'submitted codings of a multi-label stage, one row per round x issue x codable code, one column per coder: 1 = applied, 0 = not applied';
  await writeChunk(output, csvComment(aboutLine(aboutExport(context, contents))));
  await writeChunk(output, csvLine([...ISSUE_COLUMNS, ...(single ? [] : CODE_COLUMNS), ...coders.map((coder) => coder.column)]));

  const query = `
    SELECT r.number::text, i.id, repo.owner || '/' || repo.name, i.number::text, c."coderId",
           COALESCE(string_agg(cc."codeId"::text, ' '), '')
    FROM "Coding" c
    JOIN "Round" r ON r.id = c."roundId"
    JOIN "Issue" i ON i.id = c."issueId"
    JOIN "Repository" repo ON repo.id = i."repositoryId"
    LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
    WHERE ${where}
    GROUP BY c.id, r.number, i.id, repo.owner, repo.name, i.number
    ORDER BY r.number, repo.owner, repo.name, i.number, i.id`;

  let key = '';
  let issue: string[] = [];
  let codesByCoder = new Map<string, string[]>();
  let rows = 0;
  let chunk = '';
  const flush = async () => {
    if (!key) return;
    if (single) {
      const cell = (coderId: string) => {
        const codes = codesByCoder.get(coderId);
        if (!codes) return null;
        return codes.length === 0 ? 0 : codes.map((codeId) => legend.numbers.get(codeId)).join(' ');
      };
      chunk += csvLine([...issue, ...coders.map((coder) => cell(coder.id))]);
    } else {
      for (const [index, code] of legend.codable.entries()) {
        const cell = (coderId: string) => {
          const codes = codesByCoder.get(coderId);
          return codes ? Number(codes.includes(code.id)) : null;
        };
        chunk += csvLine([...issue, index + 1, code.id, code.path.join(PATH_SEPARATOR), ...coders.map((coder) => cell(coder.id))]);
      }
    }
    rows++;
    if (chunk.length > 64 * 1024) {
      await writeChunk(output, chunk);
      chunk = '';
      onProgress({ phase: 'issues', rows });
    }
  };
  for await (const [round, issueId, repository, number, coderId, codeIds] of rowsOf(context.db, query, values)) {
    const rowKey = `${round}:${issueId}`;
    if (rowKey !== key) {
      await flush();
      key = rowKey;
      issue = [round!, issueId!, repository!, number!];
      codesByCoder = new Map();
    }
    codesByCoder.set(coderId!, codeIds ? codeIds.split(' ') : []);
  }
  await flush();
  await writeChunk(output, chunk);
  onProgress({ phase: 'issues', rows });
};
