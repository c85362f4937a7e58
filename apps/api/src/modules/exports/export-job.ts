// The `export` job: one export written into a file stored in PostgreSQL, with the rows written (and
// the total, when the format counts it) as progress. An export is one snapshot transaction, so the
// job is never cut into slices: it gets a long lease, and a job whose worker died or was stopped
// starts again from scratch, replacing whatever the earlier attempt stored.
import type { ExportQuery } from '@concord/contracts';
import type { Role } from '@concord/db';
import { PermanentJobError, type JobContext, type JobHandler, type JobOutcome } from '../../jobs/job-runner.ts';
import { AppError } from '../../plugins/errors.ts';
import { createStoredFile } from './export-file-store.ts';
import { filenameFor } from './export-formats.ts';
import type { ExportProgress } from './export-scope.ts';
import { createExportsService, createWriterServices, type Requester } from './exports.service.ts';
import { OutputClosedError } from './output.ts';

export const EXPORT_JOB = 'export';
/** The lease of one export job (pg-boss expiry): an export must finish within it. */
export const EXPORT_JOB_EXPIRY_SECONDS = 4 * 60 * 60;
/** Progress is written at most this often: often enough for a live bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 500;

/** A type, not an interface: it is stored as the job's JSON input. */
export type ExportJobInput = {
  format: string;
  query: ExportQuery;
  requestedById: string;
};

export interface ExportJobProgress {
  /** The role the file was written for: a member demoted since then no longer sees it. */
  ranAs?: Role;
  phase?: string | null;
  rows?: number;
  total?: number | null;
  bytes?: number;
}

/** The requester as they are now: a member removed or demoted since asking gets what their role allows. */
async function currentRequester(context: JobContext<ExportJobInput>): Promise<Requester> {
  const member = await context.database.prisma.member.findUnique({
    where: { projectId_userId: { projectId: context.projectId!, userId: context.input.requestedById } },
    include: { user: { select: { name: true } } },
  });
  if (!member) throw new PermanentJobError('The user who started this export is no longer a member of the project.');
  return { id: member.userId, name: member.user.name, role: member.role };
}

export function createExportJobHandler(): JobHandler {
  return (async (context: JobContext<ExportJobInput, ExportJobProgress>): Promise<JobOutcome> => {
    const { database, jobId, input } = context;
    const { prisma, pool } = database;
    const exports = createExportsService(prisma, pool);
    const requester = await currentRequester(context);

    const progress: Required<ExportJobProgress> = { ranAs: requester.role, phase: null, rows: 0, total: null, bytes: 0 };
    let saving: Promise<void> = Promise.resolve();
    let saveError: unknown;
    let savedAt = 0;
    const save = () => {
      savedAt = Date.now();
      const snapshot = JSON.stringify(progress);
      saving = saving
        .then(async () => void (await pool.query('UPDATE "Job" SET progress = $2 WHERE id = $1', [jobId, snapshot])))
        .catch((error: unknown) => void (saveError ??= error));
    };

    try {
      const format = exports.usableFormat(input.format, requester.role);
      const scope = await exports.scope(context.projectId!, format, input.query, requester);
      const file = await createStoredFile(pool, jobId, { filename: filenameFor(scope, format), mediaType: format.mediaType });
      const stop = () => file.output.destroy(new OutputClosedError());
      context.signal.addEventListener('abort', stop);
      // Phases count their own rows; the job shows the rows of every phase so far.
      let earlierPhases = 0;
      const onProgress = ({ phase, rows }: ExportProgress) => {
        if (phase !== progress.phase) earlierPhases = progress.rows;
        Object.assign(progress, { phase, rows: earlierPhases + rows, bytes: file.bytes() });
        if (Date.now() - savedAt >= PROGRESS_EVERY_MS) save();
      };
      save();
      try {
        await exports.run(format, scope, createWriterServices(prisma, pool), file.output, onProgress, {
          onTotal: (total) => {
            progress.total = total;
            save();
          },
        });
        await file.complete();
      } finally {
        context.signal.removeEventListener('abort', stop);
      }
      progress.bytes = file.bytes();
      progress.phase = 'done';
      save();
      await saving;
      if (saveError) throw saveError;
      return { status: 'done' };
    } catch (error) {
      await saving;
      // No half file stays behind: a retry writes the whole file again.
      await pool.query('DELETE FROM "ExportFile" WHERE "jobId" = $1', [jobId]).catch(() => {});
      // Stopped with its process: another worker starts it again from scratch.
      if (context.signal.aborted) return { status: 'wait', until: new Date() };
      // A refusal (a role that no longer allows the format, an open round) is the same on a retry.
      if (error instanceof AppError && error.statusCode < 500) throw new PermanentJobError(error.message);
      throw error;
    }
  }) as JobHandler;
}
