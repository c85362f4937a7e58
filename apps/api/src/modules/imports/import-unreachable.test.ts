// Without network access to GitHub (the demo's situation), an import fails soon with a message
// that says so, instead of retrying for minutes or failing obscurely.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@concord/contracts';
import { createTestContext } from '../../../test/test-context.ts';
import { waitForImport } from '../../../test/github-import.ts';

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const apiUrl = `http://127.0.0.1:${await closedPort()}`;
const ctx = await createTestContext({
  github: { apiUrl, token: 'token' },
  runJobs: true,
  jobOptions: { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, recoverEveryMs: 500 },
  githubClientOptions: { baseDelayMs: 5, attempts: 2 },
});

describe('GitHub unreachable', () => {
  it('fails the import at once with an explanation', async () => {
    const team = await ctx.createTeam();
    const started = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/imports`,
      payload: { repositories: ['octo/beta'] },
    });
    expect(started.statusCode).toBe(202);
    const done = await waitForImport(ctx, team.lead, team.projectId, started.json<ImportJob>().id, 20_000);
    expect(done).toMatchObject({
      status: 'failed',
      error: expect.stringContaining(`Could not reach GitHub at ${apiUrl} (ECONNREFUSED)`),
      repositories: [{ fullName: 'octo/beta', status: 'failed', error: expect.stringContaining('no network access') }],
    });
  });
});
