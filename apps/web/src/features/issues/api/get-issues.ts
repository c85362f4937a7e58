// One page of a project's imported issues, filtered and searched (matches come highlighted).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { IssuePage } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { issueKeys, type IssueListParams } from './keys.ts';

export const getIssues = (projectId: string, params: IssueListParams, signal?: AbortSignal) =>
  api.get<IssuePage>(`/projects/${encodeURIComponent(projectId)}/issues`, {
    query: { ...params, search: params.search?.trim(), changedSinceCoded: params.changedSinceCoded || undefined },
    signal,
  });

export const issuesQueryOptions = (projectId: string, params: IssueListParams) =>
  queryOptions({
    queryKey: issueKeys.list(projectId, params),
    queryFn: ({ signal }) => getIssues(projectId, params, signal),
    // Keep the current page on screen while the next one loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });

export const useIssues = (projectId: string, params: IssueListParams) => useQuery(issuesQueryOptions(projectId, params));
