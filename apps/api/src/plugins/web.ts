// Serves the built web app at / and falls back to index.html for its client-side routes;
// unknown /api paths get the JSON 404 instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendApiNotFound } from './errors.ts';

export const webPlugin = fp(async (app: FastifyInstance, { distDir }: { distDir: string }) => {
  const hasWebApp = existsSync(path.join(distDir, 'index.html'));
  if (hasWebApp) {
    // The page itself is served only by the fallback below, which adds the security headers.
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      allowedPath: (pathName) => pathName !== '/index.html',
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
    if (isPageRequest && hasWebApp) {
      const isAsset = path.extname(request.url.split('?')[0] ?? '') !== '';
      if (!isAsset) {
        await reply.helmet();
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
    }
    return sendApiNotFound(request, reply);
  });
});
