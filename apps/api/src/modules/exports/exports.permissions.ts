// Who may call the export routes (walked by src/plugins/route-permissions.test.ts). Every member
// may list formats and download the codings CSV (coders get their own); the lead-only formats
// are covered in exports.test.ts. Every member sees and downloads the export jobs they started
// (others' jobs are covered in export-jobs.test.ts).
import { anyMember, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext, TestUser } from '../../../test/test-context.ts';
import { EXPORT_JOB } from './export-job.ts';

/** An export job of the caller (of the owner when signed out), finished with a stored file when `done`. */
async function exportJobOf(ctx: TestContext, team: Team, caller: TestUser | null, done: boolean): Promise<string> {
  const createdById = (caller ?? team.owner).id;
  const job = await ctx.prisma.job.create({
    data: {
      projectId: team.projectId,
      kind: EXPORT_JOB,
      input: { format: 'codings-csv', query: {}, requestedById: createdById },
      createdById,
      ...(done ? { status: 'succeeded' as const, finishedAt: new Date() } : {}),
    },
  });
  if (done)
    await ctx.prisma.exportFile.create({
      data: {
        jobId: job.id,
        filename: 'export.csv',
        mediaType: 'text/csv; charset=utf-8',
        bytes: 3,
        chunkCount: 1,
        completedAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
        chunks: { create: { position: 0, data: Buffer.from('a\r\n') } },
      },
    });
  return job.id;
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/exports': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports` }),
  },
  'GET /api/projects/:projectId/exports/:format': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports/codings-csv` }),
  },
  'POST /api/projects/:projectId/exports/:format/jobs': {
    expected: anyMember(202),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports/codings-csv/jobs` }),
  },
  'GET /api/projects/:projectId/exports/jobs': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports/jobs` }),
  },
  'GET /api/projects/:projectId/exports/jobs/:jobId': {
    expected: anyMember(200),
    request: async (ctx, team, caller) => ({
      url: `/api/projects/${team.projectId}/exports/jobs/${await exportJobOf(ctx, team, caller, false)}`,
    }),
  },
  'POST /api/projects/:projectId/exports/jobs/:jobId/cancel': {
    expected: anyMember(200),
    request: async (ctx, team, caller) => ({
      url: `/api/projects/${team.projectId}/exports/jobs/${await exportJobOf(ctx, team, caller, false)}/cancel`,
    }),
  },
  'GET /api/projects/:projectId/exports/jobs/:jobId/file': {
    expected: anyMember(200),
    request: async (ctx, team, caller) => ({
      url: `/api/projects/${team.projectId}/exports/jobs/${await exportJobOf(ctx, team, caller, true)}/file`,
    }),
  },
};
