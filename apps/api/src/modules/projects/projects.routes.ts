// Listing, creating and opening projects.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateProjectBody, ProjectDetail, ProjectParams, ProjectSummary } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['projects'];

export const projectsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { projects } = services;

  app.get(
    '',
    routeOptions('user', { summary: 'Projects I am a member of', tags, response: { 200: Type.Array(ProjectSummary) } }),
    async (request) => projects.listFor(callerOf(request).userId),
  );

  app.post(
    '',
    routeOptions(
      'user',
      { summary: 'Create a project; the creator becomes its owner', tags, body: CreateProjectBody, response: { 201: ProjectSummary } },
      [409],
    ),
    async (request, reply) => reply.status(201).send(await projects.create(callerOf(request).userId, request.body)),
  );

  app.get(
    '/:projectId',
    routeOptions('member', {
      summary: 'A project with its counts and stages',
      tags,
      params: ProjectParams,
      response: { 200: ProjectDetail },
    }),
    async (request) => projects.detail(request.params.projectId, projectRoleOf(request)),
  );
};
