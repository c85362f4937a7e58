// Test helper process: starts an embedded server on the given data directory, prints its URL and
// waits to be killed (see embedded-postgres.test.ts).
import { startEmbeddedPostgres } from '../embedded-postgres.ts';

const server = await startEmbeddedPostgres({ dataDir: process.argv[2]!, persistent: true });
console.log(server.url);
setInterval(() => {}, 60_000);
