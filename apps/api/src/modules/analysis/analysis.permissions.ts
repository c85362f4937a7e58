// Who may call the analysis routes (walked by src/plugins/route-permissions.test.ts): every
// member, on final labels; blind coding for raw codings is covered in analysis.test.ts.
import { anyMember, type PermissionTable } from '../../../test/permissions.ts';
import { createStage } from '../../../test/factories.ts';

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/stages/:stageId/analysis': {
    expected: anyMember(200),
    request: async (ctx, team) => {
      const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
      return { url: `/api/projects/${team.projectId}/stages/${stageId}/analysis` };
    },
  },
  'GET /api/projects/:projectId/stages/:stageId/analysis/tables': {
    expected: anyMember(200),
    request: async (ctx, team) => {
      const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
      return { url: `/api/projects/${team.projectId}/stages/${stageId}/analysis/tables?format=markdown` };
    },
  },
};
