// Review of the demo's closed rounds: agreed issues finalised as closing a round does, every
// Relevance and most Challenges disagreements adjudicated (one changed after a discussion), and four
// Challenges ones left open, one with a question for the coders, for a newcomer to resolve.
import type { PrismaClient } from '@concord/db';
import type { ReviewCoding } from '@concord/contracts';
import { consensus } from '../modules/reviews/review-data.ts';
import type { DemoIssue } from './demo-issues.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Challenges disagreements left for a lead to resolve. */
const UNRESOLVED = 4;

interface Demo {
  stageIds: { relevance: string; challenges: string };
  /** Code ids by name, per stage. */
  codes: { relevance: Map<string, string>; challenges: Map<string, string> };
  issues: { id: string; demo: DemoIssue }[];
  leadId: string;
  coderIds: string[];
}

const RELEVANCE_RATIONALES = [
  'The stack trace comes from loading the published checkpoint, so this is about reusing the model.',
  'The reporter builds the library from source; no pre-trained model is involved.',
  'Fine-tuning questions count as PTM-related since the round 2 definition.',
  'Only the tokenizer download fails, but it is the model’s own tokenizer: PTM-related.',
];

async function writeLabel(
  prisma: PrismaClient,
  label: { stageId: string; issueId: string; roundId: string; codeIds: string[]; agreed: boolean },
  revisions: { kind: string; codeIds: string[]; rationale: string; decidedById: string | null; at: Date }[],
) {
  const last = revisions.at(-1)!;
  await prisma.finalLabel.create({
    data: {
      stageId: label.stageId,
      issueId: label.issueId,
      roundId: label.roundId,
      agreed: label.agreed,
      version: revisions.length,
      createdAt: revisions[0]!.at,
      codes: { create: last.codeIds.map((codeId) => ({ codeId })) },
      revisions: {
        create: revisions.map((revision, index) => ({
          version: index + 1,
          kind: revision.kind,
          codeIds: revision.codeIds,
          rationale: revision.rationale,
          decidedById: revision.decidedById,
          createdAt: revision.at,
        })),
      },
    },
  });
}

