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
        'Coders see closed rounds only (403 ROUND_OPEN otherwise). `format=csv` returns the per-code table.',
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
      if (request.query.format !== 'csv') return report;
      const filename = `agreement-${report.stage.name.replace(/[^\w-]+/g, '-')}-${report.round ?? 'all-rounds'}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(agreement.toCsv(report));
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
