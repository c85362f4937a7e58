// OpenAPI document generated from the route schemas, browsable at /api/docs.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from '@concord/contracts';
import { CONCORD_VERSION } from '../lib/concord-version.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './auth.ts';

export const openapiPlugin = fp(async (app: FastifyInstance) => {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: CONCORD_VERSION,
        description:
          'Qualitative coding of GitHub issues. Scripts authenticate with `Authorization: Bearer <API token>`; ' +
          `browsers with the session cookie plus the \`${CSRF_HEADER}\` header on writes. Errors share one shape (ErrorBody).`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
