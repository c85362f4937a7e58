// Sign in / out, the current user, and first-run setup of an empty instance.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LoginBody, Me, SetupBody, SetupStatus } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, CSRF_COOKIE, SESSION_COOKIE } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';
import type { NewSession } from './auth.service.ts';

const tags = ['auth'];

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  const common = { path: '/', sameSite: 'lax' as const, secure: request.protocol === 'https', expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  // Readable by the web app, which echoes it in the x-csrf-token header (double submit).
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export const authRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { auth } = services;

  app.post(
    '/login',
    routeOptions('public', { summary: 'Sign in with email and password', tags, body: LoginBody, response: { 200: Me } }, [401, 429]),
    async (request, reply) => {
      const { email, password } = request.body;
      const session = await auth.login(email, password, request.ip);
      setSessionCookies(request, reply, session);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/logout',
    routeOptions('user', { summary: 'Sign out of this browser session', tags, response: { 204: Type.Null() } }),
    async (request, reply) => {
      const { session } = callerOf(request);
      if (session) await auth.logout(session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get('/me', routeOptions('user', { summary: 'The signed-in user', tags, response: { 200: Me } }), async (request) => {
    const { userId, session } = callerOf(request);
    return { user: await auth.user(userId), ...(session ? { csrfToken: session.csrfToken } : {}) };
  });

  app.get(
    '/setup',
    routeOptions('public', { summary: 'Whether the instance still needs its first account', tags, response: { 200: SetupStatus } }),
    async () => ({ needsSetup: await auth.needsSetup() }),
  );

  app.post(
    '/setup',
    routeOptions(
      'public',
      { summary: 'Create the first account of an empty instance and sign in', tags, body: SetupBody, response: { 201: Me } },
      [409],
    ),
    async (request, reply) => {
      const session = await auth.setup(request.body);
      setSessionCookies(request, reply, session);
      return reply.status(201).send({ user: session.user, csrfToken: session.csrfToken });
    },
  );
};
