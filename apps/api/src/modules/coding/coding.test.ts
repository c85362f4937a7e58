// The coding API on a real database: every rule of saving a coding, and blind coding — a second
// coder calling every endpoint learns nothing of the first coder's codings.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';
import { sessionsWaitingForLocks } from '../../../test/lock-waits.ts';

const ctx = await createTestContext();

let team: Team;
let other: TestUser;
let codes: Record<string, string>;
let stageId: string;
let roundId: string;
let mine: string[];

const url = (assignmentId: string) => `/api/projects/${team.projectId}/assignments/${assignmentId}`;
const body = (over: Partial<Record<string, unknown>> = {}) => ({
  baseVersion: 0,
  status: 'submitted',
  codeIds: [codes.Yes],
  memo: '',
  flagged: false,
  cannotDecide: false,
  activeSecondsDelta: 10,
  ...over,
});
const save = (user: TestUser, assignmentId: string, payload: object) =>
  ctx.request(user, { method: 'PUT', url: `${url(assignmentId)}/coding`, payload });

beforeEach(async () => {
  team = await ctx.createTeam();
  other = await ctx.createUser('other coder');
  await ctx.prisma.member.create({ data: { projectId: team.projectId, userId: other.id, role: 'coder' } });
  const stage = await createStage(ctx.prisma, team.projectId, {
    mode: 'single',
    codes: [{ name: 'Yes' }, { name: 'No' }, { name: 'Parent', children: ['Child'] }],
  });
  ({ stageId, codeIds: codes } = stage);
  const issueIds = await createIssues(ctx.prisma, team.projectId, 3);
  // Both coders assigned the same three issues, nothing coded yet.
  roundId = await createRound(ctx.prisma, stageId, { number: 1, status: 'open', issueIds, codings: {} });
  await ctx.prisma.assignment.createMany({
    data: [team.coder.id, other.id].flatMap((coderId) => issueIds.map((issueId, position) => ({ roundId, issueId, coderId, position }))),
  });
  mine = (await ctx.prisma.assignment.findMany({ where: { roundId, coderId: team.coder.id }, orderBy: { position: 'asc' } })).map(
    (a) => a.id,
  );
});

