// Imports: repositories, GitHub import jobs (start, list, progress) and file uploads.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  FileImportBody,
  FileImportResult,
  ImportJob,
  ImportJobParams,
  ImportSettings,
  ProjectParams,
  RepositorySummary,
  StartImportBody,
} from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['imports'];
/** Uploaded files travel as JSON strings; a study's worth of issues fits well within this. */
export const FILE_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

export const importsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { imports } = services;

  app.get(
    '/imports/settings',
    routeOptions('member', {
      summary: 'Whether the server has a GitHub token (never the token) and which GitHub API it talks to',
      tags,
      params: ProjectParams,
      response: { 200: ImportSettings },
    }),
    async () => imports.settings(),
  );

  app.get(
    '/repositories',
    routeOptions('member', {
      summary: "The project's repositories with issue counts and last sync",
      tags,
      params: ProjectParams,
      response: { 200: Type.Array(RepositorySummary) },
    }),
    async (request) => imports.repositories(request.params.projectId),
  );

  app.get(
    '/imports',
    routeOptions('member', {
      summary: 'Recent GitHub imports with their progress per repository',
      tags,
      params: ProjectParams,
      response: { 200: Type.Array(ImportJob) },
    }),
    async (request) => imports.list(request.params.projectId),
  );

  app.get(
    '/imports/:jobId',
    routeOptions('member', {
      summary: 'One import and its live progress (poll it: it is read from the database, so any API process answers)',
      tags,
      params: ImportJobParams,
      response: { 200: ImportJob },
    }),
    async (request) => imports.get(request.params.projectId, request.params.jobId),
  );

  app.post(
    '/imports',
    routeOptions(
      'lead',
      {
        summary: 'Import (or sync) repositories from GitHub as a background job',
        description:
          'Issues updated since the last sync only; pull requests when asked. A pasted token is kept encrypted until the job ends and never returned.',
        tags,
        params: ProjectParams,
        body: StartImportBody,
        response: { 202: ImportJob },
      },
      [409],
    ),
    async (request, reply) => reply.status(202).send(await imports.start(request.params.projectId, callerOf(request).userId, request.body)),
  );

  app.post(
    '/imports/:jobId/cancel',
    routeOptions(
      'lead',
      {
        summary: 'Cancel a queued or running GitHub import',
        description:
          'The issues stored so far stay. A repository the import did not finish is fetched again from its last completed sync next time. An import that has already ended gets 409 IMPORT_ENDED.',
        tags,
        params: ImportJobParams,
        response: { 200: ImportJob },
      },
      [409],
    ),
    async (request) => imports.cancel(request.params.projectId, request.params.jobId),
  );

  app.post(
    '/imports/file',
    {
      ...routeOptions(
        'lead',
        {
          summary: 'Import issues from a JSON (GitHub REST or GraphQL shape) or CSV file, all or nothing',
          description: 'A bad file gets 400 INVALID_FILE with `details.problems`: each bad record (JSON index or CSV line) and why.',
          tags,
          params: ProjectParams,
          body: FileImportBody,
          response: { 200: FileImportResult },
        },
        [409],
      ),
      bodyLimit: FILE_BODY_LIMIT_BYTES,
    },
    async (request) => imports.importFile(request.params.projectId, request.body),
  );
};
