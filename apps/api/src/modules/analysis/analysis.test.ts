// The analysis API on final labels and raw codings in PostgreSQL: multi-label counts, resolution
// time with the tests, relevance from the screening stage, blind coding, and the downloads.
// Final labels are written with Prisma directly, as the review module stores them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '@concord/contracts';
import { createTestContext, type Team } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

const ctx = await createTestContext();
const DAY_MS = 24 * 60 * 60 * 1000;

let team: Team;
let screeningId: string;
let stageId: string;
let codes: Record<string, string>;
let issues: string[];
const url = (query = '', stage = stageId) => `/api/projects/${team.projectId}/stages/${stage}/analysis${query}`;

async function finalLabel(stage: string, issueId: string, codeIds: string[]) {
  await ctx.prisma.finalLabel.create({ data: { stageId: stage, issueId, codes: { create: codeIds.map((codeId) => ({ codeId })) } } });
}

// Ten issues: 0–5 relevant (closed after 1..5 days, issue 5 still open), 6–9 not relevant
// (closed after 10, 20, 30, 40 days). Challenges' final labels on 0–5 below.
beforeAll(async () => {
  team = await ctx.createTeam();
  const second = await ctx.createUser('second coder');
  await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: second.id, role: 'coder' } });
  const screening = await createStage(ctx.prisma, team.projectId, {
    mode: 'single',
    codes: [{ name: 'Relevant' }, { name: 'Not relevant' }],
  });
  screeningId = screening.stageId;
  const challenges = await createStage(ctx.prisma, team.projectId, {
    mode: 'multi',
    codes: [{ name: 'Usage', children: ['Loading', 'API'] }, { name: 'Docs' }],
  });
  stageId = challenges.stageId;
  codes = challenges.codeIds;
  await ctx.prisma.stage.update({ where: { id: stageId }, data: { inputStageId: screeningId, inputCodeId: screening.codeIds.Relevant! } });
  await ctx.prisma.code.update({ where: { id: codes.Docs! }, data: { definition: 'Missing or wrong docs & model cards' } });
  issues = await createIssues(ctx.prisma, team.projectId, 10);
  const created = new Date('2025-01-01T00:00:00Z');
  const days = [1, 2, 3, 4, 5, null, 10, 20, 30, 40];
  for (const [i, id] of issues.entries()) {
    const closedAt = days[i] === null ? null : new Date(created.getTime() + days[i]! * DAY_MS);
    await ctx.prisma.issue.update({ where: { id }, data: { createdAt: created, closedAt } });
  }
  for (const [i, id] of issues.entries())
    await finalLabel(screeningId, id, [i < 6 ? screening.codeIds.Relevant! : screening.codeIds['Not relevant']!]);
  const labels = [[codes.Loading!], [codes.Loading!, codes.Docs!], [codes.API!], [codes.Docs!], [], [codes.API!, codes.Loading!]];
  for (const [i, codeIds] of labels.entries()) await finalLabel(stageId, issues[i]!, codeIds);

  // Raw codings: round 1 closed (issues 0, 1), round 2 still open (issue 2).
  await createRound(ctx.prisma, stageId, {
    number: 1,
    status: 'closed',
    issueIds: issues.slice(0, 2),
    codings: { [team.coder.id]: [[codes.Loading!], [codes.Docs!]], [second.id]: [[codes.API!], [codes.Docs!]] },
  });
  await createRound(ctx.prisma, stageId, {
    number: 2,
    status: 'open',
    issueIds: issues.slice(2, 3),
    codings: { [team.coder.id]: [[codes.Docs!]], [second.id]: [[codes.Docs!]] },
  });
});

const rowOf = <R extends { code: { name: string } }>(rows: R[], name: string) => rows.find((row) => row.code.name === name)!;

