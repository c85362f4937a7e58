// Direct access to the database of the app under test (its embedded PostgreSQL in E2E_DATA_DIR),
// for fixtures no UI creates yet, such as an issue full of XSS payloads.
import path from 'node:path';
import pg from 'pg';
import { runningEmbeddedUrl } from '@concord/db';

export async function withDatabase<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = await runningEmbeddedUrl(path.join(process.env.E2E_DATA_DIR!, 'pg'));
  if (!url) throw new Error('The app under test has no embedded PostgreSQL running in E2E_DATA_DIR');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
