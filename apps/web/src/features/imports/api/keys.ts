// Query keys of a project's imports and repositories, under the project's scope root; API paths.
import { projectScope } from '../../../lib/query-keys.ts';

export const importKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'imports'] as const,
  settings: (projectId: string) => [...importKeys.all(projectId), 'settings'] as const,
  list: (projectId: string) => [...importKeys.all(projectId), 'list'] as const,
  repositories: (projectId: string) => [...projectScope(projectId), 'repositories'] as const,
};

export const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
