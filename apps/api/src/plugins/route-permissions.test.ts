/// <reference types="vite/client" />
// Walks EVERY registered API route as anonymous, as a coder of another project, and as coder,
// lead and owner of the project, and checks the status each gets. Each module states its routes'
// permissions in `<module>.permissions.ts`; a route missing from them fails the test, so a new
// route cannot ship without its permissions being stated.
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestContext, type TestUser } from '../../test/test-context.ts';
import type { CallerName, Expected, PermissionTable } from '../../test/permissions.ts';

const modules = import.meta.glob<{ permissions: PermissionTable }>('../modules/*/*.permissions.ts', { eager: true });
const table: PermissionTable = Object.assign({}, ...Object.values(modules).map((module) => module.permissions));

describe('route permissions', async () => {
  const ctx = await createTestContext();

  it('lists every registered API route in the tables, and only those', () => {
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
