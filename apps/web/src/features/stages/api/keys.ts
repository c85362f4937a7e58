// Query keys of a project's stages, under the project's scope root.
import { projectScope } from '../../../lib/query-keys.ts';

export const stageKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'stages'] as const,
  list: (projectId: string) => [...stageKeys.all(projectId), 'list'] as const,
};