export async function seedDemoReviews(prisma: PrismaClient, demo: Demo) {
  const truthOf = new Map(demo.issues.map((issue) => [issue.id, issue.demo.truth]));
  const [coderA, coderB] = demo.coderIds as [string, string];
  const rounds = await prisma.round.findMany({
    where: { stageId: { in: [demo.stageIds.relevance, demo.stageIds.challenges] }, status: 'closed' },
    orderBy: [{ stage: { position: 'asc' } }, { number: 'asc' }],
    include: {
      assignments: {
        orderBy: [{ position: 'asc' }, { coderId: 'asc' }],
        include: { coding: { include: { codes: { select: { codeId: true } } } } },
      },
    },
  });
  const challengeDisagreements: { issueId: string; roundId: string; closedAt: Date }[] = [];
  let relevanceDecisions = 0;

  for (const round of rounds) {
    const closedAt = round.closedAt!;
    const relevance = round.stageId === demo.stageIds.relevance;
    const byIssue = new Map<string, ReviewCoding[]>();
    for (const a of round.assignments) {
      const codings = byIssue.get(a.issueId) ?? [];
      codings.push({
        coderId: a.coderId,
        status: a.coding?.status ?? 'todo',
        codeIds: (a.coding?.codes.map((c) => c.codeId) ?? []).sort(),
        flagged: a.coding?.flagged ?? false,
        cannotDecide: a.coding?.cannotDecide ?? false,
      });
      byIssue.set(a.issueId, codings);
    }
    for (const [issueId, codings] of byIssue) {
      const agreed = consensus(codings);
      const label = { stageId: round.stageId, issueId, roundId: round.id };
      if (agreed) {
        await writeLabel(prisma, { ...label, codeIds: agreed, agreed: true }, [
          { kind: 'agreed', codeIds: agreed, rationale: 'Every coder chose these codes.', decidedById: null, at: closedAt },
        ]);
      } else if (relevance) {
        const truth = truthOf.get(issueId)!;
        const codeIds = [demo.codes.relevance.get(truth.relevant ? 'PTM-related' : 'Not PTM-related')!];
        const at = new Date(closedAt.getTime() + (6 + relevanceDecisions * 5) * HOUR_MS);
        await writeLabel(prisma, { ...label, codeIds, agreed: false }, [
          {
            kind: 'decision',
            codeIds,
            rationale: RELEVANCE_RATIONALES[relevanceDecisions % RELEVANCE_RATIONALES.length]!,
            decidedById: demo.leadId,
            at,
          },
        ]);
        relevanceDecisions += 1;
      } else {
        challengeDisagreements.push({ issueId, roundId: round.id, closedAt });
      }
    }
  }

  const decided = challengeDisagreements.slice(0, Math.max(0, challengeDisagreements.length - UNRESOLVED));
  const open = challengeDisagreements.slice(decided.length);
  const truthCodes = (issueId: string) =>
    truthOf
      .get(issueId)!
      .challenges.map((name) => demo.codes.challenges.get(name)!)
      .sort();
  // The story of a decision changed by discussion needs an issue with two challenges.
  const story = Math.max(
    0,
    decided.findIndex((d) => truthCodes(d.issueId).length >= 2),
  );
  for (const [index, { issueId, roundId, closedAt }] of decided.entries()) {
    const truth = truthCodes(issueId);
    const label = { stageId: demo.stageIds.challenges, issueId, roundId, codeIds: truth, agreed: false };
    const decidedAt = new Date(closedAt.getTime() + (20 + index * 7) * HOUR_MS);
    if (index === story) {
      // Decided too quickly, discussed, then changed: the analytics' "changed after discussion".
      const first = [truth[0]!];
      const at = (hours: number) => new Date(closedAt.getTime() + hours * HOUR_MS);
      await writeLabel(prisma, label, [
        { kind: 'decision', codeIds: first, rationale: 'The main complaint is the first one.', decidedById: demo.leadId, at: at(4) },
        ...(first.length === truth.length
          ? []
          : [
              {
                kind: 'decision',
                codeIds: truth,
                rationale: 'Both challenges are real, as discussed.',
                decidedById: demo.leadId,
                at: at(30),
              },
            ]),
      ]);
      await discuss(prisma, label.stageId, issueId, [
        { authorId: coderB, body: 'I coded both: the second comment is a separate problem.', at: at(6) },
        { authorId: demo.leadId, body: 'Agreed, I missed that comment. Changing the label.', at: at(29) },
      ]);
    } else {
      await writeLabel(prisma, label, [
        {
          kind: 'decision',
          codeIds: truth,
          rationale: 'The maintainers’ answer confirms the root cause; the other code describes a symptom.',
          decidedById: demo.leadId,
          at: decidedAt,
        },
      ]);
    }
  }

  // Still open: one flagged for discussion, with a question for the coders.
  const waiting = open[0];
  if (waiting) {
    await prisma.coding.updateMany({
      where: { roundId: waiting.roundId, issueId: waiting.issueId, coderId: coderA },
      data: { flagged: true },
    });
    const coders = await prisma.user.findMany({ where: { id: { in: demo.coderIds } }, select: { email: true }, orderBy: { email: 'asc' } });
    const handles = coders.map((c) => `@${c.email.split('@')[0]}`).join(' ');
    await discuss(prisma, demo.stageIds.challenges, waiting.issueId, [
      {
        authorId: demo.leadId,
        body: `${handles} you coded this one differently. Which comment made you choose your codes?`,
        mentionIds: demo.coderIds,
        at: new Date(waiting.closedAt.getTime() + 3 * HOUR_MS),
      },
    ]);
  }
}

/** Messages of a thread; each author has read the thread up to their last message. */
async function discuss(
  prisma: PrismaClient,
  stageId: string,
  issueId: string,
  messages: { authorId: string; body: string; at: Date; mentionIds?: string[] }[],
) {
  const readAt = new Map<string, Date>();
  for (const message of messages) {
    await prisma.discussionMessage.create({
      data: {
        stageId,
        issueId,
        authorId: message.authorId,
        body: message.body,
        mentionIds: message.mentionIds ?? [],
        createdAt: message.at,
      },
    });
    readAt.set(message.authorId, message.at);
  }
  await prisma.discussionRead.createMany({ data: [...readAt].map(([userId, at]) => ({ userId, stageId, issueId, readAt: at })) });
}
