// The coding screen's data: a coder's open rounds and queue, one assignment with its issue and
// codebook, and saving a coding. Blind coding: every read returns the caller's own assignments
// and codings only. Saves are versioned: a save based on an older version is refused (409),
// and replaying the save that produced the current version is answered as a success.
import { Prisma, type PrismaClient } from '@concord/db';
import type { AssignmentDetail, CodingState, MyQueue, MyRound, RoundRef, SaveCodingBody } from '@concord/contracts';
import { treeOrder } from '../../lib/code-tree.ts';
import { AppError, badRequest, conflict, notFound } from '../../plugins/errors.ts';

const notAssigned = () => new AppError(403, 'NOT_ASSIGNED', 'This issue is assigned to another coder.');

const roundRefSelect = {
  id: true,
  number: true,
  name: true,
  status: true,
  codebookVersion: true,
  stage: { select: { id: true, name: true, mode: true, parentCodesCodable: true } },
} as const;

type CodingRow = Prisma.CodingGetPayload<{ include: { codes: { select: { codeId: true } } } }>;

function toCodingState(coding: CodingRow): CodingState {
  return {
    id: coding.id,
    version: coding.version,
    status: coding.status,
    codeIds: coding.codes.map((c) => c.codeId).sort(),
    memo: coding.memo,
    flagged: coding.flagged,
    cannotDecide: coding.cannotDecide,
    activeSeconds: coding.activeSeconds,
    issueContentVersion: coding.issueContentVersion,
    submittedAt: coding.submittedAt?.toISOString() ?? null,
    updatedAt: coding.updatedAt.toISOString(),
  };
}

/** Whether `body` asks for exactly what `current` already holds (a replayed save). */
function sameContent(current: CodingState, body: SaveCodingBody, codeIds: string[]): boolean {
  return (
    current.status === body.status &&
    current.memo === body.memo &&
    current.flagged === body.flagged &&
    current.cannotDecide === body.cannotDecide &&
    current.codeIds.join() === [...codeIds].sort().join()
  );
}

