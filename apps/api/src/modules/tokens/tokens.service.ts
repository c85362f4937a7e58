// API tokens for scripts: the secret is shown once and only its SHA-256 is stored.
import type { PrismaClient } from '@concord/db';
import type { ApiToken, CreatedToken } from '@concord/contracts';
import { notFound } from '../../plugins/errors.ts';
import { randomSecret, sha256 } from '../../lib/secrets.ts';

const TOKEN_PREFIX = 'cnc_';

function toApiToken(token: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiToken {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export function createTokensService(prisma: PrismaClient) {
  return {
    async list(userId: string): Promise<ApiToken[]> {
      const tokens = await prisma.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
      return tokens.map(toApiToken);
    },

    async create(userId: string, name: string): Promise<CreatedToken> {
      const secret = `${TOKEN_PREFIX}${randomSecret()}`;
      const token = await prisma.apiToken.create({
        data: { userId, name, tokenHash: sha256(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) },
      });
      return { token: toApiToken(token), secret };
    },

    async revoke(userId: string, tokenId: string): Promise<void> {
      const { count } = await prisma.apiToken.updateMany({
        where: { id: tokenId, userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 0) throw notFound('API token');
    },
  };
}
