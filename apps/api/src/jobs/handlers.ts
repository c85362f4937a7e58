// Every kind of job and its handler: the API server and the CLI run the same ones.
import type { SecretBox } from '../lib/secret-box.ts';
import type { GitHubClientOptions } from '../modules/imports/github-client.ts';
import { GITHUB_IMPORT, createGitHubImportHandler } from '../modules/imports/github-import-job.ts';
import { EXPORT_JOB, EXPORT_JOB_EXPIRY_SECONDS, createExportJobHandler } from '../modules/exports/export-job.ts';
import type { JobHandler } from './job-runner.ts';

export function jobHandlers(deps: {
  github: { apiUrl: string; serverToken: string | undefined };
  secretBox: SecretBox;
  githubClientOptions?: Partial<GitHubClientOptions> | undefined;
}): Record<string, JobHandler> {
  return {
    [GITHUB_IMPORT]: createGitHubImportHandler({
      apiUrl: deps.github.apiUrl,
      serverToken: deps.github.serverToken,
      secretBox: deps.secretBox,
      ...(deps.githubClientOptions ? { client: deps.githubClientOptions } : {}),
    }),
    [EXPORT_JOB]: createExportJobHandler(),
  };
}

/** Kinds whose work is one piece that cannot be cut into slices, with the lease each gets. */
export const JOB_EXPIRY_SECONDS_BY_KIND: Record<string, number> = { [EXPORT_JOB]: EXPORT_JOB_EXPIRY_SECONDS };
