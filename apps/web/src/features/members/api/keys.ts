// Query keys of a project's members, under the project's scope root.
import { projectScope } from '../../../lib/query-keys.ts';

export const memberKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'members'] as const,
  list: (projectId: string) => [...memberKeys.all(projectId), 'list'] as const,
};
