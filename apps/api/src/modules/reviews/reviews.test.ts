// The review API on a real database: queue and filters, finalisation on close, versioned decisions
// (409 when stale, one of two concurrent wins), anonymised review, reopening, discussions, unread
// counts, analytics, calibration, the dataset and the recode queue.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';
import { sessionsWaitingForLocks } from '../../../test/lock-waits.ts';

const ctx = await createTestContext();

let team: Team;
let second: TestUser;
let stageId: string;
let codes: Record<string, string>;
let issues: string[];
let roundId: string;

const base = () => `/api/projects/${team.projectId}/stages/${stageId}`;
const get = (user: TestUser, path: string) => ctx.request(user, { method: 'GET', url: `${base()}${path}` });
const decide = (user: TestUser, issueId: string, payload: object) =>
  ctx.request(user, { method: 'PUT', url: `${base()}/review/issues/${issueId}/decision`, payload });
const closeRound = (id = roundId) =>
  ctx.request(team.lead, { method: 'PATCH', url: `/api/projects/${team.projectId}/rounds/${id}`, payload: { status: 'closed' } });

beforeEach(async () => {
  team = await ctx.createTeam();
  second = await ctx.createUser('second coder');
  await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: second.id, role: 'coder' } });
  ({ stageId, codeIds: codes } = await createStage(ctx.prisma, team.projectId, {
    mode: 'multi',
    codes: [{ name: 'Docs' }, { name: 'Memory' }, { name: 'Speed' }, { name: 'Theme', children: ['Leaf'] }],
  }));
  issues = await createIssues(ctx.prisma, team.projectId, 4);
  // Issue 0: both agree. 1: they differ (Docs vs Memory). 2: they differ (Docs+Speed vs Docs). 3: the second never submitted.
  roundId = await createRound(ctx.prisma, stageId, {
    number: 1,
    status: 'open',
    issueIds: issues,
    codings: {
      [team.coder.id]: [[codes.Docs!], [codes.Docs!], [codes.Docs!, codes.Speed!], [codes.Memory!]],
      [second.id]: [[codes.Docs!], [codes.Memory!], [codes.Docs!], null],
    },
  });
  await ctx.prisma.coding.updateMany({ where: { roundId, coderId: second.id, issueId: issues[1] }, data: { flagged: true } });
});

describe('the review queue', () => {
  it('finalises agreed issues when the round closes and lists the rest for review, with filters', async () => {
    expect((await closeRound()).statusCode).toBe(200);
    const agreed = await ctx.prisma.finalLabel.findUniqueOrThrow({
      where: { stageId_issueId: { stageId, issueId: issues[0]! } },
      include: { codes: true, revisions: true },
    });
    expect(agreed).toMatchObject({ agreed: true, version: 1, roundId });
    expect(agreed.codes.map((c) => c.codeId)).toEqual([codes.Docs]);
    expect(agreed.revisions).toMatchObject([{ kind: 'agreed', version: 1, decidedById: null }]);
    expect(await ctx.prisma.finalLabel.count({ where: { stageId } })).toBe(1);
    // Closing again changes nothing.
    await closeRound();
    expect(await ctx.prisma.finalLabelRevision.count({ where: { finalLabel: { stageId } } })).toBe(1);

    const queue = (await get(team.lead, '/review')).json();
    expect(queue.counts).toEqual({ pending: 3, decided: 0, agreed: 1, all: 4 });
    expect(queue.items.map((i: { issueId: string; reason: string }) => [i.issueId, i.reason])).toEqual([
      [issues[1], 'disagreement'],
      [issues[2], 'disagreement'],
      [issues[3], 'incomplete'],
    ]);
    const ids = async (query: string) => (await get(team.lead, `/review?${query}`)).json().items.map((i: { issueId: string }) => i.issueId);
    expect(await ids('status=agreed')).toEqual([issues[0]]);
    expect(await ids('flagged=true')).toEqual([issues[1]]);
    expect(await ids(`code=${codes.Speed}`)).toEqual([issues[2]]);
    expect(await ids(`codeA=${codes.Memory}&codeB=${codes.Docs}`)).toEqual([issues[1]]);
    expect(await ids(`coderA=${team.coder.id}&coderB=${second.id}`)).toEqual([issues[1], issues[2]]);
    expect(await ids('status=all&round=1&pageSize=2&page=2')).toEqual([issues[2], issues[3]]);
    expect((await get(team.lead, '/review?round=9')).statusCode).toBe(404);
  });

  it('lets a lead review live: only issues whose submitted codings already differ', async () => {
    const queue = (await get(team.lead, '/review')).json();
    expect(queue.items.map((i: { issueId: string }) => i.issueId)).toEqual([issues[1], issues[2]]);
    expect(await ctx.prisma.finalLabel.count({ where: { stageId } })).toBe(0);
    expect((await get(team.coder, '/review')).statusCode).toBe(403);
  });
});

