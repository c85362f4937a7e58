// A job worker in a process of its own, on DATABASE_URL, for tests that kill it in the middle of a
// job (SIGKILL: no clean-up of any kind) and check that another worker finishes the job.
import { connectDatabase } from '@concord/db';
import { createTestJobRunner } from './job-runners.ts';

const database = connectDatabase(process.env.DATABASE_URL!, 4);
const runner = createTestJobRunner(database);
await runner.work();
