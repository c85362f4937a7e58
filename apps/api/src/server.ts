// Starts Concord: the database (DATABASE_URL, or an embedded PostgreSQL under .data/), pending
// migrations, the demo seed on first start, then the API and web app on one port. Shuts down
// gracefully on SIGTERM / SIGINT: stop accepting, finish requests, close the database.
import path from 'node:path';
import { applyMigrations, connectDatabase, startEmbeddedPostgres, type RunningPostgres } from '@concord/db';
import { buildApp } from './app.ts';
import { readConfig } from './env.ts';
import { loadSecretKey } from './lib/secret-box.ts';
import { seedDemo, type DemoAccount } from './seed/demo.ts';

const config = readConfig();
const startedAt = performance.now();

let embedded: RunningPostgres | undefined;
if (!config.databaseUrl) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), persistent: true });
}
const databaseUrl = config.databaseUrl ?? embedded!.url;
const applied = await applyMigrations(databaseUrl);
const database = connectDatabase(databaseUrl, 10, (error) => console.warn(`database connection lost: ${error.message}`));
const { prisma } = database;

let demoAccounts: DemoAccount[] = [];
if (config.seedDemo && (await prisma.user.count()) === 0) {
  demoAccounts = await seedDemo(prisma, { production: config.production });
}

const app = await buildApp({
  database,
  logger: { level: config.logLevel },
  trustProxy: config.trustProxy,
  webDistDir: config.webDistDir,
  github: { apiUrl: config.githubApiUrl, token: config.githubToken },
  secretKey: loadSecretKey(config),
  runJobs: config.runJobs,
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  app.log.info(`${signal}: finishing requests and shutting down`);
  // Keep-alive sockets would hold close() open for their whole timeout: drop each one as soon as
  // its in-flight request has been answered.
  const dropIdleSockets = setInterval(() => app.server.closeIdleConnections(), 50);
  await app.close();
  clearInterval(dropIdleSockets);
  await database.close();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}`;
const lines = [
  '',
  `Concord is running at ${url} (started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
  `  database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}`}${applied.length ? `, applied ${applied.join(', ')}` : ''}`,
  `  API docs: ${url}/api/docs`,
];
if (demoAccounts.length) {
  lines.push('  Demo project seeded. Sign in as:');
  for (const a of demoAccounts) lines.push(`    ${a.role.padEnd(6)} ${a.email.padEnd(22)} password: ${a.password}`);
} else if ((await prisma.user.count()) === 0) {
  lines.push(`  Open ${url} to create the first owner account.`);
} else if (config.seedDemo && !config.production) {
  lines.push(
    '  Demo accounts (if unchanged): owner@demo.concord, lead@demo.concord, coder1@demo.concord, coder2@demo.concord, password: concord-demo',
  );
}
console.log(`${lines.join('\n')}\n`);
