// Who may call the stage and codebook routes (walked by src/plugins/route-permissions.test.ts):
// every member reads stages, codebooks and their history; leads and owners change them.
import { anyMember, leadOrOwner, type PermissionTable } from '../../../test/permissions.ts';
import type { Team, TestContext } from '../../../test/test-context.ts';
import { createIssues, createStage } from '../../../test/factories.ts';

const base = (team: Team) => `/api/projects/${team.projectId}/stages`;

/** A fresh stage with a small two-level codebook, per caller, so destructive calls have a target. */
async function stage(ctx: TestContext, team: Team) {
  const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, {
    mode: 'multi',
    codes: [{ name: 'Theme', children: ['Leaf A', 'Leaf B'] }, { name: 'Other' }],
  });
  return { stageId, codeIds, url: `${base(team)}/${stageId}` };
}

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/stages': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: base(team) }),
  },
  'POST /api/projects/:projectId/stages': {
    expected: leadOrOwner(201),
    request: (_c, team) => ({ url: base(team), payload: { name: `Stage ${crypto.randomUUID()}`, mode: 'single' } }),
  },
  'PATCH /api/projects/:projectId/stages/:stageId': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({ url: (await stage(ctx, team)).url, payload: { parentCodesCodable: true } }),
  },
  'GET /api/projects/:projectId/stages/:stageId/codebook': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `${(await stage(ctx, team)).url}/codebook` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/codebook/history': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `${(await stage(ctx, team)).url}/codebook/history` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/recode-queue': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({ url: `${(await stage(ctx, team)).url}/recode-queue` }),
  },
  'GET /api/projects/:projectId/stages/:stageId/codebook/export': {
    expected: anyMember(200),
    request: async (ctx, team) => ({ url: `${(await stage(ctx, team)).url}/codebook/export?format=qdc` }),
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/import': {
    expected: leadOrOwner(200),
    request: async (ctx, team) => ({
      url: `${(await stage(ctx, team)).url}/codebook/import`,
      payload: { format: 'json', content: JSON.stringify({ codes: [{ name: 'Imported' }] }), parentId: null },
    }),
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/copy': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const source = await stage(ctx, team);
      const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'multi', codes: [] });
      return { url: `${base(team)}/${stageId}/codebook/copy`, payload: { fromStageId: source.stageId } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes': {
    expected: leadOrOwner(201),
    request: async (ctx, team) => ({ url: `${(await stage(ctx, team)).url}/codebook/codes`, payload: { name: 'New code' } }),
  },
  'PATCH /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      return { url: `${url}/codebook/codes/${codeIds['Leaf A']}`, payload: { name: 'Renamed' } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/move': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      return { url: `${url}/codebook/codes/${codeIds['Leaf A']}/move`, payload: { parentId: codeIds.Other, position: 0 } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/merge': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      return { url: `${url}/codebook/codes/${codeIds['Leaf A']}/merge`, payload: { intoId: codeIds['Leaf B'] } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/split': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      return { url: `${url}/codebook/codes/${codeIds['Leaf A']}/split`, payload: { into: [{ name: 'A1' }, { name: 'A2' }] } };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/retire': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      return { url: `${url}/codebook/codes/${codeIds.Other}/retire` };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/unretire': {
    expected: leadOrOwner(200),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      await ctx.prisma.code.update({ where: { id: codeIds.Other }, data: { retiredAt: new Date() } });
      return { url: `${url}/codebook/codes/${codeIds.Other}/unretire` };
    },
  },
  'POST /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/examples': {
    expected: leadOrOwner(201),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      const [issueId] = await createIssues(ctx.prisma, team.projectId, 1);
      return { url: `${url}/codebook/codes/${codeIds.Other}/examples`, payload: { issueId, note: 'typical' } };
    },
  },
  'DELETE /api/projects/:projectId/stages/:stageId/codebook/codes/:codeId/examples/:issueId': {
    expected: leadOrOwner(204),
    async request(ctx, team) {
      const { url, codeIds } = await stage(ctx, team);
      const [issueId] = await createIssues(ctx.prisma, team.projectId, 1);
      await ctx.prisma.codeExample.create({ data: { codeId: codeIds.Other!, issueId: issueId! } });
      return { url: `${url}/codebook/codes/${codeIds.Other}/examples/${issueId}` };
    },
  },
};
