// Builds the Fastify application: cross-cutting plugins, then the domain modules with their
// prefixes, then the web app. It never listens; server.ts and the tests do.
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import type { Database } from '@concord/db';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { webPlugin } from './plugins/web.ts';
import { startChangeFeed } from './lib/change-feed.ts';
import { createServices } from './services.ts';
import { randomBytes } from 'node:crypto';
import { createJobRunner, type JobRunnerOptions } from './jobs/job-runner.ts';
import { JOB_EXPIRY_SECONDS_BY_KIND, jobHandlers } from './jobs/handlers.ts';
import { createSecretBox } from './lib/secret-box.ts';
import type { GitHubClientOptions } from './modules/imports/github-client.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { issueSetsRoutes } from './modules/issue-sets/issue-sets.routes.ts';
import { agreementRoutes } from './modules/agreement/agreement.routes.ts';
import { analysisRoutes } from './modules/analysis/analysis.routes.ts';
import { codebooksRoutes } from './modules/codebooks/codebooks.routes.ts';
import { codingRoutes } from './modules/coding/coding.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { roundsRoutes } from './modules/rounds/rounds.routes.ts';
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { issuesRoutes } from './modules/issues/issues.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { tokensRoutes } from './modules/tokens/tokens.routes.ts';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** Built web app to serve at /; omitted in API tests. */
  webDistDir?: string;
  /** GitHub's API and the server's token (GITHUB_API_URL, GITHUB_TOKEN). */
  github?: { apiUrl: string; token?: string | undefined };
  /** Encrypts pasted tokens at rest (lib/secret-box.ts); a random one when omitted (tests). */
  secretKey?: Buffer;
  /** Work on queued jobs in this process (server and CLI: yes; most tests: no). */
  runJobs?: boolean;
  /** Test knobs for the job runner and the GitHub client. */
  jobOptions?: Partial<Omit<JobRunnerOptions, 'database' | 'handlers' | 'log'>>;
  githubClientOptions?: Partial<GitHubClientOptions>;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

// Never log secrets: cookies, bearer tokens and CSRF tokens are redacted from request logs.
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export async function buildApp(options: AppOptions) {
  const { database, logger = false, trustProxy = false, webDistDir } = options;
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), redact: REDACTED },
    trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  // Its own connection: LISTEN needs one that no pool hands to someone else.
  const changeFeed = await startChangeFeed(database, (message) => app.log.warn(message));
  app.addHook('onClose', () => changeFeed.close());
  // A client that wrote something must see it in its next request, even when served from cache.
  // Routes that write no cached table say so and skip the wait (the coding hot path).
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.routeOptions.config.writesNoCachedData)
      await changeFeed.caughtUp();
  });
  const github = { apiUrl: options.github?.apiUrl ?? 'https://api.github.com', serverToken: options.github?.token };
  const secretBox = createSecretBox(options.secretKey ?? randomBytes(32));
  const jobs = createJobRunner({
    database,
    handlers: jobHandlers({ github, secretBox, githubClientOptions: options.githubClientOptions }),
    log: (level, message) => app.log[level](message),
    expireInSecondsByKind: JOB_EXPIRY_SECONDS_BY_KIND,
    ...options.jobOptions,
  });
  app.addHook('onClose', () => jobs.stop());
  if (options.runJobs) await jobs.work();
  const services = createServices(database, changeFeed, { jobs, secretBox, github });

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(openapiPlugin);
  await app.register(authPlugin, { access: services.access });

  await app.register(healthRoutes, { prefix: '/api/health', services });
  await app.register(authRoutes, { prefix: '/api/auth', services });
  await app.register(tokensRoutes, { prefix: '/api/tokens', services });
  await app.register(projectsRoutes, { prefix: '/api/projects', services });
  await app.register(membersRoutes, { prefix: '/api/projects/:projectId/members', services });
  await app.register(issuesRoutes, { prefix: '/api/projects/:projectId/issues', services });
  await app.register(issueSetsRoutes, { prefix: '/api/projects/:projectId/issue-sets', services });
  await app.register(importsRoutes, { prefix: '/api/projects/:projectId', services });
  await app.register(agreementRoutes, { prefix: '/api/projects/:projectId/stages', services });
  await app.register(analysisRoutes, { prefix: '/api/projects/:projectId/stages', services });
  await app.register(roundsRoutes, { prefix: '/api/projects/:projectId', services });
  await app.register(codingRoutes, { prefix: '/api/projects/:projectId', services });
  await app.register(codebooksRoutes, { prefix: '/api/projects/:projectId/stages', services });
  await app.register(exportsRoutes, { prefix: '/api/projects/:projectId/exports', services });
  await app.register(reviewsRoutes, { prefix: '/api/projects/:projectId', services });

  await app.register(webPlugin, { distDir: webDistDir ?? '' });
  return app;
}
