// Sign-in with rate limiting, sessions stored in PostgreSQL, and first-run setup.
import type { PrismaClient } from '@concord/db';
import type { SetupBody, User } from '@concord/contracts';
import { AppError, conflict, unauthorized } from '../../plugins/errors.ts';
import { hashPassword, randomSecret, sha256, spendPasswordCheckTime, verifyPassword } from '../../lib/secrets.ts';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_KEY = 10;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

export function toUser(user: { id: string; email: string; name: string }): User {
  return { id: user.id, email: user.email, name: user.name };
}

export function createAuthService(prisma: PrismaClient) {
  async function startSession(user: { id: string; email: string; name: string }): Promise<NewSession> {
    const token = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await prisma.session.create({ data: { tokenHash: sha256(token), csrfToken, userId: user.id, expiresAt } });
    return { token, csrfToken, expiresAt, user: toUser(user) };
  }

  // Failures are counted per address and per account, in the database so that every API process
  // enforces the same limit.
  async function assertNotThrottled(keys: string[]): Promise<void> {
    const since = new Date(Date.now() - FAILURE_WINDOW_MS);
    const counts = await prisma.loginFailure.groupBy({ by: ['key'], where: { key: { in: keys }, createdAt: { gt: since } }, _count: true });
    if (counts.some((c) => c._count >= MAX_FAILURES_PER_KEY)) {
      throw new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        retryAfterSeconds: FAILURE_WINDOW_MS / 1000,
      });
    }
  }

  return {
    async login(email: string, password: string, ip: string): Promise<NewSession> {
      const normalisedEmail = email.trim().toLowerCase();
      const keys = [`ip:${ip}`, `email:${normalisedEmail}`];
      await assertNotThrottled(keys);
      const user = await prisma.user.findUnique({ where: { email: normalisedEmail } });
      const valid = user ? await verifyPassword(password, user.passwordHash) : (await spendPasswordCheckTime(password), false);
      if (!user || !valid) {
        await prisma.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
        // The same answer whether the account exists or not.
        throw unauthorized('Wrong email or password.');
      }
      return startSession(user);
    },

    async logout(sessionId: string): Promise<void> {
      await prisma.session.deleteMany({ where: { id: sessionId } });
    },

    async user(userId: string): Promise<User> {
      return toUser(await prisma.user.findUniqueOrThrow({ where: { id: userId } }));
    },

    async needsSetup(): Promise<boolean> {
      return (await prisma.user.count()) === 0;
    },

    /** Creates the first account of an empty instance; refused once any account exists. */
    async setup(body: SetupBody): Promise<NewSession> {
      const passwordHash = await hashPassword(body.password);
      // A transaction-scoped advisory lock serialises simultaneous setup requests, so exactly one
      // creates the first account and the others see it.
      const user = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('concord:first-run-setup'))`;
        if ((await tx.user.count()) > 0) throw conflict('ALREADY_SET_UP', 'This instance already has accounts; sign in instead.');
        return tx.user.create({ data: { email: body.email.trim().toLowerCase(), name: body.name.trim(), passwordHash } });
      });
      return startSession(user);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
