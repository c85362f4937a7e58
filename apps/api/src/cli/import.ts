// `npm run import -- --project <slug or id> --repo owner/name [--repo ...] [--pull-requests]`:
// runs the same import job as the web app, with a progress bar per repository in the terminal.
// The database is found as `npm start` finds it: DATABASE_URL, else the embedded PostgreSQL in
// the data directory (the running server's, or started here when the server is not running).
// An unfinished import of the project is resumed rather than started twice.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, connectDatabase, runningEmbeddedUrl, startEmbeddedPostgres, type RunningPostgres } from '@concord/db';
import type { ImportJob } from '@concord/contracts';
import { readConfig } from '../env.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { JOB_EXPIRY_SECONDS_BY_KIND, jobHandlers } from '../jobs/handlers.ts';
import { createSecretBox, loadSecretKey } from '../lib/secret-box.ts';
import { GITHUB_IMPORT } from '../modules/imports/github-import-job.ts';
import { createImportsService } from '../modules/imports/imports.service.ts';
import { AppError } from '../plugins/errors.ts';

const { values } = parseArgs({
  options: { project: { type: 'string' }, repo: { type: 'string', multiple: true }, 'pull-requests': { type: 'boolean', default: false } },
});
if (!values.project || !values.repo?.length) {
  console.error('Usage: npm run import -- --project <slug or id> --repo owner/name [--repo owner/name ...] [--pull-requests]');
  process.exit(2);
}

const config = readConfig();
let embedded: RunningPostgres | undefined;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  const dataDir = path.join(config.dataDir, 'pg');
  databaseUrl = await runningEmbeddedUrl(dataDir);
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    databaseUrl = embedded.url;
  }
}
await applyMigrations(databaseUrl);
const database = connectDatabase(databaseUrl, 5);
const github = { apiUrl: config.githubApiUrl, serverToken: config.githubToken };
const secretBox = createSecretBox(loadSecretKey(config));
const jobs = createJobRunner({
  database,
  handlers: jobHandlers({ github, secretBox }),
  expireInSecondsByKind: JOB_EXPIRY_SECONDS_BY_KIND,
  log: (level, message) => {
    if (level !== 'info') process.stderr.write(`\n${message}\n`);
  },
});

async function shutdown(code: number): Promise<never> {
  await jobs.stop();
  await database.close();
  await embedded?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

const UUID = /^[0-9a-f-]{36}$/i;
const project = await database.prisma.project.findFirst({
  where: UUID.test(values.project) ? { OR: [{ id: values.project }, { slug: values.project }] } : { slug: values.project },
});
if (!project) {
  console.error(`No project with slug or id "${values.project}".`);
  await shutdown(2);
}
const projectId = project!.id;
const imports = createImportsService({ database, jobs, secretBox, github });

let jobId: string;
const unfinished = await database.prisma.job.findFirst({
  where: { projectId, kind: GITHUB_IMPORT, status: { in: ['queued', 'running'] } },
});
if (unfinished) {
  jobId = unfinished.id;
  console.log(`Resuming the unfinished import ${jobId} of ${project!.slug}.`);
} else {
  try {
    jobId = (await imports.start(projectId, null, { repositories: values.repo, includePullRequests: values['pull-requests'] })).id;
  } catch (error) {
    console.error(error instanceof AppError ? error.message : String(error));
    await shutdown(2);
  }
}
await jobs.work();

const BAR = 30;
function render(job: ImportJob): string {
  const lines = job.repositories.map((r) => {
    const share = r.total ? Math.min(1, r.fetched / r.total) : r.status === 'done' ? 1 : 0;
    const filled = Math.round(share * BAR);
    const state =
      r.status === 'failed'
        ? `failed: ${r.error}`
        : `${r.fetched}/${r.total ?? '?'} issues, ${r.comments} comments${r.etaSeconds !== null ? `, ETA ${r.etaSeconds} s` : ''}`;
    return `${r.fullName.padEnd(40)} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${state}`;
  });
  if (job.rateLimit) lines.push(`rate limit: ${job.rateLimit.remaining} points left, resets ${job.rateLimit.resetAt}`);
  if (job.waitingUntil) lines.push(`waiting for GitHub's rate limit to reset at ${job.waitingUntil}`);
  return lines.join('\n');
}

let printed = 0;
for (;;) {
  const job = await imports.get(projectId, jobId!);
  const text = render(job);
  // Redraw in place on a terminal; print only the final state into a pipe or a log.
  const finished = job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
  if (process.stdout.isTTY) {
    if (printed) process.stdout.write(`\x1b[${printed}A\x1b[J`);
    process.stdout.write(`${text}\n`);
    printed = text.split('\n').length;
  } else if (finished) {
    console.log(text);
  }
  if (finished) {
    console.log(job.status === 'succeeded' ? 'Import finished.' : `Import ${job.status}${job.error ? `: ${job.error}` : ''}.`);
    await shutdown(job.status === 'succeeded' ? 0 : 1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
