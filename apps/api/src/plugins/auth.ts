// Who is calling and what they may do. Every API route declares `config.access`; this plugin
// refuses to register a route without one, identifies the caller (session cookie or API token),
// checks CSRF for cookie-authenticated writes and enforces the access level before any parsing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@concord/db';
import type { AccessService } from '../modules/auth/access.service.ts';
import { AppError, forbidden, notFound, unauthorized } from './errors.ts';

/** public: anyone; user: signed in; member / lead / owner: that role or higher in `:projectId`. */
export type Access = 'public' | 'user' | 'member' | 'lead' | 'owner';

export interface Caller {
  userId: string;
  via: 'session' | 'token';
  /** For browser sessions: the session and the CSRF token its writes must send. */
  session?: { id: string; csrfToken: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route as "METHOD /url", for the permission table test and the docs check. */
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The route changes no table the per-process caches hold, so writes need not wait for the change feed. */
    writesNoCachedData?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
    /** The caller's role in the route's project, for member / lead / owner routes. */
    projectRole: Role | null;
  }
}

export const SESSION_COOKIE = 'concord_session';
export const CSRF_COOKIE = 'concord_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const ROLE_RANK: Record<Role, number> = { coder: 1, lead: 2, owner: 3 };
const REQUIRED_ROLE: Partial<Record<Access, Role>> = { member: 'coder', lead: 'lead', owner: 'owner' };
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function isDocumentationRoute(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

async function identify(access: AccessService, request: FastifyRequest): Promise<Caller | null> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, secret] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) throw unauthorized('Use `Authorization: Bearer <API token>`.');
    const token = await access.apiToken(secret);
    if (!token) throw unauthorized('This API token is unknown or revoked.');
    // Recording every use would add a write to every scripted request; once a minute is enough.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOKEN_TOUCH_INTERVAL_MS) await access.recordTokenUse(token.id);
    return { userId: token.userId, via: 'token' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const session = cookie ? await access.session(cookie) : undefined;
  if (!session) return null;
  if (UNSAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new AppError(403, 'CSRF_FAILED', `Missing or wrong ${CSRF_HEADER} header; reload the page and retry.`);
  }
  return { userId: session.userId, via: 'session', session: { id: session.id, csrfToken: session.csrfToken } };
}

async function roleInProject(access: AccessService, userId: string, projectId: unknown): Promise<Role> {
  // Non-members learn nothing about a project, not even that it exists.
  if (typeof projectId !== 'string' || !UUID.test(projectId)) throw notFound('Project');
  const role = await access.role(userId, projectId);
  if (!role) throw notFound('Project');
  return role;
}

export const authPlugin = fp(async (app: FastifyInstance, { access }: { access: AccessService }) => {
  app.decorateRequest('caller', null);
  app.decorateRequest('projectRole', null);

  app.decorate('apiRoutes', [] as string[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || isDocumentationRoute(route.url)) return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push(`${method} ${route.url}`);
  });

  app.addHook('onRequest', async (request) => {
    const level = request.routeOptions.config.access;
    if (!level) return;
    request.caller = await identify(access, request);
    if (level === 'public') return;
    if (!request.caller) throw unauthorized();
    const required = REQUIRED_ROLE[level];
    if (!required) return;
    const role = await roleInProject(access, request.caller.userId, (request.params as { projectId?: unknown }).projectId);
    if (ROLE_RANK[role] < ROLE_RANK[required]) throw forbidden(`This needs the ${required} role in the project; you are ${role}.`);
    request.projectRole = role;
  });
});

/** The signed-in caller; only for routes whose access is not `public`. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthorized();
  return request.caller;
}

/** The caller's role in the route's project; only for member / lead / owner routes. */
export function projectRoleOf(request: FastifyRequest): Role {
  if (!request.projectRole) throw forbidden();
  return request.projectRole;
}
