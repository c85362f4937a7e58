// Query keys of a project's issues, under the project's scope root.
import { projectScope } from '../../../lib/query-keys.ts';

export interface IssueListParams {
  page: number;
  pageSize: number;
  search: string;
}

export const issueKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'issues'] as const,
  list: (projectId: string, params: IssueListParams) => [...issueKeys.all(projectId), 'list', params] as const,
};
