// Rounds of a stage: listing with progress, drawing a new one, and opening / closing it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateRoundBody, Round, RoundParams, StageParams, UpdateRoundBody } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['rounds'];

export const roundsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { rounds } = services;
  const viewer = (request: Parameters<typeof callerOf>[0]) => ({ userId: callerOf(request).userId, role: projectRoleOf(request) });

  app.get(
    '/stages/:stageId/rounds',
    routeOptions('member', {
      summary: "A stage's rounds with progress (a coder's progress counts only their own assignments)",
      tags,
      params: StageParams,
      response: { 200: Type.Array(Round) },
    }),
    async (request) => rounds.list(request.params.projectId, request.params.stageId, viewer(request)),
  );

  app.post(
    '/stages/:stageId/rounds',
    routeOptions(
      'lead',
      {
        summary: 'Draw a round: issues (chosen, or a seeded sample of the unassigned ones) and coders with an overlap',
        tags,
        params: StageParams,
        body: CreateRoundBody,
        response: { 201: Round },
      },
      [409],
    ),
    async (request, reply) =>
      reply.status(201).send(await rounds.create(request.params.projectId, request.params.stageId, request.body, viewer(request))),
  );

  app.patch(
    '/rounds/:roundId',
    routeOptions(
      'lead',
      {
        summary: 'Open, close (unblinds the codings) or reopen a round',
        tags,
        params: RoundParams,
        body: UpdateRoundBody,
        response: { 200: Round },
      },
      [409],
    ),
    async (request) => rounds.setStatus(request.params.projectId, request.params.roundId, request.body.status, viewer(request)),
  );
};
