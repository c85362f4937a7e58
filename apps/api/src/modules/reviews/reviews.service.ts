// Review of a stage: the queue of issues where coders differ, one issue side by side, leads'
// versioned decisions (a stale version gets 409 with the current one), reopening, and the
// automatic final label of the issues every coder agreed on, written when a round closes.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient, type Role } from '@concord/db';
import type pg from 'pg';
import type {
  DecisionBody,
  FinalLabelState,
  ReopenBody,
  ReviewIssue,
  ReviewQueue,
  ReviewQueueItem,
  ReviewQueueQuery,
} from '@concord/contracts';
import { treeOrder } from '../../lib/code-tree.ts';
import { checkCodeIds } from '../../lib/code-rules.ts';
import { badRequest, conflict, notFound } from '../../plugins/errors.ts';
import type { CodingService } from '../coding/coding.service.ts';
import { assertUnblinded, roundsOfIssue, stageWithCodes } from './review-access.ts';
import {
  coderLetters,
  consensus,
  byText,
  loadIssueCodings,
  loadIssueKeys,
  loadLabels,
  loadMessageCounts,
  reviewState,
  sameCodes,
  type IssueCodings,
  type LabelRow,
} from './review-data.ts';

type Tx = Prisma.TransactionClient;

const LABEL_INCLUDE = {
  codes: { select: { codeId: true } },
  round: { select: { number: true } },
  revisions: { orderBy: { version: 'desc' }, include: { decidedBy: { select: { id: true, name: true } } } },
} as const satisfies Prisma.FinalLabelInclude;
type LabelWithHistory = Prisma.FinalLabelGetPayload<{ include: typeof LABEL_INCLUDE }>;

export function toLabelState(label: LabelWithHistory): FinalLabelState {
  return {
    version: label.version,
    codeIds: label.codes.map((c) => c.codeId).sort(),
    agreed: label.agreed,
    reopened: label.reopened,
    roundNumber: label.round?.number ?? null,
    updatedAt: label.updatedAt.toISOString(),
    revisions: label.revisions.map((revision) => ({
      version: revision.version,
      kind: revision.kind as FinalLabelState['revisions'][number]['kind'],
      codeIds: revision.codeIds,
      rationale: revision.rationale,
      decidedBy: revision.decidedBy,
      createdAt: revision.createdAt.toISOString(),
    })),
  };
}

function matchesQuery(entry: IssueCodings, item: { status: string; flagged: boolean }, query: ReviewQueueQuery): boolean {
  if (query.status && query.status !== 'all' && item.status !== query.status) return false;
  if (query.flagged && !item.flagged) return false;
  const submitted = entry.codings.filter((c) => c.status === 'submitted');
  if (query.code && !submitted.some((c) => c.codeIds.includes(query.code!))) return false;
  if (query.coderA && query.coderB) {
    const a = submitted.find((c) => c.coderId === query.coderA);
    const b = submitted.find((c) => c.coderId === query.coderB);
    if (!a || !b || sameCodes(a.codeIds, b.codeIds)) return false;
  }
  if (query.codeA && query.codeB) {
    // One coder chose A without B, another B without A: the pair the analytics counts as confused.
    const chose = (c: { codeIds: string[] }, x: string, y: string) => c.codeIds.includes(x) && !c.codeIds.includes(y);
    if (!submitted.some((c) => chose(c, query.codeA!, query.codeB!)) || !submitted.some((c) => chose(c, query.codeB!, query.codeA!)))
      return false;
  }
  return true;
}

