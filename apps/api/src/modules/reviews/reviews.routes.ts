// The review API: the queue and analytics (leads), one issue side by side, decisions and reopening
// (leads), the discussion thread and unread count, the coders' calibration view, the dataset of
// final labels, and resolving the recode queue. Scripts can pull every decision from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AnalyticsQuery,
  Calibration,
  CalibrationQuery,
  DatasetPage,
  DatasetQuery,
  DecisionBody,
  Discussion,
  DiscussionMessage,
  FinalLabelState,
  PostMessageBody,
  ProjectParams,
  RecodeItemParams,
  ReopenBody,
  ResolvedRecode,
  ResolveRecodeBody,
  ReviewAnalytics,
  ReviewIssue,
  ReviewIssueParams,
  ReviewIssueQuery,
  ReviewQueue,
  ReviewQueueQuery,
  StageParams,
  UnreadDiscussions,
} from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['review'];
const BLIND = 'Coders get 403 ROUND_OPEN while a round that drew the issue is not closed (blind coding).';

export const reviewsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { reviews, reviewAnalytics, discussions, dataset, recode } = services;
  const viewer = (request: Parameters<typeof callerOf>[0]) => ({ userId: callerOf(request).userId, role: projectRoleOf(request) });

  app.get(
    '/stages/:stageId/review',
    routeOptions('lead', {
      summary: 'The review queue of a stage: issues where coders differ (status=pending), or decided, or agreed',
      description:
        'Filter by round, by a code any coder chose, by a confused pair (codeA, codeB), by a coder pair that differs, or by "flagged".',
      tags,
      params: StageParams,
      querystring: ReviewQueueQuery,
      response: { 200: ReviewQueue },
    }),
    async (request) => reviews.queue(request.params.projectId, request.params.stageId, request.query),
  );

  app.get(
    '/stages/:stageId/review/analytics',
    routeOptions('lead', {
      summary: 'Disagreement analytics: confused code pairs, coders whose choice became final, discussion, time to resolve, rate per round',
      tags,
      params: StageParams,
      querystring: AnalyticsQuery,
      response: { 200: ReviewAnalytics },
    }),
    async (request) => reviewAnalytics.analytics(request.params.projectId, request.params.stageId, request.query.round),
  );

  app.get(
    '/stages/:stageId/review/issues/:issueId',
    routeOptions('member', {
      summary: "One issue under review: the issue, every coder's codes and memo, the final label with its history",
      description: `anonymous=true shows coders as A, B, C. ${BLIND}`,
      tags,
      params: ReviewIssueParams,
      querystring: ReviewIssueQuery,
      response: { 200: ReviewIssue },
    }),
    async (request) => {
      const { projectId, stageId, issueId } = request.params;
      return reviews.issue(projectId, stageId, issueId, projectRoleOf(request), request.query.anonymous ?? false);
    },
  );

  app.put(
    '/stages/:stageId/review/issues/:issueId/decision',
    routeOptions(
      'lead',
      {
        summary: 'Decide the final label of an issue',
        description:
          'baseVersion is the final label version last read (0 when there was none). A decision based on an older version gets ' +
          '409 STALE_VERSION with the current label; the same decision sent twice gets the same answer.',
        tags,
        params: ReviewIssueParams,
        body: DecisionBody,
        response: { 200: FinalLabelState },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, issueId } = request.params;
      return reviews.decide(projectId, stageId, issueId, callerOf(request).userId, request.body);
    },
  );

  app.post(
    '/stages/:stageId/review/issues/:issueId/reopen',
    routeOptions(
      'lead',
      {
        summary: 'Reopen a final label for discussion: it stays until a lead decides again, and the issue is back in the queue',
        tags,
        params: ReviewIssueParams,
        body: ReopenBody,
        response: { 200: FinalLabelState },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, issueId } = request.params;
      return reviews.reopen(projectId, stageId, issueId, callerOf(request).userId, request.body);
    },
  );

  app.get(
    '/stages/:stageId/review/issues/:issueId/discussion',
    routeOptions('member', {
      summary: 'The discussion thread on an issue under review',
      description: `anonymous=true shows the issue's coders as Coder A, B, C. ${BLIND}`,
      tags,
      params: ReviewIssueParams,
      querystring: ReviewIssueQuery,
      response: { 200: Discussion },
    }),
    async (request) => {
      const { projectId, stageId, issueId } = request.params;
      return discussions.thread(projectId, stageId, issueId, viewer(request), request.query.anonymous ?? false);
    },
  );

  app.post(
    '/stages/:stageId/review/issues/:issueId/discussion',
    routeOptions('member', {
      summary: 'Reply in the discussion; @handle mentions a member (handle: their email before the @)',
      description: BLIND,
      tags,
      params: ReviewIssueParams,
      body: PostMessageBody,
      response: { 201: DiscussionMessage },
    }),
    async (request, reply) => {
      const { projectId, stageId, issueId } = request.params;
      reply.status(201);
      return discussions.post(projectId, stageId, issueId, viewer(request), request.body.body);
    },
  );

  app.put(
    '/stages/:stageId/review/issues/:issueId/discussion/read',
    routeOptions('member', {
      summary: 'Mark the discussion thread read up to now',
      description: BLIND,
      tags,
      params: ReviewIssueParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      const { projectId, stageId, issueId } = request.params;
      await discussions.read(projectId, stageId, issueId, viewer(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/discussions/unread',
    routeOptions('member', {
      summary: 'Discussion threads with messages I have not read',
      description: 'Leads and owners: every thread. Coders: unblinded threads of issues they coded, wrote in or were mentioned in.',
      tags,
      params: ProjectParams,
      response: { 200: UnreadDiscussions },
    }),
    async (request) => discussions.unread(request.params.projectId, viewer(request)),
  );

  app.get(
    '/stages/:stageId/calibration',
    routeOptions('member', {
      summary: 'My calibration: in closed rounds, where I differed from another coder or from the final label',
      description: 'Closed rounds only: a round that is not closed answers 403 ROUND_OPEN.',
      tags,
      params: StageParams,
      querystring: CalibrationQuery,
      response: { 200: Calibration },
    }),
    async (request) =>
      reviewAnalytics.calibration(request.params.projectId, request.params.stageId, callerOf(request).userId, request.query.round),
  );

  app.get(
    '/dataset',
    routeOptions('member', {
      summary: "The project's issues with their final label in each stage",
      description: 'Coders see a final label once every round of its stage that drew the issue is closed.',
      tags,
      params: ProjectParams,
      querystring: DatasetQuery,
      response: { 200: DatasetPage },
    }),
    async (request) => dataset.page(request.params.projectId, projectRoleOf(request), request.query),
  );

  app.post(
    '/stages/:stageId/recode-queue/:itemId/resolve',
    routeOptions(
      'lead',
      {
        summary: 'Recode an issue whose code was split: its codings and final label get the chosen code(s) instead',
        tags,
        params: RecodeItemParams,
        body: ResolveRecodeBody,
        response: { 200: ResolvedRecode },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, itemId } = request.params;
      return recode.resolve(projectId, stageId, itemId, callerOf(request).userId, request.body.codeIds);
    },
  );
};
