// The export API on real data in PostgreSQL: the format list per role, refusals (unknown format,
// lead-only formats, missing stage), and each file's contents: tidy and wide CSV, JSONL, the
// agreement files and the codebook. The REFI-QDA project has its own test (qdpx.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createExportData, type ExportData } from '../../../test/export-data.ts';
import { CODINGS_CSV_COLUMNS } from './writers/codings-csv.ts';

const ctx = await createTestContext();
let team: Team;
let second: TestUser;
let data: ExportData;

beforeAll(async () => {
  team = await ctx.createTeam();
  second = await ctx.createUser('second, "coder" #2');
  data = await createExportData(ctx.prisma, team, second);
});

const download = (user: TestUser, format: string, query = '') =>
  ctx.request(user, { method: 'GET', url: `/api/projects/${team.projectId}/exports/${format}${query}` });

/** A CSV export: its header comment line and its records as objects. */
function readCsv(body: string) {
  const [comment, ...rest] = body.split('\r\n');
  return { comment: comment!, records: parse(rest.join('\r\n'), { columns: true }) as Record<string, string>[] };
}

describe('the list of formats', () => {
  it('gives leads every format and coders those holding only their own codings', async () => {
    const lead = (await ctx.request(team.lead, { method: 'GET', url: `/api/projects/${team.projectId}/exports` })).json();
    const coder = (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/exports` })).json();
    const names = (list: { formats: { name: string }[] }) => list.formats.map((format) => format.name);
    expect(names(lead)).toEqual(
      expect.arrayContaining(['codings-csv', 'final-labels-csv', 'wide-csv', 'dataset-jsonl', 'qdpx', 'codebook-qdc']),
    );
    expect(names(coder)).not.toContain('wide-csv');
    expect(names(coder)).not.toContain('final-labels-csv');
    expect(coder.formats.every((format: { ownCodingsOnly: boolean }) => format.ownCodingsOnly)).toBe(true);
    expect(lead.formats.find((format: { name: string }) => format.name === 'wide-csv')).toMatchObject({
      stage: 'required',
      path: '/exports/wide-csv',
      query: { stage: '{stageId}' },
    });
  });
});

describe('refusals', () => {
  it('answers an unknown format with 400 listing the formats', async () => {
    const response = await download(team.lead, 'xlsx');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    expect(response.json().details.formats).toEqual(expect.arrayContaining(['codings-csv', 'qdpx']));
    expect(response.json().message).toContain('codings-csv');
  });

  it("refuses coders the formats that hold everyone's work", async () => {
    for (const format of ['wide-csv', 'final-labels-csv']) {
      const response = await download(team.coder, format, `?stage=${data.relevance.stageId}`);
      expect(response.statusCode, format).toBe(403);
    }
  });

  it('asks for a stage where the file is about one, and hides stages of other projects', async () => {
    expect((await download(team.lead, 'wide-csv')).json()).toMatchObject({ statusCode: 400, code: 'STAGE_REQUIRED' });
    const other = await ctx.createTeam();
    const foreign = await ctx.prisma.stage.create({ data: { projectId: other.projectId, name: 'Elsewhere', position: 0, mode: 'single' } });
    expect((await download(team.lead, 'wide-csv', `?stage=${foreign.id}`)).statusCode).toBe(404);
    expect((await download(team.lead, 'codings-csv', '?round=1')).json()).toMatchObject({ code: 'STAGE_REQUIRED' });
    expect((await download(team.lead, 'codings-csv', `?stage=${data.relevance.stageId}&round=9`)).statusCode).toBe(404);
    expect((await download(team.lead, 'qdpx', `?stage=${data.relevance.stageId}&round=1`)).json()).toMatchObject({
      code: 'ROUND_NOT_SUPPORTED',
    });
  });

  it('refuses coders the agreement of a stage whose only round is open', async () => {
    const response = await download(team.coder, 'agreement-json', `?stage=${data.openOnly.stageId}`);
    expect(response.json()).toMatchObject({ statusCode: 403, code: 'ROUND_OPEN' });
  });
});

describe('codings CSV', () => {
  it('has one row per issue x coder x code of submitted codings, under a header that says what it holds', async () => {
    const response = await download(team.lead, 'codings-csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="p-[a-z0-9x]+-all-stages-codings-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const { comment, records } = readCsv(response.body);
    expect(comment).toMatch(/^# Concord \d+\.\d+\.\d+ export "codings-csv" of project "Test project"/);
    expect(comment).toContain('all stages, all rounds, every coder');
    expect(Object.keys(records[0]!)).toEqual([...CODINGS_CSV_COLUMNS]);
    expect(records).toHaveLength(data.expectedCodingRows);
    // "Coded, no code applies" is a row with empty code columns, never a missing row.
    const empty = records.filter((row) => row.code_id === '');
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ coder: 'coder', issue_number: '4', round: '1' });
    // Multi-line memos, quotes, commas and # survive the round trip.
    expect(records.find((row) => row.memo !== '')!.memo).toBe(data.memo);
    expect(records.find((row) => row.code_path === 'Theme A / A1')).toMatchObject({ stage: data.challenges.name, codebook_version: '1' });
    expect(records.every((row) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(row.created_at!))).toBe(true);
    expect(new Set(records.map((row) => row.coder))).toEqual(new Set(['coder', 'second, "coder" #2']));
  });

  it('gives a coder only their own codings, open rounds included, and says so', async () => {
    const { comment, records } = readCsv((await download(team.coder, 'codings-csv')).body);
    expect(comment).toContain('only the codings of coder (coder)');
    expect(new Set(records.map((row) => row.coder_id))).toEqual(new Set([team.coder.id]));
    expect(records.some((row) => row.round === '2')).toBe(true);
    expect(records).toHaveLength(data.expectedCoderRows);
  });

  it('filters by stage and round', async () => {
    const { records } = readCsv((await download(team.lead, 'codings-csv', `?stage=${data.relevance.stageId}&round=1`)).body);
    expect(new Set(records.map((row) => `${row.stage_id}:${row.round}`))).toEqual(new Set([`${data.relevance.stageId}:1`]));
    expect(records).toHaveLength(8);
  });
});

describe('final labels CSV', () => {
  it('has one row per issue x code with the last decision', async () => {
    const { comment, records } = readCsv((await download(team.lead, 'final-labels-csv')).body);
    expect(comment).toContain('final labels, one row per issue x code');
    expect(records).toHaveLength(4);
    const decided = records.find((row) => row.rationale !== '')!;
    expect(decided).toMatchObject({
      code_path: 'Not relevant',
      agreed: 'false',
      decided_by: 'lead',
      rationale: data.rationale,
      label_version: '2',
    });
    expect(
      records
        .filter((row) => row.stage_id === data.challenges.stageId)
        .map((row) => row.code_path)
        .sort(),
    ).toEqual(['Theme A / A1', 'Theme B / B1']);
  });
});

describe('wide CSV', () => {
  it('puts a single-choice stage as issues x coders with code numbers, empty where not coded', async () => {
    const response = await download(team.lead, 'wide-csv', `?stage=${data.relevance.stageId}`);
    const { comment, records } = readCsv(response.body);
    expect(comment).toContain('0 = no code applies; 1 = Relevant; 2 = Not relevant');
    expect(Object.keys(records[0]!)).toEqual(['round', 'issue_id', 'repository', 'issue_number', 'coder', 'second, "coder" #2']);
    const cells = records.map((row) => [row.round, row.issue_number, row.coder, row['second, "coder" #2']]);
    expect(cells).toEqual([
      ['1', '1', '1', '1'],
      ['1', '2', '1', '2'],
      ['1', '3', '2', '2'],
      ['1', '4', '0', '1'],
      // Round 2: the coder's draft is not a coding yet.
      ['2', '5', '1', '2'],
      ['2', '6', '', '1'],
    ]);
  });

  it('puts a multi-label stage as one row per issue x codable code with 1 / 0 per coder', async () => {
    const { records } = readCsv((await download(team.lead, 'wide-csv', `?stage=${data.challenges.stageId}`)).body);
    expect(new Set(records.map((row) => row.code_path))).toEqual(new Set(['Theme A / A1', 'Theme A / A2', 'Theme B / B1']));
    expect(records).toHaveLength(2 * 3);
    const issue1 = records.filter((row) => row.issue_number === '1').map((row) => [row.code_path, row.coder, row['second, "coder" #2']]);
    expect(issue1).toEqual([
      ['Theme A / A1', '1', '1'],
      ['Theme A / A2', '0', '0'],
      ['Theme B / B1', '1', '0'],
    ]);
  });
});

describe('dataset JSONL', () => {
  const records = async (user: TestUser, query = '') =>
    (await download(user, 'dataset-jsonl', query)).body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const countByType = (list: Record<string, unknown>[]) =>
    list.reduce<Record<string, number>>(
      (counts, record) => ({ ...counts, [record.type as string]: (counts[record.type as string] ?? 0) + 1 }),
      {},
    );

  it('holds the whole dataset for a lead, one record per line after the export record', async () => {
    const list = await records(team.lead);
    expect(list[0]).toMatchObject({ type: 'export', format: 'dataset-jsonl', project: { id: team.projectId }, stage: null });
    expect(countByType(list)).toEqual({
      export: 1,
      project: 1,
      repository: 1,
      user: 4,
      stage: 3,
      code: data.codeCount,
      round: 4,
      issue: 6,
      coding: data.codingCount,
      final_label: 3,
      review: 2,
      discussion_message: 1,
    });
    const issue = list.find((record) => record.type === 'issue' && record.number === 1)!;
    expect(issue).toMatchObject({ title: data.issueTitle, body: data.issueBody });
    expect(issue.comments).toEqual([expect.objectContaining({ authorLogin: 'octocat', body: data.commentBody })]);
    const draft = list.find((record) => record.type === 'coding' && record.status === 'draft');
    expect(draft).toMatchObject({ coderId: team.coder.id, codeIds: [] });
  });

  it("gives a coder their own codings and no one else's work", async () => {
    const list = await records(team.coder, `?stage=${data.relevance.stageId}`);
    const counts = countByType(list);
    expect(counts.final_label ?? 0).toBe(0);
    expect(counts.discussion_message ?? 0).toBe(0);
    expect(counts.user).toBe(1);
    expect(list.filter((record) => record.type === 'coding').every((record) => record.coderId === team.coder.id)).toBe(true);
    expect(counts.coding).toBe(6);
    // With a stage, the issues are those assigned to the coder in it.
    expect(counts.issue).toBe(6);
  });
});

describe('agreement and codebook files', () => {
  it('wraps the agreement report with what the file holds', async () => {
    const response = await download(team.coder, 'agreement-json', `?stage=${data.relevance.stageId}&round=1`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('-round-1-agreement-');
    const report = response.json();
    expect(report.export).toMatchObject({ format: 'agreement-json', round: 1, stage: { id: data.relevance.stageId } });
    // The same numbers as the Agreement page's report.
    const page = await ctx.request(team.coder, {
      method: 'GET',
      url: `/api/projects/${team.projectId}/stages/${data.relevance.stageId}/agreement?round=1`,
    });
    expect(report.overall).toEqual(page.json().overall);
  });

  it('gives the per-code agreement as CSV under a header comment', async () => {
    const { comment, records } = readCsv((await download(team.lead, 'agreement-csv', `?stage=${data.challenges.stageId}`)).body);
    expect(comment).toContain('agreement per code and per theme');
    expect(records.map((row) => row.code_path)).toEqual(expect.arrayContaining(['Theme A / A1', 'Theme A']));
  });

  it('gives the codebook as REFI-QDA .qdc with a comment saying what exported it', async () => {
    const response = await download(team.coder, 'codebook-qdc', `?stage=${data.challenges.stageId}`);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<!-- Concord .* export "codebook-qdc" /);
    expect(response.body).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(response.body).toContain('name="A1"');
  });
});

describe('analysis files', () => {
  const analysisUrl = (path: string) => `/api/projects/${team.projectId}/stages/${data.challenges.stageId}${path}`;
  const withoutDate = (analysis: { meta: { generatedAt?: string } }) => ({ ...analysis, meta: { ...analysis.meta, generatedAt: null } });
  /** The lines after the provenance header (its date may differ by a second). */
  const body = (text: string, commentPrefix: string) => text.split('\n').filter((line) => !line.startsWith(commentPrefix));

  it('gives the final-label analysis as JSON with the Analysis page numbers', async () => {
    const file = await download(team.coder, 'analysis-json', `?stage=${data.challenges.stageId}`);
    expect(file.statusCode).toBe(200);
    const page = await ctx.request(team.coder, { method: 'GET', url: analysisUrl('/analysis?source=final') });
    expect(withoutDate(file.json())).toEqual(withoutDate(page.json()));
  });

  it('gives the tidy CSV and the paper tables as the analysis routes do', async () => {
    const pairs: [string, string, string][] = [
      ['analysis-csv', '/analysis?source=final&format=csv', '#'],
      ['analysis-latex', '/analysis/tables?format=latex', '%'],
      ['analysis-markdown', '/analysis/tables?format=markdown', '<!--'],
    ];
    for (const [format, path, commentPrefix] of pairs) {
      const file = await download(team.lead, format, `?stage=${data.challenges.stageId}`);
      expect(file.statusCode, format).toBe(200);
      const route = await ctx.request(team.lead, { method: 'GET', url: analysisUrl(path) });
      expect(body(file.body, commentPrefix), format).toEqual(body(route.body, commentPrefix));
      expect(body(file.body, commentPrefix).length, format).toBeGreaterThan(3);
    }
  });
});
