// The project's issue list.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IssueListQuery, IssuePage, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';

export const issuesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '',
    routeOptions('member', {
      summary: 'Imported issues of the project, paginated, optionally filtered by text',
      tags: ['issues'],
      params: ProjectParams,
      querystring: IssueListQuery,
      response: { 200: IssuePage },
    }),
    async (request) => services.issues.list(request.params.projectId, request.query),
  );
};
