// `npm run db:migrate -- --name <name>`: writes a migration for the changes in schema.prisma.
// Uses DATABASE_URL's server for the throwaway shadow database, or a temporary embedded one.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMigration } from './migrations.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

const { values } = parseArgs({ options: { name: { type: 'string' } } });
if (!values.name) {
  console.error('Usage: npm run db:migrate -- --name <snake_case_name>');
  process.exit(2);
}

const server = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), 'concord-migrate-')), 'pg'), persistent: false });
try {
  const folder = await createMigration(process.env.DATABASE_URL ?? server!.url, values.name);
  console.log(
    folder ? `Created ${path.relative(process.cwd(), folder)}/migration.sql` : 'schema.prisma and the migrations agree: nothing to create.',
  );
} finally {
  await server?.stop();
}
// The WebAssembly engine keeps the event loop alive for seconds after it is freed.
process.exit(0);
