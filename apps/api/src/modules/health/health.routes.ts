// Liveness and readiness: the database answers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';

export const healthRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '',
    routeOptions(
      'public',
      {
        summary: 'Whether the API and its database are up',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
      [503],
    ),
    async () => {
      await services.database.ping();
      return { status: 'ok' as const };
    },
  );
};
