// The one registry of export formats: name, label, media type, extension, who may use it, whether
// it is about one stage, and its writer (served by GET /exports/:format, listed on the Export page
// and run by the CLI). Adding a format is one entry here.
import { exportFilename, type ExportContext, type ExportScope, type ExportWriter } from './export-scope.ts';
import { writeAgreementCsv, writeAgreementJson } from './writers/agreement.ts';
import { writeAnalysisCsv, writeAnalysisJson, writeAnalysisLatex, writeAnalysisMarkdown } from './writers/analysis.ts';
import { writeCodebookQdc } from './writers/codebook-qdc.ts';
import { countCodingsCsvRows, writeCodingsCsv } from './writers/codings-csv.ts';
import { writeDatasetJsonl } from './writers/dataset-jsonl.ts';
import { writeFinalLabelsCsv } from './writers/final-labels-csv.ts';
import { writeQdpx } from './writers/qdpx.ts';
import { writeWideCsv } from './writers/wide-csv.ts';

export interface ExportFormat {
  name: string;
  label: string;
  description: string;
  mediaType: string;
  extension: string;
  /** member: every member, coders getting only their own codings; lead: leads and owners only. */
  access: 'member' | 'lead';
  stage: 'optional' | 'required';
  write: ExportWriter;
  /** The rows `write` will write, counted cheaply in the same snapshot (for an export job's progress bar). */
  countRows?: (context: ExportContext) => Promise<number>;
  /** Accepts `round` (a round number of the chosen stage). */
  rounds: boolean;
}

const CSV = 'text/csv; charset=utf-8';

export const EXPORT_FORMATS: ExportFormat[] = [
  {
    name: 'codings-csv',
    label: 'Codings (tidy CSV)',
    description:
      'One row per issue × coder × code of every submitted coding: stage, round, codebook version, code id and path, timestamps, active time, memo. A coding with no code is one row with empty code columns.',
    mediaType: CSV,
    extension: 'csv',
    access: 'member',
    stage: 'optional',
    rounds: true,
    write: writeCodingsCsv,
    countRows: countCodingsCsvRows,
  },
  {
    name: 'final-labels-csv',
    label: 'Final labels (tidy CSV)',
    description: 'One row per issue × code of the final (agreed or adjudicated) labels, with who decided last and why.',
    mediaType: CSV,
    extension: 'csv',
    access: 'lead',
    stage: 'optional',
    rounds: true,
    write: writeFinalLabelsCsv,
  },
  {
    name: 'wide-csv',
    label: 'Codings by coder (wide CSV, for R irr and Python krippendorff)',
    description:
      'Issues × coders for one stage: a code number per cell (single choice), or one row per issue × code with 1 / 0 per coder (multi-label). Empty cells: not coded.',
    mediaType: CSV,
    extension: 'csv',
    access: 'lead',
    stage: 'required',
    rounds: true,
    write: writeWideCsv,
  },
  {
    name: 'dataset-jsonl',
    label: 'Whole dataset (JSON Lines)',
    description:
      'Issues as imported with their comments, stages, codebooks, rounds, every coding, final labels, reviews and discussion: one JSON record per line, the first saying what the file holds.',
    mediaType: 'application/x-ndjson; charset=utf-8',
    extension: 'jsonl',
    access: 'member',
    stage: 'optional',
    rounds: false,
    write: writeDatasetJsonl,
  },
  {
    name: 'qdpx',
    label: 'REFI-QDA project (.qdpx, for NVivo, ATLAS.ti, MAXQDA)',
    description:
      'Issues as text sources with their GitHub metadata as variables, each coder\'s codings, the final labels as the user "adjudicated", the codebook with descriptions, memos as notes.',
    mediaType: 'application/zip',
    extension: 'qdpx',
    access: 'member',
    stage: 'optional',
    rounds: false,
    write: writeQdpx,
  },
  {
    name: 'codebook-qdc',
    label: 'Codebook (REFI-QDA .qdc)',
    description: "The stage's active codes with definitions and include / exclude criteria.",
    mediaType: 'application/xml; charset=utf-8',
    extension: 'qdc',
    access: 'member',
    stage: 'required',
    rounds: false,
    write: writeCodebookQdc,
  },
  {
    name: 'agreement-json',
    label: 'Agreement report (JSON)',
    description: 'Kappa with CI, alpha, AC1 and percent agreement: overall, per coder pair, per code and theme, per round.',
    mediaType: 'application/json; charset=utf-8',
    extension: 'json',
    access: 'member',
    stage: 'required',
    rounds: true,
    write: writeAgreementJson,
  },
  {
    name: 'agreement-csv',
    label: 'Agreement per code (CSV)',
    description: 'Presence / absence kappa with its CI and prevalence, per code and per theme.',
    mediaType: CSV,
    extension: 'csv',
    access: 'member',
    stage: 'required',
    rounds: true,
    write: writeAgreementCsv,
  },
  {
    name: 'analysis-json',
    label: 'Analysis results (JSON)',
    description:
      'The Analysis page from the final labels: distribution per code, theme and repository, resolution time with the rank tests, methods summary.',
    mediaType: 'application/json; charset=utf-8',
    extension: 'json',
    access: 'member',
    stage: 'required',
    rounds: false,
    write: writeAnalysisJson,
  },
  {
    name: 'analysis-csv',
    label: 'Analysis results (tidy CSV)',
    description: 'The same results as tidy rows: section, level, code, group, statistic, value, n, note.',
    mediaType: CSV,
    extension: 'csv',
    access: 'member',
    stage: 'required',
    rounds: false,
    write: writeAnalysisCsv,
  },
  {
    name: 'analysis-latex',
    label: 'Paper tables (LaTeX booktabs)',
    description: 'The taxonomy with definitions and counts, resolution time with the test results, agreement per stage and round.',
    mediaType: 'text/plain; charset=utf-8',
    extension: 'tex',
    access: 'member',
    stage: 'required',
    rounds: false,
    write: writeAnalysisLatex,
  },
  {
    name: 'analysis-markdown',
    label: 'Paper tables (Markdown)',
    description: 'The same three tables in Markdown.',
    mediaType: 'text/plain; charset=utf-8',
    extension: 'md',
    access: 'member',
    stage: 'required',
    rounds: false,
    write: writeAnalysisMarkdown,
  },
];

export const findFormat = (name: string): ExportFormat | undefined => EXPORT_FORMATS.find((format) => format.name === name);

/** The download's file name, e.g. `study-relevance-codings-2026-11-27.csv`. */
export const filenameFor = (scope: ExportScope, format: ExportFormat): string =>
  exportFilename(scope, format.name.replace(new RegExp(`-${format.extension}$`), ''), format.extension);
