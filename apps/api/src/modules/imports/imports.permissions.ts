// Who may call the import routes (walked by src/plugins/route-permissions.test.ts).
import { anyMember, leadOrOwner, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';

/** An import job row: finished, as the worker leaves it, or still queued. */
async function importJob(ctx: TestContext, team: Team, status: 'succeeded' | 'queued' = 'succeeded') {
  const job = await ctx.prisma.job.create({
    data: {
      projectId: team.projectId,
      kind: 'github-import',
      status,
      input: { repositoryIds: [], includePullRequests: false },
    },
  });
  return job.id;
}

const csv = (n: number) => `repository,number,title,state,created_at\nocto/perm,${n},Title,open,2024-01-01T00:00:00Z\n`;
let fileNumber = 0;

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/imports/settings': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/imports/settings` }),
  },
  'GET /api/projects/:projectId/repositories': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/repositories` }),
  },
  'GET /api/projects/:projectId/imports': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/imports` }),
  },
  'GET /api/projects/:projectId/imports/:jobId': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/imports/${await importJob(ctx, team)}` }),
  },
  'POST /api/projects/:projectId/imports': {
    // The permission test's server has no GitHub token, so an allowed caller learns that (400).
    expected: leadOrOwner(400),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/imports`, payload: { repositories: ['octo/perm'] } }),
  },
  'POST /api/projects/:projectId/imports/:jobId/cancel': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/imports/${await importJob(ctx, team, 'queued')}/cancel` }),
  },
  'POST /api/projects/:projectId/imports/file': {
    expected: leadOrOwner(200),
    request: (_c, team) => ({
      url: `/api/projects/${team.projectId}/imports/file`,
      payload: { format: 'csv', content: csv(++fileNumber) },
    }),
  },
};
