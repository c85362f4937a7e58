// The only reader of process.env: every setting the API takes, with its default.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Config {
  port: number;
  host: string;
  /** Unset: run an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Seed the demo project into an empty database. */
  seedDemo: boolean;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind TLS termination). */
  trustProxy: boolean;
  webDistDir: string;
  /** GitHub's API (GitHub Enterprise Server: `https://host/api`); @octokit/graphql posts to `<url>/graphql`. */
  githubApiUrl: string;
  /** The server's own token for imports; a lead may paste one per import instead. */
  githubToken: string | undefined;
  /** 32 bytes (base64 or hex) that encrypt pasted tokens at rest; unset: a key file in the data dir. */
  secretKey: string | undefined;
  /** Run queued jobs (imports) in this process. */
  runJobs: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.CONCORD_DATA_DIR ?? path.join(repositoryRoot, '.data')),
    production,
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !databaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    webDistDir: path.join(repositoryRoot, 'apps/web/dist'),
    githubApiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    githubToken: env.GITHUB_TOKEN || undefined,
    secretKey: env.CONCORD_SECRET_KEY || undefined,
    runJobs: env.CONCORD_RUN_JOBS !== 'false',
  };
}
