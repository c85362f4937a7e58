// Databases for the test suite: one migrated template per run, then a copy per test file
// (CREATE DATABASE ... TEMPLATE takes milliseconds), on the embedded server or DATABASE_URL's.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from './migrations.ts';

const TEMPLATE = 'concord_test_template';

/** The same server's URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function prepareTemplateDatabase(serverUrl: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await onServer(serverUrl, `CREATE DATABASE ${TEMPLATE}`);
  await applyMigrations(databaseUrl(serverUrl, TEMPLATE));
  // The schema engine's pool may still hold connections, which would block copying the template.
  await onServer(
    serverUrl,
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${TEMPLATE}' AND pid <> pg_backend_pid()`,
  );
}

export async function dropTemplateDatabase(serverUrl: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
}

export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `concord_test_${randomUUID().replaceAll('-', '')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
