// Stages of a project and their codebooks: the stage list and settings, the codebook tree with
// every edit a lead makes to it, its history, the recode queue, and export / import / copy.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddExampleBody,
  Codebook,
  CodebookCode,
  CodebookDocumentSchema,
  CodebookExportQuery,
  CodebookHistory,
  CodebookHistoryQuery,
  CodebookImportResult,
  CodeExampleParams,
  CodeParams,
  CopyCodebookBody,
  CreateCodeBody,
  CreateStageBody,
  ImportCodebookBody,
  MergeCodeBody,
  MoveCodeBody,
  ProjectParams,
  RecodeQueue,
  SplitCodeBody,
  SplitResult,
  Stage,
  StageParams,
  UpdateCodeBody,
  UpdateStageBody,
} from '@concord/contracts';
import type { Services } from '../../services.ts';
import { callerOf, projectRoleOf } from '../../plugins/auth.ts';
import { routeOptions } from '../../lib/route-options.ts';

const tags = ['codebooks'];

export const codebooksRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { codebooks } = services;

  // --- stages -------------------------------------------------------------------------------

  app.get(
    '',
    routeOptions('member', {
      summary: "The project's stages, in order, with their settings",
      tags,
      params: ProjectParams,
      response: { 200: Type.Array(Stage) },
    }),
    async (request) => codebooks.listStages(request.params.projectId),
  );

  app.post(
    '',
    routeOptions(
      'lead',
      {
        summary: 'Add a stage at the end of the order, with an empty codebook',
        description:
          'inputStageId + inputCodeId restrict the stage to issues whose final label in that earlier stage contains that code. ' +
          '400 names an input stage or code that does not qualify; 409 when the name is taken in the project.',
        tags,
        params: ProjectParams,
        body: CreateStageBody,
        response: { 201: Stage },
      },
      [409],
    ),
    async (request, reply) => reply.status(201).send(await codebooks.createStage(request.params.projectId, request.body)),
  );

  app.patch(
    '/:stageId',
    routeOptions(
      'lead',
      {
        summary: "Change a stage's settings or its place in the order",
        description: 'Every stage must stay after the stage it takes its input from (400 otherwise).',
        tags,
        params: StageParams,
        body: UpdateStageBody,
        response: { 200: Stage },
      },
      [409],
    ),
    async (request) => codebooks.updateStage(request.params.projectId, request.params.stageId, request.body),
  );

  // --- reading the codebook -------------------------------------------------------------------

  app.get(
    '/:stageId/codebook',
    routeOptions('member', {
      summary: "A stage's codebook: its codes in tree order and its version",
      description: 'Coders get the active codes only; leads and owners also get retired ones, flagged.',
      tags,
      params: StageParams,
      response: { 200: Codebook },
    }),
    async (request) => codebooks.codebook(request.params.projectId, request.params.stageId, projectRoleOf(request)),
  );

  app.get(
    '/:stageId/codebook/history',
    routeOptions('member', {
      summary: 'Every change of the codebook: who, when, what, and the version it produced; newest first',
      tags,
      params: StageParams,
      querystring: CodebookHistoryQuery,
      response: { 200: CodebookHistory },
    }),
    async (request) => codebooks.history(request.params.projectId, request.params.stageId, request.query.limit, projectRoleOf(request)),
  );

  app.get(
    '/:stageId/recode-queue',
    routeOptions('lead', {
      summary: 'Issues waiting for a lead to recode them because a code they had was split',
      tags,
      params: StageParams,
      response: { 200: RecodeQueue },
    }),
    async (request) => codebooks.recodeQueue(request.params.projectId, request.params.stageId),
  );

  // --- exchange -----------------------------------------------------------------------------

  app.get(
    '/:stageId/codebook/export',
    routeOptions(
      'member',
      {
        summary: 'Download the codebook as Concord JSON or as a REFI-QDA codebook (.qdc)',
        description:
          'json (default): the tree with every field, retired codes included for leads. qdc: the active codes as ' +
          '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">, definition and criteria in each Description; 409 for an empty codebook.',
        tags,
        params: StageParams,
        querystring: CodebookExportQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: CodebookDocumentSchema },
              'application/xml': { schema: Type.String({ description: 'REFI-QDA codebook 1.0' }) },
            },
          },
        },
      },
      [409],
    ),
    async (request, reply) => {
      const { projectId, stageId } = request.params;
      const file = await codebooks.exportCodebook(projectId, stageId, request.query.format ?? 'json', projectRoleOf(request));
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );

  app.post(
    '/:stageId/codebook/import',
    routeOptions(
      'lead',
      {
        summary: 'Import a codebook file (Concord JSON or .qdc) into an empty codebook, or append it under a code',
        description:
          'All or nothing: a file with problems is refused with 400 IMPORT_INVALID and details.problems listing each one; ' +
          'a non-empty codebook without parentId is refused with 409.',
        tags,
        params: StageParams,
        body: ImportCodebookBody,
        response: { 200: CodebookImportResult },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId } = request.params;
      return codebooks.importCodebook(projectId, stageId, callerOf(request).userId, request.body, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/copy',
    routeOptions(
      'lead',
      {
        summary: "Copy another stage's active codes, from any project where you are lead or owner",
        description: 'A stage of a project you do not lead is answered 404, like a missing one.',
        tags,
        params: StageParams,
        body: CopyCodebookBody,
        response: { 200: CodebookImportResult },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId } = request.params;
      return codebooks.copyCodebook(projectId, stageId, callerOf(request).userId, request.body, projectRoleOf(request));
    },
  );

  // --- editing codes --------------------------------------------------------------------------

  app.post(
    '/:stageId/codebook/codes',
    routeOptions(
      'lead',
      {
        summary: 'Add a code at the top level or under any code',
        tags,
        params: StageParams,
        body: CreateCodeBody,
        response: { 201: CodebookCode },
      },
      [409],
    ),
    async (request, reply) => {
      const { projectId, stageId } = request.params;
      return reply.status(201).send(await codebooks.createCode(projectId, stageId, callerOf(request).userId, request.body));
    },
  );

  app.patch(
    '/:stageId/codebook/codes/:codeId',
    routeOptions(
      'lead',
      {
        summary: "Edit a code's name, definition, criteria, colour or shortcut",
        description: 'Codings reference codes by id, so a rename keeps every coding. 409 when the shortcut or sibling name is taken.',
        tags,
        params: CodeParams,
        body: UpdateCodeBody,
        response: { 200: CodebookCode },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.updateCode(projectId, stageId, codeId, callerOf(request).userId, request.body);
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/move',
    routeOptions(
      'lead',
      {
        summary: 'Move a code to a new parent and place among its siblings',
        description: 'Siblings are re-numbered; moving a code under itself or one of its sub-codes is refused (400 MOVE_CYCLE).',
        tags,
        params: CodeParams,
        body: MoveCodeBody,
        response: { 200: Codebook },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.moveCode(projectId, stageId, codeId, callerOf(request).userId, request.body, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/merge',
    routeOptions('lead', {
      summary: 'Merge this code into another',
      description:
        'Its codings and final labels move to the other code (duplicates removed), as do its examples and sub-codes; this code is retired.',
      tags,
      params: CodeParams,
      body: MergeCodeBody,
      response: { 200: Codebook },
    }),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.mergeCode(projectId, stageId, codeId, callerOf(request).userId, request.body.intoId, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/split',
    routeOptions(
      'lead',
      {
        summary: 'Split a code into new sibling codes',
        description: 'Every issue coded with it goes into the recode queue, and the code is retired.',
        tags,
        params: CodeParams,
        body: SplitCodeBody,
        response: { 200: SplitResult },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.splitCode(projectId, stageId, codeId, callerOf(request).userId, request.body.into, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/retire',
    routeOptions(
      'lead',
      {
        summary: 'Retire a code and its sub-codes: kept for history, hidden from coders',
        tags,
        params: CodeParams,
        response: { 200: Codebook },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.retireCode(projectId, stageId, codeId, callerOf(request).userId, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/unretire',
    routeOptions(
      'lead',
      {
        summary: 'Restore a retired code, with the sub-codes retired along with it',
        tags,
        params: CodeParams,
        response: { 200: Codebook },
      },
      [409],
    ),
    async (request) => {
      const { projectId, stageId, codeId } = request.params;
      return codebooks.unretireCode(projectId, stageId, codeId, callerOf(request).userId, projectRoleOf(request));
    },
  );

  app.post(
    '/:stageId/codebook/codes/:codeId/examples',
    routeOptions(
      'lead',
      {
        summary: 'Add an issue of this project as an example of the code',
        description: 'By issue id, or by number (with repository when several repositories have that number: 400 AMBIGUOUS_ISSUE).',
        tags,
        params: CodeParams,
        body: AddExampleBody,
        response: { 201: CodebookCode },
      },
      [409],
    ),
    async (request, reply) => {
      const { projectId, stageId, codeId } = request.params;
      return reply.status(201).send(await codebooks.addExample(projectId, stageId, codeId, callerOf(request).userId, request.body));
    },
  );

  app.delete(
    '/:stageId/codebook/codes/:codeId/examples/:issueId',
    routeOptions('lead', {
      summary: 'Remove an example from the code',
      tags,
      params: CodeExampleParams,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      const { projectId, stageId, codeId, issueId } = request.params;
      await codebooks.removeExample(projectId, stageId, codeId, issueId, callerOf(request).userId);
      return reply.status(204).send(null);
    },
  );
};
