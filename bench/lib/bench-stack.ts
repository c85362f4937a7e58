// What most benchmarks measure against: a throwaway embedded PostgreSQL with the migrations
// applied, a client on it for seeding and checking, and the API in a child process on it.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, startEmbeddedPostgres } from '@concord/db';
import { startChild, type Child } from './process.ts';

export interface BenchStack {
  /** The PostgreSQL data directory (its postmaster.pid names the server's processes). */
  dataDir: string;
  databaseUrl: string;
  db: pg.Client;
  api: Child;
  /** Stops the API, the client and the server. */
  stop(): Promise<void>;
}

export async function startBenchStack(name: string, port: number, settings: Record<string, string> = {}): Promise<BenchStack> {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), `concord-bench-${name}-`)), 'pg');
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, settings });
  const databaseUrl = server.urlFor('postgres');
  await applyMigrations(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // One node process (no npx or tsx wrapper): its memory and CPU are the API's.
  const api = startChild(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  });
  return {
    dataDir,
    databaseUrl,
    db,
    api,
    async stop() {
      await api.stop();
      await db.end();
      await server.stop();
    },
  };
}
