// Walks EVERY registered API route as anonymous, as a coder of another project, and as coder,
// lead and owner of the project, and checks the status each gets. A route missing from the
// table fails the test, so a new route cannot ship without its permissions being stated.
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestContext, type Team, type TestContext, type TestUser } from '../../test/test-context.ts';
import { createRound, createStage } from '../../test/factories.ts';

type CallerName = 'anonymous' | 'outsider' | 'coder' | 'lead' | 'owner';
type Expected = Record<CallerName, number>;

const publicRoute = (status: number): Expected => ({ anonymous: status, outsider: status, coder: status, lead: status, owner: status });
const signedIn = (status: number): Expected => ({ anonymous: 401, outsider: status, coder: status, lead: status, owner: status });
const anyMember = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: status, lead: status, owner: status });
const ownerOnly = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: 403, lead: 403, owner: status });

interface Case {
  expected: Expected;
  /** Builds the request; called once per caller so that destructive routes get a fresh target. */
  request(ctx: TestContext, team: Team, caller: TestUser | null): Promise<Omit<InjectOptions, 'method'>> | Omit<InjectOptions, 'method'>;
}

async function stageWithClosedRound(ctx: TestContext, team: Team): Promise<string> {
  const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'A' }] });
  await createRound(ctx.prisma, stageId, { number: 1, status: 'closed', issueIds: [], codings: {} });
  return stageId;
}

const table: Record<string, Case> = {
  'GET /api/health': { expected: publicRoute(200), request: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': {
    expected: publicRoute(401),
    request: (_ctx, team) => ({ url: '/api/auth/login', payload: { email: team.owner.email, password: 'not the password' } }),
  },
  'GET /api/auth/setup': { expected: publicRoute(200), request: () => ({ url: '/api/auth/setup' }) },
  'POST /api/auth/setup': {
    expected: publicRoute(409),
    request: () => ({ url: '/api/auth/setup', payload: { email: 'x@y.org', name: 'X', password: 'long enough password' } }),
  },
  'POST /api/auth/logout': { expected: signedIn(204), request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { expected: signedIn(200), request: () => ({ url: '/api/auth/me' }) },
  'GET /api/tokens': { expected: signedIn(200), request: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': { expected: signedIn(201), request: () => ({ url: '/api/tokens', payload: { name: 'script' } }) },
  'DELETE /api/tokens/:tokenId': {
    expected: signedIn(204),
    async request(ctx, _team, caller) {
      // Each caller revokes a token of their own; anonymous targets someone's real token.
      const owner = caller ?? (await ctx.createUser());
      const created = await ctx.request(owner, { method: 'POST', url: '/api/tokens', payload: { name: 't' } });
      return { url: `/api/tokens/${created.json().token.id}` };
    },
  },
  'GET /api/projects': { expected: signedIn(200), request: () => ({ url: '/api/projects' }) },
  'POST /api/projects': {
    expected: signedIn(201),
    request: () => ({ url: '/api/projects', payload: { name: `Study ${crypto.randomUUID()}` } }),
  },
  'GET /api/projects/:projectId': { expected: anyMember(200), request: (_c, team) => ({ url: `/api/projects/${team.projectId}` }) },
  'GET /api/projects/:projectId/issues': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/issues` }),
  },
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

describe('route permissions', async () => {
  const ctx = await createTestContext();

  it('lists every registered API route in the table, and only those', () => {
    expect([...ctx.app.apiRoutes].sort()).toEqual(Object.keys(table).sort());
  });

  for (const [route, testCase] of Object.entries(table)) {
    it(`${route}`, async () => {
      const [method] = route.split(' ') as [InjectOptions['method']];
      const team = await ctx.createTeam();
      const callers: Record<CallerName, TestUser | null> = {
        anonymous: null,
        outsider: team.outsider,
        coder: team.coder,
        lead: team.lead,
        owner: team.owner,
      };
      const actual: Partial<Expected> = {};
      for (const name of Object.keys(callers) as CallerName[]) {
        const caller = callers[name];
        const response = await ctx.request(caller, { method, ...(await testCase.request(ctx, team, caller)) });
        actual[name] = response.statusCode;
      }
      expect(actual).toEqual(testCase.expected);
    });
  }
});
