// The signed-in user's API tokens.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiToken, CreatedToken, CreateTokenBody, TokenParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['tokens'];

export const tokensRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { tokens } = services;

  app.get('', routeOptions('user', { summary: 'My active API tokens', tags, response: { 200: Type.Array(ApiToken) } }), async (request) =>
    tokens.list(callerOf(request).userId),
  );

  app.post(
    '',
    routeOptions('user', {
      summary: 'Create an API token (the secret is returned once)',
      tags,
      body: CreateTokenBody,
      response: { 201: CreatedToken },
    }),
    async (request, reply) => reply.status(201).send(await tokens.create(callerOf(request).userId, request.body.name)),
  );

  app.delete(
    '/:tokenId',
    routeOptions('user', { summary: 'Revoke one of my API tokens', tags, params: TokenParams, response: { 204: Type.Null() } }, [404]),
    async (request, reply) => {
      await tokens.revoke(callerOf(request).userId, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
};
