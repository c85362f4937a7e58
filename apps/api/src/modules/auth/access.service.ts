// The lookups every request makes to decide who is calling and what they may do: sessions,
// API tokens and project roles. They are cached per process and dropped on any change to the
// tables they come from (see lib/change-feed.ts), so a sign-out or role change applies at once.
import type { PrismaClient, Role } from '@concord/db';
import type { ChangeFeed } from '../../lib/change-feed.ts';
import { createChangeCache } from '../../lib/change-cache.ts';
import { sha256 } from '../../lib/secrets.ts';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  lastUsedAt: Date | null;
}

export function createAccessService(prisma: PrismaClient, feed: ChangeFeed) {
  const sessions = createChangeCache<string, SessionRecord>(feed, { tables: ['Session', 'User'], ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  const tokens = createChangeCache<string, ApiTokenRecord>(feed, { tables: ['ApiToken', 'User'], ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  const roles = createChangeCache<string, Role>(feed, { tables: ['Member', 'User', 'Project'], ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });

  return {
    /** The live session behind a session cookie, if any. */
    async session(cookieToken: string): Promise<SessionRecord | undefined> {
      const session = await sessions.get(sha256(cookieToken), async () => {
        const row = await prisma.session.findUnique({
          where: { tokenHash: sha256(cookieToken) },
          select: { id: true, userId: true, csrfToken: true, expiresAt: true },
        });
        return row ?? undefined;
      });
      return session && session.expiresAt > new Date() ? session : undefined;
    },

    /** The unrevoked API token with this secret, if any. */
    async apiToken(secret: string): Promise<ApiTokenRecord | undefined> {
      return tokens.get(sha256(secret), async () => {
        const row = await prisma.apiToken.findUnique({
          where: { tokenHash: sha256(secret) },
          select: { id: true, userId: true, lastUsedAt: true, revokedAt: true },
        });
        return row && !row.revokedAt ? { id: row.id, userId: row.userId, lastUsedAt: row.lastUsedAt } : undefined;
      });
    },

    async recordTokenUse(tokenId: string): Promise<void> {
      await prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
    },

    /** The user's role in the project, or undefined for non-members. */
    async role(userId: string, projectId: string): Promise<Role | undefined> {
      return roles.get(`${userId}:${projectId}`, async () => {
        const member = await prisma.member.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
        return member?.role;
      });
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
