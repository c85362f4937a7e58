// Query keys of a project's issues, under the project's scope root.
import type { IssueFilter } from '@concord/contracts';
import { projectScope } from '../../../lib/query-keys.ts';

export interface IssueListParams extends IssueFilter {
  page: number;
  pageSize: number;
}

export const issueKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'issues'] as const,
  list: (projectId: string, params: IssueListParams) => [...issueKeys.all(projectId), 'list', params] as const,
  facets: (projectId: string) => [...issueKeys.all(projectId), 'facets'] as const,
};
