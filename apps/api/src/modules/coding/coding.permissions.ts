// Who may call the coding routes (walked by src/plugins/route-permissions.test.ts). Assignment
// routes belong to the coder they are assigned to: everyone else gets 403 NOT_ASSIGNED.
import { anyMember, type Expected, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

const assigneeOnly = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: status, lead: 403, owner: 403 });

async function coderAssignment(ctx: TestContext, team: Team) {
  const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
  const issueIds = await createIssues(ctx.prisma, team.projectId, 1);
  const roundId = await createRound(ctx.prisma, stageId, { number: 1, status: 'open', issueIds, codings: { [team.coder.id]: [null] } });
  const assignment = await ctx.prisma.assignment.findFirstOrThrow({ where: { roundId, coderId: team.coder.id } });
  const coding = await ctx.prisma.coding.findUniqueOrThrow({ where: { assignmentId: assignment.id } });
  return { roundId, assignmentId: assignment.id, codeId: codeIds.A!, version: coding.version };
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/coding/rounds': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/coding/rounds` }),
  },
  'GET /api/projects/:projectId/rounds/:roundId/queue': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `/api/projects/${team.projectId}/rounds/${(await coderAssignment(ctx, team)).roundId}/queue` }),
  },
  'GET /api/projects/:projectId/assignments/:assignmentId': {
    expected: assigneeOnly(200),
    request: async (ctx, team) => ({
      url: `/api/projects/${team.projectId}/assignments/${(await coderAssignment(ctx, team)).assignmentId}`,
    }),
  },
  'PUT /api/projects/:projectId/assignments/:assignmentId/coding': {
    expected: assigneeOnly(200),
    async request(ctx, team) {
      const { assignmentId, codeId, version } = await coderAssignment(ctx, team);
      return {
        url: `/api/projects/${team.projectId}/assignments/${assignmentId}/coding`,
        payload: {
          baseVersion: version,
          status: 'submitted',
          codeIds: [codeId],
          memo: '',
          flagged: false,
          cannotDecide: false,
          activeSecondsDelta: 5,
        },
      };
    },
  },
};
