// The project's dataset: its issues with their final label in each stage. Coders see a stage's
// label only once every round of that stage that drew the issue is closed (blind coding: a lead
// may decide live while coders still code it).
import type { Prisma, PrismaClient, Role } from '@concord/db';
import type { DatasetPage, DatasetQuery } from '@concord/contracts';
import { badRequest } from '../../plugins/errors.ts';

export function createDatasetService(prisma: PrismaClient) {
  return {
    async page(projectId: string, role: Role, query: DatasetQuery): Promise<DatasetPage> {
      if (query.code && !query.stageId) throw badRequest('STAGE_REQUIRED', 'Filtering by code needs the stage (stageId) too.');
      const stages = await prisma.stage.findMany({ where: { projectId }, orderBy: { position: 'asc' }, select: { id: true, name: true } });
      const search = query.search?.trim();
      const labelFilter: Prisma.FinalLabelWhereInput = {
        ...(query.stageId ? { stageId: query.stageId } : {}),
        ...(query.code ? { codes: { some: { codeId: query.code } } } : {}),
        // Filtering must not reveal a label a coder may not see yet (stricter without a stage: safe).
        ...(role === 'coder'
          ? {
              issue: {
                assignments: { none: { round: { status: { not: 'closed' }, ...(query.stageId ? { stageId: query.stageId } : {}) } } },
              },
            }
          : {}),
      };
      const where: Prisma.IssueWhereInput = {
        projectId,
        ...(search
          ? { OR: [{ title: { contains: search, mode: 'insensitive' } }, { body: { contains: search, mode: 'insensitive' } }] }
          : {}),
        ...(query.code || query.labelled === true ? { finalLabels: { some: labelFilter } } : {}),
        ...(query.labelled === false ? { finalLabels: { none: labelFilter } } : {}),
      };
      const [total, issues] = await Promise.all([
        prisma.issue.count({ where }),
        prisma.issue.findMany({
          where,
          orderBy: [{ repository: { name: 'asc' } }, { number: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          select: { id: true, number: true, title: true, state: true, url: true, repository: { select: { owner: true, name: true } } },
        }),
      ]);
      const labels = await prisma.finalLabel.findMany({
        where: { issueId: { in: issues.map((i) => i.id) } },
        select: {
          issueId: true,
          stageId: true,
          agreed: true,
          reopened: true,
          version: true,
          codes: { select: { code: { select: { id: true, name: true, position: true } } } },
        },
      });
      // (stage, issue) pairs drawn by a round that is not closed: hidden from coders.
      const hidden =
        role === 'coder'
          ? new Set(
              (
                await prisma.assignment.findMany({
                  where: { issueId: { in: issues.map((i) => i.id) }, round: { status: { not: 'closed' } } },
                  select: { issueId: true, round: { select: { stageId: true } } },
                })
              ).map((a) => `${a.round.stageId}|${a.issueId}`),
            )
          : new Set<string>();
      const stageOrder = new Map(stages.map((s, index) => [s.id, index]));
      return {
        stages,
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: issues.map((issue) => ({
          issueId: issue.id,
          repository: `${issue.repository.owner}/${issue.repository.name}`,
          number: issue.number,
          title: issue.title,
          state: issue.state,
          url: issue.url,
          labels: labels
            .filter((label) => label.issueId === issue.id && !hidden.has(`${label.stageId}|${label.issueId}`))
            .sort((a, b) => stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)!)
            .map((label) => ({
              stageId: label.stageId,
              agreed: label.agreed,
              reopened: label.reopened,
              version: label.version,
              codes: label.codes
                .map((c) => c.code)
                .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
                .map(({ id, name }) => ({ id, name })),
            })),
        })),
      };
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
