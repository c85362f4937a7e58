// Job runners for tests: the real runner and handlers, polling and recovering quickly, with a
// throwaway secret key and no GitHub unless a test names one.
import { randomBytes } from 'node:crypto';
import type { Database } from '@concord/db';
import { JOB_EXPIRY_SECONDS_BY_KIND, jobHandlers } from '../src/jobs/handlers.ts';
import { createJobRunner, type JobRunner, type JobRunnerOptions } from '../src/jobs/job-runner.ts';
import { createSecretBox } from '../src/lib/secret-box.ts';

type HandlerDependencies = Parameters<typeof jobHandlers>[0];

export function createTestJobRunner(
  database: Database,
  handlers: Partial<HandlerDependencies> = {},
  options: Partial<Omit<JobRunnerOptions, 'database' | 'handlers'>> = {},
): JobRunner {
  return createJobRunner({
    database,
    handlers: jobHandlers({
      github: { apiUrl: 'http://127.0.0.1:9', serverToken: undefined },
      secretBox: createSecretBox(randomBytes(32)),
      ...handlers,
    }),
    expireInSecondsByKind: JOB_EXPIRY_SECONDS_BY_KIND,
    log: () => {},
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    recoverEveryMs: 500,
    ...options,
  });
}
