// A job worker in a process of its own, on DATABASE_URL, for tests that kill it in the middle of a
// job (SIGKILL: no clean-up of any kind) and check that another worker finishes the job.
import { randomBytes } from 'node:crypto';
import { connectDatabase } from '@concord/db';
import { JOB_EXPIRY_SECONDS_BY_KIND, jobHandlers } from '../src/jobs/handlers.ts';
import { createJobRunner } from '../src/jobs/job-runner.ts';
import { createSecretBox } from '../src/lib/secret-box.ts';

const database = connectDatabase(process.env.DATABASE_URL!, 4);
const runner = createJobRunner({
  database,
  handlers: jobHandlers({ github: { apiUrl: 'http://127.0.0.1:9', serverToken: undefined }, secretBox: createSecretBox(randomBytes(32)) }),
  expireInSecondsByKind: JOB_EXPIRY_SECONDS_BY_KIND,
  log: () => {},
  pollingIntervalSeconds: 0.5,
});
await runner.work();
