// A stage's analysis from its final labels as files, from the analysis service (the Analysis
// page's numbers): the results as JSON or tidy CSV, and the paper tables as LaTeX or Markdown.
// Each already opens with what it holds (project, stage, source, date, Concord version).
import { analysisToCsv } from '../../analysis/analysis-csv.ts';
import { renderTables } from '../../analysis/analysis-tables.ts';
import type { ExportContext, ExportWriter } from '../export-scope.ts';
import { writeChunk } from '../output.ts';

const analysisOf = (context: ExportContext) =>
  context.services.analysis.analysis(context.project.id, context.stage!.id, context.role, 'final');

export const writeAnalysisJson: ExportWriter = async (context, output) =>
  writeChunk(output, `${JSON.stringify(await analysisOf(context), null, 2)}\n`);

export const writeAnalysisCsv: ExportWriter = async (context, output) => writeChunk(output, analysisToCsv(await analysisOf(context)));

export const writeAnalysisLatex: ExportWriter = async (context, output) =>
  writeChunk(output, renderTables(await analysisOf(context), 'latex', null));

export const writeAnalysisMarkdown: ExportWriter = async (context, output) =>
  writeChunk(output, renderTables(await analysisOf(context), 'markdown', null));
