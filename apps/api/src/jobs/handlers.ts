// Every kind of job and its handler: the API server and the CLI run the same ones.
import type { SecretBox } from '../lib/secret-box.ts';
import type { GitHubClientOptions } from '../modules/imports/github-client.ts';
import { GITHUB_IMPORT, createGitHubImportHandler } from '../modules/imports/github-import-job.ts';
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
  };
}
