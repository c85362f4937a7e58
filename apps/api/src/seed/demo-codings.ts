// Closed calibration rounds for the demo, so the Agreement page shows real numbers on first
// start: two Relevance rounds in which the coders agree more the second time (after the
// codebook was refined), and one multi-label Challenges round on the relevant issues; plus an
// open Relevance round for the coders to work on.
import type { PrismaClient } from '@concord/db';
import { seededRandom, type DemoIssue } from './demo-issues.ts';

interface DemoStage {
  id: string;
  codebookId: string;
  /** Code ids by name. */
  codes: Map<string, string>;
}

interface RoundPlan {
  stage: DemoStage;
  number: number;
  name: string;
  codebookVersion: number;
  issues: { id: string; truth: string[] }[];
  /** Whether this coder departs from the truth on the issue at this position. */
  deviates: (coder: number, position: number) => boolean;
  /** Codes a deviating coder picks from. */
  alternatives: string[];
  multiLabel: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function seedRound(prisma: PrismaClient, plan: RoundPlan, coderIds: string[], random: () => number, closedAt: Date) {
  const round = await prisma.round.create({
    data: {
      stageId: plan.stage.id,
      number: plan.number,
      name: plan.name,
      status: 'closed',
      codebookVersion: plan.codebookVersion,
      seed: 'demo',
      overlap: { overlap: { mode: 'all' }, stratifyByRepository: false },
      openedAt: new Date(closedAt.getTime() - 7 * DAY_MS),
      closedAt,
    },
  });
  const pick = (items: string[]) => items[Math.floor(random() * items.length)]!;
  for (const [coderIndex, coderId] of coderIds.entries()) {
    for (const [position, issue] of plan.issues.entries()) {
      let codes = issue.truth;
      if (plan.deviates(coderIndex, position)) {
        const other = pick(plan.alternatives.filter((code) => !codes.includes(code)));
        // Multi-label coders mostly add or swap one code; single-choice coders pick another one.
        codes = plan.multiLabel ? (random() < 0.5 && codes.length > 0 ? [...codes.slice(1), other] : [...codes, other]) : [other];
      }
      const codeIds = codes.map((name) => plan.stage.codes.get(name)!);
      const submittedAt = new Date(closedAt.getTime() - (1 + random() * 5) * DAY_MS);
      await prisma.assignment.create({
        data: {
          roundId: round.id,
          issueId: issue.id,
          coderId,
          position,
          coding: {
            create: {
              roundId: round.id,
              stageId: plan.stage.id,
              issueId: issue.id,
              coderId,
              status: 'submitted',
              activeSeconds: Math.round(40 + random() * 200),
              issueContentVersion: 1,
              submittedAt,
              codes: { create: codeIds.map((codeId) => ({ codeId })) },
              revisions: { create: { codeIds, memo: '' } },
            },
          },
        },
      });
    }
  }
}

export async function seedDemoCodings(
  prisma: PrismaClient,
  {
    relevance,
    challenges,
    issues,
    coderIds,
    refinedBy,
  }: { relevance: DemoStage; challenges: DemoStage; issues: { id: string; demo: DemoIssue }[]; coderIds: string[]; refinedBy: string },
) {
  const random = seededRandom(1960);
  // Relevance disagreements are placed by hand so the demo tells the study's story: kappa about
  // 0.6 in round 1, above 0.8 in round 2 once the definitions were refined.
  const relevanceSlips = (slips: number[][]) => (coder: number, position: number) => slips[coder]!.includes(position);
  const relevanceTruth = (issue: DemoIssue) => [issue.truth.relevant ? 'PTM-related' : 'Not PTM-related'];
  const relevanceCodes = ['PTM-related', 'Not PTM-related'];
  const firstRound = issues.slice(0, 20);
  const secondRound = issues.slice(20, 40);
  const start = Date.UTC(2025, 2, 3);

  await seedRound(
    prisma,
    {
      stage: relevance,
      number: 1,
      name: 'Calibration round 1',
      codebookVersion: 1,
      issues: firstRound.map((i) => ({ id: i.id, truth: relevanceTruth(i.demo) })),
      deviates: relevanceSlips([[2, 9], [14]]),
      alternatives: relevanceCodes,
      multiLabel: false,
    },
    coderIds,
    random,
    new Date(start),
  );
  // Between the rounds the team refined the definitions: the codebook's version 2.
  await prisma.codebook.update({ where: { id: relevance.codebookId }, data: { version: 2 } });
  await prisma.codebookChange.create({
    data: {
      codebookId: relevance.codebookId,
      userId: refinedBy,
      version: 2,
      kind: 'edit',
      details: { code: 'PTM-related', field: 'definition', note: 'Clarified that questions about fine-tuning count as PTM-related.' },
    },
  });
  await seedRound(
    prisma,
    {
      stage: relevance,
      number: 2,
      name: 'Calibration round 2',
      codebookVersion: 2,
      issues: secondRound.map((i) => ({ id: i.id, truth: relevanceTruth(i.demo) })),
      deviates: relevanceSlips([[], [6]]),
      alternatives: relevanceCodes,
      multiLabel: false,
    },
    coderIds,
    random,
    new Date(start + 14 * DAY_MS),
  );
  // An open round waiting for the coders, so a newcomer can code right away.
  const openRound = await prisma.round.create({
    data: {
      stageId: relevance.id,
      number: 3,
      name: 'Round 3',
      status: 'open',
      codebookVersion: 2,
      seed: 'demo',
      overlap: { overlap: { mode: 'all' }, stratifyByRepository: false },
      openedAt: new Date(start + 21 * DAY_MS),
    },
  });
  await prisma.assignment.createMany({
    data: coderIds.flatMap((coderId) =>
      issues.slice(40, 50).map((issue, position) => ({ roundId: openRound.id, issueId: issue.id, coderId, position })),
    ),
  });
  const relevant = issues.slice(0, 40).filter((i) => i.demo.truth.relevant);
  const leafCodes = [...challenges.codes.keys()].filter(
    (name) => !['Model Usage', 'Model Performance and Output Quality', 'Software Environment'].includes(name),
  );
  await seedRound(
    prisma,
    {
      stage: challenges,
      number: 1,
      name: 'Calibration round 1',
      codebookVersion: 1,
      issues: relevant.map((i) => ({ id: i.id, truth: i.demo.truth.challenges })),
      deviates: (coder) => random() < [0.25, 0.3][coder]!,
      alternatives: leafCodes,
      multiLabel: true,
    },
    coderIds,
    random,
    new Date(start + 28 * DAY_MS),
  );
}
