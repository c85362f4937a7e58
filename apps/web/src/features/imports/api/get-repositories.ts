// The project's repositories with their issue counts and last sync.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RepositorySummary } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { importKeys, projectPath } from './keys.ts';

export const getRepositories = (projectId: string, signal?: AbortSignal) =>
  api.get<RepositorySummary[]>(`${projectPath(projectId)}/repositories`, { signal });

export const repositoriesQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: importKeys.repositories(projectId), queryFn: ({ signal }) => getRepositories(projectId, signal) });

export const useRepositories = (projectId: string) => useQuery(repositoriesQueryOptions(projectId));
