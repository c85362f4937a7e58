// Stages and codebooks through the API on a real database: the stage rules, every codebook edit
// (and that each one bumps the version and writes history), merges and splits against real
// codings, and the exchange formats.
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import type { Codebook, CodebookCode, CodebookHistory, Stage } from '@concord/contracts';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

const ctx = await createTestContext();

const stagesUrl = (team: Team) => `/api/projects/${team.projectId}/stages`;
const codebookUrl = (team: Team, stageId: string) => `${stagesUrl(team)}/${stageId}/codebook`;

async function call(user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return ctx.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}

async function codebookOf(user: TestUser, team: Team, stageId: string): Promise<Codebook> {
  const response = await call(user, 'GET', codebookUrl(team, stageId));
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function historyOf(team: Team, stageId: string, user = team.lead): Promise<CodebookHistory> {
  const response = await call(user, 'GET', `${codebookUrl(team, stageId)}/history`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Code ids by name, known to exist. */
function pick<N extends string[]>(codeIds: Record<string, string>, ...names: N): { [K in keyof N]: string } {
  return names.map((name) => {
    expect(codeIds[name], name).toBeDefined();
    return codeIds[name]!;
  }) as { [K in keyof N]: string };
}

const byName = (codebook: Codebook, name: string): CodebookCode => {
  const code = codebook.codes.find((entry) => entry.name === name);
  expect(code, `code "${name}"`).toBeDefined();
  return code!;
};

/** A stage made through the API, with an empty codebook. */
async function newStage(team: Team, body: Record<string, unknown> = {}): Promise<Stage> {
  const response = await call(team.lead, 'POST', stagesUrl(team), {
    name: `Stage ${crypto.randomUUID().slice(0, 8)}`,
    mode: 'multi',
    ...body,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function addCode(team: Team, stageId: string, body: Record<string, unknown>): Promise<CodebookCode> {
  const response = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('stages', () => {
  it('lists the stages in order and creates new ones at the end with an empty codebook', async () => {
    const team = await ctx.createTeam();
    const first = await newStage(team, { name: 'Relevance', mode: 'single' });
    const second = await newStage(team, { name: 'Challenges', mode: 'multi', parentCodesCodable: true });
    expect(first).toMatchObject({ position: 0, mode: 'single', parentCodesCodable: false, input: null, codebookVersion: 1, codes: 0 });
    expect(second).toMatchObject({ position: 1, mode: 'multi', parentCodesCodable: true });
    const list = await call(team.coder, 'GET', stagesUrl(team));
    expect(list.json().map((stage: Stage) => stage.name)).toEqual(['Relevance', 'Challenges']);
    expect((await codebookOf(team.coder, team, second.id)).codes).toEqual([]);
  });

  it('refuses a stage name already used in the project (409), in any letter case', async () => {
    const team = await ctx.createTeam();
    await newStage(team, { name: 'Relevance' });
    const again = await call(team.lead, 'POST', stagesUrl(team), { name: 'relevance', mode: 'single' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STAGE_NAME_TAKEN');
    const other = await newStage(team, { name: 'Other' });
    const rename = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${other.id}`, { name: 'Relevance' });
    expect(rename.statusCode).toBe(409);
  });

  it('takes as input an earlier stage and a code of its codebook, and names what does not qualify', async () => {
    const team = await ctx.createTeam();
    const relevance = await newStage(team, { name: 'Relevance', mode: 'single' });
    const relevant = await addCode(team, relevance.id, { name: 'Relevant' });
    const elsewhere = await newStage(team, { name: 'Elsewhere' });
    const foreign = await addCode(team, elsewhere.id, { name: 'Foreign code' });

    const challenges = await newStage(team, { name: 'Challenges', inputStageId: relevance.id, inputCodeId: relevant.id });
    expect(challenges.input).toEqual({ stageId: relevance.id, stageName: 'Relevance', codeId: relevant.id, codeName: 'Relevant' });

    const wrongCode = await call(team.lead, 'POST', stagesUrl(team), {
      name: 'Bad',
      mode: 'multi',
      inputStageId: relevance.id,
      inputCodeId: foreign.id,
    });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().code).toBe('INPUT_CODE_NOT_IN_STAGE');
    expect(wrongCode.json().message).toContain('Foreign code');
    expect(wrongCode.json().message).toContain('Relevance');

    const halfInput = await call(team.lead, 'POST', stagesUrl(team), { name: 'Half', mode: 'multi', inputStageId: relevance.id });
    expect(halfInput.statusCode).toBe(400);

    // A stage cannot take its input from a later stage, nor be moved before its input.
    const later = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${relevance.id}`, {
      inputStageId: challenges.id,
      inputCodeId: relevant.id,
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().code).toBe('INPUT_STAGE_NOT_EARLIER');
    const moveFirst = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${challenges.id}`, { position: 0 });
    expect(moveFirst.statusCode).toBe(400);
    expect(moveFirst.json().message).toContain('Relevance');

    // A stage of another project is not an input.
    const otherTeam = await ctx.createTeam();
    const otherStage = await newStage(otherTeam);
    const otherCode = await addCode(otherTeam, otherStage.id, { name: 'X' });
    const crossProject = await call(team.lead, 'POST', stagesUrl(team), {
      name: 'Cross',
      mode: 'multi',
      inputStageId: otherStage.id,
      inputCodeId: otherCode.id,
    });
    expect(crossProject.statusCode).toBe(400);
    expect(crossProject.json().code).toBe('UNKNOWN_INPUT_STAGE');
  });

  it('reorders stages, re-numbering the others, and updates settings', async () => {
    const team = await ctx.createTeam();
    const a = await newStage(team, { name: 'A' });
    await newStage(team, { name: 'B' });
    const c = await newStage(team, { name: 'C' });
    const moved = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${c.id}`, { position: 0, mode: 'single', parentCodesCodable: true });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'C', position: 0, mode: 'single', parentCodesCodable: true });
    const list = (await call(team.lead, 'GET', stagesUrl(team))).json() as Stage[];
    expect(list.map((stage) => [stage.name, stage.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    const end = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${a.id}`, { position: 99 });
    expect(end.json().position).toBe(2);
  });

  it('refuses to make a stage single-choice while codings in it have several codes', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, { mode: 'multi', codes: [{ name: 'A' }, { name: 'B' }] });
    const [issue] = await createIssues(ctx.prisma, team.projectId, 1);
    await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'open',
      issueIds: [issue!],
      codings: { [team.coder.id]: [[codeIds.A!, codeIds.B!]] },
    });
    const response = await call(team.lead, 'PATCH', `${stagesUrl(team)}/${stageId}`, { mode: 'single' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('MODE_CONFLICT');
  });
});

describe('codebook editing', () => {
  it('builds a tree three levels deep, in order, with every field', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const theme = await addCode(team, stage.id, { name: 'Theme', definition: 'A theme', color: '#12ab34', shortcut: 't' });
    const sub = await addCode(team, stage.id, { name: 'Sub-theme', parentId: theme.id });
    const leaf = await addCode(team, stage.id, {
      name: 'Leaf',
      parentId: sub.id,
      includeCriteria: 'when X',
      excludeCriteria: 'when Y',
    });
    const first = await addCode(team, stage.id, { name: 'First', parentId: sub.id, position: 0 });
    const codebook = await codebookOf(team.coder, team, stage.id);
    expect(codebook.codes.map((code) => [code.name, code.parentId, code.position])).toEqual([
      ['Theme', null, 0],
      ['Sub-theme', theme.id, 0],
      ['First', sub.id, 0],
      ['Leaf', sub.id, 1],
    ]);
    expect(byName(codebook, 'Theme')).toMatchObject({ definition: 'A theme', color: '#12AB34', shortcut: 't', retired: false });
    expect(byName(codebook, 'Leaf')).toMatchObject({ id: leaf.id, includeCriteria: 'when X', excludeCriteria: 'when Y' });
    expect(first.parentId).toBe(sub.id);
    expect(codebook.version).toBe(5);
  });

  it('keeps every coding through a rename, since codings reference ids', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'Old name' }] });
    const issues = await createIssues(ctx.prisma, team.projectId, 2);
    await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'closed',
      issueIds: issues,
      codings: { [team.coder.id]: [[codeIds['Old name']!], [codeIds['Old name']!]] },
    });
    const rename = await call(team.lead, 'PATCH', `${codebookUrl(team, stageId)}/codes/${codeIds['Old name']}`, { name: 'New name' });
    expect(rename.statusCode).toBe(200);
    expect(rename.json()).toMatchObject({ id: codeIds['Old name'], name: 'New name' });
    expect(await ctx.prisma.codingCode.count({ where: { codeId: codeIds['Old name'] } })).toBe(2);
    const history = await historyOf(team, stageId);
    expect(history.items[0]).toMatchObject({ kind: 'update', summary: 'Renamed “Old name” to “New name”', version: 2 });
    expect(history.items[0]!.details).toMatchObject({ changes: { name: { from: 'Old name', to: 'New name' } } });
  });

  it('keeps shortcuts unique among the active codes of a codebook (409), and sibling names too', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const a = await addCode(team, stage.id, { name: 'A', shortcut: '1' });
    const b = await addCode(team, stage.id, { name: 'B' });
    const taken = await call(team.lead, 'POST', `${codebookUrl(team, stage.id)}/codes`, { name: 'C', shortcut: '1' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SHORTCUT_TAKEN');
    const update = await call(team.lead, 'PATCH', `${codebookUrl(team, stage.id)}/codes/${b.id}`, { shortcut: '1' });
    expect(update.statusCode).toBe(409);
    const sameName = await call(team.lead, 'PATCH', `${codebookUrl(team, stage.id)}/codes/${b.id}`, { name: 'a' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().code).toBe('CODE_NAME_TAKEN');
    // A bad colour is the client's mistake, never a 500.
    const color = await call(team.lead, 'PATCH', `${codebookUrl(team, stage.id)}/codes/${a.id}`, { color: 'red' });
    expect(color.statusCode).toBe(400);
    expect((await codebookOf(team.lead, team, stage.id)).version).toBe(3);
  });

  it('moves a code to a new parent and place, re-numbering siblings on both sides', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, {
      mode: 'multi',
      codes: [
        { name: 'T1', children: ['a', 'b', 'c'] },
        { name: 'T2', children: ['x', 'y'] },
      ],
    });
    const move = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.a}/move`, {
      parentId: codeIds.T2,
      position: 1,
    });
    expect(move.statusCode).toBe(200);
    const codebook: Codebook = move.json();
    const childrenOf = (parent: string) =>
      codebook.codes.filter((code) => code.parentId === codeIds[parent]).map((code) => [code.name, code.position]);
    expect(childrenOf('T1')).toEqual([
      ['b', 0],
      ['c', 1],
    ]);
    expect(childrenOf('T2')).toEqual([
      ['x', 0],
      ['a', 1],
      ['y', 2],
    ]);
    // To the top level, first.
    const top = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.c}/move`, { parentId: null, position: 0 });
    expect((top.json() as Codebook).codes.filter((code) => code.parentId === null).map((code) => code.name)).toEqual(['c', 'T1', 'T2']);
    const history = await historyOf(team, stageId);
    expect(history.items.map((item) => item.summary)).toEqual(['Moved “c” from “T1” to the top level', 'Moved “a” from “T1” to “T2”']);
  });

  it('refuses to move a code under itself or one of its descendants (400), changing nothing', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const top = await addCode(team, stage.id, { name: 'Top' });
    const middle = await addCode(team, stage.id, { name: 'Middle', parentId: top.id });
    const bottom = await addCode(team, stage.id, { name: 'Bottom', parentId: middle.id });
    for (const parentId of [top.id, middle.id, bottom.id]) {
      const response = await call(team.lead, 'POST', `${codebookUrl(team, stage.id)}/codes/${top.id}/move`, { parentId, position: 0 });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('MOVE_CYCLE');
    }
    const codebook = await codebookOf(team.lead, team, stage.id);
    expect(codebook.version).toBe(4);
    expect(byName(codebook, 'Top').parentId).toBeNull();
    expect((await historyOf(team, stage.id)).total).toBe(3);
  });

  it('merges A into B: codings and final labels move without duplicates, children and examples follow, A retires', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, {
      mode: 'multi',
      codes: [{ name: 'A', children: ['A child'] }, { name: 'B' }, { name: 'C' }],
    });
    const issues = await createIssues(ctx.prisma, team.projectId, 3);
    const [A, B, C] = pick(codeIds, 'A', 'B', 'C');
    await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'closed',
      issueIds: issues,
      codings: { [team.coder.id]: [[A], [A, B], [C]], [team.lead.id]: [[A, C], [B], [A]] },
    });
    await ctx.prisma.finalLabel.create({ data: { stageId, issueId: issues[0]!, codes: { create: [{ codeId: A }] } } });
    await ctx.prisma.finalLabel.create({ data: { stageId, issueId: issues[1]!, codes: { create: [{ codeId: A }, { codeId: B }] } } });
    await ctx.prisma.codeExample.create({ data: { codeId: A, issueId: issues[2]!, note: 'typical' } });

    const response = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${A}/merge`, { intoId: B });
    expect(response.statusCode).toBe(200);
    expect(await ctx.prisma.codingCode.count({ where: { codeId: A } })).toBe(0);
    expect(await ctx.prisma.finalLabelCode.count({ where: { codeId: A } })).toBe(0);
    const codings = await ctx.prisma.coding.findMany({ where: { stageId }, include: { codes: true } });
    const codesOf = (coderId: string, issueId: string) =>
      codings
        .find((coding) => coding.coderId === coderId && coding.issueId === issueId)!
        .codes.map((code) => code.codeId)
        .sort();
    expect(codesOf(team.coder.id, issues[0]!)).toEqual([B]);
    expect(codesOf(team.coder.id, issues[1]!)).toEqual([B]); // was A + B: one B, no duplicate
    expect(codesOf(team.coder.id, issues[2]!)).toEqual([C]);
    expect(codesOf(team.lead.id, issues[0]!)).toEqual([B, C].sort());
    const labels = await ctx.prisma.finalLabel.findMany({ where: { stageId }, include: { codes: true }, orderBy: { issueId: 'asc' } });
    for (const label of labels) expect(label.codes.map((code) => code.codeId)).toEqual([B]);
    // Coders with the coding open must reload: its version moved on.
    expect(codings.find((coding) => coding.coderId === team.coder.id && coding.issueId === issues[0])!.version).toBe(2);

    const codebook: Codebook = response.json();
    expect(byName(codebook, 'A')).toMatchObject({ retired: true });
    expect(byName(codebook, 'A child').parentId).toBe(B);
    expect(byName(codebook, 'B').examples.map((example) => example.issueId)).toEqual([issues[2]]);
    expect(codebook.version).toBe(2);
    const [entry] = (await historyOf(team, stageId)).items;
    expect(entry).toMatchObject({ kind: 'merge', version: 2, user: { id: team.lead.id } });
    expect(entry!.details).toMatchObject({ from: { id: A, name: 'A' }, into: { id: B, name: 'B' }, duplicatesRemoved: 2 });
    // A coder reads what changed, not how many codings it touched: counts of every coder's codings
    // (open rounds included) would tell how often the others used the codes.
    const [coderEntry] = (await historyOf(team, stageId, team.coder)).items;
    expect(coderEntry!.summary).toBe('Merged “A” into “B”');
    expect(coderEntry!.details).toMatchObject({ from: { id: A, name: 'A' }, into: { id: B, name: 'B' } });
    for (const count of ['codings', 'finalLabels', 'duplicatesRemoved']) expect(coderEntry!.details).not.toHaveProperty(count);
    expect(entry!.summary).toMatch(/^Merged “A” into “B” \(\d+ codings? and \d+ final labels? moved\)$/);

    // The coder no longer sees A at all.
    expect((await codebookOf(team.coder, team, stageId)).codes.map((code) => code.name)).toEqual(['B', 'A child', 'C']);
    const intoDescendant = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${B}/merge`, { intoId: codeIds['A child'] });
    expect(intoDescendant.statusCode).toBe(400);
  });

  it('splits a code: new siblings after it, every issue coded with it queued for recoding, the code retired', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, {
      mode: 'multi',
      codes: [{ name: 'Theme', children: ['Broad', 'Other'] }],
    });
    const issues = await createIssues(ctx.prisma, team.projectId, 4);
    const [Broad, Other] = pick(codeIds, 'Broad', 'Other');
    await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'open',
      issueIds: issues,
      codings: { [team.coder.id]: [[Broad], [Other], [Broad, Other], null], [team.lead.id]: [[Broad], [], [Other], [Other]] },
    });
    // An issue whose final label (only) has the code is queued too.
    await ctx.prisma.finalLabel.create({ data: { stageId, issueId: issues[3]!, codes: { create: [{ codeId: Broad }] } } });

    const response = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${Broad}/split`, {
      into: [{ name: 'Narrow one', definition: 'first half' }, { name: 'Narrow two' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.recodeItems).toBe(3);
    expect(result.createdIds).toHaveLength(2);
    const codebook: Codebook = result.codebook;
    expect(
      codebook.codes.filter((code) => code.parentId === codeIds.Theme).map((code) => [code.name, code.position, code.retired]),
    ).toEqual([
      ['Broad', 0, true],
      ['Narrow one', 1, false],
      ['Narrow two', 2, false],
      ['Other', 3, false],
    ]);
    // Codings keep what was decided until a lead recodes them.
    expect(await ctx.prisma.codingCode.count({ where: { codeId: Broad } })).toBe(3);

    const queue = await call(team.lead, 'GET', `${stagesUrl(team)}/${stageId}/recode-queue`);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBe(3);
    expect(
      queue
        .json()
        .items.map((item: { issueId: string }) => item.issueId)
        .sort(),
    ).toEqual([issues[0], issues[2], issues[3]].sort());
    expect(queue.json().items[0]).toMatchObject({ code: { id: Broad, name: 'Broad' }, repository: expect.stringMatching(/^octo\//) });

    const [entry] = (await historyOf(team, stageId)).items;
    expect(entry).toMatchObject({ kind: 'split', summary: 'Split “Broad” into “Narrow one” and “Narrow two” (3 issues to recode)' });
    const [coderEntry] = (await historyOf(team, stageId, team.coder)).items;
    expect(coderEntry).toMatchObject({ summary: 'Split “Broad” into “Narrow one” and “Narrow two”' });
    expect(coderEntry!.details).not.toHaveProperty('recodeItems');

    const again = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${Broad}/split`, {
      into: [{ name: 'p' }, { name: 'q' }],
    });
    expect(again.statusCode).toBe(400);
    const parent = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.Theme}/split`, {
      into: [{ name: 'p' }, { name: 'q' }],
    });
    expect(parent.statusCode).toBe(400);
    expect(parent.json().code).toBe('CODE_HAS_CHILDREN');
  });

  it('retires a code with its sub-codes, hidden from coders and flagged for leads, and restores them together', async () => {
    const team = await ctx.createTeam();
    const { stageId, codeIds } = await createStage(ctx.prisma, team.projectId, {
      mode: 'multi',
      codes: [{ name: 'Theme', children: ['One', 'Two'] }, { name: 'Kept' }],
    });
    await ctx.prisma.code.update({ where: { id: codeIds.Two }, data: { retiredAt: new Date(Date.now() - 60_000) } });
    const retire = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.Theme}/retire`);
    expect(retire.statusCode).toBe(200);
    expect((await codebookOf(team.coder, team, stageId)).codes.map((code) => code.name)).toEqual(['Kept']);
    const lead = await codebookOf(team.lead, team, stageId);
    expect(lead.codes.map((code) => [code.name, code.retired])).toEqual([
      ['Theme', true],
      ['One', true],
      ['Two', true],
      ['Kept', false],
    ]);
    expect((await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.One}/unretire`)).statusCode).toBe(400);
    const restore = await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.Theme}/unretire`);
    expect(restore.statusCode).toBe(200);
    // "Two" was retired before, on its own: it stays retired.
    expect((await codebookOf(team.coder, team, stageId)).codes.map((code) => code.name)).toEqual(['Theme', 'One', 'Kept']);
    expect((await call(team.lead, 'POST', `${codebookUrl(team, stageId)}/codes/${codeIds.Kept}/unretire`)).statusCode).toBe(409);
  });

  it('adds examples by issue number, resolved to repository, number and title, and removes them', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const code = await addCode(team, stage.id, { name: 'Code' });
    await createIssues(ctx.prisma, team.projectId, 2);
    const url = `${codebookUrl(team, stage.id)}/codes/${code.id}/examples`;
    const added = await call(team.lead, 'POST', url, { number: 2, note: ' clear case ' });
    expect(added.statusCode).toBe(201);
    const [example] = (added.json() as CodebookCode).examples;
    expect(example).toMatchObject({ number: 2, title: 'Issue 2', note: 'clear case', repository: expect.stringMatching(/^octo\/repo-/) });
    expect((await call(team.lead, 'POST', url, { issueId: example!.issueId })).statusCode).toBe(409);
    expect((await call(team.lead, 'POST', url, { number: 99 })).statusCode).toBe(400);

    // Two repositories with an issue #1: the API asks which.
    await createIssues(ctx.prisma, team.projectId, 1);
    const ambiguous = await call(team.lead, 'POST', url, { number: 1 });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().code).toBe('AMBIGUOUS_ISSUE');
    expect(ambiguous.json().details.repositories).toHaveLength(2);
    const chosen = await call(team.lead, 'POST', url, { number: 1, repository: ambiguous.json().details.repositories[1] });
    expect(chosen.statusCode).toBe(201);

    // An issue of another project is not an example here.
    const otherTeam = await ctx.createTeam();
    const [foreign] = await createIssues(ctx.prisma, otherTeam.projectId, 1);
    expect((await call(team.lead, 'POST', url, { issueId: foreign })).statusCode).toBe(400);

    const removed = await call(team.lead, 'DELETE', `${url}/${example!.issueId}`);
    expect(removed.statusCode).toBe(204);
    expect(byName(await codebookOf(team.coder, team, stage.id), 'Code').examples).toHaveLength(1);
    expect((await call(team.lead, 'DELETE', `${url}/${example!.issueId}`)).statusCode).toBe(404);
  });

  it('raises the version by one and writes one history entry for every change, and none for a no-op', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const url = codebookUrl(team, stage.id);
    const [issue] = await createIssues(ctx.prisma, team.projectId, 1);
    const a = await addCode(team, stage.id, { name: 'A' });
    const b = await addCode(team, stage.id, { name: 'B' });
    const steps: [string, () => Promise<{ statusCode: number }>][] = [
      ['update', () => call(team.lead, 'PATCH', `${url}/codes/${a.id}`, { definition: 'Defined' })],
      ['move', () => call(team.lead, 'POST', `${url}/codes/${b.id}/move`, { parentId: a.id, position: 0 })],
      ['example-add', () => call(team.lead, 'POST', `${url}/codes/${b.id}/examples`, { issueId: issue })],
      ['example-remove', () => call(team.lead, 'DELETE', `${url}/codes/${b.id}/examples/${issue}`)],
      ['retire', () => call(team.owner, 'POST', `${url}/codes/${b.id}/retire`)],
      ['unretire', () => call(team.owner, 'POST', `${url}/codes/${b.id}/unretire`)],
      ['split', () => call(team.lead, 'POST', `${url}/codes/${b.id}/split`, { into: [{ name: 'B1' }, { name: 'B2' }] })],
      ['import', () => call(team.lead, 'POST', `${url}/import`, { format: 'json', content: '[{"name":"Imported"}]', parentId: null })],
    ];
    for (const [kind, step] of steps) expect((await step()).statusCode, kind).toBeLessThan(300);
    const b1 = byName(await codebookOf(team.lead, team, stage.id), 'B1');
    expect((await call(team.lead, 'POST', `${url}/codes/${b1.id}/merge`, { intoId: a.id })).statusCode).toBe(200);
    // Saving the same values again is no change.
    expect((await call(team.lead, 'PATCH', `${url}/codes/${a.id}`, { definition: 'Defined' })).statusCode).toBe(200);

    const history = await historyOf(team, stage.id);
    const kinds = ['create', 'create', ...steps.map(([kind]) => kind), 'merge'];
    expect(history.total).toBe(kinds.length);
    expect(history.items.map((item) => item.kind)).toEqual([...kinds].reverse());
    expect(history.items.map((item) => item.version)).toEqual(kinds.map((_, i) => kinds.length + 1 - i));
    expect((await codebookOf(team.lead, team, stage.id)).version).toBe(kinds.length + 1);
    expect(history.items.find((item) => item.kind === 'retire')!.user).toEqual({ id: team.owner.id, name: 'owner' });
    for (const item of history.items) expect(item.summary.length).toBeGreaterThan(5);
    const stages = (await call(team.coder, 'GET', stagesUrl(team))).json() as Stage[];
    expect(stages[0]!.codebookVersion).toBe(kinds.length + 1);
  });

  it('answers 404 for a code of another stage and for a stage of another project', async () => {
    const team = await ctx.createTeam();
    const one = await createStage(ctx.prisma, team.projectId, { mode: 'multi', codes: [{ name: 'A' }] });
    const two = await createStage(ctx.prisma, team.projectId, { mode: 'multi', codes: [{ name: 'B' }] });
    const crossStage = await call(team.lead, 'PATCH', `${codebookUrl(team, one.stageId)}/codes/${two.codeIds.B}`, { name: 'x' });
    expect(crossStage.statusCode).toBe(404);
    const otherTeam = await ctx.createTeam();
    const foreign = await createStage(ctx.prisma, otherTeam.projectId, { mode: 'multi', codes: [] });
    expect((await call(team.lead, 'GET', codebookUrl(team, foreign.stageId))).statusCode).toBe(404);
    expect((await call(team.lead, 'GET', `${stagesUrl(team)}/not-a-uuid/codebook`)).statusCode).toBe(400);
  });
});

describe('codebook exchange', () => {
  async function richStage(team: Team) {
    const stage = await newStage(team, { name: 'Challenges', parentCodesCodable: false });
    const theme = await addCode(team, stage.id, {
      name: 'Model Usage & <API>',
      definition: 'Using a "model".\n\nSecond paragraph.',
      includeCriteria: 'loading, calling',
      excludeCriteria: 'training',
      color: '#AA00FF',
      shortcut: 'u',
    });
    const sub = await addCode(team, stage.id, { name: 'Loading', parentId: theme.id, definition: 'Cannot load' });
    await addCode(team, stage.id, { name: 'Deep leaf', parentId: sub.id });
    await addCode(team, stage.id, { name: 'Performance' });
    const retired = await addCode(team, stage.id, { name: 'Gone' });
    await call(team.lead, 'POST', `${codebookUrl(team, stage.id)}/codes/${retired.id}/retire`);
    return stage;
  }

  /** The tree without ids, positions or retired codes: what an exchange must keep. */
  const shape = (codebook: Codebook) => {
    const active = codebook.codes.filter((code) => !code.retired);
    const nameOf = new Map(active.map((code) => [code.id, code.name]));
    return active.map((code) => ({
      name: code.name,
      parent: code.parentId ? nameOf.get(code.parentId) : null,
      definition: code.definition,
      includeCriteria: code.includeCriteria,
      excludeCriteria: code.excludeCriteria,
      color: code.color,
    }));
  };

  it('exports a well-formed REFI-QDA codebook in its namespace that imports back to the same tree', async () => {
    const team = await ctx.createTeam();
    const stage = await richStage(team);
    const exported = await call(team.coder, 'GET', `${codebookUrl(team, stage.id)}/export?format=qdc`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xml');
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="codebook-Challenges-v\d+\.qdc"/);
    const xml = exported.body;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Code' }).parse(xml);
    expect(parsed.CodeBook.xmlns).toBe('urn:QDA-XML:codebook:1.0');
    expect(parsed.CodeBook.origin).toBe('Concord');
    const [theme, performance] = parsed.CodeBook.Codes.Code;
    expect(parsed.CodeBook.Codes.Code).toHaveLength(2); // the retired code is not exported
    expect(theme).toMatchObject({ name: 'Model Usage & <API>', isCodable: 'false', color: '#AA00FF' });
    expect(theme.guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(theme.Description).toContain('Include: loading, calling');
    expect(theme.Code[0].Code[0]).toMatchObject({ name: 'Deep leaf', isCodable: 'true' });
    expect(performance).toMatchObject({ name: 'Performance', isCodable: 'true' });

    const target = await newStage(team);
    const imported = await call(team.lead, 'POST', `${codebookUrl(team, target.id)}/import`, { format: 'qdc', content: xml });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toBe(4);
    expect(shape(await codebookOf(team.lead, team, target.id))).toEqual(shape(await codebookOf(team.lead, team, stage.id)));
    const [entry] = (await historyOf(team, target.id)).items;
    expect(entry).toMatchObject({ kind: 'import', version: 2, summary: 'Imported 4 codes from a .qdc file at the top level' });
  });

  // libxml2's validator (compiled to WebAssembly, so it runs on every machine): the export against
  // the codebook schema (the CodeBook part of REFI-QDA's Project.xsd, in the codebook namespace).
  it('exports a .qdc that validates against the REFI-QDA codebook schema', async () => {
    const team = await ctx.createTeam();
    const stage = await richStage(team);
    const xml = (await call(team.lead, 'GET', `${codebookUrl(team, stage.id)}/export?format=qdc`)).body;
    const validate = (contents: string) =>
      validateXML({ xml: [{ fileName: 'codebook.qdc', contents }], schema: [{ fileName: 'codebook.xsd', contents: CODEBOOK_XSD }] });
    expect((await validate(xml)).errors).toEqual([]);
    expect((await validate(xml.replace('urn:QDA-XML:codebook:1.0', 'urn:wrong'))).valid).toBe(false);
  });

  it('exports JSON with every field (retired codes flagged, for leads) that imports back under a chosen parent', async () => {
    const team = await ctx.createTeam();
    const stage = await richStage(team);
    const [issue] = await createIssues(ctx.prisma, team.projectId, 1);
    const performance = byName(await codebookOf(team.lead, team, stage.id), 'Performance');
    await call(team.lead, 'POST', `${codebookUrl(team, stage.id)}/codes/${performance.id}/examples`, { issueId: issue, note: 'slow' });
    const exported = await call(team.lead, 'GET', `${codebookUrl(team, stage.id)}/export?format=json`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('.json');
    const document = exported.json();
    expect(document).toMatchObject({ format: 'concord-codebook', formatVersion: 1, stage: { name: 'Challenges', mode: 'multi' } });
    expect(document.codes.map((code: { name: string }) => code.name)).toEqual(['Model Usage & <API>', 'Performance', 'Gone']);
    expect(document.codes[0]).toMatchObject({
      shortcut: 'u',
      color: '#AA00FF',
      children: [{ name: 'Loading', children: [{ name: 'Deep leaf' }] }],
    });
    expect(document.codes[2].retired).toBe(true);
    expect(document.codes[1].examples).toEqual([{ repository: expect.stringMatching(/^octo\//), number: 1, note: 'slow' }]);
    // Coders export what they see.
    const coderExport = (await call(team.coder, 'GET', `${codebookUrl(team, stage.id)}/export`)).json();
    expect(coderExport.codes).toHaveLength(2);

    // Into the same codebook under a parent: its shortcut clashes, so it is refused, listing it.
    const clash = await call(team.lead, 'POST', `${codebookUrl(team, stage.id)}/import`, {
      format: 'json',
      content: exported.body,
      parentId: performance.id,
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().details.problems).toEqual([
      { path: 'codes[0]', message: 'The shortcut "u" of "Model Usage & <API>" is already used by "Model Usage & <API>".' },
    ]);

    const target = await newStage(team);
    const host = await addCode(team, target.id, { name: 'Host' });
    const imported = await call(team.lead, 'POST', `${codebookUrl(team, target.id)}/import`, {
      format: 'json',
      content: exported.body,
      parentId: host.id,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().warnings).toEqual([]);
    const codebook = await codebookOf(team.lead, team, target.id);
    expect(codebook.codes.map((code) => [code.name, code.retired])).toEqual([
      ['Host', false],
      ['Model Usage & <API>', false],
      ['Loading', false],
      ['Deep leaf', false],
      ['Performance', false],
      ['Gone', true],
    ]);
    expect(byName(codebook, 'Model Usage & <API>')).toMatchObject({
      parentId: host.id,
      shortcut: 'u',
      includeCriteria: 'loading, calling',
    });
    expect(byName(codebook, 'Performance').examples).toMatchObject([{ issueId: issue, note: 'slow' }]);
  });

  it('refuses a bad file with every problem listed, and stores nothing', async () => {
    const team = await ctx.createTeam();
    const stage = await newStage(team);
    const url = `${codebookUrl(team, stage.id)}/import`;
    const badQdc = `<?xml version="1.0"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="4c6e1b1e-1111-4a4a-8888-000000000001" name="Good" isCodable="true">
    <Code guid="4c6e1b1e-1111-4a4a-8888-000000000002" isCodable="true"/>
  </Code>
  <Code guid="4c6e1b1e-1111-4a4a-8888-000000000003" name="Bad colour" isCodable="maybe" color="red"/>
  <Code guid="4c6e1b1e-1111-4a4a-8888-000000000004" name="good" isCodable="true"/>
</Codes></CodeBook>`;
    const response = await call(team.lead, 'POST', url, { format: 'qdc', content: badQdc });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_INVALID');
    const problems = response.json().details.problems as { path: string; message: string }[];
    expect(problems.map((problem) => problem.path)).toEqual([
      'CodeBook/Codes/Code[1]/Code[1]',
      'CodeBook/Codes/Code[2]',
      'CodeBook/Codes/Code[2]',
      'CodeBook/Codes/Code[3]',
    ]);
    const secondPass = await call(team.lead, 'POST', url, { format: 'qdc', content: badQdc.replace(/ isCodable="maybe" color="red"/, '') });
    expect(secondPass.json().details.problems.map((problem: { message: string }) => problem.message)).toEqual([
      'A code needs a name.',
      '"good" appears twice among the same siblings.',
    ]);

    for (const content of [
      'not xml at all <',
      '<CodeBook xmlns="urn:wrong"><Codes><Code name="A" guid="x" isCodable="true"/></Codes></CodeBook>',
    ]) {
      const refused = await call(team.lead, 'POST', url, { format: 'qdc', content });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.problems.length).toBeGreaterThan(0);
    }
    const doctype = await call(team.lead, 'POST', url, {
      format: 'qdc',
      content: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
    });
    expect(doctype.statusCode).toBe(400);
    const json = await call(team.lead, 'POST', url, {
      format: 'json',
      content: JSON.stringify({
        codes: [{ name: 'Fine', children: [{ name: 3 }, { name: 'x', color: 'blue', examples: [{ number: 'one' }] }] }],
      }),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().details.problems.map((problem: { path: string }) => problem.path)).toEqual([
      'codes[0].children[0]',
      'codes[0].children[0].name',
      'codes[0].children[1]',
      'codes[0].children[1].examples[0]',
    ]);
    expect((await call(team.lead, 'POST', url, { format: 'json', content: '{"codes": [' })).statusCode).toBe(400);

    expect(await ctx.prisma.code.count({ where: { codebook: { stageId: stage.id } } })).toBe(0);
    expect((await codebookOf(team.lead, team, stage.id)).version).toBe(1);
    expect((await historyOf(team, stage.id)).total).toBe(0);

    // A non-empty codebook is appended to only under a chosen parent.
    await addCode(team, stage.id, { name: 'Existing' });
    const notEmpty = await call(team.lead, 'POST', url, { format: 'json', content: '[{"name":"New"}]' });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().code).toBe('CODEBOOK_NOT_EMPTY');
  });

  it('copies the active codes of a stage from a project the caller leads, and answers 404 for any other', async () => {
    const team = await ctx.createTeam();
    const source = await richStage(team);
    const target = await newStage(team);
    const copied = await call(team.lead, 'POST', `${codebookUrl(team, target.id)}/copy`, { fromStageId: source.id });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json().imported).toBe(4);
    expect(shape(copied.json().codebook)).toEqual(shape(await codebookOf(team.lead, team, source.id)));
    expect((await historyOf(team, target.id)).items[0]!.summary).toBe(
      'Copied 4 codes from stage “Challenges” of “Test project” at the top level',
    );

    // Another project where our lead is only a coder: its stage looks missing.
    const otherTeam = await ctx.createTeam();
    const foreign = await createStage(ctx.prisma, otherTeam.projectId, { mode: 'multi', codes: [{ name: 'Secret' }] });
    const fresh = await newStage(team);
    const asOutsider = await call(team.lead, 'POST', `${codebookUrl(team, fresh.id)}/copy`, { fromStageId: foreign.stageId });
    expect(asOutsider.statusCode).toBe(404);
    await ctx.prisma.member.create({ data: { projectId: otherTeam.projectId, userId: team.lead.id, role: 'coder' } });
    const asCoder = await call(team.lead, 'POST', `${codebookUrl(team, fresh.id)}/copy`, { fromStageId: foreign.stageId });
    expect(asCoder.statusCode).toBe(404);
    expect(await ctx.prisma.code.count({ where: { codebook: { stageId: fresh.id } } })).toBe(0);

    // As a lead there, the copy works, without examples (they are the other project's issues).
    await ctx.prisma.member.update({
      where: { projectId_userId: { projectId: otherTeam.projectId, userId: team.lead.id } },
      data: { role: 'lead' },
    });
    const asLead = await call(team.lead, 'POST', `${codebookUrl(team, fresh.id)}/copy`, { fromStageId: foreign.stageId });
    expect(asLead.statusCode).toBe(200);
    expect(asLead.json().codebook.codes.map((code: CodebookCode) => code.name)).toEqual(['Secret']);
    // Into a non-empty codebook only with a parent.
    expect((await call(team.lead, 'POST', `${codebookUrl(team, fresh.id)}/copy`, { fromStageId: foreign.stageId })).statusCode).toBe(409);
  });
});

// The CodeBook part of REFI-QDA's Project.xsd (QDA-XML 1.0), in the codebook namespace.
const CODEBOOK_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns="urn:QDA-XML:codebook:1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="urn:QDA-XML:codebook:1.0" elementFormDefault="qualified" attributeFormDefault="unqualified" version="1.0">
  <xsd:element name="CodeBook" type="CodeBookType"/>
  <xsd:complexType name="CodeBookType">
    <xsd:sequence><xsd:element name="Codes" type="CodesType"/></xsd:sequence>
    <xsd:attribute name="origin" type="xsd:string"/>
  </xsd:complexType>
  <xsd:complexType name="CodesType">
    <xsd:sequence><xsd:element name="Code" type="CodeType" maxOccurs="unbounded"/></xsd:sequence>
  </xsd:complexType>
  <xsd:complexType name="CodeType">
    <xsd:sequence>
      <xsd:element name="Description" type="xsd:string" minOccurs="0"/>
      <xsd:element name="Code" type="CodeType" minOccurs="0" maxOccurs="unbounded"/>
    </xsd:sequence>
    <xsd:attribute name="guid" type="GUIDType" use="required"/>
    <xsd:attribute name="name" type="xsd:string" use="required"/>
    <xsd:attribute name="isCodable" type="xsd:boolean" use="required"/>
    <xsd:attribute name="color" type="RGBType"/>
  </xsd:complexType>
  <xsd:simpleType name="GUIDType">
    <xsd:restriction base="xsd:token">
      <xsd:pattern value="([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})|(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\})"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="RGBType">
    <xsd:restriction base="xsd:token"><xsd:pattern value="#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})"/></xsd:restriction>
  </xsd:simpleType>
</xsd:schema>
`;