describe('saving a coding', () => {
  it('submits, keeps every submitted version, and allows edits until the round closes', async () => {
    const first = await save(team.coder, mine[0]!, body());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, status: 'submitted', codeIds: [codes.Yes], activeSeconds: 10 });
    const edited = await save(team.coder, mine[0]!, body({ baseVersion: 1, codeIds: [codes.No], activeSecondsDelta: 5 }));
    expect(edited.json()).toMatchObject({ version: 2, codeIds: [codes.No], activeSeconds: 15 });
    const revisions = await ctx.prisma.codingRevision.findMany({ where: { codingId: first.json().id }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.version, r.codeIds])).toEqual([
      [1, [codes.Yes]],
      [2, [codes.No]],
    ]);
    await ctx.prisma.round.update({ where: { id: roundId }, data: { status: 'closed' } });
    const late = await save(team.coder, mine[0]!, body({ baseVersion: 2 }));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ROUND_CLOSED');
  });

  it('answers the same submission twice with the same result (double click, retry), also when concurrent', async () => {
    const [a, b] = await Promise.all([save(team.coder, mine[0]!, body()), save(team.coder, mine[0]!, body())]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    const again = await save(team.coder, mine[0]!, body());
    expect(again.json()).toEqual(a.json());
    expect(await ctx.prisma.codingRevision.count({ where: { codingId: a.json().id } })).toBe(1);
  });

  it('refuses a save based on a stale version with 409 and the current coding', async () => {
    await save(team.coder, mine[0]!, body());
    await save(team.coder, mine[0]!, body({ baseVersion: 1, codeIds: [codes.No] }));
    const stale = await save(team.coder, mine[0]!, body({ baseVersion: 1, codeIds: [codes.Yes], memo: 'other tab' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { current: { version: 2, codeIds: [codes.No] } } });
  });

  it('lets exactly one of two tabs saving on the same version win', async () => {
    await save(team.coder, mine[0]!, body({ status: 'draft' }));
    const results = await Promise.all([
      save(team.coder, mine[0]!, body({ baseVersion: 1, codeIds: [codes.Yes], memo: 'tab A' })),
      save(team.coder, mine[0]!, body({ baseVersion: 1, codeIds: [codes.No], memo: 'tab B' })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const coding = await ctx.prisma.coding.findUniqueOrThrow({ where: { assignmentId: mine[0]! } });
    expect(coding.version).toBe(2);
  });

  it('rejects bad codes with 400 naming them', async () => {
    const unknown = crypto.randomUUID();
    const cases: [object, string][] = [
      [body({ codeIds: [unknown] }), 'UNKNOWN_CODE'],
      [body({ codeIds: [codes.Yes, codes.No] }), 'SINGLE_CHOICE'],
      [body({ codeIds: [codes.Parent] }), 'PARENT_NOT_CODABLE'],
      [body({ codeIds: [] }), 'NO_CODE'],
    ];
    for (const [payload, code] of cases) {
      const response = await save(team.coder, mine[0]!, payload);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().code).toBe(code);
    }
    expect((await save(team.coder, mine[0]!, body({ codeIds: [unknown] }))).json().message).toContain(unknown);
    // Retired through the codebook API, which answers once this process's caches have seen it.
    const retire = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/stages/${stageId}/codebook/codes/${codes.No}/retire`,
    });
    expect(retire.statusCode).toBe(200);
    const retired = await save(team.coder, mine[0]!, body({ codeIds: [codes.No] }));
    expect(retired.json()).toMatchObject({ code: 'RETIRED_CODE', message: expect.stringContaining('No') });
    // "Cannot decide" may be submitted without a code.
    expect((await save(team.coder, mine[0]!, body({ codeIds: [], cannotDecide: true }))).statusCode).toBe(200);
    expect(await ctx.prisma.coding.count({ where: { assignmentId: mine[0]! } })).toBe(1);
  });

  it('refuses coding an issue assigned to someone else, and a round not yet opened', async () => {
    const theirs = await ctx.prisma.assignment.findFirstOrThrow({ where: { roundId, coderId: other.id } });
    const response = await save(team.coder, theirs.id, body());
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('NOT_ASSIGNED');
    await ctx.prisma.round.update({ where: { id: roundId }, data: { status: 'draft' } });
    expect((await save(team.coder, mine[0]!, body())).json().code).toBe('ROUND_NOT_OPEN');
  });
});

describe('blind coding', () => {
  it("a second coder learns nothing of the first coder's codings from any endpoint", async () => {
    const before = await snapshot(other);
    for (const assignmentId of mine) await save(team.coder, assignmentId, body({ codeIds: [codes.No], memo: 'secret memo' }));
    // A lead reviewing live decides one issue and discusses it: still nothing reaches the coder.
    const [issueId] = (await ctx.prisma.assignment.findMany({ where: { id: { in: mine } }, select: { issueId: true } })).map(
      (a) => a.issueId,
    );
    const review = `/api/projects/${team.projectId}/stages/${stageId}/review/issues/${issueId}`;
    const decided = await ctx.request(team.lead, {
      method: 'PUT',
      url: `${review}/decision`,
      payload: { baseVersion: 0, codeIds: [codes.No], rationale: 'secret rationale' },
    });
    expect(decided.statusCode).toBe(200);
    const handle = other.email.split('@')[0];
    expect(
      (await ctx.request(team.lead, { method: 'POST', url: `${review}/discussion`, payload: { body: `secret memo @${handle}` } }))
        .statusCode,
    ).toBe(201);
    const after = await snapshot(other);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('secret memo');
    expect(JSON.stringify(after)).not.toContain('secret rationale');
    // Reading the first coder's assignment directly is refused.
    expect((await ctx.request(other, { method: 'GET', url: url(mine[0]!) })).statusCode).toBe(403);
  });

  async function snapshot(user: TestUser) {
    const base = `/api/projects/${team.projectId}`;
    const get = async (path: string) => {
      const response = await ctx.request(user, { method: 'GET', url: `${base}${path}` });
      const { requestId: _requestId, ...rest } = response.json();
      return { status: response.statusCode, body: rest };
    };
    const queue = await get(`/rounds/${roundId}/queue`);
    const own = queue.body.items as { assignmentId: string; issueId: string }[];
    const issueOf = (assignmentId: string) => own.find((item) => item.assignmentId === assignmentId)!.issueId;
    return {
      project: await get(''),
      rounds: await get(`/stages/${stageId}/rounds`),
      myRounds: await get('/coding/rounds'),
      queue,
      assignments: await Promise.all(own.map((item) => get(`/assignments/${item.assignmentId}`))),
      agreement: await get(`/stages/${stageId}/agreement`),
      disagreements: await get(`/stages/${stageId}/agreement/disagreements`),
      issues: await get('/issues'),
      // Review and discussion: refused while the round is open, and nothing in the counts.
      reviewQueue: await get(`/stages/${stageId}/review`),
      reviewAnalytics: await get(`/stages/${stageId}/review/analytics`),
      reviewIssues: await Promise.all(own.map((item) => get(`/stages/${stageId}/review/issues/${issueOf(item.assignmentId)}`))),
      discussions: await Promise.all(own.map((item) => get(`/stages/${stageId}/review/issues/${issueOf(item.assignmentId)}/discussion`))),
      unread: await get('/discussions/unread'),
      calibration: await get(`/stages/${stageId}/calibration`),
      dataset: await get('/dataset'),
    };
  }
});

describe('rounds', () => {
  const create = (user: TestUser, payload: object) =>
    ctx.request(user, { method: 'POST', url: `/api/projects/${team.projectId}/stages/${stageId}/rounds`, payload });

  it('draws a reproducible sample of the unassigned issues and never assigns an issue twice in a stage', async () => {
    await createIssues(ctx.prisma, team.projectId, 20);
    const first = await create(team.lead, {
      coderIds: [team.coder.id, other.id],
      overlap: { mode: 'k', k: 1 },
      sampleSize: 8,
      seed: 'abc',
      open: true,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      number: 2,
      status: 'open',
      seed: 'abc',
      issues: 8,
      codebookVersion: 1,
      progress: { assigned: 8, submitted: 0 },
    });
    const firstIssues = await ctx.prisma.assignment.findMany({ where: { roundId: first.json().id }, select: { issueId: true } });
    const second = await create(team.lead, { coderIds: [team.coder.id], overlap: { mode: 'all' } });
    const secondIssues = await ctx.prisma.assignment.findMany({ where: { roundId: second.json().id }, select: { issueId: true } });
    // 23 issues, 3 in round 1 of the fixture, 8 in round 2: 12 left for round 3.
    expect(secondIssues).toHaveLength(12);
    expect(secondIssues.some((a) => firstIssues.some((b) => b.issueId === a.issueId))).toBe(false);
  });

  it('gives the second of two leads drawing at the same moment 409, so no issue lands in two rounds', async () => {
    await createIssues(ctx.prisma, team.projectId, 10);
    const draw = () => create(team.lead, { coderIds: [team.coder.id], overlap: { mode: 'all' }, sampleSize: 5, open: true });
    // The stage's round lock is held here, so both requests choose from the same unassigned issues
    // before either can write.
    const holder = await ctx.database.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`round-number:${stageId}`]);
      const responses = Promise.all([draw(), draw()]);
      await sessionsWaitingForLocks(holder, 2);
      await holder.query('COMMIT');
      const [a, b] = await responses;
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 409]);
      expect([a!, b!].find((response) => response.statusCode === 409)!.json()).toMatchObject({ code: 'ISSUES_TAKEN' });
    } finally {
      holder.release();
    }
    const { rows } = await ctx.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT a."issueId" FROM "Assignment" a JOIN "Round" r ON r.id = a."roundId"
       WHERE r."stageId" = $1 GROUP BY a."issueId" HAVING count(DISTINCT r.id) > 1) twice`,
      [stageId],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('takes only issues whose final label in the input stage has the input code', async () => {
    const downstream = await createStage(ctx.prisma, team.projectId, { mode: 'multi', codes: [{ name: 'Theme' }] });
    await ctx.prisma.stage.update({ where: { id: downstream.stageId }, data: { inputStageId: stageId, inputCodeId: codes.Yes! } });
    const [relevant, irrelevant] = await createIssues(ctx.prisma, team.projectId, 2);
    for (const [issueId, codeId] of [
      [relevant!, codes.Yes!],
      [irrelevant!, codes.No!],
    ] as const) {
      await ctx.prisma.finalLabel.create({ data: { stageId, issueId, codes: { create: { codeId } } } });
    }
    const response = await ctx.request(team.lead, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/stages/${downstream.stageId}/rounds`,
      payload: { coderIds: [team.coder.id], overlap: { mode: 'all' } },
    });
    expect(response.json().issues).toBe(1);
    expect(await ctx.prisma.assignment.findMany({ where: { roundId: response.json().id }, select: { issueId: true } })).toEqual([
      { issueId: relevant },
    ]);
  });

  it('refuses coders who are not members and an overlap larger than the coders', async () => {
    await createIssues(ctx.prisma, team.projectId, 2);
    const stranger = await ctx.createUser('stranger');
    expect((await create(team.lead, { coderIds: [stranger.id], overlap: { mode: 'all' } })).json().code).toBe('NOT_A_MEMBER');
    expect((await create(team.lead, { coderIds: [team.coder.id], overlap: { mode: 'k', k: 2 } })).json().code).toBe('OVERLAP_TOO_LARGE');
  });

  it('opens, closes and reopens; a draft cannot be closed', async () => {
    await createIssues(ctx.prisma, team.projectId, 2);
    const draft = (await create(team.lead, { coderIds: [team.coder.id], overlap: { mode: 'all' } })).json();
    const patch = (status: string) =>
      ctx.request(team.lead, { method: 'PATCH', url: `/api/projects/${team.projectId}/rounds/${draft.id}`, payload: { status } });
    expect((await patch('closed')).json().code).toBe('ROUND_NOT_OPEN');
    expect((await patch('open')).json().status).toBe('open');
    expect((await patch('closed')).json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await patch('open')).json()).toMatchObject({ status: 'open', closedAt: null });
  });
});
