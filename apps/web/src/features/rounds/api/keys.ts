// Query keys of the rounds of a project's stages, under the project's scope root; and the API
// paths of a stage's rounds and of one round.
import { projectScope } from '../../../lib/query-keys.ts';

export const roundKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'rounds'] as const,
  list: (projectId: string, stageId: string) => [...roundKeys.all(projectId), stageId, 'list'] as const,
};

export const stageRoundsPath = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}/rounds`;
export const roundPath = (projectId: string, roundId: string) =>
  `/projects/${encodeURIComponent(projectId)}/rounds/${encodeURIComponent(roundId)}`;
