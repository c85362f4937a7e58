// Issue sets: the issues matching a filter, or a seeded (optionally stratified) random sample of
// them, saved under a name with the seed and design recorded, to be turned into rounds.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { PrismaClient } from '@concord/db';
import type { CreateIssueSetBody, IssueFilter, IssueSet } from '@concord/contracts';
import { drawSample, seededRandom } from '@concord/sampling';
import { badRequest, conflict, notFound } from '../../plugins/errors.ts';
import type { IssuesService } from '../issues/issues.service.ts';

interface StoredSample {
  size: number;
  seed: string;
  stratifyByRepository: boolean;
}

const setInclude = { createdBy: { select: { name: true } }, _count: { select: { members: true } } } as const;

export function createIssueSetsService(prisma: PrismaClient, pool: pg.Pool, issues: IssuesService) {
  type SetRow = NonNullable<Awaited<ReturnType<typeof findSet>>>;
  function findSet(projectId: string, setId: string) {
    return prisma.issueSet.findFirst({ where: { id: setId, projectId }, include: setInclude });
  }

  function toIssueSet(row: SetRow): IssueSet {
    return {
      id: row.id,
      name: row.name,
      filter: row.filter as IssueFilter,
      sample: (row.sample as StoredSample | null) ?? null,
      population: row.population,
      issues: row._count.members,
      createdBy: row.createdBy?.name ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  return {
    async list(projectId: string): Promise<IssueSet[]> {
      const rows = await prisma.issueSet.findMany({ where: { projectId }, include: setInclude, orderBy: { createdAt: 'desc' } });
      return rows.map(toIssueSet);
    },

    async get(projectId: string, setId: string): Promise<IssueSet> {
      const row = await findSet(projectId, setId);
      if (!row) throw notFound('Issue set');
      return toIssueSet(row);
    },

    async create(projectId: string, userId: string, body: CreateIssueSetBody): Promise<IssueSet> {
      if (body.filter.setId && !(await findSet(projectId, body.filter.setId))) throw notFound('Issue set');
      const population = await issues.matching(projectId, body.filter);
      if (population.length === 0) throw badRequest('EMPTY_SET', 'No issue matches this filter.');
      const sample: StoredSample | null = body.sample
        ? {
            size: Math.min(body.sample.size, population.length),
            seed: body.sample.seed ?? randomBytes(8).toString('hex'),
            stratifyByRepository: body.sample.stratifyByRepository ?? false,
          }
        : null;
      const chosen = sample
        ? drawSample(
            population,
            seededRandom(sample.seed),
            sample.size,
            sample.stratifyByRepository ? (issue) => issue.repository : undefined,
          )
        : population;
      const client = await pool.connect();
      let setId: string;
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "IssueSet" (id, "projectId", name, filter, sample, population, "createdById") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
           ON CONFLICT ("projectId", name) DO NOTHING RETURNING id`,
          [projectId, body.name.trim(), JSON.stringify(body.filter), sample && JSON.stringify(sample), population.length, userId],
        );
        if (!rows[0]) throw conflict('NAME_TAKEN', `An issue set named "${body.name.trim()}" already exists.`);
        setId = rows[0].id;
        await client.query(
          `INSERT INTO "IssueSetMember" ("setId", "issueId", position) SELECT $1, t.id, t.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, position)`,
          [setId, chosen.map((issue) => issue.id)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      return this.get(projectId, setId);
    },

    async remove(projectId: string, setId: string): Promise<void> {
      const { count } = await prisma.issueSet.deleteMany({ where: { id: setId, projectId } });
      if (count === 0) throw notFound('Issue set');
    },

    /** The set's issue ids in their drawn order, for a round. */
    async issueIds(projectId: string, setId: string): Promise<string[]> {
      if (!(await findSet(projectId, setId))) throw notFound('Issue set');
      const members = await prisma.issueSetMember.findMany({ where: { setId }, orderBy: { position: 'asc' }, select: { issueId: true } });
      return members.map((m) => m.issueId);
    },
  };
}

export type IssueSetsService = ReturnType<typeof createIssueSetsService>;
