// Reading a project's imported issues.
import type { Prisma, PrismaClient } from '@concord/db';
import type { IssueListQuery, IssuePage } from '@concord/contracts';

export function createIssuesService(prisma: PrismaClient) {
  return {
    async list(projectId: string, query: IssueListQuery): Promise<IssuePage> {
      const search = query.search?.trim();
      const where: Prisma.IssueWhereInput = {
        projectId,
        ...(search
          ? { OR: [{ title: { contains: search, mode: 'insensitive' } }, { body: { contains: search, mode: 'insensitive' } }] }
          : {}),
      };
      const [total, rows] = await Promise.all([
        prisma.issue.count({ where }),
        prisma.issue.findMany({
          where,
          orderBy: [{ repository: { name: 'asc' } }, { number: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          include: { repository: { select: { owner: true, name: true } }, _count: { select: { comments: true } } },
        }),
      ]);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((issue) => ({
          id: issue.id,
          repository: `${issue.repository.owner}/${issue.repository.name}`,
          number: issue.number,
          title: issue.title,
          state: issue.state,
          labels: issue.labels,
          comments: issue._count.comments,
          createdAt: issue.createdAt.toISOString(),
          closedAt: issue.closedAt?.toISOString() ?? null,
          url: issue.url,
        })),
      };
    },
  };
}
