// Rounds of a stage: drawing them (issues and coders, seeded), opening, closing and reopening,
// and listing them with progress. Coders only ever get counts of their own assignments.
import { randomBytes } from 'node:crypto';
import type { PrismaClient, Role } from '@concord/db';
import type { CreateRoundBody, Overlap, Round } from '@concord/contracts';
import { badRequest, conflict, notFound } from '../../plugins/errors.ts';
import { planRound } from './round-plan.ts';

/** What `Round.overlap` stores: the overlap chosen and how the sample was drawn. */
interface StoredDesign {
  overlap: Overlap;
  stratifyByRepository: boolean;
}

/** Per coder, the progress kept by the database (RoundProgress): no need to read every assignment. */
const roundInclude = {
  progress: {
    where: { assigned: { gt: 0 } },
    select: { coderId: true, assigned: true, submitted: true, coder: { select: { id: true, name: true } } },
  },
} as const;

export interface RoundDependencies {
  /** The issues of a saved issue set (a round can be drawn from one). */
  issueSetIssueIds(projectId: string, setId: string): Promise<string[]>;
  /** Runs after every close (also of a round already closed, which retries it). */
  onClosed(roundId: string): Promise<unknown>;
}

export function createRoundsService(prisma: PrismaClient, { issueSetIssueIds, onClosed }: RoundDependencies) {
  async function stageOf(projectId: string, stageId: string) {
    const stage = await prisma.stage.findFirst({ where: { id: stageId, projectId }, include: { codebook: { select: { version: true } } } });
    if (!stage) throw notFound('Stage');
    return stage;
  }

  /** The rounds with their coders' progress and how many distinct issues each has. */
  async function withIssueCounts<R extends { id: string }>(rounds: R[]): Promise<(R & { issues: number })[]> {
    const counts = await prisma.$queryRaw<{ roundId: string; issues: number }[]>`
      SELECT "roundId"::text AS "roundId", count(DISTINCT "issueId")::int AS issues FROM "Assignment"
      WHERE "roundId" = ANY(${rounds.map((round) => round.id)}::uuid[]) GROUP BY 1`;
    const issuesOf = new Map(counts.map((row) => [row.roundId, row.issues]));
    return rounds.map((round) => ({ ...round, issues: issuesOf.get(round.id) ?? 0 }));
  }

  async function roundOf(projectId: string, roundId: string) {
    const round = await prisma.round.findFirst({ where: { id: roundId, stage: { projectId } }, include: roundInclude });
    if (!round) throw notFound('Round');
    return (await withIssueCounts([round]))[0]!;
  }

  type RoundRow = Awaited<ReturnType<typeof roundOf>>;

  function toRound(round: RoundRow, viewer: { userId: string; role: Role }): Round {
    const design = round.overlap as unknown as StoredDesign;
    // Blind coding: a coder's progress counts only their own assignments.
    const counted = viewer.role === 'coder' ? round.progress.filter((p) => p.coderId === viewer.userId) : round.progress;
    return {
      id: round.id,
      stageId: round.stageId,
      number: round.number,
      name: round.name,
      status: round.status,
      codebookVersion: round.codebookVersion,
      seed: round.seed,
      overlap: design.overlap,
      stratifyByRepository: design.stratifyByRepository,
      issues: round.issues,
      coders: round.progress.map((p) => p.coder).sort((a, b) => a.name.localeCompare(b.name)),
      progress: {
        assigned: counted.reduce((sum, p) => sum + p.assigned, 0),
        submitted: counted.reduce((sum, p) => sum + p.submitted, 0),
      },
      createdAt: round.createdAt.toISOString(),
      openedAt: round.openedAt?.toISOString() ?? null,
      closedAt: round.closedAt?.toISOString() ?? null,
    };
  }

  /** Issues the stage may code that no round of it has assigned yet. */
  async function unassignedCandidates(stage: Awaited<ReturnType<typeof stageOf>>) {
    const issues = await prisma.issue.findMany({
      where: {
        projectId: stage.projectId,
        assignments: { none: { round: { stageId: stage.id } } },
        // A stage fed by an earlier one takes only issues whose final label there has the code.
        ...(stage.inputStageId && stage.inputCodeId
          ? { finalLabels: { some: { stageId: stage.inputStageId, codes: { some: { codeId: stage.inputCodeId } } } } }
          : {}),
      },
      select: { id: true, repository: { select: { owner: true, name: true } } },
      orderBy: { id: 'asc' },
    });
    return issues.map((issue) => ({ id: issue.id, repository: `${issue.repository.owner}/${issue.repository.name}` }));
  }

  async function chosenCandidates(projectId: string, issueIds: string[]) {
    const issues = await prisma.issue.findMany({
      where: { projectId, id: { in: issueIds } },
      select: { id: true, repository: { select: { owner: true, name: true } } },
    });
    const found = new Set(issues.map((issue) => issue.id));
    const missing = issueIds.filter((id) => !found.has(id));
    if (missing.length)
      throw badRequest('UNKNOWN_ISSUE', `${missing.length} issue(s) are not in this project.`, { issueIds: missing.slice(0, 50) });
    return issues.map((issue) => ({ id: issue.id, repository: `${issue.repository.owner}/${issue.repository.name}` }));
  }

  return {
    async list(projectId: string, stageId: string, viewer: { userId: string; role: Role }): Promise<Round[]> {
      await stageOf(projectId, stageId);
      const rounds = await prisma.round.findMany({ where: { stageId }, include: roundInclude, orderBy: { number: 'asc' } });
      return (await withIssueCounts(rounds)).map((round) => toRound(round, viewer));
    },

    async create(projectId: string, stageId: string, body: CreateRoundBody, viewer: { userId: string; role: Role }): Promise<Round> {
      const stage = await stageOf(projectId, stageId);
      const coders = await prisma.member.findMany({ where: { projectId, userId: { in: body.coderIds } }, select: { userId: true } });
      const strangers = body.coderIds.filter((id) => !coders.some((c) => c.userId === id));
      if (strangers.length) throw badRequest('NOT_A_MEMBER', 'Every coder must be a member of the project.', { userIds: strangers });
      if (body.issueIds && body.issueSetId) throw badRequest('ISSUES_TWICE', 'Give either issueIds or issueSetId, not both.');
      const issueIds = body.issueSetId ? await issueSetIssueIds(projectId, body.issueSetId) : body.issueIds;
      const candidates = issueIds ? await chosenCandidates(projectId, [...new Set(issueIds)]) : await unassignedCandidates(stage);
      if (candidates.length === 0) throw conflict('NO_ISSUES', 'No issue is left to assign in this stage.');
      const seed = body.seed ?? randomBytes(8).toString('hex');
      const stratifyByRepository = body.stratifyByRepository ?? false;
      const plan = planRound({
        candidates,
        coderIds: body.coderIds,
        overlap: body.overlap,
        sampleSize: body.sampleSize,
        stratifyByRepository,
        seed,
      });
      const design: StoredDesign = { overlap: body.overlap, stratifyByRepository };

      const roundId = await prisma.$transaction(async (tx) => {
        // Serialise round creation per stage: numbering, and the check below.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`round-number:${stageId}`}))`;
        if (!issueIds) {
          // Drawn from the issues no round had assigned when the request began: a round created
          // meanwhile may have taken some, and an issue must not land in two rounds unasked.
          const planned = [...new Set(plan.assignments.map((a) => a.issueId))];
          const taken = await tx.assignment.count({ where: { issueId: { in: planned }, round: { stageId } } });
          if (taken > 0)
            throw conflict('ISSUES_TAKEN', 'Another round of this stage assigned some of these issues meanwhile; draw the round again.');
        }
        const last = await tx.round.findFirst({ where: { stageId }, orderBy: { number: 'desc' }, select: { number: true } });
        const number = (last?.number ?? 0) + 1;
        const open = body.open ?? false;
        const round = await tx.round.create({
          data: {
            stageId,
            number,
            name: body.name ?? `Round ${number}`,
            status: open ? 'open' : 'draft',
            codebookVersion: stage.codebook?.version ?? 1,
            seed,
            overlap: design as object,
            openedAt: open ? new Date() : null,
          },
        });
        await tx.assignment.createMany({ data: plan.assignments.map((a) => ({ roundId: round.id, ...a })) });
        return round.id;
      });
      return toRound(await roundOf(projectId, roundId), viewer);
    },

    /** Open a draft, close an open round (which unblinds it), or reopen a closed one. */
    async setStatus(projectId: string, roundId: string, status: 'open' | 'closed', viewer: { userId: string; role: Role }): Promise<Round> {
      const round = await roundOf(projectId, roundId);
      if (round.status !== status) {
        if (status === 'closed' && round.status === 'draft')
          throw conflict('ROUND_NOT_OPEN', 'A round that was never opened cannot be closed.');
        await prisma.round.update({
          where: { id: roundId },
          data: status === 'open' ? { status, openedAt: new Date(), closedAt: null } : { status, closedAt: new Date() },
        });
      }
      if (status === 'closed') await onClosed(roundId);
      return toRound(await roundOf(projectId, roundId), viewer);
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
