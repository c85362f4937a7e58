// The export command line on a real database: it writes the same rows as the API with the same
// writers, exports as a member's role with --as, and refuses mistakes with a message and exit 2.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Team } from '../test/test-context.ts';
import { createExportData } from '../test/export-data.ts';

const run = promisify(execFile);
const ctx = await createTestContext();
let team: Team;
let slug: string;
let folder: string;

beforeAll(async () => {
  team = await ctx.createTeam();
  await createExportData(ctx.prisma, team, await ctx.createUser('second'));
  slug = (await ctx.prisma.project.findUniqueOrThrow({ where: { id: team.projectId } })).slug;
  folder = await mkdtemp(path.join(os.tmpdir(), 'concord-export-cli-'));
});

const cli = (...args: string[]) =>
  run('npx', ['tsx', path.join(import.meta.dirname, 'export-cli.ts'), ...args], {
    env: { ...process.env, DATABASE_URL: ctx.database.url },
  });

describe('npm run export', () => {
  it('writes the rows the API serves, saying who exported them', async () => {
    const out = path.join(folder, 'codings.csv');
    const { stderr } = await cli('--project', slug, '--format', 'codings-csv', '--out', out);
    expect(stderr).toContain(`Wrote ${out}`);
    const [comment, ...rows] = (await readFile(out, 'utf8')).split('\r\n');
    expect(comment).toContain('by the export command line');
    const api = (await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/exports/codings-csv` })).body.split(
      '\r\n',
    );
    expect(rows).toEqual(api.slice(1));
  }, 60_000);

  it("takes a member's role with --as: a coder's file holds their own codings", async () => {
    const coder = await ctx.prisma.user.findUniqueOrThrow({ where: { id: team.coder.id } });
    const { stdout } = await cli('--project', team.projectId, '--format', 'dataset-jsonl', '--as', coder.email, '--out', '-');
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; coderId?: string });
    expect(records[0]).toMatchObject({ type: 'export', exportedBy: { id: team.coder.id } });
    const codings = records.filter((record) => record.type === 'coding');
    expect(codings.length).toBeGreaterThan(0);
    expect(codings.every((record) => record.coderId === team.coder.id)).toBe(true);
  }, 60_000);

  it('refuses an unknown format, listing the formats, with exit code 2', async () => {
    const failure = await cli('--project', slug, '--format', 'xlsx').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/There is no export format "xlsx"\. Formats: codings-csv, /);
  }, 60_000);
});
