// Query keys of a project's export formats and export jobs, under the project's scope root.
import { projectScope } from '../../../lib/query-keys.ts';

export const exportKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'exports'] as const,
  formats: (projectId: string) => [...exportKeys.all(projectId), 'formats'] as const,
  jobs: (projectId: string) => [...exportKeys.all(projectId), 'jobs'] as const,
};
