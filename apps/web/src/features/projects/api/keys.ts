// Query keys of projects: the list is global, a project's detail sits at its project scope root.
import { projectScope } from '../../../lib/query-keys.ts';

export const projectKeys = {
  list: () => ['projects', 'list'] as const,
  detail: (projectId: string) => [...projectScope(projectId), 'detail'] as const,
};
