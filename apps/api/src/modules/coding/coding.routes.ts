// The coding screen's API: my open rounds, my queue in a round, one assignment, saving a coding.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AssignmentDetail,
  AssignmentParams,
  CodingState,
  MyQueue,
  MyRound,
  ProjectParams,
  RoundParams,
  SaveCodingBody,
} from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['coding'];

export const codingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { coding } = services;

  app.get(
    '/coding/rounds',
    routeOptions('member', {
      summary: 'My open rounds in this project, with my progress',
      tags,
      params: ProjectParams,
      response: { 200: Type.Array(MyRound) },
    }),
    async (request) => coding.myRounds(request.params.projectId, callerOf(request).userId),
  );

  app.get(
    '/rounds/:roundId/queue',
    routeOptions('member', {
      summary: 'My assignments in a round, in order, with their status',
      tags,
      params: RoundParams,
      response: { 200: MyQueue },
    }),
    async (request) => coding.queue(request.params.projectId, request.params.roundId, callerOf(request).userId),
  );

  app.get(
    '/assignments/:assignmentId',
    routeOptions('member', {
      summary: 'One of my assignments: the issue, the codebook, my coding, and my previous / next assignment',
      description: 'Only the assignee may read it (403 NOT_ASSIGNED): coding is blind.',
      tags,
      params: AssignmentParams,
      response: { 200: AssignmentDetail },
    }),
    async (request) => coding.assignment(request.params.projectId, request.params.assignmentId, callerOf(request).userId),
  );

  const saveOptions = routeOptions(
    'member',
    {
      summary: 'Save my coding of an assignment, as a draft or submitted',
      description:
        'baseVersion is the version last read (0 before the first save). A save based on an older version gets 409 STALE_VERSION ' +
        'with the current coding; sending the same save again is answered with the result of the first.',
      tags,
      params: AssignmentParams,
      body: SaveCodingBody,
      response: { 200: CodingState },
    },
    [409],
  );
  app.put(
    '/assignments/:assignmentId/coding',
    // Codings are in no per-process cache: the save need not wait for the change feed.
    { ...saveOptions, config: { ...saveOptions.config, writesNoCachedData: true } },
    async (request) => coding.save(request.params.projectId, request.params.assignmentId, callerOf(request).userId, request.body),
  );
};
