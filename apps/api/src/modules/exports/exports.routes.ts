// Downloads: the formats a member may use, one file per request streamed as it is written, and
// export jobs (large exports written in the background into a stored file, downloaded when done).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportFormatList, ExportJob, ExportJobList, ExportJobParams, ExportParams, ExportQuery, ProjectParams } from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';
import { EXPORT_FORMATS, filenameFor } from './export-formats.ts';
import { streamExport } from './export-stream.ts';
import { EXPORT_FILE_DAYS } from './export-file-store.ts';
import { EXPORT_JOB_EXPIRY_SECONDS } from './export-job.ts';

const tags = ['exports'];

const mediaTypes = [...new Set(EXPORT_FORMATS.map((format) => format.mediaType.split(';')[0]!))];
const fileResponse = {
  content: Object.fromEntries(
    mediaTypes.map((type) => [type, { schema: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The file' }) }]),
  ),
};

export const exportsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { exports, exportJobs } = services;

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
        response: { 200: fileResponse },
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

  const requesterOf = (request: FastifyRequest) => exports.requester(callerOf(request).userId, projectRoleOf(request));

  app.post(
    '/:format/jobs',
    routeOptions('member', {
      summary: 'Run one export as a background job, stored for download when done',
      description:
        'The same formats, query and refusals as the streamed download. The job writes the file inside one snapshot ' +
        `(within ${EXPORT_JOB_EXPIRY_SECONDS / 3600} hours) into the database, so any API process serves it; ` +
        `the file is kept ${EXPORT_FILE_DAYS} days after the job finished.`,
      tags,
      params: ExportParams,
      querystring: ExportQuery,
      response: { 202: ExportJob },
    }),
    async (request, reply) =>
      reply
        .status(202)
        .send(await exportJobs.start(request.params.projectId, request.params.format, request.query, await requesterOf(request))),
  );

  app.get(
    '/jobs',
    routeOptions('member', {
      summary: 'Your export jobs, most recent first (leads and owners: everyone’s), with their progress',
      tags,
      params: ProjectParams,
      response: { 200: ExportJobList },
    }),
    async (request) => ({ jobs: await exportJobs.list(request.params.projectId, await requesterOf(request)) }),
  );

  app.get(
    '/jobs/:jobId',
    routeOptions('member', {
      summary: 'One export job and its live progress (poll it: any API process answers)',
      description: 'Only the member who started it, leads and owners see a job: 404 for anyone else.',
      tags,
      params: ExportJobParams,
      response: { 200: ExportJob },
    }),
    async (request) => exportJobs.get(request.params.projectId, request.params.jobId, await requesterOf(request)),
  );

  app.post(
    '/jobs/:jobId/cancel',
    routeOptions(
      'member',
      {
        summary: 'Cancel a queued or running export job',
        description:
          'For the member who started it, leads and owners (404 for anyone else). What it had written is deleted. ' +
          'A job that has already ended gets 409 EXPORT_ENDED.',
        tags,
        params: ExportJobParams,
        response: { 200: ExportJob },
      },
      [409],
    ),
    async (request) => exportJobs.cancel(request.params.projectId, request.params.jobId, await requesterOf(request)),
  );

  app.get(
    '/jobs/:jobId/file',
    routeOptions(
      'member',
      {
        summary: 'Download the file an export job stored',
        description:
          'Only for the member who started the job, leads and owners (404 for anyone else). 409 EXPORT_NOT_READY until the job ' +
          `has succeeded; 410 EXPORT_EXPIRED once the file is deleted, ${EXPORT_FILE_DAYS} days after the job finished.`,
        tags,
        params: ExportJobParams,
        response: { 200: fileResponse },
      },
      [409, 410],
    ),
    async (request, reply) => {
      const file = await exportJobs.file(request.params.projectId, request.params.jobId, await requesterOf(request));
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('content-length', file.bytes)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
