// Composes every domain service from its dependencies; modules receive this and call each
// other's services through it rather than importing one another.
import type { Database } from '@concord/db';
import type { ChangeFeed } from './lib/change-feed.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { SecretBox } from './lib/secret-box.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createIssueSetsService } from './modules/issue-sets/issue-sets.service.ts';
import { createCodingService } from './modules/coding/coding.service.ts';
import { createRoundsService } from './modules/rounds/rounds.service.ts';
import { createAgreementService } from './modules/agreement/agreement.service.ts';
import { createAnalysisService } from './modules/analysis/analysis.service.ts';
import { createCodebooksService } from './modules/codebooks/codebooks.service.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { createExportJobsService } from './modules/exports/export-jobs.service.ts';
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

export interface ServiceExtras {
  jobs: JobRunner;
  secretBox: SecretBox;
  github: { apiUrl: string; serverToken: string | undefined };
}

export function createServices(database: Database, changeFeed: ChangeFeed, { jobs, secretBox, github }: ServiceExtras) {
  const { prisma, pool } = database;
  const issues = createIssuesService(pool);
  const issueSets = createIssueSetsService(prisma, pool, issues);
  const agreement = createAgreementService(prisma, pool);
  const coding = createCodingService(prisma, pool, changeFeed);
  const reviews = createReviewsService(prisma, pool, coding);
  const exports = createExportsService(prisma, pool);
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
    issues,
    issueSets,
    imports: createImportsService({ database, jobs, secretBox, github }),
    agreement,
    analysis: createAnalysisService(prisma, pool, agreement),
    codebooks: createCodebooksService(prisma),
    // Closing a round finalises the issues on which every coder agreed.
    rounds: createRoundsService(prisma, {
      issueSetIssueIds: issueSets.issueIds,
      onClosed: (roundId) => reviews.finaliseRound(roundId),
    }),
    coding,
    reviews,
    reviewAnalytics: createReviewAnalytics(prisma, pool),
    discussions: createDiscussionsService(prisma, pool),
    dataset: createDatasetService(prisma),
    recode: createRecodeService(prisma, coding),
    exports,
    exportJobs: createExportJobsService({ database, jobs, exports }),
  };
}

export type Services = ReturnType<typeof createServices>;
