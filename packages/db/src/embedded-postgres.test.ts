// The embedded server survives what users do to it: a second start reuses the data, and a
// server orphaned by a killed process is stopped and replaced at the next start.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and recovers from a server left by a SIGKILLed process', async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'concord-embedded-')), 'pg');

    // A child process starts the server, writes a row, then is killed without any cleanup.
    const starter = fileURLToPath(new URL('./testing/start-and-hang.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', starter, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const orphanUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const line = chunk.toString().trim();
        if (line.startsWith('postgresql://')) resolve(line);
      });
      child.on('exit', (code) => reject(new Error(`starter exited with ${code}`)));
    });
    await query(orphanUrl, 'CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The orphaned server still answers: this is the situation users hit.
    expect(await query(orphanUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const restarted = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      expect(await query(restarted.url, 'SELECT id FROM survivor')).toEqual([{ id: 42 }]);
      await expect(query(orphanUrl, 'SELECT 1')).rejects.toThrow();
    } finally {
      await restarted.stop();
    }
  }, 60_000);
});
