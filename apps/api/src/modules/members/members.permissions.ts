// Who may call the member routes (walked by src/plugins/route-permissions.test.ts).
import { ownerOnly, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/members': {
    expected: ownerOnly(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/members` }),
  },
  'POST /api/projects/:projectId/members': {
    expected: ownerOnly(201),
    request: (_c, team) => ({
      url: `/api/projects/${team.projectId}/members`,
      payload: { email: `new-${crypto.randomUUID()}@test.concord`, role: 'coder' },
    }),
  },
  'PATCH /api/projects/:projectId/members/:userId': {
    expected: ownerOnly(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/members/${team.coder.id}`, payload: { role: 'coder' } }),
  },
  'DELETE /api/projects/:projectId/members/:userId': {
    expected: ownerOnly(204),
    async request(ctx, team) {
      const extra = await ctx.createUser('extra');
      await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: extra.id, role: 'coder' } });
      return { url: `/api/projects/${team.projectId}/members/${extra.id}` };
    },
  },
};
