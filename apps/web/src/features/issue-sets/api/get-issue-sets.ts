// A project's saved issue sets.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IssueSet } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { issueSetKeys, issueSetsPath } from './keys.ts';

export const getIssueSets = (projectId: string, signal?: AbortSignal) => api.get<IssueSet[]>(issueSetsPath(projectId), { signal });

export const issueSetsQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: issueSetKeys.all(projectId), queryFn: ({ signal }) => getIssueSets(projectId, signal) });

export const useIssueSets = (projectId: string) => useQuery(issueSetsQueryOptions(projectId));
