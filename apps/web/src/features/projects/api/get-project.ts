// One project with its counts, stages and my role; 404 when it does not exist or I am not in it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProjectDetail } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectKeys } from './keys.ts';

export const getProject = (projectId: string, signal?: AbortSignal) =>
  api.get<ProjectDetail>(`/projects/${encodeURIComponent(projectId)}`, { signal });

export const projectQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) => getProject(projectId, signal),
  });

export const useProject = (projectId: string) => useQuery(projectQueryOptions(projectId));