describe('analysis from final labels', () => {
  it('counts issues and code instances, multi-label aware, per code, per theme and per repository', async () => {
    const response = await ctx.request(team.lead, { method: 'GET', url: url() });
    expect(response.statusCode).toBe(200);
    const analysis: Analysis = response.json();
    // "7 codings in 6 issues": issue 1 and 5 carry two codes, issue 4 none.
    expect(analysis.totals).toEqual({ issues: 6, units: 6, instances: 7, unitsWithoutCode: 1 });
    const { perCode, perTheme, perRepository } = analysis.distribution;
    // "Usage" is applied only through its codes here: a theme, not a row of its own among the codes.
    expect(perCode.map((row) => row.code.name)).toEqual(['Loading', 'API', 'Docs']);
    expect(rowOf(perCode, 'Loading')).toMatchObject({ issues: 3, instances: 3, issueShare: 0.5, byCoder: [] });
    expect(rowOf(perCode, 'Docs').instanceShare).toBeCloseTo(2 / 7, 12);
    // The theme counts issue 5 (Loading and API) once among its issues but twice in its instances.
    expect(rowOf(perTheme, 'Usage')).toMatchObject({ issues: 4, instances: 5 });
    expect(perTheme.map((row) => row.code.name)).toEqual(['Usage', 'Docs']);
    expect(perRepository).toHaveLength(1);
    expect(perRepository[0]).toMatchObject({ issues: 6, instances: 7 });
    expect(analysis.meta).toMatchObject({ source: 'final', concordVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(analysis.codes.find((code) => code.name === 'Docs')?.definition).toBe('Missing or wrong docs & model cards');
  });

  it('measures resolution time of closed issues and compares themes (R: kruskal.test(list(c(1,2,3), c(2,4))))', async () => {
    const { resolutionTime }: Analysis = (await ctx.request(team.lead, { method: 'GET', url: url() })).json();
    expect(resolutionTime).toMatchObject({ unit: 'days', closedIssues: 5, openIssues: 1 });
    expect(rowOf(resolutionTime.perCode, 'Loading').time).toMatchObject({ n: 2, median: 1.5, q1: 1.25, q3: 1.75 });
    expect(rowOf(resolutionTime.perTheme, 'Usage').time).toMatchObject({ n: 3, median: 2 });
    const { kruskalWallis, dunn, multiThemeIssues } = resolutionTime.themes;
    // R 4: Kruskal-Wallis chi-squared = 0.789473684210526, p = 0.374259319280225.
    expect(kruskalWallis.value).toBeCloseTo(0.789473684210526, 12);
    expect(kruskalWallis.p).toBeCloseTo(0.374259319280225, 10);
    expect(kruskalWallis).toMatchObject({ df: 1, n: 5, k: 2 });
    expect(dunn).toHaveLength(1);
    expect(dunn[0]).toMatchObject({ themeA: codes.Usage, themeB: codes.Docs });
    expect(multiThemeIssues).toBe(1);
  });

  it('compares relevant and not relevant issues from the screening stage (R: wilcox.test(1:5, c(10,20,30,40)), p = 2/126)', async () => {
    const { relevance } = (await ctx.request(team.lead, { method: 'GET', url: url() })).json().resolutionTime;
    expect(relevance.screeningStage.id).toBe(screeningId);
    expect(relevance.relevantCode.name).toBe('Relevant');
    expect(relevance).toMatchObject({ openExcluded: 1, relevant: { n: 5, median: 3 }, notRelevant: { n: 4, median: 25 } });
    expect(relevance.mannWhitney).toMatchObject({ value: 0, n1: 5, n2: 4, method: 'exact' });
    expect(relevance.mannWhitney.p).toBeCloseTo(2 / 126, 14);
    expect(relevance.cliffsDelta).toMatchObject({ value: -1, magnitude: 'large' });
    expect(relevance.varghaDelaneyA.value).toBe(0);
    // The screening stage itself finds its split through the stage it feeds.
    const screening = (await ctx.request(team.lead, { method: 'GET', url: url('', screeningId) })).json();
    expect(screening.resolutionTime.relevance.mannWhitney.p).toBeCloseTo(2 / 126, 14);
  });

  it('summarises agreement per stage and round from the agreement module, as a table and a sentence', async () => {
    const { methods } = (await ctx.request(team.lead, { method: 'GET', url: url() })).json();
    expect(methods.rows.map((row: { round: number; status: string }) => [row.round, row.status])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    const agreement = (
      await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/stages/${stageId}/agreement` })
    ).json();
    expect(methods.rows[0].kappa).toEqual(agreement.rounds[0].overall.kappa);
    expect(methods.sentence).toMatch(/^In stage “Stage \d+”, inter-rater agreement was Cohen’s κ = .* in round 1 \(“Round 1”\)/);
  });
});

describe('analysis from raw codings', () => {
  it('counts every coder’s codings for leads, with applications per coder', async () => {
    const analysis: Analysis = (await ctx.request(team.lead, { method: 'GET', url: url('?source=codings') })).json();
    expect(analysis.totals).toEqual({ issues: 3, units: 6, instances: 6, unitsWithoutCode: 0 });
    const docs = rowOf(analysis.distribution.perCode, 'Docs');
    expect(docs).toMatchObject({ issues: 2, instances: 4 });
    expect(docs.byCoder).toHaveLength(2);
    expect(analysis.coders).toHaveLength(2);
    // No screening codings exist: the comparison is undefined, with the reason.
    expect(analysis.resolutionTime.relevance.mannWhitney).toMatchObject({ value: null, reason: expect.any(String) });
  });

  it('coders see codings of closed rounds only, and 403 ROUND_OPEN where no round is closed', async () => {
    const analysis: Analysis = (await ctx.request(team.coder, { method: 'GET', url: url('?source=codings') })).json();
    expect(analysis.totals).toMatchObject({ issues: 2, units: 4 });
    expect(rowOf(analysis.distribution.perCode, 'Docs')).toMatchObject({ issues: 1, instances: 2 });
    expect(analysis.methods.rows.map((row: { round: number }) => row.round)).toEqual([1]);
    await createRound(ctx.prisma, screeningId, { number: 1, status: 'open', issueIds: issues.slice(0, 1), codings: {} });
    const blind = await ctx.request(team.coder, { method: 'GET', url: url('?source=codings', screeningId) });
    expect(blind.statusCode).toBe(403);
    expect(blind.json().code).toBe('ROUND_OPEN');
    expect((await ctx.request(team.lead, { method: 'GET', url: url('?source=codings', screeningId) })).statusCode).toBe(200);
  });

  it('coders see nothing of an issue a round still open drew: not its final label, nor its earlier codings', async () => {
    // Issue 2 is in open round 2 and already has a final label (a lead decided it live); issue 0
    // is drawn by an open round of the screening stage.
    await createRound(ctx.prisma, screeningId, {
      number: 2,
      status: 'open',
      issueIds: issues.slice(0, 1),
      codings: { [team.coder.id]: [null] },
    });
    const lead: Analysis = (await ctx.request(team.lead, { method: 'GET', url: url() })).json();
    const coder: Analysis = (await ctx.request(team.coder, { method: 'GET', url: url() })).json();
    expect(lead.totals.issues).toBe(6);
    expect(coder.totals).toMatchObject({ issues: 5, units: 5 });
    expect(rowOf(coder.distribution.perCode, 'API')).toMatchObject({ issues: 1 });
    expect(rowOf(lead.distribution.perCode, 'API')).toMatchObject({ issues: 2 });
    expect(coder.notes).toContain('Issues that a round still open drew are left out: coding is blind until the round closes.');
    // So issue 0's relevance is left out too.
    expect(coder.resolutionTime.relevance.relevant.n).toBe(lead.resolutionTime.relevance.relevant.n - 1);

    // Issue 0, coded in closed round 1, is drawn again by an open round 3: its round 1 codings go.
    await createRound(ctx.prisma, stageId, {
      number: 3,
      status: 'open',
      issueIds: issues.slice(0, 1),
      codings: { [team.coder.id]: [null] },
    });
    const codings: Analysis = (await ctx.request(team.coder, { method: 'GET', url: url('?source=codings') })).json();
    expect(codings.totals).toMatchObject({ issues: 1, units: 2 });
    expect(rowOf(codings.distribution.perCode, 'Docs')).toMatchObject({ issues: 1, instances: 2 });
    expect((await ctx.request(team.lead, { method: 'GET', url: url('?source=codings') })).json().totals.issues).toBe(3);
  });
});

describe('downloads', () => {
  it('CSV: leading "#" lines say what it holds, then tidy rows with every text quoted', async () => {
    const response = await ctx.request(team.lead, { method: 'GET', url: url('?format=csv') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="analysis-p-.*-Stage-\d+-final\.csv"/);
    const lines = response.body.split('\n');
    expect(lines[0]).toMatch(/^# Concord analysis of project "Test project" \(p-.*\), stage "Stage \d+"$/);
    expect(lines[1]).toMatch(/^# source: final labels; generated \d{4}-.*; Concord \d+\.\d+\.\d+$/);
    expect(lines[2]).toBe('"section","level","code_id","code_path","group","statistic","value","n","note"');
    expect(lines).toContain(`"distribution","code","${codes.Loading}","Usage / Loading",,"issues",3,,`);
    expect(lines).toContain(`"relevance",,,,,"mann_whitney_u",0,,"exact"`);
  });

  it('JSON asked for by name downloads as a file that says what it holds', async () => {
    const response = await ctx.request(team.lead, { method: 'GET', url: url('?format=json&source=codings') });
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="analysis-p-.*-Stage-\d+-codings\.json"/);
    expect(response.json().meta).toMatchObject({ source: 'codings', project: { name: 'Test project' } });
    expect((await ctx.request(team.lead, { method: 'GET', url: url() })).headers['content-disposition']).toBeUndefined();
  });

  it('LaTeX and Markdown tables: taxonomy with definitions and counts, resolution time with tests, agreement', async () => {
    const markdown = await ctx.request(team.lead, { method: 'GET', url: url('/tables?format=markdown&table=taxonomy') });
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['content-type']).toContain('text/plain');
    expect(markdown.body).toMatch(/^<!-- Concord analysis of project "Test project"/);
    expect(markdown.body).toContain('| Category | Definition | Issues | % issues | Instances |');
    expect(markdown.body).toContain('| **Usage** |  | 4 | 66.7 | 5 |');
    expect(markdown.body).toContain('| &emsp;Loading |  | 3 | 50.0 | 3 |');
    expect(markdown.body).toContain('| **Docs** | Missing or wrong docs & model cards | 2 | 33.3 | 2 |');
    const latex = (await ctx.request(team.lead, { method: 'GET', url: url('/tables?format=latex') })).body;
    expect(latex).toMatch(/^% Concord analysis of project/);
    expect(latex).toContain('\\toprule');
    expect(latex).toContain('\\textbf{Docs} & Missing or wrong docs \\& model cards & 2 & 33.3 & 2 \\\\');
    expect(latex).toContain('\\hspace{1em}Loading & 2 & 1.5 & 1.3 & 1.8 & 0.5 \\\\');
    expect(latex).toContain('Kruskal--Wallis across themes: H(1) = 0.79, p = 0.374');
    expect(latex).toContain('Mann--Whitney U = 0.0, p = 0.016 (exact)');
    expect(latex).toContain('\\label{tab:agreement}');
    expect(latex).toMatch(/Stage \d+ & 1 \(Round 1\) & Cohen's \$\\kappa\$ & /);
  });

  it('unknown formats and tables are 400 naming the allowed ones; other projects’ stages are 404', async () => {
    const csv = await ctx.request(team.lead, { method: 'GET', url: url('?format=xlsx') });
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toMatchObject({ code: 'UNKNOWN_FORMAT', details: { formats: ['json', 'csv'] } });
    expect(csv.json().message).toContain('json, csv');
    const table = await ctx.request(team.lead, { method: 'GET', url: url('/tables?format=latex&table=nope') });
    expect(table.json()).toMatchObject({
      statusCode: 400,
      code: 'UNKNOWN_TABLE',
      details: { tables: ['taxonomy', 'resolution-time', 'agreement'] },
    });
    expect((await ctx.request(team.lead, { method: 'GET', url: url('/tables?format=docx') })).json().details.formats).toEqual([
      'latex',
      'markdown',
    ]);
    expect((await ctx.request(team.lead, { method: 'GET', url: url('?source=other') })).statusCode).toBe(400);
    const other = await ctx.createTeam();
    const foreign = await createStage(ctx.prisma, other.projectId, { mode: 'single', codes: [{ name: 'X' }] });
    expect((await ctx.request(team.lead, { method: 'GET', url: url('', foreign.stageId) })).statusCode).toBe(404);
  });
});
