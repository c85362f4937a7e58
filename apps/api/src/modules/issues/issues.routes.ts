// The project's issue list.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IssueFacets, IssueListQuery, IssuePage, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';

export const issuesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '',
    routeOptions('member', {
      summary: 'Imported issues of the project: filtered, searched (full text, ranked, matches highlighted), paginated',
      tags: ['issues'],
      params: ProjectParams,
      querystring: IssueListQuery,
      response: { 200: IssuePage },
    }),
    async (request) =>
      services.issues.list(request.params.projectId, request.query, projectRoleOf(request) === 'coder' ? callerOf(request).userId : null),
  );

  app.get(
    '/facets',
    routeOptions('member', {
      summary: 'Repositories and labels to filter the issues by',
      tags: ['issues'],
      params: ProjectParams,
      response: { 200: IssueFacets },
    }),
    async (request) => services.issues.facets(request.params.projectId),
  );
};