describe('decisions', () => {
  beforeEach(async () => {
    await closeRound();
  });

  it('versions every decision with who and why, and agreed issues stay reviewable', async () => {
    const first = await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Memory], rationale: 'The log shows OOM.' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, codeIds: [codes.Memory], agreed: false, reopened: false, roundNumber: 1 });
    const secondDecision = await decide(team.owner, issues[1]!, {
      baseVersion: 1,
      codeIds: [codes.Memory, codes.Docs],
      rationale: 'The docs never mention the memory needed.',
    });
    expect(secondDecision.json().version).toBe(2);
    expect(
      secondDecision
        .json()
        .revisions.map((r: { version: number; kind: string; decidedBy: { id: string } }) => [r.version, r.kind, r.decidedBy.id]),
    ).toEqual([
      [2, 'decision', team.owner.id],
      [1, 'decision', team.lead.id],
    ]);
    // The automatic label of an agreed issue can be overruled; it is no longer "agreed" then.
    const overruled = await decide(team.lead, issues[0]!, {
      baseVersion: 1,
      codeIds: [codes.Speed],
      rationale: 'Both missed the benchmark.',
    });
    expect(overruled.json()).toMatchObject({ version: 2, agreed: false, codeIds: [codes.Speed] });
    const queue = (await get(team.lead, '/review?status=decided')).json();
    expect(queue.items.map((i: { issueId: string }) => i.issueId)).toEqual([issues[0], issues[1]]);
    // The same decision sent twice (double click) gets the same answer.
    const replay = await decide(team.lead, issues[0]!, { baseVersion: 1, codeIds: [codes.Speed], rationale: 'Both missed the benchmark.' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().version).toBe(2);
  });

  it('refuses a decision based on a stale version with 409 and the current label', async () => {
    await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Memory], rationale: '' });
    await decide(team.owner, issues[1]!, { baseVersion: 1, codeIds: [codes.Docs], rationale: 'docs' });
    const stale = await decide(team.lead, issues[1]!, { baseVersion: 1, codeIds: [codes.Speed], rationale: 'mine' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { current: { version: 2, codeIds: [codes.Docs] } } });
  });

  it.each([0, 1])('lets exactly one of two concurrent decisions on version %i win, losing nothing', async (baseVersion) => {
    if (baseVersion === 1) await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Speed], rationale: 'first' });
    const results = await Promise.all([
      decide(team.lead, issues[1]!, { baseVersion, codeIds: [codes.Memory], rationale: 'lead' }),
      decide(team.owner, issues[1]!, { baseVersion, codeIds: [codes.Docs], rationale: 'owner' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const loser = results.find((r) => r.statusCode === 409)!.json();
    // The loser sees the winner's decision, and the database holds exactly that.
    expect(loser.details.current).toMatchObject({ version: winner.version, codeIds: winner.codeIds });
    const label = await ctx.prisma.finalLabel.findUniqueOrThrow({
      where: { stageId_issueId: { stageId, issueId: issues[1]! } },
      include: { codes: true, revisions: true },
    });
    expect(label.version).toBe(baseVersion + 1);
    expect(label.codes.map((c) => c.codeId)).toEqual(winner.codeIds);
    expect(label.revisions).toHaveLength(baseVersion + 1);
  });

  it('refuses coders (403) and codes that break the codebook rules (400 naming them)', async () => {
    const coder = await decide(team.coder, issues[1]!, { baseVersion: 0, codeIds: [codes.Docs], rationale: '' });
    expect(coder.statusCode).toBe(403);
    const unknown = crypto.randomUUID();
    const unknownCode = await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [unknown], rationale: '' });
    expect(unknownCode.json()).toMatchObject({ statusCode: 400, code: 'UNKNOWN_CODE', message: expect.stringContaining(unknown) });
    expect((await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Theme], rationale: '' })).json().code).toBe(
      'PARENT_NOT_CODABLE',
    );
    expect((await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [], rationale: '' })).statusCode).toBe(400);
    // Retired through the codebook API, which answers once this process's caches have seen it.
    const retire = await ctx.request(team.lead, { method: 'POST', url: `${base()}/codebook/codes/${codes.Speed}/retire` });
    expect(retire.statusCode).toBe(200);
    expect((await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Speed], rationale: '' })).json().code).toBe(
      'RETIRED_CODE',
    );
    expect(await ctx.prisma.finalLabel.count({ where: { stageId, issueId: issues[1]! } })).toBe(0);
  });

  it('reopens a final label for discussion, back in the queue until a lead decides again', async () => {
    const reopen = (payload: object) =>
      ctx.request(team.lead, { method: 'POST', url: `${base()}/review/issues/${issues[0]}/reopen`, payload });
    expect((await reopen({ baseVersion: 3, reason: 'x' })).statusCode).toBe(409);
    const reopened = await reopen({ baseVersion: 1, reason: 'The maintainer later said it was a memory issue.' });
    expect(reopened.json()).toMatchObject({ version: 2, reopened: true, codeIds: [codes.Docs] });
    expect(reopened.json().revisions[0]).toMatchObject({ kind: 'reopen', rationale: 'The maintainer later said it was a memory issue.' });
    expect((await reopen({ baseVersion: 2, reason: 'again' })).json().code).toBe('ALREADY_REOPENED');
    const pending = (await get(team.lead, '/review')).json().items;
    expect(pending.find((i: { issueId: string }) => i.issueId === issues[0])).toMatchObject({ status: 'pending', reason: 'reopened' });
    const decided = await decide(team.lead, issues[0]!, { baseVersion: 2, codeIds: [codes.Memory], rationale: 'Memory after all.' });
    expect(decided.json()).toMatchObject({ version: 3, reopened: false, agreed: false });
    const noLabel = await ctx.request(team.lead, {
      method: 'POST',
      url: `${base()}/review/issues/${issues[1]}/reopen`,
      payload: { baseVersion: 1, reason: 'x' },
    });
    expect(noLabel.json().code).toBe('NOT_FINALISED');
  });

  it('follows the coders after a round is reopened: an automatic label is reopened when they no longer agree', async () => {
    const patch = (status: string) =>
      ctx.request(team.lead, { method: 'PATCH', url: `/api/projects/${team.projectId}/rounds/${roundId}`, payload: { status } });
    await patch('open');
    const coding = await ctx.prisma.coding.findFirstOrThrow({ where: { roundId, coderId: second.id, issueId: issues[0] } });
    await ctx.prisma.codingCode.deleteMany({ where: { codingId: coding.id } });
    await ctx.prisma.codingCode.create({ data: { codingId: coding.id, codeId: codes.Speed! } });
    await patch('closed');
    const label = (await get(team.lead, `/review/issues/${issues[0]}`)).json().finalLabel;
    expect(label).toMatchObject({ version: 2, reopened: true, agreed: false });
    expect(label.revisions[0].kind).toBe('reopen');
  });
});

