// Issue sets: saving a filter's issues or a seeded sample of them, listing, reading, deleting.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateIssueSetBody, IssueSet, IssueSetParams, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['issue sets'];

export const issueSetsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { issueSets } = services;

  app.get(
    '',
    routeOptions('member', { summary: "The project's issue sets", tags, params: ProjectParams, response: { 200: Type.Array(IssueSet) } }),
    async (request) => issueSets.list(request.params.projectId),
  );

  app.get(
    '/:setId',
    routeOptions('member', {
      summary: 'One issue set (its issues: GET issues?setId=)',
      tags,
      params: IssueSetParams,
      response: { 200: IssueSet },
    }),
    async (request) => issueSets.get(request.params.projectId, request.params.setId),
  );

  app.post(
    '',
    routeOptions(
      'lead',
      {
        summary: "Save a filter's issues, or a seeded random sample of them (optionally stratified by repository), as a named set",
        tags,
        params: ProjectParams,
        body: CreateIssueSetBody,
        response: { 201: IssueSet },
      },
      [409],
    ),
    async (request, reply) =>
      reply.status(201).send(await issueSets.create(request.params.projectId, callerOf(request).userId, request.body)),
  );

  app.delete(
    '/:setId',
    routeOptions('lead', {
      summary: 'Delete an issue set (rounds drawn from it keep their issues)',
      tags,
      params: IssueSetParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      await issueSets.remove(request.params.projectId, request.params.setId);
      return reply.status(204).send(null);
    },
  );
};
