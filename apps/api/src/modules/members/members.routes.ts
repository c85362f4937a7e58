// The members page: owners manage who is in the project and with which role.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AddedMember, AddMemberBody, Member, MemberParams, ProjectParams, UpdateMemberBody } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['members'];

export const membersRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { members } = services;

  app.get(
    '',
    routeOptions('owner', {
      summary: 'Members of the project with their roles',
      tags,
      params: ProjectParams,
      response: { 200: Type.Array(Member) },
    }),
    async (request) => members.list(request.params.projectId),
  );

  app.post(
    '',
    routeOptions(
      'owner',
      {
        summary: 'Add a member by email',
        description: 'Creates the account when none exists and returns its temporary password once.',
        tags,
        params: ProjectParams,
        body: AddMemberBody,
        response: { 201: AddedMember },
      },
      [409],
    ),
    async (request, reply) => reply.status(201).send(await members.add(request.params.projectId, request.body)),
  );

  app.patch(
    '/:userId',
    routeOptions(
      'owner',
      { summary: "Change a member's role", tags, params: MemberParams, body: UpdateMemberBody, response: { 200: Member } },
      [409],
    ),
    async (request) => {
      const { projectId, userId } = request.params;
      return members.updateRole(projectId, userId, request.body.role);
    },
  );

  app.delete(
    '/:userId',
    routeOptions(
      'owner',
      { summary: 'Remove a member from the project', tags, params: MemberParams, response: { 204: Type.Null() } },
      [409],
    ),
    async (request, reply) => {
      const { projectId, userId } = request.params;
      await members.remove(projectId, userId);
      return reply.status(204).send(null);
    },
  );
};
