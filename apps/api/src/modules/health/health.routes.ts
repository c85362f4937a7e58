// Liveness and readiness: the database answers.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';

export async function healthRoutes(app: FastifyInstance, { services }: { services: Services }) {
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
}
