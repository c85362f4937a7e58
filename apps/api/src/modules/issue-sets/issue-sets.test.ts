// Issue sets: a filter's issues or a seeded sample saved under a name (reproducible from the
// recorded seed, stratified in proportion), listed through the issue list, and drawn into a round.
import { describe, expect, it } from 'vitest';
import type { IssuePage, IssueSet, Round } from '@concord/contracts';
import { createTestContext, type Team } from '../../../test/test-context.ts';
import { createStage } from '../../../test/factories.ts';

const ctx = await createTestContext();

/** 60 issues in "a/big", 30 in "b/small"; the even ones mention "crash". */
async function seed(team: Team) {
  const rows = ['repository,number,title,state,created_at'];
  for (let n = 1; n <= 90; n++)
    rows.push(`${n <= 60 ? 'a/big' : 'b/small'},${n},${n % 2 ? 'Question' : 'Crash report'} ${n},open,2024-01-01T00:00:00Z`);
  await ctx.request(team.lead, {
    method: 'POST',
    url: `/api/projects/${team.projectId}/imports/file`,
    payload: { format: 'csv', content: rows.join('\n') },
  });
}

const create = (team: Team, body: Record<string, unknown>) =>
  ctx.request(team.lead, { method: 'POST', url: `/api/projects/${team.projectId}/issue-sets`, payload: body });

const numbersOf = async (team: Team, setId: string) =>
  (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?setId=${setId}&pageSize=200` }))
    .json<IssuePage>()
    .items.map((i) => i.number);

describe('issue sets', () => {
  it('saves a seeded, stratified sample of a search, reproducible from the recorded seed', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    const response = await create(team, {
      name: 'Crash sample',
      filter: { search: 'crash' },
      sample: { size: 9, seed: 'icsme', stratifyByRepository: true },
    });
    expect(response.statusCode, response.body).toBe(201);
    const set = response.json<IssueSet>();
    expect(set).toMatchObject({
      name: 'Crash sample',
      population: 45,
      issues: 9,
      sample: { size: 9, seed: 'icsme', stratifyByRepository: true },
    });
    const numbers = await numbersOf(team, set.id);
    expect(numbers).toHaveLength(9);
    expect(numbers.every((n) => n % 2 === 0)).toBe(true);
    // 30 of the 45 crash issues are in a/big: 6 of 9 from it, 3 from b/small.
    expect(numbers.filter((n) => n <= 60)).toHaveLength(6);
    const again = (
      await create(team, { name: 'Same seed', filter: { search: 'crash' }, sample: { size: 9, seed: 'icsme', stratifyByRepository: true } })
    ).json<IssueSet>();
    expect(await numbersOf(team, again.id)).toEqual(numbers);
    const other = (
      await create(team, { name: 'Other seed', filter: { search: 'crash' }, sample: { size: 9, seed: 'other' } })
    ).json<IssueSet>();
    expect(await numbersOf(team, other.id)).not.toEqual(numbers);
  });

  it('records a random seed when none is given, refuses duplicate names and empty sets', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    const set = (await create(team, { name: 'All of b', filter: { repository: ['b/small'] } })).json<IssueSet>();
    expect(set).toMatchObject({ population: 30, issues: 30, sample: null });
    const sampled = (await create(team, { name: 'Random', filter: {}, sample: { size: 5 } })).json<IssueSet>();
    expect(sampled.sample!.seed).toMatch(/^[0-9a-f]{16}$/);
    expect((await create(team, { name: 'All of b', filter: {} })).statusCode).toBe(409);
    expect((await create(team, { name: 'Nothing', filter: { search: 'zzzz' } })).json()).toMatchObject({ code: 'EMPTY_SET' });
    const listed = (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issue-sets` })).json<IssueSet[]>();
    expect(listed.map((s) => s.name).sort()).toEqual(['All of b', 'Random']);
  });

  it('turns an issue set into a round', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    const set = (
      await create(team, { name: 'Calibration', filter: { repository: ['b/small'] }, sample: { size: 10, seed: 's' } })
    ).json<IssueSet>();
    const { stageId } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'Relevant' }] });
    const response = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/stages/${stageId}/rounds`,
      payload: { issueSetId: set.id, coderIds: [team.coder.id, team.lead.id], overlap: { mode: 'all' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Round>()).toMatchObject({ issues: 10 });
    const assigned = await ctx.prisma.assignment.findMany({ where: { round: { stageId } }, select: { issueId: true } });
    const members = await ctx.prisma.issueSetMember.findMany({ where: { setId: set.id }, select: { issueId: true } });
    expect(new Set(assigned.map((a) => a.issueId))).toEqual(new Set(members.map((m) => m.issueId)));
    const both = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/stages/${stageId}/rounds`,
      payload: { issueSetId: set.id, issueIds: [members[0]!.issueId], coderIds: [team.coder.id], overlap: { mode: 'all' } },
    });
    expect(both.json()).toMatchObject({ code: 'ISSUES_TWICE' });
  });
});