describe('closing while a lead decides', () => {
  it('never overwrites a decision made while the round was closing', async () => {
    const patch = (status: string) =>
      ctx.request(team.lead, { method: 'PATCH', url: `/api/projects/${team.projectId}/rounds/${roundId}`, payload: { status } });
    await closeRound();
    await patch('open');
    // The coders no longer agree on issue 0, so closing again would reopen its automatic label…
    const coding = await ctx.prisma.coding.findFirstOrThrow({ where: { roundId, coderId: second.id, issueId: issues[0] } });
    await ctx.prisma.codingCode.deleteMany({ where: { codingId: coding.id } });
    await ctx.prisma.codingCode.create({ data: { codingId: coding.id, codeId: codes.Speed! } });
    // …but a lead decides it at that moment: the close has read the label and waits for its row.
    const label = await ctx.prisma.finalLabel.findUniqueOrThrow({ where: { stageId_issueId: { stageId, issueId: issues[0]! } } });
    const decision = await ctx.database.pool.connect();
    try {
      await decision.query('BEGIN');
      await decision.query('SELECT 1 FROM "FinalLabel" WHERE id = $1 FOR UPDATE', [label.id]);
      const closing = patch('closed');
      await sessionsWaitingForLocks(decision, 1);
      await decision.query('UPDATE "FinalLabel" SET version = version + 1, agreed = false WHERE id = $1', [label.id]);
      await decision.query('COMMIT');
      expect((await closing).statusCode).toBe(200);
    } finally {
      decision.release();
    }
    const after = await ctx.prisma.finalLabel.findUniqueOrThrow({ where: { id: label.id } });
    expect(after).toMatchObject({ version: label.version + 1, agreed: false, reopened: false });
  });
});