export function createCodingService(prisma: PrismaClient) {
  async function ownAssignment(projectId: string, assignmentId: string, userId: string) {
    const assignment = await prisma.assignment.findFirst({
      where: { id: assignmentId, round: { stage: { projectId } } },
      include: { round: { select: roundRefSelect }, coding: { include: { codes: { select: { codeId: true } } } } },
    });
    if (!assignment) throw notFound('Assignment');
    if (assignment.coderId !== userId) throw notAssigned();
    return assignment;
  }

  async function progressOf(roundId: string, coderId: string) {
    const [total, submitted] = await Promise.all([
      prisma.assignment.count({ where: { roundId, coderId } }),
      prisma.assignment.count({ where: { roundId, coderId, coding: { status: 'submitted' } } }),
    ]);
    return { total, submitted };
  }

  /** The codes a coding may use: the stage's, not retired, and leaves unless parents are codable. */
  async function validCodeIds(stage: RoundRef['stage'], codeIds: string[], status: SaveCodingBody['status'], cannotDecide: boolean) {
    const unique = [...new Set(codeIds)];
    const codes = await prisma.code.findMany({
      where: { id: { in: unique }, codebook: { stageId: stage.id } },
      select: { id: true, name: true, retiredAt: true, _count: { select: { children: true } } },
    });
    const unknown = unique.filter((id) => !codes.some((code) => code.id === id));
    if (unknown.length)
      throw badRequest('UNKNOWN_CODE', `Not a code of the ${stage.name} codebook: ${unknown.join(', ')}.`, { codeIds: unknown });
    const retired = codes.filter((code) => code.retiredAt);
    if (retired.length)
      throw badRequest('RETIRED_CODE', `Retired code(s): ${retired.map((c) => c.name).join(', ')}.`, { codeIds: retired.map((c) => c.id) });
    const parents = stage.parentCodesCodable ? [] : codes.filter((code) => code._count.children > 0);
    if (parents.length) {
      throw badRequest(
        'PARENT_NOT_CODABLE',
        `Only leaf codes can be applied in ${stage.name}: ${parents.map((c) => c.name).join(', ')} has sub-codes.`,
      );
    }
    if (stage.mode === 'single' && unique.length > 1) throw badRequest('SINGLE_CHOICE', `${stage.name} takes exactly one code per issue.`);
    if (status === 'submitted' && unique.length === 0 && !cannotDecide) {
      throw badRequest('NO_CODE', 'Choose a code, or mark the issue "cannot decide", before submitting.');
    }
    return unique;
  }

  return {
    async myRounds(projectId: string, userId: string): Promise<MyRound[]> {
      const rounds = await prisma.round.findMany({
        where: { status: 'open', stage: { projectId }, assignments: { some: { coderId: userId } } },
        select: {
          ...roundRefSelect,
          assignments: {
            where: { coderId: userId },
            orderBy: { position: 'asc' },
            select: { id: true, coding: { select: { status: true } } },
          },
        },
        orderBy: [{ stage: { position: 'asc' } }, { number: 'asc' }],
      });
      return rounds.map(({ assignments, ...round }) => ({
        round,
        progress: { total: assignments.length, submitted: assignments.filter((a) => a.coding?.status === 'submitted').length },
        nextAssignmentId: assignments.find((a) => a.coding?.status !== 'submitted')?.id ?? null,
      }));
    },

    async queue(projectId: string, roundId: string, userId: string): Promise<MyQueue> {
      const round = await prisma.round.findFirst({ where: { id: roundId, stage: { projectId } }, select: roundRefSelect });
      if (!round) throw notFound('Round');
      const assignments = await prisma.assignment.findMany({
        where: { roundId, coderId: userId },
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          coding: { select: { status: true } },
          issue: { select: { id: true, number: true, title: true, repository: { select: { owner: true, name: true } } } },
        },
      });
      const items = assignments.map((a) => ({
        assignmentId: a.id,
        issueId: a.issue.id,
        position: a.position,
        repository: `${a.issue.repository.owner}/${a.issue.repository.name}`,
        number: a.issue.number,
        title: a.issue.title,
        status: a.coding?.status ?? ('todo' as const),
      }));
      return { round, items, progress: { total: items.length, submitted: items.filter((i) => i.status === 'submitted').length } };
    },

    async assignment(projectId: string, assignmentId: string, userId: string): Promise<AssignmentDetail> {
      const assignment = await ownAssignment(projectId, assignmentId, userId);
      const [issue, codes, previous, next, progress] = await Promise.all([
        prisma.issue.findUniqueOrThrow({
          where: { id: assignment.issueId },
          include: { repository: { select: { owner: true, name: true } }, comments: { orderBy: { createdAt: 'asc' } } },
        }),
        prisma.code.findMany({
          where: { codebook: { stageId: assignment.round.stage.id }, retiredAt: null },
          select: {
            id: true,
            parentId: true,
            name: true,
            definition: true,
            includeCriteria: true,
            excludeCriteria: true,
            color: true,
            shortcut: true,
            position: true,
            _count: { select: { children: { where: { retiredAt: null } } } },
          },
        }),
        prisma.assignment.findFirst({
          where: { roundId: assignment.roundId, coderId: userId, position: { lt: assignment.position } },
          orderBy: { position: 'desc' },
          select: { id: true },
        }),
        prisma.assignment.findFirst({
          where: { roundId: assignment.roundId, coderId: userId, position: { gt: assignment.position } },
          orderBy: { position: 'asc' },
          select: { id: true },
        }),
        progressOf(assignment.roundId, userId),
      ]);
      return {
        assignmentId: assignment.id,
        position: assignment.position,
        round: assignment.round,
        issue: {
          id: issue.id,
          repository: `${issue.repository.owner}/${issue.repository.name}`,
          number: issue.number,
          title: issue.title,
          body: issue.body,
          state: issue.state,
          stateReason: issue.stateReason,
          labels: issue.labels,
          author: issue.authorLogin,
          authorAssociation: issue.authorAssociation,
          createdAt: issue.createdAt.toISOString(),
          closedAt: issue.closedAt?.toISOString() ?? null,
          url: issue.url,
          isPullRequest: issue.isPullRequest,
          contentVersion: issue.contentVersion,
          comments: issue.comments.map((c) => ({
            id: c.id,
            author: c.authorLogin,
            authorAssociation: c.authorAssociation,
            body: c.body,
            createdAt: c.createdAt.toISOString(),
          })),
        },
        codes: treeOrder(codes).map(({ _count, ...code }) => ({
          ...code,
          codable: assignment.round.stage.parentCodesCodable || _count.children === 0,
        })),
        coding: assignment.coding ? toCodingState(assignment.coding) : null,
        previousAssignmentId: previous?.id ?? null,
        nextAssignmentId: next?.id ?? null,
        progress,
      };
    },

    async save(projectId: string, assignmentId: string, userId: string, body: SaveCodingBody): Promise<CodingState> {
      const assignment = await ownAssignment(projectId, assignmentId, userId);
      const { round } = assignment;
      if (round.status !== 'open') {
        throw conflict(
          round.status === 'closed' ? 'ROUND_CLOSED' : 'ROUND_NOT_OPEN',
          `Round "${round.name}" is ${round.status}: codings can be changed only while it is open.`,
        );
      }
      const codeIds = await validCodeIds(round.stage, body.codeIds, body.status, body.cannotDecide);
      const include = { codes: { select: { codeId: true } } } as const;
      const content = {
        status: body.status,
        memo: body.memo,
        flagged: body.flagged,
        cannotDecide: body.cannotDecide,
        ...(body.status === 'submitted' ? { submittedAt: new Date() } : {}),
      };

      const write = () =>
        prisma.$transaction(async (tx) => {
          const current = await tx.coding.findUnique({ where: { assignmentId }, include });
          const currentVersion = current?.version ?? 0;
          if (body.baseVersion !== currentVersion) {
            const state = current ? toCodingState(current) : null;
            // The save that made the current version, sent again (double click, retry): same answer.
            if (state && body.baseVersion === currentVersion - 1 && sameContent(state, body, codeIds)) return current!;
            throw conflict('STALE_VERSION', 'This coding was changed elsewhere (another tab?); here is the current version.', {
              current: state,
            });
          }
          const issue = await tx.issue.findUniqueOrThrow({ where: { id: assignment.issueId }, select: { contentVersion: true } });
          const coding = current
            ? await tx.coding.update({
                // The version in the condition makes concurrent saves on one base version conflict.
                where: { id: current.id, version: currentVersion },
                data: {
                  ...content,
                  version: { increment: 1 },
                  activeSeconds: { increment: body.activeSecondsDelta },
                  issueContentVersion: issue.contentVersion,
                },
                include,
              })
            : await tx.coding.create({
                data: {
                  ...content,
                  assignmentId,
                  stageId: round.stage.id,
                  issueId: assignment.issueId,
                  coderId: userId,
                  activeSeconds: body.activeSecondsDelta,
                  issueContentVersion: issue.contentVersion,
                },
                include,
              });
          await tx.codingCode.deleteMany({ where: { codingId: coding.id } });
          await tx.codingCode.createMany({ data: codeIds.map((codeId) => ({ codingId: coding.id, codeId })) });
          // Every submitted version is kept; drafts are autosaves and would flood the history.
          if (body.status === 'submitted')
            await tx.codingRevision.create({
              data: { codingId: coding.id, version: coding.version, status: body.status, codeIds, memo: body.memo },
            });
          return { ...coding, codes: codeIds.map((codeId) => ({ codeId })) };
        });
      try {
        return toCodingState(await write());
      } catch (error) {
        // A concurrent save won the race (a duplicate first save, or an update of the same
        // version): decide again against what it wrote, idempotent replay or 409.
        if (error instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2025'].includes(error.code))
          return toCodingState(await write());
        throw error;
      }
    },
  };
}
