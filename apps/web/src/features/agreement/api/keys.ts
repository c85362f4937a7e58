// Query keys of a project's agreement reports and of the disagreeing issues behind their cells,
// under the project's scope root.
import type { DisagreementQuery } from '@concord/contracts';
import { projectScope } from '../../../lib/query-keys.ts';

export const agreementKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'agreement'] as const,
  stage: (projectId: string, stageId: string) => [...agreementKeys.all(projectId), stageId] as const,
  /** `round` null: every round of the stage together. */
  report: (projectId: string, stageId: string, round: number | null) =>
    [...agreementKeys.stage(projectId, stageId), 'report', { round }] as const,
  disagreements: (projectId: string, stageId: string, query: DisagreementQuery) =>
    [...agreementKeys.stage(projectId, stageId), 'disagreements', query] as const,
};
