// Once per test run: a PostgreSQL server (embedded, fsync off, thrown away; or DATABASE_URL's)
// with a migrated template database that each test file copies.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// Brings in vitest's ProvidedContext, which vitest.provided.d.ts extends.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { dropTemplateDatabase, prepareTemplateDatabase, startEmbeddedPostgres } from '@concord/db';

export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), 'concord-test-')), 'pg'),
        persistent: false,
        settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
      });
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  await prepareTemplateDatabase(serverUrl);
  project.provide('databaseServerUrl', serverUrl);
  return async () => {
    await dropTemplateDatabase(serverUrl);
    await server?.stop();
  };
}
