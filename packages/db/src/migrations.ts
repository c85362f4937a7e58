// Applying, checking and creating migrations in prisma/migrations, in the layout and with the
// `_prisma_migrations` table of the Prisma CLI, so machines that have its native engine can use it.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';
import { withSchemaEngine } from './schema-engine.ts';

export const prismaDir = fileURLToPath(new URL('../../../prisma/', import.meta.url));
export const migrationsDir = path.join(prismaDir, 'migrations');
export const schemaPath = path.join(prismaDir, 'schema.prisma');

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

async function loadMigrationList(): Promise<MigrationList> {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const names = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

async function loadSchema() {
  return { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
}

/** Applies every migration not yet applied (what `prisma migrate deploy` does). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrationList();
  return withSchemaEngine(databaseUrl, undefined, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return appliedMigrationNames;
  });
}

/**
 * SQL that would bring a database built from prisma/migrations up to schema.prisma; empty when
 * they agree. The migrations are replayed in a throwaway database on the server at `databaseUrl`.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  const [migrationsList, schema] = await Promise.all([loadMigrationList(), loadSchema()]);
  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = stdout ?? '';
    return sql.includes('This is an empty migration') ? '' : sql.trim();
  });
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its folder, or null if nothing changed. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name must be snake_case letters and digits: ${name}`);
  const sql = await pendingSchemaChanges(databaseUrl);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), `${sql}\n`);
  return folder;
}
