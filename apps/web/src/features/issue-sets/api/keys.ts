// Query keys of a project's issue sets, under the project's scope root; their API path.
import { projectScope } from '../../../lib/query-keys.ts';

export const issueSetKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'issue-sets'] as const,
};

export const issueSetsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/issue-sets`;
