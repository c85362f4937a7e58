// The agreement API on real codings in PostgreSQL: numbers, blind-coding rules, CSV, and the
// disagreeing issues behind a confusion cell.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Team } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

const ctx = await createTestContext();

let team: Team;
let stageId: string;
let yes: string;
let no: string;
let issueIds: string[];
const url = () => `/api/projects/${team.projectId}/stages/${stageId}/agreement`;

// Wikipedia, "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes / B no 5,
// A no / B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
beforeAll(async () => {
  team = await ctx.createTeam();
  const second = await ctx.createUser('second coder');
  await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: second.id, role: 'coder' } });
  const stage = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'Yes' }, { name: 'No' }] });
  stageId = stage.stageId;
  yes = stage.codeIds.Yes!;
  no = stage.codeIds.No!;
  issueIds = await createIssues(ctx.prisma, team.projectId, 60);
  const a = [...Array(25).fill([yes]), ...Array(25).fill([no])];
  const b = [...Array(20).fill([yes]), ...Array(5).fill([no]), ...Array(10).fill([yes]), ...Array(15).fill([no])];
  await createRound(ctx.prisma, stageId, {
    number: 1,
    status: 'closed',
    issueIds: issueIds.slice(0, 50),
    codings: { [team.coder.id]: a, [second.id]: b },
  });
  // Round 2 is still open: agreement 100% so far, one draft, and one issue coded once.
  await createRound(ctx.prisma, stageId, {
    number: 2,
    status: 'open',
    issueIds: issueIds.slice(50, 60),
    codings: { [team.coder.id]: [...Array(9).fill([yes]), null], [second.id]: [...Array(8).fill([yes]), [no], [yes]] },
  });
});

