// The project's issue list.
import type { FastifyInstance } from 'fastify';
import { IssueListQuery, IssuePage, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';

export async function issuesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get(
    '',
    routeOptions('member', {
      summary: 'Imported issues of the project, paginated, optionally filtered by text',
      tags: ['issues'],
      params: ProjectParams,
      querystring: IssueListQuery,
      response: { 200: IssuePage },
    }),
    async (request) => services.issues.list((request.params as { projectId: string }).projectId, request.query as IssueListQuery),
  );
}
