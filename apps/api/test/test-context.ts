// Per test file: a fresh database copied from the migrated template, the real app on it, and
// factories for a project team whose members are signed in through real session rows.
import { afterAll, inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { connectDatabase, createTestDatabase, type Database, type PrismaClient, type Role } from '@concord/db';
import { buildApp, type AppOptions } from '../src/app.ts';
import { hashPassword, randomSecret, sha256 } from '../src/lib/secrets.ts';
import { SESSION_TTL_MS } from '../src/modules/auth/auth.service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  /** Headers that authenticate as this user through a session cookie, CSRF header included. */
  headers: Record<string, string>;
}

export interface TestContext {
  app: FastifyInstance;
  prisma: PrismaClient;
  database: Database;
  /** Inject a request as `user` (or anonymously). */
  request(user: TestUser | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  createUser(name?: string): Promise<TestUser>;
  createTeam(): Promise<Team>;
}

export interface Team {
  projectId: string;
  owner: TestUser;
  lead: TestUser;
  coder: TestUser;
  /** A coder of another project. */
  outsider: TestUser;
}

let passwordHash: Promise<string> | undefined;

/** `options`: e.g. a fake GitHub and a job worker for import tests. */
export async function createTestContext(options: Omit<AppOptions, 'database'> = {}): Promise<TestContext> {
  const testDatabase = await createTestDatabase(inject('databaseServerUrl'));
  const database = connectDatabase(testDatabase.url, 4);
  const { prisma } = database;
  const app = await buildApp({ database, ...options });
  afterAll(async () => {
    await app.close();
    await database.close();
    await testDatabase.drop();
  });

  let userCount = 0;
  async function createUser(name = `user${++userCount}`): Promise<TestUser> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = `${name}-${randomSecret(4).toLowerCase()}@test.concord`;
    const user = await prisma.user.create({ data: { email, name, passwordHash: await passwordHash } });
    const token = randomSecret();
    const csrfToken = randomSecret();
    await prisma.session.create({
      data: { userId: user.id, tokenHash: sha256(token), csrfToken, expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
    });
    return { id: user.id, email, headers: { cookie: `concord_session=${token}; concord_csrf=${csrfToken}`, 'x-csrf-token': csrfToken } };
  }

  async function addToNewProject(members: [TestUser, Role][]): Promise<string> {
    const project = await prisma.project.create({
      data: {
        slug: `p-${randomSecret(6)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, 'x')}`,
        name: 'Test project',
        members: { create: members.map(([u, role]) => ({ userId: u.id, role })) },
      },
    });
    return project.id;
  }

  return {
    app,
    prisma,
    database,
    request: (user, options) => app.inject({ ...options, headers: { ...user?.headers, ...options.headers } }),
    createUser,
    async createTeam() {
      const [owner, lead, coder, outsider] = await Promise.all(['owner', 'lead', 'coder', 'outsider'].map((n) => createUser(n)));
      const projectId = await addToNewProject([
        [owner!, 'owner'],
        [lead!, 'lead'],
        [coder!, 'coder'],
      ]);
      await addToNewProject([[outsider!, 'coder']]);
      return { projectId, owner: owner!, lead: lead!, coder: coder!, outsider: outsider! };
    },
  };
}