describe('agreement report', () => {
  it('round 1 reproduces the published example: kappa 0.4, p_o 0.7, p_e 0.5', async () => {
    const response = await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=1` });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.n).toEqual({ issues: 50, codings: 100, singleCoded: 0 });
    expect(report.overall.kappa).toMatchObject({ coefficient: 'cohen', n: 50, band: 'fair' });
    expect(report.overall.kappa.value).toBeCloseTo(0.4, 12);
    expect(report.overall.kappa.observed).toBeCloseTo(0.7, 12);
    expect(report.overall.kappa.expected).toBeCloseTo(0.5, 12);
    expect(report.overall.percentAgreement.value).toBeCloseTo(0.7, 12);
    const [pair] = report.pairs;
    const order = pair.confusion.codeIds;
    expect(order).toEqual([yes, no]);
    // Rows: the first coder of the pair (coders are ordered by name).
    const counts =
      pair.coderA === team.coder.id
        ? [
            [20, 5],
            [10, 15],
          ]
        : [
            [20, 10],
            [5, 15],
          ];
    expect(pair.confusion.counts).toEqual(counts);
  });

  it('all rounds: drafts and issues coded once are left out, and rounds are reported in order', async () => {
    const report = (await ctx.request(team.owner, { method: 'GET', url: url() })).json();
    expect(report.n).toEqual({ issues: 59, codings: 118, singleCoded: 1 });
    expect(report.rounds.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(report.rounds[1].overall.kappa.n).toBe(9);
    expect(report.method.unit).toBe('issue');
    expect(report.method.library.name).toBe('@concord/agreement');
  });

  it('coders see closed rounds only: 403 for the open round, the closed one otherwise', async () => {
    const open = await ctx.request(team.coder, { method: 'GET', url: `${url()}?round=2` });
    expect(open.statusCode).toBe(403);
    expect(open.json().code).toBe('ROUND_OPEN');
    const closed = await ctx.request(team.coder, { method: 'GET', url: `${url()}?round=1` });
    expect(closed.statusCode).toBe(200);
    const all = (await ctx.request(team.coder, { method: 'GET', url: url() })).json();
    expect(all.rounds.map((r: { number: number }) => r.number)).toEqual([1]);
    expect(all.n.issues).toBe(50);
    const disagreements = await ctx.request(team.coder, { method: 'GET', url: `${url()}/disagreements?round=2` });
    expect(disagreements.statusCode).toBe(403);
  });

  it('hides other projects: a stage id of another project is 404, and so is the project for outsiders', async () => {
    const other = await ctx.createTeam();
    const foreign = await createStage(ctx.prisma, other.projectId, { mode: 'single', codes: [{ name: 'X' }] });
    expect(
      (await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/stages/${foreign.stageId}/agreement` }))
        .statusCode,
    ).toBe(404);
    expect((await ctx.request(team.outsider, { method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=9` })).statusCode).toBe(404);
  });

  it('gives the per-code table as CSV', async () => {
    const response = await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=1&format=csv` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="agreement-.*-1\.csv"/);
    const [header, first] = response.body.trim().split('\n');
    expect(header).toBe('stage,round,level,code_id,code_path,n,prevalence,coefficient,kappa,se,ci95_low,ci95_high,landis_koch');
    expect(first).toMatch(new RegExp(`^Stage \\d+,1,code,${yes},Yes,50,0\\.55,cohen,0\\.4`));
  });

  it('gives the report as a JSON file to download with format=json, and inline without a format', async () => {
    const file = await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=1&format=json` });
    expect(file.headers['content-type']).toContain('application/json');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="agreement-.*-1\.json"/);
    const inline = await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=1` });
    expect(inline.headers['content-disposition']).toBeUndefined();
    expect(file.json()).toEqual(inline.json());
  });

  it('lists the issues behind a confusion cell', async () => {
    const report = (await ctx.request(team.lead, { method: 'GET', url: `${url()}?round=1` })).json();
    const [{ coderA, coderB }] = report.pairs;
    const query = `round=1&coderA=${coderA}&coderB=${coderB}&codeA=${yes}&codeB=${no}`;
    const list = (await ctx.request(team.lead, { method: 'GET', url: `${url()}/disagreements?${query}` })).json();
    expect(list.total).toBe(coderA === team.coder.id ? 5 : 10);
    expect(list.items[0]).toMatchObject({ repository: expect.stringMatching(/^octo\//), codings: expect.any(Array) });
    const all = (await ctx.request(team.lead, { method: 'GET', url: `${url()}/disagreements?round=1` })).json();
    expect(all.total).toBe(15);
  });

  it('leaves out of a coder’s list the issues a round still open drew again, and keeps kappa as it is', async () => {
    // Issue 20 (A yes, B no in round 1) is drawn again by an open round 3.
    await createRound(ctx.prisma, stageId, { number: 3, status: 'open', issueIds: [issueIds[20]!], codings: { [team.coder.id]: [null] } });
    const get = (path: string, user = team.coder) => ctx.request(user, { method: 'GET', url: `${url()}${path}` });
    const coders = (await get('/disagreements?round=1')).json();
    expect(coders.total).toBe(14);
    expect(coders.items.map((item: { issueId: string }) => item.issueId)).not.toContain(issueIds[20]);
    expect((await get('/disagreements?round=1', team.lead)).json().total).toBe(15);
    // The round's numbers do not name issues: they stay those of the published example.
    expect((await get('?round=1')).json().overall.kappa.value).toBeCloseTo(0.4, 12);
  });
});

describe('multi-label agreement', () => {
  it('rolls codes up to their themes and compares code sets with MASI', async () => {
    const t = await ctx.createTeam();
    const second = await ctx.createUser('second');
    await ctx.prisma.member.create({ data: { projectId: t.projectId, userId: second.id, role: 'coder' } });
    const { stageId: multi, codeIds: c } = await createStage(ctx.prisma, t.projectId, {
      mode: 'multi',
      codes: [{ name: 'Usage', children: ['Loading', 'API'] }, { name: 'Docs' }],
    });
    const issues = await createIssues(ctx.prisma, t.projectId, 4);
    await createRound(ctx.prisma, multi, {
      number: 1,
      status: 'closed',
      issueIds: issues,
      codings: {
        [t.coder.id]: [[c.Loading!], [c.API!, c.Docs!], [], [c.Docs!]],
        [second.id]: [[c.API!], [c.API!, c.Docs!], [], [c.Docs!]],
      },
    });
    const report = (await ctx.request(t.lead, { method: 'GET', url: `/api/projects/${t.projectId}/stages/${multi}/agreement` })).json();
    expect(report.overall.krippendorffAlpha.distance).toBe('masi');
    expect(report.overall.percentAgreement.value).toBeCloseTo(3 / 4, 12);
    // The parent "Usage" cannot be applied in this stage: it is reported as a theme only.
    expect(report.perCode.map((row: { code: { name: string } }) => row.code.name)).toEqual(['Loading', 'API', 'Docs']);
    const usage = report.perTheme.find((row: { code: { name: string } }) => row.code.name === 'Usage');
    // Rolled up, both coders applied "Usage" on issues 1 and 2 and not on 3 and 4: perfect agreement.
    expect(usage.kappa.value).toBe(1);
    expect(usage.prevalence).toBe(0.5);
  });
});
