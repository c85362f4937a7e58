// The shape of a route-permission case: each module lists its routes in `<module>.permissions.ts`
// and src/plugins/route-permissions.test.ts walks them all as five different callers.
import type { InjectOptions } from 'fastify';
import type { Team, TestContext, TestUser } from './test-context.ts';

export type CallerName = 'anonymous' | 'outsider' | 'coder' | 'lead' | 'owner';
export type Expected = Record<CallerName, number>;

export const publicRoute = (status: number): Expected => ({
  anonymous: status,
  outsider: status,
  coder: status,
  lead: status,
  owner: status,
});
export const signedIn = (status: number): Expected => ({ anonymous: 401, outsider: status, coder: status, lead: status, owner: status });
export const anyMember = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: status, lead: status, owner: status });
export const leadOrOwner = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: 403, lead: status, owner: status });
export const ownerOnly = (status: number): Expected => ({ anonymous: 401, outsider: 404, coder: 403, lead: 403, owner: status });

export interface PermissionCase {
  expected: Expected;
  /** Builds the request; called once per caller so that destructive routes get a fresh target. */
  request(ctx: TestContext, team: Team, caller: TestUser | null): Promise<Omit<InjectOptions, 'method'>> | Omit<InjectOptions, 'method'>;
}

/** "METHOD /url" as registered → its case. */
export type PermissionTable = Record<string, PermissionCase>;
