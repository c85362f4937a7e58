// `npm run export -- --project <slug or id> --format <format> [--stage <id or name>] [--round <n>]
// [--out <file or ->] [--as <email>]`: writes one export file with the same writers as the API,
// straight from the database (DATABASE_URL, or the embedded PostgreSQL in CONCORD_DATA_DIR, the
// running one if Concord is up). It exports as an owner unless --as names a member, whose role
// then applies (a coder gets their own codings). Progress goes to stderr.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { connectDatabase, runningEmbeddedUrl, startEmbeddedPostgres, type RunningPostgres } from '@concord/db';
import { readConfig } from './env.ts';
import { AppError } from './plugins/errors.ts';
import { EXPORT_FORMATS, filenameFor } from './modules/exports/export-formats.ts';
import type { ExportProgress } from './modules/exports/export-scope.ts';
import { createExportsService, createWriterServices, type Requester } from './modules/exports/exports.service.ts';

const USAGE = `Usage: npm run export -- --project <slug or id> --format <format> [--stage <id or name>] [--round <n>] [--out <file or ->] [--as <email>]
Formats:
${EXPORT_FORMATS.map(
  (format) => `  ${format.name.padEnd(18)} ${format.label}${format.stage === 'required' ? ' (needs --stage)' : ''}`,
).join('\n')}`;

const { values: args } = parseArgs({
  options: {
    project: { type: 'string' },
    format: { type: 'string' },
    stage: { type: 'string' },
    round: { type: 'string' },
    out: { type: 'string' },
    as: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

/** A mistake in the command: its message is printed, without a stack. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.project || !args.format) {
  console.error(`--project and --format are required.\n${USAGE}`);
  process.exit(2);
}

const config = readConfig();
let embedded: RunningPostgres | undefined;
let databaseUrl = config.databaseUrl ?? (await runningEmbeddedUrl(path.join(config.dataDir, 'pg')));
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), persistent: true });
  databaseUrl = embedded.url;
}
const database = connectDatabase(databaseUrl, 2);
const { prisma, pool } = database;

/** Progress on stderr, at most a few times a second, when stderr is a terminal. */
function progressPrinter() {
  let last = 0;
  return (progress: ExportProgress) => {
    const now = performance.now();
    if (!process.stderr.isTTY || now - last < 200) return;
    last = now;
    process.stderr.write(`\r${progress.phase}: ${progress.rows.toLocaleString('en')} rows written   `);
  };
}

try {
  if (args.round !== undefined && !/^[1-9]\d*$/.test(args.round)) fail(`--round must be a round number, not "${args.round}".`);
  const exports = createExportsService(prisma, pool);
  const project = await prisma.project.findFirst({
    where: /^[0-9a-f-]{36}$/i.test(args.project) ? { OR: [{ id: args.project }, { slug: args.project }] } : { slug: args.project },
  });
  if (!project) fail(`No project "${args.project}" (give its slug or id).`);
  let requester: Requester = { id: '00000000-0000-0000-0000-000000000000', name: 'the export command line', role: 'owner' };
  if (args.as) {
    const member = await prisma.member.findFirst({ where: { projectId: project.id, user: { email: args.as } }, include: { user: true } });
    if (!member) fail(`${args.as} is not a member of ${project.slug}.`);
    requester = { id: member.userId, name: member.user.name, role: member.role };
  }
  const stage = args.stage
    ? await prisma.stage.findFirst({
        where: { projectId: project.id, ...(/^[0-9a-f-]{36}$/i.test(args.stage) ? { id: args.stage } : { name: args.stage }) },
      })
    : null;
  if (args.stage && !stage) fail(`No stage "${args.stage}" in ${project.slug} (give its name or id).`);

  const format = exports.usableFormat(args.format, requester.role);
  const scope = await exports.scope(
    project.id,
    format,
    { stage: stage?.id, round: args.round ? Number(args.round) : undefined },
    requester,
  );
  const target = args.out ?? filenameFor(scope, format);
  const output: Writable = target === '-' ? process.stdout : createWriteStream(target);
  const started = performance.now();
  const services = createWriterServices(prisma, pool);
  await exports.run(format, scope, services, output, progressPrinter());
  if (output !== process.stdout) {
    output.end();
    await finished(output);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (target !== '-') console.error(`Wrote ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (!(error instanceof UsageError || error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await database.close();
  await embedded?.stop();
}
process.exit(process.exitCode ?? 0);
