// The agreement report of one stage as files, from the agreement service (the same numbers as the
// Agreement page): the whole report as JSON with an "export" record first, or its per-code and
// per-theme table as CSV under a header comment line. Coders get closed rounds only.
import { csvComment } from '../csv.ts';
import { aboutExport, aboutLine, type ExportContext, type ExportWriter } from '../export-scope.ts';
import { writeChunk } from '../output.ts';

const report = (context: ExportContext) =>
  context.services.agreement.report(context.project.id, context.stage!.id, context.role, context.round ?? undefined);

export const writeAgreementJson: ExportWriter = async (context, output) => {
  const about = aboutExport(context, 'the agreement report: overall, per coder pair, per code and theme, per round');
  await writeChunk(output, `${JSON.stringify({ export: about, ...(await report(context)) }, null, 2)}\n`);
};

export const writeAgreementCsv: ExportWriter = async (context, output) => {
  const { agreement } = context.services;
  const csv = agreement.toCsv(await report(context));
  await writeChunk(
    output,
    csvComment(aboutLine(aboutExport(context, 'agreement per code and per theme (presence / absence kappa)'))) + csv,
  );
};