describe('one issue under review', () => {
  it('shows every coder side by side, anonymised on request, and only after the round closes to coders', async () => {
    expect((await get(team.coder, `/review/issues/${issues[1]}`)).json()).toMatchObject({ statusCode: 403, code: 'ROUND_OPEN' });
    const live = (await get(team.lead, `/review/issues/${issues[1]}`)).json();
    expect(live.codings.map((c: { coder: { id: string }; codeIds: string[] }) => [c.coder.id, c.codeIds])).toEqual(
      [
        [team.coder.id, [codes.Docs]],
        [second.id, [codes.Memory]],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(live.canDecide).toBe(true);
    const anonymous = await get(team.lead, `/review/issues/${issues[1]}?anonymous=true`);
    expect(anonymous.json().codings.map((c: { label: string; coder: null }) => [c.label, c.coder])).toEqual([
      ['A', null],
      ['B', null],
    ]);
    for (const user of [team.coder, second]) expect(anonymous.body).not.toContain(user.id);
    expect(anonymous.body).not.toContain('second coder');

    await closeRound();
    const asCoder = (await get(team.coder, `/review/issues/${issues[1]}`)).json();
    expect(asCoder).toMatchObject({ canDecide: false, issue: { id: issues[1] } });
    expect((await get(team.lead, `/review/issues/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('discussions', () => {
  const thread = (user: TestUser, query = '') => get(user, `/review/issues/${issues[1]}/discussion${query}`);
  const post = (user: TestUser, body: string) =>
    ctx.request(user, { method: 'POST', url: `${base()}/review/issues/${issues[1]}/discussion`, payload: { body } });
  const unread = async (user: TestUser) =>
    (await ctx.request(user, { method: 'GET', url: `/api/projects/${team.projectId}/discussions/unread` })).json();

  it('lets coders reply once the round is closed, with mentions and unread counts', async () => {
    const leadHandle = team.lead.email.split('@')[0];
    expect((await post(team.lead, 'Looking at this one live.')).statusCode).toBe(201);
    // Blind: coders neither read nor write, and the unread count does not betray the thread.
    expect((await thread(team.coder)).statusCode).toBe(403);
    expect((await post(team.coder, 'hello')).json().code).toBe('ROUND_OPEN');
    expect(await unread(team.coder)).toEqual({ total: 0, threads: [] });

    await closeRound();
    expect((await unread(team.coder)).total).toBe(1);
    const reply = await post(second, `I chose Memory because of the OOM trace, @${leadHandle}.`);
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ author: { id: second.id }, mentions: [{ id: team.lead.id }] });
    expect(await unread(team.lead)).toMatchObject({ total: 1, threads: [{ issueId: issues[1], stageId, unread: 1 }] });
    expect((await thread(team.lead)).json().unread).toBe(1);
    expect((await ctx.request(team.lead, { method: 'PUT', url: `${base()}/review/issues/${issues[1]}/discussion/read` })).statusCode).toBe(
      204,
    );
    expect((await unread(team.lead)).total).toBe(0);
    // Writing in a thread reads it; the first coder has both messages unread.
    expect((await unread(second)).total).toBe(0);
    expect((await unread(team.coder)).total).toBe(2);

    const anonymous = (await thread(team.lead, '?anonymous=true')).json();
    // The lead is no coder of the issue and keeps their name; the coder shows as a letter.
    expect(anonymous.messages.map((m: { authorLabel: string }) => m.authorLabel)).toEqual(['lead', expect.stringMatching(/^Coder [AB]$/)]);
    expect(anonymous.messages[1].author).toBeNull();
    expect(anonymous.mentionable.map((m: { handle: string }) => m.handle)).toContain(leadHandle);
  });
});

describe('analytics, calibration and dataset', () => {
  it('counts confused pairs, coders whose choice became final, time to resolve and disagreement per round', async () => {
    await closeRound();
    await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Memory], rationale: '' });
    const analytics = (await get(team.lead, '/review/analytics')).json();
    expect(analytics.confusedPairs).toEqual([
      {
        codeA: expect.objectContaining({ id: [codes.Docs!, codes.Memory!].sort()[0] }),
        codeB: expect.objectContaining({ id: [codes.Docs!, codes.Memory!].sort()[1] }),
        count: 1,
      },
    ]);
    expect(analytics.perRound).toEqual([{ number: 1, name: 'Round 1', status: 'closed', compared: 3, disagreements: 2, pending: 2 }]);
    const byCoder = Object.fromEntries(analytics.coders.map((c: { coder: { id: string } }) => [c.coder.id, c]));
    // Issue 0 (agreed) for both; issue 1 decided Memory: the second coder's choice.
    expect(byCoder[team.coder.id]).toMatchObject({ finalised: 2, matched: 1, disputed: 1, disputedMatched: 0 });
    expect(byCoder[second.id]).toMatchObject({ finalised: 2, matched: 2, disputed: 1, disputedMatched: 1 });
    expect(analytics.timeToResolve).toMatchObject({ resolved: 1, medianHours: expect.any(Number) });
  });

  it('shows coders where they differed in closed rounds only, and final labels once their rounds are closed', async () => {
    expect((await get(team.coder, '/calibration?round=1')).json().code).toBe('ROUND_OPEN');
    expect((await get(team.coder, '/calibration')).json()).toMatchObject({ rounds: [], items: [] });
    const dataset = async (user: TestUser) =>
      (await ctx.request(user, { method: 'GET', url: `/api/projects/${team.projectId}/dataset?labelled=true` })).json();
    await decide(team.lead, issues[1]!, { baseVersion: 0, codeIds: [codes.Memory], rationale: 'live' });
    expect((await dataset(team.lead)).items.map((i: { issueId: string }) => i.issueId)).toEqual([issues[1]]);
    expect((await dataset(team.coder)).total).toBe(0);

    await closeRound();
    const calibration = (await get(team.coder, '/calibration')).json();
    expect(calibration.compared).toBe(3);
    expect(
      calibration.items.map((i: { issueId: string; mine: string[]; finalCodeIds: string[] | null }) => [i.issueId, i.mine, i.finalCodeIds]),
    ).toEqual([
      [issues[1], [codes.Docs], [codes.Memory]],
      [issues[2], [codes.Docs, codes.Speed].sort(), null],
    ]);
    const visible = await dataset(team.coder);
    expect(
      visible.items.map((i: { issueId: string; labels: { codes: { name: string }[] }[] }) => [
        i.issueId,
        i.labels[0]!.codes.map((c) => c.name),
      ]),
    ).toEqual(
      expect.arrayContaining([
        [issues[0], ['Docs']],
        [issues[1], ['Memory']],
      ]),
    );
  });
});

describe('the recode queue', () => {
  it('replaces a split code in every coding and the final label, with history, once', async () => {
    await closeRound();
    const item = await ctx.prisma.recodeItem.create({ data: { stageId, issueId: issues[0]!, codeId: codes.Docs! } });
    const resolve = () =>
      ctx.request(team.lead, {
        method: 'POST',
        url: `${base()}/recode-queue/${item.id}/resolve`,
        payload: { codeIds: [codes.Speed, codes.Memory] },
      });
    const resolved = await resolve();
    expect(resolved.json()).toMatchObject({ codings: 2, finalLabels: 1 });
    const codings = await ctx.prisma.coding.findMany({
      where: { issueId: issues[0] },
      include: { codes: true, revisions: { orderBy: { version: 'desc' } } },
    });
    for (const coding of codings) {
      expect(coding.codes.map((c) => c.codeId).sort()).toEqual([codes.Memory, codes.Speed].sort());
      expect(coding.revisions[0]!.codeIds.sort()).toEqual([codes.Memory, codes.Speed].sort());
    }
    const label = (await get(team.lead, `/review/issues/${issues[0]}`)).json().finalLabel;
    expect(label).toMatchObject({ version: 2, codeIds: [codes.Memory, codes.Speed].sort() });
    expect(label.revisions[0]).toMatchObject({
      kind: 'recode',
      decidedBy: { id: team.lead.id },
      rationale: expect.stringContaining('Docs'),
    });
    expect((await resolve()).json().code).toBe('ALREADY_RESOLVED');
    const queue = await ctx.request(team.lead, { method: 'GET', url: `${base()}/recode-queue` });
    expect(queue.json().total).toBe(0);
  });

  it('recodes a coding saved while it was resolving, instead of overwriting it', async () => {
    await closeRound();
    const item = await ctx.prisma.recodeItem.create({ data: { stageId, issueId: issues[0]!, codeId: codes.Docs! } });
    const coding = await ctx.prisma.coding.findFirstOrThrow({ where: { roundId, coderId: team.coder.id, issueId: issues[0] } });
    // A save of the coder's coding is under way (its row is held here) when the lead resolves.
    const save = await ctx.database.pool.connect();
    try {
      await save.query('BEGIN');
      await save.query('SELECT 1 FROM "Coding" WHERE id = $1 FOR UPDATE', [coding.id]);
      const resolving = ctx.request(team.lead, {
        method: 'POST',
        url: `${base()}/recode-queue/${item.id}/resolve`,
        payload: { codeIds: [codes.Speed] },
      });
      await sessionsWaitingForLocks(save, 1);
      // The save adds Memory to the coder's Docs.
      await save.query('UPDATE "Coding" SET version = version + 1 WHERE id = $1', [coding.id]);
      await save.query('INSERT INTO "CodingCode" ("codingId", "codeId") VALUES ($1, $2)', [coding.id, codes.Memory]);
      await save.query('COMMIT');
      expect((await resolving).statusCode).toBe(200);
    } finally {
      save.release();
    }
    const after = await ctx.prisma.codingCode.findMany({ where: { codingId: coding.id } });
    expect(after.map((c) => c.codeId).sort()).toEqual([codes.Memory, codes.Speed].sort());
  });
});
