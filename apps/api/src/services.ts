// Composes every domain service from its dependencies; modules receive this and call each
// other's services through it rather than importing one another.
import type { Database } from '@concord/db';
import type { ChangeFeed } from './lib/change-feed.ts';
import { createCodingService } from './modules/coding/coding.service.ts';
import { createRoundsService } from './modules/rounds/rounds.service.ts';
import { createAgreementService } from './modules/agreement/agreement.service.ts';
import { createAnalysisService } from './modules/analysis/analysis.service.ts';
import { createCodebooksService } from './modules/codebooks/codebooks.service.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { createAccessService } from './modules/auth/access.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createIssuesService } from './modules/issues/issues.service.ts';
import { createMembersService } from './modules/members/members.service.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { createTokensService } from './modules/tokens/tokens.service.ts';
import { createReviewsService } from './modules/reviews/reviews.service.ts';
import { createReviewAnalytics } from './modules/reviews/review-analytics.ts';
import { createDiscussionsService } from './modules/reviews/discussions.service.ts';
import { createDatasetService } from './modules/reviews/dataset.service.ts';
import { createRecodeService } from './modules/reviews/recode.service.ts';
import { AppError } from './plugins/errors.ts';

export function createServices({ prisma, pool }: Database, changeFeed: ChangeFeed) {
  const agreement = createAgreementService(prisma, pool);
  const coding = createCodingService(prisma, pool, changeFeed);
  const reviews = createReviewsService(prisma, pool, coding);
  return {
    database: {
      async ping(): Promise<void> {
        try {
          await prisma.$queryRaw`SELECT 1`;
        } catch {
          throw new AppError(503, 'DATABASE_UNAVAILABLE', 'The database does not answer.');
        }
      },
    },
    access: createAccessService(prisma, changeFeed),
    auth: createAuthService(prisma),
    tokens: createTokensService(prisma),
    projects: createProjectsService(prisma, changeFeed),
    members: createMembersService(prisma),
    issues: createIssuesService(prisma),
    agreement,
    analysis: createAnalysisService(prisma, pool, agreement),
    codebooks: createCodebooksService(prisma),
    // Closing a round finalises the issues on which every coder agreed.
    rounds: createRoundsService(prisma, { onClosed: (roundId) => reviews.finaliseRound(roundId) }),
    coding,
    reviews,
    reviewAnalytics: createReviewAnalytics(prisma, pool),
    discussions: createDiscussionsService(prisma, pool),
    dataset: createDatasetService(prisma),
    recode: createRecodeService(prisma, coding),
    exports: createExportsService(prisma, pool),
  };
}

export type Services = ReturnType<typeof createServices>;
