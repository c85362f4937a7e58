// Projects: the ones a user belongs to, creation (the creator becomes owner) and the overview.
import type { PrismaClient, Role } from '@concord/db';
import type { CreateProjectBody, ProjectDetail, ProjectSummary } from '@concord/contracts';
import { badRequest, conflict } from '../../plugins/errors.ts';

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
  return { id: project.id, slug: project.slug, name: project.name, description: project.description, role, createdAt: project.createdAt.toISOString() };
}

export function createProjectsService(prisma: PrismaClient) {
  return {
    async listFor(userId: string): Promise<ProjectSummary[]> {
      const memberships = await prisma.member.findMany({ where: { userId }, include: { project: true }, orderBy: { project: { name: 'asc' } } });
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
      const project = await prisma.project.findUniqueOrThrow({
        where: { id: projectId },
        include: {
          _count: { select: { repositories: true, issues: true, stages: true, members: true } },
          stages: {
            orderBy: { position: 'asc' },
            select: { id: true, name: true, position: true, mode: true, codebook: { select: { _count: { select: { codes: { where: { retiredAt: null } } } } } } },
          },
        },
      });
      return {
        ...toSummary(project, role),
        counts: project._count,
        stages: project.stages.map((s) => ({ id: s.id, name: s.name, position: s.position, mode: s.mode, codes: s.codebook?._count.codes ?? 0 })),
      };
    },
  };
}
