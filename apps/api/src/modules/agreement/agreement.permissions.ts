// Who may call the agreement routes (walked by src/plugins/route-permissions.test.ts). Every
// member gets the report of a closed round; open rounds are covered in agreement.test.ts.
import { anyMember, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createRound, createStage } from '../../../test/factories.ts';

async function stageWithClosedRound(ctx: TestContext, team: Team): Promise<string> {
  const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
  await createRound(ctx.prisma, stageId, { number: 1, status: 'closed', issueIds: [], codings: {} });
  return stageId;
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/stages/:stageId/agreement': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/stages/${await stageWithClosedRound(ctx, team)}/agreement` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/agreement/disagreements': {
    expected: anyMember(200),
    request: async (ctx, team) => ({
      url: `/api/projects/${team.projectId}/stages/${await stageWithClosedRound(ctx, team)}/agreement/disagreements`,
    }),
  },
};