export function createReviewsService(prisma: PrismaClient, pool: pg.Pool, coding: CodingService) {
  async function stageRounds(projectId: string, stageId: string, roundNumber: number | undefined) {
    const stage = await prisma.stage.findFirst({
      where: { id: stageId, projectId },
      select: { id: true, name: true, mode: true, rounds: { orderBy: { number: 'asc' } } },
    });
    if (!stage) throw notFound('Stage');
    if (roundNumber !== undefined && !stage.rounds.some((r) => r.number === roundNumber)) throw notFound(`Round ${roundNumber}`);
    const rounds = roundNumber === undefined ? stage.rounds : stage.rounds.filter((r) => r.number === roundNumber);
    return { stage, rounds };
  }

  async function labelWithHistory(db: Tx | PrismaClient, stageId: string, issueId: string): Promise<FinalLabelState | null> {
    const label = await db.finalLabel.findUnique({ where: { stageId_issueId: { stageId, issueId } }, include: LABEL_INCLUDE });
    return label ? toLabelState(label) : null;
  }

  /** The latest round of the stage that drew the issue, for the label's roundId. */
  async function latestRoundId(stageId: string, issueId: string): Promise<string> {
    const rounds = await roundsOfIssue(prisma, stageId, issueId);
    return rounds.at(-1)!.id;
  }

  const stale = (current: FinalLabelState | null) =>
    conflict('STALE_VERSION', 'Someone else decided this issue meanwhile; here is the current final label.', { current });

  /** Locks the issue's final label row (if any) for the rest of the transaction. */
  async function lockedLabel(tx: Tx, stageId: string, issueId: string) {
    const rows = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT id, version FROM "FinalLabel" WHERE "stageId" = ${stageId}::uuid AND "issueId" = ${issueId}::uuid FOR UPDATE`;
    return rows[0];
  }

  async function writeCodes(tx: Tx, finalLabelId: string, codeIds: string[]) {
    await tx.finalLabelCode.deleteMany({ where: { finalLabelId } });
    await tx.finalLabelCode.createMany({ data: codeIds.map((codeId) => ({ finalLabelId, codeId })) });
  }

  return {
    async queue(projectId: string, stageId: string, query: ReviewQueueQuery): Promise<ReviewQueue> {
      const { rounds } = await stageRounds(projectId, stageId, query.round);
      const [byIssue, keys, labels, messages] = await Promise.all([
        loadIssueCodings(pool, rounds),
        loadIssueKeys(pool, rounds),
        loadLabels(pool, stageId),
        loadMessageCounts(pool, stageId),
      ]);
      const counts = { pending: 0, decided: 0, agreed: 0, all: 0 };
      const matching: Omit<ReviewQueueItem, 'title'>[] = [];
      const coderIds = new Set<string>();
      const status = query.status ?? 'pending';
      for (const entry of byIssue.values()) {
        const label = labels.get(entry.issueId);
        const state = reviewState(entry, label);
        if (!state) continue;
        for (const c of entry.codings) coderIds.add(c.coderId);
        counts[state.status] += 1;
        counts.all += 1;
        const item = {
          issueId: entry.issueId,
          ...keys.get(entry.issueId)!,
          round: entry.round,
          status: state.status,
          reason: state.reason,
          flagged: entry.codings.some((c) => c.flagged),
          codings: entry.codings,
          finalCodeIds: label?.codeIds ?? null,
          messages: messages.get(entry.issueId) ?? 0,
        };
        if (matchesQuery(entry, item, { ...query, status })) matching.push(item);
      }
      matching.sort((a, b) => a.round - b.round || byText(a.repository, b.repository) || a.number - b.number);
      const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const [titles, coders] = await Promise.all([
        prisma.issue.findMany({ where: { id: { in: page.map((m) => m.issueId) } }, select: { id: true, title: true } }),
        prisma.user.findMany({ where: { id: { in: [...coderIds] } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
      ]);
      const titleOf = new Map(titles.map((issue) => [issue.id, issue.title]));
      return {
        counts,
        total: matching.length,
        page: query.page,
        pageSize: query.pageSize,
        coders,
        items: page.map((item) => ({ ...item, title: titleOf.get(item.issueId)! })),
      };
    },

    async issue(projectId: string, stageId: string, issueId: string, role: Role, anonymous: boolean): Promise<ReviewIssue> {
      const stage = await stageWithCodes(prisma, projectId, stageId);
      const rounds = await roundsOfIssue(prisma, stageId, issueId);
      assertUnblinded(rounds, role);
      const assignments = await prisma.assignment.findMany({
        where: { issueId, round: { stageId } },
        include: {
          round: { select: { number: true } },
          coder: { select: { id: true, name: true } },
          coding: { include: { codes: { select: { codeId: true } } } },
        },
        orderBy: [{ round: { number: 'desc' } }, { coderId: 'asc' }],
      });
      const letters = coderLetters(assignments.map((a) => a.coderId));
      const codes = stage.codebook?.codes ?? [];
      return {
        stage: { id: stage.id, name: stage.name, mode: stage.mode, parentCodesCodable: stage.parentCodesCodable },
        issue: await coding.issueDetail(issueId),
        rounds: rounds.map(({ id, number, name, status }) => ({ id, number, name, status })),
        codes: treeOrder(codes).map((code) => ({
          id: code.id,
          parentId: code.parentId,
          name: code.name,
          definition: code.definition,
          includeCriteria: code.includeCriteria,
          excludeCriteria: code.excludeCriteria,
          color: code.color,
          shortcut: code.shortcut,
          position: code.position,
          retired: code.retiredAt !== null,
          codable: stage.parentCodesCodable || !code.children.some((child) => !child.retiredAt),
        })),
        codings: assignments.map((a) => {
          const submitted = a.coding?.status === 'submitted';
          return {
            label: letters.get(a.coderId)!,
            coder: anonymous ? null : a.coder,
            round: a.round.number,
            status: a.coding?.status ?? 'todo',
            // Drafts are work in progress: only what a coder submitted is compared.
            codeIds: submitted ? a.coding!.codes.map((c) => c.codeId).sort() : [],
            memo: submitted ? a.coding!.memo : '',
            flagged: a.coding?.flagged ?? false,
            cannotDecide: submitted ? a.coding!.cannotDecide : false,
            submittedAt: a.coding?.submittedAt?.toISOString() ?? null,
          };
        }),
        finalLabel: await labelWithHistory(prisma, stageId, issueId),
        anonymous,
        canDecide: role !== 'coder',
      };
    },

    async decide(projectId: string, stageId: string, issueId: string, userId: string, body: DecisionBody): Promise<FinalLabelState> {
      const stage = await prisma.stage.findFirst({ where: { id: stageId, projectId }, select: { id: true } });
      if (!stage) throw notFound('Stage');
      const rules = await coding.stageRules(stageId);
      const codeIds = checkCodeIds(rules.stage, rules.byId, body.codeIds);
      const roundId = await latestRoundId(stageId, issueId);
      try {
        return await prisma.$transaction(async (tx) => {
          const current = await lockedLabel(tx, stageId, issueId);
          if (!current) {
            if (body.baseVersion !== 0) throw stale(null);
            const id = randomUUID();
            await tx.finalLabel.create({ data: { id, stageId, issueId, roundId, version: 1, agreed: false } });
            await writeCodes(tx, id, codeIds);
            await tx.finalLabelRevision.create({
              data: { finalLabelId: id, version: 1, kind: 'decision', codeIds, rationale: body.rationale, decidedById: userId },
            });
            return (await labelWithHistory(tx, stageId, issueId))!;
          }
          if (current.version !== body.baseVersion) {
            const latest = (await labelWithHistory(tx, stageId, issueId))!;
            const last = latest.revisions[0];
            // The decision that made the current version, sent again (double click, retry): same answer.
            const replay =
              last?.kind === 'decision' &&
              body.baseVersion === latest.version - 1 &&
              last.decidedBy?.id === userId &&
              last.rationale === body.rationale &&
              sameCodes(last.codeIds, codeIds);
            if (replay) return latest;
            throw stale(latest);
          }
          const version = current.version + 1;
          await tx.finalLabel.update({ where: { id: current.id }, data: { version, agreed: false, reopened: false } });
          await writeCodes(tx, current.id, codeIds);
          await tx.finalLabelRevision.create({
            data: { finalLabelId: current.id, version, kind: 'decision', codeIds, rationale: body.rationale, decidedById: userId },
          });
          return (await labelWithHistory(tx, stageId, issueId))!;
        });
      } catch (error) {
        // Two first decisions at once: the second insert meets the unique (stage, issue) key.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw stale(await labelWithHistory(prisma, stageId, issueId));
        }
        throw error;
      }
    },

    async reopen(projectId: string, stageId: string, issueId: string, userId: string, body: ReopenBody): Promise<FinalLabelState> {
      const stage = await prisma.stage.findFirst({ where: { id: stageId, projectId }, select: { id: true } });
      if (!stage) throw notFound('Stage');
      return prisma.$transaction(async (tx) => {
        const current = await lockedLabel(tx, stageId, issueId);
        if (!current) throw badRequest('NOT_FINALISED', 'This issue has no final label yet: there is nothing to reopen.');
        const latest = (await labelWithHistory(tx, stageId, issueId))!;
        if (current.version !== body.baseVersion) throw stale(latest);
        if (latest.reopened) throw conflict('ALREADY_REOPENED', 'This issue is already reopened for discussion.', { current: latest });
        const version = current.version + 1;
        await tx.finalLabel.update({ where: { id: current.id }, data: { version, reopened: true } });
        await tx.finalLabelRevision.create({
          data: { finalLabelId: current.id, version, kind: 'reopen', codeIds: latest.codeIds, rationale: body.reason, decidedById: userId },
        });
        return (await labelWithHistory(tx, stageId, issueId))!;
      });
    },

    /**
     * Final labels for a closed round's issues on which every coder agreed. Run on every close, so
     * after a reopen an automatic label follows the coders: updated when they now agree on other
     * codes, reopened when they no longer agree. Leads' decisions are never touched.
     */
    async finaliseRound(roundId: string): Promise<{ created: number; updated: number; reopened: number }> {
      const round = await prisma.round.findUniqueOrThrow({
        where: { id: roundId },
        select: { id: true, stageId: true, number: true, status: true },
      });
      if (round.status !== 'closed') return { created: 0, updated: 0, reopened: 0 };
      const [byIssue, labels] = await Promise.all([loadIssueCodings(pool, [round]), loadLabels(pool, round.stageId)]);
      const create: { id: string; issueId: string; codeIds: string[] }[] = [];
      const update: { label: LabelRow; codeIds: string[] }[] = [];
      const reopen: LabelRow[] = [];
      for (const entry of byIssue.values()) {
        if (entry.round !== round.number) continue;
        const agreedCodes = consensus(entry.codings);
        const label = labels.get(entry.issueId);
        if (agreedCodes && !label) create.push({ id: randomUUID(), issueId: entry.issueId, codeIds: agreedCodes });
        else if (agreedCodes && label?.agreed && !sameCodes(label.codeIds, agreedCodes)) update.push({ label, codeIds: agreedCodes });
        else if (!agreedCodes && label?.agreed && !label.reopened) reopen.push(label);
      }
      let created = 0;
      let updated = 0;
      let reopened = 0;
      await prisma.$transaction(
        async (tx) => {
          // One statement for thousands of labels, their codes and first revisions; a label a lead
          // created meanwhile wins (ON CONFLICT), and its codes and revision are skipped with it.
          const codes = create.flatMap(({ id, codeIds }) => codeIds.map((codeId) => [id, codeId] as const));
          created = await tx.$executeRaw`
            WITH created AS (
              INSERT INTO "FinalLabel" (id, "stageId", "issueId", "roundId", version, agreed, "updatedAt")
              SELECT id, ${round.stageId}::uuid, "issueId", ${roundId}::uuid, 1, true, now()
              FROM unnest(${create.map((c) => c.id)}::uuid[], ${create.map((c) => c.issueId)}::uuid[]) AS input(id, "issueId")
              ON CONFLICT ("stageId", "issueId") DO NOTHING
              RETURNING id
            ), codes AS (
              SELECT c.id, c."codeId" FROM unnest(${codes.map((c) => c[0])}::uuid[], ${codes.map((c) => c[1])}::uuid[]) AS c(id, "codeId")
              JOIN created USING (id)
            ), written AS (
              INSERT INTO "FinalLabelCode" ("finalLabelId", "codeId") SELECT id, "codeId" FROM codes
            )
            INSERT INTO "FinalLabelRevision" (id, "finalLabelId", version, kind, "codeIds", rationale)
            SELECT gen_random_uuid(), id, 1, 'agreed', array_agg("codeId"::text ORDER BY "codeId"), 'Every coder chose these codes.'
            FROM codes GROUP BY id`;
          // Only a label still automatic and as read changes: a lead who decided it meanwhile wins.
          for (const { label, codeIds } of update) {
            const [row] = await tx.$queryRaw<{ id: string; version: number }[]>`
              UPDATE "FinalLabel" SET version = version + 1, "roundId" = ${roundId}::uuid, "updatedAt" = now()
              WHERE "stageId" = ${round.stageId}::uuid AND "issueId" = ${label.issueId}::uuid AND version = ${label.version} AND agreed
              RETURNING id, version`;
            if (!row) continue;
            updated += 1;
            await writeCodes(tx, row.id, codeIds);
            await tx.finalLabelRevision.create({
              data: {
                finalLabelId: row.id,
                version: row.version,
                kind: 'agreed',
                codeIds,
                rationale: 'The coders agree on other codes after the round was reopened.',
              },
            });
          }
          for (const label of reopen) {
            const [row] = await tx.$queryRaw<{ id: string; version: number }[]>`
              UPDATE "FinalLabel" SET version = version + 1, agreed = false, reopened = true, "updatedAt" = now()
              WHERE "stageId" = ${round.stageId}::uuid AND "issueId" = ${label.issueId}::uuid AND version = ${label.version} AND agreed
              RETURNING id, version`;
            if (!row) continue;
            reopened += 1;
            await tx.finalLabelRevision.create({
              data: {
                finalLabelId: row.id,
                version: row.version,
                kind: 'reopen',
                codeIds: label.codeIds,
                rationale: 'The coders no longer agree after the round was reopened.',
              },
            });
          }
        },
        { timeout: 60_000 },
      );
      return { created, updated, reopened };
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
