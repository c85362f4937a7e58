// Who may call the review routes (walked by src/plugins/route-permissions.test.ts). The fixture is
// a closed round in which the team's coder and lead disagree, so coders may read it; the open-round
// case (403 ROUND_OPEN for coders) is covered in reviews.test.ts.
import { anyMember, leadOrOwner, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

async function disagreement(ctx: TestContext, team: Team) {
  const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }, { name: 'B' }] });
  const [issueId] = await createIssues(ctx.prisma, team.projectId, 1);
  await createRound(ctx.prisma, stageId, {
    number: 1,
    status: 'closed',
    issueIds: [issueId!],
    codings: { [team.coder.id]: [[codeIds.A!]], [team.lead.id]: [[codeIds.B!]] },
  });
  const base = `/api/projects/${team.projectId}/stages/${stageId}`;
  return { stageId, issueId: issueId!, codeIds, base, issue: `${base}/review/issues/${issueId}` };
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/stages/:stageId/review': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).base}/review` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/review/analytics': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).base}/review/analytics` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/review/issues/:issueId': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: (await disagreement(ctx, team)).issue }),
  },
  'PUT /api/projects/:projectId/stages/:stageId/review/issues/:issueId/decision': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { issue, codeIds } = await disagreement(ctx, team);
      return { url: `${issue}/decision`, payload: { baseVersion: 0, codeIds: [codeIds.A], rationale: 'A fits the definition.' } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/review/issues/:issueId/reopen': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { issue, stageId, issueId, codeIds } = await disagreement(ctx, team);
      await ctx.prisma.finalLabel.create({ data: { stageId, issueId, codes: { create: { codeId: codeIds.A! } } } });
      return { url: `${issue}/reopen`, payload: { baseVersion: 1, reason: 'New evidence in the comments.' } };
    },
  },
  'GET /api/projects/:projectId/stages/:stageId/review/issues/:issueId/discussion': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).issue}/discussion` }),
  },
  'POST /api/projects/:projectId/stages/:stageId/review/issues/:issueId/discussion': {
    expected: anyMember(201),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).issue}/discussion`, payload: { body: 'Why B?' } }),
  },
  'PUT /api/projects/:projectId/stages/:stageId/review/issues/:issueId/discussion/read': {
    expected: anyMember(204),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).issue}/discussion/read` }),
  },
  'GET /api/projects/:projectId/discussions/unread': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/discussions/unread` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/calibration': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `${(await disagreement(ctx, team)).base}/calibration` }),
  },
  'GET /api/projects/:projectId/dataset': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/dataset` }),
  },
  'POST /api/projects/:projectId/stages/:stageId/recode-queue/:itemId/resolve': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { stageId, issueId, codeIds, base } = await disagreement(ctx, team);
      const item = await ctx.prisma.recodeItem.create({ data: { stageId, issueId, codeId: codeIds.A! } });
      return { url: `${base}/recode-queue/${item.id}/resolve`, payload: { codeIds: [codeIds.B] } };
    },
  },
};
