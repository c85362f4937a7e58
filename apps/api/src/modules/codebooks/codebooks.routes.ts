// Stages and codebooks: being built (see the codebook helper's task).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services.ts';

export const codebooksRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async () => {};
