// The repositories and labels a project's issues can be filtered by.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IssueFacets } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { issueKeys } from './keys.ts';

export const getIssueFacets = (projectId: string, signal?: AbortSignal) =>
  api.get<IssueFacets>(`/projects/${encodeURIComponent(projectId)}/issues/facets`, { signal });

export const issueFacetsQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: issueKeys.facets(projectId), queryFn: ({ signal }) => getIssueFacets(projectId, signal) });

export const useIssueFacets = (projectId: string) => useQuery(issueFacetsQueryOptions(projectId));
