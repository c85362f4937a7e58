// Exports: which formats a caller may use, the scope of one export (checked before a byte is
// written, so every refusal is a clean 4xx), and running a writer inside one read-only snapshot
// on a connection of its own, so a file is consistent however long it takes to stream.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { Prisma, PrismaClient, Role } from '@concord/db';
import type { ExportFormatInfo, ExportQuery } from '@concord/contracts';
import { withPaths } from '../../lib/code-tree.ts';
import { createAgreementService } from '../agreement/agreement.service.ts';
import { createAnalysisService } from '../analysis/analysis.service.ts';
import { createCodebooksService } from '../codebooks/codebooks.service.ts';
import { AppError, badRequest, forbidden, notFound } from '../../plugins/errors.ts';
import type { ExportProgressListener, ExportScope, ScopeStage, WriterServices } from './export-scope.ts';
import { EXPORT_FORMATS, findFormat, type ExportFormat } from './export-formats.ts';

const unknownFormat = (name: string) => {
  const names = EXPORT_FORMATS.map((format) => format.name);
  return badRequest('UNKNOWN_FORMAT', `There is no export format "${name}". Formats: ${names.join(', ')}.`, { formats: names });
};

type StageWithCodebook = Prisma.StageGetPayload<{ include: { codebook: { include: { codes: true } } } }>;

function withCodePaths(stage: StageWithCodebook): ScopeStage {
  const codes = stage.codebook?.codes ?? [];
  const byId = new Map(codes.map((code) => [code.id, code]));
  return {
    id: stage.id,
    name: stage.name,
    position: stage.position,
    mode: stage.mode,
    parentCodesCodable: stage.parentCodesCodable,
    codebookVersion: stage.codebook?.version ?? 1,
    codes: withPaths(codes).map(({ id, parentId, name, path, retired }) => {
      const code = byId.get(id)!;
      return {
        id,
        parentId,
        name,
        path,
        definition: code.definition,
        includeCriteria: code.includeCriteria,
        excludeCriteria: code.excludeCriteria,
        color: code.color,
        position: code.position,
        retired,
        codable: stage.parentCodesCodable || !codes.some((child) => child.parentId === id && child.retiredAt === null),
      };
    }),
  };
}

/** Who asks for an export, with their role in the project (the CLI asks as an owner). */
export interface Requester {
  id: string;
  name: string;
  role: Role;
}

/**
 * Exports running at once in one process. Each holds a pooled connection for as long as its client
 * downloads; without a cap, a few slow downloads would take the connections the coding screen needs.
 */
export const MAX_RUNNING_EXPORTS = 3;

export function createExportsService(prisma: PrismaClient, pool: pg.Pool, maxRunning = MAX_RUNNING_EXPORTS) {
  let running = 0;
  return {
    /** A signed-in member as a requester. */
    async requester(userId: string, role: Role): Promise<Requester> {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } });
      return { ...user, role };
    },

    /** The formats this role may download, with where to get each. */
    formatsFor(role: Role): ExportFormatInfo[] {
      return EXPORT_FORMATS.filter((format) => format.access === 'member' || role !== 'coder').map((format) => ({
        name: format.name,
        label: format.label,
        description: format.description,
        extension: format.extension,
        mediaType: format.mediaType,
        stage: format.stage,
        ownCodingsOnly: role === 'coder',
        path: `/exports/${format.name}`,
        query: { stage: '{stageId}' },
      }));
    },

    /** The writer format called `name`, if the caller may use it: 400 for an unknown one, 403 for a lead's. */
    usableFormat(name: string, role: Role): ExportFormat {
      const format = findFormat(name);
      if (!format) throw unknownFormat(name);
      if (format.access === 'lead' && role === 'coder')
        throw forbidden(`The ${format.label} export holds every coder's work: it is for leads and owners.`);
      return format;
    },

    async scope(
      projectId: string,
      format: ExportFormat,
      query: ExportQuery,
      requester: Requester,
      exportedAt = new Date(),
    ): Promise<ExportScope> {
      const stageId = query.stage || undefined;
      if (format.stage === 'required' && !stageId) {
        throw badRequest('STAGE_REQUIRED', `The ${format.label} export is about one stage: add ?stage=<stage id>.`);
      }
      if (query.round !== undefined && !format.rounds)
        throw badRequest('ROUND_NOT_SUPPORTED', `The ${format.label} export covers whole stages.`);
      if (query.round !== undefined && !stageId)
        throw badRequest('STAGE_REQUIRED', 'Rounds are numbered per stage: give ?stage= with ?round=.');
      const project = await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, slug: true, name: true } });
      if (!project) throw notFound('Project');
      const stages = await prisma.stage.findMany({
        where: { projectId, ...(stageId ? { id: stageId } : {}) },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        include: { codebook: { include: { codes: true } }, rounds: { select: { number: true } } },
      });
      if (stageId && stages.length === 0) throw notFound('Stage');
      if (query.round !== undefined && !stages[0]!.rounds.some((round) => round.number === query.round))
        throw notFound(`Round ${query.round}`);
      const scoped = stages.map(withCodePaths);
      return {
        format: format.name,
        project,
        stages: scoped,
        stage: stageId ? scoped[0]! : null,
        round: query.round ?? null,
        role: requester.role,
        ownCodingsOf: requester.role === 'coder' ? requester.id : null,
        requestedBy: { id: requester.id, name: requester.name },
        exportedAt,
      };
    },

    /**
     * Runs the writer into `output` (which it does not end) inside a REPEATABLE READ, READ ONLY
     * transaction on a connection of its own; the connection goes back to the pool however it ends.
     */
    async run(
      format: ExportFormat,
      scope: ExportScope,
      services: WriterServices,
      output: Writable,
      onProgress: ExportProgressListener,
      options: RunOptions = {},
    ) {
      if (running >= maxRunning) {
        throw new AppError(429, 'EXPORTS_BUSY', `${maxRunning} exports are being downloaded from this server; retry in a moment.`, {
          retryAfterSeconds: 10,
        });
      }
      running++;
      try {
        await runInSnapshot(format, scope, services, output, onProgress, options);
      } finally {
        running--;
      }
    },
  };

  async function runInSnapshot(
    format: ExportFormat,
    scope: ExportScope,
    services: WriterServices,
    output: Writable,
    onProgress: ExportProgressListener,
    { onTotal }: RunOptions,
  ) {
    const db = await pool.connect();
    let broken = false;
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const context = { ...scope, db, services };
      // Counted in the same snapshot, so the total is exactly what the file will hold.
      if (onTotal && format.countRows) onTotal(await format.countRows(context));
      await format.write(context, output, onProgress);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      db.release(broken);
    }
  }
}

export type ExportsService = ReturnType<typeof createExportsService>;

export interface RunOptions {
  /** Wants the number of rows the file will hold (for a progress bar), when the format can count them. */
  onTotal?: (rows: number) => void;
}

/** The services the writers reuse, for a process (the CLI, a job worker) without the API's. */
export function createWriterServices(prisma: PrismaClient, pool: pg.Pool): WriterServices {
  const agreement = createAgreementService(prisma, pool);
  return { agreement, analysis: createAnalysisService(prisma, pool, agreement), codebooks: createCodebooksService(prisma) };
}
