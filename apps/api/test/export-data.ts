// A small study for the export tests: a single-choice screening stage with a closed and an open
// round, a multi-label stage with a two-level codebook, a stage whose only round is open, issue
// text with comments and emoji, a memo, final labels with a revised decision, and a discussion.
import type { PrismaClient } from '@concord/db';
import type { Team, TestUser } from './test-context.ts';
import { createIssues, createRound, createStage } from './factories.ts';

export const EXPORT_MEMO = 'Needs "care", really,\nsee #2 above';
export const EXPORT_RATIONALE = 'The stack trace is about the tokenizer; not in scope.';

export async function createExportData(prisma: PrismaClient, team: Team, second: TestUser) {
  await prisma.member.create({ data: { projectId: team.projectId, userId: second.id, role: 'coder' } });
  const relevance = await createStage(prisma, team.projectId, { mode: 'single', codes: [{ name: 'Relevant' }, { name: 'Not relevant' }] });
  const challenges = await createStage(prisma, team.projectId, {
    mode: 'multi',
    codes: [
      { name: 'Theme A', children: ['A1', 'A2'] },
      { name: 'Theme B', children: ['B1'] },
    ],
  });
  const openOnly = await createStage(prisma, team.projectId, { mode: 'single', codes: [{ name: 'X' }] });
  const issues = await createIssues(prisma, team.projectId, 6);
  const issueTitle = 'Loading fails for model #12 "bert", again';
  const issueBody = 'Stack trace 🤖 here\nline 2 <b>&</b>';
  const commentBody = 'Same here 👍';
  await prisma.issue.update({
    where: { id: issues[0]! },
    data: { title: issueTitle, body: issueBody, state: 'CLOSED', closedAt: new Date(), labels: ['bug', 'tokenizer'] },
  });
  await prisma.comment.create({
    data: {
      issueId: issues[0]!,
      githubNodeId: 'C_1',
      authorLogin: 'octocat',
      body: commentBody,
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  });

  const { Relevant: R, 'Not relevant': N } = relevance.codeIds as Record<string, string>;
  const { A1, A2, B1 } = challenges.codeIds as Record<string, string>;
  const coder = team.coder.id;
  const roundOne = await createRound(prisma, relevance.stageId, {
    number: 1,
    status: 'closed',
    issueIds: issues.slice(0, 4),
    codings: { [coder]: [[R!], [R!], [N!], []], [second.id]: [[R!], [N!], [N!], [R!]] },
  });
  await createRound(prisma, relevance.stageId, {
    number: 2,
    status: 'open',
    issueIds: issues.slice(4, 6),
    codings: { [coder]: [[R!], null], [second.id]: [[N!], [R!]] },
  });
  await createRound(prisma, challenges.stageId, {
    number: 1,
    status: 'closed',
    issueIds: issues.slice(0, 2),
    codings: { [coder]: [[A1!, B1!], [A2!]], [second.id]: [[A1!], [A2!]] },
  });
  await createRound(prisma, openOnly.stageId, {
    number: 1,
    status: 'open',
    issueIds: issues.slice(0, 1),
    codings: { [coder]: [[openOnly.codeIds.X!]] },
  });
  await prisma.coding.updateMany({ where: { roundId: roundOne, issueId: issues[2]!, coderId: coder }, data: { memo: EXPORT_MEMO } });

  await prisma.finalLabel.create({
    data: { stageId: relevance.stageId, issueId: issues[0]!, roundId: roundOne, agreed: true, codes: { create: [{ codeId: R! }] } },
  });
  await prisma.finalLabel.create({
    data: {
      stageId: relevance.stageId,
      issueId: issues[1]!,
      roundId: roundOne,
      version: 2,
      codes: { create: [{ codeId: N! }] },
      revisions: {
        create: [
          { version: 1, codeIds: [R!], decidedById: team.lead.id },
          { version: 2, codeIds: [N!], rationale: EXPORT_RATIONALE, decidedById: team.lead.id },
        ],
      },
    },
  });
  await prisma.finalLabel.create({
    data: { stageId: challenges.stageId, issueId: issues[0]!, codes: { create: [{ codeId: A1! }, { codeId: B1! }] } },
  });
  await prisma.discussionMessage.create({
    data: { stageId: relevance.stageId, issueId: issues[1]!, authorId: team.lead.id, body: 'Tokenizer, not model reuse?' },
  });

  const stageName = async (stageId: string) => (await prisma.stage.findUniqueOrThrow({ where: { id: stageId } })).name;
  return {
    issues,
    relevance: { ...relevance, name: await stageName(relevance.stageId) },
    challenges: { ...challenges, name: await stageName(challenges.stageId) },
    openOnly,
    issueTitle,
    issueBody,
    commentBody,
    memo: EXPORT_MEMO,
    rationale: EXPORT_RATIONALE,
    codeCount: 8,
    codingCount: 17,
    /** Submitted codings as tidy rows (a coding with no code is one row). */
    expectedCodingRows: 17,
    expectedCoderRows: 9,
  };
}

export type ExportData = Awaited<ReturnType<typeof createExportData>>;
