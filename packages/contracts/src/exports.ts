// The export formats a caller may download (GET /api/projects/:projectId/exports) and the query
// of one download (GET /api/projects/:projectId/exports/:format).
import { Type, type Static } from 'typebox';
import { Id, IsoDate, JobStatus } from './common.ts';

export const ExportFormatInfo = Type.Object({
  /** What the API, the CLI (`--format`) and the file name call it, e.g. `codings-csv`. */
  name: Type.String(),
  label: Type.String(),
  description: Type.String(),
  extension: Type.String({ description: 'File extension without the dot' }),
  mediaType: Type.String(),
  /** `required`: the file is about one stage; `optional`: one stage or all of them. */
  stage: Type.Union([Type.Literal('optional'), Type.Literal('required')]),
  /** The caller is a coder and the file holds only their own codings. */
  ownCodingsOnly: Type.Boolean(),
  /**
   * Where to download it, under /api/projects/:projectId: `{stageId}` in the path or a query value
   * stands for the chosen stage; a query value that would be empty is left out.
   */
  path: Type.String(),
  query: Type.Record(Type.String(), Type.String()),
});
export type ExportFormatInfo = Static<typeof ExportFormatInfo>;

export const ExportFormatList = Type.Object({ formats: Type.Array(ExportFormatInfo) });
export type ExportFormatList = Static<typeof ExportFormatList>;

export const ExportParams = Type.Object({ projectId: Id, format: Type.String({ maxLength: 64 }) });
export type ExportParams = Static<typeof ExportParams>;

export const ExportQuery = Type.Object({
  stage: Type.Optional(Type.Union([Id, Type.Literal('')], { description: 'Only this stage (its id); all stages when omitted' })),
  round: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this round of the stage (its number); needs `stage`' })),
});
export type ExportQuery = Static<typeof ExportQuery>;

/** An export run as a background job (POST /exports/:format/jobs), its progress and its stored file. */
export const ExportJob = Type.Object({
  id: Id,
  status: JobStatus,
  format: Type.String(),
  label: Type.String(),
  stage: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  round: Type.Union([Type.Integer(), Type.Null()]),
  createdBy: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  /** What the export is reading now, e.g. "codings". */
  phase: Type.Union([Type.String(), Type.Null()]),
  /** Rows (or records) written so far, over every phase. */
  rows: Type.Integer(),
  /** Rows the file will hold, counted before writing, when the format can count them cheaply. */
  total: Type.Union([Type.Integer(), Type.Null()]),
  bytes: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  /** Set once the file is stored and complete: download it from `.../exports/jobs/:jobId/file`. */
  filename: Type.Union([Type.String(), Type.Null()]),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  /** The stored file is deleted at this time; null before the job is done. */
  expiresAt: Type.Union([IsoDate, Type.Null()]),
  /** The file can be downloaded now (done and not yet expired). */
  downloadable: Type.Boolean(),
  createdAt: IsoDate,
  startedAt: Type.Union([IsoDate, Type.Null()]),
  finishedAt: Type.Union([IsoDate, Type.Null()]),
});
export type ExportJob = Static<typeof ExportJob>;

export const ExportJobList = Type.Object({ jobs: Type.Array(ExportJob) });
export type ExportJobList = Static<typeof ExportJobList>;

export const ExportJobParams = Type.Object({ projectId: Id, jobId: Id });
export type ExportJobParams = Static<typeof ExportJobParams>;
