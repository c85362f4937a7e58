// Resumable imports: the CLI's worker is killed (SIGKILL) in the middle of an import; a worker
// started afterwards picks the job up from its last stored page, and what is stored equals the
// source exactly (no gap, no duplicate, and the pages already stored are not fetched again).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateRepository, startFakeGitHub } from '@concord/github-fake';
import { createSecretBox, loadSecretKey } from '../../lib/secret-box.ts';
import { createTestContext } from '../../../test/test-context.ts';
import { createTestJobRunner } from '../../../test/job-runners.ts';
import { FAKE_TOKEN, sourceRows, storedRows } from '../../../test/github-import.ts';
import type { GitHubImportProgress } from './github-import-job.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const source = generateRepository({ owner: 'octo', name: 'big', issues: 1200, seed: 7, comments: (i) => (i % 50 === 0 ? 130 : i % 3) });
const fake = await startFakeGitHub({ repositories: [source], token: FAKE_TOKEN });
// No worker in this process until the "restart": the CLI's worker must be the one running.
const ctx = await createTestContext({ github: { apiUrl: fake.url, token: FAKE_TOKEN } });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concord-resume-'));

async function storedPages(jobId: string): Promise<number> {
  const job = await ctx.prisma.job.findUnique({ where: { id: jobId } });
  return ((job?.progress ?? {}) as GitHubImportProgress).repositories?.[0]?.fetched ?? 0;
}

describe('resume after the worker is killed', () => {
  it('continues from the last stored page and stores exactly the source', { timeout: 120_000 }, async () => {
    const team = await ctx.createTeam();
    const project = await ctx.prisma.project.findUniqueOrThrow({ where: { id: team.projectId } });
    fake.setLatency(150);
    // Node itself, not npx: a SIGKILL to a wrapper would leave the real worker running.
    const cli = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/api/src/cli/import.ts', '--project', project.slug, '--repo', 'octo/big'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: ctx.database.url,
          GITHUB_API_URL: fake.url,
          GITHUB_TOKEN: FAKE_TOKEN,
          CONCORD_DATA_DIR: dataDir,
        },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => cli.once('exit', resolve));
    let job = null;
    for (let i = 0; i < 600; i++) {
      job = await ctx.prisma.job.findFirst({ where: { projectId: team.projectId } });
      if (job && (await storedPages(job.id)) >= 300) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).not.toBeNull();
    cli.kill('SIGKILL');
    await exited;
    const fetchedAtKill = await storedPages(job!.id);
    // Nothing works on the job any more until the restart.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await storedPages(job!.id)).toBe(fetchedAtKill);
    expect(fetchedAtKill).toBeGreaterThanOrEqual(300);
    expect(fetchedAtKill).toBeLessThan(1200);
    expect((await ctx.prisma.job.findUniqueOrThrow({ where: { id: job!.id } })).status).toBe('running');

    // The restart: a worker in this process.
    fake.setLatency(0);
    const requestsBefore = fake.requests.length;
    const runner = createTestJobRunner(ctx.database, {
      github: { apiUrl: fake.url, serverToken: FAKE_TOKEN },
      secretBox: createSecretBox(loadSecretKey({ secretKey: undefined, dataDir })),
      githubClientOptions: { baseDelayMs: 20 },
    });
    await runner.work();
    try {
      let status = 'running';
      for (let i = 0; i < 600 && status === 'running'; i++) {
        status = (await ctx.prisma.job.findUniqueOrThrow({ where: { id: job!.id } })).status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe('succeeded');
    } finally {
      await runner.stop();
    }
    expect(await storedRows(ctx.prisma, team.projectId, 'octo/big')).toEqual(sourceRows(source));
    // Resumed, not restarted: the pages stored before the kill were not asked for again.
    const refetched = fake.requests.slice(requestsBefore).flatMap((r) => r.issueIds).length;
    expect(refetched).toBeLessThanOrEqual(1200 - fetchedAtKill + 100);
    expect(await storedPages(job!.id)).toBeLessThanOrEqual(1200 + 100);
  });
});
