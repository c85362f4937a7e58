// The real start command's lifecycle: it starts on an embedded PostgreSQL, finishes a request
// that is in flight when SIGTERM arrives, then stops the database and exits cleanly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('server process', () => {
  it('seeds the demo, serves requests, and shuts down gracefully on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-server-'));
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        CONCORD_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        SEED_DEMO: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; !output.includes('Concord is running'); i++) {
      if (i > 600) throw new Error(`server did not start:\n${output}`);
      await sleep(50);
    }
    expect(output).toContain('owner@demo.concord');
    expect(output).toContain('password: concord-demo');

    // Sign-in spends ~100 ms hashing: SIGTERM arrives while it is in flight.
    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@demo.concord', password: 'concord-demo' }),
    });
    await sleep(20);
    server.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'embedded PostgreSQL stopped').toBe(false);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 60_000);
});
