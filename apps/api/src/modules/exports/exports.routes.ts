// Downloads: the formats a member may use, and one file per request, streamed as it is written.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportFormatList, ExportParams, ExportQuery, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';
import { EXPORT_FORMATS, filenameFor } from './export-formats.ts';
import { streamExport } from './export-stream.ts';

const tags = ['exports'];

const mediaTypes = [...new Set(EXPORT_FORMATS.map((format) => format.mediaType.split(';')[0]!))];

export const exportsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { exports } = services;

  app.get(
    '/',
    routeOptions('member', {
      summary: 'The export formats you may download, with where to download each',
      description: 'Coders see the formats that hold only their own codings; leads and owners see every format.',
      tags,
      params: ProjectParams,
      response: { 200: ExportFormatList },
    }),
    async (request) => ({ formats: exports.formatsFor(projectRoleOf(request)) }),
  );

  app.get(
    '/:format',
    routeOptions(
      'member',
      {
        summary: 'Download one export file, streamed',
        description:
          'Formats: ' +
          EXPORT_FORMATS.map((format) => `\`${format.name}\` (${format.label})`).join(', ') +
          '. An unknown format gives 400 UNKNOWN_FORMAT with details.formats. Coders get only their own codings, and 403 for ' +
          "the formats holding everyone's work. Every file says what it holds: a header comment line, a first JSON record, or a README. " +
          'A server streams a few exports at once; beyond that, 429 EXPORTS_BUSY with Retry-After.',
        tags,
        params: ExportParams,
        querystring: ExportQuery,
        response: {
          200: {
            content: Object.fromEntries(
              mediaTypes.map((type) => [
                type,
                { schema: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The file' }) },
              ]),
            ),
          },
        },
      },
      [409, 429],
    ),
    async (request, reply) => {
      const role = projectRoleOf(request);
      const format = exports.usableFormat(request.params.format, role);
      const requester = await exports.requester(callerOf(request).userId, role);
      const scope = await exports.scope(request.params.projectId, format, request.query, requester);
      const body = await streamExport(
        (output) => exports.run(format, scope, services, output, () => {}),
        (error) => request.log.error({ err: error }, `export ${format.name} failed while streaming`),
      );
      return reply
        .type(format.mediaType)
        .header('content-disposition', `attachment; filename="${filenameFor(scope, format)}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
