// Who may call the issue set routes (walked by src/plugins/route-permissions.test.ts).
import { anyMember, leadOrOwner, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createIssues } from '../../../test/factories.ts';

async function issueSet(ctx: TestContext, team: Team) {
  const [issueId] = await createIssues(ctx.prisma, team.projectId, 1);
  const set = await ctx.prisma.issueSet.create({
    data: {
      projectId: team.projectId,
      name: `Set ${crypto.randomUUID()}`,
      filter: {},
      population: 1,
      members: { create: [{ issueId: issueId!, position: 0 }] },
    },
  });
  return set.id;
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/issue-sets': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/issue-sets` }),
  },
  'GET /api/projects/:projectId/issue-sets/:setId': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/issue-sets/${await issueSet(ctx, team)}` }),
  },
  'POST /api/projects/:projectId/issue-sets': {
    expected: leadOrOwner(201),
    async request(ctx, team) {
      await createIssues(ctx.prisma, team.projectId, 3);
      return {
        url: `/api/projects/${team.projectId}/issue-sets`,
        payload: { name: `Sample ${crypto.randomUUID()}`, filter: {}, sample: { size: 2 } },
      };
    },
  },
  'DELETE /api/projects/:projectId/issue-sets/:setId': {
    expected: leadOrOwner(204),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/issue-sets/${await issueSet(ctx, team)}` }),
  },
};
