// Projects: the ones a user belongs to, creation (the creator becomes owner) and the overview.
import type { PrismaClient, Role } from '@concord/db';
import type { CreateProjectBody, ProjectDetail, ProjectSummary } from '@concord/contracts';
import { badRequest, conflict } from '../../plugins/errors.ts';
import type { ChangeFeed } from '../../lib/change-feed.ts';
import { createChangeCache } from '../../lib/change-cache.ts';

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

type ProjectRow = { id: string; slug: string; name: string; description: string; createdAt: Date };

function toSummary(project: ProjectRow, role: Role): ProjectSummary {
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    description: project.description,
    role,
    createdAt: project.createdAt.toISOString(),
  };
}

// The overview is read on every project page; it is cached until one of these tables changes.
const OVERVIEW_TABLES = ['Project', 'Member', 'Repository', 'Issue', 'Stage', 'Codebook', 'Code'];

export function createProjectsService(prisma: PrismaClient, changeFeed: ChangeFeed) {
  const overviews = createChangeCache<string, Omit<ProjectDetail, 'role'>>(changeFeed, {
    tables: OVERVIEW_TABLES,
    ttlMs: 60_000,
    maxEntries: 1000,
  });

  async function loadOverview(projectId: string): Promise<Omit<ProjectDetail, 'role'>> {
    const project = await prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      include: {
        _count: { select: { repositories: true, issues: true, stages: true, members: true } },
        stages: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            name: true,
            position: true,
            mode: true,
            codebook: { select: { _count: { select: { codes: { where: { retiredAt: null } } } } } },
          },
        },
      },
    });
    const { role: _role, ...summary } = toSummary(project, 'coder');
    return {
      ...summary,
      counts: project._count,
      stages: project.stages.map((s) => ({
        id: s.id,
        name: s.name,
        position: s.position,
        mode: s.mode,
        codes: s.codebook?._count.codes ?? 0,
      })),
    };
  }

  return {
    async listFor(userId: string): Promise<ProjectSummary[]> {
      const memberships = await prisma.member.findMany({
        where: { userId },
        include: { project: true },
        orderBy: { project: { name: 'asc' } },
      });
      return memberships.map((m) => toSummary(m.project, m.role));
    },

    async create(userId: string, body: CreateProjectBody): Promise<ProjectSummary> {
      const slug = body.slug ?? slugify(body.name);
      if (!slug) throw badRequest('INVALID_SLUG', 'The name has no letters or digits to make a slug from; give a slug.');
      if (await prisma.project.findUnique({ where: { slug }, select: { id: true } })) {
        throw conflict('SLUG_TAKEN', `A project with slug "${slug}" already exists; choose another.`);
      }
      const project = await prisma.project.create({
        data: { slug, name: body.name.trim(), description: body.description ?? '', members: { create: { userId, role: 'owner' } } },
      });
      return toSummary(project, 'owner');
    },

    async detail(projectId: string, role: Role): Promise<ProjectDetail> {
      const overview = await overviews.get(projectId, () => loadOverview(projectId));
      return { ...overview!, role };
    },
  };
}
