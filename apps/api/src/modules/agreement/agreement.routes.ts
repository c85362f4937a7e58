// A stage's agreement report (JSON, or the per-code table as CSV) and the disagreeing issues
// behind any of its numbers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AgreementParams, AgreementQuery, AgreementReport, DisagreementList, DisagreementQuery } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['agreement'];

export const agreementRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { agreement } = services;

  app.get(
    '/:stageId/agreement',
    routeOptions('member', {
      summary: "A stage's inter-rater agreement",
      description:
        'Overall, per coder pair, per code and theme, and per round, from submitted codings of issues coded by at least two coders. ' +
        'Coders see closed rounds only (403 ROUND_OPEN otherwise). `format=csv` returns the per-code table and `format=json` the ' +
        'report, both as attachments to download.',
      tags,
      params: AgreementParams,
      querystring: AgreementQuery,
      response: {
        200: {
          content: {
            'application/json': { schema: AgreementReport },
            'text/csv': { schema: Type.String({ description: 'The per-code and per-theme table' }) },
          },
        },
      },
    }),
    async (request, reply) => {
      const { projectId, stageId } = request.params;
      const report = await agreement.report(projectId, stageId, projectRoleOf(request), request.query.round);
      // Without `format` the report is for the page; with one it is a file to download.
      if (request.query.format === undefined) return report;
      const filename = `agreement-${report.stage.name.replace(/[^\w-]+/g, '-')}-${report.round ?? 'all-rounds'}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      if (request.query.format === 'json') return report;
      return reply.type('text/csv; charset=utf-8').send(agreement.toCsv(report));
    },
  );

  app.get(
    '/:stageId/agreement/disagreements',
    routeOptions('member', {
      summary: 'Issues on which coders disagree, optionally for one pair, one confusion cell or one code',
      tags,
      params: AgreementParams,
      querystring: DisagreementQuery,
      response: { 200: DisagreementList },
    }),
    async (request) => {
      const { projectId, stageId } = request.params;
      return agreement.disagreements(projectId, stageId, projectRoleOf(request), request.query);
    },
  );
};
