// Builders for coding data in tests: a stage with its codebook, issues, and rounds of codings,
// written through Prisma exactly as the application stores them.
import type { PrismaClient } from '@concord/db';

let counter = 0;
const unique = () => ++counter;

export interface CodeSpec {
  name: string;
  children?: string[];
}

/** A stage with a codebook; returns code ids by name. */
export async function createStage(
  prisma: PrismaClient,
  projectId: string,
  { mode, codes, parentCodesCodable = false }: { mode: 'single' | 'multi'; codes: CodeSpec[]; parentCodesCodable?: boolean },
) {
  const stage = await prisma.stage.create({
    data: { projectId, name: `Stage ${unique()}`, position: unique(), mode, parentCodesCodable, codebook: { create: {} } },
    include: { codebook: true },
  });
  const codeIds: Record<string, string> = {};
  for (const [position, spec] of codes.entries()) {
    const parent = await prisma.code.create({ data: { codebookId: stage.codebook!.id, name: spec.name, position } });
    codeIds[spec.name] = parent.id;
    for (const [childPosition, child] of (spec.children ?? []).entries()) {
      codeIds[child] = (
        await prisma.code.create({ data: { codebookId: stage.codebook!.id, parentId: parent.id, name: child, position: childPosition } })
      ).id;
    }
  }
  return { stageId: stage.id, codeIds };
}

export async function createIssues(prisma: PrismaClient, projectId: string, count: number): Promise<string[]> {
  const repository = await prisma.repository.create({ data: { projectId, owner: 'octo', name: `repo-${unique()}` } });
  const ids: string[] = [];
  for (let number = 1; number <= count; number++) {
    const issue = await prisma.issue.create({
      data: {
        projectId,
        repositoryId: repository.id,
        githubNodeId: `I_${unique()}`,
        number,
        title: `Issue ${number}`,
        body: '',
        state: 'OPEN',
        createdAt: new Date(),
        updatedAt: new Date(),
        url: `https://github.com/octo/${repository.name}/issues/${number}`,
        contentHash: 'x',
      },
    });
    ids.push(issue.id);
  }
  return ids;
}

/**
 * A round in which each coder submitted the given codes per issue: `codings[coderId][i]` are the
 * code ids for `issueIds[i]` (`null`: assigned but not submitted).
 */
export async function createRound(
  prisma: PrismaClient,
  stageId: string,
  {
    number,
    status,
    issueIds,
    codings,
  }: { number: number; status: 'open' | 'closed'; issueIds: string[]; codings: Record<string, (string[] | null)[]> },
) {
  const round = await prisma.round.create({
    data: {
      stageId,
      number,
      name: `Round ${number}`,
      status,
      codebookVersion: 1,
      overlap: { overlap: { mode: 'all' }, stratifyByRepository: false },
    },
  });
  for (const [coderId, perIssue] of Object.entries(codings)) {
    for (const [position, codeIds] of perIssue.entries()) {
      await prisma.assignment.create({
        data: {
          roundId: round.id,
          issueId: issueIds[position]!,
          coderId,
          position,
          coding: {
            create: {
              roundId: round.id,
              stageId,
              issueId: issueIds[position]!,
              coderId,
              status: codeIds === null ? 'draft' : 'submitted',
              issueContentVersion: 1,
              codes: { create: (codeIds ?? []).map((codeId) => ({ codeId })) },
            },
          },
        },
      });
    }
  }
  return round.id;
}
