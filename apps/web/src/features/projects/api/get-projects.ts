// The projects I am a member of, with my role in each.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProjectSummary } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectKeys } from './keys.ts';

export const getProjects = (signal?: AbortSignal) => api.get<ProjectSummary[]>('/projects', { signal });

export const projectsQueryOptions = () =>
  queryOptions({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => getProjects(signal),
  });

export const useProjects = () => useQuery(projectsQueryOptions());
