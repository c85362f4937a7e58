// What the disagreements teach: the code pairs most often confused, how often each coder's choice
// became final, how often discussion changed a final label, the time to resolve, the
// disagreement rate per round; and each coder's calibration view of a closed round.
import { quantileSorted } from '@concord/statistics';
import type { PrismaClient } from '@concord/db';
import type pg from 'pg';
import type { Calibration, ReviewAnalytics } from '@concord/contracts';
import { notFound } from '../../plugins/errors.ts';
import { roundStillOpen } from './review-access.ts';
import {
  byText,
  confusedPairs,
  loadIssueCodings,
  loadIssueKeys,
  loadLabels,
  loadMessageCounts,
  reviewState,
  sameCodes,
  submittedDiffer,
} from './review-data.ts';

const TOP_PAIRS = 20;
const HOUR_MS = 3_600_000;

const median = (values: number[]): number | null =>
  quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );

export function createReviewAnalytics(prisma: PrismaClient, pool: pg.Pool) {
  async function stageWithRounds(projectId: string, stageId: string) {
    const stage = await prisma.stage.findFirst({
      where: { id: stageId, projectId },
      select: { id: true, rounds: { orderBy: { number: 'asc' } }, codebook: { select: { codes: { select: { id: true, name: true } } } } },
    });
    if (!stage) throw notFound('Stage');
    return stage;
  }

  /**
   * Per issue, the time of a lead's first decision; and for discussed issues, the final codes in
   * force when the discussion began (none when it began before any label).
   */
  async function history(stageId: string) {
    const [decisions, discussed] = await Promise.all([
      pool.query<[string, number]>({
        text: `SELECT f."issueId", (extract(epoch FROM min(r."createdAt")) * 1000)::float8
               FROM "FinalLabelRevision" r JOIN "FinalLabel" f ON f.id = r."finalLabelId"
               WHERE f."stageId" = $1 AND r.kind = 'decision' GROUP BY f."issueId"`,
        values: [stageId],
        rowMode: 'array',
      }),
      pool.query<[string, string[]]>({
        text: `SELECT m."issueId", before."codeIds"
               FROM (SELECT "issueId", min("createdAt") AS started FROM "DiscussionMessage" WHERE "stageId" = $1 GROUP BY "issueId") m
               JOIN "FinalLabel" f ON f."stageId" = $1 AND f."issueId" = m."issueId"
               JOIN LATERAL (SELECT r."codeIds" FROM "FinalLabelRevision" r WHERE r."finalLabelId" = f.id AND r."createdAt" < m.started
                             ORDER BY r.version DESC LIMIT 1) before ON true`,
        values: [stageId],
        rowMode: 'array',
      }),
    ]);
    return { firstDecision: new Map(decisions.rows), codesWhenDiscussed: new Map(discussed.rows) };
  }

  return {
    async analytics(projectId: string, stageId: string, roundNumber: number | undefined): Promise<ReviewAnalytics> {
      const stage = await stageWithRounds(projectId, stageId);
      if (roundNumber !== undefined && !stage.rounds.some((r) => r.number === roundNumber)) throw notFound(`Round ${roundNumber}`);
      const rounds = roundNumber === undefined ? stage.rounds : stage.rounds.filter((r) => r.number === roundNumber);
      const [byIssue, labels, { firstDecision, codesWhenDiscussed }] = await Promise.all([
        loadIssueCodings(pool, rounds),
        loadLabels(pool, stageId),
        history(stageId),
      ]);
      const closedAt = new Map(rounds.map((r) => [r.number, r.closedAt?.getTime() ?? null]));
      const pairCounts = new Map<string, number>();
      const coderStats = new Map<string, { finalised: number; matched: number; disputed: number; disputedMatched: number }>();
      const perRound = new Map(rounds.map((r) => [r.number, { compared: 0, disagreements: 0, pending: 0 }]));
      const resolveHours: number[] = [];
      let discussed = 0;
      let changed = 0;

      for (const entry of byIssue.values()) {
        const label = labels.get(entry.issueId);
        const submitted = entry.codings.filter((c) => c.status === 'submitted');
        const disputed = submittedDiffer(entry.codings);
        const roundStats = perRound.get(entry.round)!;
        if (submitted.length >= 2) roundStats.compared += 1;
        if (disputed) roundStats.disagreements += 1;
        if (reviewState(entry, label)?.status === 'pending') roundStats.pending += 1;
        for (const [a, b] of confusedPairs(entry.codings)) pairCounts.set(`${a}|${b}`, (pairCounts.get(`${a}|${b}`) ?? 0) + 1);

        if (label && !label.reopened) {
          for (const c of submitted) {
            const stats = coderStats.get(c.coderId) ?? { finalised: 0, matched: 0, disputed: 0, disputedMatched: 0 };
            const matched = sameCodes(c.codeIds, label.codeIds) ? 1 : 0;
            stats.finalised += 1;
            stats.matched += matched;
            if (disputed) {
              stats.disputed += 1;
              stats.disputedMatched += matched;
            }
            coderStats.set(c.coderId, stats);
          }
        }

        // Time to resolve: from the round's close to the lead's first decision (live decisions have no close to count from).
        const decidedAt = firstDecision.get(entry.issueId);
        const since = closedAt.get(entry.round);
        if (decidedAt !== undefined && since) resolveHours.push(Math.max(0, decidedAt - since) / HOUR_MS);

        const before = codesWhenDiscussed.get(entry.issueId);
        if (before && label) {
          discussed += 1;
          if (!sameCodes([...before].sort(), label.codeIds)) changed += 1;
        }
      }

      const codeName = new Map((stage.codebook?.codes ?? []).map((c) => [c.id, c.name]));
      const named = (id: string) => ({ id, name: codeName.get(id) ?? 'unknown code' });
      const users = await prisma.user.findMany({ where: { id: { in: [...coderStats.keys()] } }, select: { id: true, name: true } });
      return {
        round: roundNumber ?? null,
        confusedPairs: [...pairCounts.entries()]
          .sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))
          .slice(0, TOP_PAIRS)
          .map(([key, count]) => {
            const [a, b] = key.split('|') as [string, string];
            return { codeA: named(a), codeB: named(b), count };
          }),
        coders: users.map((coder) => ({ coder, ...coderStats.get(coder.id)! })).sort((a, b) => a.coder.name.localeCompare(b.coder.name)),
        discussion: { discussed, changed },
        timeToResolve: {
          resolved: resolveHours.length,
          medianHours: median(resolveHours),
          meanHours: resolveHours.length ? resolveHours.reduce((sum, h) => sum + h, 0) / resolveHours.length : null,
        },
        perRound: rounds.map((r) => ({ number: r.number, name: r.name, status: r.status, ...perRound.get(r.number)! })),
      };
    },

    /** Where I differed from another coder or from the final label, in the closed rounds of a stage. */
    async calibration(projectId: string, stageId: string, userId: string, roundNumber: number | undefined): Promise<Calibration> {
      const stage = await stageWithRounds(projectId, stageId);
      const closed = stage.rounds.filter((r) => r.status === 'closed');
      if (roundNumber !== undefined) {
        const round = stage.rounds.find((r) => r.number === roundNumber);
        if (!round) throw notFound(`Round ${roundNumber}`);
        if (round.status !== 'closed') throw roundStillOpen();
      }
      const rounds = roundNumber === undefined ? closed : closed.filter((r) => r.number === roundNumber);
      const [byIssue, keys, labels, messages, stillOpen] = await Promise.all([
        loadIssueCodings(pool, rounds),
        loadIssueKeys(pool, rounds),
        loadLabels(pool, stageId),
        loadMessageCounts(pool, stageId),
        // An issue drawn again by a round not closed yet stays blind, closed rounds or not.
        prisma.assignment.findMany({
          where: { round: { stageId, status: { not: 'closed' } } },
          select: { issueId: true },
          distinct: ['issueId'],
        }),
      ]);
      const blind = new Set(stillOpen.map((a) => a.issueId));
      let compared = 0;
      const items: Omit<Calibration['items'][number], 'title'>[] = [];
      const otherCoders = new Set<string>();
      for (const entry of byIssue.values()) {
        const mine = entry.codings.find((c) => c.coderId === userId && c.status === 'submitted');
        if (!mine || blind.has(entry.issueId)) continue;
        const others = entry.codings.filter((c) => c.coderId !== userId && c.status === 'submitted');
        if (others.length) compared += 1;
        const label = labels.get(entry.issueId);
        const differs = others.some((c) => !sameCodes(c.codeIds, mine.codeIds)) || (label && !sameCodes(label.codeIds, mine.codeIds));
        if (!differs) continue;
        for (const c of others) otherCoders.add(c.coderId);
        items.push({
          issueId: entry.issueId,
          ...keys.get(entry.issueId)!,
          round: entry.round,
          mine: mine.codeIds,
          others: others.map((c) => ({ coder: { id: c.coderId, name: '' }, codeIds: c.codeIds })),
          finalCodeIds: label?.codeIds ?? null,
          messages: messages.get(entry.issueId) ?? 0,
        });
      }
      const [users, issues] = await Promise.all([
        prisma.user.findMany({ where: { id: { in: [...otherCoders] } }, select: { id: true, name: true } }),
        prisma.issue.findMany({ where: { id: { in: items.map((i) => i.issueId) } }, select: { id: true, title: true } }),
      ]);
      const nameOf = new Map(users.map((u) => [u.id, u.name]));
      const issueById = new Map(issues.map((i) => [i.id, i]));
      return {
        rounds: rounds.map((r) => ({ number: r.number, name: r.name })),
        compared,
        codes: (stage.codebook?.codes ?? []).map((c) => ({ id: c.id, name: c.name })),
        items: items
          .map((item) => {
            return {
              ...item,
              title: issueById.get(item.issueId)!.title,
              others: item.others.map((o) => ({ ...o, coder: { id: o.coder.id, name: nameOf.get(o.coder.id) ?? '' } })),
            };
          })
          .sort((a, b) => a.round - b.round || byText(a.repository, b.repository) || a.number - b.number),
      };
    },
  };
}

export type ReviewAnalyticsService = ReturnType<typeof createReviewAnalytics>;
