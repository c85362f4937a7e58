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
import { createCodebooksService } from './modules/codebooks/codebooks.service.ts';
import { createAccessService } from './modules/auth/access.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createIssuesService } from './modules/issues/issues.service.ts';
import { createMembersService } from './modules/members/members.service.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { createTokensService } from './modules/tokens/tokens.service.ts';
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
    agreement: createAgreementService(prisma, pool),
    codebooks: createCodebooksService(prisma),
    rounds: createRoundsService(prisma, issueSets.issueIds),
    coding: createCodingService(prisma, pool, changeFeed),
  };
}

export type Services = ReturnType<typeof createServices>;
