// A stage's analysis as JSON or tidy CSV, and its tables as LaTeX (booktabs) or Markdown. Every
// download starts with what it holds: project, stage, source, date and Concord version.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Analysis,
  ANALYSIS_FORMATS,
  ANALYSIS_TABLES,
  AnalysisParams,
  AnalysisQuery,
  AnalysisTablesQuery,
  TABLE_FORMATS,
} from '@concord/contracts';
import type { Services } from '../../services.ts';
import { projectRoleOf } from '../../plugins/auth.ts';
import { badRequest } from '../../plugins/errors.ts';
import { routeOptions } from '../../lib/route-options.ts';
import { analysisToCsv } from './analysis-csv.ts';
import { renderTables, type TableFormat, type TableName } from './analysis-tables.ts';

const tags = ['analysis'];

/** The value when it is one of `allowed`; otherwise 400 naming the allowed values. */
function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(`UNKNOWN_${what.toUpperCase()}`, `Unknown ${what} "${value}": use one of ${allowed.join(', ')}.`, {
    [`${what}s`]: allowed,
  });
}

const fileSafe = (value: string) => value.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'stage';

export const analysisRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { analysis } = services;

  app.get(
    '/:stageId/analysis',
    routeOptions('member', {
      summary: "A stage's analysis: category distribution, resolution time with rank tests, methods summary",
      description:
        'From the final labels (`source=final`, default) or every coder’s submitted codings (`source=codings`; coders see closed rounds ' +
        'only, 403 ROUND_OPEN when none is closed). `format=csv` gives the same results as tidy rows; an unknown format is 400.',
      tags,
      params: AnalysisParams,
      querystring: AnalysisQuery,
      response: {
        200: {
          content: {
            'application/json': { schema: Analysis },
            'text/csv': { schema: Type.String({ description: 'Tidy rows, after "#" lines saying what the file holds' }) },
          },
        },
      },
    }),
    async (request, reply) => {
      const format = oneOf('format', request.query.format ?? 'json', ANALYSIS_FORMATS);
      const { projectId, stageId } = request.params;
      const result = await analysis.analysis(projectId, stageId, projectRoleOf(request), request.query.source ?? 'final');
      // Asked for by name, JSON is a download too; the page's own fetch leaves format out.
      if (request.query.format === undefined) return result;
      const filename = `analysis-${fileSafe(result.meta.project.slug)}-${fileSafe(result.meta.stage.name)}-${result.meta.source}.${format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      return format === 'json' ? result : reply.type('text/csv; charset=utf-8').send(analysisToCsv(result));
    },
  );

  app.get(
    '/:stageId/analysis/tables',
    routeOptions('member', {
      summary: 'Paper-ready tables of a stage’s analysis as LaTeX (booktabs) or Markdown',
      description:
        'The taxonomy with definitions and counts, resolution time with the test results, and agreement per stage and round; ' +
        '`table` picks one, all three otherwise.',
      tags,
      params: AnalysisParams,
      querystring: AnalysisTablesQuery,
      response: { 200: { content: { 'text/plain': { schema: Type.String() } } } },
    }),
    async (request, reply) => {
      const format = oneOf<TableFormat>('format', request.query.format, TABLE_FORMATS);
      const table = request.query.table === undefined ? null : oneOf<TableName>('table', request.query.table, ANALYSIS_TABLES);
      const { projectId, stageId } = request.params;
      const result = await analysis.analysis(projectId, stageId, projectRoleOf(request), request.query.source ?? 'final');
      const extension = format === 'latex' ? 'tex' : 'md';
      const filename = `analysis-${fileSafe(result.meta.project.slug)}-${fileSafe(result.meta.stage.name)}-${table ?? 'tables'}.${extension}`;
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(renderTables(result, format, table));
    },
  );
};
