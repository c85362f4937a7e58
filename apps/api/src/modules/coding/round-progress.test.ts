// The progress the coding screen shows ("n of m") comes from RoundProgress, kept by triggers on
// Assignment and Coding. After every kind of write — bulk and single assignments, saves through
// the API, edits after submit, direct updates and deletes, a deleted round — it must equal what
// counting the rows says.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type Team } from '../../../test/test-context.ts';
import { createIssues, createRound, createStage } from '../../../test/factories.ts';

const ctx = await createTestContext();

let team: Team;
let stageId: string;
let yes: string;
let issueIds: string[];

beforeEach(async () => {
  team = await ctx.createTeam();
  const stage = await createStage(ctx.prisma, team.projectId, { mode: 'single', codes: [{ name: 'Yes' }, { name: 'No' }] });
  stageId = stage.stageId;
  yes = stage.codeIds.Yes!;
  issueIds = await createIssues(ctx.prisma, team.projectId, 6);
});

/** Progress per round and coder as kept, and as counted from the rows. */
async function keptAndCounted() {
  const kept = await ctx.prisma.$queryRaw<{ roundId: string; coderId: string; assigned: number; submitted: number }[]>`
    SELECT "roundId", "coderId", assigned, submitted FROM "RoundProgress" WHERE assigned > 0 OR submitted > 0 ORDER BY 1, 2`;
  const counted = await ctx.prisma.$queryRaw<{ roundId: string; coderId: string; assigned: number; submitted: number }[]>`
    SELECT a."roundId", a."coderId", count(*)::int AS assigned, (count(*) FILTER (WHERE c.status = 'submitted'))::int AS submitted
    FROM "Assignment" a LEFT JOIN "Coding" c ON c."assignmentId" = a.id GROUP BY 1, 2 ORDER BY 1, 2`;
  return { kept, counted };
}

describe('round progress', () => {
  it('follows assignments and codings through every kind of write', async () => {
    // Assignments one by one with codings (the factory), and in bulk.
    const closed = await createRound(ctx.prisma, stageId, {
      number: 1,
      status: 'closed',
      issueIds,
      codings: { [team.coder.id]: [[yes], null, [yes]] },
    });
    const roundId = await createRound(ctx.prisma, stageId, { number: 2, status: 'open', issueIds, codings: {} });
    await ctx.prisma.assignment.createMany({
      data: issueIds.map((issueId, position) => ({ roundId, issueId, coderId: team.coder.id, position })),
    });
    const assignments = await ctx.prisma.assignment.findMany({ where: { roundId }, orderBy: { position: 'asc' } });
    let { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(kept).toContainEqual({ roundId, coderId: team.coder.id, assigned: 6, submitted: 0 });

    // Through the API: a draft, a submit, an edit after submit, back to draft.
    const save = (assignmentId: string, payload: object) =>
      ctx.request(team.coder, {
        method: 'PUT',
        url: `/api/projects/${team.projectId}/assignments/${assignmentId}/coding`,
        payload: { status: 'submitted', codeIds: [yes], memo: '', flagged: false, cannotDecide: false, activeSecondsDelta: 1, ...payload },
      });
    expect((await save(assignments[0]!.id, { baseVersion: 0, status: 'draft' })).statusCode).toBe(200);
    expect((await save(assignments[0]!.id, { baseVersion: 1 })).statusCode).toBe(200);
    expect((await save(assignments[0]!.id, { baseVersion: 2, memo: 'edited' })).statusCode).toBe(200);
    expect((await save(assignments[1]!.id, { baseVersion: 0 })).statusCode).toBe(200);
    expect((await save(assignments[1]!.id, { baseVersion: 1, status: 'draft' })).statusCode).toBe(200);
    expect((await save(assignments[2]!.id, { baseVersion: 0 })).statusCode).toBe(200);
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
    expect(kept).toContainEqual({ roundId, coderId: team.coder.id, assigned: 6, submitted: 2 });

    // The coding screen shows the kept figures.
    const detail = await ctx.request(team.coder, {
      method: 'GET',
      url: `/api/projects/${team.projectId}/assignments/${assignments[3]!.id}`,
    });
    expect(detail.json().progress).toEqual({ total: 6, submitted: 2 });

    // Direct writes: a bulk status change, deleted codings and assignments, a deleted round.
    await ctx.prisma.coding.updateMany({ where: { roundId: closed }, data: { status: 'submitted' } });
    await ctx.prisma.coding.deleteMany({ where: { assignmentId: assignments[2]!.id } });
    await ctx.prisma.assignment.delete({ where: { id: assignments[5]!.id } });
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
    await ctx.prisma.round.delete({ where: { id: closed } });
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
    expect(kept).toEqual([{ roundId, coderId: team.coder.id, assigned: 5, submitted: 1 }]);
  });
});
