// Export jobs of a project: starting one (checked like a download, so refusals are the same 4xx),
// listing and reading them with their progress, and serving the stored file. A job is visible to
// the member who started it and to leads and owners; to anyone else it does not exist.
import type { Readable } from 'node:stream';
import type { Database } from '@concord/db';
import type { ExportJob, ExportQuery } from '@concord/contracts';
import type { JobRunner } from '../../jobs/job-runner.ts';
import { AppError, conflict, notFound } from '../../plugins/errors.ts';
import { deleteExpiredFiles, readStoredFile } from './export-file-store.ts';
import { findFormat } from './export-formats.ts';
import { EXPORT_JOB, type ExportJobInput, type ExportJobProgress } from './export-job.ts';
import type { ExportsService, Requester } from './exports.service.ts';

/** The most recent jobs listed. */
const LISTED_JOBS = 50;

interface ExportJobRow {
  id: string;
  status: ExportJob['status'];
  input: ExportJobInput;
  progress: ExportJobProgress;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdById: string | null;
  createdByName: string | null;
  stageName: string | null;
  filename: string | null;
  mediaType: string | null;
  bytes: string | null;
  chunkCount: number | null;
  completedAt: Date | null;
  expiresAt: Date | null;
}

function toExportJob(row: ExportJobRow, now = new Date()): ExportJob {
  const complete = row.status === 'succeeded' && row.completedAt !== null;
  const stageId = row.input.query.stage || null;
  return {
    id: row.id,
    status: row.status,
    format: row.input.format,
    label: findFormat(row.input.format)?.label ?? row.input.format,
    stage: stageId && row.stageName !== null ? { id: stageId, name: row.stageName } : null,
    round: row.input.query.round ?? null,
    createdBy: row.createdById && row.createdByName !== null ? { id: row.createdById, name: row.createdByName } : null,
    phase: row.progress.phase ?? null,
    rows: row.progress.rows ?? 0,
    total: row.progress.total ?? null,
    bytes: row.bytes === null ? (row.progress.bytes ?? 0) : Number(row.bytes),
    error: row.error,
    filename: complete ? row.filename : null,
    mediaType: complete ? row.mediaType : null,
    expiresAt: complete ? (row.expiresAt?.toISOString() ?? null) : null,
    downloadable: complete && row.expiresAt !== null && row.expiresAt > now,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export interface ExportJobsServiceDeps {
  database: Database;
  jobs: JobRunner;
  exports: ExportsService;
}

export function createExportJobsService({ database, jobs, exports }: ExportJobsServiceDeps) {
  const { pool } = database;

  /**
   * The project's export jobs this requester may see: their own, or every one for leads and owners.
   * A coder does not see a job that ran for a lead (they were demoted since): its file holds everyone's codings.
   */
  async function visibleJobs(projectId: string, requester: Requester, jobId?: string): Promise<ExportJobRow[]> {
    const values: unknown[] = [projectId, EXPORT_JOB];
    const conditions = ['j."projectId" = $1', 'j.kind = $2'];
    if (requester.role === 'coder')
      conditions.push(`j."createdById" = $${values.push(requester.id)}`, `coalesce(j.progress->>'ranAs', 'coder') = 'coder'`);
    if (jobId) conditions.push(`j.id = $${values.push(jobId)}`);
    const { rows } = await pool.query<ExportJobRow>(
      `SELECT j.id, j.status, j.input, j.progress, j.error, j."createdAt", j."startedAt", j."finishedAt", j."createdById",
              u.name AS "createdByName", s.name AS "stageName",
              f.filename, f."mediaType", f.bytes::text AS bytes, f."chunkCount", f."completedAt", f."expiresAt"
       FROM "Job" j
       LEFT JOIN "User" u ON u.id = j."createdById"
       LEFT JOIN "Stage" s ON s.id = nullif(j.input->'query'->>'stage', '')::uuid
       LEFT JOIN "ExportFile" f ON f."jobId" = j.id
       WHERE ${conditions.join(' AND ')}
       ORDER BY j."createdAt" DESC LIMIT ${LISTED_JOBS}`,
      values,
    );
    return rows;
  }

  async function visibleJob(projectId: string, jobId: string, requester: Requester): Promise<ExportJobRow> {
    const [row] = await visibleJobs(projectId, requester, jobId);
    if (!row) throw notFound('Export job');
    return row;
  }

  return {
    /** Checks the export as a download would be checked, then queues it. */
    async start(projectId: string, formatName: string, query: ExportQuery, requester: Requester): Promise<ExportJob> {
      const format = exports.usableFormat(formatName, requester.role);
      await exports.scope(projectId, format, query, requester);
      // Expired files go whenever exports are started: no scheduler needed, and never later than the next export.
      await deleteExpiredFiles(pool);
      const input: ExportJobInput = {
        format: format.name,
        query: { ...(query.stage ? { stage: query.stage } : {}), ...(query.round !== undefined ? { round: query.round } : {}) },
        requestedById: requester.id,
      };
      const jobId = await jobs.enqueue(EXPORT_JOB, { projectId, input, createdById: requester.id });
      return toExportJob(await visibleJob(projectId, jobId, requester));
    },

    async list(projectId: string, requester: Requester): Promise<ExportJob[]> {
      const now = new Date();
      return (await visibleJobs(projectId, requester)).map((row) => toExportJob(row, now));
    },

    async get(projectId: string, jobId: string, requester: Requester): Promise<ExportJob> {
      return toExportJob(await visibleJob(projectId, jobId, requester));
    },

    /** Stops a queued or running export: whatever it had written is deleted, as for a failed one. */
    async cancel(projectId: string, jobId: string, requester: Requester): Promise<ExportJob> {
      await visibleJob(projectId, jobId, requester);
      if (!(await jobs.cancel(projectId, jobId))) {
        const { status } = await visibleJob(projectId, jobId, requester);
        throw conflict('EXPORT_ENDED', `This export has already ended (${status}); there is nothing to cancel.`, { status });
      }
      return toExportJob(await visibleJob(projectId, jobId, requester));
    },

    /** The stored file, streamed: 409 until the job is done, 410 once the file has expired. */
    async file(
      projectId: string,
      jobId: string,
      requester: Requester,
    ): Promise<{ filename: string; mediaType: string; bytes: number; body: Readable }> {
      const row = await visibleJob(projectId, jobId, requester);
      if (row.status !== 'succeeded') {
        const why = row.status === 'failed' || row.status === 'cancelled' ? `it ${row.status}` : `it is ${row.status}`;
        throw conflict('EXPORT_NOT_READY', `This export has no file to download: ${why}.`, { status: row.status });
      }
      // A succeeded job's file is complete; without one, it was deleted at its expiry.
      if (
        row.completedAt === null ||
        row.expiresAt === null ||
        row.expiresAt <= new Date() ||
        row.filename === null ||
        row.mediaType === null
      )
        throw new AppError(410, 'EXPORT_EXPIRED', 'This export’s file has expired and was deleted: run the export again.');
      return {
        filename: row.filename,
        mediaType: row.mediaType,
        bytes: Number(row.bytes),
        body: readStoredFile(pool, jobId, row.chunkCount ?? 0),
      };
    },
  };
}

export type ExportJobsService = ReturnType<typeof createExportJobsService>;
