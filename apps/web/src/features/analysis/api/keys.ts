// Query keys of a project's stage analyses, under the project's scope root.
import type { AnalysisSource } from '@concord/contracts';
import { projectScope } from '../../../lib/query-keys.ts';

export const analysisKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'analysis'] as const,
  stage: (projectId: string, stageId: string, source: AnalysisSource) => [...analysisKeys.all(projectId), stageId, { source }] as const,
};
