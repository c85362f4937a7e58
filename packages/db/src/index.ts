// Database access for every workspace: the Prisma client, migrations and the embedded server.
export { connectDatabase, type Database } from './client.ts';
export { applyMigrations, createMigration, pendingSchemaChanges } from './migrations.ts';
export { runningEmbeddedUrl, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts';
export * from './generated/prisma/client.ts';
export { createTestDatabase, databaseUrl, dropTemplateDatabase, prepareTemplateDatabase } from './test-database.ts';
