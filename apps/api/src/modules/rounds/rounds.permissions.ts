// Who may call the round routes (walked by src/plugins/route-permissions.test.ts).
import { anyMember, leadOrOwner, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

async function stage(ctx: TestContext, team: Team) {
  const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
  return stageId;
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/stages/:stageId/rounds': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/stages/${await stage(ctx, team)}/rounds` }),
  },
  'POST /api/projects/:projectId/stages/:stageId/rounds': {
    expected: leadOrOwner(201),
    async request(ctx, team) {
      const stageId = await stage(ctx, team);
      await createIssues(ctx.prisma, team.projectId, 2);
      return {
        url: `/api/projects/${team.projectId}/stages/${stageId}/rounds`,
        payload: { coderIds: [team.coder.id], overlap: { mode: 'all' } },
      };
    },
  },
  'PATCH /api/projects/:projectId/rounds/:roundId': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const roundId = await createRound(ctx.prisma, await stage(ctx, team), { number: 1, status: 'open', issueIds: [], codings: {} });
      return { url: `/api/projects/${team.projectId}/rounds/${roundId}`, payload: { status: 'closed' } };
    },
  },
};
